"""Reading an archive back: a run's report, one capture, the diff between two captures.

Everything here reads the catalog and the files it points at; nothing fetches. The
snapshot pipeline calls `write_reports` at the end of a run, the CLI calls the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from archiver.catalog import Catalog
from archiver.errors import ArchiverError
from archiver.model import Verdict
from archiver.report import (
    LinkEntry,
    ReportData,
    Tally,
    TextSink,
    render,
    render_many,
    render_to,
)
from archiver.report.common import DRIFT_ORDER, STATUS_ORDER


def read_text(archive: Path, rel: str | None) -> str | None:
    """The stored text at an archive-relative path, or None when there is none."""
    if not rel:
        return None
    try:
        return (archive / rel).read_text(encoding="utf-8")
    except OSError:
        return None


def _run_number(catalog: Any, run: str | int | None) -> int:
    if run is None or str(run) == "latest":
        latest = catalog.latest_run(finished_only=True)
        if latest is None:
            raise ArchiverError("the archive has no finished run yet")
        return int(latest)
    try:
        n = int(run)
    except ValueError:
        raise ArchiverError(f"--run {run!r}: expected a run number or 'latest'") from None
    if n not in {int(r["id"]) for r in catalog.runs()}:
        raise ArchiverError(f"no run {n} in this archive")
    return n


class CatalogLinks:
    """A run's links for its report, read from the catalog a page at a time.

    Nothing is held between pages: a report of 100,000 links keeps one page of verdicts
    with their history and citations, whatever the size of the run. Each pass opens the
    catalog for itself, so the ReportData stays usable after `load_report` returns (the
    end of a run writes its files and prints its table from the same one). Iterating
    gives the verdicts, problems first; `len` counts them without reading them.
    """

    def __init__(
        self, catalog_path: Path, run_id: int, since: int | None = None, page: int = 500
    ) -> None:
        self.catalog_path = catalog_path
        self.run_id = run_id
        self.since = since
        self.page = page  # verdicts read, and held, at a time

    def tally(self) -> Tally:
        catalog = Catalog.open(self.catalog_path)
        try:
            rows = catalog.report_tally(self.run_id, self.since)
        finally:
            catalog.close()
        tally = Tally()
        for status, drift, n in rows:
            tally.statuses[status] += n
            tally.drifts[drift] += n
        return tally

    def entries(self, *, changed_only: bool = False, details: bool = True) -> Iterator[LinkEntry]:
        catalog = Catalog.open(self.catalog_path)
        pages = catalog.report_verdicts(
            self.run_id,
            since=self.since,
            changed_only=changed_only,
            status_order=STATUS_ORDER,
            drift_order=DRIFT_ORDER,
            page=self.page,
        )
        try:
            for page in pages:
                if not details:
                    yield from (LinkEntry(v) for v in page)
                    continue
                urls = [v.url for v in page]
                history = catalog.history(urls)
                cited = catalog.cited_in(self.run_id, urls)
                for v in page:
                    where = [f"{source}:{line}" for source, line in cited.get(v.url, [])]
                    yield LinkEntry(v, history[v.url], where)
        finally:
            pages.close()  # a reader that stopped early (--fail-on's any) ends the cursor
            catalog.close()

    def __iter__(self) -> Iterator[Verdict]:
        return (entry.verdict for entry in self.entries(details=False))

    def __len__(self) -> int:
        return self.tally().total

    def __bool__(self) -> bool:
        return len(self) > 0

    def __eq__(self, other: object) -> bool:
        """Equal to a list of the same verdicts in report order (`data.verdicts == []`)."""
        if isinstance(other, CatalogLinks):
            return (self.catalog_path, self.run_id, self.since) == (
                other.catalog_path,
                other.run_id,
                other.since,
            )
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def load_report(archive: Path, run: str | int | None, since: str | None = None) -> ReportData:
    """What a report of `run` shows; the links themselves are read when it is rendered."""
    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        run_id = _run_number(catalog, run)
        info = next(r for r in catalog.runs() if int(r["id"]) == run_id)
        since_id = None if since is None else _run_number(catalog, since)
    finally:
        catalog.close()
    links = CatalogLinks(archive / "catalog.sqlite", run_id, since_id)
    return ReportData(
        run_id=run_id,
        started=str(info.get("started", "")),
        finished=str(info.get("finished", "")),
        offline=bool(info.get("offline")),
        settings=info.get("settings") or {},
        verdicts=links,
        texts_base=str(archive.resolve()),
        source=links,
    )


def render_report(data: ReportData, fmt: str, color: bool = False) -> str:
    """The whole report as one string: for small runs and tests; see `write_report`."""
    return render(data, fmt, color=color)


def write_report(data: ReportData, fmt: str, out: TextSink, color: bool = False) -> None:
    """The report written to `out` a piece at a time: bounded memory for any run."""
    render_to(data, fmt, out, color=color)


def write_reports(archive: Path, run_id: int, data: ReportData | None = None) -> list[Path]:
    """Every run leaves its JSON and HTML report beside the WARCs it describes."""
    data = data or load_report(archive, run_id)
    paths = [archive / "reports" / f"run-{run_id:04d}.{ext}" for ext in ("json", "html")]
    with (
        paths[0].open("w", encoding="utf-8") as json_file,
        paths[1].open("w", encoding="utf-8") as html_file,
    ):
        render_many(data, [("json", json_file), ("html", html_file)])
    return paths


def diff_text(
    archive: Path, url: str, from_run: str | None, to_run: str | None, color: bool = False
) -> str:
    from archiver.drift import similarity, word_diff
    from archiver.urls import canonicalize

    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        key = canonicalize(url)
        caps = [c for c in catalog.captures_of(key) if c.get("text_path")]
        if len(caps) < 1:
            raise ArchiverError(f"{url}: no captured text in this archive")
        by_run = {int(c["run_id"]): c for c in caps}
        runs = sorted(by_run)
        to_n = _run_number(catalog, to_run) if to_run else runs[-1]
        if to_n not in by_run:
            raise ArchiverError(f"{url}: no text captured in run {to_n}")
        if from_run:
            from_n = _run_number(catalog, from_run)
        else:
            earlier = [r for r in runs if r < to_n]
            if not earlier:
                raise ArchiverError(f"{url}: only one capture (run {to_n}); nothing to compare")
            from_n = earlier[-1]
        if from_n not in by_run:
            raise ArchiverError(f"{url}: no text captured in run {from_n}")
    finally:
        catalog.close()
    a = read_text(archive, by_run[from_n]["text_path"]) or ""
    b = read_text(archive, by_run[to_n]["text_path"]) or ""
    head = f"{key}: run {from_n} → run {to_n}, similarity {similarity(a, b):.3f}\n"
    return head + word_diff(a, b, color=color) + "\n"


def show_capture(archive: Path, url: str, run: str | None, what: str) -> str | bytes:
    from warcio.archiveiterator import ArchiveIterator

    from archiver.urls import canonicalize

    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        key = canonicalize(url)
        caps = catalog.captures_of(key)
        if run is not None:
            n = _run_number(catalog, run)
            caps = [c for c in caps if int(c["run_id"]) == n]
    finally:
        catalog.close()
    if not caps:
        raise ArchiverError(f"{url}: not captured in this archive")
    cap = caps[-1]
    if what == "text":
        text = read_text(archive, cap.get("text_path"))
        if text is None:
            raise ArchiverError(
                f"{url}: no readable text for this capture"
                + (f" ({cap['text_note']})" if cap.get("text_note") else "")
            )
        return text
    if not cap.get("warc_file"):
        raise ArchiverError(
            f"{url}: this capture has no response record ({cap.get('error') or 'no answer'})"
        )
    path = archive / "warc" / cap["warc_file"]
    if not path.exists():
        path = path.with_name(path.name + ".open")
    with open(path, "rb") as fh:
        fh.seek(int(cap["warc_offset"]))
        # no_record_parse: the block exactly as stored, HTTP head included, byte for byte
        record = next(iter(ArchiveIterator(fh, no_record_parse=True)))
        block = record.raw_stream.read()
    if what == "raw":
        return block
    head, sep, _ = block.partition(b"\r\n\r\n")
    if not sep or not head.startswith(b"HTTP/"):
        return "(no HTTP headers: the peer did not answer in HTTP)\n"
    return head.decode("iso-8859-1").replace("\r\n", "\n") + "\n"


def export_run(archive: Path, run: str, out: Path) -> Path:
    from archiver.export import export_wacz

    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        run_id = _run_number(catalog, run)
    finally:
        catalog.close()
    export_wacz(archive, run_id, out)
    return out
