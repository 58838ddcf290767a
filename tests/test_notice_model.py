"""The notice model: its n-grams, its arithmetic, its place after the rules."""

from __future__ import annotations

import gzip
import json
import math
from array import array
from pathlib import Path

import pytest

from archiver import notice_model, soft404
from archiver.model import Capture, Hop, Readable
from archiver.notice_model import (
    BUCKETS,
    NoticeModel,
    bucket,
    char_ngrams,
    load_model,
    notice_text,
    save_model,
    score,
    strongest_line,
)
from archiver.soft404 import (
    NOTICE_LINE_WORDS,
    NOTICE_OWN_WORDS,
    NOTICE_PROBABILITY,
    NOTICE_SENTENCE_PROBABILITY,
    model_reason,
    soft404_reason,
    word_count,
)


def test_ngrams_are_those_of_padded_words() -> None:
    assert char_ngrams("ab", 2, 3) == [" a", "ab", "b ", " ab", "ab "]
    # a word shorter than n gives itself, padded, once; longer n are not tried
    assert char_ngrams("a", 2, 5) == [" a", "a ", " a "]
    assert char_ngrams("x  \n y", 2, 2) == [" x", "x ", " y", "y "]


def _model(weights: dict[str, float], intercept: float = -1.0) -> NoticeModel:
    """A model whose every n-gram given has idf 1: a gram's weight is what a word adds."""
    idf, coef = array("f", bytes(4 * BUCKETS)), array("f", bytes(4 * BUCKETS))
    for gram, weight in weights.items():
        idf[bucket(gram)] = 1.0
        coef[bucket(gram)] = weight
    return NoticeModel(idf=idf, coef=coef, intercept=intercept)


def _zorbled() -> NoticeModel:
    """A model that knows one word no rule does, by its longer n-grams only (short ones
    such as "or" and "ed" are in every English line)."""
    return _model({g: 2.0 for g in char_ngrams("zorbled", 2, 5) if len(g.strip()) >= 4})


def _page(text: str, title: str = "Lampshop") -> Readable:
    return Readable(text=text, title=title, kind="html")


def test_the_score_is_the_logistic_of_the_normalised_weights() -> None:
    grams = {g: 3.0 for g in char_ngrams("zorbled", 2, 5)}
    model = _model(grams)
    got = score(_page("zorbled"), None, model)
    assert got is not None
    counts = {g: 0 for g in grams}
    doc = notice_text(_page("zorbled"))
    for g in char_ngrams(doc, 2, 5):
        if g in counts:
            counts[g] += 1
    values = {g: 1 + math.log(n) for g, n in counts.items() if n}
    norm = math.sqrt(sum(v * v for v in values.values()))
    margin = -1.0 + sum(v * 3.0 for v in values.values()) / norm
    assert got.probability == pytest.approx(1 / (1 + math.exp(-margin)))
    assert got.probability > 0.9


def test_the_reason_quotes_the_line_that_weighs_most() -> None:
    model = _zorbled()
    page = _page("Home\nShop\nThis lamp is zorbled for good.\nSimilar lamps")
    got = score(page, None, model)
    assert got is not None and got.line == "This lamp is zorbled for good."
    unrelated = score(_page("Home\nShop\nA lamp of brass."), None, model)
    assert unrelated is not None and unrelated.probability < 0.5


def test_lines_the_host_prints_on_every_page_are_not_read() -> None:
    """A cookie banner or menu the host's random-path page also shows says nothing of
    this page: only the title and the page's own lines are scored."""
    model = _zorbled()
    page = _page("We use cookies, zorbled ones.\nLyon Sports TV\n8.7k subscribers")
    probe = _page("Nothing here\nWe use cookies, zorbled ones.")
    alone = score(page, None, model)
    framed = score(page, probe, model)
    assert alone is not None and alone.probability > 0.9
    assert framed is not None and framed.probability < 0.5 and framed.line != alone.line
    assert "cookies" not in notice_text(page, probe)


def test_a_missing_or_broken_model_file_leaves_the_rules_alone(tmp_path: Path) -> None:
    load_model.cache_clear()
    try:
        assert load_model(tmp_path / "absent.json.gz") is None
        broken = tmp_path / "broken.json.gz"
        broken.write_bytes(b"not gzip")
        assert load_model(broken) is None
        wrong = tmp_path / "wrong.json.gz"
        wrong.write_bytes(gzip.compress(json.dumps({"features": {}}).encode()))
        assert load_model(wrong) is None
    finally:
        load_model.cache_clear()


