"""Soft-404 detection: each kind of evidence, and the labelled set as a whole."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from archiver import notice_model
from archiver.model import Capture, Hop, Readable
from archiver.read import read_payload
from archiver.soft404 import (
    canonical_reason,
    contact_card_reason,
    counted_listing_reason,
    elsewhere_reason,
    empty_results_reason,
    empty_title_reason,
    listing_reason,
    model_reason,
    notice_reason,
    own_words,
    probe_reason,
    redirect_reason,
    removed_body_reason,
    section_candidate,
    section_reason,
    sibling_candidate,
    sibling_reason,
    site_title_reason,
    soft404_reason,
    state_reason,
    topic_reason,
    unnamed_reason,
    vanished_reason,
    wiki_redirect_reason,
    wording_reason,
)

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


def test_redirects_to_a_section_listing_a_folder_index_or_the_page_without_its_item() -> None:
    article = "https://news.test/sazogadoeba/398120/"
    category = "https://news.test/category/sazogadoeba/"
    assert redirect_reason(page(article, final=category)) == (
        "redirected to a category page (/category/sazogadoeba/)"
    )
    # a forum topic sent to its category (/c/ as first folder), which names none of it
    topic = "https://forum.test/t/how-to-configure-ssr-with-the-router/3198"
    assert redirect_reason(page(topic, final="https://forum.test/c/help/5")) == (
        "redirected to a category page (/c/help/5)"
    )
    # a category address that keeps the article's own words is the article, moved
    moved = "https://news.test/category/sazogadoeba/bridge-reopens"
    assert redirect_reason(page("https://news.test/a/bridge-reopens", final=moved)) is None
    hut = "https://wiki.test/refugios/refugio_elola"
    assert redirect_reason(page(hut, final="https://wiki.test/refugios/start")) == (
        "redirected to a parent page (/refugios/start)"
    )
    episode = "https://pods.test/kr/podcast/show/id1623456789?i=1000640098871"
    show = "https://pods.test/kr/podcast/show/id1623456789"
    assert redirect_reason(page(episode, final=show)) == (
        "redirected to the same address without its item (i=1000640098871)"
    )
    # a query that names no item (a language, a page number) is dropped by many sites
    assert redirect_reason(page(show + "?l=ko", final=show)) is None


def test_an_opening_counts_past_a_hundred_own_words_of_lists_not_of_prose() -> None:
    frame = "\n".join(f"Menu item {i} of the jobs site" for i in range(12))
    probe = Readable(title="Not found | Praca", text=frame)
    similar = "\n".join(f"Księgowa {i}\nBiuro {i}\nŁódź, {3000 + i} zł" for i in range(25))
    gone = Readable(
        title="Księgowa, Biuro Bilans, Łódź | Praca",
        text=f"{frame}\nTa oferta jest już nieaktualna\nPodobne oferty\n{similar}",
    )
    url = "https://praca.test/praca/ksiegowa,oferta,1003118452"
    assert wording_reason(gone, url, probe) == ("the page opens with “oferta jest już nieaktualna”")
    sentence = "Po aktualizacji routera strona pokazuje ten komunikat przy każdym wejściu. "
    thread = replace(gone, text=f"{frame}\nTa oferta jest już nieaktualna\n" + sentence * 12)
    assert wording_reason(thread, url, probe) is None


def test_a_work_named_in_the_title_is_the_pages_subject() -> None:
    film = Readable(
        title="Seite nicht gefunden (2024) - Reelbase",
        text="Seite nicht gefunden\nOriginaltitel: Seite nicht gefunden\nRegie Lena Hoffstetter",
    )
    assert wording_reason(film, "https://films.test/de/title/tt27741852/", None) is None
    # a bare kind of work names the part before it as the work
    doc = "Ошибка 404. Как исчезает интернет | Документальный фильм"
    documentary = Readable(title=doc, text=doc)
    assert soft404_reason(page("https://v.test/watch?v=Qm7rT2xKp0c"), documentary, None) is None
    # a bare kind and year names the part before it as the work: "ERROR 404 | Short Film"
    short = Readable(title="ERROR 404 | Short Film (2023)", text="ERROR 404 | Short Film (2023)")
    assert soft404_reason(page("https://v.test/watch?v=Rb4nE0x404k"), short, None) is None
    gone = Readable(title="ERROR 404 | VidTube", text="ERROR 404 | VidTube")
    assert soft404_reason(page("https://v.test/watch?v=Rb4nE0x404k"), gone, None) is not None
    # a numbered episode names the words after its number: "Ep. 404: Not Found"
    notes = "Ep. 404: Not Found\nFor our 404th episode we went looking for closed places."
    episode = Readable(title="Ep. 404: Not Found", text=notes)
    assert wording_reason(episode, "https://radio.test/podcasts/porch/episodes/404") is None
    bare = Readable(title="404: Not Found", text=notes)
    assert wording_reason(bare, "https://radio.test/podcasts/porch/episodes/404") is not None
    # an event named with the error, its address too: its blurb plays on the words (on a
    # page past SHORT_BODY_WORDS, where only the title and the opening are read)
    blurb = "The show you were looking for doesn't exist yet. The audience writes it.\n" + (
        "Every month the troupe takes your suggestions and turns them into a new show. " * 5
    )
    show = Readable(title="404 Not Found: An Improv Night", text=f"Events\n{blurb}")
    assert wording_reason(show, "https://tix.test/e/404-not-found-an-improv-night-7418") is None
    assert wording_reason(show, "https://tix.test/e/7418") is not None


def test_an_error_met_somewhere_is_a_threads_topic() -> None:
    # a thread past SHORT_BODY_WORDS, where the title and the heading decide
    text = "Forum\n" + "Seit dem Kartenupdate zeigt das Navi nur noch eine Fehlermeldung. " * 8
    thread = Readable(title="Fehler 404 im Navi", text=f"Fehler 404 im Navi\n{text}")
    assert wording_reason(thread, "https://forum.test/showthread.php?t=201877") is None
    error = Readable(title="Fehler 404", text=f"Fehler 404\n{text}")
    assert wording_reason(error, "https://forum.test/showthread.php?t=201877") is not None


def test_a_numbered_item_is_not_judged_by_the_words_of_its_folder() -> None:
    # a live channel post whose text is in its meta tags only: the page shows no channel
    # name, but the address named the channel, not the post
    shell = Readable(title="Wire", text="Wire\nOpen in app\nDownload Wire for Android")
    post = page("https://wire.test/allotment_notes/8812")
    assert unnamed_reason(post, shell, None) is None
    slugged = page("https://ads.test/oglas/recepcionar-hotel-adriana-split-418822")
    assert unnamed_reason(slugged, shell, None) is not None


def test_a_folder_inside_an_item_is_not_probed() -> None:
    answer = page("https://qa.test/question/61234567/answer/2309876543")
    assert not section_candidate(answer, Readable(text="A short answer."))
    # a short base-36 id is an item too: the forum shows the thread for any last segment
    thread = page("https://forum.test/r/selfhosted/comments/1c8kq2z/nginx_404_on_refresh/")
    assert not section_candidate(thread, Readable(text="A short answer."))
    assert section_candidate(page("https://forum.test/r/selfhosted/wiki/"), Readable(text="A."))


def test_a_shops_category_folder_is_a_listing_but_a_slug_with_a_listing_word_is_not() -> None:
    from archiver.soft404 import _listing_path

    assert _listing_path("https://shop.test/produkt-kategorie/gemuese/radieschen")
    assert _listing_path("https://shop.test/duka/")
    assert _listing_path("https://blog.test/2021/how-to-store-potatoes") is None


def test_a_shops_catalogue_root_is_a_listing() -> None:
    book = page(
        "https://books.test/libro/la-huelga-de-alquileres-de-1931",
        final="https://books.test/tienda/",
    )
    assert redirect_reason(book) == "redirected to a category page (/tienda/)"


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
        # a server or a program answering with the error, in the languages of its users
        "For z=19 the server answers 404 Not Found even though the file holds the tiles.",
        "Every CSS file comes back 404 Not Found and the page is unstyled.",
        "Każda podstrona zwraca błąd 404 od Apache.",
        "Бот отвечает: страница не найдена, хотя рейсы есть.",
        "Na stronie głównej działa, ale gdy otwieram wpis, strona nie istnieje.",
        # a site delivering no 404, an error met while doing something
        "Viele Seiten liefern dabei gar keinen Fehler 404, sondern leiten auf die Startseite um.",
        "Ошибка 404 при загрузке фото в галерею",
        # one parked domain among the places dead links lead
        "Old links now lead nowhere: a 404, a parked domain, or an unrelated home page.",
        "Most of them were missing: parked domains, deleted blogs, videos now unavailable",
        # a raw status line pasted from curl
        "curl -I http://localhost:8080/tiles/19.png\nHTTP/1.1 404 Not Found",
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
    # a site saying why it sent the visitor on
    why = "https://a.test/s/Mousehole/homes?source=listing_unavailable"
    assert soft404_reason(page("https://a.test/rooms/30418822", why), Readable(), None) == (
        "redirected to an error page (/s/Mousehole/homes?source=listing_unavailable)"
    )
    expired = "https://a.test/prace/ostrava/it/?expired=2000301944"
    assert redirect_reason(page("https://a.test/rpd/2000301944/", expired)) is not None
    removed = "https://a.test/dizustu-bilgisayar-apple?kaldirilan=1176650934"
    assert redirect_reason(page("https://a.test/ilan/macbook-air-1176650934", removed))
    sort = "https://a.test/s/Mousehole/homes?sort=newest&available=1"
    assert soft404_reason(page("https://a.test/rooms/30418822", sort), Readable(), None) is None
    # an article's page sent to its site's list page, its number dropped
    view = "https://news.test/news/articleView.html?idxno=171203"
    listed = "https://news.test/news/articleList.html?sc_section_code=S1N2"
    assert redirect_reason(page(view, final=listed)) == (
        "redirected to a list page (/news/articleList.html)"
    )
    assert redirect_reason(page(view, final="https://news.test/news/playlist?list=PL1")) is None
    kept = "https://news.test/news/articleList.html?idxno=171203"
    assert redirect_reason(page(view, final=kept)) is None
    # a forum thread sent to its forum's list of threads
    thread = "https://vans.test/showthread.php?t=51230"
    assert redirect_reason(page(thread, final="https://vans.test/forumdisplay.php?f=7")) == (
        "redirected to a list page (/forumdisplay.php)"
    )


def test_probe_likeness_but_not_for_a_cited_home_page() -> None:
    catch_all = Readable(text="Welcome to Example Store. Featured this week: mugs, jugs, rugs.")
    same = Readable(text="Welcome to Example Store. Featured this week: mugs, jugs, rugs.")
    reason = soft404_reason(page(), same, catch_all)
    assert reason == "same page as a random path on this host"
    assert soft404_reason(page("https://a.test/"), same, catch_all) is None
    product = Readable(text="Oak chopping board, 40 by 25 cm, oiled by hand; wash by hand.")
    assert soft404_reason(page(), product, catch_all) is None


def test_a_catch_all_page_echoing_the_name_it_was_asked_for() -> None:
    """A stub that names whatever was asked ("Contact @name") reads the same for the
    cited name and the probe's random one; a real channel's page does not."""
    url = "https://chan.test/harbour_news"

    def stub(name: str) -> Readable:
        return Readable(
            title=f"Chan: Contact @{name}",
            text=f"Chan: Contact @{name}\nDownload\nIf you have Chan, you can contact\n"
            f"@{name}\nright away.\nSend Message\nDon't have Chan yet? Try it now!",
        )

    probe = stub("k3j9x2q7w1")
    assert probe_reason(page(url), stub("harbour_news"), probe) == (
        "same page as a random path on this host"
    )
    live = Readable(
        title="Harbour News",
        text="Harbour News\n12,400 subscribers\nFerry times, storm warnings and the fish "
        "market's prices, every morning at six.\nSend Message",
    )
    assert probe_reason(page(url), live, probe) is None


def test_a_made_up_ids_page_and_which_pages_ask_for_it() -> None:
    """The page a site shows for the cited address with a made-up id is its missing-item
    template, in whatever wording: a page like it is soft-404, unless the site showed the
    cited item itself for that id (it routes by the name and ignores the number)."""
    notice = "Kaup puudub. Seda toodet meie valikus praegu ei leidu. Vaata teisi tooteid."
    url = "https://kivi.test/tooted/4512"
    removed = Readable(text=notice, title="Kaubamaja Kivi")
    made_up = Readable(text=notice, title="Kaubamaja Kivi")
    expected = "same page as a made-up id (/tooted/0000) on this host"
    assert sibling_reason(page(url), removed, made_up) == expected
    assert soft404_reason(page(url), removed, None, None, None, made_up) == expected
    live = Readable(text="Villane sall, 180 cm, hall. Käsitsi kootud.", title="Villane sall")
    assert sibling_reason(page(url), live, made_up) is None
    assert sibling_reason(page(url), removed, None) is None
    assert sibling_reason(page("https://kivi.test/tooted/sall"), removed, made_up) is None
    # the query's id when the path has none
    query = "https://kivi.test/item.php?id=88123&lang=et"
    assert sibling_reason(page(query), removed, made_up) == (
        "same page as a made-up id (/item.php?id=00000&lang=et) on this host"
    )
    # the made-up id showed the cited item: its canonical address, or its name as title
    shown = replace(made_up, canonical=url)
    assert sibling_reason(page(url), removed, shown) is None
    named = "https://kivi.test/toode/villane-sall-4513"
    scarf = Readable(text="Villane sall, 180 cm, hall. Käsitsi kootud.", title="Villane sall")
    assert sibling_reason(page(named), scarf, scarf) is None
    # a bulletin that finds a resolution by the number before its slug: the slug's year
    # made zeros still shows it, titled with the site's name only but opening with it
    bip = "https://bip.test/artykul/214/4815/uchwala-nr-xii-87-2024-w-sprawie-dotacji-na-wymiane"
    heading = "Uchwała nr XII/87/2024 w sprawie dotacji na wymianę źródeł ciepła. Rada Gminy"
    resolution = Readable(text=heading + " postanawia, co następuje.", title="Gmina Olszanka")
    assert sibling_reason(page(bip), resolution, resolution) is None
    bare = "Nie znaleziono artykułu. Wróć do strony głównej."
    gone = Readable(text=bare, title="Gmina Olszanka")
    assert sibling_reason(page(bip), gone, gone) is not None
    # a deleted post falling back to its channel's card, as a made-up post id does
    card = "Kanal Berita Kota. Berita lokal setiap pagi: cuaca, lalu lintas, rapat dewan."
    host = Readable(text="Halaman tidak ditemukan.", title="404", summary="Tele")
    post = Readable(text=card + " Lihat kanal.", title="Berita Kota", summary=card)
    channel = Readable(text=card + " " + " ".join(["berita"] * 30), title="Berita Kota")
    channel = replace(channel, summary=card)
    assert sibling_reason(page("https://t.example/beritakota/4512"), post, channel, host) == (
        "describes itself like a made-up id (/beritakota/0000) on this host (title and description)"
    )
    # who asks: short or redirected pages with an id, an item's folder included
    assert sibling_candidate(page(url), live)
    assert sibling_candidate(page("https://cars.test/oglasi/21834567/slike/992211"), live)
    assert not sibling_candidate(page("https://kivi.test/tooted/sall"), live)
    long_text = Readable(text=" ".join(["sõna"] * 501))
    assert not sibling_candidate(page(url), long_text)
    assert sibling_candidate(page(url, final="https://kivi.test/tooted/"), long_text)
    assert not sibling_candidate(page(url), Readable(text=""))
    assert not sibling_candidate(page(url), None)


def test_a_folders_random_path_page_and_which_pages_ask_for_it() -> None:
    card = "Kanal Berita Kota. Berita lokal setiap pagi: cuaca, lalu lintas, rapat dewan."
    deleted = Readable(text=card, title="Berita Kota")
    folder_probe = Readable(text=card, title="Berita Kota")
    post = Readable(text=card + " Jembatan ditutup pukul lima sampai enam.", title="Berita Kota")
    url = "https://t.example/beritakota/4512"
    assert section_reason(page(url), deleted, folder_probe) == (
        "same page as a random path in /beritakota/ on this host"
    )
    assert soft404_reason(page(url), deleted, None, None, folder_probe) == (
        "same page as a random path in /beritakota/ on this host"
    )
    assert section_reason(page(url), post, folder_probe) is None
    assert section_reason(page(url), deleted, None) is None
    # an app's shell titled as its own declared item is not the folder's template
    item = replace(deleted, declares="article", title="Jembatan ditutup")
    assert section_reason(page(url), item, folder_probe) is None
    # who asks: short or redirected pages with a folder; not a long one, not the root
    assert section_candidate(page(url), post)
    assert not section_candidate(page("https://t.example/beritakota"), post)
    long_text = Readable(text=" ".join(["kata"] * 501))
    assert not section_candidate(page(url), long_text)
    assert section_candidate(page(url, final="https://t.example/beritakota/"), long_text)
    assert not section_candidate(page(url), Readable(text=""))
    assert not section_candidate(page(url), None)
    # a folder that is the item itself shows it for any last segment, live or removed
    ad = "https://cars.test/auto-oglasi/21834567/volkswagen-golf-7-comfortline"
    assert not section_candidate(page(ad), post)
    assert section_candidate(page("https://news.test/2019-03-14/bridge-closed"), post)
    # a folder's answer titled with the cited item found it by something else in its path
    live = Readable(
        text="Volkswagen Golf 7, 2017, 16 900 EUR.", title="Volkswagen Golf 7 Comfortline"
    )
    found = "https://cars.test/oglasi/vw/volkswagen-golf-7-comfortline"
    assert section_reason(page(found), live, live) is None
    assert section_reason(page("https://cars.test/oglasi/vw/88"), live, live) is not None
    # a live post whose page is its channel's card, as for a post id that never existed,
    # and whose preview is its own text; a tag page's templated preview is not its own
    channel = "Офіційний канал метрополітену. Зміни в роботі станцій."
    card = replace(deleted, summary=channel)
    live_post = replace(deleted, summary="Увага! Станція «Почайна» з 16 березня працює на вхід.")
    assert section_reason(page(url), live_post, card) is None
    assert section_reason(page(url), replace(deleted, summary=channel), card) is not None
    tag_page = replace(deleted, summary="آخر الأخبار عن محطة التحلية في صوت الساحل")
    tag_probe = replace(deleted, summary="آخر الأخبار عن archiver-probe في صوت الساحل")
    assert section_reason(page(url), tag_page, tag_probe) is not None


def test_a_post_describing_itself_like_its_channels_answer_for_a_random_path() -> None:
    # A deleted post's page may still show the feed around it, so its text is not the
    # folder's page; its link-preview card is, and a live post's card is its own text.
    about = "Sailing updates and timetable changes for the Solway ferries."
    channel = Readable(text="Solway Ferries. 3 418 subscribers. " + about, title="Solway Ferries")
    channel.summary = about
    host = Readable(text="Contact @archiver-probe. Send message.", title="Contact", summary="Hi")
    feed = "Timetable from Monday. Winter fares. Refit in March. Pier works. Storm warning."
    deleted = Readable(text=feed, title="Solway Ferries", summary=about)
    url = "https://wire.test/solway_ferries/2954"
    expected = (
        "describes itself like a random path in /solway_ferries/ on this host"
        " (title and description)"
    )
    assert section_reason(page(url), deleted, channel, host) == expected
    assert soft404_reason(page(url), deleted, host, None, channel) == expected
    live = replace(deleted, summary="Storm warning: the 14:00 sailing is cancelled.")
    assert section_reason(page(url), live, channel, host) is None
    # no host probe to tell the site's default description from the channel's: no verdict
    assert section_reason(page(url), deleted, channel, None) is None
    # a description the host's random path shares is every page's default
    assert section_reason(page(url), deleted, channel, replace(host, summary=about)) is None
    assert section_reason(page(url), replace(deleted, title="Pier works"), channel, host) is None
    # a preview of the channel's feed carries the channel's card, live post or not
    feed = " ".join(f"Post {i}: the {i}:00 sailing runs late by twenty minutes." for i in range(5))
    assert section_reason(page(url), replace(deleted, text=feed), channel, host) is None


def test_a_status_notice_saying_the_item_is_gone() -> None:
    similar = "\n".join(f"Stan: Split, {n}-sobni, {60 + n} m², {300 + n}.000 €" for n in range(9))
    ad = Readable(title="Stan: Split (Bačvice), 3-sobni, 82 m²", text=similar)
    url = "https://oglasi.test/nekretnine/stan-split-bacvice-3-sobni-82-m2/8812345"
    assert notice_reason(ad, url) is None
    gone = replace(ad, notice="Oglas više nije aktivan. Oglašivač je uklonio oglas.")
    assert notice_reason(gone, url) == "its status notice says “više nije aktivan”"
    assert soft404_reason(page(url), gone, None) == notice_reason(gone, url)
    # a notice naming what the address names is the page's subject; a long page is judged
    # by its content, whatever a banner of it says
    film = "https://films.test/catalogue/page-not-found-2013"
    assert notice_reason(replace(ad, notice="Page not found (2013): now streaming"), film) is None
    assert notice_reason(replace(gone, text=(ARTICLE + "\n") * 4), url) is None
    # a notice that is only an empty result says the cited list is empty; one that only
    # mentions the words among others does not
    category = "https://shop.test/Kuechenhelfer/Teigschaber/"
    empty = replace(ad, title="Teigschaber", notice="Keine Produkte gefunden.")
    assert notice_reason(empty, category) == "its status notice says “Keine Produkte gefunden.”"
    filtered = "Keine Produkte gefunden in Rot; wir zeigen Ihnen alle 24 Teigschaber in Blau."
    assert notice_reason(replace(empty, notice=filtered), category) is None


def test_a_banner_named_by_its_class_that_the_main_text_drops() -> None:
    # a shop's product page keeps its title, photo and "customers also viewed"; the only
    # word that it is gone is a <strong> in a classed box, which trafilatura drops (the
    # reader puts the lines under the heading back in the text: two ways to the notice)
    html = (ROOT / "tests" / "data" / "soft404" / "b39_en_takealots_stove.html").read_bytes()
    url = "https://www.takealots.example/defy-60cm-4-plate-stove/PLID69880412"
    readable = read_payload(html, [("Content-Type", "text/html")], url)
    assert notice_reason(readable, url) == "its status notice says “product is no longer available”"
    assert notice_reason(replace(readable, notice=""), url) is None
    assert soft404_reason(page(url), readable, None) is not None
    live = html.replace(b"This product is no longer available", b"In stock, ships tomorrow")
    readable = read_payload(live, [("Content-Type", "text/html")], url)
    assert soft404_reason(page(url), readable, None) is None


def test_a_channel_post_answered_with_the_contact_card_of_its_name() -> None:
    card = Readable(
        title="Telegram: Contact @baymak_sud_live",
        text="Download\nTelegram\nSend Message\nIf you have Telegram, you can contact"
        " @baymak_sud_live right away.",
    )
    post = page("https://t.test/baymak_sud_live/212")
    assert contact_card_reason(post, card) == (
        "shows only a contact card for @baymak_sud_live, no post 212"
    )
    assert soft404_reason(post, card, None) == contact_card_reason(post, card)
    # the card of a person at their own address is the person; a card of another name,
    # or a live post titled with its channel, is no evidence
    assert contact_card_reason(page("https://t.test/baymak_sud_live"), card) is None
    assert contact_card_reason(page("https://t.test/other_channel/212"), card) is None
    live = replace(card, title="Baymak court live – Telegram")
    assert contact_card_reason(post, live) is None


def test_a_thread_whose_post_is_only_its_removal_marker() -> None:
    removed = Readable(
        text="Landlord kept the deposit, what are my options?\n301 users here now\n"
        "Personal finance discussion for people living in the UK.\n"
        "submitted 3 months ago by bluekettle_88\n[removed]"
    )
    assert removed_body_reason(removed) == "the post's body is “[removed]”"
    deleted = replace(removed, text="First build, no display\nsubmitted by [deleted]\n[deleted]")
    assert soft404_reason(page(), deleted, None) == "the post's body is “[deleted]”"
    # a live thread with a deleted comment goes on talking after it
    live = replace(
        removed,
        text="Best budget keyboard?\nLooking for something under fifty pounds, wired is fine.\n"
        "[deleted]\nTry the K2, I have had mine for three years and it still works.",
    )
    assert removed_body_reason(live) is None
    # a long discussion around a deleted comment is not a removed thread
    long_thread = replace(removed, text=removed.text + ("\n" + ARTICLE) + "\n[deleted]")
    assert removed_body_reason(long_thread) is None
    assert (
        removed_body_reason(replace(removed, text="The [removed] tag marks moderated posts."))
        is None
    )
    # the marker run into the thread's one line, when it names who removed the post
    inline = replace(
        removed,
        text="c/homelab · 8 mo. ago · u/[deleted] My ISP blocks port 25, what now? "
        "[removed by moderators] Vote 0 comments Share",
    )
    assert removed_body_reason(inline) == "the post's body is “[removed by moderators]”"
    user = replace(inline, text=inline.text.replace("[removed by moderators]", "Any ideas?"))
    assert removed_body_reason(user) is None


def test_a_short_link_sent_to_the_services_front_page() -> None:
    short = "https://on.tones.test/8Hq2vXpLk"
    assert redirect_reason(page(short, final="https://tones.test/discover")) == (
        "redirected to the service's front page (/discover)"
    )
    assert redirect_reason(page(short, final="https://tones.test/es/explore/")) is not None
    # the track itself, a profile, or a cited front page sent to its new name
    track = "https://tones.test/riverside-choir/discover-the-river"
    assert redirect_reason(page(short, final=track)) is None
    assert redirect_reason(page(short, final="https://tones.test/discovery-choir")) is None
    assert (
        redirect_reason(page("https://tones.test/explore", "https://tones.test/discover")) is None
    )


def test_redirects_to_a_search_for_the_items_own_words() -> None:
    shop = "https://shop.test/banco-jardim-acacia-120"
    vtex = "https://shop.test/banco%20jardim%20acacia%20120?_q=banco%20jardim%20acacia%20120&map=ft"
    assert redirect_reason(page(shop, final=vtex)) == "redirected to the site's search page"
    haku = "https://tori.test/haku?q=lahden-lastenvaatekirppis"
    assert redirect_reason(page("https://tori.test/kauppa/lahden-lastenvaatekirppis", final=haku))
    spip = "https://lib.test/spip.php?page=recherche&recherche=reconnaissance+faciale+mairie"
    assert redirect_reason(page("https://lib.test/Reconnaissance-faciale-la-mairie-recule", spip))
    # a wiki's page addressed by its title in the query is the page itself
    wiki = "https://wiki.test/w/index.php?title=Banco_jardim_acacia"
    assert redirect_reason(page("https://wiki.test/wiki/Banco_jardim_acacia", final=wiki)) is None
    # one shared word is not a search for the item
    one = "https://shop.test/garden?q=banco"
    assert redirect_reason(page(shop, final=one)) is None
    # a marketplace's search on a host of its own
    ad = "https://articulo.market.test/MLM-1650022987-bocina-bluetooth-jbl-flip-5-_JM"
    listado = "https://listado.market.test/bocina-jbl-flip-5"
    assert redirect_reason(page(ad, final=listado)) == "redirected to the site's search page"
    other = "https://www.market.test/ofertas/bocina-jbl-flip-5"
    assert redirect_reason(page(ad, final=other)) is None
    # a property search on a page named "find", a hotel search's results page
    flat = "https://homes.test/properties/143318450"
    find = "https://homes.test/property-to-rent/find.html?locationIdentifier=OUTCODE%5E1853"
    assert redirect_reason(page(flat, final=find)) == "redirected to the site's search page"
    bnb = "https://stay.test/hotel/it/b-b-casa-dei-limoni-amalfi.it.html"
    results = "https://stay.test/searchresults.it.html?city=-110826"
    assert redirect_reason(page(bnb, final=results)) == "redirected to the site's search page"


def test_a_numbered_item_sent_up_to_a_section_or_an_article_query_sent_home() -> None:
    item = "https://news.test/20220305/miting-1776543210.html"
    assert redirect_reason(page(item, final="https://news.test/politics/")) == (
        "redirected to a front page far above the cited one (/politics/)"
    )
    # the number kept, or the slug's words named: the item moved
    moved = "https://news.test/politics/1776543210"
    assert redirect_reason(page(item, final=moved)) is None
    renamed = "https://news.test/miting-na-ploshchadi"
    assert redirect_reason(page(item, final=renamed)) is None
    # a home page addressed with an article's number is that article
    old_site = "https://old.test/?c=ar&i=271234"
    assert redirect_reason(page(old_site, final="https://new.test/")) == (
        "redirected to the home page of new.test"
    )
    assert redirect_reason(page("https://old.test/?lang=be", final="https://new.test/")) is None
    # an item in a folder of its kind sent to a page that names nothing of it
    saree = "https://silk.test/product/soft-silk-pudavai-elumichai-manjal/"
    assert redirect_reason(page(saree, final="https://silk.test/kadai/")) is not None
    assert redirect_reason(page(saree, final="https://silk.test/soft-silk-pudavai/")) is None


def test_a_numbered_item_sent_to_a_listing_without_its_number() -> None:
    car = "https://bazar.test/inzerat/186001237/skoda-fabia-ii-12-htp-2009.php"
    listing = Readable(text="Škoda", title="Škoda - Auto bazar")
    assert listing_reason(page(car, final="https://bazar.test/auto/skoda/"), listing) == (
        "redirected to a listing of its kind (/auto/skoda/)"
    )
    drill = "https://tools.test/herramientas-electricas/2291-taladro-percutor-750w.html"
    category = Readable(text="Herramientas", title="Herramientas eléctricas")
    final = "https://tools.test/12-herramientas-electricas"
    assert listing_reason(page(drill, final=final), category) is not None
    # the number kept: the item moved; no number: two words are too few to tell
    moved = "https://bazar.test/skoda-fabia-186001237"
    assert listing_reason(page(car, final=moved), listing) is None
    plain = "https://bazar.test/inzerat/skoda-fabia.php"
    assert listing_reason(page(plain, final="https://bazar.test/auto/skoda/"), listing) is None
    # a model number shared while the ad's own identifier is dropped: still a listing
    peugeot = "https://cars.test/carros/anuncio/peugeot-308-sw-1-5-bluehdi-allure-ID8MqT7w.html"
    models = Readable(text="Peugeot 308", title="Peugeot 308 usados e novos - 1 146 anúncios")
    final = "https://cars.test/carros/peugeot/308"
    assert listing_reason(page(peugeot, final=final), models) is not None
    kept = "https://cars.test/carros/anuncio/peugeot-308-ID8MqT7w"
    assert listing_reason(page(peugeot, final=kept), models) is None
    # a listing naming the item's kind in another inflection (bicicleta, biciclete)
    bike = "https://ads.test/d/oferta/bicicleta-mtb-cube-aim-29-marime-l-IDgW2r7.html"
    bikes = "https://ads.test/sport-timp-liber/biciclete-fitness/biciclete/cluj-napoca/"
    titled = Readable(text="Biciclete", title="Biciclete Cluj-Napoca - anunțuri")
    assert listing_reason(page(bike, final=bikes), titled) is not None
    # a category repeating one word of a product's two-word name is still a category
    seeds = "https://seeds.test/produkt/saatband-radieschen-5m/"
    radish = "https://seeds.test/produkt-kategorie/gemuese/radieschen/"
    assert redirect_reason(page(seeds, final=radish)) == (
        "redirected to a category page (/produkt-kategorie/gemuese/radieschen/)"
    )


def test_a_numbered_item_sent_to_a_listing_that_names_nothing_of_it() -> None:
    machine = "https://shop.test/ua/kavomashyna-vellano-aroma-classic/p214470903/"
    machines = "https://shop.test/ua/coffee_machines/c80164/"
    category = Readable(text="Кавомашини", title="Кавомашини — купити в Києві")
    assert listing_reason(page(machine, final=machines), category) == (
        "redirected to a listing of its kind (/ua/coffee_machines/c80164/)"
    )
    # an ad with no words in its address: the listing shows itself by its filters
    flat = "https://ads.test/item/8fk2m1pq"
    rentals = Readable(text="Apartments", title="דירות להשכרה בחיפה")
    filtered, named = (
        "https://ads.test/realestate/rent?city=4000",
        "https://ads.test/products/widget",
    )
    assert listing_reason(page(flat, final=filtered), rentals)
    assert listing_reason(page(flat, final=named), rentals) is None
    # the item renamed (titled with its words), moved to an article's slug, or deeper
    renamed = Readable(text="x", title="Кавомашина Vellano Aroma Classic")
    assert listing_reason(page(machine, final=machines), renamed) is None
    article = "https://shop.test/ua/blog/how-we-test-coffee-machines/"
    assert listing_reason(page(machine, final=article), category) is None
    deeper = "https://shop.test/ua/kitchen/coffee/machines/c80164/"
    assert listing_reason(page(machine, final=deeper), category) is None
    # the number kept, or no number to lose
    kept = "https://shop.test/ua/coffee_machines/p214470903/"
    assert listing_reason(page(machine, final=kept), category) is None
    plain = "https://shop.test/ua/kavomashyna-vellano-aroma-classic/"
    assert listing_reason(page(plain, final=machines), category) is None


def test_a_redirect_from_an_item_to_a_listing_of_its_kind() -> None:
    bike = "https://ads.test/d/anuncio/bicicleta-montana-scott-scale-talla-m-ID16wQ0e.html"
    listing = "https://ads.test/deporte-y-ocio/bicicletas/montana/valencia/"
    titled = Readable(text="Bicicletas", title="Bicicletas de montaña en Valencia | Ads")
    assert listing_reason(page(bike, final=listing), titled) == (
        "redirected to a listing of its kind (/deporte-y-ocio/bicicletas/montana/valencia/)"
    )
    hotel = "https://stay.test/hotel/mx/casa-de-los-milagros-oaxaca.es-mx.html"
    search = "https://stay.test/searchresults.es-mx.html?dest_id=-1683734&from=milagros-oaxaca"
    hotels = Readable(text="Hoteles", title="Hoteles en Oaxaca de Juárez")
    assert listing_reason(page(hotel, final=search), hotels) is not None
    # the same item moved: its identifier kept (a translation), below the cited address
    # (a post's anchor), titled with its slug's words (a shortened slug), another host
    en = "https://news.test/en/economy/shipyard-in-wismar-secures-navy-order-a-8f31c2"
    de = "https://news.test/de/wirtschaft/werft-in-wismar-erhaelt-marineauftrag-a-8f31c2"
    assert listing_reason(page(en, final=de), Readable(text="Werft", title="Werft")) is None
    thread = "https://forum.test/threads/nextcloud-hinter-reverse-proxy/"
    anchor = thread + "post-88124"
    assert listing_reason(page(thread, final=anchor), Readable(text="x", title="x")) is None
    post = "https://blog.test/blog/how-to-bake-sourdough-bread-at-home"
    short = "https://blog.test/blog/sourdough-bread"
    renamed = Readable(text="Bread", title="How to bake sourdough bread at home")
    assert listing_reason(page(post, final=short), renamed) is None
    # a listing narrowed by the item's own words, one a level, its number gone
    corolla = "https://cars.test/autos/usados/toyota-corolla-xei-2019-cvt-48213"
    facets = "https://cars.test/autos/usados/toyota/corolla"
    used = Readable(text="Corolla", title="Toyota Corolla usados en venta")
    assert listing_reason(page(corolla, final=facets), used) is not None
    assert (
        listing_reason(page(corolla, final="https://cars.test/autos/usados/toyota-corolla"), used)
        is None
    )
    plain = "https://cars.test/autos/usados/toyota-corolla-xei"
    assert listing_reason(page(plain, final=facets), used) is None
    # a listing counting what it lists, though titled with the item's words
    ad = "https://props.test/propiedades/alquiler-ph-3-ambientes-villa-crespo-id-764410.html"
    area = "https://props.test/alquiler/ph/villa-crespo/"
    counted = Readable(text="PH", title="PH en alquiler en Villa Crespo - 4 avisos | Props")
    assert listing_reason(page(ad, final=area), counted) is not None
    uncounted = Readable(text="PH", title="PH en alquiler en Villa Crespo, 3 ambientes | Props")
    assert listing_reason(page(ad, final=area), uncounted) is None
    elsewhere = "https://other.test/deporte-y-ocio/bicicletas/montana/valencia/"
    assert listing_reason(page(bike, final=elsewhere), titled) is None
    assert listing_reason(page(bike), titled) is None  # not redirected


def test_a_redirect_to_a_page_counting_what_it_lists() -> None:
    knives = "https://shop.test/jogo-de-facas-churrasco-8-pecas-gaucha/p"
    kitchen = "https://shop.test/cozinha"
    aisle = Readable(text="Entrar Cozinha Mesa Posta Início Cozinha 412 produtos Ordenar por")
    aisle = replace(aisle, title="Cozinha - Casa Ferreira")
    assert counted_listing_reason(page(knives, final=kitchen), aisle) == (
        "redirected to a listing (“412 produtos”)"
    )
    bike = "https://ads.test/p/mountain-bikes/full-suspension-mountain-bike-27-5/1458830116"
    city = "https://ads.test/bicycles/mountain-bikes/uk/manchester"
    bikes = Readable(text="Home For Sale Bikes 1,284 ads Sort by", title="Mountain Bikes")
    assert counted_listing_reason(page(bike, final=city), bikes) is not None
    flat = "https://imobil.test/oferta/apartament-de-vanzare-3-camere-cluj-zorilor-X7QJ8821"
    area = "https://imobil.test/vanzare-apartamente/cluj-napoca/zorilor"
    flats = Readable(text="Apartamente de vânzare în Zorilor\n247 de anunțuri", title="Zorilor")
    assert counted_listing_reason(page(flat, final=area), flats) is not None
    dubai = Readable(text="x", title="شقق للإيجار في دبي مارينا - 2,318 شقة متاحة")
    details = "https://dar.test/ar/property/details-7654321.html"
    assert counted_listing_reason(page(details, final="https://dar.test/ar/rent/"), dubai)
    # a cart's "0 sản phẩm" counts nothing; an item that kept its number moved
    cart = Readable(text="Giỏ hàng 0 sản phẩm - 0đ Quạt điều hòa", title="Quạt điều hòa")
    assert counted_listing_reason(page(knives, final=kitchen), cart) is None
    kept = "https://ads.test/bicycles/full-suspension-mountain-bike-1458830116"
    assert counted_listing_reason(page(bike, final=kept), bikes) is None
    # no number dropped and the title names the item: the item, with its seller's count
    named = replace(aisle, title="Jogo de facas churrasco gaúcha 8 peças")
    assert counted_listing_reason(page(knives, final=kitchen), named) is None
    assert counted_listing_reason(page(knives), aisle) is None  # not redirected
    listing = "https://shop.test/category/cozinha-antiga"
    assert counted_listing_reason(page(listing, final=kitchen), aisle) is None
    # Ukrainian "вакансій", events counted
    cook = "https://jobs.test/vacancy/4998103-kukhar-holovnyi-truskavets"
    cooks = Readable(text="22 000 грн", title="Робота кухарем у Трускавці — 7 вакансій")
    assert counted_listing_reason(page(cook, final="https://jobs.test/jobs-kukhar/"), cooks)
    gig = "https://tickets.test/evento/caifanes-tributo-monterrey/48211"
    gigs = Readable(text="Eventos en Monterrey\n38 eventos disponibles", title="Monterrey")
    flats = Readable(text="Pisos en venta en Ruzafa\n312 viviendas", title="Ruzafa")
    assert counted_listing_reason(page(gig, final="https://tickets.test/venta/ruzafa/"), flats)
    hotels = Readable(text="杭州酒店预订\n共找到 6,842 家酒店", title="杭州酒店预订")
    assert counted_listing_reason(page(gig, final="https://tickets.test/hotels/hz/"), hotels)
    assert counted_listing_reason(page(gig, final="https://tickets.test/eventos/monterrey"), gigs)


def test_a_redirect_to_a_page_named_by_part_of_the_items_name() -> None:
    fan = "https://shop.test/quat-dieu-hoa-kangaroo-kg50f62"
    fans = "https://shop.test/quat-dieu-hoa"
    assert topic_reason(page(fan, final=fans), Readable(title="Quạt điều hòa")) == (
        "redirected to a page named by part of its name (/quat-dieu-hoa)"
    )
    consultation = "https://gov.test/government/consultations/coastal-access-charges-review"
    topic = "https://gov.test/environment/coastal-access"
    assert topic_reason(page(consultation, final=topic), Readable(title="Coastal access"))
    # a post moved under a shorter slug keeps its title; one word and no number dropped
    # may be a slug tidied; the landing must be the item's words and nothing more
    post = "https://blog.test/blog/how-to-bake-sourdough-bread-without-yeast"
    short = "https://blog.test/blog/sourdough-bread"
    titled = Readable(title="How to bake sourdough bread without yeast")
    assert topic_reason(page(post, final=short), titled) is None
    assert topic_reason(page(post, final=short), Readable(title="Sourdough bread")) is not None
    tidied = "https://blog.test/notes/sourdough-starter-notes"
    tidy = "https://blog.test/notes/sourdough-starter"
    assert topic_reason(page(tidied, final=tidy), Readable()) is None
    wider = "https://gov.test/environment/coastal-access-and-rivers"
    assert topic_reason(page(consultation, final=wider), Readable(title="Coastal")) is None
    deeper = "https://gov.test/a/b/c/coastal-access"
    assert topic_reason(page(consultation, final=deeper), Readable(title="Coastal")) is None


def test_a_redirect_out_of_the_items_folder_to_a_page_naming_nothing_of_it() -> None:
    show = "https://museum.test/exhibitions/shipwrecks-of-the-south-coast"
    whats_on = "https://museum.test/whats-on"
    assert elsewhere_reason(page(show, final=whats_on), Readable(title="What's on")) == (
        "redirected to a page in another folder that names nothing of it (/whats-on)"
    )
    service = "https://gov.test/en/service/e4b1a-how-to-get-the-2022-electricity-credit/"
    department = "https://gov.test/en/organisation/department-of-the-environment/"
    assert elsewhere_reason(page(service, final=department), Readable(title="Department"))
    article = "https://news.test/a/31712045.html"
    section = "https://news.test/z/360"
    assert elsewhere_reason(page(article, final=section), Readable(title="Қоғам"))
    # a page that moved: its slug's words in the landing's title or address, its
    # number kept, a folder renamed beside it, or a section page with words of its own
    moved = "https://museum.test/visit"
    assert elsewhere_reason(page(show, final=moved), Readable(title="Shipwrecks")) is None
    assert elsewhere_reason(page(show, final="https://museum.test/shipwrecks"), Readable()) is None
    renumbered = "https://news.test/z/some-title-31712045.html"
    assert elsewhere_reason(page(article, final=renumbered), Readable(title="x")) is None
    guide = "https://docs.test/docs/setup-guide-for-linux"
    assert (
        elsewhere_reason(page(guide, final="https://docs.test/guide/installing"), Readable())
        is None
    )
    assert (
        elsewhere_reason(page(guide, final="https://docs.test/guide/x/install"), Readable()) is None
    )
    assert elsewhere_reason(page(guide, final="https://docs.test/installing"), Readable())
    same_depth = "https://docs.test/howto/installing"
    assert (
        elsewhere_reason(page("https://docs.test/docs/setup-guide", final=same_depth), Readable())
        is None
    )
    words = "https://news.test/z/society"
    assert elsewhere_reason(page(article, final=words), Readable(title="x")) is None
    same_folder = "https://museum.test/exhibitions/current"
    assert elsewhere_reason(page(show, final=same_folder), Readable(title="x")) is None


def test_a_wiki_page_redirected_in_place_to_its_main_page_or_a_list() -> None:
    main = Readable(
        title="Main Page - OpenFloodMap Wiki",
        text="Main Page\n(Redirected from Regional chapters/Bavaria)\nWelcome to the wiki",
    )
    assert wiki_redirect_reason(main) == ("a wiki redirect to “Main Page” served at its address")
    merged = Readable(
        title="Lijst van gemalen in Flevoland - Wikiweten",
        text="Lijst van gemalen in Flevoland\n(Doorverwezen vanaf Gemaal De Blauwe Reiger)\nDit",
    )
    assert wiki_redirect_reason(merged) is not None
    # a renamed article, an alias of the main page, a list renamed, no redirect line
    renamed = replace(main, title="Kyiv - Openpedia", text="Kyiv\n(Redirected from Kiev)\nKyiv")
    assert wiki_redirect_reason(renamed) is None
    alias = replace(main, text="Main Page\n(Redirected from Main page)\nWelcome")
    assert wiki_redirect_reason(alias) is None
    lists = replace(merged, text="Lijst\n(Doorverwezen vanaf Lijst van gemalen)\nDit")
    assert wiki_redirect_reason(lists) is None
    assert wiki_redirect_reason(replace(main, text="Main Page\nWelcome to the wiki")) is None
    quoted = replace(main, text="Main Page\nThe note (Redirected from X) is shown under it.")
    assert wiki_redirect_reason(quoted) is None


def test_a_redirect_to_a_subscription_offer() -> None:
    article = "https://news.test/business/2023/11/02/grain-elevator-sale"
    offers = "https://news.test/subscribe/offers?returnUrl=/business/2023/11/02/grain-elevator-sale"
    assert redirect_reason(page(article, final=offers)) == (
        "redirected to a subscription offer page (/subscribe/offers)"
    )
    promo = "https://news.test/promotions-page/?htm_source=paywall"
    assert redirect_reason(page("https://news.test/news/local/1.10977310", final=promo))
    # the offers page cited itself, or a one-segment page sent there
    again = "https://news.test/subscribe/offers/"
    assert redirect_reason(page("https://news.test/subscribe/", final=again)) is None
    assert redirect_reason(page("https://news.test/deal", final=offers)) is None
    assert redirect_reason(page(article, final="https://news.test/offerings/x/y/z/q")) is None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Ogłoszenia24", "Ogłoszenie zostało zakończone przez sprzedającego."),
        ("Авитоп", "Продавец снял объявление, поэтому связаться с ним больше нельзя."),
        ("НаймХаб", "Работодатель удалил эту вакансию или закрыл к ней доступ."),
        ("İlanpazari", "Bu ilan yayından kaldırılmıştır."),
        ("VagasJá", "Esta vaga foi encerrada."),
        ("Bozor.uz", "Sotuvchi eʼlonni oʻchirib qoʻygan."),
        ("Lokerku", "Lowongan ini sudah tidak diiklankan."),
        ("Tsutsak", "Այս հայտարարությունն այլևս հասանելի չէ"),
        ("Дөңгелек", "Сатушы хабарландыруды жариялаудан алып тастады."),
        ("imotnik", "Обявата, която търсите, не е намерена!"),
        ("Realitnik", "Tento inzerát už není v nabídce."),
        ("Plavi oglasnik", "Oglas više nije aktivan."),
        ("スミカエ", "この物件の掲載は終了しました"),
        ("Ogłoszenia Pomorze", "Ogłoszeniodawca zakończył jego publikację."),
        ("Gazzetta", "Sembra che non riusciamo a trovare quello che cerchi."),
        ("Küchenkontor", "Keine Produkte gefunden."),
        ("Senate", "No record found."),
        ("CDH", "Informe retirado"),
        ("ことのは辞書", "「ぴえん」に一致する見出し語は見つかりませんでした。"),
        ("哔哩波", "诶？视频不见了？"),
        ("ספריית הנשף", "המוצר אינו זמין"),
        ("Telegrafo", "Бұл мәтін автордың өтініші бойынша өшірілді."),
        ("Радиолюбитель", "Запрошенного пользователя не существует."),
        ("TFR", "Processo não encontrado."),
        ("Pisoclaro", "Lo sentimos, este anuncio ya no está publicado."),
        ("Koffiehoek", "Niet meer leverbaar"),
        ("Gazeta", "Ten materiał wideo nie jest już dostępny."),
        ("Kodlog", "Пользователь удалил свой аккаунт."),
        ("Targowisko", "To ogłoszenie jest już nieaktywne."),
        ("Targowisko", "To konto zostało usunięte."),
        ("Jobbtorget", "Annonsen är inte längre publicerad."),
        ("Könyvsziget", "Ez a termék kikerült a kínálatunkból."),
        ("Thimble & Oak", "This product has been discontinued and will not be restocked."),
        ("Cinemaro", "글이 존재하지 않습니다. 글이 삭제되었거나 이동된 경우입니다."),
        ("Vezde", "Этот товар больше не продаётся."),
        ("Koupang", "판매가 종료된 상품입니다"),
        ("Taoyuan", "很抱歉，您查看的宝贝不存在，可能已下架或者被转移"),
        ("Yagodka", "Такого товара нет"),
        ("Copperline", "There are no products listed under this category."),
        ("Gartenglück", "Es wurden keine Produkte gefunden, die deiner Auswahl entsprechen."),
        ("Thimble & Oak", "This board has been discontinued and will not be restocked."),
        ("Autovia", "Tento inzerát už nie je aktívny."),
        ("Tavaratori", "Ilmoitus ei ole enää saatavilla."),
        ("Jobfinder", "Jobbet er ikke længere aktivt."),
        ("Autod24", "Kuulutus on aegunud."),
        ("Rabljeno", "Oglas ni več aktiven."),
        ("Fetama", "Aquest article ja no està disponible."),
        ("Forogalego", "O tema solicitado non existe."),
        ("Sokoni", "Tangazo hili halipatikani tena."),
        ("जागिरखोज", "आवेदन दिने म्याद सकिएको छ"),
        ("Дэлгүүр", "Энэ бараа борлуулалтаас хасагдсан."),
        ("Emprego", "Este anúncio já expirou."),
        ("Pazaryolu", "Aradığınız ürün satışta değil."),
        ("소리와", "서비스가 종료된 곡입니다."),
        ("Fenland", "The requested user does not exist."),
    ],
)
def test_removed_item_wording_of_batches_twenty_one_to_thirty(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("FINNmarked", "Annonsen er utløpt."),
        ("Realitka", "Tato nabídka již není aktuální."),
        ("Пазарче", "Обявата е изтекла."),
        ("Jobwerk", "Diese Stellenanzeige ist nicht mehr online."),
        ("JobsNest", "This job is no longer advertised."),
        ("Hollowbrook", "This form is now closed."),
        ("Formularios", "Este formulario ya no admite respuestas."),
        ("وظائف الخليج", "هذه الوظيفة لم تعد متاحة"),
        ("النيل اليوم", "عفوًا.. هذا الفيديو غير متاح حاليًا"),
        ("روزنامہ سحر", "یہ خبر ہٹا دی گئی ہے"),
        ("Mkoa wa Pwani", "Tangazo hili limeisha muda wake."),
        ("Mkoa wa Pwani", "Faili halipatikani kwa sasa."),
        ("Видотека", "Видео удалено"),
        ("Ошибка", "Запись удалена автором или администратором сообщества."),
        ("VK", "Материал недоступен"),
        ("ShareKatha", "यह पोस्ट हटा दी गई है"),
        ("ShareKatha", "यह खाता निलंबित कर दिया गया है"),
        ("GitCang", "该仓库已被屏蔽"),
        ("云盘", "你来晚了，分享已被取消"),
        ("防災マップ", "避難所が見つかりません"),
        ("ЖЖ", "Журнал удалён и стёрт"),
        ("ОВД", "Информация скрыта"),
        ("Озодӣ", "Ин видео дигар дастрас нест"),
        ("Hetq", "Նյութը հեռացված է"),
        ("Zrzutka", "Ta zrzutka nie jest już dostępna"),
        ("Insta", "Bu məzmun qanuni tələb səbəbindən ölkənizdə əlçatan deyil"),
        ("Kanal", "This channel can't be displayed because it violated local laws."),
        ("Outback Forums", "Invalid Thread specified. If you followed a valid link, tell us."),
        ("Outback Forums", "This user has not registered and therefore does not have a profile."),
        ("Le Coin", "Oups ! Cette annonce n'est plus en ligne."),
        ("ニコビ", "この動画は投稿者により削除されました。"),
        ("Gebeya", "ይህ ማስታወቂያ ከአሁን በኋላ አይገኝም"),
        ("بيت", "لم تعد هذه الوظيفة متاحة"),
        ("السوق", "هذا الإعلان غير متوفر حالياً"),
        ("쿠팡", "판매자 사정으로 판매가 종료된 상품입니다"),
        ("淘", "很抱歉，您查看的宝贝不存在，可能已下架或者被转移。"),
        ("591", "此物件已關閉，房屋已出租或屋主已停止刊登"),
        ("Работа", "Вакансия закрыта"),
        ("Taquillazo", "Este evento ya no está disponible."),
        ("微信号", "此内容因违规无法查看"),
        ("Emploi Littoral", "Cette offre n'est plus disponible. Elle a été pourvue."),
        ("Алексей", "Страница заблокирована по требованию Генеральной прокуратуры."),
        ("Алексей", "Информация на этой странице недоступна."),
        ("Haber", "Bu içeriğe erişim, 7. Sulh Ceza Hakimliği'nin kararı uyarınca engellenmiştir."),
        ("مرصد الحقوق", "تم سحب هذا التقرير"),
        ("Senate", "18th Congress No record found. Please check the bill number."),
        ("Ленинский районный суд", "Уголовные дела\nДанных по запросу не найдено"),
        ("Oglasnica", "Nema oglasa koji odgovaraju vašoj pretrazi"),
        ("כל העמק", "לא נמצאו כתבות בתגית זו"),
        ("VidTube", "This account has been terminated due to multiple violations."),
        ("tradepost", "This posting has expired."),
        ("Gatherly", "Event unavailable\nThis event is no longer available"),
        ("Shannonvale", "This programme is no longer offered and is not accepting applications."),
        ("Homefinder", "The property you were looking at is no longer being marketed."),
        ("TikTak", "Para ti\nExplorar\nEste video no está disponible actualmente"),
        ("Przeslij", "Ten transfer wygasł"),
        ("вкругу", "Константин Воробьёв\nПользователь удалил свою страницу."),
        ("ВКруг", "Данный материал заблокирован на территории Российской Федерации."),
        ("KoopTop", "Dit product verkopen we niet meer."),
        ("こむぎ日和", "お探しの記事は削除されたか、公開が終了している可能性があります。"),
        ("sözlükçe", "böyle bir entry yok"),
        ("Tehnomag", "Produsul nu a fost găsit!"),
        ("AutoAgora", "Η αγγελία δεν είναι πλέον ενεργή."),
        ("Vendejá", "Nenhum anúncio encontrado"),
        ("Карточка дела", "Информация по делу не найдена или не подлежит опубликованию."),
        ("Gavel House", "This lot has been withdrawn"),
        ("TicketCove", "Indie Folk Night\nThis event has ended. Sales are closed."),
        ("Medium", "This post is under investigation or was found in violation of the Rules."),
        ("CondoHub", "ประกาศนี้ถูกปิดแล้ว"),
        ("BolsaChamba", "0 empleos\nNo encontramos vacantes con tu búsqueda."),
        ("Kaffeeklatsch", "Dieses Konto wurde gesperrt."),
        ("Katalog", "Posten du söker finns inte längre i katalogen."),
        ("Свободный Урал", "Этот канал недоступен, так как он использовался для спама."),
        ("Суд", "Поиск информации по делам\nДанных по запросу не обнаружено"),
        ("ePetitionen", "Die gewünschte Petition ist nicht oder nicht mehr verfügbar."),
        ("Праця", "Вакансію закрито"),
        ("tradepost", "This posting has been deleted by its author."),
        ("r/GrimsbyBuySell", "This community has been banned. It was unmoderated."),
        ("X", "Conversation\nThis Post is from a suspended account.\nLearn more"),
        ("Karrierenetz", "Diese Stellenanzeige ist nicht mehr verfügbar."),
        ("OfertasDeEmprego", "Esta oferta já não está disponível"),
        (
            "ilanpazarı",
            "İlan sahibi ilanı yayından kaldırdığı için bu ilanı görüntüleyemiyorsunuz.",
        ),
        ("AutoAgora", "Η αγγελία δεν είναι πλέον διαθέσιμη."),
        ("سوق البلد", "انتهت صلاحية هذا الإعلان"),
        ("租房快", "该房源已下架"),
        ("pisoteca", "Este anuncio ya no está publicado en pisoteca."),
        ("pisoteca", "El anunciante lo dio de baja el 12 de enero de 2025."),
        ("Свабода", "Матэрыял выдалены па просьбе яго герояў з меркаванняў бяспекі."),
        ("Кезек", "Бул макала министрликтин талабы боюнча убактылуу жеткиликсиз."),
    ],
)
def test_removed_item_wording_of_batches_thirty_two_to_fifty_eight(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("The Ridgeline", "This article has been temporarily removed following an injunction."),
        ("Bottega", "Cintura 35 mm\nQuesto prodotto non è più disponibile."),
        ("Annonce désactivée", "Elle a peut-être été vendue.\nCette annonce a été désactivée."),
        ("Podcasts", "Cet épisode n'est plus disponible"),
        ("Repositório", "Item retirado\nEste item foi retirado do repositório."),
        ("Vitrine", "Bicicleta Aro 29\nEste anúncio foi finalizado"),
        ("Робота тут", "Ця вакансія більше не актуальна"),
        ("บ้านเช่า", "ขออภัย ประกาศนี้ไม่มีอยู่แล้ว"),
        ("พักใจทราเวล", "ขออภัย ที่พักนี้ไม่เปิดให้จองบนพักใจทราเวลแล้ว"),
        ("チケットのま", "お探しの公演情報は見つかりませんでした"),
        ("कूकू", "यह खाता भारत में रोक दिया गया है"),
        ("Berkasku", "Tautan ini sudah kedaluwarsa"),
        ("צלילים", "השיר הזה אינו זמין"),
        ("Forum", "Best UPS?\n(topic withdrawn by author, will be automatically deleted)"),
        ("r/AskNYC", "[deleted by user]"),
        ("روزنامه کرانه", "این مطلب به دستور مرجع قضایی از دسترس خارج شده است."),
        ("ВКруге", "Ошибка\nЗапись удалена либо доступ к ней ограничен."),
        # a closed consultation or call, when that is all the page says
        ("Shoreline Plan", "This public comment period has closed."),
        ("Patrimoine rural", "Cet appel à projets est clos."),
        ("Bestemmingsplan", "Deze inspraakperiode is gesloten."),
        ("Auxiliar administrativo", "Proceso selectivo finalizado."),
        # batches 65-70
        ("Case Law", "Warning message\nThe requested case could not be found."),
        ("Winkelhuis", "Niet leverbaar\nDit artikel is niet meer leverbaar."),
        (
            "数据集详情",
            "临江市疫苗接种点信息\n已下线\n该数据集已于 2023-05-10 下线，暂不提供浏览和下载。",
        ),
        ("Aksbaan", "مهلت نگهداری این تصویر به پایان رسیده است"),
        ("tumblbox", "아무것도 없어요.\n찾으시는 블로그가 없거나 비활성화되었어요."),
        ("Deputy Clerk II", "This posting has closed and is no longer accepting applications."),
        ("Agent d'accueil (H/F)", "Cette offre a expiré."),
        ("İlanlar", "Bu ilanın yayın süresi dolmuştur."),
        ("חדשות הגליל", "הכתבה הוסרה בהתאם לצו איסור פרסום שהוציא בית המשפט."),
        ("ამბები", "მასალა წაშლილია"),
        ("Petition", "Die angeforderte Petition ist nicht vorhanden oder nicht mehr öffentlich."),
        ("Gündem", "Bu içerik, Sulh Ceza Hakimliği'nin kararı uyarınca erişime kapatılmıştır."),
        (
            "Ege Haber",
            "Bu haber içeriği, Sulh Ceza Hakimliği'nin kararı gereğince erişime engellenmiştir.",
        ),
        ("discord-selfbot-utilz", "discord-selfbot-utilz\nSecurity holding package"),
        # batches 71-75
        ("Berkasku", "Link berbagi ini sudah kedaluwarsa"),
        ("Vimeau", "Oups ! Cette vidéo est privée."),
        ("RitmoTok", "Esta cuenta es privada"),
        ("imgbang", "삭제된 이미지입니다"),
        ("imgbang", "공유 기간이 끝난 앨범입니다"),
        ("국립한빛도서관", "게시 기간이 종료된 게시물입니다."),
        ("Wklejka", "Ta wklejka wygasła"),
        ("Wklejka", "Wklejka została usunięta"),
        ("الوظائف الشاغرة", "انتهت فترة التقديم على هذه الوظيفة."),
        ("TablónAnuncios", "El anunciante lo ha retirado o ha caducado."),
        ("ElektroShop", "Whirlpool FFB 8248\nProdej skončil"),
        ("旅の宿ナビ", "この宿泊施設は現在、旅の宿ナビでの掲載を終了しております。"),
        ("Firebrand", "This text has been withdrawn."),
        ("ВКонтакт", "Ошибка\nЗапись не найдена или была удалена."),
        ("ВКруге", "Запись не найдена. Возможно, она была удалена автором."),
        ("猎头直聘", "该职位已关闭"),
        # batches 77-82
        ("ObermainKreis", "Die Bewerbungsfrist für diese Stelle ist abgelaufen."),
        ("Villanueva", "Esta convocatoria ha concluido."),
        ("Минкультуры", "Элемент не найден!"),
        ("Karadere", "Bu duyurunun yayın süresi sona ermiştir."),
        ("溧阳", "对不起，该信息已删除或已过期！"),
        ("ВКонтакт", "Ошибка\nЗапись удалена или ещё не создана."),
        # batches 83-88
        ("PráceNabídky", "Tato nabídka již není aktivní"),
        ("스테이온", "판매가 종료된 숙소입니다."),
        ("TableNZ", "Salt & Ember is no longer taking bookings on TableNZ"),
        ("Tixhub", "This event has been canceled.\nTicket holders have been notified."),
        ("Sentinel", "This live coverage has ended. Updates have been removed from this page."),
        ("川之江市", "このページは移転しました"),
        ("Wiki", "This page has moved.\nThe cluster was retired in 2023."),
        ("Vidmeo", "このビデオは非公開です"),
        ("Видотека", "Видео недоступно\nВидео заблокировано по требованию правообладателя"),
        ("Dailyvid", "Cette vidéo n'est pas disponible dans votre pays."),
        ("Photostream", "Questo membro non è più attivo su Photostream."),
        ("Transferbox", "Questo trasferimento è scaduto"),
        ("Sorry! We can’t find that track.", ""),  # the title alone, an empty body
        (
            "Erişim engeli getirilen içerik - Ege Haber",
            "Ana Sayfa › Gündem Erişim engeli getirilen içerik Bu haber içeriği, İzmir 4. Sulh "
            "Ceza Hakimliği'nin 2023/4127 D. İş sayılı kararı gereğince 5651 sayılı Kanun "
            "kapsamında erişime engellenmiştir.",
        ),
        (
            "Tin đăng này đã bị ẩn hoặc đã hết hạn",
            "Tin đăng này đã bị ẩn hoặc đã hết hạn\nNgười bán có thể đã bán sản phẩm.\n"
            + "Toyota Vios 2019 số tự động · 398.000.000 đ\n" * 12,
        ),
        # batches 89-94
        ("เช่าบ้าน", "ประกาศนี้หมดอายุแล้ว"),
        ("きっぷ広場", "本公演は中止となりました"),
        ("Institut für Geographie", "Unsere Webseiten sind umgezogen."),
        ("Salle des fêtes", "Ce marché est clôturé. Les documents ne sont plus disponibles."),
        ("Oficios del agua", "La exposición virtual «Oficios del agua» ya no está disponible."),
        ("Палессе", "Матэрыял зняты з публікацыі дзеля бяспекі яго герояў."),
        ("Conteúdo removido", "Conteúdo removido por determinação judicial."),
        ("闽江晚报", "抱歉，该稿件已撤稿。"),
        ("Beitrag versteckt", "Versteckte Beiträge sind nicht mehr öffentlich einsehbar."),
        ("Gistbin", "This gist has been disabled due to a DMCA takedown notice."),
        ("Hogeschool", "Deze opleiding wordt niet meer aangeboden."),
        # older misses: German, Malay, Swedish
        ("jobwerk", "Diese Stellenanzeige ist leider nicht mehr online."),
        ("PDTKS", "Maaf, sebut harga ini telah tamat tempoh."),
        ("Fjällnet", "Det här kontot har stängts av och alla data har raderats."),
        # batches 95-100
        ("Texnomarket", "Bu məhsul artıq kataloqda yoxdur."),
        ("Texnomarket", "İstehsalçı bu modelin satışını dayandırıb."),
        ("पुस्तकघर", "यो पुस्तक हाम्रो सूचीबाट हटाइएको छ।"),
        ("සිරිලක් පුවත්", "මෙම පුවත ඉවත් කර ඇත"),
        ("Квалитет ваздуха", "Овај скуп података је повучен."),
        ("Filbox", "Länken har gått ut"),
        ("Oloja", "This advert is closed"),
        ("Oloja", "The seller has closed this advert."),
        ("MagariHub", "SOLD — This vehicle has been sold and is no longer available."),
        ("Inmuebles", "El anunciante dio de baja esta publicación."),
        ("Inmuebles", "Este inmueble ya no está disponible."),
        ("PonukyPráce", "Táto ponuka práce už nie je aktuálna"),
        ("Вакансії Захід", "Роботодавець більше не шукає кандидатів на цю посаду."),
        ("حجز مائدة", "هذا المطعم مغلق نهائياً"),
        ("앱마켓", "판매 중지된 상품입니다."),
        ("チケットひろば", "この公演は終了しました。"),
        ("二塊拍", "此商品已結標，無法再出價。"),
        ("VidHall", "नीतियों का उल्लंघन करने की वजह से यह खाता बंद कर दिया गया है."),
        # the section's name on a line of its own, as the page sets it
        (
            "Приказ № 1472",
            "Документ перемещён в раздел\n«Архив документов»\nв связи с утратой силы.",
        ),
        ("Соя", "Цей елемент було вилучено"),
        ("Concorso", "Il bando è scaduto. La documentazione non è più disponibile."),
        ("Edital nº 14/2022", "Este conteúdo foi migrado para o portal gov.br."),
        ("해안환경부", "의견제출 기간이 종료된 입법예고입니다."),
        ("Articol retras", "Acest articol a fost retras ca urmare a unei decizii."),
        ("Articol retras", "Articol retras"),
        ("Полтавський кур'єр", "Матеріал знято з публікації"),
        ("Карточка скрыта", "Карточка скрыта"),
        ("Навиди Душанбе", "Мавод бардошта шуд"),
        (
            "Ege Kıyısı Haber",
            "Bu içeriğe, İzmir 4. Sulh Ceza Hakimliği'nin kararı ile erişim engellenmiştir.",
        ),
        # batches 101-106
        ("විකුණුම්පොළ", "මෙම දැන්වීම කල් ඉකුත් වී ඇත. එය තවදුරටත් ලබා ගත නොහැක."),
        ("BaxVideo", "Bu video müəllif tərəfindən silinib"),
        ("BaxVideo", "Video artıq mövcud deyil."),
        ("gegenstimme", "Dieser Beitrag wurde von der Moderation entfernt."),
        ("Αντίλογα", "Το άρθρο αυτό αφαιρέθηκε κατόπιν εισαγγελικής παραγγελίας."),
        ("TavolaTaPrenota", "Questo ristorante non è più disponibile su TavolaTaPrenota."),
        ("旅途网", "该酒店已下线，暂不可预订。"),
        ("Berkas Awanku", "Maaf, file yang Anda minta tidak ada."),
        ("Blocked", "This title has been withdrawn from the Regional Libraries collection."),
        ("Datos", "Retirado - Esta versión del dataset ha sido retirada (deaccessioned)."),
        ("Watervergunning", "Deze informatie is verhuisd."),
        ("Ege'nin Sesi", "Bu video artık yayında değil."),
        ("한강일보", "삭제된 기사이거나 존재하지 않는 기사입니다."),
        ("Автопазар", "Тази обява е изтрита или срокът ѝ е изтекъл."),
        # batches 107-112
        ("Mama Mboga", "This shop is not active anymore. The seller has no adverts."),
        ("Հայկի նոթերը", "Այս գրառումը հեռացվել է հեղինակի կողմից։"),
        ("Bilheteria Viva", "Este evento não está mais disponível."),
        ("LankaBazaar", "මෙම දැන්වීම තවදුරටත් ලබා ගත නොහැක."),
        ("Qafqaz Otel", "Bu otel artıq saytımızda mövcud deyil və rezervasiya qəbul edilmir."),
        ("Knjižara", "Ovaj artikal više nije u ponudi."),
        ("BrugtMarked", "Annoncen er udløbet og kan ikke længere kontaktes."),
        ("Vidstrim", "Це відео більше недоступне, оскільки обліковий запис закрито."),
        ("Дала дауысы", "Бұл материал сот шешімі негізінде сайттан алынып тасталды."),
        ("Material", "Материал қолжетімсіз"),
        ("Ostblick", "Dieser Beitrag wurde aufgrund einer rechtlichen Beanstandung entfernt."),
        ("TuMesa", "Este restaurante ya no está disponible en TuMesa."),
        ("RuedaMX", "Este auto ya fue vendido."),
        ("АвтоБазар", "Цей автомобіль уже продано."),
        ("ตั๋วพร้อม", "งานนี้จบไปแล้ว"),
        ("예약모아", "영업을 종료한 매장입니다."),
        ("へやさがし", "この物件の掲載は終了しました"),
        ("瀬戸内新報", "この動画の配信期間は終了しました。"),
        ("Tubeloom", "The playlist does not exist."),
        ("threadnook", "This subthread was banned due to a violation of the rules against spam."),
        ("Сообщество", "Это сообщество заблокировано в связи с нарушением правил сайта."),
        (
            "Titreşim",
            "Bu hesap, Topluluk Kurallarımızı ihlal ettiği için kalıcı olarak yasaklandı.",
        ),
        ("Court", "The opinion has been withdrawn by order of the Court."),
        ("Repositório", "Este conjunto de dados foi removido."),
        ("Articolo rimosso", "Il contenuto del presente articolo è stato rimosso."),
    ],
)
def test_removed_item_wording_of_batches_fifty_nine_to_sixty_four(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


def test_a_title_that_is_only_a_thing_being_unavailable() -> None:
    similar = "Elle a peut-être été vendue.\n" + "Buffet teck 180 € Lyon\n" * 8
    ad = Readable(title="Annonce indisponible | lecoinmalin", text=similar)
    assert soft404_reason(page(), ad, None) == "the page title says “Annonce indisponible”"
    assert soft404_reason(page(), Readable(title="इवेंट समाप्त | TicketHub", text="x"), None)
    assert soft404_reason(page(), Readable(title="Recette supprimée - Toque", text="x"), None)
    # its link-preview text seconds it on a longer page; an item's name is no such title
    more = "Ähnliche Fahrzeuge\n" + "VW Golf 1.5 TSI 21.490 € EZ 03/2021 38.200 km Köln\n" * 10
    car = Readable(title="Fahrzeug nicht verfügbar | autohof", text=more)
    assert soft404_reason(page(), car, None) is None
    said = replace(car, summary="Dieses Fahrzeug ist leider nicht mehr verfügbar.")
    assert soft404_reason(page(), said, None) is not None
    named = Readable(title="Brandwell SX210 Stoomstrijkijzer | Winkel", text=more, summary="x")
    assert soft404_reason(page(), named, None) is None
    # an out-of-stock status in a product's text is not the title saying it
    stock = Readable(title="Théière fonte 1 l", text="Théière fonte 1 l\nProduit indisponible")
    assert soft404_reason(page(), stock, None) is None


@pytest.mark.parametrize(
    "text",
    [
        # a short post reporting that someone else's page was blocked
        "Суд: его страница заблокирована по требованию "
        "Генпрокуратуры. Подробности и документы у нас на сайте.",
        "Sulh ceza hakimliği 48 habere erişim engeli getirdi; kararda gazetemizin iki "
        "haberi de var. Erişim engellenen haberlerin listesi aşağıda.",
        # an empty answer named inside a sentence about something else
        "The archive said no records found for 1921, so we went to the parish books.",
        # another's channel removed: news, said of no page of this site
        "Their channel has been removed from the store, the company confirmed on Monday.",
        # another's account or petition: news, said of no page of this site
        "Das Konto des Ministers wurde gesperrt, teilte die Plattform am Montag mit.",
        # another's event: news, said of no page of this site
        "The concert event was removed from the city's calendar after the storm.",
        # "no threat found": the object follows
        "File ini telah dipindai dengan antivirus dan tidak ditemukan ancaman.",
        # Dutch "dit" is "this", French "dit" "says": a Dutch notice is the page's own
        # (tested above); a French report is not
        "Le site dit que cette offre a expiré depuis lundi, sans autre explication.",
        # someone else's account made private, told as news
        "The minister's account is private now; reporters saw it change on Monday.",
        # what will be unavailable: news of a plan
        "Старый сайт мэрии отключат 1 апреля. После этой даты страницы старого сайта "
        "будут недоступны, а документы удалят.",
        # another's account closed, told as news
        "Kontot har stängts av, meddelade plattformen i går efter flera anmälningar.",
        # another's post deleted, told as news
        "Запись удалена, сообщили в пресс-службе; её копии разошлись по каналам.",
        # another's video or booking page, told as news
        "Видео удалено с канала мэрии после жалобы; копии разошлись по другим каналам.",
        "The restaurant said it is no longer taking bookings for New Year's Eve, it is full.",
        # a consultation closing, told among other news in sentences
        "The council said the public comment period has closed and a vote is due in "
        "May. Residents filed 312 comments on the draft, most about the harbour wall.",
        # an archived vacancy still showing its text says so in its heading: no notice
        "Вакансия в архиве c 2 февраля 2024\nБариста\nот 45 000 ₽ на руки",
        # a car sold, told in a story; a card hidden named inside a sentence
        "Dealers said every car on the lot was sold by noon; this car has a sister model.",
        "Он рассказал, что карточка скрыта от поиска, но доступна по ссылке.",
        # a moderator's removal or a withdrawn title told as news
        "Der Verein sagt, ein Beitrag wurde von der Moderation entfernt, weil er beleidigte.",
        "The library said the atlas this title has been withdrawn from is being reprinted.",
        # a ban told as news, a question about a deleted playlist
        "Он сообщил, что это сообщество заблокировано «по ошибке», и подал жалобу.",
        "Why does YouTube say the playlist does not exist when I open my own link?",
    ],
)
def test_a_short_post_reporting_a_block_or_an_empty_answer_is_content(text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title="Новости"), None) is None


# It reads every labelled page through the pipeline's reader (13,905 pages: over two
# minutes alone on a 2-core machine, more when shared), past the 120 s default.
@pytest.mark.timeout(900)
def test_labelled_set_precision_and_recall() -> None:
    bench = _bench()
    cases = bench.load_cases()  # type: ignore[attr-defined]
    assert len(cases) >= 40
    assert {c.soft404 for c in cases} == {True, False}
    result = bench.evaluate(cases)  # type: ignore[attr-defined]
    # A floor under what the rules and the notice model do on every labelled page (P 0.995,
    # R 0.974 on 18,525): the 0.99 / 0.95 aimed for. Batches merged later are measured first
    # (FIRST_RUNS) and may pull recall below it until their misses are fixed or shown unfixable.
    assert result["precision"] >= 0.99, result["wrong"]
    assert result["recall"] >= 0.95, result["wrong"]


def test_a_handle_resolving_to_its_record_is_no_front_page() -> None:
    """A repository's handle (three folders deep) redirected to its record's own address
    (two deep, ending in the record's id) has moved; a deep page sent to a shallow page
    without an id of its own has landed on a front page."""
    start = "https://repo.test/handle/20.500.12876/70123"
    record = "https://repo.test/items/6b1f0a3e-8c24-4d71-9e5b-2a7c3f8d1e60"
    text = "Coastal erosion at Wattle Bay, 1990-2020. Thesis. Abstract: we measured the dunes."
    readable = Readable(title="Coastal erosion at Wattle Bay", text=text)
    assert soft404_reason(page(start, record), readable, None) is None
    front = "https://repo.test/items/recent"
    assert soft404_reason(page(start, front), readable, None) is not None


def test_redirect_to_a_parent_folder_or_a_category_page() -> None:
    # an article sent to its writer's page
    brawl = "https://news.test/cronaca/lido-rissa-fuori-dalla-discoteca/"
    author = page(brawl, "https://news.test/author/luca-vianello/")
    assert soft404_reason(author, Readable(), None) == (
        "redirected to a category page (/author/luca-vianello/)"
    )
    cited = "https://news.test/noticias/2012/pleno-presupuestos"
    parent = soft404_reason(page(cited, "https://news.test/noticias/"), Readable(), None)
    assert parent == "redirected to a parent page (/noticias/)"
    story = "https://paper.test/2016/03/14/glacier-melt-study/"
    category = page(story, "https://paper.test/category/science/")
    assert soft404_reason(category, Readable(), None) == (
        "redirected to a category page (/category/science/)"
    )
    # an index file or a trailing slash is the same folder, not a parent
    same = page("https://a.test/docs/guide/index.html", "https://a.test/docs/guide/")
    assert soft404_reason(same, Readable(text="Install with pip."), None) is None
    # a story moved under a topic keeps its slug: moved, not gone
    moved = page(story, "https://paper.test/topics/climate/glacier-melt-study/")
    assert soft404_reason(moved, Readable(text="The glacier lost 12 m."), None) is None


def test_catch_all_with_rotating_parts_is_caught_by_title_and_text() -> None:
    head = "Welcome to Teehaus\nSince 1987 we buy tea from small gardens.\nBestsellers\n"
    tail = "New in\nFirst flush Darjeeling 2024, order now.\nFree delivery from 40 euros."
    cited = Readable(title="Teehaus", text=head + "Sencha 12.90\nAssam 9.50\n" + tail)
    probe = Readable(title="Teehaus", text=head + "Gyokuro 18.50\nRooibos 6.90\n" + tail)
    reason = soft404_reason(page("https://t.test/p/oolong"), cited, probe)
    assert reason == "same title and mostly the same text as a random path on this host"
    # the same text under a title of its own is a page of the site, not its catch-all
    own = Readable(title="Oolong Milky", text=cited.text)
    assert soft404_reason(page("https://t.test/p/oolong"), own, probe) is None


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Welcome to nginx!", "If you see this page, the nginx web server is working.", "title"),
        ("Apache2 Ubuntu Default Page: It works", "It works! " + "config " * 400, "title"),
        ("old-journal.org", "This domain may be for sale! Related searches", "says"),
        ("cedar.org", "If you are the registrant of this domain, renew it.", "parking"),
    ],
)
def test_server_default_and_parked_pages(title: str, text: str, expected: str) -> None:
    url = "http://cedar.org/collections/mill.htm"
    reason = soft404_reason(page(url), Readable(title=title, text=text), None)
    assert reason is not None
    assert expected in reason


def test_parking_rule_needs_the_bare_host_as_title_and_sale_words() -> None:
    text = "Our domain expertise: soil, water and the people who farm them."
    url = "http://cedar.org/about"
    assert soft404_reason(page(url), Readable(title="Cedar Lab", text=text), None) is None
    photo = Readable(
        title="cedar.org", text="Harbour at dawn. All photos here are in the public domain."
    )
    assert soft404_reason(page(url), photo, None) is None
    sale = Readable(
        title="cedar.org", text="The owner of this domain is selling it. Make an offer."
    )
    assert soft404_reason(page(url), sale, None) == "a parking page for the domain cedar.org"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Ops! Pagina non trovata", "La pagina che stai cercando non esiste più."),
        ("Portal", "O conteúdo que você procura não existe mais."),
        ("Sklep", "Przepraszamy, strona o podanym adresie nie istnieje."),
        ("Вісті", "На жаль, сторінка, яку ви шукаєте, не існує."),
        ("株式会社", "お探しのページは見つかりませんでした"),
        ("科技网", "抱歉，您访问的页面不存在或已被删除！"),
        ("ViewTube", "Video unavailable\nThis video has been removed by the uploader"),
        ("Account Suspended", "This Account has been suspended."),
        ("Staff profile", "This profile is no longer available."),
        ("", "NoSuchKey The specified key does not exist."),
    ],
)
def test_more_languages_and_removed_content(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


@pytest.mark.parametrize(
    "notice",
    [
        "Материал удалён по решению редакции.",
        "Материал удалён по требованию правообладателя.",
        "This article was removed by the editors.",
    ],
)
def test_a_removal_by_the_sites_own_editors_is_the_pages_notice(notice: str) -> None:
    """The piece speaks of a thing ("материал", "article"), not of the page, so it needs
    something that makes it this site's own: its editors' decision, an order it obeyed."""
    headline = "Депутат задержан по подозрению во взятке"
    gone = Readable(text=f"{headline}\nНовости\nПолитика\n{notice}", title=headline)
    assert soft404_reason(page(), gone, None) is not None
    # the same told of another site is news
    told = f"{headline}\nНовости\n{notice[:-1]}, сообщили в пресс-службе соседнего портала."
    assert soft404_reason(page(), Readable(text=told, title=headline), None) is None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Não foi possível encontrar esta conta", "Entre para seguir criadores."),
        ("Fix Our Roads", "Fix Our Roads\nThis petition has been closed and removed."),
        ("Manifa 2020", "Aktualności\nWydarzenia\nManifa 2020\nWydarzenie odwołane."),
        ("Ordinanza n. 384", "Albo pretorio\nIl periodo di pubblicazione dell'atto è terminato."),
        ("Kuulutus", "Päätöksenteko\nKuulutuksen voimassaoloaika on päättynyt."),
        ("12/2015. rendelet", "12/2015. rendelet\nA dokumentum már nem érhető el."),
        ("Хроника забастовки", "Тексты\nХроника забастовки\nМатериал удален по просьбе автора."),
        # batches 191-196
        ("2017 Golf GTI", "« Back to stock\n2017 Golf GTI\nThis vehicle has now been sold."),
        ("Determinazione n. 1529", "Il periodo di pubblicazione di questo atto è terminato."),
        ("Javni razpis 2019", "Razpisi\nRazpis je zaključen in ni več na voljo."),
        ("מכרז פומבי 07/2018", "מכרזים\nהמכרז הסתיים והמסמכים אינם זמינים עוד."),
        ("Ce compte n'est plus disponible", "Le compte a été fermé par son propriétaire."),
    ],
)
def test_removed_item_wording_of_batches_179_to_196(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # an apostrophe inside a word opens no quotation around the phrase
        ("Atto n. 1456/2023", "Pubblicazione scaduta: l'atto non è più consultabile all'albo."),
        # an event page left with the line that it was called off
        ("Ярмарок писанок", "Події\nЯрмарок писанок\nПодію скасовано."),
        ("Solidarumo vakaras", "Renginiai\nSolidarumo vakaras\nRenginys atšauktas."),
        ("Soli-Konzert", "Termine\nSoli-Konzert\nDiese Veranstaltung wurde abgesagt."),
        ("Cumbia 2020", "Cumbia 2020\nEvento cancelado."),
        # batches 203-208: the things a notice may speak of include statements and questions
        ("Candidate statement: D. Okello", "This candidate statement has been removed."),
        ("How to scrape listings?", "This question was removed for reasons of moderation."),
        # batches 221-226: a line that is one short sentence is the page's own notice
        ("Задержан директор", "Происшествия\nЗадержан директор\nМатериал удалён.\n© 2024"),
        ("Відкритий лист, 1989", "Архів\nДокумент вилучено з відкритого доступу.\n© 2024"),
        ("FOI-2022-0417", "Disclosure log\nThis disclosure has been removed from the log."),
        ("Orti urbani", "Albo pretorio\nLa pubblicazione di questo atto è terminata."),
        ("Mafunzo ya haki", "Matukio\nMafunzo ya haki\nTukio hili limeghairiwa."),
    ],
)
def test_removed_item_wording_of_batches_197_to_208(title: str, text: str) -> None:
    # the rules' own reading, not the notice model's: the model reads some of them too
    reason = wording_reason(Readable(text=text, title=title), page().url)
    assert reason is not None and reason.startswith("the page says")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the Russian masculine short form, and a course no longer held
        ("«Нас было восемь»", "Статьи\n«Нас было восемь»\nЭтот материал больше недоступен."),
        ("Курс «Web-дизайн»", "Курсы\nКурс «Web-дизайн»\nКурс больше не проводится."),
        # questions and topics removed by moderators, in Polish, Spanish and Dutch
        ("Czy można?", "Zapytajka\nTo pytanie zostało usunięte przez moderatora."),
        ("¿Se puede congelar?", "Preguntas\nEsta pregunta fue eliminada por los moderadores."),
        ("Ruil: fietskar", "Ruil: fietskar\nDit onderwerp is verwijderd door een moderator."),
        ("Fraude", "Zaanstad\nFraude\nDit artikel is op verzoek van betrokkene verwijderd."),
        # Greek, Finnish, Slovak: withdrawn, removed from publication, taken off the board
        ("Απεργία 2019", "Άρθρα\nΤο κείμενο αποσύρθηκε από τη συντακτική ομάδα."),
        ("Lausuntopyyntö 7310", "Etusivu\nLausuntopyyntö on poistettu julkaisusta."),
        (
            "Zámer predaja",
            "Úradná tabuľa\nDokument bol zvesený z úradnej tabule a už nie je zverejnený.",
        ),
        ("Dodávka serverov", "Zákazky\nZákazka bola zrušená."),
        # French "unpublished", English issues and ads "now expired"
        ("Témoignage", "Répression\nCet article a été dépublié à la demande de son auteur."),
        ("Tile cache grows · Issue #389", "Issues 37\n#389\nThis issue has been deleted."),
        (
            "Road bike 54cm",
            "Bicycles\nThis ad has now expired. The seller is no longer taking enquiries.",
        ),
        (
            "Gästehaus Sonnhalde",
            "Start\nDieser Gastgeber ist nicht mehr in unserem Verzeichnis gelistet.",
        ),
        ("2 x Standing tickets", "Resale\nThese tickets have been sold or removed by the seller."),
        # batches 239-244: a fund closed, a flat sold, a survey and a selection ended
        (
            "Summer 2020 Fund",
            "Need bail support? Call us.\nThis fund is closed and no longer accepting donations.",
        ),
        ("Stan, Opatija", "Stanovi\nOpatija\nStan, Opatija\nNekretnina je prodana."),
        ("Kysely: pysäköinti 2022", "Kyselyt\nKysely: pysäköinti 2022\nKysely on päättynyt."),
        ("Výberové konanie: referent", "Voľné miesta\nVýberové konanie bolo ukončené."),
        # batches 245-250: a job filled, a post expired, a decision withdrawn, a competition
        # closed, an animal rehomed
        ("Commis d'entrepôt", "Emplois\nCe poste a été pourvu. Merci à tous les candidats."),
        ("Sekretär*in Organizing", "Stellen\nDiese Stelle ist bereits besetzt."),
        ("Mitarbeiter*in 2024-117", "Stellenangebote\nDiese Ausschreibung ist abgelaufen."),
        ("TA Armor, n° 2103377", "Cette décision a été retirée de la diffusion publique."),
        ("WIN a family break", "Competitions\nThis competition is now closed."),
        (
            "Bramble",
            "Found a hedgehog?\nBramble has been rehomed and is no longer available for adoption.",
        ),
        # batch 255: a consultation round ended and its material removed
        (
            "Lausuntopyyntö 2018",
            "Lausuntopyynnöt\nLausuntokierros on päättynyt ja aineisto on poistettu.",
        ),
        # batches 257-262: a branch closed, an event called off in Welsh, a Ukrainian video
        # unavailable, an account not found
        ("Crumb & Compass – Eastside", "Locations\nThis location has permanently closed."),
        ("Noson Farddoniaeth", "Digwyddiadau\nMae’r digwyddiad hwn wedi’i ganslo."),
        ("Евакуація з Олешок", "Відео\nЕвакуація з Олешок\nВідео недоступне"),
        ("Make Your Day", "Couldn't find this account\nLooking for videos? Try trending."),
        # MediaWiki's missing page in Polish
        (
            "Kolej w Ełku",
            "Z WarmiaWiki\nNie ma jeszcze artykułu o tym tytule. Możesz wyszukać "
            "„Kolej w Ełku” w innych artykułach albo utworzyć tę stronę.",
        ),
    ],
)
def test_removed_item_wording_of_batches_209_to_250(title: str, text: str) -> None:
    reason = wording_reason(Readable(text=text, title=title), page().url)
    assert reason is not None and reason.startswith("the page says")


@pytest.mark.parametrize(
    "text",
    [
        # a sold-out session still shows its event
        "Saturday 2pm session\nTickets are no longer available for this session. Other "
        "sessions of the festival are still on sale.",
        # news that another site's material was withdrawn, in the regions' languages
        "Новости\nПо словам редакции, материал больше недоступен на сайте партнёра, "
        "но его копия сохранилась в архиве и будет опубликована.",
        "Nieuws\nVolgens de krant werd het artikel vorige week op verzoek van de burgemeester "
        "verwijderd, maar het staat nog in het archief van de bibliotheek.",
    ],
)
def test_news_of_a_withdrawal_is_not_the_pages_notice_to_the_rules(text: str) -> None:
    # the rules' reading: the notice model takes the sold-out line for a notice
    assert wording_reason(Readable(text=text, title="Club news"), page().url) is None


def test_a_removal_marker_in_the_forums_language_names_who_removed_it() -> None:
    removed = Readable(
        title="Alguém tem o material?",
        text="Alguém tem o material?\nc/concursos\nPostado por\n[excluído]\n"
        "[removido pelos moderadores]",
    )
    assert removed_body_reason(removed) == "the post's body is “[removido pelos moderadores]”"
    # a bare "[excluído]" is only a deleted user's name
    user = replace(removed, text=removed.text.replace("\n[removido pelos moderadores]", ""))
    assert removed_body_reason(user) is None
    # or a line of its own without brackets, naming who removed it
    unbracketed = replace(removed, text="Best cheap VPS?\nremoved by deleted_user\nRemoved by mod")
    assert removed_body_reason(unbracketed) == "the post's body is “Removed by mod”"
    told = replace(removed, text="Best cheap VPS?\nThe thread was removed by mod request.")
    assert removed_body_reason(told) is None


def test_a_projects_state_of_upkeep_is_not_a_removal_notice() -> None:
    repo = Readable(
        title="lowfield/ledger-cli-archive",
        text="lowfield/ledger-cli-archive\nledger-cli (archived)\nThis project is no longer "
        "maintained. It has been superseded by lowfield/tally.\nA plain-text bookkeeping tool.",
    )
    assert model_reason(repo, None) is None
    gone = replace(
        repo,
        title="Rail lines layer",
        text="Rail lines layer\nThis layer has been archived and is no longer available.",
    )
    assert model_reason(gone, None) is not None
    # an upkeep line saying the thing itself closed on a date is a notice
    closed = replace(
        repo,
        title="Arid Ecology Lab",
        text="Arid Ecology Lab\nThe Arid Ecology Lab closed on 31 December 2022 and this page "
        "is no longer maintained. For research enquiries please visit Research.",
    )
    assert model_reason(closed, None) is not None


def test_this_show_is_the_podcast_not_the_verb_reporting_a_message() -> None:
    show = Readable(
        title="City Rumors",
        text="City Rumors\nDiscover\nLog in\nThis show is no longer available on Podmeadow.",
    )
    assert model_reason(show, None) is not None
    told = replace(show, text="Discover\nLog in\nThe app shows it is no longer available.")
    assert model_reason(told, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Saturday's clean-up event is cancelled because of the storm. See you next week.",
        "Прийом громадян 12 квітня скасовано, наступний — 26 квітня.",
        "The show was cancelled in 2019. The show is now streaming elsewhere.",
    ],
)
def test_news_of_a_cancellation_is_not_the_pages_notice(text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title="Club news"), None) is None


def test_news_of_a_removal_in_a_paragraph_is_not_the_pages_notice() -> None:
    text = (
        "Новости\nМатериал удалён по требованию прокуратуры, сообщил источник в редакции, "
        "и газета намерена обжаловать это решение в суде."
    )
    assert soft404_reason(page(), Readable(text=text, title="Club news"), None) is None


def test_a_title_opening_on_a_case_is_a_guides_topic() -> None:
    """ "When the listing for your rental has been removed" is a fact sheet's subject."""
    text = "Why listings disappear\nThe property has been leased.\nWhat you can do"
    for title in [
        "When the listing for your rental has been removed",
        "Si votre annonce a été supprimée",
        "Wenn die Anzeige gelöscht wurde",
    ]:
        assert soft404_reason(page(), Readable(text=text, title=title), None) is None
    gone = Readable(text=text, title="The listing for your rental has been removed")
    assert soft404_reason(page(), gone, None) is not None


@pytest.mark.parametrize(
    "notice",
    [
        "Збор завершаны.",
        "Сбор завершён.",
        "Збір закрито",
        "This campaign has closed and is no longer accepting contributions.",
    ],
)
def test_an_appeal_left_with_its_closing_line_but_not_one_still_telling_its_story(
    notice: str,
) -> None:
    menu = "Зборы\nПалітвязні\nАтрымаць дапамогу\nСправаздачы\nПра фонд"
    gone = Readable(title="Адвакат для Міколы", text=f"{menu}\nАдвакат для Міколы\n{notice}")
    reason = wording_reason(gone, page().url) or ""
    assert reason.startswith(f"the page says “{notice.casefold()[:40]}")
    story = "Mikola was detained in March; the fund pays his lawyer and his family's rent. "
    live = replace(gone, text=f"{menu}\n{notice}\n" + story * 5)
    assert wording_reason(live, page().url) is None


def test_a_closed_petition_still_showing_its_text_is_content() -> None:
    text = (
        "This petition is closed and no longer accepting signatures.\n"
        + "We call on the council to restore the night bus to the hospital. " * 8
    )
    assert soft404_reason(page(), Readable(text=text, title="Night bus"), None) is None


def test_message_in_the_opening_words_of_a_longer_page(monkeypatch: pytest.MonkeyPatch) -> None:
    help_text = " ".join(["Titles are case sensitive; check the deletion log."] * 15)
    text = "Wikipedia does not have an article with this exact name.\n" + help_text
    readable = Readable(title="Hartwell Reservoir Survey", text=text)
    reason = soft404_reason(page("https://w.test/wiki/Hartwell_Reservoir_Survey"), readable, None)
    assert reason is not None and reason.startswith("the page opens with")
    # the same phrase further down a page is not its message, for the rules; the notice
    # model reads the wiki's missing-article help (the deletion log) as a notice page
    late = Readable(title="Reservoirs", text=help_text + "\n" + text.split("\n")[0])
    assert model_reason(late, None) is not None
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: None)
    assert soft404_reason(page("https://w.test/wiki/Reservoirs"), late, None) is None


