"""The asyncio network backend on its own: bytes, timeouts, errors and TLS on real sockets."""

from __future__ import annotations

import asyncio
import socket
import ssl
from urllib.parse import urlsplit

import httpcore
import pytest

from archiver.wire import AsyncioBackend, RecordingBackend, Tape, recording
from tests.web import Web

REQUEST = b"GET /x HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n"


async def _read_all(stream: httpcore.AsyncNetworkStream, size: int = 7) -> bytes:
    """Small reads on purpose, so a message spans many of them."""
    chunks = []
    while chunk := await stream.read(size, timeout=5):
        chunks.append(chunk)
    return b"".join(chunks)


def test_plain_stream_moves_exact_bytes_both_ways(web: Web) -> None:
    a = web.host("a.test")
    a.route("/x", body=b"\x00\xffbody bytes" * 50, chunked=True, chunk_size=33)

    async def run() -> tuple[bytes, object, object]:
        stream = await AsyncioBackend().connect_tcp(a.ip, a.port, timeout=5)
        try:
            await stream.write(REQUEST, timeout=5)
            data = await _read_all(stream)
            return data, stream.get_extra_info("server_addr"), stream.get_extra_info("socket")
        finally:
            await stream.aclose()

    data, peer, sock = asyncio.run(run())
    assert data == a.sent("/x")
    assert a.log[-1].raw == REQUEST
    assert peer == (a.ip, a.port)
    assert isinstance(sock, socket.socket)


def test_large_write_is_sent_whole(web: Web) -> None:
    a = web.host("a.test")
    a.route("/x", body=b"ok")
    body = bytes(range(256)) * 16_384  # 4 MiB: more than one socket buffer
    head = b"POST /x HTTP/1.1\r\nHost: a.test\r\nContent-Length: %d\r\n\r\n" % len(body)

    async def run() -> bytes:
        stream = await AsyncioBackend().connect_tcp(a.ip, a.port, timeout=5)
        try:
            await stream.write(head + body, timeout=10)
            return await stream.read(65536, timeout=10)
        finally:
            await stream.aclose()

    answer = asyncio.run(run())
    assert answer.startswith(b"HTTP/1.1 200")
    assert a.log[-1].raw == head + body


def test_read_timeout_on_a_silent_server(web: Web) -> None:
    a = web.host("a.test")
    a.route("/x", hang=True)

    async def run() -> BaseException:
        stream = await AsyncioBackend().connect_tcp(a.ip, a.port, timeout=5)
        try:
            await stream.write(REQUEST, timeout=5)
            with pytest.raises(httpcore.ReadTimeout) as caught:
                await stream.read(100, timeout=0.2)
            return caught.value
        finally:
            await stream.aclose()

    error = asyncio.run(run())
    assert isinstance(error.__cause__, TimeoutError)


def test_reset_is_a_read_error_caused_by_the_reset(web: Web) -> None:
    a = web.host("a.test")
    a.route("/x", body=b"x" * 200_000, reset_after=10)

    async def run() -> tuple[bytes, BaseException | None]:
        stream = await AsyncioBackend().connect_tcp(a.ip, a.port, timeout=5)
        got = bytearray()
        try:
            await stream.write(REQUEST, timeout=5)
            while chunk := await stream.read(65536, timeout=5):
                got += chunk
        except httpcore.ReadError as exc:
            return bytes(got), exc
        finally:
            await stream.aclose()
        return bytes(got), None

    got, error = asyncio.run(run())
    assert error is not None
    assert isinstance(error.__cause__, ConnectionResetError)
    assert got.startswith(b"HTTP/1.1 200")


def test_refused_connection_keeps_its_cause(web: Web) -> None:
    parts = urlsplit(web.refused_url())

    async def run() -> BaseException:
        with pytest.raises(httpcore.ConnectError) as caught:
            await AsyncioBackend().connect_tcp(parts.hostname or "", parts.port or 0, timeout=5)
        return caught.value

    error = asyncio.run(run())
    assert isinstance(error.__cause__, ConnectionRefusedError)


def test_connect_by_name_resolves(web: Web) -> None:
    a = web.host("a.test", ip="127.0.0.1")
    a.route("/x", body=b"named")

    async def run() -> bytes:
        stream = await AsyncioBackend().connect_tcp("localhost", a.port, timeout=5)
        try:
            await stream.write(REQUEST, timeout=5)
            return await _read_all(stream)
        finally:
            await stream.aclose()

    assert asyncio.run(run()) == a.sent("/x")


def test_is_readable_once_the_server_closed(web: Web) -> None:
    a = web.host("a.test")
    a.route("/x", body=b"bye", close=True)

    async def run() -> tuple[bool, bool]:
        stream = await AsyncioBackend().connect_tcp(a.ip, a.port, timeout=5)
        try:
            before = stream.get_extra_info("is_readable")
            await stream.write(REQUEST, timeout=5)
            await _read_all(stream)
            return before, stream.get_extra_info("is_readable")
        finally:
            await stream.aclose()

    before, after = asyncio.run(run())
    assert before is False and after is True


def test_tls_with_the_test_ca_and_without(web: Web) -> None:
    s = web.host("s.test", tls=True)
    s.route("/x", body=b"secret page")
    trusted = ssl.create_default_context(cafile=web.ca_file)
    untrusted = ssl.create_default_context()
    untrusted.load_verify_locations(cadata=_unrelated_ca())

    async def run() -> tuple[bytes, object]:
        backend = AsyncioBackend()
        plain = await backend.connect_tcp(s.ip, s.port, timeout=5)
        with pytest.raises(httpcore.ConnectError) as caught:
            await plain.start_tls(untrusted, server_hostname="s.test", timeout=5)
        assert isinstance(caught.value.__cause__, ssl.SSLError)
        plain = await backend.connect_tcp(s.ip, s.port, timeout=5)
        stream = await plain.start_tls(trusted, server_hostname="s.test", timeout=5)
        try:
            await stream.write(REQUEST.replace(b"a.test", b"s.test"), timeout=5)
            return await _read_all(stream), stream.get_extra_info("ssl_object")
        finally:
            await stream.aclose()

    data, ssl_object = asyncio.run(run())
    assert data == s.sent("/x")
    assert isinstance(ssl_object, ssl.SSLObject)


def _unrelated_ca() -> str:
    import trustme

    return trustme.CA().cert_pem.bytes().decode()


def test_recording_backend_uses_it_by_default(web: Web) -> None:
    a = web.host("a.test")
    a.route("/x", body=b"abc" * 1000, gzip=True)

    async def run() -> Tape:
        backend = RecordingBackend(resolve={"a.test": a.ip})
        assert isinstance(backend._inner, AsyncioBackend)
        async with httpcore.AsyncConnectionPool(network_backend=backend) as pool:
            tape = Tape(limit=1 << 20)
            with recording(tape):
                await pool.request("GET", a.named_url("/x"))
            return tape

    tape = asyncio.run(run())
    tape.body.seek(0)
    assert tape.head + tape.body.read() == a.sent("/x")
    assert bytes(tape.sent) == a.log[-1].raw
