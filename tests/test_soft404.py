"""Soft-404 detection: each kind of evidence, and the labelled set as a whole."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from archiver.model import Capture, Hop, Readable
from archiver.soft404 import soft404_reason

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> object:
    spec = importlib.util.spec_from_file_location(
        "soft404_quality", ROOT / "bench" / "soft404_quality.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["soft404_quality"] = module
    spec.loader.exec_module(module)
    return module


def page(url: str = "https://a.test/article/12", final: str | None = None) -> Capture:
    hops = [Hop(url=url, status=200)]
    if final:
        hops = [Hop(url=url, status=301, location=final), Hop(url=final, status=200)]
    return Capture(url=url, started="", hops=hops)


ARTICLE = (
    "Anyone who has followed an old link has met the message that says the page was not "
    "found. Studies of legal opinions, scientific papers and news articles find the same "
    "pattern: within a decade a large share of cited addresses no longer lead to what the "
    "author saw. Some pages are removed on purpose; others vanish when a site is "
    "redesigned, and many are replaced by a home page that pretends nothing happened. "
    "Archives can help, but only if someone asks them to keep a copy at the moment the "
    "link is written, and only if the link is checked again years later by a reader."
)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Page not found | Example", "Sorry. Try the search box."),
        ("Example", "Oops! The page you are looking for could not be found."),
        ("Exemple", "La page que vous recherchez n'existe pas ou a été déplacée."),
        ("Beispiel", "Die von Ihnen aufgerufene Seite wurde leider nicht gefunden."),
        ("Ejemplo", "Lo sentimos, la página que buscas no existe."),
        ("Пример", "Запрашиваемая страница не найдена. Перейти на главную."),
    ],
)
def test_not_found_wording_in_five_languages(title: str, text: str) -> None:
    reason = soft404_reason(page(), Readable(text=text, title=title), None)
    assert reason is not None
    assert reason.startswith("the page")


def test_long_article_mentioning_not_found_is_content() -> None:
    assert soft404_reason(page(), Readable(text=ARTICLE, title="Link rot"), None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Der Server meldet dann meist, dass die Seite nicht gefunden wurde.",
        "What to do if the page is not found?",
        "Users see «Страница не найдена» and leave.",
    ],
)
def test_mentions_are_not_evidence(text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title="Hyperlink"), None) is None


def test_redirect_to_home_or_error_path() -> None:
    home = soft404_reason(page(final="https://www.a.test/"), Readable(text="Welcome"), None)
    assert home == "redirected to the site's home page"
    other = soft404_reason(page(final="https://b.test/en/"), Readable(text="Welcome"), None)
    assert other == "redirected to the home page of b.test"
    error = soft404_reason(page(final="https://a.test/404.html"), Readable(text="Hi"), None)
    assert error == "redirected to an error page (/404.html)"
    moved = page(final="https://a.test/posts/2020/error-handling/")
    assert soft404_reason(moved, Readable(text="Go treats errors as values."), None) is None


def test_probe_likeness_but_not_for_a_cited_home_page() -> None:
    catch_all = Readable(text="Welcome to Example Store. Featured this week: mugs, jugs, rugs.")
    same = Readable(text="Welcome to Example Store. Featured this week: mugs, jugs, rugs.")
    reason = soft404_reason(page(), same, catch_all)
    assert reason == "same page as a random path on this host"
    assert soft404_reason(page("https://a.test/"), same, catch_all) is None
    product = Readable(text="Oak chopping board, 40 by 25 cm, oiled by hand; wash by hand.")
    assert soft404_reason(page(), product, catch_all) is None


def test_labelled_set_precision_and_recall() -> None:
    bench = _bench()
    cases = bench.load_cases()  # type: ignore[attr-defined]
    assert len(cases) >= 40
    assert {c.soft404 for c in cases} == {True, False}
    result = bench.evaluate(cases)  # type: ignore[attr-defined]
    assert result["precision"] >= 0.99, result["wrong"]
    assert result["recall"] >= 0.95, result["wrong"]
