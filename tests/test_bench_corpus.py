"""The benchmark's corpus is deterministic and shaped like real pages; its fallback
server serves the same URLs with the same encodings nginx would."""

from __future__ import annotations

import statistics
from pathlib import Path

import httpx

from bench import corpus, servers


def read_all(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*.html"))
        if p.is_file()
    }


def test_generation_is_deterministic_and_independent_of_count(tmp_path: Path) -> None:
    first = corpus.generate(tmp_path / "one", 40)
    second = corpus.generate(tmp_path / "two", 40)
    small = corpus.generate(tmp_path / "three", 10)
    assert first == second
    files_one, files_two = read_all(tmp_path / "one"), read_all(tmp_path / "two")
    assert len(files_one) == 40
    assert files_one == files_two
    assert small == first[:10]
    assert read_all(tmp_path / "three") == {
        key: value
        for key, value in files_one.items()
        if key in {f"{p.host}{p.path}" for p in small}
    }
    assert (
        corpus.render_page(7) == (tmp_path / "one" / first[7].host / first[7].path[1:]).read_bytes()
    )
    assert corpus.render_page(7, seed=1) != corpus.render_page(7)


def test_a_rerun_reuses_the_corpus_on_disk(tmp_path: Path) -> None:
    pages = corpus.generate(tmp_path, 12)
    marker = tmp_path / pages[0].host / pages[0].path[1:]
    marker.write_bytes(b"left alone")
    assert corpus.generate(tmp_path, 12) == pages
    assert marker.read_bytes() == b"left alone"
    corpus.generate(tmp_path, 13)  # another count: written afresh
    assert marker.read_bytes() == corpus.render_page(0)


def test_size_distribution() -> None:
    sizes = [len(corpus.render_page(i)) for i in range(300)]
    kib = corpus.KIB
    assert all(20 * kib <= size <= 200 * kib for size in sizes)
    assert 50 * kib <= statistics.median(sizes) <= 70 * kib
    assert sum(size < 35 * kib for size in sizes) >= 15  # a real spread, not one size
    assert sum(size > 120 * kib for size in sizes) >= 10


def test_pages_have_boilerplate_languages_hosts_and_kinds() -> None:
    plans = [corpus.plan(i) for i in range(300)]
    assert {p.kind for p in plans} == {"plain", "gzip", "chunked"}
    assert {p.language for p in plans} == {"en", "de", "fr", "es", "ru"}
    assert {p.ip for p in plans} == {"127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"}
    russian = next(p for p in plans if p.language == "ru")
    html = corpus.render_page(russian.index).decode("utf-8")
    for part in ('<meta charset="utf-8">', "<nav", "<article>", 'class="related"', "<footer"):
        assert part in html
    assert '<html lang="ru">' in html
    assert any("а" <= ch <= "я" for ch in html)


def test_citation_text_has_urls_in_several_forms() -> None:
    text = corpus.text_corpus(50_000)
    assert len(text.encode()) >= 50_000
    assert text == corpus.text_corpus(50_000)
    assert "](https://" in text and "<https://" in text and "?utm_source=" in text


def test_nginx_config_serves_each_host_from_its_root(tmp_path: Path) -> None:
    config = servers.nginx_config(tmp_path / "corpus", tmp_path / "prefix", 8123)
    for host, ip in corpus.HOSTS:
        assert f"listen {ip}:8123;" in config
        assert f"root {tmp_path / 'corpus' / host};" in config
    assert "location /gzip/ { gzip on;" in config
    assert "location /chunked/ { ssi on; }" in config
    assert f"pid {tmp_path / 'prefix'}/nginx.pid;" in config


def test_python_fallback_server_serves_plain_gzip_and_chunked(tmp_path: Path) -> None:
    pages = corpus.generate(tmp_path, 24)
    server = servers.start_python(tmp_path)
    try:
        seen = {}
        with httpx.Client(trust_env=False, timeout=10) as client:
            for page in pages:
                if page.kind in seen:
                    continue
                response = client.get(corpus.url(page, server.port))
                on_disk = (tmp_path / page.host / page.path[1:]).read_bytes()
                assert response.status_code == 200
                assert response.content == on_disk
                seen[page.kind] = response.headers
            missing = client.get(f"http://127.0.0.11:{server.port}/nope.html")
            assert missing.status_code == 404
    finally:
        server.stop()
    assert server.process.returncode is not None
    assert seen["plain"]["content-length"] and "transfer-encoding" not in seen["plain"]
    assert seen["gzip"]["content-encoding"] == "gzip"
    assert seen["gzip"]["transfer-encoding"] == "chunked"
    assert seen["chunked"]["transfer-encoding"] == "chunked"
    assert "content-encoding" not in seen["chunked"]
