"""Markdown: a summary, a table and the diffs of changed pages, for issues and wikis.

Page text is cleaned and escaped so that a title cannot add HTML, links or table
columns to the document it is pasted into.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from archiver.report import ReportData
from archiver.report.common import clean, clean_block, ordered, settings_text, summary_line

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def _esc(value: object) -> str:
    return _MD_SPECIAL.sub(r"\\\1", clean(value))


def _link(url: str, label: str) -> str:
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return _esc(url)
    target = quote(clean(url), safe=":/?#[]@!$&'*+,;=%~-._")
    target = target.replace("(", "%28").replace(")", "%29")
    return f"[{_esc(label)}]({target})"


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"~+", text)), default=0)
    return "~" * max(3, longest + 1)


def render_markdown(data: ReportData) -> str:
    out = [f"# Link report: run {_esc(data.run_id)}", ""]
    when = " → ".join(x for x in (clean(data.started), clean(data.finished)) if x)
    if when:
        out += [f"{when}", ""]
    if data.offline:
        out.append(
            "**Offline**: no host could be reached at the network level, so no link "
            "was judged and the history was left as it was."
        )
        return "\n".join(out) + "\n"
    out += [_esc(summary_line(data.verdicts)), ""]
    settings = settings_text(data.settings)
    if settings:
        out += [f"Settings: {_esc(settings)}", ""]
    if not data.verdicts:
        return "\n".join(out) + "\n"
    out += ["| Status | Drift | Link | Evidence |", "|---|---|---|---|"]
    for v in ordered(data.verdicts):
        drift = v.drift
        if v.drift == "changed" and v.similarity is not None:
            drift = f"changed ({v.similarity:.0%})"
        label = clean(v.title) or clean(v.url)
        link = _link(v.url, label)
        if clean(v.title):
            link += f"<br>{_esc(v.url)}"
        out.append(f"| **{v.status}** | {drift} | {link} | {_esc(v.reason)} |")
    changed = [v for v in ordered(data.verdicts) if v.diff]
    if changed:
        out += ["", "## What changed", ""]
        for v in changed:
            sim = f" (similarity {v.similarity:.2f})" if v.similarity is not None else ""
            body = clean_block(v.diff)
            fence = _fence(body)
            out += [f"### {_esc(v.url)}{sim}", "", fence, body, fence, ""]
    return "\n".join(out).rstrip("\n") + "\n"
