"""robots.txt, obeyed only with --respect-robots.

Off by default, as is usual for preservation: a page a text cites is worth keeping
whatever the site tells crawlers. When on, each site's robots.txt is fetched once per
run (per scheme, host and port) and kept in memory; it is not archived, since it is not
what the text cites.
"""

from __future__ import annotations

import asyncio
import zlib
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpcore

if TYPE_CHECKING:
    from archiver.capture import _Run

MAX_ROBOTS = 512 * 1024  # Google reads 500 KiB of robots.txt; so do we


async def allowed(run: _Run, pool: httpcore.AsyncConnectionPool, url: str) -> bool:
    """Whether robots.txt of the URL's site lets our user agent fetch it."""
    parts = urlsplit(url)
    site = f"{parts.scheme}://{parts.netloc}"
    rules = run.robots.get(site)
    if rules is None:
        lock = run.robots_locks.setdefault(site, asyncio.Lock())
        async with lock:
            rules = run.robots.get(site)
            if rules is None:
                rules = run.robots[site] = await _fetch(run, pool, site)
    return rules.can_fetch(run.options.user_agent, url)


async def _fetch(run: _Run, pool: httpcore.AsyncConnectionPool, site: str) -> RobotFileParser:
    parser = RobotFileParser(site + "/robots.txt")
    body = bytearray()
    try:
        request = httpcore.Request(
            "GET",
            site + "/robots.txt",
            headers=[
                (b"Host", urlsplit(site).netloc.encode("idna")),
                (b"User-Agent", run.options.user_agent.encode()),
            ],
            extensions={"timeout": run.timeouts},
        )
        response = await asyncio.wait_for(
            pool.handle_async_request(request), run.options.total_timeout
        )
        try:
            async for chunk in response.aiter_stream():  # type: ignore[union-attr]
                body += chunk
                if len(body) >= MAX_ROBOTS:
                    break
        finally:
            await response.aclose()
    except Exception:
        parser.allow_all = True  # an unreachable robots.txt forbids nothing
        return parser
    if response.status in (401, 403):
        parser.disallow_all = True
    elif response.status != 200:
        parser.allow_all = True  # missing, moved or failing: no rules to obey
    else:
        headers = {k.lower(): v.lower() for k, v in response.headers}
        text = bytes(body[:MAX_ROBOTS])
        if headers.get(b"content-encoding") in (b"gzip", b"deflate"):
            try:
                text = zlib.decompressobj(47).decompress(text, MAX_ROBOTS)
            except zlib.error:
                text = b""
        parser.parse(text.decode("utf-8", "replace").splitlines())
    return parser
