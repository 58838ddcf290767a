"""Reports: the verdicts of one run rendered as a table, JSON, CSV, Markdown or HTML.

Renderers only format; they never fetch, judge or read the archive. Whatever the
catalog knows about a run is gathered into a `ReportData` first, so every format shows
the same facts and a new format is one small module.

A report of 100,000 links must not hold 100,000 links: renderers write to a stream
(`render_to`) piece by piece, and take the links one at a time from
`ReportData.entries()`, problems first. The links come either from lists held in the
`ReportData` (small reports, tests) or from a `LinkSource` that reads them from the
catalog in pages (`archiver.archive.load_report`).
"""

from __future__ import annotations

import dataclasses
import io
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from archiver.model import Verdict

FORMATS = ("table", "json", "csv", "md", "html")


@dataclass
class Tally:
    """How many links of each status and drift: the headline of every report."""

    statuses: Counter[str] = field(default_factory=Counter)
    drifts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    @classmethod
    def of(cls, verdicts: Iterable[Verdict]) -> Tally:
        tally = cls()
        for v in verdicts:
            tally.statuses[v.status] += 1
            tally.drifts[v.drift] += 1
        return tally


@dataclass
class LinkEntry:
    """One link as a report shows it: its verdict, its history and where it was cited."""

    verdict: Verdict
    history: list[Any] = field(default_factory=list)  # rows as in ReportData.history
    cited: list[str] = field(default_factory=list)  # ["paper.md:12"]


class TextSink(Protocol):
    """Where a report is written: a text file, sys.stdout, io.StringIO, ..."""

    def write(self, text: str, /) -> object: ...


class LinkSource(Protocol):
    """Where a large report takes its links from, a page at a time."""

    def tally(self) -> Tally: ...

    def entries(self, *, changed_only: bool = False, details: bool = True) -> Iterator[LinkEntry]:
        """Problems first (common.sort_key order); `details` adds history and citations."""
        ...


@dataclass
class ReportData:
    """Everything a report shows about one run."""

    run_id: int | str
    started: str = ""  # ISO 8601 UTC
    finished: str = ""
    offline: bool = False  # no host reached at the network level: nothing was judged
    settings: dict[str, Any] = field(default_factory=dict)  # the run's options, for the record
    verdicts: Iterable[Verdict] = field(default_factory=list)
    # url -> [(run_id, date, status, drift), ...] across runs, this one included
    history: Mapping[str, list[Any]] = field(default_factory=dict)
    texts_base: str = ""  # where Verdict.text_path is relative to (the archive folder)
    citations: Mapping[str, list[str]] = field(default_factory=dict)  # url -> ["paper.md:12"]
    # When set, the links come from here and verdicts/history/citations are not read.
    source: LinkSource | None = None

    def tally(self) -> Tally:
        if self.source is not None:
            return self.source.tally()
        return Tally.of(self.verdicts)

    def entries(self, *, changed_only: bool = False, details: bool = True) -> Iterator[LinkEntry]:
        """The links in report order (problems first); only those with a diff if asked."""
        if self.source is not None:
            yield from self.source.entries(changed_only=changed_only, details=details)
            return
        from archiver.report.common import ordered

        for v in ordered(self.verdicts):
            if changed_only and not v.diff:
                continue
            if not details:
                yield LinkEntry(v)
                continue
            history = (self.history or {}).get(v.url, [])
            yield LinkEntry(v, list(history), list(self.citations.get(v.url, [])))


def render_to(data: ReportData, fmt: str, out: TextSink, *, color: bool = False) -> None:
    """Write the report in `fmt` (one of FORMATS) to `out`, one link at a time.

    `color` adds ANSI colours to the table.
    """
    write_chunks(chunks(data, fmt, color=color), out)


def render(data: ReportData, fmt: str, *, color: bool = False) -> str:
    """The report in `fmt` as one string: for small reports; large ones use `render_to`."""
    buf = io.StringIO()
    render_to(data, fmt, buf, color=color)
    return buf.getvalue()


def chunks(data: ReportData, fmt: str, *, color: bool = False) -> Iterator[str]:
    """The report in `fmt` as pieces of text that join to the whole report."""
    if fmt == "table":
        from archiver.report.table import table_chunks

        return table_chunks(data, color=color)
    if fmt == "json":
        from archiver.report.json_report import json_chunks

        return json_chunks(data)
    if fmt == "csv":
        from archiver.report.csv_report import csv_chunks

        return csv_chunks(data)
    if fmt in ("md", "markdown"):
        from archiver.report.markdown import markdown_chunks

        return markdown_chunks(data)
    if fmt == "html":
        from archiver.report.html import html_chunks

        return html_chunks(data)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


def render_many(data: ReportData, targets: list[tuple[str, TextSink]]) -> None:
    """Several formats of one report from a single pass over its links.

    The end of a run writes JSON and HTML: reading the run from the catalog once rather
    than once per format. The renderers advance in step, a piece each in turn, so the
    links one has read and the others not yet stay a handful (itertools.tee keeps them).
    """
    branches = itertools.tee(data.entries(), len(targets))
    streams = [
        (chunks(dataclasses.replace(data, source=_Replay(data, branch)), fmt), out)
        for branch, (fmt, out) in zip(branches, targets, strict=True)
    ]
    pending: list[list[str]] = [[] for _ in streams]
    sizes = [0] * len(streams)
    live = list(range(len(streams)))
    while live:
        for i in list(live):
            pieces, out = streams[i]
            piece = next(pieces, None)
            if piece is None:
                live.remove(i)
            else:
                pending[i].append(piece)
                sizes[i] += len(piece)
            if pending[i] and (piece is None or sizes[i] >= WRITE_SIZE):
                out.write("".join(pending[i]))
                pending[i].clear()
                sizes[i] = 0


class _Replay:
    """One renderer's share of a single pass (render_many): its first full reading of
    the links comes from `branch`; anything else is asked of the report itself."""

    def __init__(self, data: ReportData, branch: Iterator[LinkEntry]) -> None:
        self.data = data
        self.branch: Iterator[LinkEntry] | None = branch

    def tally(self) -> Tally:
        return self.data.tally()

    def entries(self, *, changed_only: bool = False, details: bool = True) -> Iterator[LinkEntry]:
        branch, self.branch = self.branch, None
        if branch is not None and not changed_only and details:
            return branch
        return self.data.entries(changed_only=changed_only, details=details)


WRITE_SIZE = 1 << 16  # characters gathered before a write: few calls, little memory


def write_chunks(pieces: Iterable[str], out: TextSink) -> None:
    """Write `pieces` to `out` in writes of about WRITE_SIZE characters.

    Gathering keeps the number of writes (and of flushes, on a terminal) small without
    holding more than one write's worth of the report.
    """
    pending: list[str] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= WRITE_SIZE:
            out.write("".join(pending))
            pending.clear()
            size = 0
    if pending:
        out.write("".join(pending))
