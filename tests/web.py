"""A loopback test web: real servers on 127.x.y.z whose every byte the test controls.

The fetcher is tested against sockets, not mocks, because the behaviours that matter
(a body that drips, a reset mid-body, a peer that is not HTTP, framing that lies) only
exist on a wire. The servers here are raw sockets, one thread per connection, so a
route can break the protocol in any way a real server out there does, and every
request and every response byte is kept for the test to inspect.

Usage (through the ``web`` fixture in tests/conftest.py)::

    a = web.host("a.test")                  # own loopback address, ephemeral port
    a.route("/page", body=b"<html>..</html>", gzip=True)
    httpx.get(a.url("/page"))
    assert a.count("/page") == 1
"""

from __future__ import annotations

import contextlib
import gzip as gzip_module
import http
import ipaddress
import os
import socket
import ssl
import struct
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

DEFAULT_HEADERS: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)
NOT_FOUND_BODY = (
    b"<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
    b"<body><h1>Not Found</h1><p>The requested page does not exist.</p></body></html>"
)
MAX_HEAD = 64 * 1024
_POLL = 0.05  # how often idle server threads look at the stop flag


@dataclass
class Request:
    """One request as it arrived; headers keep their order and case."""

    method: str
    target: str  # request-target exactly as sent, query included
    version: str
    headers: list[tuple[str, str]]
    raw: bytes  # head and body as received
    body: bytes
    time: float  # time.monotonic() when the head was complete
    client: tuple[str, int]
    conn: int  # serial of the connection it came on (same number = same connection)

    @property
    def path(self) -> str:
        """The target without its query string."""
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""

    def header(self, name: str) -> str | None:
        """First value of a header, name compared case-insensitively."""
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None


@dataclass
class Route:
    """What a path answers. Every option maps onto one way real servers behave."""

    status: int = 200
    body: bytes = b""
    headers: list[tuple[str, str]] | None = None  # None: a text/html utf-8 Content-Type
    chunked: bool = False
    chunk_size: int = 1024
    gzip: bool = False
    content_length: int | None = None  # a value that may lie about the body
    drip: float | None = None  # seconds between body bytes on the wire
    reset_after: int | None = None  # body bytes sent before a TCP reset
    hang: bool = False  # read the request, never answer
    raw: bytes | None = None  # sent verbatim instead of an HTTP response, then closed
    redirect: str | None = None  # Location value
    close: bool = False  # Connection: close
    handler: Callable[[Request], Route] | None = None
    reason: str | None = None  # status line reason phrase; None: the standard one
    delay: float = 0.0  # seconds before the first response byte


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _has(headers: list[tuple[str, str]], name: str) -> bool:
    return any(key.lower() == name.lower() for key, _ in headers)


def encode_response(route: Route, method: str = "GET") -> tuple[bytes, bytes]:
    """The head and the body wire bytes a route sends (body after all encodings)."""
    headers = list(DEFAULT_HEADERS if route.headers is None else route.headers)
    body = route.body
    if route.gzip:
        body = gzip_module.compress(body, mtime=0)
        if not _has(headers, "Content-Encoding"):
            headers.append(("Content-Encoding", "gzip"))
    if route.redirect is not None and not _has(headers, "Location"):
        headers.append(("Location", route.redirect))
    bodiless = route.status in (204, 304) or 100 <= route.status < 200
    if route.chunked:
        headers.append(("Transfer-Encoding", "chunked"))
        size = max(1, route.chunk_size)
        pieces = [body[i : i + size] for i in range(0, len(body), size)]
        body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"
    elif route.content_length is not None:
        headers.append(("Content-Length", str(route.content_length)))
    elif not bodiless:
        headers.append(("Content-Length", str(len(body))))
    if route.close:
        headers.append(("Connection", "close"))
    reason = _reason(route.status) if route.reason is None else route.reason
    lines = [f"HTTP/1.1 {route.status} {reason}"] + [f"{k}: {v}" for k, v in headers]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    if method == "HEAD" or bodiless:
        body = b""
    return head, body


class _Closed(Exception):
    """The peer went away or the host is stopping."""


