"""Raw-byte recording at the transport seam.

A WARC response record must hold the HTTP message exactly as it crossed the wire:
status line, header order and case, chunked framing, content encoding. An HTTP client
hands back a parsed message, so the bytes are taken one level lower, where httpcore
reads and writes its network stream: ``RecordingBackend`` wraps httpcore's own network
backend, and each stream it opens copies what it writes and reads onto the ``Tape`` of
the exchange in progress.

The tape is found through a context variable rather than tied to a connection, because
a pooled connection serves many exchanges and the fetcher only learns which connection
the pool picked once the response has arrived. httpcore performs every read and write
in the task that sent the request, so the context variable always names the right tape.

The tape also enforces the fetcher's total per-exchange deadline: every connect, read
and write is given at most the time left, so a body that drips one byte per second is
cut at the deadline instead of resetting a read timeout forever.

Underneath sits ``AsyncioBackend``, httpcore's network backend written on asyncio's own
socket calls. httpcore's default anyio backend opens a cancel scope for every read and
write; at hundreds of pages a second on one core that bookkeeping was about a sixth of
the event loop. Here a read first tries the non-blocking socket and only arms a timeout
when it has to wait, which is the rare case on a fast link.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import re
import socket
import ssl
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream
from httpcore._utils import is_socket_readable

SPOOL_MEMORY = 1 << 20  # bodies larger than this go to a temporary file on disk

# h11 ends a head at the first blank line, with or without the carriage return.
_HEAD_END = re.compile(rb"\n\r?\n")

_current: ContextVar[Tape | None] = ContextVar("archiver_wire_tape", default=None)


class DeadlineExceeded(Exception):
    """Marker cause of a timeout raised because the exchange's total deadline passed."""


class Tape:
    """The bytes of one exchange: the request as sent, the response head and raw body.

    The body goes to a spooled temporary file as it arrives, up to ``limit`` bytes;
    past it the rest is dropped and ``cut`` is set, so a 5 GB body costs no memory.
    """

    def __init__(self, limit: int, deadline: float | None = None) -> None:
        self.sent = bytearray()
        self.head = b""  # the final response head, complete, as received
        self.informational: list[bytes] = []  # 1xx heads that came before it
        self.body = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY)  # noqa: SIM115
        self.body_size = 0
        self.limit = limit
        self.cut = False
        self.deadline = deadline  # time.monotonic() value, or None
        self.deadline_hit = False
        self.received = 0  # every byte read, head and body
        self.ip: str | None = None
        self.h2 = False  # the connection speaks HTTP/2: bytes are frames, not a message
        # The exception raised at the socket and its causes (socket.gaierror,
        # ssl.SSLError, ConnectionResetError ...), taken at once: httpcore's pool
        # re-raises with ``from None``, which wipes the cause off the same object.
        self.faults: list[BaseException] = []
        self._pending = bytearray()  # bytes of a head not yet complete
        self._scan = 0

    @property
    def head_done(self) -> bool:
        return bool(self.head)

    def partial(self) -> bytes:
        """Everything that arrived, for an answer the client rejected before its body was
        read (not-HTTP peers, malformed heads): at most one read of body, so small."""
        if not self.head:
            return b"".join(self.informational) + bytes(self._pending)
        self.body.seek(0)
        return b"".join(self.informational) + self.head + self.body.read()

    def feed(self, data: bytes) -> None:
        """Split HTTP/1 bytes read from the socket into head and raw body."""
        self.received += len(data)
        if self.head:
            self.add_body(data)
            return
        self._pending += data
        while True:
            match = _HEAD_END.search(self._pending, self._scan)
            if match is None:
                self._scan = max(0, len(self._pending) - 2)
                return
            end = match.end()
            head = bytes(self._pending[:end])
            rest = bytes(self._pending[end:])
            self._pending = bytearray()
            self._scan = 0
            if _is_informational(head):
                # 103 Early Hints and the like: the client skips them, and so does the
                # response record, whose head must be the final one to parse at all.
                self.informational.append(head)
                self._pending += rest
                continue
            self.head = head
            if rest:
                self.add_body(rest)
            return

    def add_body(self, data: bytes) -> None:
        if self.cut:
            return
        room = self.limit - self.body_size
        if len(data) > room:
            data = data[:room]
            self.cut = True
        if data:
            self.body.write(data)
            self.body_size += len(data)

    def time_left(self, timeout: float | None) -> tuple[float | None, bool]:
        """The timeout to use for one operation and whether the deadline is what limits it."""
        if self.deadline is None:
            return timeout, False
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.deadline_hit = True
            return 0.0, True
        if timeout is None or left < timeout:
            return left, True
        return timeout, False


