"""The yardstick: archiver snapshot against wget --warc-file on the same served corpus.

    .venv/bin/python bench/bench.py [--pages 10000] [--out bench/out]

Generates the corpus (bench/corpus.py), serves it from nginx on 127.0.0.11-14
(bench/servers.py), then runs each command on every URL and accounts for it the way
/usr/bin/time would, but over the whole process tree: wall time, CPU seconds of all
descendants (getrusage RUSAGE_CHILDREN, which sums waited-for children and theirs),
and the peak of the tree's summed resident memory, sampled with psutil. Figures are
printed as a table and written to <out>/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make the bench package importable
    sys.path.insert(0, str(REPO))

try:
    import psutil
except ImportError:  # the one dependency beyond archiver's own
    sys.exit("bench needs psutil for memory sampling: .venv/bin/pip install psutil")

from bench import corpus, servers  # noqa: E402

MB = 1_000_000
STEPS = ("wget", "notext", "text", "report", "cite")
TARGETS = {
    "notext_vs_wget": 3.0,
    "text_vs_wget": 0.75,
    "peak_rss_mb": 250,
    "report_s": 2.0,
    "cite_mb_s": 10.0,
}


@dataclass
class Measure:
    """One command's accounting; ``error`` is set (and ``ok`` false) when it failed."""

    name: str
    command: list[str]
    ok: bool = False
    exit_code: int | None = None
    error: str = ""
    wall_s: float = 0.0
    cpu_user_s: float = 0.0
    cpu_sys_s: float = 0.0
    peak_rss_mb: float = 0.0  # summed RSS of the process tree (shared pages counted twice)
    peak_pss_mb: float = 0.0  # summed PSS, sampled less often: shared pages split fairly
    peak_processes: int = 0
    cpu_sampled_s: float = 0.0  # sum of the last CPU times sampled per process (a floor)
    server_cpu_s: float = 0.0  # what the web server spent meanwhile
    pages: int = 0
    bytes: int = 0  # page bytes (decoded HTML) the command was asked to fetch
    pages_ok: int | None = None  # pages the output shows as fetched with 200 / ok
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def cpu_s(self) -> float:
        """Waited-for children's rusage, unless sampling saw more (unreaped workers)."""
        return max(self.cpu_user_s + self.cpu_sys_s, self.cpu_sampled_s)

    def derived(self, cores: int) -> dict[str, float]:
        wall = self.wall_s or float("nan")
        return {
            "pages_per_s": self.pages / wall,
            "mb_per_s": self.bytes / MB / wall,
            "cpu_ms_per_page": 1000 * self.cpu_s / self.pages if self.pages else 0.0,
            "cpu_utilisation": self.cpu_s / (wall * cores),
        }


def tree_cpu(pids: list[int]) -> float:
    """CPU seconds of processes (and their children) we do not wait for, e.g. nginx."""
    total = 0.0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            for proc in [root, *root.children(recursive=True)]:
                times = proc.cpu_times()
                total += times.user + times.system
        except psutil.Error:
            continue
    return total


class Sampler(threading.Thread):
    """Peak summed memory of a process tree, sampled every 50 ms (PSS every 0.5 s), and
    the last CPU time seen of each process in it: getrusage only counts children that
    were waited for, and a pool worker that is not reaped would otherwise go missing."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.stop = threading.Event()
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_procs = 0
        self.cpu: dict[tuple[int, float], float] = {}  # (pid, start time) -> user + system

    @property
    def cpu_seen(self) -> float:
        return sum(self.cpu.values())

    def run(self) -> None:
        tick = 0
        while not self.stop.is_set():
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            rss = pss = 0
            for proc in procs:
                try:
                    times = proc.cpu_times()
                    self.cpu[(proc.pid, proc.create_time())] = times.user + times.system
                    if tick % 10 == 0:
                        info = proc.memory_full_info()
                        pss += getattr(info, "pss", info.rss)
                        rss += info.rss
                    else:
                        rss += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(procs))
            tick += 1
            self.stop.wait(0.05)


def clean_env() -> dict[str, str]:
    """No proxies (everything is loopback), no colour, the repository importable."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_COLOR"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def measure(
    name: str,
    command: list[str],
    log: Path,
    timeout: float,
    server_pids: list[int],
    stdout: Path | None = None,
) -> Measure:
    """Run one command to completion and account for its whole process tree."""
    result = Measure(name, command)
    log.parent.mkdir(parents=True, exist_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_before = tree_cpu(server_pids)
    with (
        open(log, "wb") as err,
        open(stdout, "wb") if stdout else open(os.devnull, "wb") as out,
    ):
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO, env=clean_env())
        except OSError as exc:
            result.error = f"could not start: {exc}"
            return result
        sampler = Sampler(proc.pid)
        sampler.start()
        try:
            result.exit_code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_tree(proc.pid)
            proc.wait()
            result.error = f"timed out after {timeout:.0f} s"
        result.wall_s = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result.cpu_user_s = after.ru_utime - before.ru_utime
    result.cpu_sys_s = after.ru_stime - before.ru_stime
    result.cpu_sampled_s = sampler.cpu_seen
    result.server_cpu_s = tree_cpu(server_pids) - server_before
    result.peak_rss_mb = sampler.peak_rss / MB
    result.peak_pss_mb = sampler.peak_pss / MB
    result.peak_processes = sampler.peak_procs
    if not result.error and result.exit_code != 0:
        tail = log.read_text(errors="replace").strip().splitlines()[-1:] or ["(no stderr)"]
        result.error = f"exit code {result.exit_code}: {tail[0][:200]}"
    result.ok = not result.error
    return result


