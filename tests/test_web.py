"""The test web does what it claims, shown against real client sockets.

Every capture test leans on these servers, so each behaviour is proven here on the
wire: the bytes a raw socket receives, and what httpx makes of them.
"""

from __future__ import annotations

import gzip
import itertools
import socket
import ssl
import threading
import time

import httpx
import pytest

from tests.web import Request, Route, Web


def client(**options: object) -> httpx.Client:
    options.setdefault("timeout", 5)
    return httpx.Client(trust_env=False, **options)  # type: ignore[arg-type]


def exchange(ip: str, port: int, data: bytes, timeout: float = 5) -> bytes:
    """Send raw bytes, half-close, and read everything until the server closes."""
    with socket.create_connection((ip, port), timeout=timeout) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def get(path: str, host: str = "x") -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()


def split(response: bytes) -> tuple[bytes, bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    return head, body


def read_response(sock: socket.socket, buffer: bytes = b"") -> tuple[bytes, bytes]:
    """Read one Content-Length framed response from a kept-alive socket."""
    while b"\r\n\r\n" not in buffer:
        buffer += sock.recv(65536)
    head, _, rest = buffer.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":")[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(rest) < length:
        rest += sock.recv(65536)
    return head + b"\r\n\r\n" + rest[:length], rest[length:]


# --------------------------------------------------------------------------- hosts


def test_hosts_get_distinct_loopback_addresses_and_a_resolver_map(web: Web) -> None:
    a = web.host("a.test")
    b = web.host("b.test")
    assert web.host("a.test") is a
    assert a.ip != b.ip
    assert a.ip.startswith("127.") and b.ip.startswith("127.")
    assert a.url("/p") == f"http://{a.ip}:{a.port}/p"
    assert a.named_url("/p") == f"http://a.test:{a.port}/p"
    assert web.resolve_map() == {"a.test": a.ip, "b.test": b.ip}
    a.route("/p", body=b"from a")
    b.route("/p", body=b"from b")
    with client() as c:
        assert c.get(a.url("/p")).content == b"from a"
        assert c.get(b.url("/p")).content == b"from b"
    assert a.count("/p") == 1 and b.count("/p") == 1
    assert a.log[0].client[0] == "127.0.0.1"


def test_host_on_an_explicit_address(web: Web) -> None:
    h = web.host("local", ip="127.0.0.1")
    h.route("/", body=b"here")
    assert h.url("/").startswith("http://127.0.0.1:")
    with client() as c:
        assert c.get(h.url("/")).content == b"here"


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (200, "OK"),
        (201, "Created"),
        (403, "Forbidden"),
        (404, "Not Found"),
        (410, "Gone"),
        (429, "Too Many Requests"),
        (451, "Unavailable For Legal Reasons"),
        (500, "Internal Server Error"),
        (503, "Service Unavailable"),
        (599, "Unknown"),
    ],
)
def test_any_status_code(web: Web, status: int, reason: str) -> None:
    a = web.host("a.test")
    a.route("/s", status=status, body=b"body")
    raw = exchange(a.ip, a.port, get("/s"))
    assert raw.startswith(f"HTTP/1.1 {status} {reason}\r\n".encode())
    with client() as c:
        response = c.get(a.url("/s"))
    assert response.status_code == status
    assert response.content == b"body"


def test_204_has_no_body_and_no_length(web: Web) -> None:
    a = web.host("a.test")
    a.route("/empty", status=204, body=b"ignored", headers=[])
    assert exchange(a.ip, a.port, get("/empty")) == b"HTTP/1.1 204 No Content\r\n\r\n"


def test_custom_reason_phrase(web: Web) -> None:
    a = web.host("a.test")
    a.route("/r", status=200, reason="Fine Thanks", headers=[])
    assert exchange(a.ip, a.port, get("/r")).startswith(b"HTTP/1.1 200 Fine Thanks\r\n")


def test_unknown_path_is_a_404_page(web: Web) -> None:
    a = web.host("a.test")
    with client() as c:
        response = c.get(a.url("/nothing/here"))
    assert response.status_code == 404
    assert b"Not Found" in response.content
    assert a.count("/nothing/here") == 1


