"""Drift's shortcuts for texts that did not change give the scores of the long way."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.drift import _tokens, drift, normalize, similarity

WORDS = st.lists(
    st.sampled_from(["river", "wall", "Monday", "3 May 2024", "1,234 views", "the", "\n", "  "]),
    max_size=12,
).map(" ".join)


def dice(a: str, b: str) -> float:
    """similarity the long way, without its shortcuts: multiset Dice over word 3-grams."""
    ta, tb = _tokens(a), _tokens(b)
    if ta == tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    k = min(3, len(ta), len(tb))
    ga = Counter(zip(*(ta[i:] for i in range(k)), strict=False))
    gb = Counter(zip(*(tb[i:] for i in range(k)), strict=False))
    return round(2 * sum((ga & gb).values()) / (sum(ga.values()) + sum(gb.values())), 4)


@settings(max_examples=300, deadline=None)
@given(a=WORDS, b=WORDS, same=st.booleans())
def test_similarity_and_drift_score_as_the_long_way(a: str, b: str, same: bool) -> None:
    if same:
        b = a
    assert similarity(a, b) == dice(a, b)
    label, score = drift(a, b, had_content_before=True)
    if a.strip() and b.strip():
        assert score == dice(normalize(a), normalize(b))
        assert label == ("unchanged" if score == 1.0 else "changed")


def test_identical_texts_keep_the_threshold_and_the_empty_cases() -> None:
    text = "The flood wall held through the night.\nWardens kept watch."
    assert drift(text, str(text), True) == ("unchanged", 1.0)
    assert drift(text, text, True, unchanged_at=1.5) == ("changed", 1.0)
    assert drift("", "", True) == ("gone", 0.0)
    assert drift("   ", "   ", False) == ("unchanged", None)
