"""The messy-document corpus, the repository's links.txt, and wget reading it."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from archiver.cite import extract_file, extract_files, read_links, to_links_txt

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "citations"
SOURCE = REPO.parent / "shared" / "source"
SOURCE_TEXT = SOURCE / "kazakhstan-2022-fr.txt"
DOCS = sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.endswith(".expected"))


def expected(doc: Path) -> Counter[str]:
    lines = doc.with_name(doc.name + ".expected").read_text(encoding="utf-8").splitlines()
    return Counter(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def test_corpus_is_big_and_varied_enough() -> None:
    assert len(DOCS) >= 5
    assert sum(sum(expected(d).values()) for d in DOCS) >= 150
    texts = "".join(d.read_text(encoding="utf-8") for d in DOCS)
    assert any("\u0400" <= c <= "\u04ff" for c in texts)  # Cyrillic
    assert {d.suffix for d in DOCS} >= {".txt", ".md", ".html"}


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_corpus_document_matches_its_hand_written_list(doc: Path) -> None:
    found = Counter(c.url for c in extract_file(str(doc)))
    want = expected(doc)
    assert found - want == Counter(), "cited but not expected"
    assert want - found == Counter(), "expected but not found"


@pytest.mark.skipif(not SOURCE_TEXT.is_file(), reason=f"source text absent: {SOURCE_TEXT}")
def test_links_txt_is_reproduced_from_the_source_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    relative = os.path.relpath(SOURCE_TEXT, REPO)
    links = extract_files([relative])
    assert to_links_txt(links) == (REPO / "links.txt").read_text(encoding="utf-8")
    assert [link.url for link in links] == [
        "http://organisemagazine.org.uk/2022/01/06/hands-off-kazakhstan-international/",
        "https://avtonom.org/news/kazahstan-vyshel-na-ulicy-policiya-bezhit",
        "https://avtonom.org/news/protiv-vvoda-v-kazahstan-voysk-stran-chlenov-odkb",
        "https://pramen.io/en/2022/01/colonialism-of-the-twenty-first-century/",
        "https://crimethinc.com/2022/01/06/the-uprising-in-kazakhstan-an-interview-and-%C3%A9valuation",
        "https://vm.tiktok.com/ZM8o8ymBb/",
        "https://centralasia.liveuamap.com/",
        "https://twitter.com/Liveuamap/status/1478303987921305601",
    ]
    repaired = {link.url: link.citations[0].repairs for link in links}
    assert repaired[links[0].url] == ("removed tracking parameter fbclid",)
    assert "joined across a space" in repaired[links[2].url][0]
    assert "joined across a space" in repaired[links[4].url][0]


def test_committed_links_txt_reads_back() -> None:
    links = read_links(str(REPO / "links.txt"))
    assert len(links) == 8
    assert all(link.url.startswith(("http://", "https://")) for link in links)


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    seen: ClassVar[list[str]] = []
    handler = type("Handler", (_Recorder,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(shutil.which("wget") is None, reason="wget is not installed")
def test_wget_reads_links_txt(tmp_path: Path, loopback: tuple[str, list[str]]) -> None:
    base, seen = loopback
    text = f"See {base}/one?fbclid=x and {base}/two-\npart, then {base}/three.\n"
    links_txt = tmp_path / "links.txt"
    links_txt.write_text(to_links_txt(extract_files([_write(tmp_path, text)])), encoding="utf-8")
    run = subprocess.run(
        ["wget", "-q", "-O", "/dev/null", "--no-proxy", "-i", str(links_txt)],
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert sorted(seen) == ["/one", "/three", "/two-part"], run.stderr


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)
