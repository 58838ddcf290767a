"""The snapshot pipeline: capture → read → catalog → judge, wired once.

The stages run concurrently but data still flows one way: the fetcher writes each
exchange to the WARC as it completes; the final record of a link is handed to a process
pool that reads its text straight from the WARC (so the event loop never parses HTML);
each read result is written back as a conversion record, indexed, and judged at once, so
memory holds verdicts, never texts.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import logging
import multiprocessing
import os
import secrets
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archiver import __version__
from archiver.archive import load_report, read_text, write_reports
from archiver.errors import ArchiverError
from archiver.model import Capture, Link, Readable, RecordRef, Verdict
from archiver.progress import SnapshotProgress, human_bytes

log = logging.getLogger("archiver")

READ_CAP = 50_000_000  # decompressed bytes the reader looks at, whatever the body size
READABLE_TYPES = (
    "text/html",
    "application/xhtml",
    "application/pdf",
    "text/plain",
    "application/xml",
    "text/xml",
    "",
)
PROBE_PREFIX = "archiver-probe-"
COMMIT_PERIOD = 0.25  # seconds a verdict may wait for its commit
READS_PER_WORKER = 48  # pages queued or being read per read worker, at most
READ_BATCH = 16  # pages per read task
SHIP_MAX = 4_000_000  # raw body bytes a read job carries; a larger one is read from the WARC
# Short pages whose text waits in memory for their folder's probe (at most about 4 kB
# each, so 80 MB at most); the pages past them are read again from their records.
HOLD_READABLES = 20_000


@dataclass
class SnapshotSettings:
    """Everything a run was asked to do; written into every WARC's warcinfo."""

    archive: Path = Path("archive")
    text: bool = True
    resume: bool = False
    wait: bool = False
    concurrency: int = 16
    per_host: int = 2
    delay: float = 0.0
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    retries: int = 3
    max_redirects: int = 10
    max_body: int = 200_000_000
    warc_size: int = 1_000_000_000
    gzip_level: int | None = None
    user_agent: str | None = None
    insecure: bool = False
    respect_robots: bool = False
    resolve: dict[str, str] = field(default_factory=dict)
    resolve_only: bool = False
    dead_after: int = 3
    workers: int | None = None  # text-extraction processes (default: one per core)
    fetchers: int | None = None  # fetch processes (default: one per core without text)

    def public(self) -> dict[str, Any]:
        d = asdict(self)
        d["archive"] = str(self.archive)
        return d


@dataclass
class RunVerdicts:
    """A finished run's verdicts, read from its catalog a page at a time when iterated
    (each time anew): holding 100,000 of them only to summarise a run cost 120 MB."""

    catalog: Path
    run_id: int | None  # None: an offline run, which judged nothing

    def __iter__(self) -> Iterator[Verdict]:
        from archiver.catalog import Catalog

        if self.run_id is None:
            return
        catalog = Catalog.open(self.catalog)
        try:
            yield from catalog.iter_verdicts(self.run_id)
        finally:
            catalog.close()


@dataclass
class RunResult:
    run_id: int
    archive: Path
    links: int
    verdicts: Iterable[Verdict]
    offline: bool
    elapsed: float
    failed: int
    bytes: int
    texts: int
    statuses: dict[str, int] = field(default_factory=dict)  # verdicts of each status
    reports: list[Path] = field(default_factory=list)
    report: Any = None  # the run's ReportData, loaded once for the files and the terminal


# --------------------------------------------------------------------------- entry point


def terminal_progress() -> SnapshotProgress:
    return SnapshotProgress()


