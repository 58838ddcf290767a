"""reindex: the catalog is rebuilt from the WARC files alone, equal to the original."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from archiver.catalog import TABLES, Catalog
from archiver.reindex import reindex
from archiver.warc import WarcWriter, warc_files
from tests.exchanges import build_archive, exchange, failed_exchange, warcio_check


def dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        conn.close()


def test_rebuilt_catalog_equals_the_original(tmp_path: Path) -> None:
    built = build_archive(tmp_path, runs=3, max_size=4000)
    files = warc_files(tmp_path / "warc")
    assert len(files) > 3  # rotation happened inside runs
    assert warcio_check(files).returncode == 0
    original = dump(tmp_path / "catalog.sqlite")
    # the archive is not trivial: every table holds rows, revisits and failures included
    assert all(original[t] for t in TABLES), {t: len(r) for t, r in original.items()}
    with sqlite3.connect(tmp_path / "catalog.sqlite") as conn:
        kinds = {r[0] for r in conn.execute("SELECT record_type FROM hops")}
        errors = {r[0] for r in conn.execute("SELECT error FROM captures")}
    assert {"response", "revisit"} <= kinds and {"dns", "not-http"} <= errors

    stats = reindex(tmp_path, tmp_path / "rebuilt.sqlite")
    rebuilt = dump(tmp_path / "rebuilt.sqlite")
    for table in TABLES:
        assert rebuilt[table] == original[table], table
    assert stats["runs"] == 3 and stats["captures"] == len(original["captures"])
    assert stats.get("fallback_captures", 0) == 0
    assert stats["verdicts"] == len(original["verdicts"])
    assert built.runs == [1, 2, 3]


def test_reindex_replaces_the_catalog_in_place(tmp_path: Path) -> None:
    build_archive(tmp_path, runs=1)
    before = dump(tmp_path / "catalog.sqlite")
    (tmp_path / "catalog.sqlite").write_bytes(b"")  # a lost catalog
    reindex(tmp_path)
    assert dump(tmp_path / "catalog.sqlite") == before
    cat = Catalog.open(tmp_path / "catalog.sqlite")
    try:
        assert cat.latest_run() == 1 and len(cat.verdicts(1)) == 6
    finally:
        cat.close()


def test_records_without_journal_still_give_captures(tmp_path: Path) -> None:
    """WARCs from a run that never journaled (or another tool): the records speak."""
    warc = tmp_path / "warc"
    with WarcWriter(warc, run_id=4, settings={"concurrency": 2}) as w:
        w.write_exchange(exchange("http://a.test/x", status="404 Not Found"))
        w.write_exchange(exchange("http://a.test/y", chunked=True, gzipped=True))
        w.write_exchange(exchange("http://a.test/y", chunked=True, gzipped=True))
        w.write_exchange(failed_exchange("http://nx.test/", "dns"))
    stats = reindex(tmp_path)
    assert stats["fallback_captures"] == 3
    cat = Catalog.open(tmp_path / "catalog.sqlite")
    try:
        [run] = cat.runs()
        assert run["id"] == 4 and run["settings"] == {"concurrency": 2}
        assert run["finished"] is None
        x = cat.captures_of("http://a.test/x")
        assert [(c["status"], c["record_type"]) for c in x] == [(404, "response")]
        with open(warc / x[0]["warc_file"], "rb") as fh:
            fh.seek(x[0]["warc_offset"])
            member = fh.read(x[0]["warc_length"])
        rec = next(iter(ArchiveIterator(io.BytesIO(member))))
        assert rec.rec_headers.get_header("WARC-Record-ID") == x[0]["record_id"]
        y = cat.captures_of("http://a.test/y")
        assert y[0]["record_type"] == "revisit" and y[0]["original_file"] == y[0]["warc_file"]
        nx = cat.captures_of("http://nx.test/")
        assert nx[0]["error"] == "dns" and nx[0]["outcome"] == "dns"
    finally:
        cat.close()


def test_a_damaged_file_keeps_what_precedes_the_damage(tmp_path: Path) -> None:
    build_archive(tmp_path, runs=1, max_size=10**9)
    [path] = warc_files(tmp_path / "warc")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])  # the last records are cut
    stats = reindex(tmp_path, tmp_path / "rebuilt.sqlite")
    assert stats["damaged_files"] == 1
    assert stats["captures"] == 6  # every capture was journaled before the cut
