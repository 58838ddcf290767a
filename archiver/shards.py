"""Capture in several processes at once, each with its own hosts, event loop and WARC file.

One process tops out well below what a machine's network and disk can take: its event
loop, the HTTP parsing and the record building all wait for the one interpreter lock.
Splitting the links by host name keeps every per-host limit (slots, delay, robots) inside
one process, so each shard is an ordinary ``capture_all`` run writing its own WARC file,
and the parent, which owns the catalog, only receives finished captures (their bodies
are already on disk; a capture carries its record references, not its bytes).

The parent's side is ``capture_sharded``: an async iterator of Captures like
``capture.capture_all``, so the pipeline downstream of the fetch does not change.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import math
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archiver.capture import FetchOptions, capture_all
from archiver.errors import ArchiverError
from archiver.model import Capture

log = logging.getLogger("archiver")

SEND_EVERY = 0.05  # seconds a finished capture may wait to be sent to the parent
SEND_BATCH = 32  # captures per message at most
QUEUE_LIMIT = 64  # messages the parent holds before it stops reading (backpressure)
PARENT_GONE = 75  # exit code of a fetch process whose parent went away


@dataclass
class ShardJob:
    """What one fetch process needs: its links and how to write and look up records."""

    number: int
    urls: list[str]
    options: FetchOptions
    warc_dir: str
    writer: dict[str, Any]  # WarcWriter keyword arguments (prefix, run_id, settings, ...)
    catalog: str | None  # catalog path for revisit look-ups, read only


def split_by_host(urls: list[str], shards: int) -> list[list[str]]:
    """Links grouped so that each host name is in one group, groups about equal in size.

    Largest host first onto the group with fewest links (greedy); fewer groups than asked
    when there are fewer hosts. The links of a group keep their order.
    """
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault((urlsplit(url).hostname or "").lower(), []).append(url)
    groups: list[list[str]] = [[] for _ in range(max(1, min(shards, len(by_host))))]
    for host_urls in sorted(by_host.values(), key=len, reverse=True):
        min(groups, key=len).extend(host_urls)
    return [g for g in groups if g]


async def capture_sharded(
    groups: list[list[str]],
    options: FetchOptions,
    warc_dir: Path,
    writer: dict[str, Any],
    catalog: Path | None = None,
) -> AsyncIterator[Capture]:
    """Capture each group in a process of its own, yielding Captures as they arrive.

    A process that fails (its WARC cannot be written, it is killed) ends the run with an
    ArchiverError naming it; the other processes are stopped, and what they wrote stays
    in their ``.open`` files for ``recover`` and ``--resume``.
    """
    loop = asyncio.get_running_loop()
    # forkserver, like the read pool: never fork a process that already runs threads.
    ctx = multiprocessing.get_context("forkserver")
    each = max(1, math.ceil(options.concurrency / len(groups)))
    inbox: asyncio.Queue[tuple[int, str, Any]] = asyncio.Queue()
    shards: dict[int, tuple[Any, Connection]] = {}
    paused: set[int] = set()

    def receive(number: int, conn: Connection) -> None:
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError):
            kind, payload = "lost", None
        if kind in ("done", "error", "lost"):
            loop.remove_reader(conn.fileno())
        inbox.put_nowait((number, kind, payload))
        if inbox.qsize() >= QUEUE_LIMIT and kind == "captures":
            loop.remove_reader(conn.fileno())  # the pipe fills, the shard waits
            paused.add(number)

    def resume_reading() -> None:
        for number in list(paused):
            conn = shards[number][1]
            loop.add_reader(conn.fileno(), receive, number, conn)
            paused.discard(number)

    try:
        for number, urls in enumerate(groups, 1):
            prefix = f"{writer.get('prefix', 'archiver')}-f{number}"
            job = ShardJob(
                number,
                urls,
                replace(options, concurrency=each),
                str(warc_dir),
                {**writer, "prefix": prefix},
                str(catalog) if catalog else None,
            )
            receiving, sending = ctx.Pipe(duplex=False)
            process = ctx.Process(
                target=serve_shard, args=(job, sending), name=f"archiver-fetch-{number}"
            )
            process.start()
            sending.close()
            shards[number] = (process, receiving)
            loop.add_reader(receiving.fileno(), receive, number, receiving)
        running = set(shards)
        while running:
            number, kind, payload = await inbox.get()
            if inbox.qsize() < QUEUE_LIMIT // 2 and paused:
                resume_reading()
            if kind == "captures":
                for capture in payload:
                    yield capture
            elif kind == "done":
                running.discard(number)
                log.debug("fetch process %d: %s", number, payload)
            else:
                process = shards[number][0]
                process.join(timeout=5)
                why = payload or f"it ended unexpectedly (exit code {process.exitcode})"
                raise ArchiverError(f"fetch process {number} failed: {why}")
    finally:
        for _process, conn in shards.values():
            with contextlib.suppress(ValueError, OSError):
                loop.remove_reader(conn.fileno())
            conn.close()  # a shard still sending gets a broken pipe and stops
        for process, _ in shards.values():
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)


# --------------------------------------------------------------------------- the shard


def serve_shard(job: ShardJob, conn: Connection) -> None:
    """A fetch process's whole life: capture, write, send; say how it ended."""
    try:
        stats = asyncio.run(_capture(job, conn))
        conn.send(("done", stats))
    except (BrokenPipeError, EOFError):
        pass  # the parent is gone or stopped listening: nothing to tell
    except BaseException as exc:  # every failure goes to the parent, as text
        with contextlib.suppress(OSError):
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


async def _capture(job: ShardJob, conn: Connection) -> dict[str, Any]:
    from archiver.catalog import Catalog
    from archiver.warc import WarcWriter, WriterThread

    loop = asyncio.get_running_loop()
    # The parent's end of the pipe closes when it stops listening or dies (kill -9): the
    # pipe then reports an error at once, and this process ends before writing another
    # record, so a resumed run never finds a WARC file still being written.
    loop.add_reader(conn.fileno(), _parent_gone)
    lookup = Catalog.open(job.catalog) if job.catalog else None
    sender = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="send")
    outcomes: Counter[str] = Counter()
    try:
        revisit = lookup.revisit_lookup if lookup else None
        with WarcWriter(Path(job.warc_dir), revisit_lookup=revisit, **job.writer) as writer:
            thread = WriterThread(writer)
            try:
                batch: list[Capture] = []
                sent = time.monotonic()
                write = thread.on_loop(writer.write_exchange)
                async for capture in capture_all(job.urls, job.options, write):
                    body = capture.body
                    if body is not None:
                        body.close()
                        capture.body = None  # pickled to the parent: bytes stay on disk
                    outcomes[capture.error or "ok"] += 1
                    batch.append(capture)
                    if len(batch) >= SEND_BATCH or time.monotonic() - sent >= SEND_EVERY:
                        # On a thread: a full pipe holds back this loop's consumer (and so
                        # the fetchers), never the loop itself, whose timeouts keep running.
                        await loop.run_in_executor(sender, conn.send, ("captures", batch))
                        batch, sent = [], time.monotonic()
                if batch:
                    await loop.run_in_executor(sender, conn.send, ("captures", batch))
            finally:
                thread.close()
        return {"files": [p.name for p in writer.closed_files], "captures": dict(outcomes)}
    finally:
        sender.shutdown(wait=True)
        if lookup is not None:
            lookup.close()


def _parent_gone() -> None:
    os._exit(PARENT_GONE)