def snapshot(
    links: list[Link] | None, settings: SnapshotSettings, progress: SnapshotProgress | None = None
) -> RunResult:
    """Capture, read, catalog and judge every link; resume an interrupted run if asked."""
    from archiver.catalog import Catalog
    from archiver.lock import ArchiveBusy, archive_lock
    from archiver.warc import recover

    archive = settings.archive
    (archive / "warc").mkdir(parents=True, exist_ok=True)
    (archive / "text").mkdir(exist_ok=True)
    (archive / "reports").mkdir(exist_ok=True)
    try:
        lock = archive_lock(archive, wait=settings.wait)
        lock.__enter__()
    except ArchiveBusy as exc:
        raise ArchiverError(str(exc)) from None
    try:
        fixed = recover(archive / "warc")
        for path in fixed:
            log.warning("recovered %s up to its last complete record", path.name)
        catalog = Catalog.open(archive / "catalog.sqlite")
        try:
            return _snapshot(catalog, links, settings, progress)
        finally:
            catalog.close()
    finally:
        lock.__exit__(None, None, None)


def _snapshot(
    catalog: Any,
    links: list[Link] | None,
    settings: SnapshotSettings,
    progress: SnapshotProgress | None,
) -> RunResult:
    unfinished = catalog.unfinished_run()
    if settings.resume:
        if unfinished is None:
            raise ArchiverError("nothing to resume: the last run finished")
        run_id = unfinished
        run_links = catalog.run_links(run_id)
        # Done means judged: a link captured but not yet read or judged when the run was
        # killed is fetched again, so no link ends the run without a verdict.
        done = {v.url for v in catalog.verdicts(run_id)}
        todo = [link for link in run_links if link.url not in done]
        log.info("resuming run %d: %d of %d links left", run_id, len(todo), len(run_links))
    else:
        if links is None:
            raise ArchiverError("no links given")
        if unfinished is not None:
            log.warning(
                "run %d was interrupted; starting a new run (use --resume to finish it instead)",
                unfinished,
            )
        run_links = links
        run_id = catalog.begin_run(settings.public(), links)
        todo = list(links)
    return Pipeline(catalog, run_id, run_links, settings, progress).run(todo)


