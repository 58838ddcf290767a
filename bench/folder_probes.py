"""What asking each folder for a random path costs a run of short pages.

A run judges a short or redirected page again beside its folder's answer for a random
path (archiver.snapshot's second look). This serves short pages from loopback hosts
(tests/web.py), then snapshots them twice in one process, with and without that second
look, and prints wall time, requests and the ratio. The worst case for the cost: every
page is short, so every page is held and every folder is asked. With ``--ids`` each page's
address ends in a number, so the second look also asks for its address with a made-up id
(one per folder, since the ids have one length); ``--pages 1`` gives each page a folder
of its own, the worst case for both (a run of statuses by as many accounts).

    .venv/bin/python bench/folder_probes.py [--hosts 4] [--folders 10] [--pages 20] [--ids]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make the tests package importable
    sys.path.insert(0, str(REPO))

from archiver import snapshot as pipeline  # noqa: E402
from archiver.model import Link  # noqa: E402
from tests.web import Web  # noqa: E402


def _page(title: str, words: int) -> str:
    text = " ".join(f"{title.split()[0].lower()}{i % 97}" for i in range(words))
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p>"


def serve(web: Web, hosts: int, folders: int, pages: int, ids: bool = False) -> list[Link]:
    links = []
    for h in range(hosts):
        host = web.host(f"h{h}.test")
        for f in range(folders):
            host.route_folder(f"/f{f}/", body=_page("Item not here", 40))
            for p in range(pages):
                path = f"/f{f}/item-{10_000 + p if ids else p}"
                host.route(path, body=_page(f"Item {h} {f} {p}", 120))
                links.append(Link(host.named_url(path)))
    return links


async def _no_second_look(self: Any, pool: Any) -> None:
    held, self.held = self.held, []
    for item in held:
        self._record_verdict(item.capture, item.verdict)


def run(web: Web, links: list[Link], second_look: bool) -> tuple[float, int]:
    """Wall seconds and requests the hosts saw for one snapshot."""
    original: Callable[..., Any] = pipeline.Pipeline._second_look
    if not second_look:
        pipeline.Pipeline._second_look = _no_second_look  # type: ignore[method-assign]
    before = sum(len(h.log) for h in web.hosts)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = pipeline.SnapshotSettings(
                archive=Path(tmp) / "archive",
                resolve=web.resolve_map(),
                resolve_only=True,
                retries=0,
            )
            started = time.perf_counter()
            pipeline.snapshot(links, settings)
            elapsed = time.perf_counter() - started
    finally:
        pipeline.Pipeline._second_look = original  # type: ignore[method-assign]
    return elapsed, sum(len(h.log) for h in web.hosts) - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--folders", type=int, default=10)
    parser.add_argument("--pages", type=int, default=20, help="short pages per folder")
    parser.add_argument("--ids", action="store_true", help="addresses that end in a number")
    args = parser.parse_args()
    web = Web()
    try:
        links = serve(web, args.hosts, args.folders, args.pages, args.ids)
        run(web, links[:8], True)  # warm the worker processes' imports
        without, n_without = run(web, links, False)
        with_look, n_with = run(web, links, True)
    finally:
        web.close()
    named = " (addresses ending in a number)" if args.ids else ""
    print(
        f"{len(links)} short pages in {args.hosts * args.folders} folders on {args.hosts} hosts"
        + named
    )
    print(f"  without the second look: {without:6.2f} s, {n_without} requests")
    print(f"  with the second look:    {with_look:6.2f} s, {n_with} requests")
    print(f"  ratio: {with_look / without:.2f}x the time, {n_with / n_without:.2f}x the requests")


if __name__ == "__main__":
    main()
