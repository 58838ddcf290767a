"""Properties: a URL in random prose is found exactly; canonicalisation is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archiver.cite import extract
from archiver.urls import TRACKING_PARAMS, canonicalize, strip_tracking

ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
label = st.text(ALNUM, min_size=1, max_size=10)
host = st.builds(
    lambda labels, tld: ".".join([*labels, tld]),
    st.lists(label, min_size=1, max_size=3),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6),
)
# Path segments may hold any URI character a sentence would not end on, and letters of
# other scripts (IRIs); each segment ends on a letter or digit.
segment = st.builds(
    lambda body, last: body + last,
    st.text(ALNUM + "ABCXYZ-_~.%=+&$,;:@!'éжß", max_size=12),
    st.sampled_from(list(ALNUM + "ABCXYZéжß")),
)
# A URL left hanging on "-" or "_" (or on "?q=" at a line end) followed by a word is the
# very break the extractor repairs, so generated URLs end on a letter, digit or "/".
query_pair = st.builds(
    lambda k, v, last: f"{k}={v}{last}",
    st.text(ALNUM, min_size=1, max_size=6).filter(lambda k: not strip_tracking(f"h:?{k}=")[1]),
    st.text(ALNUM + "-_", max_size=8),
    st.sampled_from(list(ALNUM)),
)
url = st.builds(
    lambda scheme, h, port, segs, slash, query, frag: (
        f"{scheme}://{h}{port}/{'/'.join(segs)}{slash if segs else ''}"
        + ("?" + "&".join(query) if query else "")
        + ("#" + frag if frag else "")
    ),
    st.sampled_from(["http", "https", "HTTPS"]),
    host,
    st.sampled_from(["", ":8080", ":443"]),
    st.lists(segment, max_size=4),
    st.sampled_from(["", "/"]),
    st.lists(query_pair, max_size=3),
    st.text(ALNUM, max_size=6),
)
word = st.text("abcdefghijklmnopqrstuvwxyzàéïôüßжзфыэюяАБВ", min_size=1, max_size=9)
prose = st.lists(word, max_size=8).map(" ".join)
trailing = st.text(".,;:!?)»”’'\"…", max_size=3)
opening = st.sampled_from(["", "(", "«", "“", "'", '"'])
gap = st.sampled_from([" ", "\n", " \n", "  "])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose, opening, url, trailing, gap, prose)
def test_a_url_in_random_prose_is_found_exactly(
    before: str, opener: str, link: str, after: str, space: str, rest: str
) -> None:
    text = f"{before} {opener}{link}{after}{space}{rest}".lstrip()
    cites = extract(text, "t.txt", "text")
    assert [c.cited for c in cites] == [link]
    [c] = cites
    assert c.written == link
    assert c.url == canonicalize(link)
    assert c.repairs == ()
    assert text[text.index(link) :].startswith(c.written)
    line = text.count("\n", 0, text.index(link)) + 1
    assert c.line == line


@settings(max_examples=300, deadline=None)
@given(url)
def test_canonicalize_is_idempotent_on_urls(link: str) -> None:
    once = canonicalize(link)
    assert canonicalize(once) == once
    assert "#" not in once


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=20))
def test_canonicalize_is_idempotent_on_anything(host_text: str, path: str, query: str) -> None:
    for candidate in (f"https://{host_text}/{path}?{query}", f"http://example.org/{path}", path):
        once = canonicalize(candidate)
        assert canonicalize(once) == once


tracking_name = st.sampled_from(
    [p[:-1] + "source" if p.endswith("*") else p for p in TRACKING_PARAMS]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(query_pair, tracking_name.map(lambda n: n + "=x")), max_size=6))
def test_tracking_parameters_go_and_the_rest_keeps_its_order(pairs: list[str]) -> None:
    link = "https://example.org/p" + ("?" + "&".join(pairs) if pairs else "")
    kept = [p for p in pairs if p.split("=")[0] not in _TRACKING_NAMES]
    stripped, removed = strip_tracking(link)
    assert stripped == "https://example.org/p" + ("?" + "&".join(kept) if kept else "")
    assert len(removed) == len(pairs) - len(kept)
    assert canonicalize(link) == stripped


_TRACKING_NAMES = {p[:-1] + "source" if p.endswith("*") else p for p in TRACKING_PARAMS}
