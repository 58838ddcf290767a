"""The fetcher: every link into recorded HTTP exchanges, fast and without losing anything.

Shape of a run: ``concurrency`` worker tasks on one event loop, each owning its own
httpcore connection pool (one shared pool slows down as concurrency grows, measured at
about half the pages/s of a pool per worker), pull links from a queue interleaved by
host. httpcore rather than httpx's client on top of it: archiver follows redirects,
keeps raw bytes and decodes nothing, so httpx's extra layer is pure per-request cost
(about 2x in a loopback micro-benchmark).

Each request is an ``Exchange`` of raw bytes taken at the transport seam (see wire.py)
and handed to ``write`` at once; retries and redirect hops are exchanges too, so the
archive holds every attempt. Faults end as an error class on the Capture, never as an
exception out of ``capture_all``.
"""

from __future__ import annotations

import asyncio
import email.utils
import http
import random
import socket
import ssl
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore

from archiver import USER_AGENT, robots
from archiver.model import Attempt, Capture, Exchange, Hop, RecordRef
from archiver.wire import RecordingBackend, Tape, causes, recording

Refs = tuple[RecordRef | None, RecordRef | None]
# A writer returns the records it wrote, or an awaitable of them: the snapshot pipeline
# writes on a thread of its own, and the worker task waits for its refs while others fetch.
Writer = Callable[[Exchange], Refs | Awaitable[Refs]]

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# Errors that say nothing about the page and often pass; dns (NXDOMAIN), tls and
# not-http are answers, and asking again would only get the same one.
RETRY_ERRORS = frozenset(
    {"refused", "reset", "connect-timeout", "timeout", "unreachable", "dns-temporary"}
)
ACCEPT = b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass
class FetchOptions:
    """Everything that governs fetching; written into warcinfo by the caller."""

    concurrency: int = 16  # exchanges in flight at once, all hosts together
    per_host: int = 2  # exchanges in flight at once to one host name
    delay: float = 0.0  # seconds between the starts of two requests to one host
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # longest silence while reading
    total_timeout: float = 120.0  # whole exchange; a dripping body is cut here
    max_redirects: int = 10
    retries: int = 3  # further attempts after the first
    backoff: float = 1.0  # first back-off in seconds, doubled each retry, with jitter
    retry_after_cap: float = 60.0  # a longer Retry-After ends the retries instead
    max_body: int = 200 * 1024 * 1024  # raw bytes kept per response
    user_agent: str = USER_AGENT
    accept_encoding: str = "gzip, deflate"
    insecure: bool = False  # capture despite certificate errors
    ca_file: str | None = None  # PEM bundle to trust instead of the usual roots
    respect_robots: bool = False
    http2: bool = True  # over TLS where the server offers it (ALPN)
    resolve: dict[str, str] | None = None  # host name -> IP, used instead of DNS
    resolve_only: bool = False  # names not in ``resolve`` fail as NXDOMAIN


# --------------------------------------------------------------------------- public API


async def capture_all(
    urls: list[str],
    options: FetchOptions,
    write: Writer,
    on_progress: Callable[[Capture], None] | None = None,
) -> AsyncIterator[Capture]:
    """Capture every URL, yielding each Capture as soon as it is complete."""
    run = _Run(options, write)
    queue: deque[str] = deque(_interleave_by_host(urls))
    workers = max(1, min(options.concurrency, len(queue)))
    # Bounded: a consumer slower than the fetchers (text extraction) holds them back
    # instead of letting finished captures pile up in memory.
    done: asyncio.Queue[Capture | BaseException] = asyncio.Queue(workers)

    async def worker() -> None:
        pool = run.new_pool()
        try:
            while queue:
                url = queue.popleft()
                capture = await run.capture(pool, url)
                if on_progress is not None:
                    on_progress(capture)
                await done.put(capture)
        except Exception as exc:  # the writer failed: stop the run, say why
            await done.put(exc)
        finally:
            await pool.aclose()

    tasks = [asyncio.create_task(worker()) for _ in range(workers if queue else 0)]
    try:
        for _ in range(len(urls)):
            item = await done.get()
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def capture_urls(urls: list[str], options: FetchOptions, write: Writer) -> list[Capture]:
    """Synchronous convenience: capture all URLs, return the captures in completion order."""

    async def collect() -> list[Capture]:
        return [capture async for capture in capture_all(urls, options, write)]

    return asyncio.run(collect())


