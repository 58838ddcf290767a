"""Rebuild the catalog from the WARC files alone.

The catalog's own changes are journaled into the WARCs as ``metadata`` records (see
``archiver.catalog``); replaying them in the order the files were written gives back the
same rows, ids included. Records no journal describes (a run killed before its catalog
caught up, or WARCs written by another tool) are still catalogued, from the records
themselves: one capture per URL answered by a response, revisit, resource or failure
record. Those captures lack what only the fetcher knew (attempts, redirect chains).
"""

from __future__ import annotations

import json
import os
import zlib
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader

from archiver.catalog import Catalog, _json, capture_rows
from archiver.model import Capture, Hop, RecordRef
from archiver.warc import complete_length, warc_files


def _warcinfo(block: bytes) -> dict[str, str]:
    out = {}
    for line in block.decode("utf-8", "replace").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            out[name.strip()] = value.strip()
    return out


class _Fallback:
    """What the records say about captures no journal record describes."""

    def __init__(self) -> None:
        self.runs: dict[int, tuple[str, str]] = {}  # run id → (first WARC-Date, settings)
        self.hops: dict[tuple[int, str], Hop] = {}  # last answer per (run, url)
        self.failures: dict[tuple[int, str], dict[str, Any]] = {}
        self.by_id: dict[str, RecordRef] = {}

    def record(self, run: int, rec: Any, name: str, offset: int, length: int) -> None:
        h = rec.rec_headers
        url = h.get_header("WARC-Target-URI") or ""
        rtype = rec.rec_type
        ref = RecordRef(
            name,
            offset,
            length,
            h.get_header("WARC-Record-ID") or "",
            rtype,
            h.get_header("WARC-Payload-Digest"),
            h.get_header("WARC-Date") or "",
        )
        self.by_id[ref.record_id] = ref
        status = None
        ctype = ""
        if rec.http_headers is not None and rtype != "resource":
            code = rec.http_headers.get_statuscode()
            status = int(code) if code and code.isdigit() else None
            ctype = rec.http_headers.get_header("Content-Type") or ""
        elif rtype == "resource":
            ctype = h.get_header("Content-Type") or ""
        original = None
        if rtype == "revisit":
            original = self.by_id.get(h.get_header("WARC-Refers-To") or "")
        self.hops[(run, url)] = Hop(
            url=url,
            status=status,
            content_type=ctype,
            truncated=h.get_header("WARC-Truncated"),
            ip=h.get_header("WARC-IP-Address"),
            record=ref,
            revisit_of=original,
            size=max(0, (rec.payload_length if rec.payload_length >= 0 else 0)),
        )

    def captures(self, covered: set[tuple[int, str]]) -> list[tuple[int, Capture]]:
        out = []
        for key in sorted(set(self.hops) | set(self.failures)):
            if key in covered:
                continue
            run, url = key
            hop = self.hops.get(key)
            fail = self.failures.get(key, {})
            date = hop.record.date if hop and hop.record else fail.get("date", "")
            cap = Capture(
                url=url,
                started=date,
                hops=[hop] if hop else [],
                error=fail.get("error"),
                error_detail=fail.get("detail") or "",
            )
            out.append((run, cap))
        return out


