"""The whole pipeline on the loopback test web: capture → read → catalog → judge → report."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.archive import load_report, show_capture
from archiver.model import Link
from archiver.snapshot import SnapshotSettings, snapshot
from tests.exchanges import warcio_check
from tests.terminal import run_in_terminal
from tests.web import NOT_FOUND_BODY, Request, Route, Web

ARTICLE = (
    "<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a>"
    "<a href='/about'>About</a></nav><article><h1>{title}</h1>"
    + "".join(
        f"<p>{{para}} Paragraph {i} tells the story of the archive in detail, with "
        f"enough words to be read as the main content of the page.</p>"
        for i in range(6)
    )
    + "</article><footer>Footer links and copyright</footer></body></html>"
)


def page(title: str, para: str = "The uprising began in January.") -> bytes:
    return ARTICLE.format(title=title, para=para).encode()


def settings(tmp_path: Path, web: Web, **kw: object) -> SnapshotSettings:
    base: dict[str, object] = dict(
        archive=tmp_path / "archive",
        resolve=web.resolve_map(),
        resolve_only=True,
        retries=1,
        total_timeout=10.0,
        read_timeout=5.0,
        connect_timeout=2.0,
        workers=1,
    )
    base.update(kw)
    return SnapshotSettings(**base)  # type: ignore[arg-type]


def links(*urls: str) -> list[Link]:
    return [Link(u) for u in urls]


def warc_files(archive: Path) -> list[Path]:
    return sorted((archive / "warc").glob("*.warc.gz"))


def records(archive: Path) -> list[tuple[str, str | None]]:
    out = []
    for path in warc_files(archive):
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                out.append((rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI")))
    return out


@pytest.fixture
def site(web: Web) -> dict[str, str]:
    a = web.host("a.test")
    b = web.host("b.test")
    a.route("/article", body=page("A real article"))
    a.route("/gone", status=404)
    a.route("/moved", redirect=b.named_url("/new-home"), status=301)
    b.route("/new-home", body=page("Moved article"))
    a.route("/old", redirect=a.named_url("/"), status=302)
    a.route("/", body=page("Welcome to the home page", "Latest news and featured items."))
    a.route("/forbidden", status=403)
    return {
        "ok": a.named_url("/article"),
        "dead": a.named_url("/gone"),
        "redirected": a.named_url("/moved"),
        "soft": a.named_url("/old"),
        "blocked": a.named_url("/forbidden"),
    }


def test_snapshot_judges_every_link_and_writes_valid_warcs(
    tmp_path: Path, web: Web, site: dict[str, str]
) -> None:
    result = snapshot(links(*site.values()), settings(tmp_path, web))
    assert not result.offline
    got = {v.url: v.status for v in result.verdicts}
    # counted in SQL, read back a page at a time, and the same on every pass
    assert result.statuses == dict(Counter(got.values()))
    assert [v.url for v in result.verdicts] == [v.url for v in result.verdicts]
    assert got == {
        site["ok"]: "ok",
        site["dead"]: "dead",
        site["redirected"]: "redirected",
        site["soft"]: "soft-404",
        site["blocked"]: "blocked",
    }
    archive = tmp_path / "archive"
    files = warc_files(archive)
    assert files and not list((archive / "warc").glob("*.open"))
    for f in files:
        check = warcio_check([f])
        assert check.returncode == 0, check.stdout + check.stderr
    kinds = [k for k, _ in records(archive)]
    assert kinds[0] == "warcinfo"
    assert "conversion" in kinds and "request" in kinds and "response" in kinds
    # the redirect is recorded hop by hop
    uris = [u for k, u in records(archive) if k == "response"]
    assert site["redirected"] in uris and web.host("b.test").named_url("/new-home") in uris
    # every verdict points at a real record
    ok = next(v for v in result.verdicts if v.status == "ok")
    assert ok.warc_file and ok.warc_offset is not None
    with open(archive / "warc" / ok.warc_file, "rb") as fh:
        fh.seek(ok.warc_offset)
        rec = next(iter(ArchiveIterator(fh)))
        assert rec.rec_headers.get_header("WARC-Target-URI") == site["ok"]
    # text stored and shown
    text = show_capture(archive, site["ok"], None, "text")
    assert isinstance(text, str) and "Paragraph 3 tells the story" in text
    assert "Footer links" not in text
    # reports written for the run
    report = json.loads((archive / "reports" / f"run-{result.run_id:04d}.json").read_text())
    assert {r["url"] for r in report} == set(site.values())
    assert (archive / "reports" / f"run-{result.run_id:04d}.html").stat().st_size > 1000


def test_second_run_detects_unchanged_and_changed(tmp_path: Path, web: Web) -> None:
    a = web.host("a.test")
    a.route("/stable", body=page("Stable page"))
    a.route("/edited", body=page("Edited page"))
    urls = [a.named_url("/stable"), a.named_url("/edited")]
    first = snapshot(links(*urls), settings(tmp_path, web))
    assert {v.drift for v in first.verdicts} == {"new"}
    a.set_body(
        "/edited",
        page(
            "Edited page",
            "A completely different account was written "
            "here, replacing the original paragraph about the events.",
        ),
    )
    second = snapshot(links(*urls), settings(tmp_path, web))
    drift = {v.url: v.drift for v in second.verdicts}
    assert drift == {urls[0]: "unchanged", urls[1]: "changed"}
    edited = next(v for v in second.verdicts if v.url == urls[1])
    assert edited.similarity is not None and edited.similarity < 1.0
    # the unchanged payload was written as a revisit of the first capture
    revisits = [u for k, u in records(tmp_path / "archive") if k == "revisit"]
    assert urls[0] in revisits


def test_offline_run_judges_nothing(tmp_path: Path, web: Web) -> None:
    urls = ["http://nowhere-one.test/a", "http://nowhere-two.test/b", web.refused_url("/c")]
    result = snapshot(links(*urls), settings(tmp_path, web, retries=0))
    assert result.offline
    assert list(result.verdicts) == [] and result.statuses == {}
    data = load_report(tmp_path / "archive", "latest")
    assert data.offline and data.verdicts == []


def test_cli_run_offline_ends_cleanly(tmp_path: Path) -> None:
    (tmp_path / "links.txt").write_text("https://nowhere.invalid/a\nhttps://nothing.invalid/b\n")
    proc = subprocess.run(
        [sys.executable, "-m", "archiver", "run", "--resolve-only", "--retries", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "offline" in proc.stderr
    assert "dead" not in proc.stdout


def test_two_snapshots_at_once_refuse(tmp_path: Path, web: Web) -> None:
    from archiver.lock import archive_lock

    archive = tmp_path / "archive"
    archive.mkdir()
    (tmp_path / "links.txt").write_text(web.refused_url("/x") + "\n")
    with archive_lock(archive):
        proc = subprocess.run(
            [sys.executable, "-m", "archiver", "snapshot", "links.txt"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "another snapshot" in proc.stderr.lower() or "busy" in proc.stderr.lower()


def kill_once_judged(proc: subprocess.Popen[bytes], db: Path, n: int) -> None:
    """SIGKILL a running snapshot once its catalog holds ``n`` verdicts (60 s at most)."""
    deadline = time.monotonic() + 60
    judged = 0
    while time.monotonic() < deadline and judged < n:
        time.sleep(0.1)
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    judged = conn.execute("select count(*) from verdicts").fetchone()[0]
            except sqlite3.Error:
                pass
    assert judged >= n, "the run never got going"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


def test_kill_and_resume(tmp_path: Path, web: Web) -> None:
    a = web.host("a.test")
    n = 10
    for i in range(n):
        # the first four answer at once; the rest drip 40 bytes over about 2 s each
        if i < 4:
            a.route(f"/p{i}", body=page(f"Page {i}"))
        else:
            a.route(f"/p{i}", body=b"<html><title>slow</title>" + b"." * 14 + b"</html>", drip=0.05)
    (tmp_path / "links.txt").write_text("".join(a.named_url(f"/p{i}") + "\n" for i in range(n)))
    resolve = ["--resolve", f"a.test:{a.ip}", "--resolve-only"]
    cmd = [
        sys.executable,
        "-m",
        "archiver",
        "-q",
        "snapshot",
        "links.txt",
        *resolve,
        "--per-host",
        "1",
        "--concurrency",
        "1",
        "--no-text",
    ]
    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    kill_once_judged(proc, tmp_path / "archive" / "catalog.sqlite", 4)
    assert list((tmp_path / "archive" / "warc").glob("*.open"))
    before = {f"/p{i}": a.count(f"/p{i}") for i in range(n)}
    assert sum(1 for c in before.values() if c) < n, "the run ended before the kill"
    done = subprocess.run(
        [*cmd[:5], "--resume", *resolve, "--no-text"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    after = {f"/p{i}": a.count(f"/p{i}") for i in range(n)}
    assert all(after[p] == 1 for p in after if p in ("/p0", "/p1", "/p2", "/p3"))
    assert all(after[p] >= 1 for p in after)
    refetched = [p for p in after if before[p] >= 1 and after[p] > before[p]]
    # only the link in flight at the kill is fetched twice
    assert len(refetched) <= 1, refetched
    for f in warc_files(tmp_path / "archive"):
        check = warcio_check([f])
        assert check.returncode == 0, check.stdout
    report = subprocess.run(
        [sys.executable, "-m", "archiver", "report", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert report.returncode == 0, report.stderr
    assert sorted(r["url"] for r in json.loads(report.stdout)) == sorted(
        a.named_url(f"/p{i}") for i in range(n)
    )


def test_progress_bar_on_a_terminal_only(tmp_path: Path, web: Web) -> None:
    a = web.host("a.test")
    for i in range(5):
        a.route(f"/p{i}", body=page(f"Page {i}"))
    a.route("/p4", status=404)
    (tmp_path / "links.txt").write_text("".join(a.named_url(f"/p{i}") + "\n" for i in range(5)))
    cmd = [
        sys.executable,
        "-m",
        "archiver",
        "snapshot",
        "links.txt",
        "--no-text",
        "--resolve",
        f"a.test:{a.ip}",
        "--resolve-only",
    ]
    code, raw = run_in_terminal(cmd, tmp_path, stream="stderr")
    seen = raw.decode("utf-8", "replace")
    assert code == 0, seen
    assert "capturing" in seen and "5/5" in seen and "1 failed" in seen
    assert "run 1: 5 links" in seen  # the one-line summary comes in any case
    piped = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert piped.returncode == 0
    assert "capturing" not in piped.stderr
    assert piped.stderr.strip().startswith("run 2: 5 links")


def test_progress_says_when_the_run_probes_folders(tmp_path: Path, web: Web) -> None:
    a = web.host("a.test")
    a.route_folder("/s/kanal/", body=_channel())
    (tmp_path / "links.txt").write_text(a.named_url("/s/kanal/4512") + "\n")
    cmd = [sys.executable, "-m", "archiver", "snapshot", "links.txt", "--resolve"]
    cmd += [f"a.test:{a.ip}", "--resolve-only"]
    code, raw = run_in_terminal(cmd, tmp_path, stream="stderr")
    seen = raw.decode("utf-8", "replace")
    assert code == 0, seen
    assert "probing 1 folder and 1 made-up id" in seen and "probing 1 folders" not in seen
    assert "1 soft-404" in seen


def _shop(body: str, title: str = "Kaubamaja Kivi", canonical: str = "") -> str:
    """A shop's page as its server sends it: header, the page's own part, footer."""
    link = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    return (
        f"<!DOCTYPE html><html lang='et'><head><title>{title}</title>{link}</head><body>"
        "<header><a href='/'>Kaubamaja Kivi</a> <a href='/tooted/'>Tooted</a> "
        "<a href='/kontakt'>Kontakt</a></header>"
        f"<main>{body}</main><footer>Kivi OÜ, Tartu mnt 5, Tallinn.</footer></body></html>"
    )


# The shop's item route for an id it does not hold, removed or never there: its item
# template left empty, no name, no price, no stock, which only the same page for a made-up
# id tells apart (a notice in Estonian, "Seda toodet meie valikus praegu ei leidu.", was
# used here until the notice model learnt to read it).
_NO_ITEM = _shop("<h1>Toode</h1><p>Hind: – €</p><p>Laos: –</p><p>Tootekood: –</p>")


def _shop_items(request: Request) -> Route:
    """/tooted/<number> is an item (or the shop's no-item page); any other last segment
    (a random word) is not a route at all: the generic 404."""
    last = request.path.rstrip("/").rsplit("/", 1)[-1]
    if last.isdigit():
        return Route(body=_NO_ITEM.encode())
    return Route(status=404, body=NOT_FOUND_BODY)


def _lamp(request: Request) -> Route:
    """A shop that finds its items by name and ignores the number after it."""
    body = _shop(
        "<h1>Laualamp Kuu</h1><p>Messingist laualamp, 40 cm, soe valge valgus.</p>",
        title="Laualamp Kuu – Kaubamaja Kivi",
        canonical="http://kivi.test/toode/laualamp-kuu-4514",
    )
    return Route(body=body.encode())


@pytest.mark.parametrize("kept", [True, False], ids=["text-kept", "read-again"])
def test_an_items_page_like_a_made_up_id_is_a_soft_404(
    tmp_path: Path, web: Web, monkeypatch: pytest.MonkeyPatch, kept: bool
) -> None:
    """A removed item showing the shop's own no-item page, which neither the host's
    random path nor the folder's reaches (they are not routes: the generic 404), is the
    page the shop shows for the same address with a made-up id: soft-404 whatever its
    wording. A short live item is content, and so is one whose made-up id still shows
    it (the shop ignores the number). Pages with the same made-up id share one request,
    and it is kept in the WARC as evidence."""
    if not kept:
        monkeypatch.setattr("archiver.snapshot.HOLD_READABLES", 0)
    kivi = web.host("kivi.test")
    kivi.route_folder("/tooted/", handler=_shop_items)
    live = "<h1>Villane sall</h1><p>Käsitsi kootud villane sall, 180 cm, hall.</p>"
    kivi.route("/tooted/4513", body=_shop(live, title="Villane sall – Kaubamaja Kivi"))
    kivi.route_folder("/toode/", handler=_lamp)
    urls = [
        kivi.named_url("/tooted/4512"),
        kivi.named_url("/tooted/4513"),
        kivi.named_url("/toode/laualamp-kuu-4514"),
    ]
    result = snapshot(links(*urls), settings(tmp_path, web))
    got = {v.url: v for v in result.verdicts}
    removed = got[urls[0]]
    assert removed.status == "soft-404", removed.reason
    assert removed.reason == "same page as a made-up id (/tooted/0000) on this host"
    assert got[urls[1]].status == "ok", got[urls[1]].reason
    assert got[urls[2]].status == "ok", got[urls[2]].reason
    assert kivi.count("/tooted/0000") == 1  # one request for both items of the folder
    assert kivi.count("/toode/laualamp-kuu-0000") == 1
    recorded = [u for kind, u in records(tmp_path / "archive") if kind == "response"]
    assert kivi.named_url("/tooted/0000") in recorded


def test_snapshot_reads_a_json_citations_file(tmp_path: Path, web: Web) -> None:
    a = web.host("a.test")
    a.route("/cited", body=page("Cited page"))
    (tmp_path / "post.md").write_text(f"As [the report]({a.named_url('/cited')}) shows.\n")
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "archiver",
            "extract",
            "post.md",
            "--format",
            "json",
            "-o",
            "cites.json",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "archiver",
            "run",
            "--links",
            "cites.json",
            "--format",
            "json",
            "--resolve",
            f"a.test:{a.ip}",
            "--resolve-only",
            "--no-text",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [(r["url"], r["status"]) for r in rows] == [(a.named_url("/cited"), "ok")]
    assert rows[0]["cited_in"], rows[0]  # provenance travels from the citations file


def _listing(title: str, body: str) -> bytes:
    frame = "<nav><a href='/'>Marchnad</a> <a href='/chwilio'>Chwilio</a></nav>"
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Marchnad</title></head><body>{frame}"
        f"<main>{body}</main><footer>Marchnad Cyf. Telerau. Preifatrwydd.</footer></body></html>"
    ).encode()


def test_a_removed_item_is_soft_404_on_the_next_run_by_what_it_was(
    tmp_path: Path, web: Web
) -> None:
    """The item's name gone from a short page that the last run saw full is a removal,
    whatever language says so; a live page keeps its heading and stays content."""
    a = web.host("a.test")
    story = " ".join(
        f"Sentence {i} tells how the cargo bike carried three children." for i in range(20)
    )
    a.route(
        "/eitem/8812",
        body=_listing("Beic cargo tair olwyn", f"<h1>Beic cargo tair olwyn</h1><p>{story}</p>"),
    )
    a.route("/byw", body=_listing("Newyddion byw", f"<h1>Newyddion byw</h1><p>{story}</p>"))
    urls = [a.named_url("/eitem/8812"), a.named_url("/byw")]
    first = snapshot(links(*urls), settings(tmp_path, web))
    assert {v.status for v in first.verdicts} == {"ok"}
    a.set_body(
        "/eitem/8812", _listing("Eitem", "<h1>Mae'r eitem wedi mynd</h1><p>Eitemau tebyg</p>")
    )
    fresh = " ".join(
        f"Update {i}: the ferry sails again at noon from the north quay." for i in range(20)
    )
    a.set_body("/byw", _listing("Newyddion byw", f"<h1>Newyddion byw</h1><p>{fresh}</p>"))
    second = snapshot(links(*urls), settings(tmp_path, web))
    got = {v.url: v for v in second.verdicts}
    gone = got[urls[0]]
    assert gone.status == "soft-404"
    assert gone.reason.startswith("its content of the last run (“Beic cargo tair olwyn")
    assert got[urls[1]].status == "ok" and got[urls[1]].drift == "changed"


_CHANNEL_ABOUT = "Sianel newyddion lleol: tywydd, traffig a chyfarfodydd y cyngor, bob bore."


def _channel(post: str = "", about: str = _CHANNEL_ABOUT) -> str:
    """A channel host's page as its server sends it: the channel's card, and the post
    when there is one (a deleted post, or no post at all, shows the card alone). Its
    link-preview description is the post's text, or the channel's without one."""
    card = (
        "<div class='card'><h2>Newyddion Bae Caerdydd</h2><p>Sianel newyddion lleol: "
        "tywydd, traffig a chyfarfodydd y cyngor, bob bore.</p><p>12 480 tanysgrifiwr</p>"
        "<a href='/s/newyddion'>Gweld y sianel</a></div>"
    )
    body = f"<article class='post'>{post}</article>" if post else ""
    return (
        "<!DOCTYPE html><html><head><title>Newyddion Bae Caerdydd</title>"
        f"<meta property='og:description' content=\"{about}\"></head><body>"
        f"{card}{body}<footer>Sianeli. Telerau.</footer></body></html>"
    )


@pytest.mark.parametrize("kept", [True, False], ids=["text-kept", "read-again"])
def test_a_folders_random_path_shows_its_missing_item_template(
    tmp_path: Path, web: Web, monkeypatch: pytest.MonkeyPatch, kept: bool
) -> None:
    """A deleted post that shows its channel's card is what the folder answers for any
    id, unlike the host's 404: soft-404 in any language. A short live post is content,
    and a long article costs no extra request. Held pages past the ones whose text is
    kept in memory are read again from their records, with the same verdicts."""
    if not kept:
        monkeypatch.setattr("archiver.snapshot.HOLD_READABLES", 0)
    a = web.host("a.test")
    a.route_folder("/s/newyddion/", body=_channel())  # every id: the card alone
    post = " ".join(
        f"Bydd y bont ar gau rhwng {h} a {h + 1} o'r gloch oherwydd gwaith ar y ffordd."
        for h in range(5, 10)
    )
    a.route("/s/newyddion/4513", body=_channel(f"<p>{post}</p>", about=post[:60]))
    # a deleted post whose page keeps only the channel's name and a link, unlike the
    # folder's full card: only its link-preview card tells it is the channel's page
    bare = (
        "<!DOCTYPE html><html><head><title>Newyddion Bae Caerdydd</title>"
        f"<meta property='og:description' content=\"{_CHANNEL_ABOUT}\"></head><body>"
        "<h2>Newyddion Bae Caerdydd</h2><a href='/s/newyddion'>Gweld yn y sianel</a>"
        "</body></html>"
    )
    a.route("/s/newyddion/4514", body=bare)
    long_para = " ".join(f"Agorwyd yr harbwr ddoe, meddai llefarydd {i}." for i in range(15))
    a.route("/erthyglau/2024/harbwr", body=page("Harbwr newydd", long_para))
    urls = [
        a.named_url("/s/newyddion/4512"),
        a.named_url("/s/newyddion/4513"),
        a.named_url("/erthyglau/2024/harbwr"),
        a.named_url("/s/newyddion/4514"),
    ]
    result = snapshot(links(*urls), settings(tmp_path, web))
    got = {v.url: v for v in result.verdicts}
    deleted = got[urls[0]]
    assert deleted.status == "soft-404"
    assert deleted.reason == "same page as a random path in /s/newyddion/ on this host"
    assert got[urls[1]].status == "ok"
    assert got[urls[2]].status == "ok"
    card = got[urls[3]]
    assert card.status == "soft-404", card.reason
    assert card.reason.startswith("describes itself like a random path in /s/newyddion/")
    probes = [r.path for r in a.log if "archiver-probe-" in r.path]
    assert len(probes) == 2  # the host's root and the one folder with short pages
    assert sum(p.startswith("/s/newyddion/archiver-probe-") for p in probes) == 1
    recorded = [u for kind, u in records(tmp_path / "archive") if kind == "response"]
    assert any(u and "/s/newyddion/archiver-probe-" in u for u in recorded)
    # the live post's text was stored once, by the first reading
    texts = list((tmp_path / "archive" / "text").glob("*.txt"))
    assert len(texts) == 4


def _ayuntamiento(body: str, title: str) -> str:
    """A town hall's page: its menus, the page's own part, its footer."""
    return (
        f"<!DOCTYPE html><html lang='es'><head><title>{title}</title></head><body>"
        "<header><a href='/'>Ayuntamiento de Valderas</a> <a href='/perfil'>Perfil del"
        " contratante</a> <a href='/sede'>Sede electrónica</a></header>"
        f"<main>{body}</main><footer>Plaza Mayor 1, Valderas.</footer></body></html>"
    )


def test_a_notice_the_model_reads_is_a_soft_404_in_a_run(tmp_path: Path, web: Web) -> None:
    """A withdrawn tender whose one sentence no wording rule knows, on a site whose random
    paths get a plain 404 and whose number makes no made-up-id page: the notice model has
    the last word, and the report quotes the sentence it rests on. A short live notice of
    the same site stays content."""
    host = web.host("valderas.test")
    gone = "<h1>Licitación</h1><p>El contenido solicitado no se ha encontrado.</p>"
    live = (
        "<h1>Obras de la calle Mayor</h1><p>Adjudicada a Construcciones Duero por 184.300"
        " euros; las obras empiezan el 3 de marzo y duran cinco meses.</p>"
    )
    host.route("/perfil/licitacion-4471", body=_ayuntamiento(gone, "Licitación"))
    host.route("/perfil/licitacion-4472", body=_ayuntamiento(live, "Obras de la calle Mayor"))
    urls = [host.named_url("/perfil/licitacion-4471"), host.named_url("/perfil/licitacion-4472")]
    result = snapshot(links(*urls), settings(tmp_path, web))
    got = {v.url: v for v in result.verdicts}
    assert got[urls[0]].status == "soft-404", got[urls[0]].reason
    assert got[urls[0]].reason.startswith(
        "reads like a missing-item notice: “El contenido solicitado no se ha encontrado.”"
    )
    assert got[urls[1]].status == "ok", got[urls[1]].reason
    report = load_report(tmp_path / "archive", "latest")
    recorded = {v.url: v.reason for v in report.verdicts}
    assert recorded[urls[0]] == got[urls[0]].reason
