"""Raw-byte recording: what the fetcher keeps is exactly what crossed the socket."""

from __future__ import annotations

import asyncio
import gzip
import socket
import ssl
import threading
from pathlib import Path

import httpcore
import pytest

from archiver.capture import FetchOptions, capture_urls
from archiver.wire import RecordingBackend, Tape, recording
from tests.test_capture import Recorder
from tests.web import Web

PAGE = (
    b"<!DOCTYPE html><html><head><title>Fidelity</title></head><body>"
    + b"<p>Every byte as it came, \xc3\xa9t\xc3\xa9 included.</p>" * 200
    + b"</body></html>"
)

# ---------------------------------------------------------------- the tape on its own


def test_tape_splits_head_from_body_across_reads() -> None:
    tape = Tape(limit=1000)
    message = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Case: KeepMe\r\n\r\nhello"
    for i in range(len(message)):  # one byte per read: the blank line spans reads
        tape.feed(message[i : i + 1])
    assert tape.head == b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Case: KeepMe\r\n\r\n"
    tape.body.seek(0)
    assert tape.body.read() == b"hello"
    assert tape.body_size == 5 and tape.received == len(message)


def test_tape_accepts_bare_newlines_like_h11() -> None:
    tape = Tape(limit=1000)
    tape.feed(b"HTTP/1.1 200 OK\nContent-Length: 2\n\nhi")
    assert tape.head == b"HTTP/1.1 200 OK\nContent-Length: 2\n\n"
    assert tape.body_size == 2


