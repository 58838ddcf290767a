"""The terminal table: fits 80 columns, problems first, nothing a page can use to
drive the terminal (escape sequences and control characters are removed).

Each link takes two lines: status, drift and URL; then the evidence and the title,
indented under the URL. Widths count East Asian wide characters as two columns.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from archiver.model import Verdict
from archiver.report import ReportData
from archiver.report.common import DRIFT_ORDER, STATUS_ORDER, clean, settings_text

WIDTH = 80
STATUS_W, DRIFT_W = 12, 13
URL_W = WIDTH - STATUS_W - DRIFT_W
_COLOURS = {
    "dead": "\x1b[1;31m",
    "soft-404": "\x1b[35m",
    "blocked": "\x1b[33m",
    "unreachable": "\x1b[33m",
    "redirected": "\x1b[36m",
    "ok": "\x1b[32m",
    "changed": "\x1b[1m",
    "gone": "\x1b[31m",
}
_RESET = "\x1b[0m"


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    return sum(_char_width(c) for c in text)


def _take(chars: str, cols: int) -> str:
    """The longest prefix of `chars` that fits in `cols` columns."""
    used = 0
    for i, ch in enumerate(chars):
        used += _char_width(ch)
        if used > cols:
            return chars[:i]
    return chars


def fit(text: str, cols: int, middle: bool = False) -> str:
    """`text` cut to `cols` columns with an ellipsis (in the middle for URLs)."""
    if width(text) <= cols:
        return text
    if middle and cols > 10:
        head = _take(text, cols * 2 // 3)
        tail = _take(text[::-1], cols - width(head) - 1)[::-1]
        return head + "…" + tail
    return _take(text, cols - 1) + "…"


def _pad(text: str, cols: int) -> str:
    return text + " " * max(0, cols - width(text))


def _paint(text: str, key: str, color: bool) -> str:
    return f"{_COLOURS[key]}{text}{_RESET}" if color and key in _COLOURS else text


def _link_lines(v: Verdict, color: bool) -> str:
    """A link's two lines (one when it has neither evidence nor title), each ended."""
    drift = v.drift
    if v.drift == "changed" and v.similarity is not None:
        drift = f"changed {v.similarity:.0%}"
    status_cell = _paint(_pad(v.status, STATUS_W), v.status, color)
    drift_cell = _paint(_pad(drift, DRIFT_W), v.drift, color)
    text = status_cell + drift_cell + fit(clean(v.url), URL_W, middle=True) + "\n"
    evidence = clean(v.reason)
    title = clean(v.title)
    if title:
        evidence = f"{evidence} — “{title}”" if evidence else f"“{title}”"
    if evidence:
        text += " " * (STATUS_W + DRIFT_W) + fit(evidence, URL_W) + "\n"
    return text


def table_chunks(data: ReportData, *, color: bool = False) -> Iterator[str]:
    """The counts (from the tally, before any link is read), then a link at a time."""
    head = f"Run {clean(data.run_id)}"
    if data.started:
        head += f" · {clean(data.started)}"
    if data.finished:
        head += f" → {clean(data.finished)}"
    lines = [fit(head, WIDTH)]
    if data.offline:
        lines.append(
            "Offline: no host could be reached at the network level, so no link was\n"
            "judged and the history was left as it was. Check the network and run again."
        )
        yield "\n".join(lines) + "\n"
        return
    tally = data.tally()
    statuses, drifts, n = tally.statuses, tally.drifts, tally.total
    found = ", ".join(f"{statuses[k]} {k}" for k in STATUS_ORDER if statuses[k])
    lines.append(fit(f"{n} link{'s' if n != 1 else ''}" + (f": {found}" if found else ""), WIDTH))
    changes = ", ".join(f"{drifts[k]} {k}" for k in DRIFT_ORDER if drifts[k])
    if changes:
        lines.append(fit(f"Drift: {changes}", WIDTH))
    settings = settings_text(data.settings)
    if settings:
        lines.append(fit(f"Settings: {settings}", WIDTH))
    if not n:
        yield "\n".join([*lines, "", "No links in this run."]) + "\n"
        return
    lines += ["", _pad("STATUS", STATUS_W) + _pad("DRIFT", DRIFT_W) + "URL"]
    yield "\n".join(lines) + "\n"
    for entry in data.entries(details=False):
        yield _link_lines(entry.verdict, color)


def render_table(data: ReportData, *, color: bool = False) -> str:
    return "".join(table_chunks(data, color=color))