def no_write(exchange: Exchange) -> tuple[RecordRef | None, RecordRef | None]:
    """A writer that keeps nothing, for dry runs and measurements."""
    return None, None


# --------------------------------------------------------------------------- the run


@dataclass
class _Host:
    """Politeness state of one host name."""

    slots: asyncio.Semaphore
    next_start: float = 0.0


@dataclass
class _Outcome:
    """What one exchange told the fetcher, beside the Exchange handed to the writer."""

    exchange: Exchange
    hop: Hop
    location: str | None = None
    retry_after: float | None = None
    set_cookies: list[str] | None = None


class _Run:
    """Shared state of one capture run: options, writer, hosts, TLS context, backend."""

    def __init__(self, options: FetchOptions, write: Writer) -> None:
        self.options = options
        self.write = write
        self.hosts: dict[str, _Host] = {}
        self.ssl_context = _ssl_context(options.insecure, options.ca_file)
        self.backend = RecordingBackend(resolve=options.resolve, resolve_only=options.resolve_only)
        self.http2 = options.http2 and _h2_available()
        self.timeouts = {
            "connect": options.connect_timeout,
            "read": options.read_timeout,
            "write": options.read_timeout,
            "pool": options.total_timeout,
        }
        self.base_headers = [
            (b"User-Agent", options.user_agent.encode()),
            (b"Accept", ACCEPT),
            (b"Accept-Encoding", options.accept_encoding.encode()),
        ]
        self.robots: dict[str, RobotFileParser] = {}
        self.robots_locks: dict[str, asyncio.Lock] = {}

    def new_pool(self) -> httpcore.AsyncConnectionPool:
        return httpcore.AsyncConnectionPool(
            ssl_context=self.ssl_context,
            max_connections=8,
            max_keepalive_connections=8,
            keepalive_expiry=5.0,
            http1=True,
            http2=self.http2,
            retries=0,
            network_backend=self.backend,
        )

    # ----------------------------------------------------------------- one link

    async def capture(self, pool: httpcore.AsyncConnectionPool, url: str) -> Capture:
        started = time.monotonic()
        capture = Capture(url=url, started=_iso_now())
        try:
            await self._follow(pool, capture)
        except Exception as exc:  # a fault this module did not foresee: record it
            if isinstance(exc, WriterError):
                raise exc.__cause__ from None  # type: ignore[misc]
            capture.error = capture.error or "protocol"
            capture.error_detail = capture.error_detail or f"{type(exc).__name__}: {exc}"
        capture.elapsed = time.monotonic() - started
        return capture

    async def _follow(self, pool: httpcore.AsyncConnectionPool, capture: Capture) -> None:
        """Fetch the URL and every redirect after it, hop by hop."""
        options = self.options
        url = _strip_fragment(capture.url)
        cookies: dict[str, dict[str, str]] = {}
        seen: set[tuple[str, str]] = set()
        redirects = 0
        while True:
            host = (urlsplit(url).hostname or "").lower()
            cookie = "; ".join(f"{k}={v}" for k, v in cookies.get(host, {}).items())
            seen.add((url, cookie))
            if options.respect_robots and not await self._robots_allow(pool, url):
                await self._refused_by_robots(capture, url)
                return
            outcome = await self._attempts(pool, url, cookie, capture)
            hop = outcome.hop
            capture.hops.append(hop)
            if outcome.exchange.error:
                capture.error = outcome.exchange.error
                capture.error_detail = outcome.exchange.error_detail
            if outcome.set_cookies:
                jar = cookies.setdefault(host, {})
                for line in outcome.set_cookies:
                    name, _, value = line.split(";", 1)[0].partition("=")
                    if name.strip():
                        jar[name.strip()] = value.strip()
            target = outcome.location
            follow = (
                target is not None
                and hop.status in REDIRECTS
                and urlsplit(target).scheme in ("http", "https")
            )
            if not follow:
                capture.body = outcome.exchange.body
                capture.head = outcome.exchange.response_head
                return
            _close(outcome.exchange)
            assert target is not None
            target = _strip_fragment(target)
            next_host = (urlsplit(target).hostname or "").lower()
            next_cookie = "; ".join(f"{k}={v}" for k, v in cookies.get(next_host, {}).items())
            if (target, next_cookie) in seen:
                capture.error = "redirect-loop"
                capture.error_detail = f"{url} redirects back to {target}"
                return
            if redirects >= options.max_redirects:
                capture.error = "too-many-redirects"
                capture.error_detail = f"more than {options.max_redirects} redirects"
                return
            redirects += 1
            url = target

    async def _write(self, exchange: Exchange) -> Refs:
        """Hand an exchange to the writer; its failure is the run's, never the page's."""
        try:
            refs = self.write(exchange)
            if not isinstance(refs, tuple):
                refs = await refs
        except Exception as exc:
            raise WriterError() from exc
        return refs

    async def _refused_by_robots(self, capture: Capture, url: str) -> None:
        """Record the refusal like any failure, so the archive alone can tell why."""
        detail = f"robots.txt disallows {url}"
        exchange = Exchange(url, datetime.now(UTC), b"", b"", None, error="robots")
        exchange.error_detail = detail
        hop = Hop(url=url, status=None)
        hop.record, hop.revisit_of = await self._write(exchange)
        capture.hops.append(hop)
        capture.attempts.append(Attempt(len(capture.attempts) + 1, "robots", 0.0))
        capture.error, capture.error_detail = "robots", detail

    async def _attempts(
        self, pool: httpcore.AsyncConnectionPool, url: str, cookie: str, capture: Capture
    ) -> _Outcome:
        """Try one hop until it gives an answer worth keeping or the retries run out."""
        try_number = 0
        while True:
            try_number += 1
            outcome = await self._exchange(pool, url, cookie, try_number)
            exchange = outcome.exchange
            result = exchange.error or str(exchange.status)
            attempt = Attempt(len(capture.attempts) + 1, result, exchange.elapsed)
            capture.attempts.append(attempt)
            wait = self._retry_wait(outcome, try_number)
            if wait is not None:
                attempt.wait = wait
            try:
                record, revisit_of = await self._write(exchange)
            except WriterError:
                _close(exchange)
                raise
            outcome.hop.record, outcome.hop.revisit_of = record, revisit_of
            if exchange.body is not None:
                exchange.body.seek(0)
            if wait is None:
                return outcome
            _close(exchange)
            await asyncio.sleep(wait)

    def _retry_wait(self, outcome: _Outcome, try_number: int) -> float | None:
        """Seconds to wait before trying again, or None when this answer is final."""
        options = self.options
        exchange = outcome.exchange
        retryable = (exchange.error in RETRY_ERRORS and not exchange.response_head) or (
            exchange.status in RETRY_STATUSES and exchange.truncated is None
        )
        if not retryable or try_number > options.retries:
            return None
        if outcome.retry_after is not None:
            if outcome.retry_after > options.retry_after_cap:
                return None  # the server asks for longer than this run will wait
            return outcome.retry_after
        step = options.backoff * 2 ** (try_number - 1)
        return step / 2 + random.uniform(0, step / 2)

    # ----------------------------------------------------------------- one exchange

    async def _exchange(
        self, pool: httpcore.AsyncConnectionPool, url: str, cookie: str, try_number: int
    ) -> _Outcome:
        options = self.options
        date = datetime.now(UTC)
        started = time.monotonic()
        exchange = Exchange(
            url=url, date=date, request=b"", response_head=b"", body=None, attempt=try_number
        )
        try:
            request = self._request(url, cookie)
        except ValueError as exc:
            exchange.error, exchange.error_detail = "invalid-url", str(exc)
            return _Outcome(exchange, Hop(url=url, status=None))
        host = self._host(request.url.host.decode("ascii"))
        await host.slots.acquire()
        try:
            if options.delay > 0:
                # Reserve a start time before sleeping, so two waiting tasks never
                # wake to the same one.
                now = time.monotonic()
                start = max(now, host.next_start)
                host.next_start = start + options.delay
                if start > now:
                    await asyncio.sleep(start - now)
            exchange.date = datetime.now(UTC)
            started = time.monotonic()
            tape = Tape(options.max_body, started + options.total_timeout)
            with recording(tape):
                outcome = await self._transfer(pool, request, tape, exchange)
        finally:
            host.slots.release()
        exchange.elapsed = outcome.hop.elapsed = time.monotonic() - started
        return outcome

    async def _transfer(
        self,
        pool: httpcore.AsyncConnectionPool,
        request: httpcore.Request,
        tape: Tape,
        exchange: Exchange,
    ) -> _Outcome:
        """Send one request and stream its response onto the tape; classify any fault."""
        try:
            response = await pool.handle_async_request(request)
        except Exception as exc:
            return self._failed(request, tape, exchange, exc)
        truncated: str | None = None
        detail = ""
        h2 = response.extensions.get("http_version") == b"HTTP/2"
        try:
            async for chunk in response.aiter_stream():  # type: ignore[union-attr]
                if h2:
                    tape.add_body(chunk)
                if tape.cut:
                    break
        except httpcore.TimeoutException as exc:
            truncated = "time"
            detail = _describe(exc, tape)
        except (httpcore.NetworkError, httpcore.ProtocolError) as exc:
            truncated = "disconnect"
            detail = f"connection ended after {tape.body_size} body bytes: {_describe(exc, tape)}"
        finally:
            await response.aclose()
        if tape.cut:
            truncated = "length"
            detail = f"body cut at {tape.limit} bytes"
        return self._answered(request, response, tape, exchange, truncated, detail, h2)

    def _answered(
        self,
        request: httpcore.Request,
        response: httpcore.Response,
        tape: Tape,
        exchange: Exchange,
        truncated: str | None,
        detail: str,
        h2: bool,
    ) -> _Outcome:
        reason = response.extensions.get("reason_phrase", b"").decode("latin-1")
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers]
        if h2 or not tape.head:
            reason = reason or _phrase(response.status)
            exchange.request = _rebuild_request(request)
            exchange.response_head = _rebuild_head(response.status, reason, headers)
            exchange.http_version = "HTTP/2" if h2 else "HTTP/1.1"
        else:
            exchange.request = bytes(tape.sent)
            exchange.response_head = tape.head
        tape.body.seek(0)
        exchange.body = tape.body
        exchange.body_size = tape.body_size
        exchange.ip = tape.ip
        exchange.status = response.status
        exchange.reason = reason
        exchange.headers = headers
        exchange.truncated = truncated
        exchange.error_detail = detail
        location = retry_after = None
        content_type = ""
        set_cookies: list[str] = []
        for name, value in headers:
            lower = name.lower()
            if lower == "location" and location is None:
                location = urljoin(exchange.url, value.strip())
            elif lower == "content-type" and not content_type:
                content_type = value.strip()
            elif lower == "retry-after" and retry_after is None:
                retry_after = _parse_retry_after(value)
            elif lower == "set-cookie":
                set_cookies.append(value)
        hop = Hop(
            url=exchange.url,
            status=response.status,
            reason=reason,
            location=location,
            content_type=content_type,
            size=tape.body_size,
            truncated=truncated,
            ip=tape.ip,
        )
        return _Outcome(exchange, hop, location, retry_after, set_cookies)

    def _failed(
        self, request: httpcore.Request, tape: Tape, exchange: Exchange, exc: Exception
    ) -> _Outcome:
        """No usable response: record the error and whatever bytes did cross the wire."""
        error = _classify(exc, tape)
        partial = tape.partial()
        exchange.request = bytes(tape.sent)
        exchange.ip = tape.ip
        exchange.error = error
        exchange.error_detail = _describe(exc, tape)
        if partial:
            # Bytes arrived but no HTTP message: keep them as they came.
            if not _looks_like_http(partial):
                exchange.error = "not-http"
                exchange.error_detail = f"peer sent {len(partial)} bytes that are not HTTP"
            tape.body.seek(0)
            tape.body.truncate()
            tape.body.write(partial)
            tape.body.seek(0)
            exchange.body = tape.body
            exchange.body_size = len(partial)
            exchange.not_http = True
        else:
            tape.body.close()
        return _Outcome(exchange, Hop(url=exchange.url, status=None, ip=tape.ip))

    # ----------------------------------------------------------------- helpers

    def _request(self, url: str, cookie: str) -> httpcore.Request:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise ValueError(f"cannot fetch a {scheme or 'scheme-less'} URL")
        host = parts.hostname
        if not host:
            raise ValueError("no host in URL")
        try:
            port = parts.port
        except ValueError as exc:
            raise ValueError(f"bad port: {exc}") from exc
        try:
            host_ascii = host.encode("ascii")
        except UnicodeEncodeError:
            host_ascii = host.encode("idna")
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if any(c in target for c in " \r\n\t"):
            raise ValueError("URL holds whitespace")
        default = 443 if scheme == "https" else 80
        authority = host_ascii if ":" not in host else b"[" + host_ascii + b"]"
        if port and port != default:
            authority += b":%d" % port
        headers = [(b"Host", authority), *self.base_headers]
        if cookie:
            headers.append((b"Cookie", cookie.encode("latin-1", "replace")))
        return httpcore.Request(
            b"GET",
            httpcore.URL(
                scheme=scheme.encode(),
                host=host_ascii,
                port=port,
                target=target.encode("ascii", "strict"),
            ),
            headers=headers,
            extensions={"timeout": self.timeouts},
        )

    def _host(self, name: str) -> _Host:
        host = self.hosts.get(name)
        if host is None:
            host = self.hosts[name] = _Host(asyncio.Semaphore(self.options.per_host))
        return host

    async def _robots_allow(self, pool: httpcore.AsyncConnectionPool, url: str) -> bool:
        return await robots.allowed(self, pool, url)


