"""How long judging and rendering take for a 10,000-link run.

Builds a synthetic run (mixed statuses, 5 % changed pages with diffs, five runs of
history per link), then times: judging every link (drift against a previous text of
~400 words, soft-404 checks with a probe) and rendering the report in every format.

    .venv/bin/python bench/report_speed.py [N]
"""

from __future__ import annotations

import random
import sys
import time

from archiver.judge import judge
from archiver.model import Capture, Hop, Readable, Verdict
from archiver.report import FORMATS, ReportData, render

WORDS = [
    "survey", "households", "district", "water", "pump", "illness", "children", "storage",
    "contamination", "source", "report", "village", "season", "health", "clinic", "distance",
    "rainfall", "sample", "field", "team", "measured",
]  # fmt: skip
STATUS_MIX = (
    ["ok"] * 70
    + ["redirected"] * 10
    + ["dead"] * 8
    + ["soft-404"] * 5
    + ["blocked"] * 4
    + ["unreachable"] * 3
)


def text(rng: random.Random, n: int = 400) -> str:
    lines = []
    for _ in range(n // 40):
        lines.append(" ".join(rng.choice(WORDS) for _ in range(40)) + ".")
    return "\n".join(lines)


def judge_all(n: int, rng: random.Random) -> tuple[list[Verdict], float]:
    probe = Readable(text="Welcome to Example. Featured: mugs, jugs and rugs. " * 3)
    pages = []
    for i in range(n):
        body = text(rng)
        before = f"{body}\nUpdated 3 hours ago · 1,204 views"
        after = f"{body}\nUpdated {i % 12 + 1} hours ago · {i * 7:,} views"  # noise only
        if i % 20 == 0:  # 5 % rewritten
            lines = after.splitlines()
            lines[2] = text(rng, 40)
            after = "\n".join(lines)
        url = f"https://site{i % 500}.example/articles/{i}"
        cap = Capture(url=url, started="", hops=[Hop(url=url, status=200)])
        pages.append((cap, Readable(text=after, title=f"Article {i}"), before))
    started = time.perf_counter()
    verdicts = [
        judge(cap, readable, probe=probe, previous_text=before, previous_statuses=["ok"])
        for cap, readable, before in pages
    ]
    return verdicts, time.perf_counter() - started


def report_data(verdicts: list[Verdict], rng: random.Random) -> ReportData:
    for v in verdicts:  # give the rendered run its usual mix of statuses
        v.status = rng.choice(STATUS_MIX)
        v.warc_file, v.warc_offset = "archive-20261125-00001.warc.gz", rng.randrange(10**9)
        v.text_path = f"text/{rng.getrandbits(64):016x}-r5.txt"
    history = {
        v.url: [
            (r, f"2026-{r + 6:02d}-25", rng.choice(STATUS_MIX), "unchanged") for r in range(1, 6)
        ]
        for v in verdicts
    }
    return ReportData(
        run_id=5,
        started="2026-11-25T09:00:00Z",
        finished="2026-11-25T09:12:00Z",
        settings={"concurrency": 16, "dead_after": 3},
        verdicts=verdicts,
        history=history,
        texts_base="/home/me/archive",
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(5)
    verdicts, judged = judge_all(n, rng)
    changed = sum(v.drift == "changed" for v in verdicts)
    print(
        f"judge {n} links (drift + soft-404 checks): {judged:.2f} s "
        f"({changed} changed, {n - changed} unchanged)"
    )
    data = report_data(verdicts, rng)
    total = 0.0
    for fmt in FORMATS:
        started = time.perf_counter()
        out = render(data, fmt)
        spent = time.perf_counter() - started
        total += spent
        print(f"render {fmt:5} {n} links: {spent:.2f} s, {len(out.encode()) / 1e6:.1f} MB")
    print(f"all five formats: {total:.2f} s")


if __name__ == "__main__":
    main()