@pytest.mark.parametrize(
    ("url", "title", "text"),
    [
        # the cited URL names the phrase: it is the page's subject
        (
            "https://films.test/wiki/Page_Not_Found_(2013_film)",
            "Page Not Found (2013 film)",
            "Page Not Found is a 2013 short film about a librarian.",
        ),
        # a circumstance after the phrase describes a problem
        (
            "https://code.test/acme/router/issues/412",
            "Router issue 412",
            "Page not found when refreshing on the about route. Serve index.html.",
        ),
        # "a page …" is some page, not this one
        (
            "https://journal.test/tech/liens-morts",
            "Les liens morts",
            "Un lien sur cinq mène à une page introuvable, selon une étude.",
        ),
    ],
)
def test_phrases_that_are_not_the_page_speaking(url: str, title: str, text: str) -> None:
    assert soft404_reason(page(url), Readable(title=title, text=text), None) is None


def test_bare_error_title_needs_no_second_evidence_but_a_question_does() -> None:
    stories = " ".join(["The art of getting lost, and why wandering is good for you."] * 8)
    assert soft404_reason(page(), Readable(title="404", text=stories), None) is not None
    asked = Readable(title="¿Qué significa «Página no encontrada»?", text=stories)
    assert soft404_reason(page(), asked, None) is None
    # the album called "Not Found" is not a bare error title
    assert soft404_reason(page(), Readable(title="Not Found", text=stories), None) is None


