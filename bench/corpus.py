"""A deterministic corpus of article-like HTML pages for the benchmark.

The pages look like the ones archivists snapshot: a site template (head with inline
CSS and JSON-LD, navigation, breadcrumbs, related links, a long footer) around an
article in one of a few languages. Sizes follow a log-normal law clipped to 20-200 KiB
with a median near 60 KiB, because that is roughly what news and blog pages weigh.

Page ``i`` depends only on ``(seed, i)``, never on how many pages are generated, so a
corpus of 500 is the first 500 pages of the corpus of 10,000 and reruns are identical.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
import random
import shutil
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

GENERATOR_VERSION = 1  # bump when the output of render_page changes
SEED = 20240607
KIB = 1024
MIN_SIZE = 20 * KIB
MAX_SIZE = 200 * KIB
MEDIAN_SIZE = 60 * KIB
SIGMA = 0.55

# Four sites, one loopback address each; the URLs use the addresses (no resolver needed).
HOSTS: tuple[tuple[str, str], ...] = (
    ("news.bench.test", "127.0.0.11"),
    ("blog.bench.test", "127.0.0.12"),
    ("journal.bench.test", "127.0.0.13"),
    ("wiki.bench.test", "127.0.0.14"),
)
# How a page is served: plain files (Content-Length), gzip-encoded, or chunked.
KINDS: tuple[tuple[str, int], ...] = (("plain", 6), ("gzip", 2), ("chunked", 2))
LANGUAGES: tuple[tuple[str, int], ...] = (("en", 5), ("de", 2), ("fr", 1), ("es", 1), ("ru", 1))

WORDS: dict[str, str] = {
    "en": (
        "the of and to in a is that for it as was with be by on not he this are or his from at "
        "which but have an they you were her she there been one all we their has would when "
        "if more no out do so can what up said about other into than its time only could new "
        "them man some these then two first may any like now my such make over our even most "
        "me state after also made many did must before back see through way where get much go "
        "well your know should down work year because come people just say each those take day "
        "good how long little great government council report research archive library city "
        "court minister election market company study university hospital climate water energy "
        "policy budget school museum history evidence record survey analysis committee data "
        "public local national international economic social cultural digital network service"
    ),
    "de": (
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
        "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über "
        "einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei hatte "
        "kann gegen vom können schon wenn habe seine Jahr Stadt Regierung Bericht Forschung "
        "Archiv Bibliothek Gericht Minister Wahl Markt Unternehmen Studie Universität Klima "
        "Wasser Energie Politik Haushalt Schule Museum Geschichte Daten Öffentlichkeit Größe "
        "Straße Bürger Gemeinde Verkehr Umwelt Wirtschaft Gesellschaft Kultur Netz Dienst"
    ),
    "fr": (
        "le de un être et à il avoir ne je son que se qui ce dans en du elle au pour pas que "
        "vous par sur faire plus dire me on mon lui nous comme mais pouvoir avec tout y aller "
        "voir en bien où sans tu ou leur homme si deux mari moi vouloir te femme venir quand "
        "grand celui si notre devoir là jour prendre même votre rien petit encore aussi "
        "année ville gouvernement rapport recherche archives bibliothèque tribunal ministre "
        "élection marché société étude université hôpital climat eau énergie politique école "
        "musée histoire données réseau économie culture numérique été déjà très après"
    ),
    "es": (
        "el la de que y a en un ser se no haber por con su para como estar tener le lo todo "
        "pero más hacer o poder decir este ir otro ese la si me ya ver porque dar cuando él "
        "muy sin vez mucho saber qué sobre mi alguno mismo yo también hasta año dos querer "
        "entre así primero desde grande eso ni nos llegar pasar tiempo ella sí día uno bien "
        "ciudad gobierno informe investigación archivo biblioteca tribunal ministro elección "
        "mercado empresa estudio universidad hospital clima agua energía política escuela "
        "museo historia datos red economía cultura digital después según además"
    ),
    "ru": (
        "и в не на я быть он с что а по это она этот к но они мы как из у который то за свой "
        "что весь год от так о для ты же все тот мочь вы человек такой его сказать только "
        "или ещё бы себя один как уже до время если сам когда другой вот говорить наш мой "
        "знать стать при чтобы дело жизнь кто первый очень два день её новый рука даже во "
        "город правительство доклад исследование архив библиотека суд министр выборы рынок "
        "компания университет больница климат вода энергия политика школа музей история "
        "данные сеть экономика культура общество область страна работа вопрос"
    ),
}
SECTIONS: tuple[str, ...] = (
    "World",
    "Politics",
    "Business",
    "Technology",
    "Science",
    "Health",
    "Culture",
    "Sport",
    "Opinion",
    "Travel",
    "Climate",
    "Education",
    "Books",
    "Music",
    "Film",
    "Food",
    "Style",
    "Money",
    "Cities",
    "Data",
    "Archive",
    "Obituaries",
    "Letters",
    "Video",
)


@dataclass(frozen=True)
class Page:
    """Where a page lives and how it is served; enough to build URLs and configs."""

    index: int
    host: str
    ip: str
    kind: str  # plain, gzip, chunked
    language: str
    path: str  # URL path, also the file path under <root>/<host>
    size: int = 0  # bytes on disk, once rendered


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    names = [name for name, _ in table]
    weights = [weight for _, weight in table]
    return rng.choices(names, weights)[0]


def _rng(seed: int, index: int, purpose: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}:{index}:{purpose}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def target_size(index: int, seed: int = SEED) -> int:
    """The size page ``index`` aims at: log-normal, median 60 KiB, clipped to the range."""
    rng = _rng(seed, index, "size")
    size = int(rng.lognormvariate(math.log(MEDIAN_SIZE), SIGMA))
    # leave room for the last paragraph overshooting the target
    return max(MIN_SIZE + 512, min(MAX_SIZE - 3 * KIB, size))


def plan(index: int, seed: int = SEED) -> Page:
    """Host, serving kind, language and path of page ``index``."""
    rng = _rng(seed, index, "plan")
    host, ip = HOSTS[index % len(HOSTS)]
    kind = _weighted(rng, KINDS)
    language = _weighted(rng, LANGUAGES)
    year = 2005 + rng.randrange(20)
    month = 1 + rng.randrange(12)
    slug = "-".join(rng.choice(WORDS["en"].split()) for _ in range(4))
    path = f"/{kind}/{year}/{month:02d}/{slug}-{index}.html"
    return Page(index, host, ip, kind, language, path)


_POOLS: dict[tuple[int, str], list[str]] = {}


def _sentences(seed: int, language: str) -> list[str]:
    """A pool of sentences per language, built once: picking whole sentences is what
    makes 600 MB of prose quick to generate while keeping it varied."""
    key = (seed, language)
    if key not in _POOLS:
        rng = _rng(seed, 0, f"pool-{language}")
        words = WORDS[language].split()
        pool = []
        for _ in range(4000):
            chosen = rng.choices(words, k=rng.randint(7, 24))
            sentence = " ".join(chosen)
            end = rng.choices([".", ".", ".", "?", "!", ";"])[0]
            pool.append(sentence[0].upper() + sentence[1:] + end)
        _POOLS[key] = pool
    return _POOLS[key]


def _css(host: str) -> str:
    rng = _rng(0, 0, f"css-{host}")
    rules = []
    for n in range(60):
        colour = f"#{rng.randrange(0x1000000):06x}"
        rules.append(
            f".c{n} .item-{n}{{color:{colour};margin:{rng.randint(0, 24)}px "
            f"{rng.randint(0, 24)}px;padding:{rng.randint(0, 16)}px;"
            f"font-size:{rng.randint(11, 22)}px}}"
        )
    return "\n".join(rules)


def _nav(host: str, rng: random.Random) -> str:
    links = "".join(
        f'<li class="nav-item"><a href="/section/{name.lower()}/">{name}</a></li>'
        for name in SECTIONS
    )
    more = "".join(
        f'<li><a href="/topic/{rng.choice(WORDS["en"].split())}-{n}/">Topic {n}</a></li>'
        for n in range(rng.randint(15, 35))
    )
    return (
        f'<header class="site-header"><a class="logo" href="/">{host}</a>'
        f'<form class="search" action="/search"><input name="q" type="search" '
        f'placeholder="Search"><button>Go</button></form>'
        f'<nav class="main-nav" aria-label="Sections"><ul>{links}</ul>'
        f'<ul class="more">{more}</ul></nav></header>'
    )


def _related(page: Page, seed: int, rng: random.Random) -> str:
    items = []
    for _ in range(rng.randint(6, 14)):
        other = plan(rng.randrange(max(page.index + 50, 200)), seed)
        title = html.escape(other.path.rsplit("/", 1)[1].rsplit("-", 1)[0].replace("-", " "))
        items.append(
            f'<li><a href="{other.path}"><img src="/img/thumb-{other.index}.jpg" alt="" '
            f'width="120" height="80">{title.capitalize()}</a></li>'
        )
    return f'<aside class="related"><h2>Related</h2><ul>{"".join(items)}</ul></aside>'


def _footer(host: str, rng: random.Random) -> str:
    columns = []
    for col in range(4):
        links = "".join(
            f'<li><a href="/about/{col}/{n}">{rng.choice(SECTIONS)} {n}</a></li>'
            for n in range(rng.randint(8, 14))
        )
        columns.append(f'<div class="col"><ul>{links}</ul></div>')
    return (
        f'<footer class="site-footer">{"".join(columns)}'
        f"<p>© 2005-2024 {host}. All rights reserved. "
        f'<a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · '
        f'<a href="/cookies">Cookie settings</a></p>'
        f'<div class="cookie-banner" role="dialog"><p>We use cookies to improve your '
        f"experience.</p><button>Accept</button><button>Reject</button></div></footer>"
    )


def render_page(index: int, seed: int = SEED) -> bytes:
    """The full HTML of page ``index``, UTF-8."""
    page = plan(index, seed)
    rng = _rng(seed, index, "body")
    pool = _sentences(seed, page.language)
    target = target_size(index, seed)
    title = " ".join(rng.choice(pool).split()[:8]).rstrip(".?!;")
    author = f"{rng.choice(['A.', 'B.', 'C.', 'M.', 'J.'])} {rng.choice(SECTIONS)}son"
    date = f"{page.path.split('/')[2]}-{page.path.split('/')[3]}-{1 + rng.randrange(28):02d}"
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "author": {"@type": "Person", "name": author},
            "datePublished": date,
            "inLanguage": page.language,
        },
        ensure_ascii=False,
    )
    head = (
        f'<!DOCTYPE html>\n<html lang="{page.language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | {page.host}</title>"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="description" content="{html.escape(rng.choice(pool))}">'
        f'<meta property="og:title" content="{html.escape(title)}">'
        f'<meta name="author" content="{author}">'
        f'<link rel="canonical" href="http://{page.host}{page.path}">'
        f'<link rel="stylesheet" href="/static/site.css">'
        f"<style>{_css(page.host)}</style>"
        f'<script type="application/ld+json">{ld}</script>'
        f"<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push("
        f"arguments)}}gtag('js',new Date());gtag('config','UA-{index % 97}-1');</script>"
        f"</head><body>"
    )
    top = (
        _nav(page.host, rng) + f'<main><nav class="breadcrumb"><a href="/">Home</a> › '
        f'<a href="/section/{rng.choice(SECTIONS).lower()}/">Section</a></nav>'
        f'<article><h1>{html.escape(title)}</h1><p class="byline">By {author}, '
        f'<time datetime="{date}">{date}</time></p>'
    )
    tail = (
        "</article>"
        + _related(page, seed, rng)
        + '<section class="comments"><h2>Comments</h2><p>Comments are closed.</p></section>'
        + "</main>"
        + _footer(page.host, rng)
        + '<script src="/static/app.js" defer></script></body></html>\n'
    )
    parts = [head, top]
    size = sum(len(p.encode()) for p in (head, top, tail))
    n = 0
    while size < target:
        n += 1
        sentences = " ".join(rng.choices(pool, k=rng.randint(3, 8)))
        if n % 9 == 0:
            block = f"<h2>{html.escape(rng.choice(pool)[:60])}</h2>"
        elif n % 13 == 0:
            block = f"<blockquote><p>{html.escape(sentences)}</p></blockquote>"
        elif n % 17 == 0:
            block = (
                f'<figure><img src="/img/{index}-{n}.jpg" alt="" width="800" height="450">'
                f"<figcaption>{html.escape(rng.choice(pool))}</figcaption></figure>"
            )
        else:
            block = f"<p>{html.escape(sentences)}</p>"
        parts.append(block)
        size += len(block.encode())
    parts.append(tail)
    return "".join(parts).encode("utf-8")


def _write(args: tuple[str, int, int]) -> Page:
    root, index, seed = args
    page = plan(index, seed)
    data = render_page(index, seed)
    path = Path(root) / page.host / page.path.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return Page(**{**asdict(page), "size": len(data)})


def _manifest_matches(manifest: Path, pages: int, seed: int) -> list[Page] | None:
    try:
        data = json.loads(manifest.read_text())
    except (OSError, ValueError):
        return None
    if (data.get("version"), data.get("pages"), data.get("seed")) != (
        GENERATOR_VERSION,
        pages,
        seed,
    ):
        return None
    found = [Page(**p) for p in data["items"]]
    root = manifest.parent
    if not all((root / p.host / p.path.lstrip("/")).is_file() for p in found):
        return None
    return found


def generate(root: Path, pages: int, seed: int = SEED, workers: int | None = None) -> list[Page]:
    """Write ``pages`` pages under ``root/<host>/<path>`` and a manifest.json.

    A corpus already on disk with the same count, seed and generator version is reused,
    since rerunning the benchmark should not pay for writing 600 MB again.
    """
    root.mkdir(parents=True, exist_ok=True)
    manifest = root / "manifest.json"
    reused = _manifest_matches(manifest, pages, seed)
    if reused is not None:
        return reused
    for host, _ in HOSTS:  # pages of an earlier, different corpus must not linger
        shutil.rmtree(root / host, ignore_errors=True)
    jobs = [(str(root), i, seed) for i in range(pages)]
    workers = workers or os.cpu_count() or 1
    if pages < 200 or workers == 1:
        result = [_write(job) for job in jobs]
    else:
        with ProcessPoolExecutor(workers) as pool:
            result = list(pool.map(_write, jobs, chunksize=64))
    manifest.write_text(
        json.dumps(
            {
                "version": GENERATOR_VERSION,
                "pages": pages,
                "seed": seed,
                "items": [asdict(p) for p in result],
            }
        )
    )
    return result


def url(page: Page, port: int) -> str:
    return f"http://{page.ip}:{port}{page.path}"


def write_links(pages: Iterable[Page], port: int, path: Path) -> int:
    """One URL per line, in page order; returns how many."""
    lines = [url(p, port) for p in pages]
    path.write_text("\n".join(lines) + "\n")
    return len(lines)


def summary(pages: list[Page]) -> dict[str, object]:
    sizes = sorted(p.size for p in pages)
    count = len(sizes)
    return {
        "pages": count,
        "bytes": sum(sizes),
        "min_kib": round(sizes[0] / KIB, 1) if sizes else 0,
        "median_kib": round(sizes[count // 2] / KIB, 1) if sizes else 0,
        "max_kib": round(sizes[-1] / KIB, 1) if sizes else 0,
        "kinds": {k: sum(p.kind == k for p in pages) for k, _ in KINDS},
        "languages": {lang: sum(p.language == lang for p in pages) for lang, _ in LANGUAGES},
        "hosts": {h: sum(p.host == h for p in pages) for h, _ in HOSTS},
    }


def text_corpus(size: int, seed: int = SEED) -> str:
    """About ``size`` bytes of prose with URLs cited the ways texts cite them, for timing
    citation extraction: bare, in angle brackets, Markdown links, wrapped in parentheses."""
    rng = _rng(seed, 0, "cite-text")
    pool = _sentences(seed, "en") + _sentences(seed, "de")
    out: list[str] = []
    total = 0
    n = 0
    while total < size:
        n += 1
        page = plan(rng.randrange(1_000_000), seed)
        link = f"https://{page.host}{page.path}"
        form = n % 5
        if form == 0:
            cited = f"see {link}"
        elif form == 1:
            cited = f"<{link}>"
        elif form == 2:
            cited = f"[{rng.choice(SECTIONS)}]({link})"
        elif form == 3:
            cited = f"({link}?utm_source=feed&id={n})"
        else:
            cited = f"available at {link}."
        paragraph = " ".join(rng.choices(pool, k=rng.randint(3, 9))) + f" {cited}\n\n"
        out.append(paragraph)
        total += len(paragraph.encode())
    return "".join(out)