def test_tape_sets_informational_heads_aside() -> None:
    tape = Tape(limit=1000)
    tape.feed(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\n\r\nbody")
    assert tape.head == b"HTTP/1.1 200 OK\r\n\r\n"
    assert tape.informational == [b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"]
    assert tape.body_size == 4


def test_tape_cuts_body_at_limit() -> None:
    tape = Tape(limit=10)
    tape.feed(b"HTTP/1.1 200 OK\r\n\r\n" + b"a" * 8)
    assert not tape.cut
    tape.feed(b"b" * 8)
    assert tape.cut and tape.body_size == 10
    tape.feed(b"c" * 8)
    tape.body.seek(0)
    assert tape.body.read() == b"a" * 8 + b"bb"


def test_tape_keeps_partial_answer() -> None:
    tape = Tape(limit=10)
    tape.feed(b"SSH-2.0-OpenSSH_9.6\r\n")
    assert tape.head == b""
    assert tape.partial() == b"SSH-2.0-OpenSSH_9.6\r\n"


# ---------------------------------------------------------------- byte fidelity


def _dechunk(data: bytes) -> bytes:
    out = bytearray()
    while True:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            return bytes(out)
        out += data[:size]
        data = data[size + 2 :]


@pytest.mark.parametrize(
    ("chunked", "gzipped"),
    [(False, False), (True, False), (False, True), (True, True)],
    ids=["plain", "chunked", "gzip", "chunked+gzip"],
)
def test_response_bytes_are_exactly_what_the_server_sent(
    web: Web, chunked: bool, gzipped: bool
) -> None:
    a = web.host("a.test")
    headers = [("Content-Type", "text/html; charset=utf-8"), ("X-MiXeD-CaSe", "v"), ("Vary", "*")]
    a.route("/p", body=PAGE, headers=headers, chunked=chunked, chunk_size=777, gzip=gzipped)
    rec = Recorder()
    (capture,) = capture_urls([a.url("/p")], FetchOptions(), rec)
    assert capture.error is None
    exchange, body = rec.exchanges[0], rec.bodies[0]
    sent = a.sent("/p")
    assert exchange.response_head + body == sent
    assert exchange.body_size == len(body)
    assert exchange.response_head.startswith(b"HTTP/1.1 200 OK\r\nContent-Type: text/html")
    assert b"\r\nX-MiXeD-CaSe: v\r\n" in exchange.response_head
    assert exchange.request == a.log[-1].raw
    # Framing and encoding are kept, not undone.
    assert body.endswith(b"\r\n0\r\n\r\n") == chunked
    payload = _dechunk(body) if chunked else body
    assert (gzip.decompress(payload) if gzipped else payload) == PAGE
    assert exchange.headers[0] == ("Content-Type", "text/html; charset=utf-8")


def test_keep_alive_exchanges_keep_their_own_bytes(web: Web) -> None:
    a = web.host("a.test")
    a.route("/one", body=b"first body", chunked=True, chunk_size=3)
    a.route("/two", body=b"second", gzip=True)
    rec = Recorder()
    urls = [a.url("/one"), a.url("/two"), a.url("/one")]
    capture_urls(urls, FetchOptions(concurrency=1), rec)
    assert a.connections == 1
    assert len(rec.exchanges) == 3
    for exchange, body in zip(rec.exchanges, rec.bodies, strict=True):
        path = exchange.url.rsplit("/", 1)[1]
        assert exchange.response_head + body == a.sent("/" + path)
        assert exchange.request.startswith(b"GET /" + path.encode() + b" HTTP/1.1\r\n")
        assert exchange.request.count(b"GET ") == 1


def test_backend_records_only_inside_recording(web: Web) -> None:
    a = web.host("a.test")
    a.route("/x", body=b"abc")

    async def run() -> tuple[Tape, bytes]:
        backend = RecordingBackend(resolve={"a.test": a.ip})
        async with httpcore.AsyncConnectionPool(network_backend=backend) as pool:
            await pool.request("GET", a.named_url("/x"))  # not recorded
            tape = Tape(limit=100)
            with recording(tape):
                response = await pool.request("GET", a.named_url("/x"))
            return tape, response.content

    tape, content = asyncio.run(run())
    assert content == b"abc"
    assert tape.head + b"abc" == a.sent("/x")
    assert bytes(tape.sent) == a.log[-1].raw
    assert tape.sent.count(b"GET /x") == 1
    assert tape.ip == a.ip


def test_resolve_only_fails_other_names_without_a_resolver() -> None:
    async def run() -> Tape:
        backend = RecordingBackend(resolve={}, resolve_only=True)
        tape = Tape(limit=10)
        async with httpcore.AsyncConnectionPool(network_backend=backend) as pool:
            with recording(tape), pytest.raises(httpcore.ConnectError):
                await pool.request("GET", "http://nowhere.test/")
        return tape

    tape = asyncio.run(run())
    assert tape.sent == b""
    assert any("Name or service not known" in str(f) for f in tape.faults)


# ---------------------------------------------------------------- HTTP/2


class _H2Server:
    """A minimal HTTP/2-over-TLS server (ALPN h2) answering every stream with one page."""

    def __init__(self, body: bytes) -> None:
        import trustme

        self.body = body
        self.ca = trustme.CA()
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert("h2.test").configure_cert(self.context)
        self.context.set_alpn_protocols(["h2"])
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(5)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def ca_file(self, tmp_path: Path) -> str:
        path = tmp_path / "ca.pem"
        path.write_bytes(self.ca.cert_pem.bytes())
        return str(path)

    def close(self) -> None:
        self.thread.join(5)
        self.listener.close()

    def _serve(self) -> None:
        import h2.config
        import h2.connection
        import h2.events

        raw, _ = self.listener.accept()
        with self.context.wrap_socket(raw, server_side=True) as sock:
            sock.settimeout(5)
            conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=False))
            conn.initiate_connection()
            sock.sendall(conn.data_to_send())
            while True:
                try:
                    data = sock.recv(65535)
                except (OSError, TimeoutError):
                    return
                if not data:
                    return
                for event in conn.receive_data(data):
                    if isinstance(event, h2.events.RequestReceived):
                        headers = [
                            (":status", "200"),
                            ("content-type", "text/plain"),
                            ("content-length", str(len(self.body))),
                        ]
                        conn.send_headers(event.stream_id, headers)
                        conn.send_data(event.stream_id, self.body, end_stream=True)
                sock.sendall(conn.data_to_send())


def test_http2_recorded_with_a_rebuilt_http1_head(tmp_path: Path) -> None:
    server = _H2Server(b"spoken over h2")
    try:
        rec = Recorder()
        options = FetchOptions(
            resolve={"h2.test": "127.0.0.1"}, resolve_only=True, ca_file=server.ca_file(tmp_path)
        )
        (capture,) = capture_urls([f"https://h2.test:{server.port}/x"], options, rec)
    finally:
        server.close()
    assert capture.error is None and capture.status == 200
    exchange = rec.exchanges[0]
    assert exchange.http_version == "HTTP/2"
    assert exchange.response_head == (
        b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 14\r\n\r\n"
    )
    assert rec.bodies[0] == b"spoken over h2"
    assert exchange.request.startswith(b"GET /x HTTP/1.1\r\nHost: h2.test:")
    assert exchange.ip == "127.0.0.1"