def kill_tree(pid: int) -> None:
    try:
        root = psutil.Process(pid)
        procs = [*root.children(recursive=True), root]
    except psutil.Error:
        return
    for proc in procs:
        try:
            proc.kill()
        except psutil.Error:
            continue


# --------------------------------------------------------------------------- checks


def wget_responses(warc_dir: Path) -> int | None:
    """HTTP 200 responses in wget's WARC: proof it fetched the pages, not just ran."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        return None
    count = 0
    for path in warc_dir.glob("*.warc.gz"):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if (
                    record.rec_type == "response"
                    and record.http_headers
                    and record.http_headers.get_statuscode() == "200"
                ):
                    count += 1
    return count


def report_counts(path: Path) -> dict[str, int] | None:
    try:
        rows = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    counts: dict[str, int] = {}
    for row in rows if isinstance(rows, list) else []:
        status = str(row.get("status", "?")) if isinstance(row, dict) else "?"
        counts[status] = counts.get(status, 0) + 1
    return counts


def archive_statuses(python: str, archive: Path, path: Path) -> dict[str, int] | None:
    """Verdict counts of a snapshot's run (untimed): proof the pages were captured."""
    with open(path, "wb") as out:
        run = subprocess.run(
            [python, "-m", "archiver", "report", "--archive", str(archive), "--format", "json"],
            stdout=out,
            stderr=subprocess.DEVNULL,
            cwd=REPO,
            env=clean_env(),
        )
    return report_counts(path) if run.returncode == 0 else None


CITE_SNIPPET = """
import json, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
try:
    from archiver.cite import extract
except Exception as exc:
    print(json.dumps({"error": f"not available: {type(exc).__name__}: {exc}"}))
    sys.exit(0)
start = time.perf_counter()
try:
    found = extract(text)
except TypeError:
    found = extract(text, "bench.txt")
found = list(found)
elapsed = time.perf_counter() - start
print(json.dumps({"elapsed": elapsed, "count": len(found)}))
"""


def measure_cite(python: str, out: Path, size_mb: float) -> dict[str, object]:
    """Citation extraction MB/s on generated prose, in its own process."""
    text_path = out / "cite-text.txt"
    size = int(size_mb * MB)
    if not text_path.exists() or text_path.stat().st_size < size:
        text_path.write_text(corpus.text_corpus(size), encoding="utf-8")
    actual = text_path.stat().st_size
    run = subprocess.run(
        [python, "-c", CITE_SNIPPET, str(text_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=clean_env(),
        timeout=1800,
    )
    try:
        data = json.loads(run.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        tail = run.stderr.strip().splitlines()[-1:] or [f"exit code {run.returncode}"]
        return {"ok": False, "error": f"failed: {tail[0][:200]}", "mb": actual / MB}
    if "error" in data:
        return {"ok": False, "error": data["error"], "mb": actual / MB}
    return {
        "ok": True,
        "mb": actual / MB,
        "seconds": data["elapsed"],
        "mb_per_s": actual / MB / data["elapsed"],
        "citations": data["count"],
    }


# --------------------------------------------------------------------------- machine


def tool_version(command: list[str]) -> str:
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=30, env=clean_env())
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc})"
    lines = (run.stdout or run.stderr).strip().splitlines()
    return lines[0] if lines and run.returncode == 0 else f"unavailable (exit {run.returncode})"


def machine() -> dict[str, object]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "cpu": model,
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def archiver_python() -> str:
    """An interpreter that can import archiver: this one, or the repository's .venv."""
    probe = subprocess.run(
        [sys.executable, "-c", "import archiver"], capture_output=True, env=clean_env()
    )
    venv = REPO / ".venv" / "bin" / "python"
    if probe.returncode != 0 and venv.exists():
        return str(venv)
    return sys.executable