class Host:
    """One server: a name, a loopback address, a port, its routes and its log."""

    def __init__(
        self, name: str, ip: str, stop: threading.Event, tls: ssl.SSLContext | None = None
    ) -> None:
        self.name = name
        self.ip = ip
        self.tls = tls is not None
        self._ssl = tls
        self._stop = stop
        self._routes: dict[str, Route] = {}
        self._sent: dict[str, bytearray] = {}
        self._lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._serial = 0
        self.log: list[Request] = []
        self._listener = socket.create_server((ip, 0), backlog=128)
        self._listener.settimeout(_POLL)
        self.port: int = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(
            target=self._accept_loop, name=f"web-{name}-accept", daemon=True
        )
        self._acceptor.start()

    # ------------------------------------------------------------------ test side

    @property
    def scheme(self) -> str:
        return "https" if self.tls else "http"

    def url(self, path: str = "/") -> str:
        return f"{self.scheme}://{self.ip}:{self.port}{path}"

    def named_url(self, path: str = "/") -> str:
        """URL by host name: for a fetcher given web.resolve_map() as its resolver."""
        return f"{self.scheme}://{self.name}:{self.port}{path}"

    def route(
        self,
        path: str,
        status: int | None = None,
        body: bytes | str = b"",
        headers: list[tuple[str, str]] | None = None,
        *,
        chunked: bool = False,
        chunk_size: int = 1024,
        gzip: bool = False,
        content_length: int | None = None,
        drip: float | None = None,
        reset_after: int | None = None,
        hang: bool = False,
        raw: bytes | None = None,
        redirect: str | None = None,
        close: bool = False,
        handler: Callable[[Request], Route] | None = None,
        reason: str | None = None,
        delay: float = 0.0,
    ) -> Route:
        """Script what ``path`` answers (exact target first, then the path sans query).

        ``headers`` are sent first, in the given order and case; the framing headers
        (Content-Encoding, Location, Content-Length or Transfer-Encoding, Connection)
        follow unless already given. ``headers=None`` means one text/html utf-8
        Content-Type; ``headers=[]`` sends none.
        """
        if status is None:
            status = 302 if redirect is not None else 200
        if isinstance(body, str):
            body = body.encode("utf-8")
        route = Route(
            status=status,
            body=body,
            headers=headers,
            chunked=chunked,
            chunk_size=chunk_size,
            gzip=gzip,
            content_length=content_length,
            drip=drip,
            reset_after=reset_after,
            hang=hang,
            raw=raw,
            redirect=redirect,
            close=close,
            handler=handler,
            reason=reason,
            delay=delay,
        )
        self._routes[path] = route
        return route

    def route_folder(self, folder: str, **kwargs: Any) -> Route:
        """Answer every path under ``folder`` (``"/ads/"``) not routed exactly, as a site
        routes a folder to one handler; the longest folder wins."""
        if not folder.endswith("/"):
            raise ValueError("a folder ends with /")
        return self.route(folder + "*", **kwargs)

    def _folder_route(self, path: str) -> Route | None:
        folder = path
        while "/" in folder.rstrip("/"):
            folder = folder.rstrip("/").rsplit("/", 1)[0] + "/"
            if (route := self._routes.get(folder + "*")) is not None:
                return route
        return None

    def set_body(self, path: str, body: bytes | str) -> None:
        """Change what a path serves from now on: the page 'changes' for drift tests."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        current = self._routes.get(path)
        self._routes[path] = replace(current, body=body) if current else Route(body=body)

    def count(self, path: str) -> int:
        """Requests for ``path``: matched on the full target when it has a query."""
        return len(self.requests(path))

    def requests(self, path: str) -> list[Request]:
        with self._lock:
            log = list(self.log)
        if "?" in path:
            return [r for r in log if r.target == path]
        return [r for r in log if r.path == path]

    def sent(self, path: str) -> bytes:
        """Exact bytes written for the last response to that target or path."""
        with self._lock:
            return bytes(self._sent.get(path, b""))

    @property
    def connections(self) -> int:
        """How many TCP connections were accepted so far."""
        return self._serial

    # ------------------------------------------------------------------ server side

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, addr = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._serial += 1
                serial = self._serial
                self._conns.add(conn)
            thread = threading.Thread(
                target=self._serve, args=(conn, addr, serial), name=f"web-{self.name}-{serial}"
            )
            thread.daemon = True
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket, addr: tuple[str, int], serial: int) -> None:
        sock: socket.socket = conn
        try:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.settimeout(_POLL)
            if self._ssl is not None:
                sock = self._ssl.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
                with self._lock:  # wrapping detached conn: shutdown must now reach sock
                    self._conns.discard(conn)
                    self._conns.add(sock)
                self._handshake(sock)
            buffer = b""
            while True:
                request, buffer = self._read_request(sock, buffer, addr, serial)
                if request is None:
                    return
                with self._lock:
                    self.log.append(request)
                if not self._respond(sock, request):
                    return
        except (_Closed, OSError, ssl.SSLError):
            return
        finally:
            with self._lock:
                self._conns.discard(sock)
                self._conns.discard(conn)
            with contextlib.suppress(OSError):
                sock.close()

    def _handshake(self, sock: ssl.SSLSocket) -> None:
        """Handshake in short slices so a client that never speaks cannot pin teardown."""
        deadline = time.monotonic() + 5
        while True:
            if self._stop.is_set() or time.monotonic() > deadline:
                raise _Closed
            try:
                sock.do_handshake()
                return
            except (TimeoutError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
                continue

    def _recv(self, sock: socket.socket) -> bytes:
        while True:
            if self._stop.is_set():
                raise _Closed
            try:
                data = sock.recv(65536)
            except TimeoutError:
                continue
            except ssl.SSLWantReadError:
                continue
            if not data:
                raise _Closed
            return data

    def _read_request(
        self, sock: socket.socket, buffer: bytes, addr: tuple[str, int], serial: int
    ) -> tuple[Request | None, bytes]:
        while b"\r\n\r\n" not in buffer:
            if len(buffer) > MAX_HEAD:
                return None, b""
            try:
                buffer += self._recv(sock)
            except _Closed:
                return None, b""
        head, buffer = buffer.split(b"\r\n\r\n", 1)
        arrived = time.monotonic()
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3:
            self._send(sock, b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            return None, b""
        headers: list[tuple[str, str]] = []
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers.append((name, value.strip()))
        request = Request(parts[0], parts[1], parts[2], headers, b"", b"", arrived, addr, serial)
        try:
            length = int(request.header("Content-Length") or 0)
        except ValueError:
            self._send(sock, b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            return None, b""
        while len(buffer) < length:
            buffer += self._recv(sock)
        request.body, buffer = buffer[:length], buffer[length:]
        request.raw = head + b"\r\n\r\n" + request.body
        return request, buffer

    def _lookup(self, request: Request) -> Route:
        route = self._routes.get(request.target) or self._routes.get(request.path)
        if route is None:
            route = self._folder_route(request.path)
        if route is None:
            return Route(status=404, body=NOT_FOUND_BODY)
        while route.handler is not None:
            route = route.handler(request)
        return route

    def _respond(self, sock: socket.socket, request: Request) -> bool:
        """Answer one request; False when the connection must end."""
        route = self._lookup(request)
        if route.hang:
            while not self._stop.wait(_POLL):
                pass
            return False
        if route.delay and self._stop.wait(route.delay):
            return False
        sent = bytearray()
        self._record_sent(request, sent)
        if route.raw is not None:
            self._send(sock, route.raw, sent)
            return False
        head, body = encode_response(route, request.method)
        self._send(sock, head, sent)
        if route.reset_after is not None:
            self._send_body(sock, body[: route.reset_after], route.drip, sent)
            self._reset(sock)
            return False
        self._send_body(sock, body, route.drip, sent)
        framing_lies = route.content_length is not None and route.content_length != len(body)
        wants_close = (request.header("Connection") or "").lower() == "close"
        return not (route.close or framing_lies or wants_close or request.version == "HTTP/1.0")

    def _record_sent(self, request: Request, data: bytearray) -> None:
        with self._lock:
            self._sent[request.target] = data
            self._sent[request.path] = data

    def _send(self, sock: socket.socket, data: bytes, sent: bytearray | None = None) -> None:
        """Send all of ``data``, recording it in ``sent`` *before* it goes out (and
        trimming what did not), so a client that has read a byte always finds it there."""
        view = memoryview(data)
        while view:
            if self._stop.is_set():
                raise _Closed
            if sent is not None:
                with self._lock:
                    sent += view
            try:
                n = sock.send(view)
            except (TimeoutError, ssl.SSLWantWriteError):
                n = 0
            except OSError:
                if sent is not None:
                    with self._lock:
                        del sent[len(sent) - len(view) :]
                raise
            if sent is not None and n < len(view):
                with self._lock:
                    del sent[len(sent) - (len(view) - n) :]
            view = view[n:]

    def _send_body(
        self, sock: socket.socket, body: bytes, drip: float | None, sent: bytearray
    ) -> None:
        if not drip:
            self._send(sock, body, sent)
            return
        for i in range(len(body)):
            if i and self._stop.wait(drip):
                raise _Closed
            self._send(sock, body[i : i + 1], sent)

    def _reset(self, sock: socket.socket) -> None:
        """Close with SO_LINGER 0, which makes the kernel send RST instead of FIN."""
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()

    def close(self) -> None:
        """Stop accepting, wake and end every connection thread, free the port."""
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._acceptor.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)


_CA: Any = None
_CA_LOCK = threading.Lock()


def _certificate_authority() -> Any:
    """One self-signed CA per process: key generation is the slow part of TLS setup."""
    global _CA
    with _CA_LOCK:
        if _CA is None:
            import trustme

            _CA = trustme.CA(key_type=trustme.KeyType.ECDSA)
        return _CA


class Web:
    """A set of hosts, one loopback address each, and a resolver map for their names."""

    def __init__(self, first_ip: str = "127.0.0.2") -> None:
        self._next_ip = ipaddress.IPv4Address(first_ip)
        self._hosts: dict[str, Host] = {}
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def _allocate_ip(self) -> str:
        while True:
            ip = self._next_ip
            self._next_ip += 1
            if ip not in ipaddress.IPv4Network("127.0.0.0/8"):
                raise RuntimeError("loopback addresses exhausted")
            last = int(ip) & 0xFF
            if last not in (0, 1, 255):
                return str(ip)

    def host(self, name: str, tls: bool = False, ip: str | None = None) -> Host:
        """The server for ``name``, started on first use on its own loopback address."""
        if name in self._hosts:
            return self._hosts[name]
        address = ip or self._allocate_ip()
        context = self._server_context(name, address) if tls else None
        host = Host(name, address, self._stop, context)
        self._hosts[name] = host
        return host

    @property
    def hosts(self) -> list[Host]:
        return list(self._hosts.values())

    def resolve_map(self) -> dict[str, str]:
        return {name: host.ip for name, host in self._hosts.items()}

    def refused_url(self, path: str = "/") -> str:
        """A URL where nothing listens: the port stays bound (never listening) until
        teardown, so no other server can take it and the kernel answers with RST."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self._held.append(sock)
        return f"http://127.0.0.1:{sock.getsockname()[1]}{path}"

    # ------------------------------------------------------------------ TLS

    def _server_context(self, name: str, ip: str) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        _certificate_authority().issue_cert(name, ip).configure_cert(context)
        return context

    @property
    def ca_pem(self) -> bytes:
        """The test CA in PEM: trust it to make TLS hosts verify."""
        return _certificate_authority().cert_pem.bytes()

    @property
    def ca_file(self) -> str:
        """Path of a file holding the test CA (for ``verify=`` options)."""
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="testweb-")
        path = os.path.join(self._tmp.name, "ca.pem")
        if not os.path.exists(path):
            with open(path, "wb") as handle:
                handle.write(self.ca_pem)
        return path

    def client_context(self) -> ssl.SSLContext:
        """A client SSL context that trusts the test CA."""
        context = ssl.create_default_context()
        _certificate_authority().configure_trust(context)
        return context

    # ------------------------------------------------------------------ teardown

    def close(self) -> None:
        self._stop.set()
        for host in self._hosts.values():
            host.close()
        for sock in self._held:
            sock.close()
        self._held.clear()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> Web:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Host", "Request", "Route", "Web", "encode_response"]