def test_the_package_ships_a_model() -> None:
    model = load_model()
    assert model is not None
    assert sum(1 for v in model.idf if v) > 10_000
    assert model.trained_on.startswith("batches 1-")


def test_a_saved_model_reads_back_the_same(tmp_path: Path) -> None:
    model = _zorbled()
    save_model(model, tmp_path / "m.json.gz")
    load_model.cache_clear()
    try:
        again = load_model(tmp_path / "m.json.gz")
    finally:
        load_model.cache_clear()
    assert again is not None
    assert again.idf == model.idf and again.coef == model.coef
    assert again.intercept == model.intercept
    page = _page("Lamps\nThis lamp is zorbled for good.")
    assert score(page, None, again) == score(page, None, model)


def _capture(url: str = "https://zorb.test/lamp/kuu-4512") -> Capture:
    hops = [Hop(url=url, status=200, content_type="text/html")]
    return Capture(url=url, started="2026-11-26T00:00:00Z", hops=hops)


def test_a_short_page_the_model_reads_as_a_notice_is_a_soft_404(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Wording no rule knows ("zorbled"), on a short page: the model has the last word,
    and the reason shows the line it rests on."""
    model = _zorbled()
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: model)
    page = _page("Lampshop\nLamps\nThis lamp is zorbled for good.\nSimilar lamps")
    assert soft404_reason(_capture(), page, None) == (
        "reads like a missing-item notice: “This lamp is zorbled for good.” (model score 0.99)"
    )
    assert model_reason(page, None) is not None


@pytest.mark.parametrize(
    ("line", "probability", "notice"),
    [
        ("This lamp is zorbled for good", 0.675, True),
        ("This lamp is zorbled for good", 0.64, False),
        # one short finished sentence counts from 0.55
        ("This lamp is zorbled for good.", 0.64, True),
        ("This lamp is zorbled for good.", 0.56, True),
        ("This lamp is zorbled for good.", 0.54, False),
    ],
)
def test_a_notice_needs_a_score_of_two_in_three(
    monkeypatch: pytest.MonkeyPatch, line: str, probability: float, notice: bool
) -> None:
    """0.65: on batches 95-142, each judged by a model trained before it, 0.7 let 10 of
    63 notices through that 0.65 found, for one live page taken. A short finished
    sentence counts from 0.55 (see NOTICE_SENTENCE_PROBABILITY)."""
    assert NOTICE_PROBABILITY == 0.65
    assert NOTICE_SENTENCE_PROBABILITY == 0.55
    page = _page(f"Lampshop\nLamps\n{line}\nSimilar lamps")
    weights = {g: 2.0 for g in char_ngrams("zorbled", 2, 5) if len(g.strip()) >= 4}
    at_zero = score(page, None, _model(weights, intercept=0.0))
    assert at_zero is not None
    margin = math.log(at_zero.probability / (1 - at_zero.probability))
    wanted = math.log(probability / (1 - probability))
    model = _model(weights, intercept=wanted - margin)
    got = score(page, None, model)
    assert got is not None and got.probability == pytest.approx(probability, abs=1e-4)
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: model)
    assert (model_reason(page, None) is not None) is notice


def test_the_model_does_not_judge_a_long_page(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _zorbled()
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: model)
    story = " ".join(f"word{i}" for i in range(NOTICE_OWN_WORDS + 1))
    long_page = _page(f"The lamp that was zorbled\n{story}")
    assert model_reason(long_page, None) is None
    assert soft404_reason(_capture(), long_page, None) is None
    # the same words shared with the host's random-path page are frame, not the page's own
    frame = _page(story, title="Lampshop")
    assert model_reason(long_page, frame) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Lampshop\nZorbled lamps",  # the line that weighs most is a heading
        "Lampshop\nLamps\nZorbled!",  # or a word
        "Lampshop\nWhy is this lamp zorbled for good?",  # asked about
        "Lampshop\nThe seller said the lamp is zorbled for good.",  # reported
        "Lampshop\nThis lamp returns 404 Not Found and 410 Gone, zorbled for good.",  # HTTP talk
    ],
)
def test_the_model_needs_a_sentence_the_page_says_itself(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    got = score(_page(text), None, _zorbled())
    assert got is not None and got.probability > 0.9  # the model alone would say notice
    assert model_reason(_page(text), None) is None


def test_the_strongest_line_is_the_first_that_pulls_hardest() -> None:
    assert strongest_line([("Home", -0.2), ("Gone.", 0.5), ("Also gone.", 0.5)]) == "Gone."
    assert strongest_line([("Home", -0.2), ("Shop", 0.0)]) == ""
    assert strongest_line([]) == ""


def test_every_line_read_is_given_with_its_pull() -> None:
    page = _page("Home\nShop\nThis lamp is zorbled for good.\nSimilar lamps")
    got = score(page, None, _zorbled())
    assert got is not None
    assert [line for line, _ in got.pulls] == [
        "Lampshop",
        "Home",
        "Shop",
        "This lamp is zorbled for good.",
        "Similar lamps",
    ]
    assert got.line == strongest_line(got.pulls) == "This lamp is zorbled for good."


def test_a_heading_that_weighs_as_much_does_not_hide_the_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The heading comes first and weighs as much as the sentence below it, but only the
    sentence can be quoted: the page is a notice, quoted by its sentence."""
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    page = _page("Zorbled lamp\nThis lamp is zorbled for good.\nSimilar lamps")
    got = score(page, None, _zorbled())
    assert got is not None and got.line == "Zorbled lamp"  # the heading weighs most
    assert model_reason(page, None) == (
        "reads like a missing-item notice: “This lamp is zorbled for good.” (model score 0.99)"
    )


def test_a_title_that_outweighs_every_sentence_decided(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tiny page whose score comes from its title more than from all its sentences: the
    title decided, and a title is not a notice the page says."""
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    page = _page("Lampshop\nA lamp of brass, zorbled, 40 cm.", title="Zorbled zorbled lamps")
    got = score(page, None, _zorbled())
    assert got is not None and got.probability > 0.9  # the model alone would say notice
    weights = dict(got.pulls)
    assert 0 < weights["A lamp of brass, zorbled, 40 cm."] < weights["Zorbled zorbled lamps"]
    assert model_reason(page, None) is None


def test_a_title_that_outweighs_each_sentence_but_not_all_of_them_decided_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An event's title names what the notice under it speaks of ("Jazz at the castle"
    above "The event was cancelled. Tickets were refunded."): the title weighs more than
    either sentence, but the sentences carry most of the pull, so they decided."""
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    text = "Lampshop\nThis lamp was zorbled.\nEvery lamp of ours gets zorbled one day."
    page = _page(f"{text}\nOurs are zorbled by hand.", title="Zorbled lamp, zorbled")
    got = score(page, None, _zorbled())
    assert got is not None
    weights = dict(got.pulls)
    title = weights["Zorbled lamp, zorbled"]
    assert all(0 < weights[line] < title for line in text.splitlines()[1:])
    assert title < 0.5 * sum(w for _, w in got.pulls if w > 0)
    assert model_reason(page, None) == (
        "reads like a missing-item notice: “Every lamp of ours gets zorbled one day.” "
        "(model score 0.99)"
    )


def test_a_short_sentence_can_be_the_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Автомобіль продано." is two words, but a sentence: a heading or a menu item does
    not end with a full stop."""
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    page = _page("Lampshop\nLamp zorbled.\nSimilar lamps")
    assert model_reason(page, None) == (
        "reads like a missing-item notice: “Lamp zorbled.” (model score 0.99)"
    )
    assert model_reason(_page("Lampshop\nLamps\nZorbled lamps"), None) is None
    assert model_reason(_page("Lamp zorbled.", title=""), None) is None  # nothing named


def test_a_thai_sentence_is_counted_by_its_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thai writes no spaces between words: "ขออภัย เนื้อหานี้ถูกลบออกจากระบบแล้ว" is
    seven words in two runs of letters, a sentence the model may quote."""
    line = "ขออภัย zorbled เนื้อหานี้ถูกลบออกจากระบบแล้ว"
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    page = _page(f"ข่าวลุ่มน้ำปิง\n{line}", title="ชาวบ้านร้องเรียนโรงงาน")
    assert model_reason(page, None) == (
        f"reads like a missing-item notice: “{line}” (model score 0.99)"
    )
    assert word_count("ขออภัย เนื้อหานี้ถูกลบออกจากระบบแล้ว") >= NOTICE_LINE_WORDS
    assert word_count("หน้าแรก") < NOTICE_LINE_WORDS  # a menu item stays one


def test_a_lower_score_needs_one_short_finished_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the two thresholds the model is trusted only for a line that is a notice's
    shape; above the higher one a heading or a button may be what it quotes."""
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    monkeypatch.setattr(soft404, "NOTICE_PROBABILITY", 0.995)  # 0.99 is in the band
    monkeypatch.setattr(soft404, "NOTICE_SENTENCE_PROBABILITY", 0.9)
    sentence = _page("Lamps\nThe lamp was zorbled.\nA lamp of brass, 40 cm")
    assert model_reason(sentence, None) == (
        "reads like a missing-item notice: “The lamp was zorbled.” (model score 0.99)"
    )
    heading = _page("Lamps\nZorbled lamps of brass and glass\nA lamp of brass, 40 cm")
    assert model_reason(heading, None) is None
    long = "The lamp was zorbled by the shop, which sold every one of its brass lamps last year."
    assert model_reason(_page(f"Lamps\n{long}"), None) is None
    monkeypatch.setattr(soft404, "NOTICE_PROBABILITY", 0.95)
    assert model_reason(heading, None) == (
        "reads like a missing-item notice: “Zorbled lamps of brass and glass” (model score 0.99)"
    )


def test_a_skip_link_is_never_the_sentence_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    """An accessible template's first line says nothing of the page, error page or not."""
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    page = _page("Skip to main content of the zorbled site\nLamps\nA lamp of brass, 40 cm.")
    assert model_reason(page, None) is None
    page = _page("Lamps\nThe zorbled lamp of brass is gone.\nA lamp of brass, 40 cm.")
    assert model_reason(page, None) == (
        "reads like a missing-item notice: “The zorbled lamp of brass is gone.” (model score 0.99)"
    )


def test_a_heading_that_repeats_the_title_is_never_the_sentence_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The item's name as the page's heading weighs as much as the sentence under it,
    but it is the title's part, not a notice the page says."""
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    text = "Lampshop\nThe zorbled brass lamp\nOne zorbled lamp of brass, 40 cm."
    page = _page(text, title="The zorbled brass lamp | Lampshop")
    got = score(page, None, _zorbled())
    assert got is not None
    weights = dict(got.pulls)  # the heading comes first and weighs as much
    assert weights["The zorbled brass lamp"] == weights["One zorbled lamp of brass, 40 cm."] > 0
    assert model_reason(page, None) == (
        "reads like a missing-item notice: “One zorbled lamp of brass, 40 cm.” (model score 0.99)"
    )


def test_a_title_alone_is_not_the_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    page = _page("Lampshop\nA lamp of brass, 40 cm.", title="Zorbled lamp of brass")
    assert model_reason(page, None) is None


def test_without_a_model_the_rules_judge_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: None)
    page = _page("Lampshop\nThis lamp is zorbled for good.")
    assert model_reason(page, None) is None
    assert soft404_reason(_capture(), page, None) is None


def test_the_rules_speak_before_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _zorbled()
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: model)
    page = _page("Page not found. This lamp is zorbled.", title="404 Not Found")
    reason = soft404_reason(_capture(), page, None)
    assert reason is not None and not reason.startswith("reads like")


