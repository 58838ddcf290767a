"""The catalog: an SQLite index of runs, links, captures, texts and verdicts.

The WARC files are the truth; the catalog only makes them quick to ask. Every change the
catalog makes is expressed as rows (plain dicts) that are applied by one function,
``apply``. When a journal is attached (``attach_journal``, normally ``WarcWriter.journal``)
the same rows are first written into the WARC as a metadata record, and ``reindex`` later
feeds them back through ``apply`` in the order they were written: the rebuilt catalog is
then equal to the original row for row, ids included.

A capture is committed as soon as it is recorded unless the caller batches it (the
snapshot pipeline does: its resume counts verdicts, and a link whose verdict was lost by
``kill -9`` is fetched again). Other changes are batched: committed every ``BATCH``
changes or ``COMMIT_EVERY`` seconds, at ``finish_run`` and at ``commit``/``close``.
WAL mode: readers are never blocked.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archiver.model import Capture, Citation, Hop, Link, Readable, RecordRef, Verdict

BATCH = 500  # changes per transaction at most
COMMIT_EVERY = 0.5  # seconds a change may wait for its commit

Journal = Callable[[str, dict[str, Any]], Any]

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    settings TEXT NOT NULL,
    offline INTEGER,
    summary TEXT
);
CREATE TABLE IF NOT EXISTS links (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    UNIQUE (run_id, url)
);
CREATE TABLE IF NOT EXISTS citations (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    written TEXT, source TEXT, line INTEGER, col INTEGER,
    context TEXT, cited TEXT, repairs TEXT,
    UNIQUE (run_id, url, source, line, col)
);
CREATE TABLE IF NOT EXISTS captures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    final_url TEXT,
    started TEXT,
    outcome TEXT,            -- the HTTP status, or the error class when none came
    status INTEGER,
    error TEXT,
    error_detail TEXT,
    attempts INTEGER,
    hops INTEGER,
    elapsed REAL,
    warc_file TEXT, warc_offset INTEGER, warc_length INTEGER,
    record_id TEXT, record_type TEXT, payload_digest TEXT,
    original_file TEXT, original_offset INTEGER, original_length INTEGER,
    original_record_id TEXT,
    content_type TEXT,
    size INTEGER,
    truncated TEXT
);
CREATE INDEX IF NOT EXISTS captures_url ON captures (url, run_id);
CREATE INDEX IF NOT EXISTS captures_run ON captures (run_id);
CREATE TABLE IF NOT EXISTS hops (
    id INTEGER PRIMARY KEY,
    capture_id INTEGER NOT NULL REFERENCES captures(id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    status INTEGER, reason TEXT, location TEXT, content_type TEXT,
    size INTEGER, truncated TEXT, ip TEXT, elapsed REAL,
    warc_file TEXT, warc_offset INTEGER, warc_length INTEGER,
    record_id TEXT, record_type TEXT, payload_digest TEXT, record_date TEXT,
    original_file TEXT, original_offset INTEGER, original_length INTEGER,
    original_record_id TEXT, original_type TEXT, original_date TEXT
);
CREATE INDEX IF NOT EXISTS hops_capture ON hops (capture_id);
CREATE INDEX IF NOT EXISTS hops_digest ON hops (url, payload_digest);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    capture_id INTEGER NOT NULL REFERENCES captures(id),
    number INTEGER, outcome TEXT, elapsed REAL, wait REAL
);
CREATE INDEX IF NOT EXISTS attempts_capture ON attempts (capture_id);
CREATE TABLE IF NOT EXISTS texts (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    kind TEXT, length INTEGER, language TEXT, text_digest TEXT, title TEXT,
    text_path TEXT, note TEXT, truncated INTEGER, charset TEXT,
    warc_file TEXT, warc_offset INTEGER, warc_length INTEGER, record_id TEXT
);
CREATE INDEX IF NOT EXISTS texts_url ON texts (url, run_id);
CREATE TABLE IF NOT EXISTS verdicts (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, http_status INTEGER, final_url TEXT,
    drift TEXT, similarity REAL, warc_file TEXT, warc_offset INTEGER,
    title TEXT, diff TEXT, text_path TEXT
);
CREATE INDEX IF NOT EXISTS verdicts_url ON verdicts (url, run_id);
CREATE INDEX IF NOT EXISTS verdicts_run ON verdicts (run_id);
"""

