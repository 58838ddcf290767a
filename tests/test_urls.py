"""The canonical fetch form, tracking removal, SURT keys and fetchability."""

from __future__ import annotations

import pytest

from archiver.urls import (
    TRACKING_PARAMS,
    canonicalize,
    host_of,
    is_fetchable,
    section_of,
    sibling_of,
    strip_tracking,
    surt,
)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # case of scheme and host; the path keeps its case
        ("HTTPS://Example.COM/Some/Path", "https://example.com/Some/Path"),
        # default ports go, others stay; an empty port is no port
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com:/a", "https://example.com/a"),
        ("http://example.com:443/a", "http://example.com:443/a"),
        # an empty path is "/"
        ("https://example.com", "https://example.com/"),
        ("https://example.com?q=1", "https://example.com/?q=1"),
        # dot segments, RFC 3986 5.2.4 (a doubled slash is not folded)
        ("https://example.com/a/b/../c/./d", "https://example.com/a/c/d"),
        ("https://example.com/a/b/..", "https://example.com/a/"),
        ("https://example.com/../../x", "https://example.com/x"),
        ("https://example.com/a//b/", "https://example.com/a//b/"),
        # the fragment is dropped
        ("https://example.com/page#section-2", "https://example.com/page"),
        # tracking parameters go; the rest keeps its order
        ("https://example.com/?b=2&utm_source=x&a=1&fbclid=Y", "https://example.com/?b=2&a=1"),
        ("https://example.com/?UTM_Medium=x", "https://example.com/"),
        (
            "https://example.com/?gclid=1&mc_cid=2&mc_eid=3&igshid=4&yclid=5&_hsenc=6",
            "https://example.com/",
        ),
        ("https://example.com/?ref=home&s=20", "https://example.com/?ref=home&s=20"),
        # IRI: punycode host, UTF-8 percent-encoded path and query
        (
            "https://пример.рф/путь?q=тест",
            "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C?q=%D1%82%D0%B5%D1%81%D1%82",
        ),
        ("https://Bücher.de/", "https://xn--bcher-kva.de/"),
        ("https://crimethinc.com/x-évaluation", "https://crimethinc.com/x-%C3%A9valuation"),
        # escapes are kept (hex upper-cased); a lone "%" and a space are encoded
        ("https://example.com/a%2fb", "https://example.com/a%2Fb"),
        ("https://example.com/100%", "https://example.com/100%25"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        # "www." without a scheme is read as http
        ("www.example.org/faq", "http://www.example.org/faq"),
        # IPv6 literal, userinfo
        ("http://[2001:DB8::1]:80/x", "http://[2001:db8::1]/x"),
        ("https://User:Pw@Example.com/", "https://User:Pw@example.com/"),
    ],
)
def test_canonical_form(written: str, canonical: str) -> None:
    assert canonicalize(written) == canonical


def test_canonical_form_is_idempotent_on_the_examples() -> None:
    for url in ("https://пример.рф/путь?q=тест#x", "http://A.com:80/./b/../c?utm_id=1&z=%e2"):
        once = canonicalize(url)
        assert canonicalize(once) == once


def test_tracking_list_is_one_documented_tuple() -> None:
    assert isinstance(TRACKING_PARAMS, tuple)
    for name in ("fbclid", "gclid", "utm_*", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc"):
        assert name in TRACKING_PARAMS


def test_strip_tracking_names_what_it_removed_and_keeps_the_fragment() -> None:
    url, removed = strip_tracking("https://a.org/p?id=7&utm_source=x&fbclid=Q#top")
    assert url == "https://a.org/p?id=7#top"
    assert removed == ["utm_source", "fbclid"]
    assert strip_tracking("https://a.org/p?id=7") == ("https://a.org/p?id=7", [])
    assert strip_tracking("https://a.org/p?fbclid=1") == ("https://a.org/p", ["fbclid"])


def test_surt_matches_the_cdxj_convention() -> None:
    assert surt("http://www.Example.com:80/a/b?z=1&a=2") == "com,example)/a/b?a=2&z=1"
    assert surt("https://avtonom.org/news/x") == "org,avtonom)/news/x"


def test_host_of_is_canonical() -> None:
    assert host_of("HTTPS://WWW.Example.COM:8443/x") == "www.example.com"
    assert host_of("https://пример.рф/") == "xn--e1afmkfd.xn--p1ai"


@pytest.mark.parametrize(
    ("url", "fetchable"),
    [
        ("https://example.com/", True),
        ("http://127.0.0.1:8080/x", True),
        ("http://[::1]/", True),
        ("www.example.org", True),
        ("mailto:someone@example.org", False),
        ("ftp://example.org/file", False),
        ("http://", False),
        ("https://exa mple.com/", False),
        ("http://example.com:99999/", False),
        ("http://-bad-.example/", False),
        ("/relative/path", False),
    ],
)
def test_is_fetchable(url: str, fetchable: bool) -> None:
    assert is_fetchable(url) is fetchable


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        (
            "https://www.njuskalo.example/oglas/stan-zagreb-418822?ref=x",
            "https://www.njuskalo.example/oglas/",
        ),
        ("https://t.example/somechannel/4512", "https://t.example/somechannel/"),
        ("https://blog.example/2021/05/my-post/", "https://blog.example/2021/05/"),
        ("http://a.test:8080/a//b", "http://a.test:8080/a/"),
        ("https://a.test/about", None),  # at the root: the host's own probe covers it
        ("https://a.test/watch?v=abc", None),
        ("https://a.test/", None),
        ("ftp://a.test/x/y", None),
        ("not a url", None),
    ],
)
def test_section_is_the_folder_a_page_sits_in(url: str, folder: str | None) -> None:
    assert section_of(url) == folder


@pytest.mark.parametrize(
    ("url", "sibling"),
    [
        (
            "https://www.njuskalo.example/oglas/stan-zagreb-418822?ref=x",
            "https://www.njuskalo.example/oglas/stan-zagreb-000000?ref=x",
        ),
        ("https://t.example/somechannel/4512", "https://t.example/somechannel/0000"),
        ("https://a.test/p/12345/", "https://a.test/p/00000/"),  # the trailing slash kept
        (
            "https://a.test/2021/05/story-20210514.html",
            "https://a.test/2021/05/story-00000000.html",
        ),
        # every run of three or more digits, none shorter
        (
            "https://a.test/p/iphone-15-pro-256gb-77812",
            "https://a.test/p/iphone-15-pro-000gb-00000",
        ),
        # no number in the last segment: the query's, the other parameters as they were
        ("https://a.test/item.php?id=88123&lang=de", "https://a.test/item.php?id=00000&lang=de"),
        ("https://a.test/x?q=1234#top", "https://a.test/x?q=0000"),  # no fragment
        ("https://a.test/2021/05/my-post/", None),  # the folder's numbers are not the item's
        ("https://a.test/watch?v=dQw4w9WgXcQ", None),  # no run of three digits
        ("https://a.test/p/0000", None),  # already the made-up id
        ("https://a.test/?page=12", None),
        ("https://a.test/", None),
        ("ftp://a.test/x/123", None),
        ("not a url 123", None),
    ],
)
def test_sibling_is_the_address_with_a_made_up_id(url: str, sibling: str | None) -> None:
    assert sibling_of(url) == sibling