@pytest.mark.parametrize(
    ("title", "text", "notice"),
    [
        # Danish, Thai and Icelandic notices of a removed ad, event and post
        ("Sofa – BrugtMarked", "Sofa\nAnnoncen er udløbet og kan ikke længere kontaktes.", True),
        ("Hua Hin Run | ตั๋วพร้อม", "Hua Hin Run\nงานนี้ถูกยกเลิกแล้ว", True),
        ("Fjallabréf", "Þessi færsla er ekki lengur aðgengileg.", True),
        # short live pages in the same languages
        (
            "Sofa – BrugtMarked",
            "Sofa\n3-personers sofa i grå uld, 2300 kr. Afhentes i Valby.",
            False,
        ),
        ("Hua Hin Run | ตั๋วพร้อม", "Hua Hin Run\nวิ่งริมทะเล 10 กม. เริ่ม 05:30 น.", False),
    ],
)
def test_the_shipped_model_on_short_pages(title: str, text: str, notice: bool) -> None:
    got = score(_page(text, title=title), None)
    assert got is not None
    assert (got.probability >= 0.7) is notice, got


def test_the_shipped_model_quotes_an_expired_ad_no_rule_knows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An expired Dutch ad in wording no rule knows, above a "similar ads" link: the
    model reads it as a notice and quotes the sentence, not the link (a link of two
    words that weighs more is `test_a_heading_that_weighs_as_much_does_not_hide_the_sentence`)."""
    page = _page(
        "Eettafel van eiken\n"
        "Deze advertentie is verlopen en kan niet meer worden beantwoord.\n"
        "Bekijk vergelijkbare",
        title="Eettafel van eiken",
    )
    url = "https://markt.test/advertentie/eettafel-4471"
    reason = soft404_reason(_capture(url), page, None)
    assert reason is not None
    assert "“Deze advertentie is verlopen en kan niet meer worden beantwoord.”" in reason
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: None)
    assert soft404_reason(_capture(url), page, None) is None  # the rules alone let it pass


def test_a_sentence_that_adds_next_to_nothing_is_not_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The score comes from a "similar lamps" link; the one sentence carries almost none
    of it, so quoting it would show a reader evidence the model did not use."""
    model = _model({g: 3.0 for g in char_ngrams("zorbled", 2, 5)})
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: model)
    links = "\n".join(f"Zorbled lamp {i}" for i in range(12))
    sentence = "A zorbled lamp of brass and glass, forty centimetres."
    page = _page(f"{sentence}\n{links}", title="Lamp")
    got = score(page, None, model)
    assert got is not None and got.probability > 0.9
    weight = dict(got.pulls)[sentence]
    assert 0 < weight < 0.1 * sum(w for _, w in got.pulls if w > 0)
    assert model_reason(page, None) is None


