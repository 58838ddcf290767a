"""Faults: each ends as a recorded outcome, never as an exception, never as a hang."""

from __future__ import annotations

import gzip
import socket
import threading
import tracemalloc

from archiver.capture import capture_urls
from archiver.model import Exchange, RecordRef
from tests.test_capture import Recorder, capture_one, fast
from tests.web import Web


def test_connection_refused(web: Web) -> None:
    rec = Recorder()
    capture = capture_one(web.refused_url("/x"), fast(retries=1), rec)
    assert capture.error == "refused"
    assert capture.status is None
    assert [a.outcome for a in capture.attempts] == ["refused", "refused"]  # retried once
    assert all(e.request == b"" and e.response_head == b"" for e in rec.exchanges)
    assert capture.hops[0].record is not None  # the failure itself is written


def test_dns_failure_through_resolver_map(web: Web) -> None:
    a = web.host("a.test")
    rec = Recorder()
    options = fast(resolve=web.resolve_map(), resolve_only=True, retries=3)
    capture = capture_one(f"http://no-such-host.test:{a.port}/", options, rec)
    assert capture.error == "dns"
    assert "not known" in capture.error_detail
    assert len(capture.attempts) == 1  # NXDOMAIN is an answer: no retry
    assert a.log == []


def test_reset_mid_body_keeps_what_arrived(web: Web) -> None:
    a = web.host("a.test")
    body = b"0123456789" * 1000
    a.route("/", body=body, reset_after=3000)
    rec = Recorder()
    capture = capture_one(a.url("/"), fast(), rec)
    assert capture.error is None
    assert capture.status == 200
    assert capture.final is not None and capture.final.truncated == "disconnect"
    exchange, kept = rec.exchanges[-1], rec.bodies[-1]
    assert exchange.truncated == "disconnect"
    assert kept == body[:3000]
    assert exchange.response_head + kept == a.sent("/")


