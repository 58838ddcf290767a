"""Speed of the read stage: pages per second per core, where the time goes, and what it
costs in quality, on the gold set and on the benchmark corpus's article pages.

Usage:
    .venv/bin/python bench/read_speed.py [--corpus-pages 300] [--repeat 3]
        [--against REV] [--processes N] [--options] [--json FILE]

The corpus pages are also read as a read worker of `archiver snapshot` reads them
(snapshot.read_and_judge: WARC record, text, text file, verdict), in CPU ms per page.

Speed is CPU seconds of this process (time.process_time), best of --repeat passes, so a
busy shared machine disturbs it less than wall time; wall-clock pages/s of the same
passes is printed beside it. "per core" is what one extraction worker does; a pool of
N workers does at most N times that. --processes N also measures a real pool of N
processes over the corpus pages, by wall clock.

--against REV measures the reader as it was at git revision REV (its archiver/ is
unpacked with `git archive` into a temporary directory and run in a subprocess on the
very same pages), so before and after come from one run. --options compares
trafilatura settings on the current reader (F1 and speed), for the record of why
archiver uses the ones it does.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = [("Content-Type", "text/html")]
Page = tuple[str, bytes, str, str]  # name, raw bytes, url, gold text ("" when none)


# --------------------------------------------------------------------------- pages


def gold_pages(gold_dir: Path) -> list[Page]:
    return [
        (
            path.stem,
            path.read_bytes(),
            f"https://{path.stem}.example/{path.stem}",
            path.with_suffix(".txt").read_text(encoding="utf-8"),
        )
        for path in sorted(gold_dir.glob("*.html"))
    ]


def corpus_pages(count: int) -> list[Page]:
    from bench.corpus import plan, render_page

    pages = []
    for index in range(count):
        page = plan(index)
        pages.append((f"corpus-{index}", render_page(index), f"http://{page.host}{page.path}", ""))
    return pages


# --------------------------------------------------------------------------- measuring


WORD = re.compile(r"\w+")


def f1(gold: str, got: str) -> float:
    """Word-level F1 of bags of words, as bench/read_quality.py scores (kept apart from it,
    since that script imports the current archiver and --against must not)."""
    g, p = Counter(WORD.findall(gold.lower())), Counter(WORD.findall(got.lower()))
    common = sum((g & p).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def measure(pages: list[Page], repeat: int) -> dict[str, float | None]:
    """Best-of-``repeat`` CPU and wall time of reading every page once, and mean F1."""
    from archiver.read import read_payload

    texts = [read_payload(raw, HEADERS, url).text for _, raw, url, _ in pages]  # warm up
    cpu = wall = float("inf")
    for _ in range(max(repeat, 1)):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        for _name, raw, url, _gold in pages:
            read_payload(raw, HEADERS, url)
        cpu = min(cpu, time.process_time() - start_cpu)
        wall = min(wall, time.perf_counter() - start_wall)
    scored = [f1(gold, text) for (_, _, _, gold), text in zip(pages, texts, strict=True) if gold]
    megabytes = sum(len(raw) for _, raw, _, _ in pages) / 1e6
    return {
        "pages": len(pages),
        "mean_kib": megabytes * 1e6 / 1024 / max(len(pages), 1),
        "cpu_pages_per_s": len(pages) / cpu,
        "wall_pages_per_s": len(pages) / wall,
        "cpu_mb_per_s": megabytes / cpu,
        "ms_per_page": 1000 * cpu / len(pages),
        "f1": statistics.mean(scored) if scored else None,
    }


def write_warc(pages: list[Page], path: Path) -> list[int]:
    """The pages as WARC response records served the way the benchmark's server serves
    them (/gzip/ gzip-encoded and chunked, /chunked/ chunked); their offsets."""
    import gzip
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for _name, raw, url, _gold in pages:
            headers = [("Content-Type", "text/html")]
            body = raw
            if "/gzip/" in url:
                body = gzip.compress(raw, 6)
                headers.append(("Content-Encoding", "gzip"))
            if "/gzip/" in url or "/chunked/" in url:
                body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
                headers.append(("Transfer-Encoding", "chunked"))
            offsets.append(fh.tell())
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), length=len(body), http_headers=http
            )
            writer.write_record(record)
    return offsets


def measure_records(pages: list[Page], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` CPU pages/s of read_record, the pipeline's entry point: the
    WARC record is found, its body decompressed and de-chunked, then read."""
    from archiver.read import read_record

    with tempfile.TemporaryDirectory(prefix="read-speed-") as tmp:
        path = Path(tmp) / "pages.warc.gz"
        offsets = write_warc(pages, path)
        for offset in offsets[:5]:
            read_record(str(path), offset)
        cpu = float("inf")
        for _ in range(max(repeat, 1)):
            start = time.process_time()
            for offset in offsets:
                read_record(str(path), offset)
            cpu = min(cpu, time.process_time() - start)
    return {"pages": len(pages), "cpu_pages_per_s": len(pages) / cpu}