def test_headers_sent_in_order_and_case_byte_exact(web: Web) -> None:
    a = web.host("a.test")
    a.route(
        "/h",
        body=b"hello",
        headers=[("X-B", "2"), ("content-TYPE", "text/plain"), ("X-A", "1"), ("X-A", "again")],
    )
    expected = (
        b"HTTP/1.1 200 OK\r\nX-B: 2\r\ncontent-TYPE: text/plain\r\nX-A: 1\r\nX-A: again\r\n"
        b"Content-Length: 5\r\n\r\nhello"
    )
    assert exchange(a.ip, a.port, get("/h")) == expected
    assert a.sent("/h") == expected


def test_head_request_gets_headers_without_body(web: Web) -> None:
    a = web.host("a.test")
    a.route("/h", body=b"0123456789", headers=[])
    raw = exchange(a.ip, a.port, b"HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n")
    assert raw == b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"


# --------------------------------------------------------------------------- redirects


def test_redirect_chain_hop_by_hop(web: Web) -> None:
    a = web.host("a.test")
    b = web.host("b.test")
    a.route("/old", status=301, redirect="/middle")
    a.route("/middle", redirect=b.url("/new"))
    b.route("/new", body=b"arrived")
    raw = exchange(a.ip, a.port, get("/old"))
    assert raw.startswith(b"HTTP/1.1 301 Moved Permanently\r\n")
    assert b"\r\nLocation: /middle\r\n" in raw
    with client(follow_redirects=True) as c:
        response = c.get(a.url("/old"))
    assert [r.status_code for r in response.history] == [301, 302]
    assert str(response.url) == b.url("/new")
    assert response.content == b"arrived"


def test_redirect_loop_never_ends(web: Web) -> None:
    a = web.host("a.test")
    a.route("/x", redirect="/y")
    a.route("/y", redirect="/x")
    with client(follow_redirects=True, max_redirects=6) as c, pytest.raises(httpx.TooManyRedirects):
        c.get(a.url("/x"))
    assert a.count("/x") >= 3 and a.count("/y") >= 3


# --------------------------------------------------------------------------- bodies


def test_chunked_body_wire_bytes(web: Web) -> None:
    a = web.host("a.test")
    a.route("/c", body=b"hello world!", headers=[], chunked=True, chunk_size=5)
    raw = exchange(a.ip, a.port, get("/c"))
    assert raw == (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\nhello\r\n5\r\n worl\r\n2\r\nd!\r\n0\r\n\r\n"
    )
    with client() as c:
        assert c.get(a.url("/c")).content == b"hello world!"


def test_gzip_body_is_compressed_on_the_wire(web: Web) -> None:
    a = web.host("a.test")
    page = b"<html><body>" + b"compressible text " * 200 + b"</body></html>"
    a.route("/g", body=page, gzip=True)
    head, body = split(exchange(a.ip, a.port, get("/g")))
    assert b"\r\nContent-Encoding: gzip\r\n" in head
    assert f"\r\nContent-Length: {len(body)}".encode() in head
    assert body[:2] == b"\x1f\x8b" and len(body) < len(page)
    assert gzip.decompress(body) == page
    with client() as c:
        assert c.get(a.url("/g")).content == page


def test_gzip_and_chunked_together(web: Web) -> None:
    a = web.host("a.test")
    page = b"abc" * 1000
    a.route("/gc", body=page, gzip=True, chunked=True, chunk_size=16)
    head, body = split(exchange(a.ip, a.port, get("/gc")))
    assert b"Transfer-Encoding: chunked" in head and b"Content-Encoding: gzip" in head
    assert body.startswith(b"10\r\n\x1f\x8b") and body.endswith(b"\r\n0\r\n\r\n")
    with client() as c:
        assert c.get(a.url("/gc")).content == page