class Pipeline:
    """One run's state: the writer, the read pool, the verdicts so far."""

    def __init__(
        self,
        catalog: Any,
        run_id: int,
        links: list[Link],
        settings: SnapshotSettings,
        progress: SnapshotProgress | None,
    ) -> None:
        self.catalog = catalog
        self.run_id = run_id
        self.links = links
        self.settings = settings
        self.progress = progress
        self.archive = settings.archive
        self.deferred: list[Verdict] = []  # network failures: recorded once not offline
        self.reached = False  # has any host answered at the network level in this run?
        self.captures = 0
        self.bytes = 0
        self.probes: dict[str, Readable | None] = {}
        # Content verdicts held back until the page's folder has been probed (see
        # `_second_look`); a killed run has not recorded them, so it refetches them.
        self.held: list[Held] = []
        self.texts = 0
        self.started = time.monotonic()
        self.failure: BaseException | None = None  # raised in a read callback

    # -- the run

    def run(self, todo: list[Link]) -> RunResult:
        from archiver.catalog import Catalog
        from archiver.warc import WarcWriter, WriterThread

        # The writer thread looks earlier payloads up on a connection of its own.
        lookup = Catalog.open(self.catalog.path)
        pool = _read_pool(self.settings) if self.settings.text else None
        try:
            kwargs = self._writer_kwargs()
            with WarcWriter(
                self.archive / "warc", revisit_lookup=lookup.revisit_lookup, **kwargs
            ) as writer:
                self.writer = writer
                self.thread = WriterThread(writer)
                try:
                    # Every catalog change is also journaled into the WARC, so that
                    # `archiver reindex` rebuilds this run exactly from the WARCs alone.
                    self.catalog.attach_journal(
                        self.run_id, self.thread.journal, before_commit=self.thread.drain
                    )
                    try:
                        asyncio.run(self._capture(todo, pool))
                        if pool is not None:
                            pool.shutdown(wait=True)
                            pool = None
                        if self.progress is not None:
                            self.progress.close()
                        result = self._finish()
                    finally:
                        self.catalog.detach_journal()
                finally:
                    self.thread.close()
        finally:
            lookup.close()
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            if self.progress is not None:
                self.progress.close()
        result.report = load_report(self.archive, self.run_id)
        result.reports = write_reports(self.archive, self.run_id, result.report)
        return result

    async def _capture(self, todo: list[Link], pool: concurrent.futures.Executor | None) -> None:
        self.loop = asyncio.get_running_loop()
        # The fetcher's writer: the WARC thread writes while the event loop fetches on.
        self._write = self.thread.on_loop(self.writer.write_exchange)
        self.batch: list[tuple[Capture, RecordRef, bytes | None]] = []
        committer = asyncio.create_task(self._commit_often())
        try:
            await self._probe(todo, pool)
            await self._fetch(todo, pool)
            await self._second_look(pool)
        finally:
            committer.cancel()
        if self.failure is not None:
            raise self.failure

    async def _probe(self, todo: list[Link], pool: concurrent.futures.Executor | None) -> None:
        """One probe per host first: soft-404 judgement compares each page with what the
        host answers for a path that cannot exist, so it must be known before judging."""
        hosts = sorted({_origin(link.url) for link in todo if _origin(link.url)})
        urls = [f"{origin}/{PROBE_PREFIX}{secrets.token_hex(8)}" for origin in hosts]
        self.probes = await self._random_paths(urls, pool, _origin)

    async def _random_paths(
        self,
        urls: list[str],
        pool: concurrent.futures.Executor | None,
        key: Callable[[str], str | None],
    ) -> dict[str, Readable | None]:
        """Fetch, record and read random paths; their readable text by ``key(url)``."""
        from archiver.capture import capture_all

        found: dict[str, Readable | None] = {}
        if not urls:
            return found
        loop = asyncio.get_running_loop()
        async for cap in capture_all(urls, self._fetch_options(), self._write):
            self.catalog.record_capture(self.run_id, cap, commit=False)
            _close_body(cap)
            readable = None
            if pool is not None and (ref := _readable_ref(cap)) is not None:
                job = ReadJob(str(self.archive), ref.warc_file, ref.offset)
                readable, _, _ = await loop.run_in_executor(pool, read_and_judge, job)
            name = key(cap.url)
            if name:
                found[name] = readable
        return found

    async def _second_look(self, pool: concurrent.futures.Executor | None) -> None:
        """Judge the held pages again beside what their site answers for a missing item.

        A site's missing-item template (an expired ad, a deleted post showing its
        channel) is often unlike the host's generic 404 that the first probe saw. A
        random path in the page's folder shows it where the folder takes any name; the
        page's address with a made-up id (`sibling_of`) where the route takes only ids.
        Only short or redirected content pages are held (`second_look`), so a run
        of long articles asks for no more pages; folders are probed once each, and pages
        whose made-up ids coincide (a channel's posts) share one request.
        """
        from archiver.soft404 import section_reason, sibling_reason

        held, self.held = self.held, []
        if not held or pool is None:
            for item in held:
                self._record_verdict(item.capture, item.verdict)
            return
        folders = sorted({item.folder for item in held if item.folder})
        siblings = sorted({item.sibling for item in held if item.sibling})
        keys = {f"{folder}{PROBE_PREFIX}{secrets.token_hex(8)}": folder for folder in folders}
        keys.update((sibling, sibling) for sibling in siblings)
        asked = [_count(len(folders), "folder"), _count(len(siblings), "made-up id")]
        asking = " and ".join(a for a in asked if a)
        log.info("%d short pages: probing %s", len(held), asking)
        if self.progress is not None:
            self.progress.stage(f"probing {asking}")
        probes = await self._random_paths(list(keys), pool, keys.get)
        jobs: list[ReadJob] = []
        again: list[Held] = []
        for item in held:
            cap, verdict = item.capture, item.verdict
            section = probes.get(item.folder or "")
            sibling = probes.get(item.sibling or "")
            host = self.probes.get(_origin(cap.url))
            if section is None and sibling is None:  # the probes failed: the verdict stands
                self._record_verdict(cap, verdict)
            elif item.readable is None:  # not kept in memory: read it again
                job = self._job(cap, item.ref)
                job.section_probe, job.sibling_probe, job.store_text = section, sibling, False
                jobs.append(job)
                again.append(item)
            elif section_reason(cap, item.readable, section, host) or sibling_reason(
                cap, item.readable, sibling, host
            ):
                args = (cap, item.readable, item.ref, verdict.text_path, section, sibling)
                self._record_verdict(cap, self._verdict(*args))
            else:
                self._record_verdict(cap, verdict)
        loop = asyncio.get_running_loop()
        chunks = [jobs[i : i + READ_BATCH] for i in range(0, len(jobs), READ_BATCH)]
        done = await asyncio.gather(
            *(loop.run_in_executor(pool, read_and_judge_all, chunk) for chunk in chunks)
        )
        results = [result for chunk in done for result in chunk]
        for item, (_, _, verdict) in zip(again, results, strict=True):
            self._record_verdict(item.capture, verdict or item.verdict)

    async def _fetch(self, todo: list[Link], pool: concurrent.futures.Executor | None) -> None:
        workers = getattr(pool, "_max_workers", 1)
        # Pages queued or being read at once: enough to keep every worker busy; past it
        # the fetchers wait, so memory holds a few dozen captures whatever the run's size.
        self.reading = asyncio.Semaphore(READS_PER_WORKER * workers)
        self.pending: set[asyncio.Future[Any]] = set()
        self.pool = pool
        if self.progress is not None:
            self.progress.start(len(todo))
        async for cap in self._captures([link.url for link in todo]):
            self.catalog.record_capture(self.run_id, cap, commit=False)
            self.captures += 1
            self.bytes += sum(h.size for h in cap.hops)
            if self.progress is not None:
                self.progress.advance(cap)
            ref = _readable_ref(cap)
            raw = _shipped_body(cap) if pool is not None and ref is not None else None
            _close_body(cap)
            if pool is None or ref is None:
                self._record_verdict(cap, self._verdict(cap, None, ref))
                continue
            await self.reading.acquire()
            self.batch.append((cap, ref, raw))
            if len(self.batch) >= READ_BATCH:
                self._send_batch()
        self._send_batch()
        while self.pending:
            await asyncio.gather(*self.pending, return_exceptions=True)

    def _captures(self, urls: list[str]) -> AsyncIterator[Capture]:
        """The links captured in this process, or split by host over fetch processes."""
        from archiver.capture import capture_all
        from archiver.shards import capture_sharded, split_by_host

        groups = split_by_host(urls, self._fetchers())
        if len(groups) < 2:
            return capture_all(urls, self._fetch_options(), self._write)
        log.debug("fetching in %d processes: %s links", len(groups), [len(g) for g in groups])
        return capture_sharded(
            groups,
            self._fetch_options(),
            self.archive / "warc",
            self._writer_kwargs(),
            self.catalog.path,
        )

    def _fetchers(self) -> int:
        """Fetch processes: one per core without text; with text the read workers have
        the cores, and a second fetcher would only compete with them."""
        if self.settings.fetchers is not None:
            return max(1, self.settings.fetchers)
        if self.settings.text:
            return 1
        return os.cpu_count() or 1

    def _writer_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "prefix": "archiver",
            "run_id": self.run_id,
            "settings": {**self.settings.public(), "software": f"archiver/{__version__}"},
            "max_size": self.settings.warc_size,
        }
        if self.settings.gzip_level is not None:
            kwargs["gzip_level"] = self.settings.gzip_level
        return kwargs

    def _send_batch(self) -> None:
        """A few pages per task: the pool's cost per task (pickling, its threads, waking
        the loop) is paid once for them all."""
        if not self.batch or self.pool is None:
            return
        jobs = [self._job(cap, ref, raw) for cap, ref, raw in self.batch]
        batch = [(cap, ref) for cap, ref, _ in self.batch]  # the bytes go with the jobs only
        self.batch = []
        fut = self.loop.run_in_executor(self.pool, read_and_judge_all, jobs)
        fut.add_done_callback(lambda f: self._on_read(batch, f))
        self.pending.add(fut)
        fut.add_done_callback(self.pending.discard)

    async def _commit_often(self) -> None:
        """Verdicts are committed in batches, at most COMMIT_PERIOD after they are made:
        a killed run then refetches only the links judged in its last moments. A batch of
        reads the fetchers are slow to fill is sent meanwhile."""
        while True:
            await asyncio.sleep(COMMIT_PERIOD)
            self._send_batch()
            self.catalog.commit()

    def _job(self, cap: Capture, ref: RecordRef, raw: bytes | None = None) -> ReadJob:
        """What a read worker needs to read, store and judge one page on its own."""
        return ReadJob(
            archive=str(self.archive),
            warc_file=ref.warc_file,
            offset=ref.offset,
            raw=raw,
            capture=cap,
            probe=self.probes.get(_origin(cap.url)),
            previous_text=self.catalog.previous_text_path(cap.url, self.run_id),
            previous_statuses=self.catalog.previous_statuses(cap.url, self.run_id),
            dead_after=self.settings.dead_after,
            run_id=self.run_id,
        )

    def _on_read(self, batch: list[tuple[Capture, RecordRef]], fut: asyncio.Future[Any]) -> None:
        for _ in batch:
            self.reading.release()
        try:
            try:
                results = fut.result()
            except Exception as exc:  # the worker itself died: record it, judge here
                note = f"text extraction failed: {type(exc).__name__}: {exc}"
                results = [(Readable(note=note), None, None) for _ in batch]
            for (cap, ref), (readable, text_path, verdict) in zip(batch, results, strict=True):
                self._read(cap, ref, readable, text_path, verdict)
        except Exception as exc:  # a callback's error would be lost: end the run with it
            if self.failure is None:
                self.failure = exc

    def _read(
        self,
        cap: Capture,
        ref: RecordRef,
        readable: Readable | None,
        text_path: str | None,
        verdict: Verdict | None,
    ) -> None:
        from archiver.judge import second_look

        if text_path is not None and readable is not None:
            self.thread.later(
                self.writer.write_conversion,
                readable.text,
                url=cap.final_url,
                refers_to=ref,
                date=datetime.now(UTC),
            )
            self.texts += 1
        self.catalog.record_text(self.run_id, cap.url, readable, text_path, ref)
        if verdict is None:
            verdict = self._verdict(cap, readable, ref, text_path)
        folder, sibling = second_look(verdict, cap, readable)
        if folder or sibling:
            self.reached = True  # it answered with content
            kept = readable if len(self.held) < HOLD_READABLES else None
            self.held.append(Held(cap, ref, verdict, kept, folder, sibling))
        else:
            self._record_verdict(cap, verdict)

    def _verdict(
        self,
        cap: Capture,
        readable: Readable | None,
        ref: RecordRef | None,
        text_path: str | None = None,
        section_probe: Readable | None = None,
        sibling_probe: Readable | None = None,
    ) -> Verdict:
        from archiver.judge import judge

        prev_path = self.catalog.previous_text_path(cap.url, self.run_id)
        final = cap.final
        record = final.record if final else None
        return judge(
            cap,
            readable,
            probe=self.probes.get(_origin(cap.url)),
            section_probe=section_probe,
            sibling_probe=sibling_probe,
            previous_text=read_text(self.archive, prev_path),
            previous_statuses=self.catalog.previous_statuses(cap.url, self.run_id),
            dead_after=self.settings.dead_after,
            warc_file=record.warc_file if record else None,
            warc_offset=record.offset if record else None,
            text_path=text_path,
        )

    def _record_verdict(self, cap: Capture, verdict: Verdict) -> None:
        """Into the catalog, committed with the next batch, so a killed run resumes from
        what was judged. Network-level failures wait for the end of the run: if no host
        at all answered, the run was offline and they must not enter the history."""
        from archiver.judge import is_offline

        if is_offline([cap]):
            self.deferred.append(verdict)
            return
        self.reached = True
        self.catalog.record_verdicts(self.run_id, [verdict])

    def _fetch_options(self) -> Any:
        from archiver import USER_AGENT
        from archiver.capture import FetchOptions

        s = self.settings
        return FetchOptions(
            concurrency=s.concurrency,
            per_host=s.per_host,
            delay=s.delay,
            connect_timeout=s.connect_timeout,
            read_timeout=s.read_timeout,
            total_timeout=s.total_timeout,
            max_redirects=s.max_redirects,
            retries=s.retries,
            max_body=s.max_body,
            user_agent=s.user_agent or USER_AGENT,
            insecure=s.insecure,
            respect_robots=s.respect_robots,
            resolve=s.resolve or None,
            resolve_only=s.resolve_only,
        )

    # -- the end of a run

    def _finish(self) -> RunResult:
        judged_before = bool(self.catalog.status_counts(self.run_id))  # a resumed run
        offline = bool(self.deferred) and not self.reached and not judged_before
        if offline:
            log.debug("offline: no host could be reached at the network level; no link was judged")
        elif self.deferred:
            self.catalog.record_verdicts(self.run_id, self.deferred)
        # Counted in SQL: a run of 100,000 links must not hold its verdicts to say how many.
        statuses = {} if offline else self.catalog.status_counts(self.run_id)
        failed = sum(n for status, n in statuses.items() if status != "ok")
        size = self.bytes
        summary = {
            "links": len(self.links),
            "captured": self.captures,
            "failed": failed,
            "bytes": size,
            "texts": self.texts,
            "offline": offline,
            "statuses": statuses,
        }
        self.catalog.finish_run(self.run_id, offline=offline, summary=summary)
        self.catalog.commit()
        return RunResult(
            self.run_id,
            self.archive,
            len(self.links),
            RunVerdicts(self.catalog.path, None if offline else self.run_id),
            offline,
            time.monotonic() - self.started,
            failed,
            size,
            self.texts,
            statuses,
        )


