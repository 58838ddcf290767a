"""Soft-404: a page that answers 200 but whose content is an error or a generic landing page.

Three independent kinds of evidence, from strongest to weakest:

1. where the redirects ended: the site's home page, or a path that names an error;
2. what the host returns for a path that cannot exist (the probe): a page alike to it
   is the host's catch-all page, whatever its wording;
3. not-found wording, in the title or in a short body, in several languages.

Wording alone is the weakest: an article about broken links says "not found" too. So a
phrase only counts in a short page, and a title counts only when the phrase is most of
the title (or of one of its "Site | Section" parts), not a word in a headline.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from archiver.drift import normalize, similarity
from archiver.model import Capture, Readable

SHORT_BODY_WORDS = 120  # body wording only counts on a page this short
TITLE_BODY_WORDS = 300  # a not-found title only counts on a page this short
PROBE_SIMILARITY = 0.85  # this alike to the random-path page = the host's catch-all page
TITLE_COVERAGE = 0.6  # share of a title part the not-found phrase must cover

_STRONG = (
    # English
    r"page (?:was )?not found|(?:page|file|document|resource|article|post|url|content|item)s?"
    r" (?:(?:that )?you(?:'re| are| were)? (?:looking for|requested|tried to (?:reach|access))"
    r" |requested )?(?:could not|couldn't|cannot|can't|can not) be found"
    r"|(?:this|that|the) page (?:does not|doesn't|did not|no longer) exists?"
    r"|(?:we|i) (?:could not|couldn't|can't|cannot|can not) find (?:the|that|this|what|your)"
    r"(?: page| article| post| content| file)?"
    r"|(?:http )?error ?404|404 ?(?:error|not found|page)|the requested url .{0,80}was not found"
    r"|nothing (?:was )?found (?:here|at this location)|page (?:is )?(?:missing|unavailable|gone)"
    r"|(?:looks like|seems (?:like )?)(?:this|the|that) page (?:is missing|doesn't exist|has moved"
    r"|can't be found)|page (?:has been|was) (?:removed|deleted)"
    # French
    r"|page (?:non trouvée|introuvable|inexistante|non disponible)"
    r"|(?:cette|la) page (?:que vous (?:recherchez|cherchez|avez demandée) |demandée )?"
    r"(?:n'existe pas|n'existe plus|est introuvable|n'a pas été trouvée|a été supprimée)"
    r"|(?:nous ne trouvons pas|impossible de trouver) (?:la|cette) page|erreur 404"
    # German
    r"|seite (?:wurde )?nicht gefunden|(?:diese|die) (?:angeforderte |gesuchte |aufgerufene )?"
    r"seite (?:existiert nicht|existiert nicht mehr|gibt es nicht|konnte nicht gefunden werden"
    r"|wurde nicht gefunden|ist nicht (?:mehr )?verfügbar)|fehler 404|404 fehler"
    r"|konnten wir (?:die|diese) seite nicht finden"
    # Spanish
    r"|página no encontrada|(?:la|esta) página (?:que (?:buscas|busca|estás buscando"
    r"|solicitaste|has solicitado) |solicitada )?(?:no existe|no se (?:ha podido encontrar"
    r"|puede encontrar|encuentra|encontró)|no está disponible|ya no existe)"
    r"|no (?:hemos podido|pudimos|podemos) encontrar (?:la|esta) página"
    # Russian
    r"|страница не найдена|(?:такой )?страниц[аы] (?:не существует|нет|удалена|не найдена)"
    r"|(?:запрашиваемая|запрошенная) страница (?:не найдена|не существует|удалена)"
    r"|ошибка 404|не (?:можем|удалось) найти (?:эту |такую |запрашиваемую )?страницу"
    # Italian, Portuguese, Dutch, Polish, Japanese, Chinese
    r"|pagina non trovata|página não encontrada|pagina niet gevonden"
    r"|nie znaleziono strony|strona nie (?:została znaleziona|istnieje)"
    r"|ページが見つかりません|页面不存在|找不到页面|页面未找到"
)
# Too common to count inside a sentence; they count when they are most of a line.
_WEAK = (
    r"not found|nicht gefunden|introuvable|no encontrad[ao]|не найден[ао]?|404|oops"
    r"|no longer available|page unavailable|nothing here"
)
_STRONG_RE = re.compile(_STRONG)
_ANY_RE = re.compile(f"{_STRONG}|{_WEAK}")
# Pages that talk *about* HTTP errors (documentation, articles) rather than being one.
_ABOUT_HTTP = re.compile(
    r"status code|response code|http status|client error response|statuscode"
    r"|código de estado|code d'état|code de statut|код (?:состояния|ответа)"
)
_TITLE_SPLIT = re.compile(r"\s+[|–—·•»«:-]\s+|\s*[|–—·•»«]\s*")
_ALNUM = re.compile(r"\w")

_ERROR_SEGMENT = re.compile(
    r"(?:404|410|http-?404|not[-_]?found|page[-_]?not[-_]?found|pagenotfound|error[-_]?404"
    r"|error|fehler|erreur|introuvable|oops|nicht[-_]gefunden"
    r"|no[-_]encontrad[ao]|page[-_]?introuvable|seite[-_]?nicht[-_]?gefunden)"
    r"(?:\.(?:html?|php|aspx?|jsp))?"
)
_ERROR_QUERY = re.compile(
    r"(?:^|&)(?:(?:aspxerrorpath|errorpath)=|(?:error|err|status|code)=(?:404|410|not[-_]?found))"
)
_HOME_PATH = re.compile(
    r"/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:(?:index|default|home|start|accueil|inicio)"
    r"(?:\.(?:html?|php|aspx?|jsp))?)?/?"
)


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _is_home(url: str) -> bool:
    return bool(_HOME_PATH.fullmatch(urlsplit(url).path.lower()))


def _error_path(url: str) -> str | None:
    parts = urlsplit(url)
    segments = [s for s in parts.path.lower().split("/") if s]
    if any(_ERROR_SEGMENT.fullmatch(s) for s in segments):
        return parts.path
    if parts.query and _ERROR_QUERY.search(parts.query.lower()):
        return f"{parts.path}?{parts.query}"
    return None


def redirect_reason(capture: Capture) -> str | None:
    """Soft-404 evidence from where the redirects ended, or None."""
    if len(capture.hops) < 2:
        return None
    start, end = capture.url, capture.final_url
    if _is_home(start) or _error_path(start):
        return None  # the cited page was itself a home page or error page
    if _is_home(end):
        if _host(start) == _host(end):
            return "redirected to the site's home page"
        return f"redirected to the home page of {_host(end)}"
    path = _error_path(end)
    if path:
        return f"redirected to an error page ({path[:60]})"
    return None


_URLISH = re.compile(r"\S*[/\\]\S*")


def _strip_paths(text: str, url: str) -> str:
    """Text with paths and the URL's own words removed: catch-all pages echo the path."""
    text = _URLISH.sub(" ", text)
    own = {w for w in re.findall(r"\w+", urlsplit(url).path.casefold()) if len(w) > 2}
    if not own:
        return text
    return " ".join(w for w in re.findall(r"\w+", text.casefold()) if w not in own)


