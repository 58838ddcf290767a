"""Peak memory and wall time of a run's reports, on a real catalog of N links.

Builds an archive catalog through archiver's own Catalog API (no network, no WARCs):
five runs of N links each, so every link has five runs of history and one citation;
the statuses have the usual mix and 5 % of the pages changed with a word diff of a
~400-word text. Then each report is made the way a user makes it, in a child process
of its own so that its peak RSS (ru_maxrss from wait4) is its own:

- `archiver report --format FMT -o FILE` for every format;
- `write_reports`, the JSON and HTML files `archiver run`/`snapshot` leave in reports/;
- a bare `import archiver.cli` for the floor every child starts from.

    .venv/bin/python bench/report_memory.py [--links 10000 100000] [--work DIR]
        [--code OLD_TREE NEW_TREE] [--repeat 3]

With --work DIR the catalogs are built once and kept (DIR/N/). With two --code folders
(e.g. an old commit unpacked by `git archive COMMIT archiver | tar -x -C /tmp/old`) each
measurement runs on both in turn, and the ratios new/old are printed; the reports each
wrote stay in DIR/N/out-<folder name>/ to be compared with cmp.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make archiver importable
    sys.path.insert(0, str(REPO))

from archiver.catalog import Catalog  # noqa: E402
from archiver.drift import word_diff  # noqa: E402
from archiver.model import Citation, Link, Verdict  # noqa: E402
from archiver.report import FORMATS  # noqa: E402
from bench.report_speed import STATUS_MIX, WORDS  # noqa: E402  the same synthetic run

RUNS = 5
BATCH = 500
REASONS = {
    "ok": "200 OK",
    "redirected": "moved permanently to https://elsewhere.example/",
    "dead": "404 Not Found",
    "soft-404": "same page as a random path on this host",
    "blocked": "403 Forbidden: the host refuses automated clients",
    "unreachable": "timed out after 30 s, 3 attempts",
}
MB = 1_000_000


def _text(rng: random.Random, n: int = 400) -> str:
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(40)) + "." for _ in range(n // 40))


def _diffs(rng: random.Random, count: int = 40) -> list[str]:
    """A few real word diffs of a rewritten paragraph, reused across the changed pages."""
    out = []
    for _ in range(count):
        before = _text(rng)
        lines = before.splitlines()
        lines[2] = _text(rng, 40)
        out.append(word_diff(before, "\n".join(lines)))
    return out


def _links(n: int) -> list[Link]:
    links = []
    for i in range(n):
        url = f"https://site{i % 500}.example/articles/{i}"
        cite = Citation(url=url, written=url, source="thesis.md", line=i + 1, column=3)
        links.append(Link(url, [cite]))
    return links


def _verdict(url: str, run: int, rng: random.Random, diffs: list[str]) -> Verdict:
    status = rng.choice(STATUS_MIX)
    drift, similarity, diff = ("new", None, "") if run == 1 else ("unchanged", 1.0, "")
    if run > 1 and status == "ok" and rng.random() < 0.07:  # ~5 % of all links
        drift, similarity, diff = "changed", round(rng.uniform(0.6, 0.95), 4), rng.choice(diffs)
    elif run > 1 and status == "dead":
        drift, similarity = "gone", 0.0
    return Verdict(
        url=url,
        status=status,
        reason=REASONS[status],
        http_status={"ok": 200, "dead": 404, "blocked": 403}.get(status),
        final_url=url,
        drift=drift,
        similarity=similarity,
        warc_file=f"archive-2026112{run}-00001.warc.gz",
        warc_offset=rng.randrange(10**9),
        title=f"Article {url.rsplit('/', 1)[1]} · field survey",
        diff=diff,
        text_path=f"text/{rng.getrandbits(64):016x}-r{run}.txt",
    )


def build(archive: Path, n: int) -> float:
    """RUNS finished runs of the same n links, written through the Catalog API."""
    started = time.perf_counter()
    rng = random.Random(n)
    diffs = _diffs(rng)
    links = _links(n)
    archive.mkdir(parents=True, exist_ok=True)
    (archive / "reports").mkdir(exist_ok=True)
    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        for run in range(1, RUNS + 1):
            run_id = catalog.begin_run({"concurrency": 16, "dead_after": 3}, links)
            for i in range(0, n, BATCH):
                page = links[i : i + BATCH]
                catalog.record_verdicts(run_id, [_verdict(k.url, run, rng, diffs) for k in page])
            catalog.finish_run(run_id, offline=False, summary={"links": n})
    finally:
        catalog.close()
    return time.perf_counter() - started


def measure(argv: list[str], code: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process running archiver from `code`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=code, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    spent = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)}: exit {proc.returncode}")
    return spent, usage.ru_maxrss * 1024 / MB  # Linux reports kilobytes


def jobs(archive: Path, out: Path) -> list[tuple[str, list[str], Path | None]]:
    """(label, argv, file written) of every measurement, for one archive."""
    py = sys.executable
    found = [("floor: import archiver", [py, "-c", "import archiver.cli, archiver.archive"], None)]
    for fmt in FORMATS:
        path = out / f"report.{fmt}"
        argv = [py, "-m", "archiver", "report", "-q", "--archive", str(archive), "--format", fmt]
        found.append((f"archiver report --format {fmt}", [*argv, "-o", str(path)], path))
    script = (
        "import sys; from pathlib import Path; from archiver.archive import write_reports; "
        f"write_reports(Path(sys.argv[1]), {RUNS})"
    )
    found.append(("write_reports (json + html)", [py, "-c", script, str(archive)], None))
    return found


def bench(archive: Path, n: int, codes: list[Path], repeat: int) -> None:
    """Each measurement on every code tree in turn, `repeat` times: best wall time, and
    the peak RSS (the same every time, to a few hundred kB)."""
    print(f"{n:,} links: " + "  |  ".join(f"{c}: wall s, peak RSS MB" for c in codes))
    for label, argv, path in jobs(archive, archive / "out"):
        best = [(float("inf"), 0.0)] * len(codes)
        for _ in range(repeat):
            for i, code in enumerate(codes):
                out = archive / f"out-{code.name}"  # old and new side by side, to compare
                out.mkdir(exist_ok=True)
                wall, rss = measure([a.replace(str(archive / "out"), str(out)) for a in argv], code)
                best[i] = (min(best[i][0], wall), max(best[i][1], rss))
        cells = "  |  ".join(f"{wall:6.2f} s {rss:7.1f} MB" for wall, rss in best)
        if len(codes) == 2:
            (w0, r0), (w1, r1) = best
            cells += f"  |  time x{w1 / w0:.2f}, memory x{r1 / r0:.2f}"
        written = archive / f"out-{codes[-1].name}" / path.name if path else None
        size = f"  ({written.stat().st_size / MB:.1f} MB out)" if written else ""
        print(f"  {label:32} {cells}{size}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--work", type=Path, default=None, help="keep the catalogs here")
    parser.add_argument(
        "--code",
        type=Path,
        nargs="+",
        default=[REPO],
        help="folders holding the archiver package to compare (default: this tree)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    parser.add_argument("--build", nargs=2, metavar=("ARCHIVE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        archive, n = Path(args.build[0]), int(args.build[1])
        spent = build(archive, n)
        size = (archive / "catalog.sqlite").stat().st_size / MB
        print(f"built {RUNS} runs x {n} links through Catalog: {spent:.1f} s, {size:.0f} MB")
        return
    with tempfile.TemporaryDirectory(prefix="report-memory-") as tmp:
        work = args.work or Path(tmp)
        for n in args.links:
            archive = work / str(n)
            if not (archive / "catalog.sqlite").exists():
                # in a child: a fork of a grown parent would count in the children's peaks
                subprocess.run(
                    [sys.executable, __file__, "--build", str(archive), str(n)], check=True
                )
            bench(archive, n, [c.resolve() for c in args.code], args.repeat)


if __name__ == "__main__":
    main()