class WriterError(Exception):
    """Carries an exception of the writer through the fault handling, which must not eat it."""


def _close(exchange: Exchange) -> None:
    if exchange.body is not None:
        exchange.body.close()
        exchange.body = None


def _classify(exc: BaseException, tape: Tape) -> str:
    """The error class (model.py) of an exception raised before a response head arrived."""
    if tape.deadline_hit:
        return "timeout"
    if isinstance(exc, httpcore.ConnectTimeout):
        return "connect-timeout"
    if isinstance(exc, httpcore.TimeoutException):
        return "timeout"
    if isinstance(exc, httpcore.UnsupportedProtocol | httpcore.LocalProtocolError):
        return "invalid-url"
    for cause in [*tape.faults, *causes(exc)]:
        if isinstance(cause, socket.gaierror):
            if cause.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
                return "dns"
            return "dns-temporary"
        if isinstance(cause, ssl.SSLError | ssl.CertificateError):
            return "tls"
        if isinstance(cause, ConnectionRefusedError):
            return "refused"
        if isinstance(cause, ConnectionResetError | BrokenPipeError | ConnectionAbortedError):
            return "reset"
        if isinstance(cause, OSError) and cause.errno is not None:
            return "unreachable"
    if isinstance(exc, httpcore.RemoteProtocolError):
        if not tape.received:
            return "reset"  # closed without a byte of answer
        return "protocol"
    if isinstance(exc, httpcore.ConnectError):
        return "unreachable"
    if isinstance(exc, httpcore.ReadError | httpcore.WriteError):
        return "reset"
    return "protocol"


