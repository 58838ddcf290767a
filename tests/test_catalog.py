"""The catalog's questions, answered from the rows the pipeline records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archiver.catalog import Catalog
from archiver.model import Attempt, Capture, Citation, Hop, Link, Readable, RecordRef, Verdict
from tests.exchanges import build_archive


def ref(n: int, kind: str = "response", digest: str = "sha1:AAA") -> RecordRef:
    return RecordRef(
        f"f{n}.warc.gz",
        n * 100,
        50,
        f"<urn:uuid:{n}>",
        kind,
        digest,
        f"2024-01-0{n}T00:00:00.000000Z",
    )


def test_runs_links_and_resume_questions(tmp_path: Path) -> None:
    cat = Catalog.open(tmp_path / "c.sqlite")
    links = [
        Link(
            "http://a.test/",
            [
                Citation(
                    "http://a.test/",
                    "a.test",
                    "p.md",
                    3,
                    7,
                    "see a",
                    "http://a.test",
                    ("added scheme",),
                )
            ],
        ),
        Link("http://b.test/"),
    ]
    run = cat.begin_run({"concurrency": 3}, links)
    assert cat.unfinished_run() == run and cat.latest_run() is None
    assert cat.latest_run(finished_only=False) == run
    assert cat.run_links(run) == links
    cap = Capture(
        "http://a.test/",
        "2024-01-01T00:00:00Z",
        hops=[Hop("http://a.test/", 200, "OK", content_type="text/html", size=10, record=ref(1))],
        attempts=[Attempt(1, "503", 0.1, wait=1.0), Attempt(2, "200", 0.2)],
    )
    cat.record_capture(run, cap)
    assert cat.captured_urls(run) == {"http://a.test/"}
    cat.finish_run(run, offline=False, summary={"links": 2})
    assert cat.unfinished_run() is None and cat.latest_run() == run
    [info] = cat.runs()
    assert info["settings"] == {"concurrency": 3} and info["summary"] == {"links": 2}
    assert info["offline"] is False and info["links"] == 2 and info["captures"] == 1
    [c] = cat.captures_of("http://a.test/")
    assert (c["outcome"], c["attempts"], c["warc_file"], c["warc_offset"]) == (
        "200",
        2,
        "f1.warc.gz",
        100,
    )
    assert [h["record_id"] for h in c["hops"]] == ["<urn:uuid:1>"]
    cat.close()


def test_revisit_lookup_finds_the_original_response_only(tmp_path: Path) -> None:
    cat = Catalog.open(tmp_path / "c.sqlite")
    run = cat.begin_run({}, [])
    url = "http://a.test/"
    for r, orig in ((ref(1), None), (ref(2, "revisit"), ref(1))):
        cat.record_capture(run, Capture(url, "", hops=[Hop(url, 200, record=r, revisit_of=orig)]))
    cut = RecordRef("f3.warc.gz", 0, 1, "<urn:uuid:3>", "response", "sha1:BBB", "d")
    cat.record_capture(run, Capture(url, "", hops=[Hop(url, 200, truncated="length", record=cut)]))
    assert cat.revisit_lookup(url, "sha1:AAA") == ref(1)
    assert cat.revisit_lookup(url, "sha1:BBB") is None  # a cut body is no original
    assert cat.revisit_lookup("http://other.test/", "sha1:AAA") is None
    cat.close()


def test_history_statuses_and_texts_across_runs(tmp_path: Path) -> None:
    cat = Catalog.open(tmp_path / "c.sqlite")
    url = "http://a.test/"
    runs = []
    for n, status in enumerate(["ok", "unreachable", "dead"]):
        run = cat.begin_run({}, [Link(url)])
        runs.append(run)
        cat.record_text(
            run,
            url,
            Readable(text=f"t{n}", title="T", language="en", kind="html"),
            f"text/a-r{run}.txt" if n != 1 else None,
            ref(1),
        )
        cat.record_verdicts(
            run, [Verdict(url, status, "because", 200, url, "new", None, "f1.warc.gz", 100, "T")]
        )
        cat.finish_run(run, offline=False, summary={})
    assert cat.previous_statuses(url, runs[2]) == ["unreachable", "ok"]
    assert cat.previous_statuses(url, runs[0]) == []
    assert cat.previous_text_path(url, runs[2]) == f"text/a-r{runs[0]}.txt"
    assert cat.previous_text_path(url, runs[0]) is None
    hist = cat.history([url, "http://never.test/"])
    assert [(r, s) for r, _, s, _ in hist[url]] == list(
        zip(runs, ["ok", "unreachable", "dead"], strict=True)
    )
    assert hist["http://never.test/"] == []
    [v] = cat.verdicts(runs[1])
    assert v == Verdict(
        url, "unreachable", "because", 200, url, "new", None, "f1.warc.gz", 100, "T"
    )
    cat.close()


def test_wal_and_batched_transactions(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cat = Catalog.open(path)
    assert cat.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    run = cat.begin_run({}, [])
    other = sqlite3.connect(path)
    cat.record_text(run, "http://a.test/", Readable(text="t"), None, None)
    # batched: another reader does not see the text yet, and is not blocked
    assert other.execute("SELECT count(*) FROM texts").fetchone()[0] == 0
    # a capture is committed at once (resume counts on it), with what came before it
    cat.record_capture(run, Capture("http://a.test/", ""))
    assert other.execute("SELECT count(*) FROM captures").fetchone()[0] == 1
    assert other.execute("SELECT count(*) FROM texts").fetchone()[0] == 1
    other.close()
    cat.close()


def test_journal_receives_every_change_before_it_is_applied(tmp_path: Path) -> None:
    cat = Catalog.open(tmp_path / "c.sqlite")
    run = cat.begin_run({"x": 1}, [Link("http://a.test/")])
    seen: list[tuple[str, int]] = []

    def journal(kind: str, data: dict) -> None:
        seen.append((kind, cat.conn.execute("SELECT count(*) FROM captures").fetchone()[0]))

    cat.attach_journal(run, journal)
    cat.record_capture(run, Capture("http://a.test/", ""))
    cat.record_verdicts(run, [])
    cat.finish_run(run, offline=True, summary={})
    assert seen == [("run", 0), ("capture", 0), ("verdicts", 1), ("finish", 1)]
    cat.close()


def test_built_archive_answers_show_and_diff_questions(tmp_path: Path) -> None:
    build_archive(tmp_path, runs=2)
    cat = Catalog.open(tmp_path / "catalog.sqlite")
    try:
        caps = cat.captures_of("http://site.test/same")
        assert [c["run_id"] for c in caps] == [1, 2]
        assert [c["record_type"] for c in caps] == ["response", "revisit"]
        assert caps[1]["original_record_id"] == caps[0]["record_id"]
        assert all(c["text_path"] for c in caps)
        old = cat.captures_of("http://site.test/old")
        assert [h["status"] for h in old[0]["hops"]] == [301, 200]
        assert old[0]["final_url"] == "http://site.test/new"
    finally:
        cat.close()