def measure_worker(pages: list[Page], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` CPU ms per page of snapshot.read_and_judge, what a read worker of
    `archiver snapshot` does for each page: the record read back from the WARC, the text
    read, stored in text/ and judged (first capture, so drift is "new")."""
    from archiver import snapshot
    from archiver.model import Capture, Hop, RecordRef

    with tempfile.TemporaryDirectory(prefix="read-speed-") as tmp:
        archive = Path(tmp)
        (archive / "warc").mkdir()
        (archive / "text").mkdir()
        offsets = write_warc(pages, archive / "warc" / "pages.warc.gz")
        jobs = []
        for (_name, raw, url, _gold), offset in zip(pages, offsets, strict=True):
            ref = RecordRef("pages.warc.gz", offset, 0, "<urn:uuid:0>", "response")
            hop = Hop(url=url, status=200, content_type="text/html", size=len(raw), record=ref)
            capture = Capture(url=url, started="2024-01-01T00:00:00Z", hops=[hop])
            jobs.append(
                snapshot.ReadJob(
                    archive=tmp, warc_file=ref.warc_file, offset=offset, capture=capture, run_id=1
                )
            )
        for job in jobs[:5]:
            snapshot.read_and_judge(job)
        cpu = float("inf")
        for _ in range(max(repeat, 1)):
            start = time.process_time()
            for job in jobs:
                snapshot.read_and_judge(job)
            cpu = min(cpu, time.process_time() - start)
    return {"pages": len(pages), "ms_per_page": 1000 * cpu / len(pages)}


def phases(pages: list[Page], repeat: int) -> dict[str, float]:
    """CPU ms per page of each step of read_html, called one by one as read_html does."""
    import archiver.read as read
    from archiver.charset import decode_text

    best: dict[str, float] = {}
    for _ in range(max(repeat, 1)):
        spent: dict[str, float] = {}

        def timed(name: str, func: Callable, *args: object, spent: dict = spent) -> object:
            start = time.process_time()
            result = func(*args)
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
            return result

        for _name, raw, url, _gold in pages:
            text, _ = timed("charset + decode", decode_text, raw, HEADERS, True)
            tree = timed("lxml parse", read.parse_html, text)
            head = timed("head (lxml)", read.head_metadata, text)
            base = read._base_url(head, url)
            timed("outlinks", read.outlinks, tree, base)
            timed("canonical + language", read._canonical, head, base)
            timed("canonical + language", read._language, head, HEADERS)
            timed("metadata", read.page_metadata, tree, head, url)
            timed("prepare + prune", read.prepare_tree, tree)
            doc = timed("trafilatura", read._extract, tree, url)
            timed("tidy", read._tidy, (doc.text if doc is not None else "") or "")
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    return {name: 1000 * seconds / len(pages) for name, seconds in best.items()}


def _read_one(job: tuple[bytes, str]) -> int:
    from archiver.read import read_payload

    raw, url = job
    return len(read_payload(raw, HEADERS, url).text)


def pool_rate(pages: list[Page], processes: int) -> float:
    """Wall-clock pages/s of a pool of ``processes`` workers (bytes pickled to them)."""
    jobs = [(raw, url) for _, raw, url, _ in pages]
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(_read_one, jobs[: processes * 4]))  # start and warm the workers
        start = time.perf_counter()
        list(pool.map(_read_one, jobs, chunksize=8))
        return len(jobs) / (time.perf_counter() - start)


# --------------------------------------------------------------------------- other revisions


def measure_revision(rev: str, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    """Run this script's measurement against archiver/ as it was at ``rev``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "archiver"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory(prefix="read-speed-") as tmp:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        out = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--measure-only",
                "--corpus-pages",
                str(args.corpus_pages),
                "--repeat",
                str(args.repeat),
                "--gold",
                str(args.gold),
            ],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": tmp, "READ_SPEED_ARCHIVER": tmp},
        ).stdout
    return json.loads(out)


# --------------------------------------------------------------------------- options


OPTION_VARIANTS: list[tuple[str, dict[str, object]]] = [
    ("archiver's settings", {}),
    ("fast=False (readability/jusText comparison)", {"fast": False}),
    ("include_tables=False", {"include_tables": False}),
    ("favor_precision=True", {"favor_precision": True}),
    ("favor_recall=True", {"favor_recall": True}),
    ("include_comments=True", {"include_comments": True}),
    ("deduplicate=True", {"deduplicate": True}),
    ("with_metadata=True (trafilatura's metadata)", {"with_metadata": True}),
]


def compare_options(gold: list[Page], corpus: list[Page], repeat: int) -> None:
    import archiver.read as read

    base = dict(read.TRAFILATURA_OPTIONS)
    print("\ntrafilatura settings, on archiver's reader (tree preparation and metadata as usual)\n")
    header = f"| {'setting':<44} | gold F1 | gold pages/s | corpus pages/s |"
    print(header)
    print("|" + "|".join("-" * len(c) for c in header.split("|")[1:-1]) + "|")
    try:
        for label, change in OPTION_VARIANTS:
            read.TRAFILATURA_OPTIONS.clear()
            read.TRAFILATURA_OPTIONS.update({**base, **change})
            g, c = measure(gold, repeat), measure(corpus, repeat)
            print(
                f"| {label:<44} |  {g['f1']:.3f}  | {g['cpu_pages_per_s']:12.0f} "
                f"| {c['cpu_pages_per_s']:14.0f} |"
            )
    finally:
        read.TRAFILATURA_OPTIONS.clear()
        read.TRAFILATURA_OPTIONS.update(base)


# --------------------------------------------------------------------------- main


def measure_all(gold: list[Page], corpus: list[Page], repeat: int) -> dict[str, dict]:
    return {
        "gold": measure(gold, repeat),
        "corpus": measure(corpus, repeat),
        "corpus_records": measure_records(corpus, repeat),
        "corpus_worker": measure_worker(corpus, repeat),
    }


def row(label: str, m: dict) -> str:
    f1_text = f"{m['f1']:.3f}" if m["f1"] is not None else "  -  "
    return (
        f"| {label:<26} | {m['pages']:5d} | {m['mean_kib']:8.1f} | {m['cpu_pages_per_s']:13.1f} "
        f"| {m['ms_per_page']:7.2f} | {m['cpu_mb_per_s']:10.2f} | {m['wall_pages_per_s']:12.1f} "
        f"| {f1_text} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "gold")
    parser.add_argument("--corpus-pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="passes, best kept")
    parser.add_argument("--against", metavar="REV", help="also measure archiver at git REV")
    parser.add_argument("--processes", type=int, default=0, help="also time a pool of N")
    parser.add_argument("--options", action="store_true", help="compare trafilatura settings")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    # The archiver under test comes first on the path (another revision's, with --against).
    sys.path[:0] = [p for p in (os.environ.get("READ_SPEED_ARCHIVER"), str(ROOT)) if p]
    gold, corpus = gold_pages(args.gold), corpus_pages(args.corpus_pages)
    if args.measure_only:
        print(json.dumps(measure_all(gold, corpus, args.repeat)))
        return

    results: dict[str, object] = {}
    label = "archiver (this checkout)"
    results[label] = measure_all(gold, corpus, args.repeat)
    if args.against:
        results[f"archiver at {args.against}"] = measure_revision(args.against, args)

    cores = os.cpu_count() or 1
    print(f"read stage, one process, CPU time, best of {args.repeat}; machine: {cores} cores\n")
    header = (
        f"| {'reader':<26} | pages | mean KiB | pages/s/core  | ms/page "
        f"| MB/s/core  | pages/s wall | F1    |"
    )
    sep = "|" + "|".join("-" * len(c) for c in header.split("|")[1:-1]) + "|"
    for key, name in (("gold", "gold set"), ("corpus", f"benchmark corpus (first {len(corpus)})")):
        print(f"{name}:\n{header}\n{sep}")
        for label, figures in results.items():
            print(row(label, figures[key]))  # type: ignore[index]
        print()
    print("corpus pages read back from a WARC (read_record: record, chunked, gzip, then read):")
    for label, figures in results.items():
        print(f"  {label:<26} {figures['corpus_records']['cpu_pages_per_s']:7.1f} pages/s/core")  # type: ignore[index]
    print()
    print("corpus pages through a read worker (read_and_judge: record, read, store, judge):")
    for label, figures in results.items():
        print(f"  {label:<26} {figures['corpus_worker']['ms_per_page']:7.2f} CPU ms/page")  # type: ignore[index]
    print()

    breakdown = {"gold": phases(gold, args.repeat), "corpus": phases(corpus, args.repeat)}
    results["phases_ms_per_page"] = breakdown
    print("where the time goes (this checkout, CPU ms per page):\n")
    names = list(breakdown["corpus"])
    print(f"| {'step':<22} | gold  | corpus |")
    print(f"|{'-' * 24}|-------|--------|")
    for step in names:
        print(f"| {step:<22} | {breakdown['gold'][step]:5.2f} | {breakdown['corpus'][step]:6.2f} |")
    print(
        f"| {'total':<22} | {sum(breakdown['gold'].values()):5.2f} "
        f"| {sum(breakdown['corpus'].values()):6.2f} |"
    )

    if args.processes:
        rate = pool_rate(corpus, args.processes)
        results["pool"] = {"processes": args.processes, "corpus_pages_per_s": rate}
        print(
            f"\npool of {args.processes} processes on the corpus pages: {rate:.1f} pages/s (wall)"
        )
    if args.options:
        compare_options(gold, corpus, args.repeat)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