# --------------------------------------------------------------------------- output


def table(results: list[Measure], cores: int) -> str:
    head = (
        f"{'command':<24} {'wall s':>8} {'pages/s':>8} {'MB/s':>7} {'CPU ms/pg':>9} "
        f"{'CPU %':>6} {'RSS MB':>7} {'PSS MB':>7} {'srv CPU s':>9} {'pages ok':>9}"
    )
    lines = [head, "-" * len(head)]
    for m in results:
        if not m.ok:
            lines.append(f"{m.name:<24} FAILED: {m.error}")
            continue
        d = m.derived(cores)
        ok = "?" if m.pages_ok is None else str(m.pages_ok)
        lines.append(
            f"{m.name:<24} {m.wall_s:>8.2f} {d['pages_per_s']:>8.1f} {d['mb_per_s']:>7.1f} "
            f"{d['cpu_ms_per_page']:>9.2f} {100 * d['cpu_utilisation']:>5.0f}% "
            f"{m.peak_rss_mb:>7.0f} {m.peak_pss_mb:>7.0f} {m.server_cpu_s:>9.1f} {ok:>9}"
        )
    return "\n".join(lines)


def ratios(by_name: dict[str, Measure], cores: int) -> dict[str, float | None]:
    def rate(key: str) -> float | None:
        m = by_name.get(key)
        return m.derived(cores)["pages_per_s"] if m and m.ok else None

    wget, text, notext = rate("wget"), rate("text"), rate("notext")
    return {
        "notext_vs_wget": notext / wget if notext and wget else None,
        "text_vs_wget": text / wget if text and wget else None,
        "text_vs_notext": text / notext if text and notext else None,
    }


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark archiver snapshot against wget --warc-file on a local nginx.",
        epilog="example: .venv/bin/python bench/bench.py --pages 500",
    )
    parser.add_argument("--pages", type=int, default=10_000, help="corpus size (10000)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out", help="work folder")
    parser.add_argument("--seed", type=int, default=corpus.SEED)
    parser.add_argument("--server", choices=("auto", "nginx", "python"), default="auto")
    parser.add_argument(
        "--only", default=",".join(STEPS), help=f"comma-separated subset of {','.join(STEPS)}"
    )
    parser.add_argument("--timeout", type=float, default=3600, help="per command, seconds")
    parser.add_argument("--cite-mb", type=float, default=20.0, help="citation text size (MB)")
    args = parser.parse_args(argv)
    steps = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(steps) - set(STEPS)
    if unknown:
        parser.error(f"unknown step(s) {', '.join(sorted(unknown))}; choose from {STEPS}")
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    cores = os.cpu_count() or 1
    info = machine()
    python = archiver_python()

    say(f"corpus: {args.pages} pages (seed {args.seed}) in {out / 'corpus'}")
    started = time.perf_counter()
    pages = corpus.generate(out / "corpus", args.pages, args.seed)
    stats = corpus.summary(pages)
    say(
        f"  {stats['bytes'] / MB:.0f} MB, median {stats['median_kib']} KiB, "
        f"{stats['min_kib']}-{stats['max_kib']} KiB, kinds {stats['kinds']} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    total_bytes = int(stats["bytes"])  # type: ignore[call-overload]

    server = servers.start(out / "corpus", out / "nginx", args.server)
    say(f"server: {server.name} on 127.0.0.11-14 port {server.port}, pid {server.pid}")
    if server.note:
        say(f"  ({server.note})")
    links = out / "links.txt"
    corpus.write_links(pages, server.port, links)
    results: list[Measure] = []
    by_name: dict[str, Measure] = {}
    cite: dict[str, object] | None = None
    try:
        plan: list[tuple[str, str, list[str], Path]] = []
        wget_dir = out / "wget"
        if "wget" in steps:
            shutil.rmtree(wget_dir, ignore_errors=True)
            wget_dir.mkdir(parents=True)
            wget = shutil.which("wget") or "/usr/bin/wget"
            plan.append(
                (
                    "wget",
                    "wget --warc-file",
                    [
                        wget,
                        "--no-config",
                        "--input-file",
                        str(links),
                        "--output-document",
                        "/dev/null",
                        "--warc-file",
                        str(wget_dir / "corpus"),
                        "--compression=auto",
                        "--tries=1",
                        "--timeout=30",
                        "--no-verbose",
                        "--output-file",
                        str(wget_dir / "wget.log"),
                    ],
                    wget_dir / "stderr.log",
                )
            )
        for key, label, extra in (
            ("notext", "archiver --no-text", ["--no-text"]),
            ("text", "archiver (with text)", []),
        ):
            if key in steps:
                archive = out / f"archive-{key}"
                shutil.rmtree(archive, ignore_errors=True)
                command = [python, "-m", "archiver", "snapshot", str(links)]
                plan.append(
                    (key, label, [*command, "--archive", str(archive), *extra], out / f"{key}.log")
                )
        for key, label, command, log in plan:
            say(f"running {label}: {' '.join(command)}")
            m = measure(label, command, log, args.timeout, [server.pid])
            m.pages, m.bytes = len(pages), total_bytes
            if key == "wget" and m.exit_code is not None:
                m.pages_ok = wget_responses(wget_dir)
                # wget exits 8 when a server answered with an error; the count shows that
                if m.exit_code == 8 and m.pages_ok:
                    m.error, m.ok = "", True
            elif key in ("notext", "text") and m.ok:
                counts = archive_statuses(python, out / f"archive-{key}", out / f"{key}.json")
                m.pages_ok = counts.get("ok", 0) if counts is not None else None
                m.extra["statuses"] = counts or {}
            results.append(m)
            by_name[key] = m
            say(f"  {'done' if m.ok else 'FAILED: ' + m.error} in {m.wall_s:.1f} s")

        if "report" in steps:
            source = next(
                (k for k in ("text", "notext") if k in by_name and by_name[k].ok),
                "text" if (out / "archive-text").exists() else "notext",
            )
            archive = out / f"archive-{source}"
            report_json = out / "report.json"
            command = [python, "-m", "archiver", "report", "--archive", str(archive)]
            command += ["--format", "json"]
            say(f"running archiver report on {archive.name}")
            m = measure(
                "archiver report --format json",
                command,
                out / "report.log",
                args.timeout,
                [server.pid],
                stdout=report_json,
            )
            counts = report_counts(report_json) if m.ok else None
            if m.ok and counts is None:
                m.ok, m.error = False, "output is not a JSON list"
            m.pages = sum(counts.values()) if counts else 0
            m.extra["statuses"] = counts or {}
            results.append(m)
            by_name["report"] = m
            say(f"  {'done' if m.ok else 'FAILED: ' + m.error} in {m.wall_s:.2f} s")

        if "cite" in steps:
            say(f"measuring citation extraction on {args.cite_mb:g} MB of text")
            cite = measure_cite(python, out, args.cite_mb)
    finally:
        server.stop()
        say(f"server stopped (pid {server.pid}, exit {server.process.returncode})")

    rates = ratios(by_name, cores)
    print()
    print(
        f"{info['date']}  {info['cores']} cores, {info['memory_gb']} GB, {info['cpu']}; "
        f"server {server.name}"
    )
    print(
        f"corpus: {stats['pages']} pages, {total_bytes / MB:.0f} MB, median "
        f"{stats['median_kib']} KiB; MB/s counts decoded page HTML"
    )
    print(table([m for m in results if m.name != "archiver report --format json"], cores))
    print()
    report = by_name.get("report")
    if report:
        line = (
            f"{report.wall_s:.2f} s for {report.pages} links (target < {TARGETS['report_s']} s)"
            if report.ok
            else f"FAILED: {report.error}"
        )
        print(f"archiver report --format json: {line}")
    if cite is not None:
        if cite.get("ok"):
            print(
                f"citation extraction: {cite['mb_per_s']:.1f} MB/s on {cite['mb']:.0f} MB, "
                f"{cite['citations']} citations (target >= {TARGETS['cite_mb_s']} MB/s)"
            )
        else:
            print(f"citation extraction: {cite.get('error')}")
    for key, label in (
        ("notext_vs_wget", "archiver --no-text / wget"),
        ("text_vs_wget", "archiver with text / wget"),
        ("text_vs_notext", "text / no-text"),
    ):
        value = rates[key]
        target = TARGETS.get(key)
        goal = f" (target >= {target}x)" if target else ""
        shown = f"{value:.2f}x" if value is not None else "n/a"
        print(f"{label:<28} pages/s ratio {shown}{goal}")

    document = {
        "machine": info,
        "server": {"name": server.name, "note": server.note, "port": server.port},
        "tools": {
            "wget": tool_version([shutil.which("wget") or "/usr/bin/wget", "--version"]),
            "archiver": tool_version([python, "-m", "archiver", "--version"]),
        },
        "corpus": stats,
        "results": [{**asdict(m), **(m.derived(cores) if m.ok else {})} for m in results],
        "ratios": rates,
        "citation_extraction": cite,
        "targets": TARGETS,
    }
    (out / "results.json").write_text(json.dumps(document, indent=2, default=str))
    print(f"\nwritten: {out / 'results.json'}")
    return 0 if all(m.ok for m in results) else 1


if __name__ == "__main__":
    sys.exit(main())