def test_cjk_length_and_circumstance() -> None:
    article = (
        "当用户访问的页面不存在时，服务器会返回404状态码。一个好的404页面应该告诉用户发生了什么，"
        "并提供搜索框和返回首页的链接，而不是只显示一行冷冰冰的错误信息。"
    )
    assert soft404_reason(page(), Readable(title="如何设计404页面", text=article), None) is None
    error = "抱歉，您访问的页面不存在！"
    assert soft404_reason(page(), Readable(title="华夏科技网", text=error), None) is not None


def test_slug_words_with_accents_and_path_noise() -> None:
    url = "https://help.test/banca/pagina-no-encontrada"
    readable = Readable(title="Página no encontrada", text="Qué hacer y a quién llamar.")
    assert soft404_reason(page(url), readable, None) is None
    # "index" and "view" shared by two paths do not make the second one the same page
    ojs = page(
        "https://j.test/index.php/juh/article/view/88/152",
        "https://j.test/index.php/juh/issue/archive",
    )
    assert soft404_reason(ojs, Readable(), None) == (
        "redirected to a category page (/index.php/juh/issue/archive)"
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Fehler | Aquaristik-Treff", "Das angeforderte Thema konnte nicht gefunden werden."),
        ("Té verde sencha", "Este producto está descatalogado y ya no está a la venta."),
        ("Kierowca kat. C", "Ta oferta pracy wygasła."),
        ("宇治抹茶缶", "この商品は販売を終了しました。"),
        ("微说", "该账号已注销"),
    ],
)
def test_removed_threads_products_offers_and_accounts(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a list of status codes is about errors
        ("linkrot-check", "It reports the dead ones: 404 Not Found, 410 Gone and timeouts."),
        # an explanation, not the message
        ("linkrot-check", "A redirect home usually means the page you linked to was removed."),
        # a quotation in the title is the thread's subject
        ("After the upgrade «Page not found» on every subdomain - Servers", "Hi. Since then"),
        # the message reported by a verb after it, where Turkish and Japanese put the verb
        ("404 hata sayfası", "aradığınız sayfa bulunamadı diyen sayfa. bazıları komik olur."),
        ("404ページの作り方", "お探しのページは見つかりませんと表示されるだけでは不親切です。"),
    ],
)
def test_pages_about_errors_are_content(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is None


def _site_page(title: str, text: str, url: str = "https://shop.test/p/blue-kettle-2l") -> tuple:
    menu = "Home\nShop\nAbout\nContact\n© Shop 2024"
    return page(url), Readable(title=title, text=f"{menu}\n{text}")


def test_a_deep_page_titled_with_the_site_name_alone_and_few_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rule alone: the notice model, which reads the Welsh notice for what it is
    (below), is left out."""
    with monkeypatch.context() as patched:
        patched.setattr(notice_model, "load_model", lambda path=None: None)
        _the_site_name_alone_rule()
    _, own = _site_page("Blue kettle 2 l | Kettle Shop", "Mae'r cynnyrch wedi'i dynnu.")
    assert "missing-item notice" in (soft404_reason(page(), own, None) or "")


def _the_site_name_alone_rule() -> None:
    probe = Readable(title="Page not found | Kettle Shop", text="Home\nShop\nAbout\nNo page here")
    cap, gone = _site_page("Kettle Shop", "Mae'r cynnyrch wedi'i dynnu.\nSimilar kettles")
    assert soft404_reason(cap, gone, probe) == (
        "titled with the site's name only, like a random path on this host, and few words"
    )
    # the name first and a tagline after it is still no title of the page's own
    _, tagline = _site_page("Kettle Shop – kettles since 1952", "Mae'r cynnyrch wedi'i dynnu.")
    assert soft404_reason(cap, tagline, probe) is not None
    # a title of its own, many words of its own, a home page, or no probe: no evidence here
    _, own = _site_page("Blue kettle 2 l | Kettle Shop", "Mae'r cynnyrch wedi'i dynnu.")
    assert soft404_reason(cap, own, probe) is None
    long_text = " ".join(["A two-litre kettle in enamelled steel, blue."] * 20)
    _, article = _site_page("Kettle Shop", long_text)
    assert soft404_reason(cap, article, probe) is None
    assert soft404_reason(page("https://shop.test/"), gone, probe) is None
    assert soft404_reason(cap, gone, None) is None
    # a sentence of its own naming the address's item: the item, under a site-wide title
    named = "A blue kettle of two litres in enamelled steel, for gas and induction."
    _, kettle = _site_page("Kettle Shop", named)
    assert soft404_reason(cap, kettle, probe) is None
    # a search is titled with its site's name whatever it found
    search = page("https://shop.test/search?q=blue+kettle")
    assert soft404_reason(search, gone, probe) is None
    # the item's name alone on a line (a handle, a heading) is no sentence naming it
    _, handle = _site_page("Kettle Shop", "Mae'r cynnyrch wedi'i dynnu.\nBlue kettle 2l")
    assert soft404_reason(cap, handle, probe) is not None


def test_a_blog_post_titled_with_its_blogs_name_under_its_own_heading() -> None:
    """A blog whose header and tagline push the post's heading past the opening words:
    the heading is the slug's words, and the post's own opening names them."""
    header = (
        "North Shore Notebook\nJess writes about the lake, small towns and the people who stay."
    )
    probe = Readable(title="North Shore Notebook", text=f"{header}\nNo posts here.")
    post = Readable(
        title="North Shore Notebook",
        text=f"{header}\nFriday, May 10, 2024\nGone fishing\nOff the grid at the cabin until "
        "the 20th. The next essay goes out when I'm back.\nLabels: notes",
    )
    cap = page("https://notebook.test/2024/05/gone-fishing.html")
    assert soft404_reason(cap, post, probe) is None
    # the same page at another post's address names nothing of it
    other = page("https://notebook.test/2024/05/herring-boat-knife-river.html")
    assert soft404_reason(other, post, probe) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Νέα", "Το άρθρο δεν είναι πλέον διαθέσιμο. Επιστροφή στην αρχική σελίδα"),
        ("समाचार", "यह खबर अब उपलब्ध नहीं है"),
        ("微言", "抱歉，此微言已被作者删除。"),
        ("Comune", "Contenuto non più disponibile. La notizia è stata rimossa."),
        ("ТехноДом", "Этот товар снят с производства и больше не поставляется."),
        ("OpenRepo", "The record you are trying to access was removed from OpenRepo."),
    ],
)
def test_wording_in_more_languages(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Seit dem Umbau liefern alle Links nur noch „404 Seite nicht gefunden“ zurück.",
        "Neste post explico o código de status 404 Not Found e como corrigi-lo.",
        "存在しないURLでも「お探しのページは見つかりません」がステータスコード 200 で返る。",
        # a whole message quoted in paired marks, the phrase far from the opening mark
        "นักศึกษาจะพบหน้าจอแสดงข้อความ “404 Not Found – ไม่พบหน้าที่ต้องการ” เมื่อเข้าลิงก์เดิม",
        # a whole message of two sentences quoted, the phrase closing it
        "Половина посилань показувала «Помилка 404. Сторінку не знайдено». Ми з'ясували чому.",
        'Please return 404 or 410. A "Sorry, this page no longer exists" message is wrong.',
        # the same, the phrase opening it
        "Нажимаю «Оплатить» и открывается страница «Ошибка 404. Страница не найдена». Что "
        "делать, штраф надо оплатить до пятницы.",
    ],
)
def test_quoted_explained_or_status_code_talk_is_not_the_message(text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title="Forum"), None) is None


def test_a_deep_page_sent_to_a_shallow_front_page_that_names_none_of_its_words() -> None:
    docs = "https://docs.q.test/en/2.x/plugins/legacy-latex-bridge.html"
    reason = soft404_reason(page(docs, "https://docs.q.test/en/latest/"), Readable(), None)
    assert reason == "redirected to a front page far above the cited one (/en/latest/)"
    # a post that moved keeps its slug; a shallow page was never deep
    moved = page("https://b.test/2019/05/kettle-review", "https://b.test/kettle-review/")
    assert soft404_reason(moved, Readable(), None) is None
    assert soft404_reason(page("https://b.test/a/b", "https://b.test/c/"), Readable(), None) is None


def test_a_phrase_the_url_spells_in_latin_letters_is_the_subject() -> None:
    book = Readable(title="Страница не найдена — Анна Лебедева", text="Роман. 649 ₽ В наличии")
    url = "https://books.test/product/stranica-ne-naydena-lebedeva-2023/"
    assert soft404_reason(page(url), book, None) is None
    # the same title where the URL says nothing of it is the page's message
    assert soft404_reason(page("https://books.test/product/48213"), book, None) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("AutoAnunț", "Acest anunț a fost dezactivat de vânzător sau a expirat."),
        ("Fjordlyd", "Denne episoden er ikke lenger tilgjengelig."),
        ("Lembaga Air", "Kandungan yang anda cari tidak lagi tersedia di portal ini."),
        ("দৈনিক প্রবাহ", "আপনি যে পাতাটি খুঁজছেন সেটি পাওয়া যায়নি।"),
        ("יד שנייה", "המפרסם הסיר את המודעה או שתוקפה פג."),
        ("Форум", "Тема не найдена. Возможно, она была удалена."),
        ("HireLoop", "Job no longer available"),
    ],
)
def test_wording_in_yet_more_languages(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Record removed", "The record 10.99999/oard.7718204 has been removed from OpenArchive."),
        ("Posao", "Ovaj oglas je istekao."),
        ("Sludinājumi", "Šis sludinājums ir dzēsts."),
        ("Tekstil", "Aradığınız ürün bulunamadı. Bu ürün satıştan kaldırılmıştır."),
        ("اليومي", "عذراً، هذا المحتوى لم يعد متاحاً. تمت إزالة هذا المقال."),
        ("دفتر سبز", "مطلبی که به دنبال آن هستید حذف شده است."),
        ("Báo", "Bài viết không tồn tại hoặc đã bị gỡ bỏ."),
        ("流播", "该视频已被UP主删除"),
    ],
)
def test_wording_of_batch_ten_languages(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Router forum",
            "Going to the admin page just gives a plain white page saying 404 Not Found.",
        ),
        ("Ошибка 404 (2022)", "Триллер. Каждая ошибка 404 ведёт героиню к новой тайне банка."),
        ("Page Not Found 4+", "A puzzle game. You are a lost 404 page hopping through links."),
        ("404 | Psychological Thriller Short Film (2023)", ""),
        # a work named beside its kind and year, or before its trailer
        ("Seite nicht gefunden (Kurzfilm, 2023)", "Seite nicht gefunden (Kurzfilm, 2023)"),
        (
            "ERROR 404: A Film About the Things We Lost Online | Official Trailer",
            "ERROR 404: A Film About the Things We Lost Online | Official Trailer\nAbout\nPress",
        ),
        (
            "PAGE NOT FOUND | Sci-fi short film (2023)",
            "A night-shift developer finds a door that opens onto pages that no longer exist.",
        ),
        # a how-to about errors, in the plural
        ("Fixing WordPress 404 errors", "Fixing WordPress 404 errors after a migration\nAbout"),
        (
            "nginx: static docs site with a real 404 page - Pastebox",
            "server {\n# custom 404 page, gzip\nerror_page 404 /404.html;\n"
            "try_files $uri $uri/ =404;\n}",
        ),
    ],
)
def test_reports_generic_errors_and_works_are_content(title: str, text: str) -> None:
    url = "https://apps.test/app/page-not-found/id6447719034"  # names the game
    assert soft404_reason(page(url), Readable(text=text, title=title), None) is None


def test_a_film_named_like_an_error_beside_its_kind_is_the_film() -> None:
    watch = page("https://v.test/watch?v=x1")
    for kind in ("Horror Short Film", "Official Trailer", "Sci-fi short film (2023)"):
        film = Readable(text="", title=f"ERROR 404: PAGE NOT FOUND | {kind} - ViewTube")
        assert soft404_reason(watch, film, None) is None
    about = Readable(text="", title="404 — a short film about the last video store - VidTube")
    assert soft404_reason(watch, about, None) is None
    # its kind in brackets after a subtitle: "… — internet shutdowns (full documentary)"
    doc = "Error 404: Country Not Found — internet shutdowns in Central Asia (full documentary)"
    assert soft404_reason(watch, Readable(text="", title=doc), None) is None
    # any short kind beside its year: "(student short, 2025)"
    short = "ERROR 404: The Missing Episode (student short, 2025)"
    assert soft404_reason(watch, Readable(text=short + "\nAbout", title=short), None) is None
    # a site's own error title beside its name is still an error
    error = Readable(text="", title="ERROR 404: PAGE NOT FOUND | ViewTube")
    assert soft404_reason(watch, error, None) is not None


def test_a_book_named_like_an_error_is_the_book() -> None:
    # a library record whose address names nothing but its number, titled and headed
    # with the novel's name
    record = "\n".join(
        ["Stránka nenalezena", "Druh dokumentu: kniha", "Nakladatelské údaje: Brno : Host, 2021"]
        + ["Román o správkyni webu, která po smrti otce hledá jeho ztracené stránky. " * 3]
        + [f"Exemplář {n}: Ústřední knihovna, půjčeno do {n}. 12." for n in range(1, 9)]
    )
    book = Readable(title="Stránka nenalezena – Šindelářová, Petra", text=record, declares="book")
    url = "https://katalog.test/tritius/detail/887123"
    assert soft404_reason(page(url), book, None) is None
    # the same page that does not say it is a book is judged by its title and heading
    assert soft404_reason(page(url), replace(book, declares=""), None) is not None


def test_a_bare_page_of_menus_whose_one_line_is_the_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    menus = "\n".join(
        ["Главная", "О суде", "Судебное делопроизводство", "Судебные акты", "Пресс-служба"]
        + [f"Уголовные дела — {kind}" for kind in ("апелляция", "первая инстанция")]
        + ["Гражданские дела", "Административные дела", "Назначенные к слушанию"] * 4
    )
    card = Readable(
        title="Свердловский областной суд",
        text=f"{menus}\nПоиск информации по делам\nДанных по запросу не найдено\nВернуться",
    )
    url = "https://oblsud.test/modules.php?name=sud_delo&name_op=case&case_id=40377105"
    assert soft404_reason(page(url), card, None) == "the page says “данных по запросу не найдено”"
    # sentences of its own make a page that talks: the line is one thing it shows
    talk = "Архив дел ведётся с 2009 года. Сведения размещаются по закону № 262-ФЗ. " * 3
    talking = replace(card, text=f"{card.text}\n{talk}")
    assert model_reason(talking, None) is not None  # the notice model still reads it so
    monkeypatch.setattr(notice_model, "load_model", lambda path=None: None)
    assert soft404_reason(page(url), talking, None) is None


@pytest.mark.parametrize(
    "notice",
    [
        "Ez a termék kikerült a kínálatunkból.",  # Hungarian "a" is "the"
        "Sludinājums ir novecojis un vairs nav aktuāls.",  # Latvian "un" is "and"
        "Inzerát byl stažen a již není v nabídce.",  # Czech "a" is "and"
    ],
)
def test_an_article_or_a_conjunction_of_another_language_is_no_indefinite(notice: str) -> None:
    # a removed item keeps its title, its menu and its similar items; the notice opens it
    similar = "\n".join(f"Kiskert {n}\n{n} 990 Ft" for n in range(2, 8))
    text = f"Keresés\nBelépés\nKosár (0)\nTéli kert\nNádas Judit\n{notice}\n{similar}"
    readable = Readable(title="Nádas Judit: Téli kert", text=text, declares="book")
    assert soft404_reason(page("https://konyv.test/konyv/teli-kert-161207"), readable, None)


def test_a_short_page_naming_nothing_its_address_names() -> None:
    """The removed-item page in a language no phrase list knows still names no item."""
    url = "https://www.hysbysebion.test/caerdydd/fflatiau/fflat-dwy-ystafell-treganna-bxkfl"
    probe = Readable(title="Tudalen ar goll", text="Hafan\nChwilio\nTudalen ar goll")
    gone = Readable(
        title="Mae'r hysbyseb wedi dod i ben",
        text="Hafan\nChwilio\nMae'r hysbyseb wedi dod i ben.\nTebyg: tŷ teras, Grangetown",
    )
    reason = soft404_reason(page(url), gone, probe)
    assert reason == (
        "names nothing its address names (fflat-dwy-ystafell-treganna-bxkfl)"
        " and has few words of its own"
    )
    # the item's page names it (inflected, or only in its heading), and so is content
    named = Readable(
        title="Fflatiau Caerdydd", text="Fflat dwy ystafell wely, Treganna\n£900 y mis"
    )
    assert soft404_reason(page(url), named, probe) is None
    stem = Readable(title="Ystafelloedd i'w rhentu", text="£900 y mis")
    assert soft404_reason(page(url), stem, probe) is None
    # many words of its own: a page with content of its own, whatever its title
    essay = Readable(title="Hysbyseb", text=" ".join(["Fflat olau gyda balconi mawr."] * 20))
    assert soft404_reason(page(url), essay, probe) is None


def test_a_dated_slug_is_named_by_its_date() -> None:
    """A statement at a dated slug, titled with its day in other words than the slug's."""
    url = "https://regulator.test/media/statements/2024-03-11-outage-update"
    probe = Readable(title="Page not found", text="Home\nMedia\nPage not found")
    text = "Home\nMedia\nSupply has been restored to all customers affected by the fault."
    statement = Readable(title="Statement on the 11 March supply interruption", text=text)
    assert soft404_reason(page(url), statement, probe) is None
    # another day, or no month, names nothing of it
    other = replace(statement, title="Statement on the 12 March supply interruption")
    assert soft404_reason(page(url), other, probe) is not None
    bare = replace(statement, title="Statement 11 on the supply interruption")
    assert soft404_reason(page(url), bare, probe) is not None


def test_no_naming_evidence_where_address_and_page_cannot_be_compared() -> None:
    short_thai = Readable(title="ต้มยำกุ้ง", text="สูตรต้มยำกุ้งน้ำข้น ใช้เวลา 30 นาที")
    assert soft404_reason(page("https://food.test/recipes/tom-yum-goong"), short_thai, None) is None
    # an identifier or a single word names too little to call a name missing
    photo = Readable(title="Evening", text="A photo by Kim, 2021.")
    assert soft404_reason(page("https://photos.test/p/8xk2pw41"), photo, None) is None
    assert soft404_reason(page("https://photos.test/photo/harbour"), photo, None) is None
    # a Cyrillic page names a Latin slug in its own letters
    ru = Readable(title="Мультиварка Поларис", text="Цена 4990 ₽")
    assert soft404_reason(page("https://shop.test/catalog/multivarka-polaris"), ru, None) is None
    # a home page is what it is, whatever its address said
    home = page("https://shop.test/old-product-name", final="https://shop.test/")
    assert unnamed_reason(home, Readable(title="Shop", text="Welcome"), None) is None


def test_a_short_page_declaring_a_landing_page_as_its_address() -> None:
    """The canonical address is a redirect the server never made."""
    url = "https://shop.test/p/8812"  # an identifier: nothing to name
    probe = Readable(title="Shop", text="Home\nBasket")
    for canonical, where in [
        ("https://shop.test/", "the site's home page"),
        ("https://www.shop.test/search?q=", "the site's search page"),
        ("https://shop.test/p/", "a parent page (/p/)"),
    ]:
        gone = Readable(title="Shop", text="Home\nBasket\nSee also", canonical=canonical)
        assert canonical_reason(page(url), gone, probe) == (
            f"declares {where} as its address (canonical) and has few words of its own"
        )
    # its own address, however written, or a long page (a site that declares its home on
    # every article) gives no evidence
    for same in ["http://www.shop.test/p/8812/", "https://shop.test/p/8812?ref=x"]:
        item = Readable(title="Shop", text="Blue kettle", canonical=same)
        assert canonical_reason(page(url), item, probe) is None
    long = Readable(title="Shop", text="A kettle. " * 120, canonical="https://shop.test/")
    assert canonical_reason(page(url), long, probe) is None
    # a live page with sentences of its own under a template's home-page default
    syrup = Readable(
        title="Sirop d'érable ambré – 1 L",
        text="Home\nBasket\n26,50 $\nSirop de catégorie A, ambré, goût riche, récolté au "
        "printemps par nos membres. Bouteille de verre de 1 litre, fermée à chaud.",
        canonical="https://shop.test/",
    )
    assert canonical_reason(page(url), syrup, probe) is None
    card = replace(syrup, text="Home\nBasket\nA simple thank-you in navy ink, with envelope.")
    assert canonical_reason(page(url), card, probe) is None
    # a cited home page may declare itself as it likes
    home = Readable(title="Shop", text="Hi", canonical="https://shop.test/index.html")
    assert canonical_reason(page("https://shop.test/"), home, probe) is None
    # percent-encoding and case are the same address
    wiki = "https://w.test/wiki/%D0%9C%D0%B5%D0%BB%D1%8C%D0%BD%D0%B8%D1%86%D0%B0"
    mill = Readable(title="Мельница", text="x", canonical="https://w.test/wiki/Мельница")
    assert canonical_reason(page(wiki), mill, None) is None


def test_own_words_leave_out_the_hosts_frame_even_on_one_line() -> None:
    frame = "Free delivery over 49 € Shop Search My account Basket Tools Garden Paint Offers"
    probe = Readable(title="Oops", text=f"{frame} Oops! We cannot find this page. Back to shop")
    joined = Readable(text=f"{frame} This drill is gone. Alternatives: Drill 18 V 129 €")
    assert own_words(joined, probe, 100) == 10  # "This drill is gone. … 129 €"
    assert own_words(joined, None, 100) == len(joined.text.split())
    assert own_words(Readable(text="word " * 500), probe, 100) == 101  # counting stops


def test_a_page_with_much_of_its_own_opening_with_the_phrase_is_about_it() -> None:
    frame = "Home\nForums\nSearch\nLog in\nRegister"
    probe = Readable(title="Page not found | Tinker Forums", text=f"{frame}\nPage not found")
    replies = " ".join(["I checked the proxy settings and the port forwarding again."] * 12)
    thread = Readable(
        title="Router admin page | Tinker Forums",
        text=f"{frame}\n404 Not Found on the router admin page\n{replies}",
    )
    url = "https://forum.test/t/router-admin-page/4411"
    assert soft404_reason(page(url), thread, probe) is None
    # without the host's frame to tell them apart, the opening decides as before
    assert soft404_reason(page(url), thread, None) == "the page opens with “404 not found”"
    # an error page has little of its own beyond the frame
    gone = Readable(title="Router admin page | Tinker Forums", text=f"{frame}\n404 Not Found")
    assert soft404_reason(page(url), gone, probe) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("குரல் பாட்காஸ்ட்", "இந்த எபிசோடு கிடைக்கவில்லை"),
        ("বিক্রিহাট", "দুঃখিত, এই বিজ্ঞাপনটি আর পাওয়া যাচ্ছে না"),
        ("ការងារខ្មែរ", "ការប្រកាសជ្រើសរើសនេះបានផុតកំណត់ហើយ"),
    ],
)
def test_wording_of_batch_twelve_languages(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


def test_words_of_scripts_with_vowel_signs_are_whole() -> None:
    """Devanagari, Tamil or Khmer vowel signs are combining marks, outside ``\\w``: a slug
    cut at each of them named nothing and fell back to the folder's name."""
    url = "https://nagar.test/content/सामाजिक-सुरक्षा-भत्ता-वितरण-२०७८"
    notice = Readable(title="सामाजिक सुरक्षा भत्ता वितरण सम्बन्धी सूचना", text="मिति २०७८ साउन १")
    assert soft404_reason(page(url), notice, None) is None
    gone = Readable(title="शान्तिनगर नगरपालिका", text="पृष्ठ फेला परेन\nकृपया गृहपृष्ठमा जानुहोस्")
    assert soft404_reason(page(url), gone, None) == (
        "names nothing its address names (सामाजिक-सुरक्षा-भत्ता-वितरण-२०७८)"
        " and has few words of its own"
    )


def test_declared_content_outweighs_evidence_that_needs_no_wording() -> None:
    """A page saying it is an article or a product is not judged by its slug, its site-name
    title or its canonical address alone."""
    url = "https://shop.test/p/fflat-dwy-ystafell-treganna"
    probe = Readable(title="Shop", text="Home\nBasket")
    bare = Readable(title="Shop", text="Home\nBasket\nPrice 4 £", canonical="https://shop.test/")
    assert unnamed_reason(page(url), bare, probe) is not None
    assert site_title_reason(page(url), bare, probe) is not None
    assert canonical_reason(page(url), bare, probe) is not None
    product = replace(bare, declares="Product")
    assert soft404_reason(page(url), product, probe) is None


def test_a_post_titled_with_its_blogs_name_that_shows_its_own_caption() -> None:
    url = "https://moths.test/post/739912345678901248/luna-moth-on-the-porch-light"
    probe = Readable(title="mothwing archive", text="Not Found\nnight insects, field notes")
    caption = "luna moth on the porch light, 11:40 pm, june 3rd. she stayed until sunrise"
    post = Readable(title="mothwing archive", text=f"{caption}\n#moths", summary=caption)
    assert site_title_reason(page(url), post, probe) is None
    # a page whose preview text is the site's own, or is nowhere on the page, is not
    # (its text a caption that does not name the item, since one that does is the item)
    unnamed = "11:40 pm, june 3rd. she stayed until sunrise and flew off at six"
    blurb = replace(
        post, text=unnamed, summary="night insects, porch lights, field notes and photos"
    )
    assert site_title_reason(page(url), blurb, replace(probe, summary=blurb.summary))
    assert site_title_reason(page(url), replace(post, text="#moths"), probe)


def test_a_page_naming_only_where_it_was_sent_does_not_name_the_cited_item() -> None:
    cited = "https://tools.test/akku-bohrschrauber-bs-14-4-li.html"
    sent = page(cited, "https://tools.test/elektrowerkzeuge/akkuschrauber.html")
    category = Readable(title="Akkuschrauber", text="Akkuschrauber\nArtikel 1-8 von 23")
    assert unnamed_reason(sent, category, None) is not None
    # the same product under a new address still names itself
    moved = page(cited, "https://tools.test/p/bs-14-4-li-akku-bohrschrauber.html")
    product = Readable(title="Akku-Bohrschrauber BS 14,4 Li", text="129 €")
    assert unnamed_reason(moved, product, None) is None


def test_phpbb_russian_interface_message() -> None:
    forum = Readable(title="Тоо жолдору форуму", text="Пропустить\nЗапрошенной темы не существует.")
    assert soft404_reason(page("https://f.test/viewtopic.php?t=2284"), forum, None) is not None


def test_content_of_the_last_run_gone() -> None:
    url = "https://m.test/eitem/8812"
    before = "Beic cargo tair olwyn | Marchnad\n" + "The bike carried three children. " * 30
    now = Readable(title="Eitem | Marchnad", text="Eitem | Marchnad\nMae'r eitem wedi mynd")
    assert vanished_reason(page(url), now, None, before) == (
        "its content of the last run (“Beic cargo tair olwyn | Marchnad”) is gone,"
        " and few words remain"
    )
    assert soft404_reason(page(url), now, None, before) is not None
    # no last run with content, too little content then, or the heading still named now
    assert soft404_reason(page(url), now, None, None) is None
    assert vanished_reason(page(url), now, None, "Beic cargo tair olwyn\nSold.") is None
    named = replace(now, text="Beic cargo tair olwyn\nWedi ei werthu")
    assert vanished_reason(page(url), named, None, before) is None
    # a page that says it is an article, or one with many words of its own, is content
    assert vanished_reason(page(url), replace(now, declares="article"), None, before) is None
    essay = replace(now, text="A new account of the harbour and its boats. " * 20)
    assert vanished_reason(page(url), essay, None, before) is None


def test_an_empty_name_in_the_title_template() -> None:
    url = "https://www.viewtube.test/watch?v=h3KpQ9xN2dA"
    for title in ["- ViewTube", " | Shop", "undefined – Shop", "{{ title }} | Shop"]:
        assert soft404_reason(page(url), Readable(title=title, text=""), None) == (
            f"its title has an empty name (“{title.strip()}”) and few words"
        )
    for title in ["ViewTube", "Undefined behaviour in C | Blog", "Null Island - Atlas"]:
        assert empty_title_reason(page(url), Readable(title=title, text=""), None) is None
    video = Readable(title="- ViewTube", text="", declares="video.other")
    assert soft404_reason(page(url), video, None) is None


def test_the_message_after_the_frame_is_the_pages_opening() -> None:
    frame = " ".join(f"Section{i}" for i in range(70))
    probe = Readable(title="Page not found - Courier", text=f"{frame}\nPage not found")
    gone = Readable(
        title="Harrow Courier", text=f"{frame}\nThis article has been removed for legal reasons."
    )
    url = "https://courier.test/news/8812"
    assert wording_reason(gone, url, probe) == "the page opens with “article has been removed”"
    # without the frame known, seventy words of menus hide the opening
    assert wording_reason(gone, url, None) is None
    # set phrases of wiki software decide even on a page with much of its own
    suggestions = " ".join(f"Try searching for topic {i} in other articles." for i in range(20))
    wiki = Readable(
        title="Marcus Tillbrook",
        text=f"{frame}\nThe wiki does not have an article with this exact name.\n{suggestions}",
    )
    assert wording_reason(wiki, "https://w.test/wiki/M", probe) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("한빛일보", "삭제된 기사입니다. 요청하신 기사는 삭제되었거나 존재하지 않습니다."),
        ("Adattár", "A rekordot eltávolították."),
        ("Fornminjar", "Þessari síðu hefur verið eytt."),
        ("北陸新報", "ご覧いただいた記事は掲載期間が終了したため、公開を終了いたしました。"),
        ("Форум", "Запрошенной темы не существует."),
    ],
)
def test_wording_of_batches_eleven_and_thirteen(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


def test_a_not_found_title_decides_where_the_page_has_few_words_beyond_the_frame() -> None:
    frame = "\n".join(f"Menu item {i} of the album site" for i in range(12))
    probe = Readable(title="ページが見つかりません - ひかりアルバム", text=frame)
    gone = Readable(
        title="この写真は削除されました - ひかりアルバム",
        text=f"{frame}\nこの写真は削除されました\n投稿者によって削除されたか、非公開になりました。",
    )
    url = "https://photo.test/u/tomo/photo/7720961"
    said = wording_reason(gone, url, probe)
    assert said == "the page title says “この写真は削除されました”"
    # without the frame, sixty words of menus make the page too long for the title alone,
    # but the heading that shows the title's message seconds it
    assert wording_reason(gone, url, None) == said
    unheaded = replace(gone, text=gone.text.replace("この写真は削除されました\n", ""))
    assert wording_reason(unheaded, url, None) is None


def test_cjk_titles_split_at_a_bare_hyphen_or_underscore() -> None:
    from archiver.soft404 import _title_parts

    # the whole title first, then its parts
    assert _title_parts("该职位已下线-海西人才网")[1:] == ["该职位已下线", "海西人才网"]
    assert _title_parts("新闻_南海网")[1:] == ["新闻", "南海网"]
    assert _title_parts("Jean-Paul Sartre - Wiki")[1:] == ["Jean-Paul Sartre", "Wiki"]
    # Japanese sites part their titles with a fullwidth bar
    parts = _title_parts("この物件の掲載は終了しました｜賃貸物件情報｜スミカエ")[1:]
    assert parts == ["この物件の掲載は終了しました", "賃貸物件情報", "スミカエ"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Forum Lutownica", "Informacja\nWybrany wątek nie istnieje."),
        ("Доска", "Объявление снято с публикации."),
        ("Nordlicht", "Die Seite, nach der du suchst, existiert hier nicht mehr."),
        ("Comune di Valbrenta", "Atto non più in pubblicazione."),
        ("海西人才网", "该职位已下线"),
        ("कृषि दर्पण", "लेख उपलब्ध नहीं है"),
    ],
)
def test_wording_of_batch_fourteen(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


def test_an_apps_own_data_saying_not_found() -> None:
    url = "https://app.test/reel/C3xYz"
    shell = Readable(title="Pictogram", text="", state='"statusCode": 404')
    assert soft404_reason(page(url), shell, None) == 'the page\'s own data says "statusCode": 404'
    # a page declaring its content, or one with many words of its own, is not decided by it
    assert state_reason(page(url), replace(shell, declares="article"), None) is None
    long = replace(shell, text="A long caption about the floating market. " * 20)
    assert state_reason(page(url), long, None) is None


def test_russian_yo_is_the_same_letter_as_ye() -> None:
    notice = Readable(title="Доклады", text="Материал удалён с сайта. Возврат к списку")
    assert soft404_reason(page(), notice, None) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Bidhaus", "Ten przedmiot nie jest już dostępny."),
        ("Kinolavha", "Ushbu video muallif tomonidan o‘chirilgan."),
        ("Доклады", "Материал удалён с сайта по требованию прокуратуры."),
    ],
)
def test_wording_of_batches_fifteen_and_sixteen(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


def test_a_piece_removed_elsewhere_is_news() -> None:
    news = Readable(title="Новости", text="Материал удалён по требованию прокуратуры, сообщил он.")
    assert soft404_reason(page(), news, None) is None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Repository", "Item withdrawn\nThis item has been withdrawn from the repository."),
        ("Judgments Archive", "Document removed\nThis judgment has been removed."),
        ("Preprints", "The authors have withdrawn this manuscript because of an error."),
        ("HAL", "Document supprimé"),
        ("J-GAKUJUTSU", "この記事は著者の申し出により取り下げられました。"),
        ("ISAP", "Nie znaleziono dokumentu."),
        ("AkademikPark", "Makale bulunamadı."),
        ("Вікі", "Цю сторінку було вилучено."),
        ("NSoud", "Rozhodnutí nebylo nalezeno."),
        ("RutaMotor", "Este aviso ya no está disponible."),
        ("Sepetim", "Bu ürün artık satışta değil."),
        ("روزگار", "یہ نوکری اب دستیاب نہیں ہے"),
        ("ไปเที่ยว", "ขออภัย กิจกรรมนี้ไม่เปิดให้จองแล้ว"),
        ("Repositório", "O identificador não corresponde a nenhum item válido no repositório."),
    ],
)
def test_wording_of_batches_seventeen_and_eighteen(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


def test_a_declared_article_opening_with_the_phrase_is_about_it() -> None:
    story = " ".join(["Người dân không nộp được hồ sơ suốt hai ngày qua."] * 12)
    article = Readable(
        title="Cổng dịch vụ công báo lỗi", text=f"Tệp đã bị xóa, hệ thống báo lỗi.\n{story}"
    )
    assert soft404_reason(page(), replace(article, declares="article"), None) is None
    # the same page declaring nothing is judged by its opening, as before
    assert soft404_reason(page(), article, None) == "the page opens with “đã bị xóa”"


def test_an_app_shell_titled_as_its_own_declared_item_is_not_the_random_path_page() -> None:
    shell = "Loading the data portal\nEnable JavaScript to use this portal"
    probe = Readable(title="Data Portal", text=shell)
    dataset = Readable(title="Groundwater wells", text=shell, declares="Dataset")
    url = "https://data.test/d/groundwater-wells"
    assert probe_reason(page(url), dataset, probe) is None
    assert probe_reason(page(url), replace(dataset, declares=""), probe) is not None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("MercadoTienda", "Publicación finalizada\nEl vendedor ya no tiene este producto."),
        ("Vélo Passion", "Information\nLe sujet demandé n’existe pas."),
        ("いちば本舗", "申し訳ございません。この商品は現在お取り扱いしておりません。"),
        ("주말 코딩 일기", "존재하지 않는 게시물입니다."),
        ("Threadline", "죄송합니다. 페이지를 사용할 수 없습니다."),
        ("Tunely", "Couldn't find that track\nSearch for something else?"),
        ("WaveCloud", "Ce titre est introuvable."),
        ("Docsafe", "عذرًا، الملف الذي طلبته غير موجود."),
    ],
)
def test_wording_of_batches_nineteen_and_twenty(title: str, text: str) -> None:
    assert soft404_reason(page(), Readable(text=text, title=title), None) is not None


