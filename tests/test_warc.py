"""The WARC writer: byte fidelity, validity, revisits, rotation, CDXJ, crash recovery."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
import surt
from warcio.archiveiterator import ArchiveIterator

from archiver import warc as warc_module
from archiver.model import RecordRef
from archiver.warc import (
    REVISIT_PROFILE,
    WarcWriter,
    cdxj_name,
    complete_length,
    index_file,
    recover,
    warc_files,
)
from tests.exchanges import (
    PAGE,
    exchange,
    failed_exchange,
    not_http_exchange,
    warcio_check,
)


def records(path: Path) -> list[tuple[dict[str, str], bytes, int]]:
    """(WARC headers, raw block as stored, offset) for every record of a file."""
    out = []
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh, no_record_parse=True)
        for rec in it:
            headers = dict(rec.rec_headers.headers)
            out.append((headers, rec.raw_stream.read(), it.get_record_offset()))
    return out


def sha1(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def write(tmp_path: Path, *exchanges, **kw) -> tuple[list, Path]:
    refs = []
    with WarcWriter(tmp_path, run_id=7, settings={"respect_robots": True}, **kw) as w:
        for ex in exchanges:
            refs.append(w.write_exchange(ex))
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) == 1
    return refs, files[0]


@pytest.mark.parametrize(
    "chunked,gzipped",
    [(False, False), (True, False), (False, True), (True, True)],
    ids=["plain", "chunked", "gzip", "chunked+gzip"],
)
def test_response_block_is_the_bytes_as_received(
    tmp_path: Path, chunked: bool, gzipped: bool
) -> None:
    ex = exchange("http://a.test/page", chunked=chunked, gzipped=gzipped)
    head = ex.response_head
    raw = ex.body.read()  # type: ignore[union-attr]
    ex.body.seek(0)  # type: ignore[union-attr]
    [(ref, original)], path = write(tmp_path, ex)
    assert original is None and ref.record_type == "response"
    by_type = {h["WARC-Type"]: (h, block, off) for h, block, off in records(path)}
    h, block, offset = by_type["response"]
    assert block == head + raw
    assert offset == ref.offset
    assert h["WARC-Payload-Digest"] == sha1(raw) == ref.payload_digest
    assert h["WARC-Block-Digest"] == sha1(head + raw)
    assert h["WARC-Target-URI"] == "http://a.test/page"
    assert h["WARC-IP-Address"] == "127.0.0.1"
    assert h["WARC-Date"] == ref.date
    req = by_type["request"][0]
    assert h["WARC-Concurrent-To"] == req["WARC-Record-ID"]
    assert req["WARC-Concurrent-To"] == h["WARC-Record-ID"]
    assert by_type["request"][1] == ex.request
    # warcio undoes the framing and the encoding: the page the server meant comes back
    with open(path, "rb") as fh:
        fh.seek(ref.offset)
        rec = next(iter(ArchiveIterator(fh)))
        assert rec.content_stream().read() == PAGE
    result = warcio_check([path])
    assert result.returncode == 0, result.stdout
    assert "digest pass" in result.stdout


def test_warcinfo_first_and_every_record_names_it(tmp_path: Path) -> None:
    _, path = write(tmp_path, exchange("http://a.test/"), failed_exchange("http://b.test/"))
    recs = records(path)
    info, block, _ = recs[0]
    assert info["WARC-Type"] == "warcinfo"
    assert info["WARC-Filename"] == path.name
    fields = dict(line.split(": ", 1) for line in block.decode().splitlines())
    assert fields["archiver-run-id"] == "7"
    assert fields["robots"] == "obey"
    assert json.loads(fields["archiver-settings"]) == {"respect_robots": True}
    assert fields["software"].startswith("archiver/")
    for h, _, _ in recs[1:]:
        assert h["WARC-Warcinfo-ID"] == info["WARC-Record-ID"]
        assert h["WARC-Type"] != "warcinfo"


def test_same_payload_of_same_url_is_a_revisit(tmp_path: Path) -> None:
    refs, path = write(
        tmp_path,
        exchange("http://a.test/x"),
        exchange("http://a.test/x"),
        exchange("http://a.test/other"),
    )
    (first, _), (second, original), (third, _) = refs
    assert second.record_type == "revisit" and original == first
    assert third.record_type == "response"  # same bytes, another URL: not a revisit
    h = {hh["WARC-Record-ID"]: (hh, block) for hh, block, _ in records(path)}
    rh, block = h[second.record_id]
    assert rh["WARC-Profile"] == REVISIT_PROFILE
    assert rh["WARC-Refers-To"] == first.record_id
    assert rh["WARC-Refers-To-Target-URI"] == "http://a.test/x"
    assert rh["WARC-Refers-To-Date"] == first.date
    assert rh["WARC-Payload-Digest"] == first.payload_digest
    assert block.startswith(b"HTTP/1.1 200 OK") and block.endswith(b"\r\n\r\n")
    assert warcio_check([path]).returncode == 0


def test_a_writer_remembers_only_the_newest_payloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory stays flat over a long run: past SEEN_MAX the oldest payloads are forgotten
    (written again in full), the newest still become revisits."""
    monkeypatch.setattr(warc_module, "SEEN_MAX", 2)
    urls = ["http://a.test/1", "http://a.test/2", "http://a.test/3"]
    refs, _ = write(tmp_path, *(exchange(u) for u in [*urls, "http://a.test/1", urls[2]]))
    assert [r.record_type for r, _ in refs] == ["response"] * 4 + ["revisit"]