@pytest.mark.parametrize("charset", ["windows-1251", "koi8-r"])
def test_non_utf8_bodies_served_byte_exact(web: Web, charset: str) -> None:
    a = web.host("a.test")
    text = "<html><head><title>Привет, мир</title></head><body>Съешь же ещё</body></html>"
    page = text.encode(charset)
    with pytest.raises(UnicodeDecodeError):
        page.decode("utf-8")
    a.route("/ru", body=page, headers=[("Content-Type", f"text/html; charset={charset}")])
    _, body = split(exchange(a.ip, a.port, get("/ru")))
    assert body == page
    with client() as c:
        response = c.get(a.url("/ru"))
    assert response.content == page
    assert response.text == text


def test_content_length_that_lies_then_close(web: Web) -> None:
    a = web.host("a.test")
    a.route("/short", body=b"0123456789", headers=[], content_length=100)
    raw = exchange(a.ip, a.port, get("/short") + get("/short"))
    assert raw == b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"
    with client() as c, pytest.raises(httpx.RemoteProtocolError):
        c.get(a.url("/short"))


# --------------------------------------------------------------------------- timing


def test_dripping_body_really_drips(web: Web) -> None:
    a = web.host("a.test")
    drip = 0.12
    a.route("/drip", body=b"abcde", headers=[], drip=drip)
    body_times: list[float] = []  # arrival time of each body byte
    received = b""
    with socket.create_connection((a.ip, a.port), timeout=5) as sock:
        sock.sendall(get("/drip"))
        while not received.endswith(b"abcde"):
            chunk = sock.recv(65536)
            assert chunk, "server closed before the body was complete"
            now = time.monotonic()
            head_end = (received + chunk).find(b"\r\n\r\n")
            body_before = max(0, len(received) - head_end - 4) if head_end >= 0 else 0
            received += chunk
            body_now = len(received) - head_end - 4 if head_end >= 0 else 0
            body_times += [now] * (body_now - body_before)
    assert received == b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcde"
    assert len(body_times) == 5
    gaps = [later - earlier for earlier, later in itertools.pairwise(body_times)]
    # lower bounds only: each byte waited for its interval, none came together
    assert all(gap >= drip * 0.6 for gap in gaps), gaps
    assert body_times[-1] - body_times[0] >= 4 * drip * 0.8


def test_delay_before_first_byte_makes_a_client_time_out(web: Web) -> None:
    a = web.host("a.test")
    a.route("/slow", body=b"late", delay=2)
    with client(timeout=0.2) as c, pytest.raises(httpx.ReadTimeout):
        c.get(a.url("/slow"))


def test_hang_never_answers(web: Web) -> None:
    a = web.host("a.test")
    a.route("/hang", hang=True)
    with socket.create_connection((a.ip, a.port), timeout=0.3) as sock:
        sock.sendall(get("/hang"))
        with pytest.raises(TimeoutError):
            sock.recv(1)
    with client(timeout=0.3) as c, pytest.raises(httpx.ReadTimeout):
        c.get(a.url("/hang"))
    assert a.count("/hang") == 2
    assert a.sent("/hang") == b""


# --------------------------------------------------------------------------- broken peers


def test_reset_really_resets(web: Web) -> None:
    a = web.host("a.test")
    page = b"x" * 50_000
    a.route("/reset", body=page, headers=[], reset_after=10)
    received = b""
    with socket.create_connection((a.ip, a.port), timeout=5) as sock:
        sock.sendall(get("/reset"))
        with pytest.raises(ConnectionResetError):
            while True:
                chunk = sock.recv(65536)
                assert chunk, "clean close (FIN) where a reset (RST) was expected"
                received += chunk
    assert len(received) < len(page)
    assert a.sent("/reset") == b"HTTP/1.1 200 OK\r\nContent-Length: 50000\r\n\r\n" + b"x" * 10
    with client() as c, pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        c.get(a.url("/reset"))


def test_raw_bytes_instead_of_http(web: Web) -> None:
    a = web.host("a.test")
    banner = b"SSH-2.0-OpenSSH_9.6\r\n\x00\xff not http"
    a.route("/", raw=banner)
    assert exchange(a.ip, a.port, get("/")) == banner
    with client() as c, pytest.raises(httpx.RemoteProtocolError):
        c.get(a.url("/"))