def test_out_of_stock_is_not_removed() -> None:
    # "currently unavailable" with a restock alert: a live product out of stock
    stock = Readable(title="خلاط كينوود", text="غير متوفر حاليًا\nأعلمني عند توفره")
    assert wording_reason(stock, "https://shop.test/kenwood-blender-500w.html") is None


def test_a_slug_spells_turkish_dotless_i_plainly() -> None:
    # a T-shirt printed "404 Sayfa Bulunamadı": its slug names the phrase, its subject
    shirt = Readable(
        title="404 Sayfa Bulunamadı Baskılı Unisex Tişört",
        text="Kodcu Tekstil 404 Sayfa Bulunamadı Baskılı Unisex Tişört\n249,90 TL",
    )
    url = "https://shop.test/kodcu/404-sayfa-bulunamadi-baskili-unisex-tisort-p-7784512"
    assert soft404_reason(page(url), shirt, None) is None


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("https://lib.test/cgi-bin/koha/opac-search.pl?q=su:mills", "No results found!"),
        (
            "https://court.test/Search/Pages/results.aspx?k=Hollis",
            "Nothing here matches your search",
        ),
        ("https://shop.test/collections/gift-edit-2022", "No products found"),
        ("https://ads.test/search?keywords=wii+u", "No hemos encontrado resultados"),
        ("https://city.test/portal/search/search.do?query=x", "검색결과가 없습니다."),
        ("https://museum.test/?s=кахлі", "Вибачте, але нічого не збігається з вашими критеріями."),
        ("https://jobs.test/jobs?q=payroll&l=Moncton", "No jobs found for payroll in Moncton"),
        (
            "https://shop.test/buscar?controller=search&s=llave",
            "Busque de nuevo lo que está buscando",
        ),
        (
            "https://shop.test/catalogsearch/result/?q=ag125",
            "La tua ricerca non ha prodotto risultati.",
        ),
        ("https://court.test/vyhledavani?spZn=25+Cdo", "Počet nalezených dokumentů: 0"),
        ("https://court.test/vyhledavani?spZn=25+Cdo", "Počet nalezených dokumentů:\n0"),
        ("https://data.test/dataset/?q=ferry+counts", "No datasets found for “ferry counts”"),
        (
            "https://bip.test/wyszukiwarka?fraza=plan+zagospodarowania",
            "Nie znaleziono dokumentów spełniających podane kryteria.",
        ),
        (
            "https://finna.test/Search/Results?lookfor=kirkko",
            "Haullasi ei löytynyt yhtään tulosta.",
        ),
        ("https://shop.test/catalogsearch/result/?q=serra", "Sua busca não retornou resultados."),
        (
            "https://data.test/dataverse/uni?q=esgoto",
            "Não há coleções, conjuntos de dados ou arquivos que correspondam à sua busca.",
        ),
        (
            "https://shop.test/index.php?route=product/search&search=cuptor",
            "Nu există produse care să corespundă criteriilor de căutare.",
        ),
        # a tag's page that lists nothing any more
        ("https://news.test/tag/vybory-2015/", "Тег\nВибори 2015\nПублікацій не знайдено."),
        ("https://news.test/tag/feria-2018", "Feria 2018\nNo hay noticias con esta etiqueta."),
    ],
)
def test_a_cited_search_or_collection_that_lists_nothing(url: str, said: str) -> None:
    page_text = Readable(text=f"Search\nHome › Search\n{said}\nTry other words", title="Search")
    assert empty_results_reason(page_text, url) is not None
    # the same words where the cited page was not a list of results
    assert empty_results_reason(page_text, "https://news.test/2024/03/search-for-hiker") is None


