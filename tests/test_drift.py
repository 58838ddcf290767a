"""Drift: noise is not change, a rewritten paragraph is; the word diff shows it."""

from __future__ import annotations

import itertools
import random

import trafilatura
from hypothesis import given
from hypothesis import strategies as st

from archiver.capture import FetchOptions, capture_urls, no_write
from archiver.drift import drift, normalize, similarity, word_diff
from tests.web import Request, Route, Web

PARAGRAPHS = [
    "The survey covered four hundred households across three districts between spring and "
    "late autumn, and it asked the same twelve questions in each visit.",
    "Households with access to a shared water pump reported fewer days of illness among "
    "children under five, although the effect weakened where pumps were often broken.",
    "Contamination rose at every step between the source and the cup, which suggests that "
    "safe storage matters at least as much as the source itself.",
]
REWRITTEN = (
    "Households with a shared pump reported no fewer days of illness once the season and "
    "the distance to the nearest clinic were taken into account."
)
HEADLINES = [
    "Rainy season forecast", "Clinic opens in the north", "Bridge closed for repairs",
    "New head teacher appointed", "Market moves to Saturday", "Road resurfacing starts",
]  # fmt: skip


def article_html(serial: int, paragraphs: list[str]) -> str:
    """The same article with what changes on every request: dates, counters, tokens."""
    rng = random.Random(serial)
    day = 1 + serial % 27
    related = "".join(f"<li><a href='/n/{h}'>{h}</a></li>" for h in rng.sample(HEADLINES, 3))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<html><head><title>Shared pumps cut child illness</title></head><body>"
        "<article><h1>Shared pumps cut child illness, study finds</h1>"
        f"<p class=meta>Published {day} March 2024, {8 + serial % 12}:{serial % 60:02d} UTC"
        f" · {1000 + serial * 137:,} views · {serial * 3} comments</p>"
        f"{body}<p>Updated {serial + 2} hours ago. Session {rng.getrandbits(128):032x}</p>"
        f"</article><aside><h2>Related articles</h2><ul>{related}</ul></aside>"
        f"<footer>© 2024 Example News</footer></body></html>"
    )


def text_of(html: bytes) -> str:
    return trafilatura.extract(html.decode(), favor_recall=True) or ""


def fetch_twice(web: Web, paragraphs_second: list[str]) -> tuple[str, str]:
    host = web.host("news.test")
    serial = itertools.count(1)

    def serve(request: Request) -> Route:
        n = next(serial)
        paragraphs = PARAGRAPHS if n == 1 else paragraphs_second
        return Route(body=article_html(n, paragraphs).encode())

    host.route("/story", handler=serve)
    texts = []
    for _ in range(2):
        (cap,) = capture_urls([host.url("/story")], FetchOptions(retries=0), no_write)
        assert cap.status == 200 and cap.body is not None
        texts.append(text_of(cap.body.read()))
        cap.body.close()
    return texts[0], texts[1]


def test_page_whose_only_differences_are_noise_is_unchanged(web: Web) -> None:
    first, second = fetch_twice(web, PARAGRAPHS)
    assert first != second  # the raw texts do differ
    assert drift(first, second, True) == ("unchanged", 1.0)


def test_rewritten_paragraph_is_changed(web: Web) -> None:
    first, second = fetch_twice(web, [PARAGRAPHS[0], REWRITTEN, PARAGRAPHS[2]])
    label, score = drift(first, second, True)
    assert label == "changed"
    assert score is not None and 0.3 < score < 0.95
    diff = word_diff(first, second)
    assert "{+" in diff and "[-" in diff
    assert "{+no+}" in diff or "no fewer" in diff
    # lines whose only change is noise show as unchanged, in their new wording
    full = word_diff(first, second, context=None).splitlines()
    noisy = [line for line in full if "views" in line or "Session" in line]
    assert noisy  # the reader keeps at least the "Updated … Session …" line
    assert all("[-" not in line and "{+" not in line for line in noisy)


def test_noise_normalized_away() -> None:
    a = "Posted on Monday, 3 March 2024 at 10:15 am · 1,234 views · 12 comments\nBody text."
    b = "Posted on Tuesday, 4 March 2024 at 11:40 pm · 1,298 views · 15 comments\nBody text."
    assert normalize(a) == normalize(b)
    assert normalize("Опубликовано 3 марта 2024, 1 234 просмотров") == normalize(
        "Опубликовано 5 марта 2024, 2 001 просмотров"
    )
    token_a = "csrf=3f9c2a77e1b04d5c8a1e session 5f1d3c0a-0f7e-4c55-9d0f-3a5b6c7d8e9f"
    token_b = "csrf=0a1b2c3d4e5f60718293 session 11111111-2222-3333-4444-555555555555"
    assert normalize(token_a) == normalize(token_b)
    # a year or a number in the text is content, not noise
    assert normalize("founded in 1891 with 300 members") != normalize(
        "founded in 1901 with 300 members"
    )


def test_drift_labels() -> None:
    assert drift(None, "text", False) == ("new", None)
    assert drift("some text", None, True) == ("gone", 0.0)
    assert drift("", "", False) == ("unchanged", None)
    assert drift("a b c d", "a b c d", True) == ("unchanged", 1.0)
    label, score = drift("a b c d e f", "a b c x e f", True)
    assert label == "changed" and score is not None and 0 < score < 1


def test_word_diff_colour_only_when_asked() -> None:
    plain = word_diff("one two three", "one 2 three", color=False)
    assert plain == "one [-two-] {+2+} three"
    coloured = word_diff("one two three", "one 2 three", color=True)
    assert "\x1b[31m[-two-]\x1b[0m" in coloured and "\x1b[32m{+2+}\x1b[0m" in coloured
    assert word_diff("same text", "same text") == ""


def test_word_diff_shortens_long_unchanged_stretches() -> None:
    words = [f"w{i}" for i in range(2000)]
    before = " ".join(words)
    after = before.replace("w1000", "CHANGED")
    diff = word_diff(before, after, context=5)
    assert (
        diff == "… w995 w996 w997 w998 w999 [-w1000-] {+CHANGED+} w1001 w1002 w1003 w1004 w1005 …"
    )
    assert len(word_diff(before, after, context=None).split()) == 2001


@given(st.text(max_size=200), st.text(max_size=200))
def test_similarity_is_a_symmetric_score(a: str, b: str) -> None:
    s = similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == similarity(b, a)
    assert similarity(a, a) == 1.0