@pytest.mark.parametrize(
    ("url", "redirected", "judged"),
    [
        ("https://zorb.test/", False, False),  # the home page, cited as such
        ("https://zorb.test/index.html", False, False),
        ("https://zorb.test/tag/lamps", False, False),  # a tag's list, cited as such
        ("https://zorb.test/topics/lamps/", False, False),
        ("https://zorb.test/hub/lamps", False, False),
        ("https://zorb.test/help/expired-ads", False, False),  # a help page explains notices
        ("https://zorb.test/aide/zorbled-lamp", False, False),
        ("https://zorb.test/help", False, True),  # a page named help is not under help/
        ("https://zorb.test/", True, True),  # sent home from elsewhere: the model speaks
        ("https://zorb.test/index.php?route=product&product_id=987", False, True),  # an item
        ("https://zorb.test/tag/lamps/kuu-4512", False, True),  # an item under a tag
    ],
)
def test_a_front_page_or_a_tag_list_cited_as_such_is_not_the_models_to_judge(
    monkeypatch: pytest.MonkeyPatch, url: str, redirected: bool, judged: bool
) -> None:
    """The model learnt fronts and lists as where removed items are sent, and read a
    council's live home page and a tag's live page as notices; help pages explain
    errors and expiry in a notice's own words."""
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: _zorbled())
    page = _page("Lampshop\nThis lamp is zorbled for good.\nSimilar lamps")
    capture = _capture(url)
    if redirected:
        start = "https://zorb.test/lamp/kuu-4512"
        capture = Capture(
            url=start,
            started="2026-11-26T00:00:00Z",
            hops=[Hop(url=start, status=301, location=url), *capture.hops],
        )
    reason = soft404_reason(capture, page, None)
    assert (reason is not None) is judged, reason


def test_a_consent_banner_is_never_the_sentence_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model learnt cookie banners as part of error pages (their probes often failed):
    a banner's sentence is passed over for the page's own, and alone it decides nothing."""
    grams = {g: 2.0 for g in char_ngrams("zorbled cookies", 2, 5) if len(g.strip()) >= 4}
    model = _model(grams)
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: model)
    banner = "We use cookies to remember your settings."
    page = _page(f"{banner}\nThis lamp is zorbled for good.")
    assert "“This lamp is zorbled for good.”" in (model_reason(page, None) or "")
    assert model_reason(_page(f"{banner}\nA brass lamp, 40 cm, with a linen shade."), None) is None