def test_refused_url_refuses(web: Web) -> None:
    url = web.refused_url("/x")
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    assert url.startswith("http://127.")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)
    with client() as c, pytest.raises(httpx.ConnectError):
        c.get(url)


# --------------------------------------------------------------------------- dynamic


def test_set_body_changes_content(web: Web) -> None:
    a = web.host("a.test")
    a.route("/page", body=b"first version", headers=[("Content-Type", "text/plain")])
    with client() as c:
        assert c.get(a.url("/page")).content == b"first version"
        a.set_body("/page", b"second version")
        response = c.get(a.url("/page"))
        assert response.content == b"second version"
        assert response.headers["content-type"] == "text/plain"
        a.set_body("/fresh", "créé")
        assert c.get(a.url("/fresh")).content == "créé".encode()
    assert a.count("/page") == 2


def test_handler_decides_per_request(web: Web) -> None:
    a = web.host("a.test")

    def flaky(request: Request) -> Route:
        if a.count(request.path) < 3:
            return Route(status=503, body=b"busy")
        return Route(body=f"ok for {request.header('user-agent')}".encode())

    a.route("/flaky", handler=flaky)
    with client(headers={"User-Agent": "probe/1"}) as c:
        statuses = [c.get(a.url("/flaky")).status_code for _ in range(4)]
        assert c.get(a.url("/flaky")).content == b"ok for probe/1"
    assert statuses == [503, 503, 200, 200]


def test_folder_route_answers_every_path_under_it_and_exact_routes_win(web: Web) -> None:
    a = web.host("a.test")
    a.route_folder("/ads/", body=b"ad not found")
    a.route_folder("/ads/cars/", body=b"car not found")
    a.route("/ads/bike-12", body=b"a bike")
    with client() as c:
        assert c.get(a.url("/ads/anything-at-all")).content == b"ad not found"
        assert c.get(a.url("/ads/x/y?q=1")).content == b"ad not found"
        assert c.get(a.url("/ads/cars/zz")).content == b"car not found"
        assert c.get(a.url("/ads/bike-12")).content == b"a bike"
        assert c.get(a.url("/ads/")).status_code == 404  # the folder itself is no item
        assert c.get(a.url("/other/x")).status_code == 404
    with pytest.raises(ValueError):
        a.route_folder("/ads", body=b"")


# --------------------------------------------------------------------------- log


def test_request_log_keeps_headers_in_order_body_and_timing(web: Web) -> None:
    a = web.host("a.test")
    a.route("/form", body=b"thanks")
    request = (
        b"POST /form?q=1&b=2 HTTP/1.1\r\nHost: a.test\r\nzeta: last-letter\r\n"
        b"Accept: */*\r\nX-Mixed-CASE: Yes\r\nContent-Length: 7\r\n\r\npayload"
    )
    before = time.monotonic()
    exchange(a.ip, a.port, request)
    exchange(a.ip, a.port, get("/form?q=2"))
    after = time.monotonic()
    first, second = a.log
    assert first.method == "POST"
    assert first.target == "/form?q=1&b=2"
    assert first.path == "/form" and first.query == "q=1&b=2"
    assert first.version == "HTTP/1.1"
    assert first.headers == [
        ("Host", "a.test"),
        ("zeta", "last-letter"),
        ("Accept", "*/*"),
        ("X-Mixed-CASE", "Yes"),
        ("Content-Length", "7"),
    ]
    assert first.header("x-mixed-case") == "Yes"
    assert first.body == b"payload"
    assert first.raw == request
    assert before <= first.time <= second.time <= after
    assert first.conn != second.conn
    assert a.count("/form") == 2
    assert a.count("/form?q=2") == 1
    assert a.requests("/form?q=2") == [second]


# --------------------------------------------------------------------------- connections