def _is_informational(head: bytes) -> bool:
    parts = head.split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/"):
        return False
    code = parts[1][:3]
    return code.startswith(b"1") and code != b"101"


@contextlib.contextmanager
def recording(tape: Tape) -> Iterator[Tape]:
    """Route every byte the current task moves through a recording stream onto ``tape``."""
    token = _current.set(tape)
    try:
        yield tape
    finally:
        _current.reset(token)


class RecordingStream(AsyncNetworkStream):
    """A network stream that copies its traffic onto the current exchange's tape."""

    def __init__(self, inner: AsyncNetworkStream, ip: str | None, h2: bool = False) -> None:
        self._inner = inner
        self.ip = ip
        self.h2 = h2

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        tape = _current.get()
        if tape is None:
            return await self._inner.read(max_bytes, timeout)
        timeout, limited = tape.time_left(timeout)
        if timeout == 0.0 and limited:
            raise httpcore.ReadTimeout("total time limit reached") from DeadlineExceeded()
        try:
            data = await self._inner.read(max_bytes, timeout)
        except Exception as exc:
            _note_fault(tape, exc, limited)
            raise
        if tape.ip is None:
            tape.ip = self.ip
        if self.h2:
            tape.h2 = True
            tape.received += len(data)
        else:
            tape.feed(data)
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        tape = _current.get()
        if tape is None:
            await self._inner.write(buffer, timeout)
            return
        timeout, limited = tape.time_left(timeout)
        if timeout == 0.0 and limited:
            raise httpcore.WriteTimeout("total time limit reached") from DeadlineExceeded()
        tape.ip = self.ip
        if self.h2:
            tape.h2 = True
        else:
            tape.sent += buffer
        try:
            await self._inner.write(buffer, timeout)
        except Exception as exc:
            _note_fault(tape, exc, limited)
            raise

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> AsyncNetworkStream:
        tape = _current.get()
        limited = False
        if tape is not None:
            timeout, limited = tape.time_left(timeout)
        try:
            inner = await self._inner.start_tls(ssl_context, server_hostname, timeout)
        except Exception as exc:
            _note_fault(tape, exc, limited)
            raise
        ssl_object = inner.get_extra_info("ssl_object")
        h2 = ssl_object is not None and ssl_object.selected_alpn_protocol() == "h2"
        return RecordingStream(inner, self.ip, h2=h2)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class RecordingBackend(AsyncNetworkBackend):
    """httpcore's network backend with recording streams and an optional resolver map.

    ``resolve`` maps host names to addresses used instead of DNS (like curl --resolve);
    with ``resolve_only`` every other name fails as NXDOMAIN without asking a resolver,
    which lets tests show DNS failures on a machine with no network.
    """

    def __init__(
        self,
        inner: AsyncNetworkBackend | None = None,
        resolve: dict[str, str] | None = None,
        resolve_only: bool = False,
    ) -> None:
        self._inner = inner or AsyncioBackend()
        self._resolve = {k.lower(): v for k, v in (resolve or {}).items()}
        self._resolve_only = resolve_only

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        tape = _current.get()
        limited = False
        if tape is not None:
            timeout, limited = tape.time_left(timeout)
        target = self._resolve.get(host.lower().rstrip("."))
        try:
            if target is None:
                if self._resolve_only and not _is_ip(host):
                    error = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
                    raise httpcore.ConnectError(f"{host}: {error.strerror}") from error
                target = host
            inner = await self._inner.connect_tcp(
                target, port, timeout=timeout, local_address=local_address,
                socket_options=socket_options,
            )  # fmt: skip
        except Exception as exc:
            _note_fault(tape, exc, limited)
            raise
        peer = inner.get_extra_info("server_addr")
        ip = peer[0] if isinstance(peer, tuple) and peer else target
        return RecordingStream(inner, ip)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        inner = await self._inner.connect_unix_socket(path, timeout, socket_options)
        return RecordingStream(inner, None)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class AsyncioStream(AsyncNetworkStream):
    """A plain TCP connection: reads and writes straight on the non-blocking socket."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._loop = asyncio.get_running_loop()

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self._sock.recv(max_bytes)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            raise httpcore.ReadError(str(exc) or type(exc).__name__) from exc
        try:
            async with asyncio.timeout(timeout):
                return await self._loop.sock_recv(self._sock, max_bytes)
        except TimeoutError as exc:
            raise httpcore.ReadTimeout("timed out") from exc
        except OSError as exc:
            raise httpcore.ReadError(str(exc) or type(exc).__name__) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            sent = self._sock.send(buffer)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError as exc:
            raise httpcore.WriteError(str(exc) or type(exc).__name__) from exc
        if sent == len(buffer):
            return
        try:
            async with asyncio.timeout(timeout):
                await self._loop.sock_sendall(self._sock, memoryview(buffer)[sent:])
        except TimeoutError as exc:
            raise httpcore.WriteTimeout("timed out") from exc
        except OSError as exc:
            raise httpcore.WriteError(str(exc) or type(exc).__name__) from exc

    async def aclose(self) -> None:
        self._sock.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    sock=self._sock, ssl=ssl_context, server_hostname=server_hostname
                )
        except TimeoutError as exc:
            self._sock.close()
            raise httpcore.ConnectTimeout("TLS handshake timed out") from exc
        except (OSError, EOFError) as exc:  # ssl.SSLError is an OSError
            self._sock.close()
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        return AsyncioTLSStream(reader, writer)

    def get_extra_info(self, info: str) -> Any:
        return _socket_info(self._sock, info)


class AsyncioTLSStream(AsyncNetworkStream):
    """A TLS connection on asyncio's SSL transport (its reader and writer)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)
        except TimeoutError as exc:
            raise httpcore.ReadTimeout("timed out") from exc
        except OSError as exc:
            raise httpcore.ReadError(str(exc) or type(exc).__name__) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            async with asyncio.timeout(timeout):
                self._writer.write(buffer)
                await self._writer.drain()
        except TimeoutError as exc:
            raise httpcore.WriteTimeout("timed out") from exc
        except OSError as exc:
            raise httpcore.WriteError(str(exc) or type(exc).__name__) from exc

    async def aclose(self) -> None:
        self._writer.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> AsyncNetworkStream:
        raise httpcore.ConnectError("TLS inside TLS is not supported")

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object":
            return self._writer.get_extra_info("ssl_object")
        sock = self._writer.get_extra_info("socket")
        return None if sock is None else _socket_info(sock, info)


