"""Fetching in several processes: links split by host, one WARC file per process, one
catalog, and nothing left writing when the run ends or is killed."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.archive import load_report, render_report
from archiver.capture import FetchOptions
from archiver.errors import ArchiverError
from archiver.model import Link
from archiver.reindex import reindex
from archiver.shards import capture_sharded, split_by_host
from archiver.snapshot import SnapshotSettings, snapshot
from tests.exchanges import warcio_check
from tests.test_snapshot import kill_once_judged
from tests.test_snapshot import settings as snapshot_settings
from tests.web import Web


def page(title: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{title} is a page about the water survey of the district.</p>"
        "</article></body></html>"
    ).encode()


def settings(tmp_path: Path, web: Web, **kw: object) -> SnapshotSettings:
    return snapshot_settings(tmp_path, web, **{"retries": 0, "text": False, **kw})


def response_hosts(path: Path) -> set[str]:
    hosts = set()
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "response":
                hosts.add(urlsplit(rec.rec_headers.get_header("WARC-Target-URI")).hostname)
    return hosts


def test_each_host_goes_whole_to_one_group_and_groups_are_balanced() -> None:
    urls = (
        [f"http://a.test/{i}" for i in range(6)]
        + [f"http://b.test/{i}" for i in range(4)]
        + [f"http://C.test/{i}" for i in range(3)]
        + ["http://d.test/only"]
    )
    groups = split_by_host(urls, 2)
    assert sorted(u for g in groups for u in g) == sorted(urls)
    hosts = [{urlsplit(u).hostname for u in g} for g in groups]
    assert not hosts[0] & hosts[1]
    assert sorted(map(len, groups)) == [7, 7]
    for group in groups:  # each host's links keep their order
        for host in ("a.test", "b.test", "c.test"):
            mine = [u for u in group if urlsplit(u).hostname == host]
            assert mine == [u for u in urls if urlsplit(u).hostname == host] or not mine
    assert split_by_host(urls[:6], 4) == [urls[:6]]  # one host: one group, whatever asked
    assert split_by_host([], 2) == []


def test_a_snapshot_fetched_by_two_processes_is_one_whole_archive(tmp_path: Path, web: Web) -> None:
    hosts = [web.host(f"{name}.test") for name in ("a", "b", "c")]
    urls = []
    for host in hosts:
        for i in range(8):
            host.route(f"/p{i}", body=page(f"Page {i} of {host.name}"))
            urls.append(host.named_url(f"/p{i}"))
    result = snapshot([Link(u) for u in urls], settings(tmp_path, web, fetchers=2))
    assert sorted(v.url for v in result.verdicts) == sorted(urls)
    assert {v.status for v in result.verdicts} == {"ok"}
    for host in hosts:  # every page fetched once (plus one probe per host)
        assert all(host.count(f"/p{i}") == 1 for i in range(8))

    files = sorted((tmp_path / "archive" / "warc").glob("*.warc.gz"))
    fetched = [f for f in files if "-f1-" in f.name or "-f2-" in f.name]
    assert len(fetched) == 2, [f.name for f in files]
    per_file = [response_hosts(f) for f in fetched]
    assert not per_file[0] & per_file[1]  # a host's records are all in one file
    assert per_file[0] | per_file[1] == {h.name for h in hosts}
    for f in files:
        assert (f.parent / (f.name.removesuffix(".warc.gz") + ".cdxj")).exists()
    check = warcio_check(files)
    assert check.returncode == 0, check.stdout

    before = render_report(load_report(tmp_path / "archive", "latest"), "json")
    reindex(tmp_path / "archive")
    after = render_report(load_report(tmp_path / "archive", "latest"), "json")
    assert json.loads(after) == json.loads(before)


def test_a_failing_fetch_process_ends_the_run_with_its_reason(tmp_path: Path, web: Web) -> None:
    a, b = web.host("a.test"), web.host("b.test")
    a.route("/", body=page("A"))
    b.route("/", body=page("B"))
    options = FetchOptions(resolve=web.resolve_map(), resolve_only=True, retries=0)
    # A writer argument the WARC writer does not take: each process fails as it starts.
    writer = {"run_id": 1, "settings": {}, "no_such_argument": True}

    async def consume() -> list[object]:
        groups = [[a.named_url("/")], [b.named_url("/")]]
        return [c async for c in capture_sharded(groups, options, tmp_path, writer)]

    with pytest.raises(ArchiverError, match=r"fetch process \d failed: TypeError: .*no_such"):
        asyncio.run(consume())
    assert a.count("/") == 0 and b.count("/") == 0


def test_killing_the_run_stops_its_fetch_processes_and_resume_finishes(
    tmp_path: Path, web: Web
) -> None:
    hosts = [web.host("a.test"), web.host("b.test")]
    n = 8
    for host in hosts:
        for i in range(n):
            if i < 2:
                host.route(f"/p{i}", body=page(f"Page {i}"))
            else:  # about 1.5 s each: the run is still fetching when it is killed
                host.route(f"/p{i}", body=b"<html><title>slow</title>" + b"." * 15, drip=0.05)
    urls = [h.named_url(f"/p{i}") for h in hosts for i in range(n)]
    (tmp_path / "links.txt").write_text("".join(u + "\n" for u in urls))
    resolve = [arg for h in hosts for arg in ("--resolve", f"{h.name}:{h.ip}")]
    cmd = [sys.executable, "-m", "archiver", "-q", "snapshot", "links.txt", *resolve]
    options = ["--resolve-only", "--no-text", "--fetchers", "2", "--per-host", "1"]
    proc = subprocess.Popen([*cmd, *options], cwd=tmp_path, stderr=subprocess.PIPE)
    kill_once_judged(proc, tmp_path / "archive" / "catalog.sqlite", 4)
    warc = tmp_path / "archive" / "warc"
    open_files = sorted(warc.glob("*.open"))
    assert any("-f1-" in f.name for f in open_files), open_files
    time.sleep(1.0)  # a fetch process notices within milliseconds; room for a loaded machine
    sizes = {f: f.stat().st_size for f in open_files}
    time.sleep(2.0)  # a drip page would have finished in this time: nothing may be written
    assert {f: f.stat().st_size for f in open_files} == sizes

    done = subprocess.run(
        [*cmd, *options, "--resume"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    files = sorted(warc.glob("*.warc.gz"))
    assert not list(warc.glob("*.open"))
    check = warcio_check(files)
    assert check.returncode == 0, check.stdout
    report = load_report(tmp_path / "archive", "latest")
    assert sorted(v.url for v in report.verdicts) == sorted(urls)