# --------------------------------------------------------------------------- helpers


@dataclass
class Held:
    """A content verdict waiting for what its site answers for a missing item."""

    capture: Capture
    ref: RecordRef
    verdict: Verdict
    # The page's readable text, kept for the first HOLD_READABLES pages (short pages,
    # a few kB each); past them a page is read again from its record.
    readable: Readable | None
    folder: str | None = None  # the folder probed for it (`section_candidate`)
    sibling: str | None = None  # its address with a made-up id (`sibling_candidate`)


@dataclass
class ReadJob:
    """One page for a read worker: where its record is, and what judging it needs."""

    archive: str
    warc_file: str
    offset: int
    # The record's raw body, when the fetcher still held it: read from these bytes (the
    # ones written to the record) instead of reading the record back, 0.4 ms a page less.
    raw: bytes | None = None
    capture: Capture | None = None  # None: read only (a probe)
    probe: Readable | None = None
    section_probe: Readable | None = None  # what the page's folder gave a random path
    sibling_probe: Readable | None = None  # what the site gave its address's made-up id
    store_text: bool = True  # False: judged again, its text is already stored
    previous_text: str | None = None  # archive-relative path of the last capture's text
    previous_statuses: list[str] = field(default_factory=list)
    dead_after: int = 3
    run_id: int = 0