def _socket_info(sock: Any, info: str) -> Any:
    if info == "socket":
        return sock
    if info == "client_addr":
        return sock.getsockname()
    if info == "server_addr":
        return sock.getpeername()
    if info == "is_readable":
        return is_socket_readable(sock)
    return None


class AsyncioBackend(AsyncNetworkBackend):
    """httpcore's network backend on asyncio sockets, without anyio in between."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                if _is_ip(host):
                    host = host.strip("[]")
                    family = socket.AF_INET6 if ":" in host else socket.AF_INET
                    targets = [(family, (host, port))]
                else:
                    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
                    targets = [(info[0], info[4]) for info in infos]
                error: OSError | None = None
                for family, address in targets:
                    sock = socket.socket(family, socket.SOCK_STREAM)
                    try:
                        sock.setblocking(False)
                        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                        for option in socket_options or ():
                            sock.setsockopt(*option)
                        if local_address is not None:
                            sock.bind((local_address, 0))
                        await loop.sock_connect(sock, address)
                    except OSError as exc:
                        sock.close()
                        error = exc
                        continue
                    except BaseException:
                        sock.close()
                        raise
                    return AsyncioStream(sock)
                raise error or OSError(f"no address for {host}")
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout("connect timed out") from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            for option in socket_options or ():
                sock.setsockopt(*option)
            async with asyncio.timeout(timeout):
                await loop.sock_connect(sock, path)
        except TimeoutError as exc:
            sock.close()
            raise httpcore.ConnectTimeout("connect timed out") from exc
        except OSError as exc:
            sock.close()
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        return AsyncioStream(sock)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def _note_fault(tape: Tape | None, exc: BaseException, limited: bool) -> None:
    if tape is None:
        return
    tape.faults = causes(exc)
    if limited and isinstance(exc, httpcore.TimeoutException):
        tape.deadline_hit = True


def causes(exc: BaseException) -> list[BaseException]:
    """The exception's causes, innermost first, then the exception (groups unpacked)."""
    found: list[BaseException] = []
    stack = [exc]
    while stack and len(found) < 32:
        current = stack.pop()
        if any(current is seen for seen in found):
            continue
        found.append(current)
        if isinstance(current, BaseExceptionGroup):
            stack.extend(current.exceptions)
        for nxt in (current.__cause__, current.__context__):
            if nxt is not None:
                stack.append(nxt)
    return found[1:] + found[:1]


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
