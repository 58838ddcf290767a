"""The fetcher on the loopback test web: hops, retries, politeness, the writer contract."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from dataclasses import dataclass, field

import pytest

from archiver import USER_AGENT
from archiver.capture import FetchOptions, capture_all, capture_urls
from archiver.model import Capture, Exchange, RecordRef
from tests.web import Request, Route, Web


@dataclass
class Recorder:
    """A writer that keeps each exchange and a copy of its body, as the WARC writer would."""

    exchanges: list[Exchange] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)

    def __call__(self, exchange: Exchange) -> tuple[RecordRef | None, RecordRef | None]:
        assert exchange.body is None or exchange.body.tell() == 0
        data = exchange.body.read() if exchange.body is not None else b""
        self.exchanges.append(exchange)
        self.bodies.append(data)
        ref = RecordRef(f"test-{len(self.exchanges)}.warc.gz", len(self.exchanges), 1, "<x>", "r")
        return ref, None

    def for_url(self, url: str) -> list[tuple[Exchange, bytes]]:
        return [(e, b) for e, b in zip(self.exchanges, self.bodies, strict=True) if e.url == url]


def fast(**overrides: object) -> FetchOptions:
    """Options that keep fault tests quick: short timeouts and back-offs."""
    values: dict[str, object] = {
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "total_timeout": 5.0,
        "backoff": 0.01,
        "retry_after_cap": 1.0,
    }
    values.update(overrides)
    return FetchOptions(**values)  # type: ignore[arg-type]


def capture_one(url: str, options: FetchOptions, recorder: Recorder | None = None) -> Capture:
    (capture,) = capture_urls([url], options, recorder or Recorder())
    return capture


def test_plain_page_hop_and_body(web: Web) -> None:
    a = web.host("a.test")
    a.route("/page", body=b"<html><title>t</title>hello</html>")
    rec = Recorder()
    capture = capture_one(a.url("/page"), fast(), rec)
    assert capture.error is None
    assert capture.status == 200
    hop = capture.final
    assert hop is not None
    assert hop.content_type == "text/html; charset=utf-8"
    assert hop.size == len(b"<html><title>t</title>hello</html>")
    assert hop.ip == a.ip
    assert hop.record == RecordRef("test-1.warc.gz", 1, 1, "<x>", "r")
    assert [a.outcome for a in capture.attempts] == ["200"]
    # The final hop's body stays open for text extraction, rewound.
    assert capture.body is not None
    assert capture.body.read() == b"<html><title>t</title>hello</html>"
    capture.body.close()
    exchange = rec.exchanges[0]
    assert exchange.status == 200 and exchange.reason == "OK"
    assert exchange.date.tzinfo is not None
    assert exchange.request == a.log[-1].raw


def test_request_names_archiver(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", body=b"x")
    capture_one(a.url("/"), fast())
    request = a.log[-1]
    assert request.header("User-Agent") == USER_AGENT
    assert request.header("Host") == f"{a.ip}:{a.port}"
    assert "gzip" in (request.header("Accept-Encoding") or "")


def test_redirects_followed_hop_by_hop_across_hosts(web: Web) -> None:
    a = web.host("a.test")
    b = web.host("b.test")
    a.route("/old", status=301, redirect=b.named_url("/moved"))
    b.route("/moved", redirect="/new#frag")  # relative, with a fragment to drop
    b.route("/new", body=b"arrived")
    rec = Recorder()
    options = fast(resolve=web.resolve_map(), resolve_only=True)
    capture = capture_one(a.named_url("/old"), options, rec)
    assert capture.error is None
    assert [(h.url, h.status) for h in capture.hops] == [
        (a.named_url("/old"), 301),
        (b.named_url("/moved"), 302),
        (b.named_url("/new"), 200),
    ]
    assert capture.hops[0].location == b.named_url("/moved")
    assert capture.hops[1].location == b.named_url("/new#frag")
    assert capture.final_url == b.named_url("/new")
    assert [h.ip for h in capture.hops] == [a.ip, b.ip, b.ip]
    assert len(rec.exchanges) == 3
    # Intermediate bodies were closed after writing; the final one is handed on.
    assert rec.exchanges[0].body is None or rec.exchanges[0].body.closed
    assert capture.body is not None and capture.body.read() == b"arrived"
    capture.body.close()
    assert b.log[-1].header("Host") == f"b.test:{b.port}"


def test_too_many_redirects(web: Web) -> None:
    a = web.host("a.test")
    for i in range(6):
        a.route(f"/r{i}", redirect=f"/r{i + 1}")
    rec = Recorder()
    capture = capture_one(a.url("/r0"), fast(max_redirects=3), rec)
    assert capture.error == "too-many-redirects"
    assert len(capture.hops) == 4  # the start and three redirects followed
    assert a.count("/r4") == 0
    assert len(rec.exchanges) == 4


def test_cookies_carried_along_one_redirect_chain(web: Web) -> None:
    a = web.host("a.test")
    a.route("/login", redirect="/page", headers=[("Set-Cookie", "session=abc; Path=/")])

    def page(request: Request) -> Route:
        if request.header("Cookie") == "session=abc":
            return Route(body=b"welcome")
        return Route(status=302, redirect="/login")

    a.route("/page", handler=page)
    capture = capture_one(a.url("/login"), fast())
    assert capture.error is None
    assert capture.status == 200
    assert capture.body is not None and capture.body.read() == b"welcome"
    capture.body.close()


def test_retry_on_503_then_success(web: Web) -> None:
    a = web.host("a.test")
    calls = []

    def flaky(request: Request) -> Route:
        calls.append(request)
        if len(calls) < 3:
            return Route(status=503, body=b"busy")
        return Route(body=b"finally")

    a.route("/", handler=flaky)
    rec = Recorder()
    capture = capture_one(a.url("/"), fast(retries=3, backoff=0.01), rec)
    assert capture.error is None and capture.status == 200
    assert [x.outcome for x in capture.attempts] == ["503", "503", "200"]
    assert [x.number for x in capture.attempts] == [1, 2, 3]
    assert all(x.wait > 0 for x in capture.attempts[:2])
    assert capture.attempts[2].wait == 0
    # Every attempt reached the writer, the failed ones included.
    assert [e.status for e in rec.exchanges] == [503, 503, 200]
    assert [e.attempt for e in rec.exchanges] == [1, 2, 3]
    assert len(capture.hops) == 1


def test_retries_run_out(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", status=502)
    rec = Recorder()
    capture = capture_one(a.url("/"), fast(retries=2), rec)
    assert capture.status == 502
    assert [x.outcome for x in capture.attempts] == ["502", "502", "502"]
    assert a.count("/") == 3
    assert len(rec.exchanges) == 3


def test_no_retry_on_404(web: Web) -> None:
    a = web.host("a.test")
    capture = capture_one(a.url("/missing"), fast(retries=3))
    assert capture.status == 404
    assert len(capture.attempts) == 1


def test_retry_after_honoured(web: Web) -> None:
    a = web.host("a.test")
    calls = []

    def limited(request: Request) -> Route:
        calls.append(request.time)
        if len(calls) == 1:
            return Route(status=429, headers=[("Retry-After", "1")])
        return Route(body=b"ok")

    a.route("/", handler=limited)
    capture = capture_one(a.url("/"), fast(retry_after_cap=2.0, backoff=0.01))
    assert [x.outcome for x in capture.attempts] == ["429", "200"]
    assert capture.attempts[0].wait == 1.0
    assert calls[1] - calls[0] >= 0.9


def test_retry_after_beyond_cap_stops(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", status=503, headers=[("Retry-After", "3600")])
    capture = capture_one(a.url("/"), fast(retry_after_cap=5.0))
    assert capture.status == 503
    assert len(capture.attempts) == 1
    assert a.count("/") == 1


def _concurrency_probe(body: bytes, pause: float) -> tuple[dict[str, int], object]:
    state = {"active": 0, "peak": 0}
    lock = threading.Lock()

    def handler(request: Request) -> Route:
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
        time.sleep(pause)
        with lock:
            state["active"] -= 1
        return Route(body=body)

    return state, handler


def test_per_host_limit(web: Web) -> None:
    a = web.host("a.test")
    b = web.host("b.test")
    state_a, handler_a = _concurrency_probe(b"a", 0.05)
    state_b, handler_b = _concurrency_probe(b"b", 0.05)
    a.route("/", handler=handler_a)  # type: ignore[arg-type]
    b.route("/", handler=handler_b)  # type: ignore[arg-type]
    urls = [a.url(f"/?{i}") for i in range(8)] + [b.url(f"/?{i}") for i in range(8)]
    captures = capture_urls(urls, fast(concurrency=16, per_host=2), Recorder())
    assert sorted(c.status or 0 for c in captures) == [200] * 16
    assert state_a["peak"] == 2
    assert state_b["peak"] == 2


def test_global_limit(web: Web) -> None:
    state, handler = _concurrency_probe(b"x", 0.05)
    hosts = [web.host(f"h{i}.test") for i in range(4)]
    urls = []
    for host in hosts:
        host.route("/", handler=handler)  # type: ignore[arg-type]
        urls += [host.url(f"/?{i}") for i in range(3)]
    captures = capture_urls(urls, fast(concurrency=3, per_host=3), Recorder())
    assert len(captures) == 12
    assert state["peak"] == 3


def test_per_host_delay(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", body=b"x")
    urls = [a.url(f"/?{i}") for i in range(4)]
    capture_urls(urls, fast(per_host=2, delay=0.2), Recorder())
    times = sorted(r.time for r in a.log)
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) == 3
    # The delay is kept between request starts in the client; arrival times at the server
    # carry connection-setup and scheduling jitter, so each gap is checked loosely and the
    # whole span tightly. Without a delay all four arrive within milliseconds.
    assert min(gaps) >= 0.1
    assert times[-1] - times[0] >= 3 * 0.2 * 0.9


def test_keep_alive_reuses_connections(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", body=b"x" * 1000)
    urls = [a.url(f"/?{i}") for i in range(20)]
    captures = capture_urls(urls, fast(concurrency=1, per_host=1), Recorder())
    assert all(c.status == 200 for c in captures)
    assert a.connections == 1


def test_invalid_urls_are_recorded_not_raised(web: Web) -> None:
    rec = Recorder()
    captures = capture_urls(["ftp://example.test/x", "http:///nohost"], fast(), rec)
    assert sorted(c.error or "" for c in captures) == ["invalid-url", "invalid-url"]
    assert all(e.request == b"" for e in rec.exchanges)


def test_capture_all_yields_and_reports_progress(web: Web) -> None:
    a = web.host("a.test")
    a.route("/slow", body=b"s", delay=0.3)
    a.route("/quick", body=b"q")
    seen: list[str] = []

    async def run() -> list[str]:
        urls = [a.url("/slow"), a.url("/quick")]
        options = fast(per_host=2)
        return [c.url async for c in capture_all(urls, options, Recorder(), seen.append)]

    order = asyncio.run(run())
    assert order == [a.url("/quick"), a.url("/slow")]  # completion order
    assert [c.url for c in seen] == order  # type: ignore[attr-defined]


def test_writer_failure_stops_the_run(web: Web) -> None:
    a = web.host("a.test")
    a.route("/", body=b"x")

    def broken(exchange: Exchange) -> tuple[RecordRef | None, RecordRef | None]:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        capture_urls([a.url("/")], fast(), broken)


def test_https_with_trusted_ca(web: Web) -> None:
    s = web.host("s.test", tls=True)
    s.route("/", body=b"secure", chunked=True, chunk_size=3)
    rec = Recorder()
    options = fast(resolve=web.resolve_map(), resolve_only=True, ca_file=web.ca_file)
    capture = capture_one(s.named_url("/"), options, rec)
    assert capture.error is None and capture.status == 200
    exchange = rec.exchanges[0]
    assert exchange.http_version == "HTTP/1.1"
    assert exchange.response_head + rec.bodies[0] == s.sent("/")


ROBOTS = b"User-agent: *\nDisallow: /private\n"


def test_robots_obeyed_only_when_asked(web: Web) -> None:
    a = web.host("a.test")
    a.route("/robots.txt", body=ROBOTS, headers=[("Content-Type", "text/plain")], gzip=True)
    a.route("/private", body=b"secret")
    a.route("/public", body=b"open")
    rec = Recorder()
    urls = [a.url("/private"), a.url("/public"), a.url("/private?again")]
    captures = {c.url: c for c in capture_urls(urls, fast(respect_robots=True), rec)}
    assert captures[a.url("/private")].error == "robots"
    assert captures[a.url("/private?again")].error == "robots"
    assert captures[a.url("/public")].status == 200
    assert a.count("/private") == 0
    assert a.count("/robots.txt") == 1  # once per site and run
    refusal = [e for e in rec.exchanges if e.error == "robots"]
    assert len(refusal) == 2 and all(e.request == b"" for e in refusal)

    captures = {c.url: c for c in capture_urls(urls[:1], fast(), Recorder())}
    assert captures[a.url("/private")].status == 200
    assert a.count("/robots.txt") == 1  # off by default: not even asked


def test_missing_robots_allows_everything(web: Web) -> None:
    a = web.host("a.test")
    a.route("/page", body=b"x")
    (capture,) = capture_urls([a.url("/page")], fast(respect_robots=True), Recorder())
    assert capture.status == 200
    assert a.count("/robots.txt") == 1
