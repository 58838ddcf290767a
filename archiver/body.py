"""Undo the transfer and content encodings of a body exactly as it was captured.

The WARC keeps the bytes as they crossed the wire (chunked, gzipped, brotli'd), so
reading a capture means undoing that here, on our terms: a cap on the decompressed
size so a gzip bomb costs nothing, and tolerance for bodies cut short by a size
cap, a timeout or a reset, which are still worth reading as far as they go.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import brotli

DEFAULT_CAP = 50_000_000
_STEP = 64 * 1024


def _header_tokens(headers: list[tuple[str, str]], name: str) -> list[str]:
    """Every comma-separated token of every occurrence of a header, lower-cased."""
    lname = name.lower()
    tokens: list[str] = []
    for key, value in headers:
        if key.lower() == lname:
            tokens.extend(t.strip().lower() for t in value.split(",") if t.strip())
    return tokens


def dechunk(raw: bytes) -> bytes:
    """Undo chunked transfer coding, keeping whatever arrived before a cut or an error.

    A body labelled chunked whose first line is not a chunk size was evidently not
    chunked (some servers and recorders get this wrong) and is returned as is.
    """
    out: list[bytes] = []
    pos = 0
    size_len = len(raw)
    first = True
    while pos < size_len:
        eol = raw.find(b"\n", pos)
        if eol < 0:
            break
        line = raw[pos:eol].split(b";", 1)[0].strip()
        try:
            chunk = int(line, 16)
        except ValueError:
            if first:
                return raw
            break
        if chunk < 0:
            break
        first = False
        if chunk == 0:
            break
        start = eol + 1
        out.append(raw[start : start + chunk])
        pos = start + chunk
        # Skip the CRLF (or bare LF) that ends the chunk data.
        if raw.startswith(b"\r\n", pos):
            pos += 2
        elif raw.startswith(b"\n", pos):
            pos += 1
    return b"".join(out)


def _zlib_stream(data: bytes, wbits: int, cap: int) -> tuple[bytes, bool, bool]:
    """Inflate with zlib, following concatenated gzip members, up to ``cap`` bytes.

    Returns (output, truncated, ok): ok is False when not a single byte could be
    decoded, so the caller can try another framing.
    """
    out: list[bytes] = []
    total = 0
    pending = data
    produced_any = False
    while pending:
        dec = zlib.decompressobj(wbits)
        try:
            chunk = dec.decompress(pending, min(_STEP, cap - total + 1))
            while True:
                if chunk:
                    produced_any = True
                    out.append(chunk)
                    total += len(chunk)
                    if total > cap:
                        return b"".join(out)[:cap], True, True
                if dec.eof or not dec.unconsumed_tail:
                    break
                chunk = dec.decompress(dec.unconsumed_tail, min(_STEP, cap - total + 1))
            tail = b"" if dec.eof else dec.flush()
            if tail:
                produced_any = True
                out.append(tail)
                total += len(tail)
                if total > cap:
                    return b"".join(out)[:cap], True, True
        except zlib.error:
            # A body cut short or corrupted mid-stream: keep what came out.
            return b"".join(out), False, produced_any or dec.eof
        if not dec.eof:
            break
        # Only gzip has multi-member streams; trailing garbage after zlib is ignored.
        pending = dec.unused_data.lstrip(b"\x00") if wbits >= 16 else b""
        if pending and not pending.startswith(b"\x1f\x8b"):
            break
    return b"".join(out), False, produced_any or not data


def gunzip(data: bytes, cap: int) -> tuple[bytes, bool, bool]:
    """Gzip, or zlib when a server labels a zlib stream gzip (auto-detected header)."""
    return _zlib_stream(data, 16 + zlib.MAX_WBITS if data[:2] == b"\x1f\x8b" else 32 + 15, cap)


def inflate(data: bytes, cap: int) -> tuple[bytes, bool, bool]:
    """HTTP "deflate", which servers send both as zlib (correct) and as raw deflate."""
    if data[:1] and (data[0] & 0x0F) == 8 and int.from_bytes(data[:2], "big") % 31 == 0:
        out, truncated, ok = _zlib_stream(data, zlib.MAX_WBITS, cap)
        if ok:
            return out, truncated, ok
    return _zlib_stream(data, -zlib.MAX_WBITS, cap)


def unbrotli(data: bytes, cap: int) -> tuple[bytes, bool, bool]:
    """Brotli, with the output buffer bounded so a bomb never fills memory."""
    dec = brotli.Decompressor()
    out: list[bytes] = []
    total = 0
    try:
        chunk = dec.process(data, output_buffer_limit=_STEP)
        while True:
            if chunk:
                out.append(chunk)
                total += len(chunk)
                if total > cap:
                    return b"".join(out)[:cap], True, True
            # Output still pending comes out on calls with no new input; an empty
            # answer means the input is spent (possibly cut short).
            if dec.is_finished() or not chunk:
                break
            chunk = dec.process(b"", output_buffer_limit=_STEP)
    except brotli.error:
        return b"".join(out), False, bool(out)
    return b"".join(out), False, bool(out) or dec.is_finished()


_DECODERS: dict[str, Callable[[bytes, int], tuple[bytes, bool, bool]]] = {
    "gzip": gunzip,
    "x-gzip": gunzip,
    "deflate": inflate,
    "br": unbrotli,
}
_IDENTITY = {"identity", "none", "utf-8", "utf8", "binary", "8bit", "7bit"}


def decode_body(
    raw: bytes, headers: list[tuple[str, str]], cap: int = DEFAULT_CAP
) -> tuple[bytes, bool]:
    """The payload of a raw captured body, and whether ``cap`` cut it short.

    Encodings are undone last-applied first. A layer that will not decode at all (a
    server that says gzip and sends plain HTML, an unknown coding) is left as is and
    decoding stops there, so garbage never raises and a mislabelled page still reads.
    """
    body = raw
    if "chunked" in _header_tokens(headers, "transfer-encoding"):
        body = dechunk(body)
    truncated = False
    for coding in reversed(_header_tokens(headers, "content-encoding")):
        decoder = _DECODERS.get(coding)
        if decoder is None:
            if coding in _IDENTITY:
                continue
            break
        out, cut, ok = decoder(body, cap)
        if not ok:
            break
        body, truncated = out, truncated or cut
    if len(body) > cap:
        body, truncated = body[:cap], True
    return body, truncated