def test_revisit_seeded_from_lookup_and_never_for_truncated(tmp_path: Path) -> None:
    ex = exchange("http://a.test/x")
    digest = sha1(ex.body.read())  # type: ignore[union-attr]
    ex.body.seek(0)  # type: ignore[union-attr]
    earlier = RecordRef(
        "old.warc.gz", 10, 20, "<urn:uuid:1>", "response", digest, "2024-01-01T00:00:00.000000Z"
    )
    asked = []

    def lookup(url: str, d: str) -> RecordRef | None:
        asked.append((url, d))
        return earlier if d == digest else None

    cut = exchange("http://a.test/x", truncated="length")
    refs, path = write(tmp_path, ex, cut, revisit_lookup=lookup)
    assert refs[0] == (refs[0][0], earlier) and refs[0][0].record_type == "revisit"
    assert refs[1][0].record_type == "response" and refs[1][1] is None
    assert asked == [("http://a.test/x", digest)]  # the second time it is remembered
    trunc = [h for h, _, _ in records(path) if h.get("WARC-Truncated")]
    assert [h["WARC-Truncated"] for h in trunc] == ["length"]
    assert warcio_check([path]).returncode == 0


def test_not_http_is_a_resource_with_its_error(tmp_path: Path) -> None:
    [(ref, _)], path = write(tmp_path, not_http_exchange("http://ssh.test/"))
    assert ref.record_type == "resource"
    recs = records(path)
    types = [h["WARC-Type"] for h, _, _ in recs]
    assert types == ["warcinfo", "request", "resource", "metadata"]
    assert "response" not in types
    assert recs[2][1] == b"SSH-2.0-OpenSSH_9.6\r\n"
    meta = json.loads(recs[3][1])
    assert meta["error"] == "not-http" and meta["url"] == "http://ssh.test/"
    assert recs[3][0]["WARC-Refers-To"] == ref.record_id
    assert warcio_check([path]).returncode == 0


def test_failure_without_answer_is_request_and_metadata(tmp_path: Path) -> None:
    refs, path = write(
        tmp_path,
        failed_exchange("http://a.test/", "refused", sent=True),
        failed_exchange("http://nx.test/", "dns"),
    )
    assert [r.record_type for r, _ in refs] == ["metadata", "metadata"]
    recs = records(path)
    assert [h["WARC-Type"] for h, _, _ in recs] == ["warcinfo", "request", "metadata", "metadata"]
    assert recs[2][0]["WARC-Concurrent-To"] == recs[1][0]["WARC-Record-ID"]
    assert "WARC-Concurrent-To" not in recs[1][0]  # no response to point at
    assert [json.loads(b)["error"] for _, b, _ in recs[2:]] == ["refused", "dns"]
    assert warcio_check([path]).returncode == 0