def reindex(archive_dir: Path, out: Path | None = None) -> dict[str, int]:
    """Rebuild ``archive_dir/catalog.sqlite`` (or ``out``) from ``archive_dir/warc``.

    The new catalog is built beside the old one and swapped in only when complete, so a
    failed rebuild never leaves the archive without a catalog.
    """
    archive_dir = Path(archive_dir)
    target = Path(out) if out else archive_dir / "catalog.sqlite"
    tmp = target.with_name(target.name + ".rebuild")
    for p in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        p.unlink(missing_ok=True)
    catalog = Catalog.open(tmp)
    stats: Counter[str] = Counter()
    fallback = _Fallback()
    journaled_runs: set[int] = set()
    covered: set[tuple[int, str]] = set()  # (run, url) of every hop a journal describes
    try:
        for path in warc_files(archive_dir / "warc", include_open=True):
            stats["files"] += 1
            name = path.name.removesuffix(".open")
            if not _read_file(path, name, catalog, fallback, journaled_runs, covered, stats):
                stats["damaged_files"] += 1
        for run, (date, settings) in sorted(fallback.runs.items()):
            if run not in journaled_runs:
                catalog.apply(
                    "run",
                    {
                        "run": {"id": run, "started": date, "settings": settings},
                        "links": [],
                        "citations": [],
                    },
                )
                stats["runs"] += 1
        for run, cap in fallback.captures(covered):
            catalog.apply("capture", capture_rows(run, cap))
            stats["captures"] += 1
            stats["fallback_captures"] += 1
        catalog.commit()
    finally:
        catalog.close()
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(tmp, target)
    return dict(stats)


def _read_file(
    path: Path,
    name: str,
    catalog: Catalog,
    fallback: _Fallback,
    journaled_runs: set[int],
    covered: set[tuple[int, str]],
    stats: Counter[str],
) -> bool:
    run = 0
    # warcio reads a record cut short as if it were whole; stop before it instead.
    end = complete_length(path)
    whole = end == path.stat().st_size
    with open(path, "rb") as fh:
        it = ArchiveIterator(LimitReader(fh, end))
        try:
            for rec in it:
                stats["records"] += 1
                rtype = rec.rec_type
                h = rec.rec_headers
                if rtype == "warcinfo":
                    info = _warcinfo(rec.content_stream().read())
                    run = int(info.get("archiver-run-id") or 0)
                    date = h.get_header("WARC-Date") or ""
                    settings = info.get("archiver-settings") or _json({})
                    fallback.runs.setdefault(run, (_seconds(date), settings))
                elif rtype == "metadata" and (h.get_header("Content-Type") or "").startswith(
                    "application/json"
                ):
                    _metadata(
                        json.loads(rec.content_stream().read() or b"null"),
                        run,
                        catalog,
                        fallback,
                        journaled_runs,
                        covered,
                        stats,
                    )
                elif rtype in ("response", "revisit", "resource"):
                    it.read_to_end(rec)
                    fallback.record(run, rec, name, it.get_record_offset(), it.get_record_length())
        except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError):
            return False  # everything before the damage is kept
    return whole


def _metadata(
    payload: Any,
    run: int,
    catalog: Catalog,
    fallback: _Fallback,
    journaled_runs: set[int],
    covered: set[tuple[int, str]],
    stats: Counter[str],
) -> None:
    if not isinstance(payload, dict):
        return
    if payload.get("archiver") == "failure":
        fallback.failures[(run, str(payload.get("url")))] = payload
        return
    if payload.get("archiver") != "catalog":
        return
    # One change per record in archives written before changes were batched.
    changes = payload.get("changes", [payload])
    for change in changes:
        _apply(change["kind"], change["data"], catalog, journaled_runs, covered, stats)


def _apply(
    kind: str,
    data: dict[str, Any],
    catalog: Catalog,
    journaled_runs: set[int],
    covered: set[tuple[int, str]],
    stats: Counter[str],
) -> None:
    catalog.apply(kind, data)
    if kind == "run":
        if int(data["run"]["id"]) not in journaled_runs:
            stats["runs"] += 1
        journaled_runs.add(int(data["run"]["id"]))
    elif kind == "capture":
        stats["captures"] += 1
        cap_run = int(data["capture"]["run_id"])
        covered.add((cap_run, data["capture"]["url"]))
        covered.update((cap_run, hop["url"]) for hop in data["hops"])
    elif kind == "text":
        stats["texts"] += 1
    elif kind == "verdicts":
        stats["verdicts"] += len(data["verdicts"])


def _seconds(date: str) -> str:
    """A WARC-Date in the catalog's format (to the second)."""
    try:
        return datetime.fromisoformat(date.replace("Z", "+00:00")).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return date
