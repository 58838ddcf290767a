"""Synthetic exchanges with raw HTTP bytes, and a small archive built through the public API.

The writer and the catalog are tested without the fetcher: the bytes here are what a
server could have sent (plain, chunked, gzip, chunked + gzip), framed by hand.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from archiver.catalog import Catalog
from archiver.model import (
    Attempt,
    Capture,
    Citation,
    Exchange,
    Hop,
    Link,
    Readable,
    RecordRef,
    Verdict,
)
from archiver.warc import WarcWriter

PAGE = (
    b"<!DOCTYPE html><html><head><title>A page</title></head><body>"
    + b"<p>Citations rot; archives keep them.</p>" * 40
    + b"</body></html>"
)


def chunk(data: bytes, size: int = 100) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size])
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def http_response(
    body: bytes = PAGE,
    *,
    status: str = "200 OK",
    headers: list[tuple[str, str]] | None = None,
    chunked: bool = False,
    gzipped: bool = False,
) -> tuple[bytes, bytes]:
    """(raw head, raw body) as a server would send them."""
    hdrs = list(headers if headers is not None else [("Content-Type", "text/html; charset=utf-8")])
    raw = body
    if gzipped:
        raw = gzip.compress(raw, mtime=0)
        hdrs.append(("Content-Encoding", "gzip"))
    if chunked:
        raw = chunk(raw)
        hdrs.append(("Transfer-Encoding", "chunked"))
    else:
        hdrs.append(("Content-Length", str(len(raw))))
    head = (
        f"HTTP/1.1 {status}\r\n".encode()
        + b"".join(f"{k}: {v}\r\n".encode() for k, v in hdrs)
        + b"\r\n"
    )
    return head, raw


def spooled(data: bytes) -> tempfile.SpooledTemporaryFile[bytes]:
    fh: tempfile.SpooledTemporaryFile[bytes] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
        max_size=1 << 20
    )
    fh.write(data)
    fh.seek(0)
    return fh


def exchange(
    url: str,
    body: bytes = PAGE,
    *,
    status: str = "200 OK",
    headers: list[tuple[str, str]] | None = None,
    chunked: bool = False,
    gzipped: bool = False,
    truncated: str | None = None,
    date: datetime | None = None,
    ip: str = "127.0.0.1",
) -> Exchange:
    head, raw = http_response(
        body, status=status, headers=headers, chunked=chunked, gzipped=gzipped
    )
    path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
    host = url.split("/")[2]
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: archiver-test\r\n\r\n"
    return Exchange(
        url=url,
        date=date or datetime.now(UTC),
        request=request.encode(),
        response_head=head,
        body=spooled(raw),
        body_size=len(raw),
        ip=ip,
        status=int(status.split()[0]),
        reason=status.split(" ", 1)[1],
        truncated=truncated,
    )


def failed_exchange(url: str, error: str = "dns", *, sent: bool = False) -> Exchange:
    request = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode() if sent else b""
    return Exchange(
        url=url,
        date=datetime.now(UTC),
        request=request,
        response_head=b"",
        body=None,
        error=error,
        error_detail=f"{error} for test",
    )


def not_http_exchange(url: str, data: bytes = b"SSH-2.0-OpenSSH_9.6\r\n") -> Exchange:
    return Exchange(
        url=url,
        date=datetime.now(UTC),
        request=b"GET / HTTP/1.1\r\n\r\n",
        response_head=b"",
        body=spooled(data),
        body_size=len(data),
        ip="127.0.0.2",
        not_http=True,
        error="not-http",
        error_detail="peer answered SSH",
    )


def warcio_check(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    """``warcio check -v`` in its own process, as a user would run it."""
    code = "import sys; from warcio.cli import main; sys.exit(main(['check', '-v', *sys.argv[1:]]))"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, timeout=60
    )


# --------------------------------------------------------------------------- an archive


@dataclass
class Built:
    root: Path
    runs: list[int] = field(default_factory=list)
    refs: dict[tuple[int, str], RecordRef] = field(default_factory=dict)


def _hop(
    ex: Exchange, ref: RecordRef | None, orig: RecordRef | None, location: str | None = None
) -> Hop:
    return Hop(
        url=ex.url,
        status=ex.status,
        reason=ex.reason,
        location=location,
        content_type="text/html; charset=utf-8",
        size=ex.body_size,
        truncated=ex.truncated,
        ip=ex.ip,
        elapsed=0.01,
        record=ref,
        revisit_of=orig,
    )


def build_archive(
    root: Path, *, runs: int = 2, max_size: int = 4000, journal: bool = True
) -> Built:
    """A small archive written the way the pipeline writes one: WARCs + catalog.

    Each run captures a page that never changes (a revisit from the second run on), one
    that changes, a redirect, a chunked + gzip page, a DNS failure (two attempts) and a
    peer that is not HTTP; texts, verdicts and the run's end are recorded too.
    """
    built = Built(root)
    base = "http://site.test"
    urls = [
        f"{base}/same",
        f"{base}/changing",
        f"{base}/old",
        f"{base}/zipped",
        "http://nxdomain.test/",
        "http://ssh.test/",
    ]
    cat = Catalog.open(root / "catalog.sqlite")
    t0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    for n in range(runs):
        links = [
            Link(u, [Citation(u, u, "paper.md", i + 1, 3, f"see {u}")]) for i, u in enumerate(urls)
        ]
        run_id = cat.begin_run({"concurrency": 4, "respect_robots": False}, links)
        built.runs.append(run_id)
        date = t0 + timedelta(days=7 * n)
        with WarcWriter(
            root / "warc",
            run_id=run_id,
            settings={"concurrency": 4},
            max_size=max_size,
            revisit_lookup=cat.revisit_lookup,
        ) as w:
            if journal:
                cat.attach_journal(run_id, w.journal)
            verdicts = []
            for url in urls:
                attempts = [Attempt(1, "200", 0.01)]
                error = None
                if url.endswith("/old"):
                    ex1 = exchange(
                        url,
                        b"",
                        status="301 Moved Permanently",
                        headers=[("Location", f"{base}/new")],
                        date=date,
                    )
                    r1, o1 = w.write_exchange(ex1)
                    ex2 = exchange(f"{base}/new", PAGE + b"moved", date=date)
                    r2, o2 = w.write_exchange(ex2)
                    hops = [_hop(ex1, r1, o1, f"{base}/new"), _hop(ex2, r2, o2)]
                    attempts = [Attempt(1, "301", 0.01), Attempt(1, "200", 0.01)]
                elif url.startswith("http://nxdomain"):
                    w.write_exchange(failed_exchange(url, "dns"))
                    w.write_exchange(failed_exchange(url, "dns"))
                    hops, error = [], "dns"
                    attempts = [Attempt(1, "dns", 0.001, wait=0.5), Attempt(2, "dns", 0.001)]
                elif url.startswith("http://ssh"):
                    ex = not_http_exchange(url)
                    r, o = w.write_exchange(ex)
                    hops, error = [], "not-http"
                    attempts = [Attempt(1, "not-http", 0.01)]
                else:
                    body = PAGE + (b"v%d" % n if url.endswith("changing") else b"")
                    ex = exchange(
                        url,
                        body,
                        date=date,
                        chunked=url.endswith("zipped"),
                        gzipped=url.endswith("zipped"),
                    )
                    r, o = w.write_exchange(ex)
                    hops = [_hop(ex, r, o)]
                cap = Capture(
                    url=url,
                    started=date.isoformat(),
                    hops=hops,
                    attempts=attempts,
                    error=error,
                    error_detail="from test" if error else "",
                    elapsed=0.05,
                )
                cat.record_capture(run_id, cap)
                final = cap.final
                if final is not None and final.record is not None:
                    built.refs[(run_id, url)] = final.record
                    src = final.revisit_of or final.record
                    text = f"text of {url} in run {n}" if url.endswith("changing") else "same"
                    w.write_conversion(text, url=cap.final_url, refers_to=src, date=date)
                    rel = f"text/{abs(hash(url)) % 10**8}-r{run_id}.txt"
                    cat.record_text(
                        run_id,
                        url,
                        Readable(text=text, title="A page", language="en", kind="html"),
                        rel,
                        src,
                    )
                else:
                    cat.record_text(run_id, url, Readable(note="no response"), None, None)
                verdicts.append(
                    Verdict(
                        url=url,
                        status="ok" if final else "dead",
                        reason="test",
                        http_status=cap.status,
                        final_url=cap.final_url,
                        drift="new" if n == 0 else "unchanged",
                        similarity=1.0 if n else None,
                        warc_file=final.record.warc_file if final and final.record else None,
                        warc_offset=final.record.offset if final and final.record else None,
                        title="A page" if final else "",
                    )
                )
            cat.record_verdicts(run_id, verdicts)
            cat.finish_run(run_id, offline=False, summary={"links": len(urls)})
            cat.detach_journal()
    cat.close()
    return built