def probe_reason(capture: Capture, readable: Readable | None, probe: Readable | None) -> str | None:
    """Soft-404 evidence from likeness to the host's page for a path that cannot exist."""
    if not readable or not probe or _is_home(capture.url):
        return None  # a home page is legitimately what a catch-all host serves
    page = _strip_paths(normalize(readable.text), capture.final_url)
    other = _strip_paths(normalize(probe.text), capture.final_url)
    if len(other.split()) < 3 or len(page.split()) < 3:
        return None
    if similarity(page, other) >= PROBE_SIMILARITY:
        return "same page as a random path on this host"
    return None


def _coverage(segment: str) -> float:
    letters = len(_ALNUM.findall(segment))
    if not letters:
        return 0.0
    covered = sum(len(_ALNUM.findall(m.group(0))) for m in _ANY_RE.finditer(segment))
    return covered / letters


def _quote(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    return phrase if len(phrase) <= 60 else phrase[:59] + "…"


def wording_reason(readable: Readable | None) -> str | None:
    """Soft-404 evidence from not-found wording in the title or a short body."""
    if not readable:
        return None
    text = (readable.text or "").casefold()
    words = len(text.split())
    if _ABOUT_HTTP.search(text):
        return None
    title = (readable.title or "").strip()
    if title and words <= TITLE_BODY_WORDS:
        for part in [title, *_TITLE_SPLIT.split(title)]:
            if _coverage(part.casefold()) >= TITLE_COVERAGE:
                return f"the page title says “{_quote(part)}”"
    if 0 < words <= SHORT_BODY_WORDS:
        strong = _STRONG_RE.search(text)
        if strong:
            return f"the page says “{_quote(strong.group(0))}”"
        for line in text.splitlines():
            if _coverage(line) >= TITLE_COVERAGE:
                return f"the page says “{_quote(line)}”"
    return None


def soft404_reason(
    capture: Capture, readable: Readable | None, probe: Readable | None
) -> str | None:
    """Why this 200 page is an error or landing page, or None when it looks like content."""
    return (
        redirect_reason(capture)
        or probe_reason(capture, readable, probe)
        or wording_reason(readable)
    )