def _describe(exc: BaseException, tape: Tape) -> str:
    if tape.deadline_hit:
        return "total time limit reached"
    text = str(exc) or type(exc).__name__
    for cause in [*tape.faults[:-1], *causes(exc)[:-1]]:
        if str(cause) and str(cause) not in text:
            text += f" ({cause})"
            break
    return text


def _looks_like_http(data: bytes) -> bool:
    """Whether bytes begin like an HTTP/1 status line (a cut or malformed one counts)."""
    prefix = data[:5]
    return b"HTTP/".startswith(prefix) if len(prefix) < 5 else prefix == b"HTTP/"


def _rebuild_request(request: httpcore.Request) -> bytes:
    """An HTTP/1.1-style request head for exchanges whose wire bytes are not HTTP/1."""
    lines = [b"%s %s HTTP/1.1" % (request.method, request.url.target)]
    lines += [k + b": " + v for k, v in request.headers]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def _rebuild_head(status: int, reason: str, headers: list[tuple[str, str]]) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}".rstrip()]
    lines += [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _parse_retry_after(value: str) -> float | None:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _strip_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _iso_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _interleave_by_host(urls: list[str]) -> list[str]:
    """Round-robin over hosts so the per-host limit does not hold up the other hosts."""
    by_host: dict[str, deque[str]] = {}
    for url in urls:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            host = ""
        by_host.setdefault(host, deque()).append(url)
    order: list[str] = []
    queues = list(by_host.values())
    while queues:
        for q in queues:
            order.append(q.popleft())
        queues = [q for q in queues if q]
    return order


def _ssl_context(insecure: bool, ca_file: str | None = None) -> ssl.SSLContext:
    """One TLS context for the whole run: building one costs milliseconds, so never per request."""
    if insecure:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    try:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:
        return ssl.create_default_context()


def _h2_available() -> bool:
    try:
        import h2  # noqa: F401
    except ImportError:
        return False
    return True