def test_rotation_open_names_and_cdxj(tmp_path: Path) -> None:
    with WarcWriter(tmp_path, run_id=1, settings={}, max_size=3000) as w:
        refs = [
            w.write_exchange(exchange(f"http://a.test/{i}", PAGE + b"%d" % i))[0] for i in range(6)
        ]
        assert w.path_of(refs[-1]).name.endswith(".warc.gz.open")
        assert w.path_of(refs[0]) == tmp_path / refs[0].warc_file
        conv = w.write_conversion("the text", url="http://a.test/0", refers_to=refs[0])
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) >= 3 and not list(tmp_path.glob("*.open"))
    assert [f.name for f in files] == sorted({r.warc_file for r in [*refs, conv]})
    for path in files:
        assert records(path)[0][0]["WARC-Type"] == "warcinfo"
        assert path.name.startswith("archiver-") and path.name.endswith(
            f"-{files.index(path):05d}.warc.gz"
        )
    result = warcio_check(files)
    assert result.returncode == 0, result.stdout
    # the CDXJ the writer kept equals what cdxj-indexer makes of the closed file
    lines = 0
    for path in files:
        ours = (tmp_path / cdxj_name(path.name)).read_text()
        theirs_dir = tmp_path / "theirs"
        theirs_dir.mkdir(exist_ok=True)
        copy = theirs_dir / path.name
        copy.write_bytes(path.read_bytes())
        theirs = index_file(copy).read_text()
        assert ours == theirs
        lines += ours.count("\n")
    assert lines == 6  # one per response; conversion records stay out of the replay index


def test_replay_by_index_lookup(tmp_path: Path) -> None:
    """The replay route: look the URL up in the CDXJ, seek, get the page bytes back."""
    url = "http://a.test/article?id=3"
    with WarcWriter(tmp_path, run_id=1, settings={}) as w:
        w.write_exchange(exchange("http://a.test/other", b"other"))
        w.write_exchange(exchange(url, chunked=True, gzipped=True))
    [cdxj] = tmp_path.glob("*.cdxj")
    key = surt.surt(url)
    hits = [
        json.loads(line.split(" ", 2)[2])
        for line in cdxj.read_text().splitlines()
        if line.split(" ", 1)[0] == key
    ]
    assert len(hits) == 1 and hits[0]["status"] == "200" and hits[0]["mime"] == "text/html"
    with open(tmp_path / hits[0]["filename"], "rb") as fh:
        fh.seek(int(hits[0]["offset"]))
        member = fh.read(int(hits[0]["length"]))
    rec = next(iter(ArchiveIterator(io.BytesIO(member))))
    assert rec.rec_headers.get_header("WARC-Target-URI") == url
    assert rec.http_headers.get_statuscode() == "200"
    assert rec.content_stream().read() == PAGE


def test_large_body_is_streamed_with_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(warc_module, "_IN_MEMORY", 1000)
    monkeypatch.setattr(warc_module, "_CHUNK", 4096)
    body = os.urandom(50_000)
    [(_ref, _)], path = write(
        tmp_path, exchange("http://a.test/big", body, headers=[("Content-Type", "image/png")])
    )
    [resp] = [(h, b) for h, b, _ in records(path) if h["WARC-Type"] == "response"]
    assert resp[1].endswith(body) and resp[0]["WARC-Payload-Digest"] == sha1(body)
    assert warcio_check([path]).returncode == 0


def test_header_values_cannot_break_the_record(tmp_path: Path) -> None:
    ex = exchange("http://a.test/x")
    ex.url = "http://a.test/x\r\nWARC-Type: evil y"
    _, path = write(tmp_path, ex)
    resp = [h for h, _, _ in records(path) if h["WARC-Type"] == "response"]
    assert resp[0]["WARC-Target-URI"] == "http://a.test/x%0D%0AWARC-Type:%20evil%20y"
    assert warcio_check([path]).returncode == 0


class Exploding(io.BytesIO):
    def read(self, n: int = -1) -> bytes:  # type: ignore[override]
        if self.tell() > 5000:
            raise OSError("disk gone")
        return super().read(n)


