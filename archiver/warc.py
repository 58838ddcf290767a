"""WARC files: the archive's single source of truth.

Records are written here directly (a WARC header block is a few lines of text) rather than
through warcio's writer, for two reasons measured on the hot path: warcio always gzips at
level 9 (about 26 MB/s, which alone caps a snapshot near 370 pages/s), and building its
record objects costs more than the writing itself. warcio stays the yardstick: every file
written here is checked with ``warcio check`` and read back with its ArchiveIterator.

Each record is one gzip member, so a reader can seek to any record's offset, and a file cut
short by a crash can be truncated back to its last complete member (``recover``). Every
public call flushes what it wrote to the operating system before returning, so a killed
process loses at most the record it was writing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import os
import queue
import socket
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import surt

from archiver import __version__
from archiver.model import Exchange, RecordRef

# zlib level 1 wrote 1,400 records/s of 63 KB HTML on one core, level 6 only 170, for
# files a quarter smaller (bench/warc_writer.py): the disk is cheaper than the core.
GZIP_LEVEL = 1
try:
    # Intel's ISA-L deflate (levels 0-3) compressed corpus pages at 480 MB/s against
    # zlib's 112 at level 1, into slightly smaller members; plain gzip either way.
    from isal import isal_zlib
except ImportError:  # no wheel for this platform: zlib writes the same format
    isal_zlib = None
ISAL_MAX_LEVEL = 3


def _compressor(level: int) -> Any:
    """A gzip-member compressor: ISA-L where it has the level, zlib otherwise."""
    if isal_zlib is not None and level <= ISAL_MAX_LEVEL:
        return isal_zlib.compressobj(level, isal_zlib.DEFLATED, 31)
    return zlib.compressobj(level, zlib.DEFLATED, 31)


SEEN_MAX = 4096  # payloads a writer remembers for revisits without asking the catalog
SUFFIX = ".warc.gz"
OPEN_SUFFIX = ".open"
REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
JOURNAL_URI = "urn:archiver:run:{run_id}"
# Records a replay tool looks a URL up in; metadata and conversion records stay out of the
# CDXJ so a lookup never lands on JSON or extracted text instead of the page.
REPLAY_TYPES = ("response", "revisit", "resource")

_CHUNK = 1 << 20
_IN_MEMORY = 8 << 20  # bodies up to this size are read once; larger ones are streamed twice

RevisitLookup = Callable[[str, str], RecordRef | None]


def warc_date(dt: datetime | None = None) -> str:
    """WARC/1.1 date with microseconds, so records of one second keep their order."""
    dt = dt or datetime.now(UTC)
    dt = dt.astimezone(UTC) if dt.tzinfo else dt
    return (
        f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:"
        f"{dt.second:02d}.{dt.microsecond:06d}Z"
    )


# Two base32 digits for each 10-bit value: a SHA-1 is 160 bits, 16 lookups, no padding.
# base64.b32encode is written in Python and was a visible share of the writer thread.
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_B32_PAIRS = [a + b for a in _B32 for b in _B32]


def sha1_digest(h: Any) -> str:
    """``sha1:`` and the base32 digest, as WARC digests and CDXJ write it."""
    n = int.from_bytes(h.digest(), "big")
    pairs = _B32_PAIRS
    return "sha1:" + "".join([pairs[(n >> shift) & 1023] for shift in range(150, -1, -10)])


def new_record_id() -> str:
    """A random (version 4) UUID URN, formatted directly: five per page on the writer
    thread, and ``uuid.UUID`` builds an object only to print it."""
    b = bytearray(os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40  # version 4
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = b.hex()
    return f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}>"


def _value(text: str) -> str:
    """A header value can never break the header block, whatever a server sent."""
    return text.replace("\r", "%0D").replace("\n", "%0A")


def _uri(text: str) -> str:
    return _value(text).replace(" ", "%20")


def _header_block(fields: list[tuple[str, str]]) -> bytes:
    lines = ["WARC/1.1\r\n"]
    lines.extend(f"{name}: {value}\r\n" for name, value in fields)
    lines.append("\r\n")
    return "".join(lines).encode("utf-8")


def _cdx_timestamp(date: str) -> str:
    return date[0:4] + date[5:7] + date[8:10] + date[11:13] + date[14:16] + date[17:19]


def _urlkey(url: str) -> str:
    try:
        return surt.surt(url)
    except Exception:  # the same fallback cdxj-indexer uses for what surt cannot parse
        return url


def _http_status_and_type(head: bytes) -> tuple[str, str]:
    """Status code and media type from a raw HTTP head, as CDXJ indexes them."""
    lines = head.split(b"\r\n") if b"\r\n" in head else head.split(b"\n")
    parts = lines[0].split(None, 2) if lines else []
    status = parts[1].decode("latin-1") if len(parts) > 1 else ""
    mime = ""
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        if sep and name.strip().lower() == b"content-type":
            mime = value.decode("latin-1").strip()
    return status, mime.split(";")[0].strip()


def cdxj_name(warc_name: str) -> str:
    """``x.warc.gz`` → ``x.cdxj``: the index sits beside the file it describes."""
    base = warc_name[: -len(SUFFIX)] if warc_name.endswith(SUFFIX) else warc_name
    return base + ".cdxj"


class WarcWriter:
    """Appends records for one run to rotating ``<prefix>-<timestamp>-<serial>.warc.gz``.

    Not safe to share across processes (the archive lock sees to that); calls from several
    threads are serialised.
    """

    def __init__(
        self,
        directory: Path,
        *,
        prefix: str = "archiver",
        run_id: int,
        settings: dict[str, Any],
        gzip_level: int = GZIP_LEVEL,
        max_size: int = 1_000_000_000,
        revisit_lookup: RevisitLookup | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.run_id = run_id
        self.settings = settings
        self.gzip_level = gzip_level
        self.max_size = max_size
        self.revisit_lookup = revisit_lookup
        self.closed_files: list[Path] = []
        self.records = 0
        # Payloads written by this writer, for revisits within a run; the newest SEEN_MAX
        # only (a run of 100,000 links held every one), older ones come from the lookup.
        self._seen: OrderedDict[tuple[str, str], RecordRef] = OrderedDict()
        self._lock = threading.RLock()
        self._file: BinaryIO | None = None
        self._name = ""
        self._pos = 0  # end of the last complete record: the file is valid up to here
        self._serial = 0
        self._warcinfo_id = ""
        self._cdx: list[str] = []
        self._open_file()

    # ------------------------------------------------------------------ context

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ files

    @property
    def current_file(self) -> Path | None:
        """The ``.open`` file being written, if any."""
        return self.directory / (self._name + OPEN_SUFFIX) if self._file else None

    def path_of(self, ref: RecordRef) -> Path:
        """Where the record is right now: its ``.open`` file until that is closed."""
        if self._file is not None and ref.warc_file == self._name:
            return self.directory / (self._name + OPEN_SUFFIX)
        return self.directory / ref.warc_file

    def _open_file(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        # Files are ordered by (time, serial): a writer opening a file in the same second
        # as an earlier writer's file (the run before this one rotated in that second)
        # must take a serial after it, or reindex would replay the runs out of order.
        taken = [_serial_of(p.name) for p in self.directory.glob(f"*-{stamp}-*{SUFFIX}*")]
        self._serial = max(self._serial, max(taken, default=-1) + 1)
        while True:
            name = f"{self.prefix}-{stamp}-{self._serial:05d}{SUFFIX}"
            self._serial += 1
            final = self.directory / name
            if final.exists():
                continue
            try:
                fh = open(self.directory / (name + OPEN_SUFFIX), "xb", buffering=_CHUNK)  # noqa: SIM115
            except FileExistsError:
                continue
            break
        self._file, self._name, self._pos, self._cdx = fh, name, 0, []
        self._warcinfo_id = new_record_id()
        self._write_warcinfo()
        self.flush()

    def _write_warcinfo(self) -> None:
        fields = {
            "software": f"archiver/{__version__}",
            "format": "WARC File Format 1.1",
            "conformsTo": CONFORMS_TO,
            "hostname": socket.gethostname(),
            "archiver-run-id": str(self.run_id),
            "robots": "obey" if self.settings.get("respect_robots") else "ignore",
            "archiver-settings": json.dumps(self.settings, sort_keys=True, default=str),
        }
        block = "".join(f"{k}: {_value(v)}\r\n" for k, v in fields.items()).encode("utf-8")
        self._emit(
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Record-ID", self._warcinfo_id),
                ("WARC-Date", warc_date()),
                ("WARC-Filename", self._name),
                ("WARC-Block-Digest", sha1_digest(hashlib.sha1(block))),
                ("Content-Type", "application/warc-fields"),
                ("Content-Length", str(len(block))),
            ],
            [block],
        )

    def _rotate_if_full(self) -> None:
        if self._file is None:
            raise ValueError("write to a closed WarcWriter")
        if self._pos >= self.max_size:
            self._close_file()
            self._open_file()

    def _close_file(self) -> None:
        fh = self._file
        if fh is None:
            return
        fh.flush()
        # A record cut short (an exception mid-write) must not survive the rename.
        if fh.tell() > self._pos:
            fh.truncate(self._pos)
        fh.close()
        self._file = None
        open_path = self.directory / (self._name + OPEN_SUFFIX)
        final = self.directory / self._name
        os.replace(open_path, final)
        lines = sorted(self._cdx)
        (self.directory / cdxj_name(self._name)).write_text("".join(lines), encoding="utf-8")
        self.closed_files.append(final)

    def flush(self) -> None:
        """Hand every complete record to the OS: a killed process then loses none of them."""
        with self._lock:
            if self._file is not None:
                self._file.flush()

    def close(self) -> None:
        """Rename the ``.open`` file to its final name and write its CDXJ beside it."""
        with self._lock:
            self._close_file()

    # ------------------------------------------------------------------ records

    def _emit(
        self,
        fields: list[tuple[str, str]],
        parts: Iterable[bytes],
        body: BinaryIO | None = None,
    ) -> tuple[int, int]:
        """One record as one gzip member; returns (offset, compressed length)."""
        assert self._file is not None
        c = _compressor(self.gzip_level)
        offset = self._pos
        write = self._file.write
        written = write(c.compress(_header_block(fields)))
        for part in parts:
            written += write(c.compress(part))
        if body is not None:
            body.seek(0)
            while chunk := body.read(_CHUNK):
                written += write(c.compress(chunk))
        written += write(c.compress(b"\r\n\r\n") + c.flush())
        self._pos = offset + written
        self.records += 1
        return offset, written

    def _ref(
        self, offset: int, length: int, record_id: str, rtype: str, digest: str | None, date: str
    ) -> RecordRef:
        return RecordRef(self._name, offset, length, record_id, rtype, digest, date)

    def _index(self, url: str, date: str, fields: dict[str, str], offset: int, length: int) -> None:
        entry = {
            "url": url,
            **fields,
            "length": str(length),
            "offset": str(offset),
            "filename": self._name,
        }
        self._cdx.append(f"{_urlkey(url)} {_cdx_timestamp(date)} {json.dumps(entry)}\n")

    def write_exchange(self, ex: Exchange) -> tuple[RecordRef | None, RecordRef | None]:
        """Write one HTTP attempt; returns (its main record, the original if a revisit).

        A response gives request + response (or revisit); bytes that are not HTTP give
        request + resource + metadata; a failure with no answer gives request + metadata,
        so that every attempt, failed or not, can be rebuilt from the WARC alone.
        """
        with self._lock:
            self._rotate_if_full()
            date = warc_date(ex.date)
            main_id = new_record_id()
            req_id = new_record_id() if ex.request else ""
            has_answer = bool(ex.response_head) or ex.not_http
            if ex.request:
                self._write_request(ex, date, req_id, main_id if has_answer else None)
            main: RecordRef | None = None
            original: RecordRef | None = None
            if ex.not_http:
                main = self._write_resource(ex, date, main_id, req_id)
            elif ex.response_head:
                main, original = self._write_response(ex, date, main_id, req_id)
            if ex.error or main is None:
                meta = self._write_failure(ex, date, main, req_id)
                main = main or meta
            self.flush()
            return main, original

    def _write_request(self, ex: Exchange, date: str, rid: str, response_id: str | None) -> None:
        block = ex.request
        fields = [
            ("WARC-Type", "request"),
            ("WARC-Record-ID", rid),
            ("WARC-Date", date),
            ("WARC-Target-URI", _uri(ex.url)),
        ]
        if response_id:
            fields.append(("WARC-Concurrent-To", response_id))
        fields += [
            ("WARC-Warcinfo-ID", self._warcinfo_id),
            ("WARC-Block-Digest", sha1_digest(hashlib.sha1(block))),
            ("Content-Type", "application/http; msgtype=request"),
            ("Content-Length", str(len(block))),
        ]
        self._emit(fields, [block])

    def _body(self, ex: Exchange) -> tuple[bytes | None, BinaryIO | None, int, Any]:
        """(bytes, or the file to stream, length, sha1 of the body)."""
        fh = ex.body
        if fh is None:
            return b"", None, 0, hashlib.sha1(b"")
        fh.seek(0)
        if ex.body_size <= _IN_MEMORY:
            data = fh.read(_IN_MEMORY + 1)
            if len(data) <= _IN_MEMORY:
                return data, None, len(data), hashlib.sha1(data)
            h = hashlib.sha1(data)
            size = len(data)
        else:
            h, size = hashlib.sha1(), 0
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
        return None, fh, size, h

    def _write_response(
        self, ex: Exchange, date: str, rid: str, req_id: str
    ) -> tuple[RecordRef, RecordRef | None]:
        head = ex.response_head
        data, stream, size, payload_h = self._body(ex)
        payload_digest = sha1_digest(payload_h)
        status, mime = _http_status_and_type(head)
        if size and ex.truncated is None:
            original = self._original(ex.url, payload_digest)
            if original is not None:
                revisit = self._write_revisit(ex, date, rid, req_id, payload_digest, original)
                return revisit, original
        block_h = hashlib.sha1(head)
        if data is not None:
            block_h.update(data)
        else:
            assert stream is not None
            stream.seek(0)
            while chunk := stream.read(_CHUNK):
                block_h.update(chunk)
        fields = [
            ("WARC-Type", "response"),
            ("WARC-Record-ID", rid),
            ("WARC-Date", date),
            ("WARC-Target-URI", _uri(ex.url)),
        ]
        if ex.ip:
            fields.append(("WARC-IP-Address", ex.ip))
        if req_id:
            fields.append(("WARC-Concurrent-To", req_id))
        fields += [
            ("WARC-Warcinfo-ID", self._warcinfo_id),
            ("WARC-Block-Digest", sha1_digest(block_h)),
            ("WARC-Payload-Digest", payload_digest),
        ]
        if ex.truncated:
            fields.append(("WARC-Truncated", ex.truncated))
        fields += [
            ("Content-Type", "application/http; msgtype=response"),
            ("Content-Length", str(len(head) + size)),
        ]
        parts = [head, data] if data is not None else [head]
        offset, length = self._emit(fields, parts, stream)
        ref = self._ref(offset, length, rid, "response", payload_digest, date)
        self._index(
            ex.url,
            date,
            {**({"mime": mime} if mime else {}), "status": status, "digest": payload_digest},
            offset,
            length,
        )
        if size and ex.truncated is None:
            self._remember((ex.url, payload_digest), ref)
        return ref, None

    def _remember(self, key: tuple[str, str], ref: RecordRef) -> None:
        self._seen[key] = ref
        self._seen.move_to_end(key)
        if len(self._seen) > SEEN_MAX:
            self._seen.popitem(last=False)

    def _original(self, url: str, digest: str) -> RecordRef | None:
        ref = self._seen.get((url, digest))
        if ref is None and self.revisit_lookup is not None:
            ref = self.revisit_lookup(url, digest)
            if ref is not None:
                self._remember((url, digest), ref)
        return ref

    def _write_revisit(
        self, ex: Exchange, date: str, rid: str, req_id: str, digest: str, original: RecordRef
    ) -> RecordRef:
        head = ex.response_head
        fields = [
            ("WARC-Type", "revisit"),
            ("WARC-Record-ID", rid),
            ("WARC-Date", date),
            ("WARC-Target-URI", _uri(ex.url)),
        ]
        if ex.ip:
            fields.append(("WARC-IP-Address", ex.ip))
        if req_id:
            fields.append(("WARC-Concurrent-To", req_id))
        fields += [
            ("WARC-Warcinfo-ID", self._warcinfo_id),
            ("WARC-Profile", REVISIT_PROFILE),
            ("WARC-Refers-To", original.record_id),
            ("WARC-Refers-To-Target-URI", _uri(ex.url)),
        ]
        if original.date:
            fields.append(("WARC-Refers-To-Date", original.date))
        fields += [
            ("WARC-Block-Digest", sha1_digest(hashlib.sha1(head))),
            ("WARC-Payload-Digest", digest),
            ("Content-Type", "application/http; msgtype=response"),
            ("Content-Length", str(len(head))),
        ]
        offset, length = self._emit(fields, [head])
        status, _ = _http_status_and_type(head)
        self._index(
            ex.url,
            date,
            {"mime": "warc/revisit", "status": status, "digest": digest},
            offset,
            length,
        )
        return self._ref(offset, length, rid, "revisit", digest, date)

    def _write_resource(self, ex: Exchange, date: str, rid: str, req_id: str) -> RecordRef:
        """Bytes that are not HTTP are kept as they came, never dressed up as a response."""
        data, stream, size, h = self._body(ex)
        digest = sha1_digest(h)
        fields = [
            ("WARC-Type", "resource"),
            ("WARC-Record-ID", rid),
            ("WARC-Date", date),
            ("WARC-Target-URI", _uri(ex.url)),
        ]
        if ex.ip:
            fields.append(("WARC-IP-Address", ex.ip))
        if req_id:
            fields.append(("WARC-Concurrent-To", req_id))
        fields += [
            ("WARC-Warcinfo-ID", self._warcinfo_id),
            ("WARC-Block-Digest", digest),
            ("WARC-Payload-Digest", digest),
        ]
        if ex.truncated:
            fields.append(("WARC-Truncated", ex.truncated))
        fields += [
            ("Content-Type", "application/octet-stream"),
            ("Content-Length", str(size)),
        ]
        offset, length = self._emit(fields, [data] if data is not None else [], stream)
        self._index(
            ex.url, date, {"mime": "application/octet-stream", "digest": digest}, offset, length
        )
        return self._ref(offset, length, rid, "resource", digest, date)

    def _write_failure(
        self, ex: Exchange, date: str, main: RecordRef | None, req_id: str
    ) -> RecordRef:
        payload = {
            "archiver": "failure",
            "url": ex.url,
            "date": date,
            "error": ex.error or ("not-http" if ex.not_http else "no-response"),
            "detail": ex.error_detail,
            "truncated": ex.truncated,
            "status": ex.status,
            "ip": ex.ip,
            "elapsed": ex.elapsed,
        }
        related: list[tuple[str, str]] = []
        if main is not None:
            related.append(("WARC-Refers-To", main.record_id))
        elif req_id:
            related.append(("WARC-Concurrent-To", req_id))
        return self._write_json(payload, url=ex.url, date=date, related=related)

    def _write_json(
        self, payload: Any, *, url: str, date: str, related: list[tuple[str, str]]
    ) -> RecordRef:
        # Keys in the order the code builds them (sorting them cost the writer thread time
        # and told a reader nothing): these records are read back by parsing, never by bytes.
        block = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        return self._write_block(
            "metadata", block, "application/json", url=url, date=date, related=related
        )

    def _write_block(
        self,
        rec_type: str,
        block: bytes,
        content_type: str,
        *,
        url: str,
        date: str,
        related: list[tuple[str, str]],
    ) -> RecordRef:
        """A record whose block is its payload (metadata, conversion): one digest for both."""
        digest = sha1_digest(hashlib.sha1(block))
        rid = new_record_id()
        fields = [
            ("WARC-Type", rec_type),
            ("WARC-Record-ID", rid),
            ("WARC-Date", date),
            ("WARC-Target-URI", _uri(url)),
            *related,
            ("WARC-Warcinfo-ID", self._warcinfo_id),
            ("WARC-Block-Digest", digest),
            ("WARC-Payload-Digest", digest),
            ("Content-Type", content_type),
            ("Content-Length", str(len(block))),
        ]
        offset, length = self._emit(fields, [block])
        return self._ref(offset, length, rid, rec_type, digest, date)

    def write_conversion(
        self, text: str, *, url: str, refers_to: RecordRef, date: datetime | None = None
    ) -> RecordRef:
        """The readable text of a page, tied to the record it was read from."""
        with self._lock:
            self._rotate_if_full()
            ref = self._write_block(
                "conversion",
                text.encode("utf-8"),
                "text/plain; charset=utf-8",
                url=url,
                date=warc_date(date),
                related=[("WARC-Refers-To", refers_to.record_id)],
            )
            self.flush()
            return ref

    def write_metadata(
        self,
        payload: Any,
        *,
        url: str,
        refers_to: RecordRef | None = None,
        date: datetime | None = None,
    ) -> RecordRef:
        """A JSON ``metadata`` record about ``url`` (or about the run, for a ``urn:``)."""
        with self._lock:
            self._rotate_if_full()
            related = [("WARC-Refers-To", refers_to.record_id)] if refers_to else []
            ref = self._write_json(payload, url=url, date=warc_date(date), related=related)
            self.flush()
            return ref

    def journal(self, kind: str, data: dict[str, Any]) -> RecordRef:
        """Keep one catalog change in the WARC, so ``reindex`` can replay it exactly.

        The catalog calls this (see ``Catalog.attach_journal``) for every row it writes;
        the catalog is then a pure function of the WARC files, as DESIGN.md requires.
        """
        return self.journal_batch([{"kind": kind, "data": data}])

    def journal_batch(self, changes: list[dict[str, Any]]) -> RecordRef:
        """Several catalog changes, in order, as one record.

        One record per transaction rather than per row: a record costs a compressor, a
        digest, a record id and an index line whatever its size, and per row those came
        to a fifth of the writer thread's time.
        """
        payload = {"archiver": "catalog", "run_id": self.run_id, "changes": changes}
        return self.write_metadata(payload, url=JOURNAL_URI.format(run_id=self.run_id))


Done = Callable[[Any, BaseException | None], None]


def _settle(future: asyncio.Future[Any], result: Any, exc: BaseException | None) -> None:
    if future.cancelled():
        return
    if exc is None:
        future.set_result(result)
    else:
        future.set_exception(exc)


class WriterThread:
    """Runs a WarcWriter's calls on one thread of its own, in the order they were made.

    Compressing and hashing a page costs about as much as fetching it, and zlib, hashlib
    and file writes release the GIL: on their own thread they use a second core while the
    event loop goes on fetching. One thread keeps the records in call order, so offsets
    stay those of a plain WarcWriter.

    ``call`` hands the result (or the error) to ``done`` on the writer thread, which lets
    an event loop be woken once per record with no future chained to another; ``later``
    is for calls whose result nobody waits for (journal, conversion records): their first
    error is raised by the next ``later`` or by ``drain``, which waits for every call made
    so far and must run before anything that relies on them is committed.
    """

    def __init__(self, writer: WarcWriter) -> None:
        self.writer = writer
        self._jobs: queue.SimpleQueue[tuple[Callable[..., Any], tuple, dict, Done | None] | None]
        self._jobs = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._changes: list[dict[str, Any]] = []  # catalog changes not yet handed on
        self._thread = threading.Thread(target=self._serve, name="warc-writer", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            fn, args, kwargs, done = job
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # handed on: the caller decides what it ends
                if done is None:
                    self._error = self._error or exc
                else:
                    done(None, exc)
                continue
            if done is not None:
                done(result, None)

    def call(self, fn: Callable[..., Any], *args: Any, done: Done, **kwargs: Any) -> None:
        if not self._thread.is_alive():
            raise RuntimeError("the WARC writer thread is stopped")
        self._jobs.put((fn, args, kwargs, done))

    def on_loop(self, fn: Callable[..., Any]) -> Callable[..., asyncio.Future[Any]]:
        """``fn`` run on this thread, awaitable from the running event loop.

        The writer thread settles the future through ``call_soon_threadsafe``: the loop is
        woken once per record, and never waits while the record is compressed and written.
        """
        loop = asyncio.get_running_loop()

        def call(*args: Any, **kwargs: Any) -> asyncio.Future[Any]:
            future = loop.create_future()

            def done(result: Any, exc: BaseException | None) -> None:
                loop.call_soon_threadsafe(_settle, future, result, exc)

            self.call(fn, *args, done=done, **kwargs)
            return future

        return call

    def submit(
        self, fn: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> concurrent.futures.Future[Any]:
        """The call's result as a future (for callers that are not an event loop)."""
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()

        def done(result: Any, exc: BaseException | None) -> None:
            if exc is None:
                future.set_result(result)
            else:
                future.set_exception(exc)

        self.call(fn, *args, done=done, **kwargs)
        return future

    def later(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._raise()
        if not self._thread.is_alive():
            raise RuntimeError("the WARC writer thread is stopped")
        self._jobs.put((fn, args, kwargs, None))

    def journal(self, kind: str, data: dict[str, Any]) -> None:
        """Collect one catalog change; ``drain`` writes those collected as one record.

        The catalog drains before every COMMIT (see ``Catalog.attach_journal``), so each
        transaction reaches the WARC as one record before it reaches the catalog.
        """
        self._changes.append({"kind": kind, "data": data})

    def drain(self) -> None:
        """Wait for every call made so far; raise the first error among those not awaited."""
        if self._changes:
            changes, self._changes = self._changes, []
            self.later(self.writer.journal_batch, changes)
        if self._thread.is_alive():
            reached = threading.Event()
            self._jobs.put((reached.set, (), {}, None))
            reached.wait()
        self._raise()

    def _raise(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise error

    def close(self) -> None:
        """Finish every call, then stop the thread (the WarcWriter stays open)."""
        try:
            self.drain()
        finally:
            self._jobs.put(None)
            self._thread.join()


# --------------------------------------------------------------------------- recovery


def complete_length(path: Path) -> int:
    """Bytes of ``path`` that hold whole gzip members, each one a WARC record.

    Decompression output is bounded per call, so a member of highly compressible bytes
    cannot blow up memory while it is being checked.
    """
    end = pos = 0  # end of the last whole member; file offset of ``data``
    d = zlib.decompressobj(31)
    started = False
    with open(path, "rb") as fh:
        data = fh.read(_CHUNK)
        while True:
            try:
                out = d.decompress(data, _CHUNK)
            except zlib.error:
                return end
            if not started and out:
                if not out.startswith(b"WARC/"):
                    return end
                started = True
            if d.eof:
                rest = d.unused_data
                pos += len(data) - len(rest)
                end = pos
                d, started = zlib.decompressobj(31), False
                data = rest or fh.read(_CHUNK)
                if not data:
                    return end
                continue
            rest = d.unconsumed_tail
            pos += len(data) - len(rest)
            data = rest
            if data or len(out) == _CHUNK:  # input left, or output still pending
                continue
            data = fh.read(_CHUNK)
            if not data:
                return end  # the file ends inside a member: a record cut short


def index_file(path: Path) -> Path:
    """Write the CDXJ of a closed WARC with cdxj-indexer (used where no writer kept one)."""
    from cdxj_indexer.main import CDXJIndexer

    out = path.with_name(cdxj_name(path.name))
    with open(out, "w", encoding="utf-8") as fh:
        CDXJIndexer(
            output=fh, inputs=[str(path)], sort=True, records=",".join(REPLAY_TYPES)
        ).process_all()
    return out


def recover(directory: Path) -> list[Path]:
    """Close every ``.open`` WARC left by a killed run, cut back to its last whole record.

    Returns the files it closed; a file with not even one whole record is removed.
    """
    fixed: list[Path] = []
    for path in sorted(Path(directory).glob(f"*{SUFFIX}{OPEN_SUFFIX}")):
        end = complete_length(path)
        if end == 0:
            path.unlink()
            continue
        with open(path, "r+b") as fh:
            fh.truncate(end)
        final = path.with_name(path.name[: -len(OPEN_SUFFIX)])
        os.replace(path, final)
        index_file(final)
        fixed.append(final)
    return fixed


def _serial_of(name: str) -> int:
    serial = name.removesuffix(OPEN_SUFFIX).removesuffix(SUFFIX).rsplit("-", 1)[-1]
    return int(serial) if serial.isdigit() else -1


def warc_files(directory: Path, *, include_open: bool = False) -> list[Path]:
    """The archive's WARC files in the order they were written (name = time + serial)."""
    paths = list(Path(directory).glob(f"*{SUFFIX}"))
    if include_open:
        paths += list(Path(directory).glob(f"*{SUFFIX}{OPEN_SUFFIX}"))

    def key(p: Path) -> tuple[str, str]:
        name = p.name.removesuffix(OPEN_SUFFIX).removesuffix(SUFFIX)
        parts = name.rsplit("-", 2)
        return (parts[-2], parts[-1]) if len(parts) == 3 else (name, "")

    return sorted(paths, key=key)