def read_and_judge(job: ReadJob) -> tuple[Readable | None, str | None, Verdict | None]:
    """Read a page (from the bytes handed over, else its WARC record), store its text and
    judge it: in a worker process.

    Judging beside the reading (soft-404 wording, likeness to the probe, drift) keeps
    the whole per-page cost of text mode on the workers, so the process that fetches
    stays light and every core extracts. Returns (readable, text path, verdict).
    """
    from archiver.judge import judge
    from archiver.read import read_response

    archive = Path(job.archive)
    cap = job.capture
    try:
        if job.raw is not None and cap is not None and cap.head:
            readable = read_response(cap.head, job.raw, cap.final_url, READ_CAP, links=False)
        else:
            readable = _read_at(archive / "warc", job.warc_file, job.offset)
    except Exception as exc:  # a page that crashes the reader is recorded, not fatal
        readable = Readable(note=f"text extraction failed: {type(exc).__name__}: {exc}")
    if cap is None:
        return readable, None, None
    text_path = None
    if readable is not None and readable.text:
        key = hashlib.sha1(cap.url.encode()).hexdigest()[:16]
        text_path = f"text/{key}-r{job.run_id}.txt"
        if job.store_text:
            (archive / text_path).write_text(readable.text, encoding="utf-8")
    final = cap.final
    record = final.record if final else None
    verdict = judge(
        cap,
        readable,
        probe=job.probe,
        section_probe=job.section_probe,
        sibling_probe=job.sibling_probe,
        previous_text=read_text(archive, job.previous_text),
        previous_statuses=job.previous_statuses,
        dead_after=job.dead_after,
        warc_file=record.warc_file if record else None,
        warc_offset=record.offset if record else None,
        text_path=text_path,
    )
    return readable, text_path, verdict


