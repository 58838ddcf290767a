"""What every renderer shares: the order of links, the counts, and cleaning page text.

Titles, reasons and URLs can carry bytes chosen by whoever runs the cited server, so
every renderer passes them through `clean` before they reach a terminal, a spreadsheet
or a browser; the HTML renderer escapes on top of that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from archiver.model import Verdict

if TYPE_CHECKING:
    from archiver.report import Tally

# Problems first: the order a reader wants to work through the list in.
STATUS_ORDER = ("dead", "soft-404", "blocked", "unreachable", "redirected", "ok")
DRIFT_ORDER = ("gone", "changed", "new", "unchanged")
_STATUS_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}
_DRIFT_RANK = {d: i for i, d in enumerate(DRIFT_ORDER)}

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clearing
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
)
# C0 and C1 controls, DEL, and the bidirectional overrides that can make text read
# differently from the bytes it holds.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# Anything `clean` would change: controls, whitespace other than a single space.
_UNCLEAN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[^\\S ]|  ")


def clean(value: Any) -> str:
    """One printable line: escape sequences and control characters removed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not _UNCLEAN.search(text) and text == text.strip(" "):
        return text  # the common case, and the fast one: 10,000-link reports call this a lot
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return " ".join(_CONTROL.sub("", text).split())


def clean_block(value: Any) -> str:
    """Like `clean`, but keeps line breaks: for diffs and other multi-line text."""
    text = _ESCAPE_SEQUENCE.sub("", str(value or ""))
    return "\n".join(_CONTROL.sub("", line.replace("\t", " ")) for line in text.splitlines())


def sort_key(v: Verdict) -> tuple[int, int, str]:
    return (_STATUS_RANK.get(v.status, len(STATUS_ORDER)), _DRIFT_RANK.get(v.drift, 9), v.url)


def ordered(verdicts: Iterable[Verdict]) -> list[Verdict]:
    return sorted(verdicts, key=sort_key)


def summary_line(tally: Tally) -> str:
    """'12 links: 2 dead, 1 soft-404, 9 ok; 1 changed, 11 unchanged', problems first."""
    statuses, drifts, n = tally.statuses, tally.drifts, tally.total
    s = ", ".join(f"{statuses[k]} {k}" for k in STATUS_ORDER if statuses[k])
    d = ", ".join(f"{drifts[k]} {k}" for k in DRIFT_ORDER if drifts[k])
    return f"{n} link{'s' if n != 1 else ''}" + (f": {s}" if s else "") + (f"; {d}" if d else "")


def clean_history(history: Iterable[Any]) -> list[dict[str, Any]]:
    """A link's history, oldest run first, as dicts (rows may come as tuples or dicts)."""
    rows = []
    for row in history or ():
        if isinstance(row, dict):
            run, date = row.get("run", row.get("run_id")), row.get("date", "")
            status, drift = row.get("status", ""), row.get("drift", "")
        else:
            run, date, status, drift = (list(row) + [None] * 4)[:4]
        rows.append(
            {"run": run, "date": clean(date), "status": clean(status), "drift": clean(drift)}
        )

    def key(r: dict[str, Any]) -> tuple[int, Any, str]:
        run = r["run"]
        return (0, run, "") if isinstance(run, int) else (1, 0, str(run))

    return sorted(rows, key=key)


def text_href(base: str, path: str | None) -> str | None:
    """Where the captured text of a link can be opened from the report, if anywhere."""
    if not path:
        return None
    from urllib.parse import quote

    if not base:
        return quote(path)
    joined = f"{base.rstrip('/')}/{path.lstrip('/')}"
    if joined.startswith("/"):
        return "file://" + quote(joined)
    if re.match(r"^[a-zA-Z]:[\\/]", joined):  # a Windows drive path
        return "file:///" + quote(joined.replace("\\", "/"))
    return quote(joined)


def settings_text(settings: Any) -> str:
    if not settings:
        return ""
    if isinstance(settings, dict):
        return ", ".join(f"{clean(k)}={clean(v)}" for k, v in settings.items())
    return clean(settings)