TABLES = ("runs", "links", "citations", "captures", "hops", "attempts", "texts", "verdicts")
_VERDICT_FIELDS = [f.name for f in fields(Verdict)]


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


# --------------------------------------------------------------------------- rows


def _ref_cols(prefix: str, ref: RecordRef | None) -> dict[str, Any]:
    if prefix == "warc":
        return {
            "warc_file": ref.warc_file if ref else None,
            "warc_offset": ref.offset if ref else None,
            "warc_length": ref.length if ref else None,
            "record_id": ref.record_id if ref else None,
        }
    return {
        "original_file": ref.warc_file if ref else None,
        "original_offset": ref.offset if ref else None,
        "original_length": ref.length if ref else None,
        "original_record_id": ref.record_id if ref else None,
    }


def hop_row(position: int, hop: Hop) -> dict[str, Any]:
    rec, orig = hop.record, hop.revisit_of
    return {
        "position": position,
        "url": hop.url,
        "status": hop.status,
        "reason": hop.reason,
        "location": hop.location,
        "content_type": hop.content_type,
        "size": hop.size,
        "truncated": hop.truncated,
        "ip": hop.ip,
        "elapsed": hop.elapsed,
        **_ref_cols("warc", rec),
        "record_type": rec.record_type if rec else None,
        "payload_digest": rec.payload_digest if rec else None,
        "record_date": rec.date if rec else None,
        **_ref_cols("original", orig),
        "original_type": orig.record_type if orig else None,
        "original_date": orig.date if orig else None,
    }


def capture_rows(run_id: int, cap: Capture) -> dict[str, Any]:
    """The rows one capture adds: the capture, its hops, its attempts."""
    final = cap.final
    rec = final.record if final else None
    status = cap.status
    row = {
        "run_id": run_id,
        "url": cap.url,
        "final_url": cap.final_url,
        "started": cap.started,
        "outcome": str(status) if status is not None else (cap.error or "none"),
        "status": status,
        "error": cap.error,
        "error_detail": cap.error_detail,
        "attempts": len(cap.attempts),
        "hops": len(cap.hops),
        "elapsed": cap.elapsed,
        **_ref_cols("warc", rec),
        "record_type": rec.record_type if rec else None,
        "payload_digest": rec.payload_digest if rec else None,
        **_ref_cols("original", final.revisit_of if final else None),
        "content_type": final.content_type if final else None,
        "size": final.size if final else None,
        "truncated": final.truncated if final else None,
    }
    hops = [hop_row(i, h) for i, h in enumerate(cap.hops)]
    attempts = [
        {"number": a.number, "outcome": a.outcome, "elapsed": a.elapsed, "wait": a.wait}
        for a in cap.attempts
    ]
    return {"capture": row, "hops": hops, "attempts": attempts}


def text_row(
    run_id: int, url: str, readable: Readable | None, text_path: str | None, ref: RecordRef | None
) -> dict[str, Any]:
    r = readable or Readable(note="no reader result")
    return {
        "run_id": run_id,
        "url": url,
        "kind": r.kind,
        "length": len(r.text),
        "language": r.language,
        "text_digest": "sha1:" + hashlib.sha1(r.text.encode("utf-8")).hexdigest()
        if r.text
        else None,
        "title": r.title,
        "text_path": text_path,
        "note": r.note,
        "truncated": int(r.truncated),
        "charset": r.charset,
        **_ref_cols("warc", ref),
    }


def verdict_row(run_id: int, v: Verdict) -> dict[str, Any]:
    row = {name: getattr(v, name) for name in _VERDICT_FIELDS}
    row["run_id"] = run_id
    return row


# --------------------------------------------------------------------------- catalog


