"""Reports: the verdicts of one run rendered as a table, JSON, CSV, Markdown or HTML.

Renderers only format; they never fetch, judge or read the archive. Whatever the
catalog knows about a run is gathered into a `ReportData` first, so every format shows
the same facts and a new format is one small module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archiver.model import Verdict

FORMATS = ("table", "json", "csv", "md", "html")


@dataclass
class ReportData:
    """Everything a report shows about one run."""

    run_id: int | str
    started: str = ""  # ISO 8601 UTC
    finished: str = ""
    offline: bool = False  # no host reached at the network level: nothing was judged
    settings: dict[str, Any] = field(default_factory=dict)  # the run's options, for the record
    verdicts: list[Verdict] = field(default_factory=list)
    # url -> [(run_id, date, status, drift), ...] across runs, this one included
    history: dict[str, list[Any]] = field(default_factory=dict)
    texts_base: str = ""  # where Verdict.text_path is relative to (the archive folder)
    citations: dict[str, list[str]] = field(default_factory=dict)  # url -> ["paper.md:12"]


def render(data: ReportData, fmt: str, *, color: bool = False) -> str:
    """The report in `fmt` (one of FORMATS); `color` adds ANSI colours to the table."""
    if fmt == "table":
        from archiver.report.table import render_table

        return render_table(data, color=color)
    if fmt == "json":
        from archiver.report.json_report import render_json

        return render_json(data)
    if fmt == "csv":
        from archiver.report.csv_report import render_csv

        return render_csv(data)
    if fmt in ("md", "markdown"):
        from archiver.report.markdown import render_markdown

        return render_markdown(data)
    if fmt == "html":
        from archiver.report.html import render_html

        return render_html(data)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
