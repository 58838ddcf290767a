"""The snapshot's fast paths: the WARC writer thread, batched commits, batched reads."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.capture import FetchOptions, capture_urls
from archiver.catalog import Catalog
from archiver.model import Capture, Exchange, Link
from archiver.snapshot import READ_BATCH, SnapshotSettings, snapshot
from archiver.warc import WarcWriter, WriterThread
from tests.exchanges import exchange, warcio_check
from tests.web import Web


def _records_at(path: Path) -> dict[int, tuple[str, str]]:
    """offset -> (record type, record id) of every record in a WARC file."""
    out = {}
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        for rec in it:
            out[it.get_record_offset()] = (
                rec.rec_type,
                rec.rec_headers.get_header("WARC-Record-ID"),
            )
    return out


def at_types(path: Path) -> list[str]:
    return [t for t, _ in _records_at(path).values()]


def _journal_changes(path: Path) -> list[dict]:
    changes = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "metadata":
                changes += json.loads(rec.content_stream().read())["changes"]
    return changes


def test_writer_thread_keeps_call_order_and_true_offsets(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path, run_id=1, settings={})
    thread = WriterThread(writer)
    futures = []
    for i in range(30):
        futures.append(thread.submit(writer.write_exchange, exchange(f"http://a.test/{i}")))
        thread.journal("note", {"i": i})  # results nobody waits for, in between
    thread.drain()
    refs = [f.result()[0] for f in futures]
    thread.close()
    path = writer.current_file
    assert path is not None
    writer.close()
    final = tmp_path / refs[0].warc_file
    at = _records_at(final)
    for ref in refs:  # each ref names the record that really is at its offset
        assert at[ref.offset] == ("response", ref.record_id)
    offsets = [ref.offset for ref in refs]
    assert offsets == sorted(offsets)  # written in the order asked
    journal = []
    with open(final, "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "metadata":
                payload = json.loads(rec.content_stream().read())
                journal += [change["data"]["i"] for change in payload["changes"]]
    assert journal == list(range(30))  # every change, in order, in one record
    assert at_types(final).count("metadata") == 1
    assert warcio_check([final]).returncode == 0


def test_an_error_of_a_call_nobody_waits_for_is_raised_by_drain(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path, run_id=1, settings={})
    thread = WriterThread(writer)

    def broken() -> None:
        raise OSError("disk full")

    thread.later(broken)
    with pytest.raises(OSError, match="disk full"):
        thread.drain()
    thread.drain()  # raised once, not forever
    ref = thread.submit(writer.write_exchange, exchange("http://a.test/after")).result()[0]
    assert ref is not None and ref.record_type == "response"  # the thread still writes
    thread.close()
    writer.close()


def test_a_waited_call_gets_its_own_error(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path, run_id=1, settings={})
    thread = WriterThread(writer)
    got: list[BaseException | None] = []
    reached = threading.Event()

    def done(result: object, exc: BaseException | None) -> None:
        got.append(exc)
        reached.set()

    thread.call(writer.write_exchange, "not an exchange", done=done)
    assert reached.wait(10)
    assert isinstance(got[0], AttributeError)
    thread.close()
    writer.close()


def test_journal_reaches_the_warc_before_the_commit(tmp_path: Path) -> None:
    cat = Catalog.open(tmp_path / "c.sqlite")
    run = cat.begin_run({}, [Link("http://a.test/")])
    writer = WarcWriter(tmp_path / "warc", run_id=run, settings={})
    thread = WriterThread(writer)
    seen_at_commit: list[int] = []

    def before_commit() -> None:
        thread.drain()
        path = writer.current_file
        assert path is not None
        kinds = [t for t, _ in _records_at(path).values()]
        seen_at_commit.append(kinds.count("metadata"))

    cat.attach_journal(run, thread.journal, before_commit=before_commit)
    cat.record_capture(run, Capture("http://a.test/", ""), commit=False)
    cat.commit()
    cat.detach_journal()
    thread.close()
    writer.close()
    cat.close()
    # The run and the capture, written as one record before the COMMIT.
    assert seen_at_commit[0] == 1
    assert [c["kind"] for c in _journal_changes(writer.closed_files[0])] == ["run", "capture"]


def test_a_failing_awaitable_writer_ends_the_capture_with_its_error(web: Web) -> None:
    a = web.host("a.test")
    a.route("/p", body=b"<html>page</html>")

    async def failing(ex: Exchange) -> tuple[None, None]:
        await asyncio.sleep(0)
        raise OSError("no space left on device")

    options = FetchOptions(resolve=web.resolve_map(), resolve_only=True, retries=0)
    with pytest.raises(OSError, match="no space left"):
        capture_urls([a.named_url("/p")], options, failing)


def test_more_pages_than_a_read_batch_all_get_text_and_a_verdict(tmp_path: Path, web: Web) -> None:
    a = web.host("a.test")
    n = 3 * READ_BATCH + 1  # whole batches and a remainder sent at the end
    for i in range(n):
        words = " ".join(f"word{i}x{j}" for j in range(120))
        a.route(f"/p{i}", body=f"<html><title>Page {i}</title><body><p>{words}</p>".encode())
    settings = SnapshotSettings(
        archive=tmp_path / "archive",
        resolve=web.resolve_map(),
        resolve_only=True,
        retries=0,
        workers=1,
    )
    result = snapshot([Link(a.named_url(f"/p{i}")) for i in range(n)], settings)
    assert sorted(v.url for v in result.verdicts) == sorted(a.named_url(f"/p{i}") for i in range(n))
    assert {v.status for v in result.verdicts} == {"ok"}
    assert {v.title for v in result.verdicts} == {f"Page {i}" for i in range(n)}
    assert result.texts == n
    conversions = {}
    for path in sorted((tmp_path / "archive" / "warc").glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type == "conversion":
                    uri = rec.rec_headers.get_header("WARC-Target-URI")
                    conversions[uri] = rec.content_stream().read().decode()
    assert len(conversions) == n
    for v in result.verdicts:  # the text file and the conversion record say the same
        assert v.text_path is not None
        stored = (tmp_path / "archive" / v.text_path).read_text(encoding="utf-8")
        assert stored == conversions[v.url]
        assert f"word{v.title.split()[1]}x7" in stored


# ---------------------------------------------------------------- cheaper per-record helpers


def test_sha1_digest_is_the_base32_of_the_digest() -> None:
    import base64
    import hashlib

    from archiver.warc import sha1_digest

    for data in [
        b"",
        b"a",
        bytes(range(256)),
        b"\xff" * 1000,
        *(bytes([i]) * i for i in range(64)),
    ]:
        h = hashlib.sha1(data)
        assert sha1_digest(h) == "sha1:" + base64.b32encode(h.digest()).decode()


def test_record_ids_are_distinct_version_4_uuid_urns() -> None:
    import uuid

    from archiver.warc import new_record_id

    ids = [new_record_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for rid in ids:
        assert rid.startswith("<urn:uuid:") and rid.endswith(">")
        u = uuid.UUID(rid[len("<urn:uuid:") : -1])
        assert u.version == 4 and u.variant == uuid.RFC_4122
        assert str(u) == rid[len("<urn:uuid:") : -1]


@pytest.mark.parametrize("cap", [1, 60, 300])
def test_capped_word_count_agrees_with_word_count_up_to_the_cap(cap: int) -> None:
    from archiver.soft404 import _capped_word_count, word_count

    texts = [
        "",
        "   ",
        " one ",
        "word " * (cap - 1),
        "word " * cap,
        "word\n" * (cap + 1),
        "word\t" * (cap * 3),
        "页面未找到" * 10,
        "ページ " * cap + "見つかりません",
        "слово " * (cap // 2) + "字" * (cap + 5),
    ]
    for text in texts:
        exact = word_count(text)
        capped = _capped_word_count(text, cap)
        if exact <= cap:
            assert capped == exact, text[:40]
        else:
            assert capped > cap, text[:40]