def _chunks(values: list[str], size: int = 500) -> Iterator[tuple[list[str], str]]:
    """Values in groups small enough for one ``IN (...)`` list, each with its placeholders
    (SQLite limits the parameters of one statement)."""
    for i in range(0, len(values), size):
        part = values[i : i + size]
        yield part, ", ".join("?" * len(part))


class Catalog:
    """One archive's catalog; open with ``Catalog.open(path)``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._journal: Journal | None = None
        self._before_commit: Callable[[], Any] | None = None
        self._changes = 0
        self._last_commit = time.monotonic()

    @classmethod
    def open(cls, path: Path | str) -> Catalog:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.executescript(SCHEMA)
        return cls(conn, path)

    # ------------------------------------------------------------------ transactions

    def _begin(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")

    def _changed(self, n: int = 1) -> None:
        self._changes += n
        if self._changes >= BATCH or time.monotonic() - self._last_commit >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        if self.conn.in_transaction:
            if self._before_commit is not None:
                self._before_commit()  # the journal records reach the WARC first
            self.conn.execute("COMMIT")
        self._changes = 0
        self._last_commit = time.monotonic()

    def close(self) -> None:
        self.commit()
        self.conn.close()

    def _insert(self, table: str, row: dict[str, Any], *, ignore: bool = False) -> int:
        cols = ", ".join(row)
        marks = ", ".join("?" * len(row))
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        cur = self.conn.execute(
            f"{verb} INTO {table} ({cols}) VALUES ({marks})", tuple(row.values())
        )
        return int(cur.lastrowid or 0)

    # ------------------------------------------------------------------ changes

    def apply(self, kind: str, data: dict[str, Any]) -> None:
        """Apply one change; the only code path that writes rows (live and reindex)."""
        self._begin()
        if kind == "run":
            self._insert("runs", data["run"], ignore=True)
            for row in data["links"]:
                self._insert("links", row, ignore=True)
            for row in data["citations"]:
                self._insert("citations", row, ignore=True)
        elif kind == "capture":
            cid = self._insert("captures", data["capture"])
            for row in data["hops"]:
                self._insert("hops", {"capture_id": cid, **row})
            for row in data["attempts"]:
                self._insert("attempts", {"capture_id": cid, **row})
        elif kind == "text":
            self._insert("texts", data["text"])
        elif kind == "verdicts":
            for row in data["verdicts"]:
                self._insert("verdicts", row)
        elif kind == "finish":
            self.conn.execute(
                "UPDATE runs SET finished = ?, offline = ?, summary = ? WHERE id = ?",
                (data["finished"], data["offline"], data["summary"], data["id"]),
            )
        else:
            raise ValueError(f"unknown catalog change {kind!r}")
        self._changed()

    def _record(self, kind: str, data: dict[str, Any]) -> None:
        if self._journal is not None:
            self._journal(kind, data)  # the WARC first: it is the truth
        self.apply(kind, data)

    def attach_journal(
        self, run_id: int, journal: Journal, before_commit: Callable[[], Any] | None = None
    ) -> None:
        """From now on every change is also written through ``journal`` (into the WARC).

        The run itself (settings, links, citations) is journaled at once, so a run's
        WARCs are enough to rebuild it, also when it is resumed into new files. A journal
        that writes in the background gives ``before_commit``, which waits until its
        records are written: nothing is committed that the WARCs could not rebuild.
        """
        self._journal = journal
        self._before_commit = before_commit
        journal("run", self._run_rows(run_id))

    def detach_journal(self) -> None:
        """Stop journaling (before the WARC writer closes)."""
        if self._before_commit is not None:
            self._before_commit()
        self._journal = None
        self._before_commit = None

    def _run_rows(self, run_id: int) -> dict[str, Any]:
        run = dict(
            self.conn.execute(
                "SELECT id, started, settings FROM runs WHERE id = ?", (run_id,)
            ).fetchone()
        )
        links = [
            dict(r)
            for r in self.conn.execute(
                "SELECT run_id, position, url FROM links WHERE run_id = ? ORDER BY id", (run_id,)
            )
        ]
        cits = [
            dict(r)
            for r in self.conn.execute(
                "SELECT run_id, url, written, source, line, col, context, cited, repairs "
                "FROM citations WHERE run_id = ? ORDER BY id",
                (run_id,),
            )
        ]
        return {"run": run, "links": links, "citations": cits}

    def begin_run(self, settings: dict[str, Any], links: list[Link]) -> int:
        self._begin()
        cur = self.conn.execute(
            "INSERT INTO runs (started, settings) VALUES (?, ?)", (now_iso(), _json(settings))
        )
        run_id = int(cur.lastrowid or 0)
        for pos, link in enumerate(links):
            self._insert("links", {"run_id": run_id, "position": pos, "url": link.url}, ignore=True)
            for c in link.citations:
                self._insert(
                    "citations",
                    {
                        "run_id": run_id,
                        "url": link.url,
                        "written": c.written,
                        "source": c.source,
                        "line": c.line,
                        "col": c.column,
                        "context": c.context,
                        "cited": c.cited,
                        "repairs": _json(list(c.repairs)),
                    },
                    ignore=True,
                )
        self.commit()
        return run_id

    def record_capture(self, run_id: int, capture: Capture, *, commit: bool = True) -> None:
        """Committed at once unless told otherwise: the snapshot pipeline, whose resume
        counts verdicts rather than captures, leaves it to the next batch."""
        self._record("capture", capture_rows(run_id, capture))
        if commit:
            self.commit()

    def record_text(
        self,
        run_id: int,
        url: str,
        readable: Readable | None,
        text_path: str | None,
        ref: RecordRef | None,
    ) -> None:
        self._record("text", {"text": text_row(run_id, url, readable, text_path, ref)})

    def record_verdicts(self, run_id: int, verdicts: Iterable[Verdict]) -> None:
        self._record("verdicts", {"verdicts": [verdict_row(run_id, v) for v in verdicts]})

    def finish_run(self, run_id: int, *, offline: bool, summary: dict[str, Any]) -> None:
        self._record(
            "finish",
            {
                "id": run_id,
                "finished": now_iso(),
                "offline": int(offline),
                "summary": _json(summary),
            },
        )
        self.commit()

    # ------------------------------------------------------------------ questions

    def unfinished_run(self) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM runs WHERE finished IS NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return int(row[0]) if row else None

    def latest_run(self, finished_only: bool = True) -> int | None:
        where = "WHERE finished IS NOT NULL" if finished_only else ""
        row = self.conn.execute(f"SELECT max(id) FROM runs {where}").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def runs(self) -> list[dict[str, Any]]:
        out = []
        for r in self.conn.execute(
            "SELECT r.*, (SELECT count(*) FROM links l WHERE l.run_id = r.id) AS links, "
            "(SELECT count(*) FROM captures c WHERE c.run_id = r.id) AS captures "
            "FROM runs r ORDER BY r.id"
        ):
            d = dict(r)
            d["settings"] = json.loads(d["settings"]) if d["settings"] else {}
            d["summary"] = json.loads(d["summary"]) if d["summary"] else {}
            d["offline"] = None if d["offline"] is None else bool(d["offline"])
            out.append(d)
        return out

    def captured_urls(self, run_id: int) -> set[str]:
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT url FROM captures WHERE run_id = ?", (run_id,)
            )
        }

    def run_links(self, run_id: int) -> list[Link]:
        links = {
            r["url"]: Link(r["url"])
            for r in self.conn.execute(
                "SELECT url FROM links WHERE run_id = ? ORDER BY position", (run_id,)
            )
        }
        for r in self.conn.execute(
            "SELECT * FROM citations WHERE run_id = ? ORDER BY id", (run_id,)
        ):
            link = links.get(r["url"])
            if link is not None:
                link.citations.append(
                    Citation(
                        url=r["url"],
                        written=r["written"],
                        source=r["source"],
                        line=r["line"],
                        column=r["col"],
                        context=r["context"] or "",
                        cited=r["cited"] or "",
                        repairs=tuple(json.loads(r["repairs"] or "[]")),
                    )
                )
        return list(links.values())

    def verdicts(self, run_id: int) -> list[Verdict]:
        cols = ", ".join(_VERDICT_FIELDS)
        return [
            Verdict(**dict(r))
            for r in self.conn.execute(
                f"SELECT {cols} FROM verdicts WHERE run_id = ? ORDER BY id", (run_id,)
            )
        ]

    def iter_verdicts(self, run_id: int, page: int = 1000) -> Iterator[Verdict]:
        """The run's verdicts in the order they were made, ``page`` rows in memory at once."""
        cols = ", ".join(_VERDICT_FIELDS)
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT id, {cols} FROM verdicts WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?",
                (run_id, last, page),
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield Verdict(**{k: r[k] for k in _VERDICT_FIELDS})
            last = rows[-1]["id"]

    def status_counts(self, run_id: int) -> dict[str, int]:
        """How many of the run's verdicts have each status."""
        rows = self.conn.execute(
            "SELECT status, count(*) FROM verdicts WHERE run_id = ? GROUP BY status", (run_id,)
        )
        return {r[0]: int(r[1]) for r in rows}

    def previous_text_path(self, url: str, before_run: int) -> str | None:
        row = self.conn.execute(
            "SELECT text_path FROM texts WHERE url = ? AND run_id < ? AND text_path IS NOT NULL "
            "ORDER BY run_id DESC, id DESC LIMIT 1",
            (url, before_run),
        ).fetchone()
        return row[0] if row else None

    def previous_statuses(self, url: str, before_run: int) -> list[str]:
        """Statuses of earlier runs, most recent first (for "dead after N runs")."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT status FROM verdicts WHERE url = ? AND run_id < ? "
                "ORDER BY run_id DESC, id DESC",
                (url, before_run),
            )
        ]

    def history(self, urls: Iterable[str]) -> dict[str, list[tuple[int, str, str, str]]]:
        """(run id, run start, status, drift) per URL, oldest run first."""
        wanted = list(dict.fromkeys(urls))
        out: dict[str, list[tuple[int, str, str, str]]] = {u: [] for u in wanted}
        for part, marks in _chunks(wanted):
            for r in self.conn.execute(
                "SELECT v.url, v.run_id, r.started, v.status, v.drift FROM verdicts v "
                f"JOIN runs r ON r.id = v.run_id WHERE v.url IN ({marks}) "
                "ORDER BY v.run_id, v.id",
                part,
            ):
                out[r[0]].append((int(r[1]), r[2], r[3], r[4]))
        return out

    # ------------------------------------------------------------------ reports
    # A report of a very large run reads its verdicts a page at a time, in the order it
    # shows them, and asks for the history and citations of one page at a time.

    @staticmethod
    def _report_filter(run_id: int, since: int | None, changed_only: bool) -> tuple[str, list[Any]]:
        """WHERE for the verdicts a report shows.

        With `since`: only links whose status differs from their last verdict in run
        `since` (or that have none there), or whose text changed.
        """
        where, params = "v.run_id = ?", [run_id]
        if since is not None:
            where += (
                " AND (v.drift = 'changed' OR (SELECT b.status FROM verdicts b "
                "WHERE b.run_id = ? AND b.url = v.url ORDER BY b.id DESC LIMIT 1) "
                "IS NOT v.status)"
            )
            params.append(since)
        if changed_only:
            where += " AND v.diff <> ''"
        return where, params

    def report_tally(self, run_id: int, since: int | None = None) -> list[tuple[str, str, int]]:
        """(status, drift, count) of the verdicts a report of `run_id` shows."""
        where, params = self._report_filter(run_id, since, False)
        return [
            (r[0], r[1], int(r[2]))
            for r in self.conn.execute(
                f"SELECT v.status, v.drift, count(*) FROM verdicts v WHERE {where} "
                "GROUP BY v.status, v.drift",
                params,
            )
        ]

    def report_verdicts(
        self,
        run_id: int,
        *,
        since: int | None = None,
        changed_only: bool = False,
        status_order: tuple[str, ...] = (),
        drift_order: tuple[str, ...] = (),
        page: int = 500,
    ) -> Iterator[list[Verdict]]:
        """The verdicts a report of `run_id` shows, `page` at a time, sorted in SQL.

        Order: by the rank of the status in `status_order` (unknown ones after), then of
        the drift in `drift_order`, then URL (code point order, as Python compares
        strings), then the order they were recorded in: what sorting the list in Python
        by (status rank, drift rank, url) gave. SQLite sorts in bounded memory, spilling
        to temporary files.
        """
        where, params = self._report_filter(run_id, since, changed_only)

        def rank(column: str, order: tuple[str, ...], unknown: int) -> str:
            whens = " ".join(f"WHEN ? THEN {i}" for i in range(len(order)))
            return f"CASE {column} {whens} ELSE {unknown} END" if order else "0"

        cols = ", ".join(f"v.{name}" for name in _VERDICT_FIELDS)
        cur = self.conn.execute(
            f"SELECT {cols} FROM verdicts v WHERE {where} ORDER BY "
            f"{rank('v.status', status_order, len(status_order))}, "
            f"{rank('v.drift', drift_order, 9)}, v.url, v.id",
            [*params, *status_order, *drift_order],
        )
        try:
            while rows := cur.fetchmany(page):
                yield [Verdict(**dict(r)) for r in rows]
        finally:
            cur.close()

    def cited_in(self, run_id: int, urls: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        """(source, line) of each citation of these links of `run_id`, in recorded order.

        Only URLs that are links of the run count, as in `run_links`.
        """
        wanted = list(dict.fromkeys(urls))
        out: dict[str, list[tuple[str, int]]] = {}
        for part, marks in _chunks(wanted):
            for r in self.conn.execute(
                "SELECT c.url, c.source, c.line FROM citations c "
                f"WHERE c.run_id = ? AND c.url IN ({marks}) AND EXISTS "
                "(SELECT 1 FROM links l WHERE l.run_id = c.run_id AND l.url = c.url) "
                "ORDER BY c.id",
                [run_id, *part],
            ):
                out.setdefault(r[0], []).append((r[1], r[2]))
        return out

    def captures_of(self, url: str) -> list[dict[str, Any]]:
        """Every capture of ``url``, oldest first, with its hops and its text, if any."""
        caps = []
        for r in self.conn.execute(
            "SELECT c.*, r.started AS run_started, "
            "t.text_path AS text_path, t.note AS text_note, t.title AS title, "
            "t.language AS language, t.length AS text_length "
            "FROM captures c JOIN runs r ON r.id = c.run_id "
            "LEFT JOIN texts t ON t.id = (SELECT max(id) FROM texts "
            "  WHERE texts.run_id = c.run_id AND texts.url = c.url) "
            "WHERE c.url = ? ORDER BY c.run_id, c.id",
            (url,),
        ):
            d = dict(r)
            d["hops"] = [
                dict(h)
                for h in self.conn.execute(
                    "SELECT * FROM hops WHERE capture_id = ? ORDER BY position", (d["id"],)
                )
            ]
            caps.append(d)
        return caps

    def revisit_lookup(self, url: str, digest: str) -> RecordRef | None:
        """The first response record of ``url`` with this payload (for revisit records)."""
        r = self.conn.execute(
            "SELECT warc_file, warc_offset, warc_length, record_id, record_type, "
            "payload_digest, record_date FROM hops WHERE url = ? AND payload_digest = ? "
            "AND record_type = 'response' AND truncated IS NULL ORDER BY id LIMIT 1",
            (url, digest),
        ).fetchone()
        if r is None:
            return None
        return RecordRef(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "")

    def table(self, name: str) -> list[tuple[Any, ...]]:
        """Every row of a table in id order (for comparisons and exports)."""
        if name not in TABLES:
            raise ValueError(name)
        return [tuple(r) for r in self.conn.execute(f"SELECT * FROM {name} ORDER BY id")]
