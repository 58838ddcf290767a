"""Reports written piece by piece: the same bytes as before, without holding the run.

The reference for "the same" is a report built the way `load_report` used to build it:
every verdict, history row and citation of the run in lists and dicts, sorted in
Python. The catalog-backed report must render exactly that, in every format, whatever
its page size; and a renderer must write while it reads, keeping a link only as long as
it takes to write it.
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from archiver.archive import CatalogLinks, load_report, write_reports
from archiver.catalog import Catalog
from archiver.cli import cli
from archiver.drift import word_diff
from archiver.model import Citation, Link, Verdict
from archiver.report import (
    FORMATS,
    LinkEntry,
    ReportData,
    Tally,
    render,
    render_many,
    render_to,
)
from archiver.report.common import STATUS_ORDER

URLS = [
    "https://a.test/Zebra",
    "https://a.test/apple",
    "https://a.test/é",
    "https://a.test/页",
    "https://a.test/\U0001f600",
    "https://A.test/upper",
    "http://a.test/",
    "https://a.test/a b",
    "https://b.test/" + "x" * 120,
]
STATUSES = ["ok", "dead", "soft-404", "blocked", "unreachable", "redirected", "ok", "dead", "ok"]


def _verdict(url: str, status: str, drift: str, run: int, n: int) -> Verdict:
    diff = ""
    similarity: float | None = 1.0
    if drift == "changed":
        diff = word_diff(f"run {run - 1} said {n} things", f"run {run} said {n + 1} things")
        similarity = 0.5 + n / 100
    elif drift == "new":
        similarity = None
    return Verdict(
        url=url,
        status=status,
        reason=f"{status} because {n}",
        http_status=200 if status == "ok" else None,
        final_url=url,
        drift=drift,
        similarity=similarity,
        warc_file=f"r{run}.warc.gz",
        warc_offset=n * 10,
        title=f"Title {n} · “quoted”" if n % 3 else "",
        diff=diff,
        text_path=f"text/{n}-r{run}.txt" if n % 2 else None,
    )


def mixed_archive(root: Path) -> Path:
    """Three runs of the same links: every status, new/unchanged/changed/gone drift,
    URLs whose order depends on code points, a link cited twice, a verdict recorded
    twice in one run, a status and a drift no report knows."""
    archive = root / "archive"
    (archive / "reports").mkdir(parents=True)
    links = [
        Link(u, [Citation(u, u, "paper.md", i + 1, 5)] if i % 4 else []) for i, u in enumerate(URLS)
    ]
    links[1].citations.append(Citation(URLS[1], URLS[1], "notes.txt", 40, 1))
    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        for run in (1, 2, 3):
            run_id = catalog.begin_run({"concurrency": 4, "run": run}, links)
            verdicts = []
            for i, url in enumerate(URLS):
                status = STATUSES[(i + run) % len(STATUSES)]
                drift = "new" if run == 1 else ("changed", "unchanged", "gone")[(i + run) % 3]
                verdicts.append(_verdict(url, status, drift, run, i + 10 * run))
            verdicts.append(_verdict(URLS[0], "ok", "unchanged", run, 99))  # recorded twice
            verdicts.append(_verdict("https://c.test/odd", "mystery", "sideways", run, 7))
            catalog.record_verdicts(run_id, verdicts)
            catalog.finish_run(run_id, offline=False, summary={})
    finally:
        catalog.close()
    return archive


def as_lists(archive: Path, run_id: int, since: int | None = None) -> ReportData:
    """The report data as load_report built it before: the whole run in memory."""
    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        info = next(r for r in catalog.runs() if int(r["id"]) == run_id)
        verdicts = catalog.verdicts(run_id)
        if since is not None:
            base = {v.url: (v.status, v.drift) for v in catalog.verdicts(since)}
            verdicts = [
                v
                for v in verdicts
                if base.get(v.url, (None, None))[0] != v.status or v.drift == "changed"
            ]
        history = catalog.history([v.url for v in verdicts])
        cited = {
            link.url: [f"{c.source}:{c.line}" for c in link.citations]
            for link in catalog.run_links(run_id)
        }
    finally:
        catalog.close()
    return ReportData(
        run_id=run_id,
        started=str(info["started"]),
        finished=str(info["finished"]),
        offline=bool(info["offline"]),
        settings=info["settings"],
        verdicts=verdicts,
        history=history,
        texts_base=str(archive.resolve()),
        citations=cited,
    )


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mixed_archive(tmp_path_factory.mktemp("stream"))


# --------------------------------------------------------------------------- same output


@pytest.mark.parametrize("page", [1, 2, 500])
@pytest.mark.parametrize(("run", "since"), [(1, None), (2, None), (3, None), (3, 1), (2, 3)])
def test_catalog_report_equals_the_in_memory_report(
    archive: Path, run: int, since: int | None, page: int
) -> None:
    reference = as_lists(archive, run, since)
    assert reference.verdicts  # the filters leave something to compare
    data = load_report(archive, run, since=None if since is None else str(since))
    assert isinstance(data.source, CatalogLinks)
    data.source.page = page
    for fmt in FORMATS:
        for color in (False, True) if fmt == "table" else (False,):
            assert render(data, fmt, color=color) == render(reference, fmt, color=color), fmt


def test_catalog_report_has_every_verdict_history_and_citation(archive: Path) -> None:
    data = load_report(archive, 2)
    entries = list(data.entries())
    assert len(entries) == len(URLS) + 2 == len(data.verdicts)
    assert data.tally().statuses["mystery"] == 1 and data.tally().drifts["sideways"] == 1
    by_url = {e.verdict.url: e for e in entries}
    assert by_url[URLS[1]].cited == ["paper.md:2", "notes.txt:40"]
    assert by_url[URLS[0]].cited == []
    assert [row[0] for row in by_url[URLS[3]].history] == [1, 2, 3]
    assert [e.verdict.status for e in entries][-1] == "mystery"  # unknown status last
    first_ok = [e.verdict.warc_offset for e in entries if e.verdict.url == URLS[0]]
    assert first_ok == sorted(first_ok)  # a link recorded twice keeps its recorded order


def test_render_to_a_stream_equals_the_string_form(archive: Path) -> None:
    data = load_report(archive, 3)
    for fmt in FORMATS:
        buf = io.StringIO()
        render_to(data, fmt, buf)
        assert buf.getvalue() == render(data, fmt)


def test_write_reports_and_cli_write_what_render_gives(archive: Path, tmp_path: Path) -> None:
    reference = as_lists(archive, 3)
    paths = write_reports(archive, 3)
    assert [p.name for p in paths] == ["run-0003.json", "run-0003.html"]
    assert paths[0].read_text(encoding="utf-8") == render(reference, "json")
    assert paths[1].read_text(encoding="utf-8") == render(reference, "html")
    runner = CliRunner()
    for fmt in FORMATS:
        out = tmp_path / f"r.{fmt}"
        args = ["report", "--archive", str(archive), "--format", fmt]
        to_file = runner.invoke(cli, [*args, "-o", str(out)])
        assert to_file.exit_code == 0, to_file.output
        assert out.read_text(encoding="utf-8") == render(reference, fmt)
        to_stdout = runner.invoke(cli, args)
        assert to_stdout.exit_code == 0 and to_stdout.output == render(reference, fmt)
    assert runner.invoke(cli, [*args, "--fail-on", "gone"]).exit_code == 1
    assert runner.invoke(cli, [*args, "--fail-on", "new"]).exit_code == 0


def test_empty_report_from_the_catalog_is_an_empty_list(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    catalog = Catalog.open(archive / "catalog.sqlite")
    run_id = catalog.begin_run({}, [])
    catalog.finish_run(run_id, offline=True, summary={})
    catalog.close()
    data = load_report(archive, "latest")
    assert data.offline and data.verdicts == [] and not data.verdicts
    assert render(data, "json") == "[]\n"


# --------------------------------------------------------------------------- bounded


class Alive:
    """Counts objects still referenced from somewhere, and the most there ever were."""

    def __init__(self) -> None:
        self.now = 0
        self.peak = 0

    def add(self, obj: object) -> None:
        self.now += 1
        self.peak = max(self.peak, self.now)
        weakref.finalize(obj, self._gone)

    def _gone(self) -> None:
        self.now -= 1


class CountingLinks:
    """A LinkSource making `n` links on demand; it knows how many it made and how many
    of them are still alive somewhere."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.made = 0
        self.alive = Alive()

    def _verdict(self, i: int) -> Verdict:
        status = STATUS_ORDER[i * len(STATUS_ORDER) // self.n]  # problems first
        drift = "changed" if i % 10 == 0 else "unchanged"
        return _verdict(f"https://site{i % 7}.test/page/{i:06d}", status, drift, 2, i)

    def tally(self) -> Tally:
        return Tally.of(self._verdict(i) for i in range(self.n))

    def entries(self, *, changed_only: bool = False, details: bool = True) -> Iterator[LinkEntry]:
        for i in range(self.n):
            v = self._verdict(i)
            if changed_only and not v.diff:
                continue
            self.made += 1
            self.alive.add(v)
            yield LinkEntry(v, [(1, "2026-01-01", "ok", "new")] if details else [])


class Sink:
    """A stream that keeps no text: it records, at each write, how many links were made."""

    def __init__(self, links: CountingLinks) -> None:
        self.links = links
        self.made_at_write: list[int] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.made_at_write.append(self.links.made)
        self.size += len(text)
        return len(text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_renderers_write_while_they_read_and_keep_no_link(fmt: str) -> None:
    links = CountingLinks(3000)
    data = ReportData(run_id=1, verdicts=links, source=links)  # type: ignore[arg-type]
    sink = Sink(links)
    render_to(data, fmt, sink)
    assert sink.size > 100_000  # a report large enough to be written in several pieces
    assert len(sink.made_at_write) > 1
    assert sink.made_at_write[0] < links.n  # writing began before the last link was made
    assert links.made == (links.n // 10 if fmt == "md" else 0) + links.n
    assert links.alive.peak <= 3  # a link is let go once written
    assert links.alive.now == 0


def test_catalog_links_hold_one_page_at_a_time(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    n, page = 1200, 100
    urls = [f"https://big.test/{i:05d}" for i in range(n)]
    catalog = Catalog.open(archive / "catalog.sqlite")
    run_id = catalog.begin_run({}, [Link(u) for u in urls])
    statuses = ["dead", "ok", "soft-404", "ok", "redirected"]
    catalog.record_verdicts(
        run_id, [_verdict(u, statuses[i % 5], "unchanged", 1, i) for i, u in enumerate(urls)]
    )
    catalog.finish_run(run_id, offline=False, summary={})
    catalog.close()
    data = load_report(archive, "latest")
    assert isinstance(data.source, CatalogLinks)
    data.source.page = page
    alive = Alive()
    seen = 0
    for entry in data.entries():
        alive.add(entry.verdict)
        seen += 1
    assert seen == n
    assert alive.peak <= 2 * page  # the page being read, and at most the one before it


def test_render_many_reads_the_links_once_and_in_step() -> None:
    links = CountingLinks(3000)
    data = ReportData(run_id=1, verdicts=links, source=links)  # type: ignore[arg-type]
    sinks = {fmt: Sink(links) for fmt in ("json", "html")}
    render_many(data, list(sinks.items()))
    assert links.made == links.n  # one pass for both files, not one each
    # itertools.tee frees what all branches have read in blocks of 57 links
    assert links.alive.peak <= 2 * 57 and links.alive.now == 0
    for sink in sinks.values():
        assert len(sink.made_at_write) > 1 and sink.made_at_write[0] < links.n


def test_render_many_writes_what_render_writes(archive: Path) -> None:
    data = load_report(archive, 3)
    outs = {fmt: io.StringIO() for fmt in FORMATS}
    render_many(data, list(outs.items()))  # md reads the changed links a second time
    for fmt, out in outs.items():
        assert out.getvalue() == render(data, fmt), fmt