def test_keep_alive_serves_several_requests_on_one_connection(web: Web) -> None:
    a = web.host("a.test")
    a.route("/1", body=b"one", headers=[])
    a.route("/2", body=b"two", headers=[])
    with socket.create_connection((a.ip, a.port), timeout=5) as sock:
        sock.sendall(get("/1"))
        first, rest = read_response(sock)
        sock.sendall(get("/2"))
        second, rest = read_response(sock, rest)
        sock.sendall(get("/1") + get("/2"))  # pipelined
        third, rest = read_response(sock, rest)
        fourth, rest = read_response(sock, rest)
    assert [split(r)[1] for r in (first, second, third, fourth)] == [b"one", b"two", b"one", b"two"]
    assert a.connections == 1
    assert {r.conn for r in a.log} == {1}
    with client() as c:
        c.get(a.url("/1"))
        c.get(a.url("/2"))
    assert a.connections == 2
    assert a.log[-1].conn == a.log[-2].conn == 2


def test_close_option_ends_the_connection(web: Web) -> None:
    a = web.host("a.test")
    a.route("/bye", body=b"bye", headers=[], close=True)
    with socket.create_connection((a.ip, a.port), timeout=5) as sock:
        sock.sendall(get("/bye"))  # no half-close: the server must end it itself
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    assert received == b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nbye"


# --------------------------------------------------------------------------- TLS


def test_tls_host_with_self_signed_certificate(web: Web) -> None:
    s = web.host("secure.test", tls=True)
    s.route("/", body=b"secret")
    assert s.url("/").startswith(f"https://{s.ip}:")
    with client() as c, pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        c.get(s.url("/"))
    with client(verify=web.client_context()) as c:
        response = c.get(s.url("/"))
        assert response.content == b"secret"
    with client(verify=ssl.create_default_context(cafile=web.ca_file)) as c:
        assert c.get(s.url("/")).status_code == 200
    assert s.count("/") == 2  # the failed handshake never reached HTTP


def test_tls_reset_and_chunked(web: Web) -> None:
    s = web.host("secure.test", tls=True)
    s.route("/c", body=b"chunky" * 100, chunked=True, chunk_size=7)
    s.route("/r", body=b"x" * 10_000, reset_after=5)
    with client(verify=web.client_context()) as c:
        assert c.get(s.url("/c")).content == b"chunky" * 100
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            c.get(s.url("/r"))


# --------------------------------------------------------------------------- teardown


def test_close_leaves_no_threads_or_listening_sockets() -> None:
    baseline = {t.ident for t in threading.enumerate()}
    servers = Web()
    a = servers.host("a.test")
    s = servers.host("s.test", tls=True)
    a.route("/hang", hang=True)
    a.route("/drip", body=b"x" * 1000, drip=0.5)
    open_socks = []
    for path in ("/hang", "/drip"):
        sock = socket.create_connection((a.ip, a.port), timeout=5)
        sock.sendall(get(path))
        open_socks.append(sock)
    idle = socket.create_connection((s.ip, s.port), timeout=5)  # never handshakes
    open_socks.append(idle)
    while a.count("/hang") + a.count("/drip") < 2:
        time.sleep(0.01)
    assert len(threading.enumerate()) > len(baseline)
    servers.close()
    leftover = [t for t in threading.enumerate() if t.ident not in baseline]
    assert leftover == []
    for host in (a, s):
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((host.ip, host.port), timeout=2)
    for sock in open_socks:
        sock.close()


def test_sent_holds_every_byte_the_client_has_already_read(web: Web) -> None:
    a = web.host("a.test")
    a.route("/slow", body=b"abcdef", headers=[], drip=0.05)
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n"
    with socket.create_connection((a.ip, a.port), timeout=5) as sock:
        sock.sendall(get("/slow"))
        received = b""
        while len(received) < len(head) + 6:
            received += sock.recv(65536)
            assert a.sent("/slow").startswith(received)  # mid-body too, not only at the end
    assert a.sent("/slow") == head + b"abcdef"
    with client() as c:  # kept alive: the server thread is still running when we look
        for n in range(10):
            a.set_body("/p", f"body {n:02d}")
            assert c.get(a.url("/p")).content == f"body {n:02d}".encode()
            assert a.sent("/p").endswith(b"Content-Length: 7\r\n\r\nbody %02d" % n)
