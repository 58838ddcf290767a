"""Markdown: a summary, a table and the diffs of changed pages, for issues and wikis.

Page text is cleaned and escaped so that a title cannot add HTML, links or table
columns to the document it is pasted into.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

from archiver.model import Verdict
from archiver.report import ReportData
from archiver.report.common import clean, clean_block, settings_text, summary_line

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


def _row(v: Verdict) -> str:
    drift = v.drift
    if v.drift == "changed" and v.similarity is not None:
        drift = f"changed ({v.similarity:.0%})"
    label = clean(v.title) or clean(v.url)
    link = _link(v.url, label)
    if clean(v.title):
        link += f"<br>{_esc(v.url)}"
    return f"| **{v.status}** | {drift} | {link} | {_esc(v.reason)} |"


def _change(v: Verdict) -> str:
    sim = f" (similarity {v.similarity:.2f})" if v.similarity is not None else ""
    body = clean_block(v.diff)
    fence = _fence(body)
    return f"### {_esc(v.url)}{sim}\n\n{fence}\n{body}\n{fence}\n"


def markdown_chunks(data: ReportData) -> Iterator[str]:
    """The summary, the table, then the diffs: two passes over the links, none held."""
    out = [f"# Link report: run {_esc(data.run_id)}", ""]
    when = " → ".join(x for x in (clean(data.started), clean(data.finished)) if x)
    if when:
        out += [f"{when}", ""]
    if data.offline:
        out.append(
            "**Offline**: no host could be reached at the network level, so no link "
            "was judged and the history was left as it was."
        )
        yield "\n".join(out) + "\n"
        return
    tally = data.tally()
    out += [_esc(summary_line(tally)), ""]
    settings = settings_text(data.settings)
    if settings:
        out += [f"Settings: {_esc(settings)}", ""]
    if not tally.total:
        yield "\n".join(out) + "\n"
        return
    out += ["| Status | Drift | Link | Evidence |", "|---|---|---|---|"]
    yield "\n".join(out)
    for entry in data.entries(details=False):
        yield "\n" + _row(entry.verdict)
    head = "\n\n## What changed\n"
    for entry in data.entries(changed_only=True, details=False):
        yield head + "\n" + _change(entry.verdict)
        head = ""
    if head:  # no diff: the table's last row still ends its line
        yield "\n"


def render_markdown(data: ReportData) -> str:
    return "".join(markdown_chunks(data))