def test_a_result_list_with_results_or_a_long_page_is_not_empty() -> None:
    search = "https://shop.test/search?q=kettle"
    listed = Readable(text="Search\n12 results for kettle\nSteel kettle 1.7 l £24", title="Search")
    assert empty_results_reason(listed, search) is None
    article = "Our search page now says " + "word " * 320 + "no results found"
    assert empty_results_reason(Readable(text=article, title="x"), search) is None
    quoted = Readable(text="Why does the catalogue say “no results found” for me?", title="x")
    assert empty_results_reason(quoted, search) is None
    # "no results for this ..." in a hint is not the list itself
    hint = Readable(text="Tip: no results for this filter? Widen the area.\n8 flats", title="x")
    assert empty_results_reason(hint, search) is None


def test_a_question_about_the_error_is_not_its_message() -> None:
    """The asker pastes the server's message under a title asking about it."""
    title = "Why does my Flask route return 404 Not Found when the URL has a trailing slash?"
    text = (
        f"{title}\nGoing to http://localhost:5000/reports/ gives me:\nNot Found\n"
        "The requested URL was not found on the server. If you entered the URL manually "
        "please check your spelling and try again.\nI have a small Flask app with a route "
        "for the reports page and another for the archive. Other routes defined with a "
        "slash at the end behave the opposite way and redirect, which I did not expect "
        "from the documentation I read. What am I missing here?"
    )
    url = "https://qa.test/questions/4410276/why-does-my-flask-route-return-404"
    assert soft404_reason(page(url), Readable(title=title, text=text), None) is None