def test_a_record_cut_by_an_error_never_reaches_the_closed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(warc_module, "_IN_MEMORY", 1000)
    monkeypatch.setattr(warc_module, "_CHUNK", 4096)
    w = WarcWriter(tmp_path, run_id=1, settings={})
    ok, _ = w.write_exchange(exchange("http://a.test/ok"))
    bad = exchange("http://a.test/bad", os.urandom(20_000))
    bad.body = Exploding(bad.body.read())  # type: ignore[union-attr]
    with pytest.raises(OSError, match="disk gone"):
        w.write_exchange(bad)
    w.close()
    [path] = tmp_path.glob("*.warc.gz")
    assert warcio_check([path]).returncode == 0
    recs = records(path)
    # the failed exchange's request record was whole before its response failed
    assert [h["WARC-Type"] for h, _, _ in recs] == ["warcinfo", "request", "response", "request"]
    assert recs[2][2] == ok.offset
    assert complete_length(path) == path.stat().st_size


def test_recover_cuts_back_to_the_last_whole_record(tmp_path: Path) -> None:
    w = WarcWriter(tmp_path, run_id=1, settings={})
    refs = [w.write_exchange(exchange(f"http://a.test/{i}"))[0] for i in range(3)]
    w.flush()
    open_path = w.current_file
    assert open_path is not None
    good = open_path.stat().st_size
    # what a kill leaves: half of the next gzip member
    member = gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + b"x" * 5000)
    with open(open_path, "ab") as fh:
        fh.write(member[: len(member) // 2])
    assert complete_length(open_path) == good
    w._file = None  # the process is gone: nobody closes it
    fixed = recover(tmp_path)
    assert fixed == [tmp_path / refs[0].warc_file]
    assert fixed[0].stat().st_size == good
    assert warcio_check(fixed).returncode == 0
    cdxj = (tmp_path / cdxj_name(fixed[0].name)).read_text()
    assert cdxj.count("\n") == 3
    assert recover(tmp_path) == []  # nothing left to fix


def test_recover_removes_a_file_without_one_whole_record(tmp_path: Path) -> None:
    p = tmp_path / "archiver-20240101000000-00000.warc.gz.open"
    p.write_bytes(gzip.compress(b"WARC/1.1\r\n" + b"y" * 100)[:20])
    assert recover(tmp_path) == [] and not p.exists()


KILLED_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from archiver.warc import WarcWriter
    from tests.exchanges import exchange
    w = WarcWriter(Path(sys.argv[1]), run_id=1, settings={})
    i = 0
    while True:
        w.write_exchange(exchange(f"http://a.test/{i}", b"<p>page %d</p>" % i * 300))
        i += 1
        print(i, flush=True)
""")


def test_kill_9_mid_run_loses_no_complete_record(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert proc.stdout is not None
    done = 0
    for line in proc.stdout:
        done = int(line)
        if done >= 40:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    fixed = recover(tmp_path)
    assert len(fixed) == 1
    assert warcio_check(fixed).returncode == 0
    urls = [h["WARC-Target-URI"] for h, _, _ in records(fixed[0]) if h["WARC-Type"] == "response"]
    # every exchange reported written is there, in order, whole
    assert urls[:done] == [f"http://a.test/{i}" for i in range(done)]


def test_a_writer_opening_in_the_same_second_as_an_earlier_file_sorts_after_it(
    tmp_path: Path,
) -> None:
    """Run 1 rotated into second S with serial 3; run 2 opening its file in S comes after."""
    with WarcWriter(tmp_path / "scratch", run_id=1, settings={}) as w:
        w.write_metadata({"run": 1}, url="urn:x")
    record = next((tmp_path / "scratch").glob("*.warc.gz")).read_bytes()
    for _ in range(5):  # the clock may turn a second between the two steps: try again
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        earlier = tmp_path / f"archiver-{stamp}-00003.warc.gz"
        earlier.write_bytes(record)
        with WarcWriter(tmp_path, run_id=2, settings={}) as w:
            w.write_metadata({"run": 2}, url="urn:x")
        [later] = [p for p in tmp_path.glob("*.warc.gz") if p != earlier]
        if f"-{stamp}-" in later.name:
            assert warc_files(tmp_path) == [earlier, later]
            return
        earlier.unlink()
        later.unlink()
    pytest.fail("the clock turned a second every time")
