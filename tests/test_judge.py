"""Verdicts: status rules, login walls, dead-after-N, offline runs, --fail-on.

The first half judges captures made by the real fetcher against loopback servers, so
the rules are checked on what the fetcher actually records; the second half builds the
rarer captures (DNS failures, many runs) directly.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from archiver.capture import FetchOptions, capture_urls, no_write
from archiver.judge import fail_on_matches, is_offline, judge, parse_fail_on
from archiver.model import Attempt, Capture, Hop, Readable, Verdict
from tests.web import Web

ARTICLE = (
    "<html><head><title>Soil carbon under rotational grazing</title></head><body>"
    "<h1>Soil carbon under rotational grazing</h1>"
    "<p>We measured soil organic carbon at 42 paired sites in two regions over six years."
    " Rotational grazing increased carbon in the top 30 cm by 8% relative to continuous"
    " grazing, with larger gains on clay soils.</p></body></html>"
)
HOME = (
    "<html><head><title>Example Lab</title></head><body><h1>Welcome to Example Lab</h1>"
    "<p>We study soils, water and the people who farm them. News, people, projects.</p>"
    "</body></html>"
)


def fast(**overrides: object) -> FetchOptions:
    values: dict[str, object] = {
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "total_timeout": 5.0,
        "backoff": 0.01,
        "retries": 1,
    }
    values.update(overrides)
    return FetchOptions(**values)  # type: ignore[arg-type]


def readable_of(capture: Capture) -> Readable | None:
    """Title and visible text of the final body: enough of a reader for these pages."""
    if capture.body is None:
        return None
    raw = capture.body.read()
    capture.body.close()
    soup = BeautifulSoup(raw, "lxml")
    title = soup.title.get_text(strip=True) if soup.title else ""
    if soup.title:
        soup.title.decompose()
    text = "\n".join(line for line in soup.get_text("\n", strip=True).splitlines() if line)
    return Readable(text=text, title=title, kind="html")


def fetch(urls: list[str], **options: object) -> dict[str, Capture]:
    return {c.url: c for c in capture_urls(urls, fast(**options), no_write)}


def verdict_of(capture: Capture, **kw: object) -> Verdict:
    return judge(capture, readable_of(capture), **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- on the wire


def test_statuses_from_real_exchanges(web: Web) -> None:
    a = web.host("a.test")
    a.route("/article", body=ARTICLE)
    a.route("/gone", status=404, body="<h1>Not Found</h1>")
    a.route("/removed", status=410, body="")
    a.route("/private", status=403, body="<h1>Forbidden</h1>")
    a.route("/slow-down", status=429, body="", headers=[("Retry-After", "0")])
    a.route("/broken", status=503, body="")
    a.route("/old-article", status=301, redirect=a.url("/new-article"))
    a.route("/new-article", body=ARTICLE)
    a.route("/dir", status=301, redirect=a.url("/dir/"))
    a.route("/dir/", body=ARTICLE)
    urls = {p: a.url(p) for p in (
        "/article", "/gone", "/removed", "/private", "/slow-down", "/broken",
        "/old-article", "/dir",
    )}  # fmt: skip
    caps = fetch(list(urls.values()))
    got = {p: verdict_of(caps[u]) for p, u in urls.items()}

    assert (got["/article"].status, got["/article"].reason) == ("ok", "200 OK")
    assert got["/article"].title == "Soil carbon under rotational grazing"
    assert (got["/gone"].status, got["/gone"].reason) == ("dead", "404 Not Found")
    assert (got["/removed"].status, got["/removed"].reason) == ("dead", "410 Gone")
    assert (got["/private"].status, got["/private"].reason) == ("blocked", "403 Forbidden")
    assert got["/slow-down"].status == "blocked"
    assert got["/broken"].status == "unreachable"
    assert got["/broken"].reason.startswith("503 Service Unavailable")
    assert got["/old-article"].status == "redirected"
    assert got["/old-article"].reason == f"moved permanently to {a.url('/new-article')}"
    assert got["/old-article"].final_url == a.url("/new-article")
    # a trailing-slash hop is not a move
    assert (got["/dir"].status, got["/dir"].http_status) == ("ok", 200)


def test_soft_404_and_login_wall_on_the_wire(web: Web) -> None:
    lab = web.host("lab.test")
    lab.route("/", body=HOME)
    lab.route("/projects/2014/report", status=302, redirect=lab.url("/"))
    lab.route("/members/paper", status=302, redirect=lab.url("/login?next=/members/paper"))
    lab.route("/login", body="<title>Sign in</title><form>Email Password Sign in</form>")
    lab.route("/missing", body="<title>Page not found</title><h1>Page not found</h1>")
    caps = fetch([lab.url(p) for p in ("/projects/2014/report", "/members/paper", "/missing")])

    home = verdict_of(caps[lab.url("/projects/2014/report")])
    assert (home.status, home.reason) == ("soft-404", "redirected to the site's home page")
    wall = verdict_of(caps[lab.url("/members/paper")])
    assert wall.status == "blocked"
    assert wall.reason.startswith("redirected to a sign-in page")
    missing = verdict_of(caps[lab.url("/missing")])
    assert missing.status == "soft-404"
    assert "Page not found" in missing.reason


def test_probe_page_makes_a_catch_all_host_soft_404(web: Web) -> None:
    shop = web.host("shop.test")
    # every path answers 200 with the shop's front page
    for path in ("/products/teapot", "/zq8v1x-random-probe"):
        shop.route(path, body=HOME.replace("Example Lab", "Example Shop"))
    caps = fetch([shop.url("/products/teapot"), shop.url("/zq8v1x-random-probe")])
    probe = readable_of(caps[shop.url("/zq8v1x-random-probe")])
    page = caps[shop.url("/products/teapot")]
    v = verdict_of(page, probe=probe)
    assert (v.status, v.reason) == ("soft-404", "same page as a random path on this host")


def test_refused_everywhere_is_offline_and_one_answer_is_not(web: Web) -> None:
    refused = [web.refused_url("/a"), web.refused_url("/b")]
    caps = list(fetch(refused).values())
    assert all(c.error == "refused" for c in caps)
    assert is_offline(caps)

    up = web.host("up.test")
    up.route("/x", status=404, body="")
    caps.append(next(iter(fetch([up.url("/x")]).values())))
    assert not is_offline(caps)


def test_unknown_name_is_dead_on_dns_evidence(web: Web) -> None:
    (cap,) = capture_urls(
        ["http://no-such-host.test/paper"], fast(resolve={}, resolve_only=True), no_write
    )
    assert cap.error == "dns"
    v = judge(cap, None)
    assert (v.status, v.reason) == ("dead", "DNS: no such host")


# --------------------------------------------------------------------------- rules


def cap(url: str = "https://a.test/x", *hops: tuple[str, int | None], **kw: object) -> Capture:
    return Capture(url=url, started="", hops=[Hop(url=u, status=s) for u, s in hops], **kw)


def timed_out(n: int = 3) -> Capture:
    attempts = [Attempt(i + 1, "timeout", 30.04) for i in range(n)]
    return cap("https://a.test/x", error="timeout", attempts=attempts, elapsed=91.0)


def test_timeout_reason_and_dead_after_consecutive_runs() -> None:
    v = judge(timed_out(), None)
    assert (v.status, v.reason) == ("unreachable", "timed out after 30 s, 3 attempts")
    # two earlier failures + this one = 3 consecutive runs
    v = judge(timed_out(), None, previous_statuses=["unreachable", "unreachable"])
    assert v.status == "dead"
    assert v.reason == "unreachable in 3 consecutive runs (timed out after 30 s, 3 attempts)"
    # a success in between resets the count
    v = judge(timed_out(), None, previous_statuses=["unreachable", "ok", "unreachable"])
    assert v.status == "unreachable"
    # the threshold is an option
    v = judge(timed_out(), None, previous_statuses=["unreachable"], dead_after=2)
    assert v.status == "dead"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ("refused", "connection refused"),
        ("reset", "connection reset"),
        ("dns-temporary", "DNS: temporary failure"),
        ("tls", "TLS failure: certificate has expired"),
    ],
)
def test_passing_failures_are_unreachable(error: str, expected: str) -> None:
    c = cap(error=error, error_detail="certificate has expired")
    v = judge(c, None)
    assert (v.status, v.reason) == ("unreachable", expected)


def test_https_and_www_hops_are_not_redirects() -> None:
    c = cap("http://a.test/x", ("http://a.test/x", 301), ("https://www.a.test/x/", 200))
    text = "The survey covered four hundred households across three districts."
    v = judge(c, Readable(text=text, title="X"))
    assert (v.status, v.reason) == ("ok", "200 OK")


def test_javascript_shell_and_sign_in_form_are_blocked() -> None:
    shell = Readable(text="You need to enable JavaScript to run this app.", title="App")
    assert judge(cap("https://a.test/x", ("https://a.test/x", 200)), shell).status == "blocked"
    form = Readable(text="Email\nPassword\nLog in\nForgot your password?", title="Example")
    v = judge(cap("https://a.test/x", ("https://a.test/x", 200)), form)
    assert (v.status, v.reason) == ("blocked", "the page shows only a sign-in form")
    # a long page with a "Log in" link is content
    long_text = "Log in to comment. " + "The survey covered four hundred households. " * 20
    v = judge(cap("https://a.test/x", ("https://a.test/x", 200)), Readable(text=long_text))
    assert v.status == "ok"


def test_drift_is_judged_on_content_only() -> None:
    page = cap("https://a.test/x", ("https://a.test/x", 200))
    before = "The survey covered four hundred households across three districts."
    same = judge(page, Readable(text=before + "\n1,204 views"), previous_text=before)
    assert (same.drift, same.similarity) == ("unchanged", 1.0)
    changed = judge(
        page,
        Readable(text="The survey covered five hundred households across three districts."),
        previous_text=before,
        previous_statuses=["ok"],
    )
    assert changed.drift == "changed"
    assert changed.similarity is not None and 0 < changed.similarity < 1
    assert "[-four-]" in changed.diff and "{+five+}" in changed.diff
    gone = judge(cap("https://a.test/x", ("https://a.test/x", 404)), None, previous_text=before)
    assert (gone.status, gone.drift) == ("dead", "gone")
    first = judge(page, Readable(text=before))
    assert (first.drift, first.similarity, first.diff) == ("new", None, "")


def test_evidence_points_at_the_warc_record() -> None:
    v = judge(
        cap("https://a.test/x", ("https://a.test/x", 200)),
        Readable(text="content here and more"),
        warc_file="a-20261125-00001.warc.gz",
        warc_offset=4711,
        text_path="text/ab12.txt",
    )
    assert (v.warc_file, v.warc_offset, v.text_path) == (
        "a-20261125-00001.warc.gz",
        4711,
        "text/ab12.txt",
    )


def test_fail_on() -> None:
    verdicts = [
        Verdict(url="a", status="ok", reason="", drift="changed"),
        Verdict(url="b", status="redirected", reason="", drift="unchanged"),
    ]
    assert fail_on_matches(verdicts, {"changed"})
    assert fail_on_matches(verdicts, {"redirected"})
    assert not fail_on_matches(verdicts, {"dead", "soft-404", "gone"})
    assert not fail_on_matches(verdicts, {"problem"})
    assert fail_on_matches([*verdicts, Verdict(url="c", status="blocked", reason="")], {"problem"})
    assert not fail_on_matches(verdicts, set())
    assert parse_fail_on("dead, soft-404,changed") == {"dead", "soft-404", "changed"}
    with pytest.raises(ValueError, match="deadd"):
        parse_fail_on("deadd")


def test_offline_needs_every_capture_failed_at_network_level() -> None:
    assert not is_offline([])
    assert is_offline([cap(error="dns-temporary"), cap(error="unreachable")])
    # a timeout after connecting means a host was reached
    assert not is_offline([cap(error="dns-temporary"), cap(error="timeout")])


def test_drift_follows_content_across_runs() -> None:
    soft = cap("https://a.test/x", ("https://a.test/x", 301), ("https://a.test/", 200))
    home = Readable(text="Welcome to Example. Top stories today.", title="Example")
    # a soft-404 last run and again now: nothing then, nothing now
    v = judge(soft, home, previous_text=home.text, previous_statuses=["soft-404"])
    assert (v.status, v.drift) == ("soft-404", "unchanged")
    # content before, a soft-404 now: the content is gone
    v = judge(soft, home, previous_text="The article.", previous_statuses=["ok"])
    assert (v.drift, v.similarity) == ("gone", 0.0)
    # dead in both runs
    dead = cap("https://a.test/x", ("https://a.test/x", 404))
    assert judge(dead, None, previous_statuses=["dead"]).drift == "unchanged"
    # content for the first time after failures
    ok = cap("https://a.test/x", ("https://a.test/x", 200))
    v = judge(ok, Readable(text="The article."), previous_statuses=["unreachable"])
    assert (v.drift, v.similarity) == ("new", None)
    # back after a failure, compared with the last text there was
    v = judge(ok, Readable(text="The article."), previous_text="The article.",
              previous_statuses=["unreachable", "ok"])  # fmt: skip
    assert (v.drift, v.similarity) == ("unchanged", 1.0)


def test_dead_article_sent_to_its_section_or_category_is_soft_404(web: Web) -> None:
    news = web.host("news.test")
    section = "<title>News</title><h1>News</h1><p>Festival programme out now.</p>"
    news.route("/news/2012/budget-vote", status=301, redirect=news.url("/news/"))
    news.route("/news/", body=section)
    news.route("/2016/03/14/glacier-study/", status=301, redirect=news.url("/category/science/"))
    news.route("/category/science/", body=section.replace("News", "Science"))
    news.route("/2015/class-a-pan", status=301, redirect=news.url("/articles/class-a-pan/"))
    news.route("/articles/class-a-pan/", body=ARTICLE)
    gone = "<title>ViewTube</title><a>Sign in</a><h1>Video unavailable</h1>"
    news.route("/watch/abc", body=gone + "<p>This video has been removed by the uploader</p>")
    paths = ("/news/2012/budget-vote", "/2016/03/14/glacier-study/", "/2015/class-a-pan")
    caps = fetch([news.url(p) for p in (*paths, "/watch/abc")])

    parent = verdict_of(caps[news.url(paths[0])])
    assert (parent.status, parent.reason) == ("soft-404", "redirected to a parent page (/news/)")
    category = verdict_of(caps[news.url(paths[1])])
    assert category.status == "soft-404"
    assert category.reason == "redirected to a category page (/category/science/)"
    moved = verdict_of(caps[news.url(paths[2])])
    assert moved.status == "redirected"
    # a removed video with a sign-in link in its header is gone, not behind a wall
    video = verdict_of(caps[news.url("/watch/abc")])
    assert video.status == "soft-404"
    assert "removed" in video.reason