def read_and_judge_all(
    jobs: list[ReadJob],
) -> list[tuple[Readable | None, str | None, Verdict | None]]:
    return [read_and_judge(job) for job in jobs]


def _read_at(directory: Path, name: str, offset: int) -> Readable | None:
    """The record at ``offset``; read_record finds the file with or without ``.open``.
    Without outlinks: nothing downstream of a read worker uses them (0.25 ms a page)."""
    from archiver.read import read_record
    from archiver.warc import OPEN_SUFFIX

    return read_record(str(directory / (name + OPEN_SUFFIX)), offset, READ_CAP, links=False)


def _read_pool(settings: SnapshotSettings) -> concurrent.futures.ProcessPoolExecutor:
    workers = settings.workers or os.cpu_count() or 1
    ctx = multiprocessing.get_context("forkserver")
    return concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def _count(n: int, noun: str) -> str:
    """ "1 folder", "3 folders"; empty for none."""
    return f"{n} {noun}{'s' if n > 1 else ''}" if n else ""


def _origin(url: str) -> str:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def _readable_ref(cap: Capture) -> RecordRef | None:
    """The record holding the final page's payload, when it is worth reading."""
    final = cap.final
    if final is None or final.status is None or final.record is None:
        return None
    ctype = final.content_type.split(";")[0].strip().lower()
    if not ctype.startswith(READABLE_TYPES) and ctype not in READABLE_TYPES:
        return None
    ref = final.revisit_of or final.record
    if ref.record_type not in ("response", "resource"):
        return None
    return ref


def _shipped_body(cap: Capture) -> bytes | None:
    """The final hop's raw body for a read job, unless it is too large to pass along."""
    body = cap.body
    if body is None or not cap.head:
        return None
    body.seek(0)
    data = body.read(SHIP_MAX + 1)
    return data if len(data) <= SHIP_MAX else None


def _close_body(cap: Capture) -> None:
    body = getattr(cap, "body", None)
    if body is not None:
        body.close()
        cap.body = None  # the capture goes to a read worker: nothing unpicklable


def summary_line(result: RunResult) -> str:
    if result.offline:
        return (
            f"run {result.run_id}: offline — no host could be reached, so no link was "
            f"judged ({result.links} links, {result.elapsed:.1f} s). Check the network "
            "and run again."
        )
    counts = result.statuses
    parts = ", ".join(f"{n} {s}" for s, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return (
        f"run {result.run_id}: {result.links} links in {result.elapsed:.1f} s, "
        f"{human_bytes(result.bytes)}, {result.texts} texts — {parts or 'nothing judged'}"
    )