def test_server_that_never_sends_headers(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", hang=True)
    rec = Recorder()
    capture = capture_one(a.url("/"), fast(read_timeout=0.3, retries=0), rec)
    assert capture.error == "timeout"
    assert capture.status is None
    exchange = rec.exchanges[0]
    assert exchange.request == a.log[0].raw  # the request went out and is kept
    assert exchange.response_head == b"" and exchange.body is None


def test_dripping_body_is_cut_at_the_total_deadline(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", body=b"d" * 1000, drip=0.02)  # 20 s to send it all, each read in time
    rec = Recorder()
    capture = capture_one(a.url("/"), fast(read_timeout=1.0, total_timeout=0.5), rec)
    assert capture.error is None and capture.status == 200
    assert capture.final is not None and capture.final.truncated == "time"
    exchange, kept = rec.exchanges[0], rec.bodies[0]
    assert exchange.truncated == "time"
    assert 0 < len(kept) < 1000
    assert kept == b"d" * len(kept)
    assert exchange.error_detail == "total time limit reached"


def test_not_http_answer_is_kept_raw(web: Web) -> None:
    a = web.host("a.test")
    banner = b"SSH-2.0-OpenSSH_9.6p1 Debian-4\r\n"
    a.route("/", raw=banner)
    rec = Recorder()
    capture = capture_one(a.url("/"), fast(retries=3), rec)
    assert capture.error == "not-http"
    assert len(capture.attempts) == 1
    exchange = rec.exchanges[0]
    assert exchange.not_http is True
    assert exchange.response_head == b""
    assert rec.bodies[0] == banner == a.sent("/")
    assert exchange.body_size == len(banner)


def test_malformed_http_is_kept_raw_as_protocol_error(web: Web) -> None:
    a = web.host("a.test")
    raw = b"HTTP/1.1 abc Nonsense\r\nContent-Length: 2\r\n\r\nhi"
    a.route("/", raw=raw)
    rec = Recorder()
    capture = capture_one(a.url("/"), fast(retries=0), rec)
    assert capture.error == "protocol"
    assert rec.exchanges[0].not_http is True
    assert rec.bodies[0] == raw


def test_content_length_longer_than_body(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", body=b"short body", content_length=5000)
    rec = Recorder()
    capture = capture_one(a.url("/"), fast(), rec)
    assert capture.status == 200 and capture.error is None
    exchange = rec.exchanges[0]
    assert exchange.truncated == "disconnect"
    assert rec.bodies[0] == b"short body"
    assert b"Content-Length: 5000\r\n" in exchange.response_head


def test_redirect_loop(web: Web) -> None:
    a = web.host("a.test")
    a.route("/a", redirect="/b")
    a.route("/b", redirect="/a")
    rec = Recorder()
    capture = capture_one(a.url("/a"), fast(max_redirects=50), rec)
    assert capture.error == "redirect-loop"
    assert [h.status for h in capture.hops] == [302, 302]
    assert a.count("/a") == 1 and a.count("/b") == 1
    assert len(rec.exchanges) == 2


def test_gzip_bomb_stored_compressed(web: Web) -> None:
    a = web.host("a.test")
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024), mtime=0)  # 50 MB of zeros, ~50 KB sent
    a.route("/", body=bomb, headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
    rec = Recorder()
    tracemalloc.start()
    try:
        capture = capture_one(a.url("/"), fast(max_body=1024 * 1024), rec)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert capture.status == 200 and capture.final is not None
    assert capture.final.truncated is None  # the wire bytes fit: nothing was inflated
    assert rec.bodies[0] == bomb
    assert rec.exchanges[0].response_head + bomb == a.sent("/")
    assert peak < 10 * 1024 * 1024


def test_tls_failure_then_insecure_captures_anyway(web: Web) -> None:
    s = web.host("s.test", tls=True)
    s.route("/", body=b"behind a certificate nobody trusts")
    rec = Recorder()
    strict = fast(resolve=web.resolve_map(), resolve_only=True, retries=2)
    capture = capture_one(s.named_url("/"), strict, rec)
    assert capture.error == "tls"
    assert "CERTIFICATE_VERIFY_FAILED" in capture.error_detail
    assert len(capture.attempts) == 1
    assert s.log == []

    rec = Recorder()
    loose = fast(resolve=web.resolve_map(), resolve_only=True, insecure=True)
    capture = capture_one(s.named_url("/"), loose, rec)
    assert capture.error is None and capture.status == 200
    assert rec.exchanges[0].response_head + rec.bodies[0] == s.sent("/")


def test_huge_body_stops_at_the_cap_without_memory_growth() -> None:
    cap = 20 * 1024 * 1024
    declared = 5 * 1024**3
    with _StreamingServer(declared) as server:
        rec = Recorder()
        tracemalloc.start()
        try:
            (capture,) = capture_urls([server.url], fast(max_body=cap), _SizeOnly(rec))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert capture.status == 200 and capture.error is None
    assert capture.final is not None
    assert capture.final.truncated == "length"
    assert capture.final.size == cap
    exchange = rec.exchanges[0]
    assert exchange.body_size == cap
    assert exchange.response_head == server.head
    assert cap <= server.sent < declared  # the fetcher stopped reading, the server noticed
    assert peak < 8 * 1024 * 1024  # the body went to disk, not to memory
    assert capture.body is not None
    capture.body.seek(0, 2)
    assert capture.body.tell() == cap
    capture.body.close()


class _StreamingServer:
    """One-connection server generating a body of any declared size without holding it.

    The shared test web keeps a copy of every byte it sends, which would swamp a memory
    measurement of the fetcher; this one sends a repeated block until the client leaves.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.head = b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
        self.head += b"Content-Length: %d\r\n\r\n" % size
        self.sent = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(5)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/big"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> _StreamingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._thread.join(10)
        self._listener.close()

    def _serve(self) -> None:
        conn, _ = self._listener.accept()
        block = bytes(range(256)) * 256
        with conn:
            conn.settimeout(5)
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(4096)
            conn.sendall(self.head)
            try:
                while self.sent < self.size:
                    conn.sendall(block)
                    self.sent += len(block)
            except OSError:
                pass  # the client hung up at its cap


def test_many_faults_in_one_run_none_escapes(web: Web) -> None:
    a = web.host("a.test")
    a.route("/ok", body=b"fine")
    a.route("/reset", body=b"x" * 100, reset_after=10)
    a.route("/raw", raw=b"\x00\x01\x02garbage")
    a.route("/hang", hang=True)
    urls = [a.url(p) for p in ("/ok", "/reset", "/raw", "/hang")]
    urls += [web.refused_url(), "http://unknown.test/", "mailto:x@example.test"]
    options = fast(read_timeout=0.3, retries=0, resolve={}, resolve_only=True)
    captures = {c.url: c for c in capture_urls(urls, options, Recorder())}
    assert len(captures) == len(urls)
    assert captures[a.url("/ok")].status == 200
    assert captures[a.url("/reset")].final.truncated == "disconnect"  # type: ignore[union-attr]
    assert captures[a.url("/raw")].error == "not-http"
    assert captures[a.url("/hang")].error == "timeout"
    assert captures["http://unknown.test/"].error == "dns"
    assert captures["mailto:x@example.test"].error == "invalid-url"


class _SizeOnly:
    """Writer that streams the body through (as the WARC writer does) instead of keeping it."""

    def __init__(self, rec: Recorder) -> None:
        self.rec = rec

    def __call__(self, exchange: Exchange) -> tuple[RecordRef | None, RecordRef | None]:
        total = 0
        assert exchange.body is not None
        while block := exchange.body.read(1 << 16):
            total += len(block)
        assert total == exchange.body_size
        self.rec.exchanges.append(exchange)
        return None, None
