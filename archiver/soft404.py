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

SHORT_BODY_WORDS = 60  # body wording alone only counts on a page this short
TITLE_BODY_WORDS = 300  # a not-found title with not-found wording counts up to this length
PROBE_SIMILARITY = 0.85  # this alike to the random-path page = the host's catch-all page
TITLE_COVERAGE = 0.6  # share of a title part the not-found phrase must cover

_GAP = r"[^.!?\n]{0,50}?"  # within one sentence
_STRONG = (
    # English: "<the page> … <could not be found>", and set phrases
    rf"\b(?:page|file|document|resource|article|post|url|link|content|item|story)s?\b{_GAP}"
    r"(?:(?:could not|couldn't|cannot|can't|can not) be found|(?:was|were|is) not found"
    r"|(?:does not|doesn't|did not|no longer) exists?|(?:has|have) been (?:removed|deleted"
    r"|taken down)|(?:was|were) (?:removed|deleted)|is no longer (?:available|online)"
    r"|is (?:missing|unavailable|gone))"
    r"|page (?:was )?not found|(?:we|i) (?:could not|couldn't|can't|cannot|can not) find "
    r"(?:the|that|this|what|your)(?: page| article| post| content| file)?"
    r"|(?:http )?error ?404|404 ?(?:error|not found|page)|the requested url .{0,80}was not found"
    r"|nothing (?:was )?found (?:here|at this location)|page (?:is )?(?:missing|unavailable)"
    # French
    rf"|\b(?:page|article|contenu|document|fichier)s?\b{_GAP}(?:n'existe (?:pas|plus)"
    r"|est introuvable|(?:n'a pas été|n'a pu être) trouvée?|a été (?:supprimée?|retirée?)"
    r"|n'est plus disponible|est indisponible)"
    r"|page (?:non trouvée|introuvable|inexistante|non disponible)"
    r"|(?:nous ne trouvons pas|impossible de trouver) (?:la|cette) page|erreur 404"
    r"|rien (?:n'a|n'ait) été trouvé à cet emplacement"
    # German
    rf"|\b(?:seite|artikel|inhalt|dokument|datei)\b{_GAP}(?:nicht gefunden|existiert (?:leider )?"
    r"nicht|gibt es (?:leider )?nicht|ist (?:leider )?nicht (?:mehr )?verfügbar"
    r"|wurde (?:gelöscht|entfernt))"
    r"|fehler 404|404 fehler|(?:konnten|können) wir (?:die|diese) seite nicht finden"
    # Spanish
    rf"|\b(?:página|nota|artículo|contenido|documento|archivo)s?\b{_GAP}(?:no existe|ya no existe"
    r"|no (?:se )?(?:ha podido encontrar|puede encontrar|encuentra|encontró|fue encontrad[ao])"
    r"|no está disponible|ha sido (?:eliminad[ao]|borrad[ao]|retirad[ao])|no encontrad[ao])"
    r"|no (?:hemos podido|pudimos|podemos) encontrar (?:la|esta) página|error 404"
    # Russian
    rf"|(?:страниц[аы]|стать[яи]|материал|документ|запись)\b{_GAP}(?:не найден[аоы]?"
    r"|не существует|удален[аоы]?|недоступн[аоы]?)|(?:такой )?страницы нет"
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
# Parts of "Page title | Site name"; not the colon, which joins a title to its subtitle.
_TITLE_SPLIT = re.compile(r"\s+[|–—·•»«-]\s+|\s*[|–—·•»«]\s*")
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
    if _is_search(end) and not _is_search(start):
        return "redirected to the site's search page"
    return None


_SEARCH_SEGMENT = re.compile(r"search|suche|recherche|buscar|busqueda|búsqueda|poisk|поиск")
_SEARCH_QUERY = re.compile(r"(?:^|&)(?:q|s|query|search|keywords?|term)=")


def _is_search(url: str) -> bool:
    """A site-search URL: /search?q=…, /?s=… (a catch-all for pages that moved)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.lower().split("/") if s]
    if any(_SEARCH_SEGMENT.fullmatch(s.split(".")[0]) for s in segments):
        return True
    return bool(parts.query) and _is_home(url) and bool(_SEARCH_QUERY.search(parts.query))


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
    n_page, n_probe = len(readable.text.split()), len(probe.text.split())
    if min(n_page, n_probe) < 0.6 * max(n_page, n_probe):
        return None  # lengths this far apart cannot reach PROBE_SIMILARITY
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


_OPEN_QUOTES = "\"'«„“‘‹「"
_CLOSE_QUOTES = "\"'»“”’›」"


# Words that make what follows a report of the message rather than the message itself:
# "the server says the page was not found", "what to do if the page is not found?".
_MENTION = re.compile(
    r"\b(?:says?|said|shows?|showed|displays?|displayed|message|reads|returns?|returned|gets?"
    r"|getting|if|when|whenever|why|meldet|meldung|zeigt|anzeigt|erscheint|wenn|falls|warum"
    r"|affiche|indique|dit|si|quand|lorsque|pourquoi|muestra|mensaje|dice|aparece|cuando"
    r"|por qué|пишет|надпись|сообщение|показывает|появляется|если|когда|почему)\b"
)
# Reported speech anywhere in the sentence: "… was not found, according to the police".
_REPORTED = re.compile(
    r"\b(?:according to|reported|told|said|says|selon|d'après|laut|zufolge|según|informó"
    r"|по словам|по данным|сообщил[аио]?|сообщает)\b"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


# A page speaks of itself ("page", "URL", "link"); of anything else ("the document",
# "the file") only when it points at it ("this article") or at the reader ("the file you
# requested"). "The original document was not found in the archive" is news.
_SELF_SUBJECT = re.compile(r"pages?\b|urls?\b|links?\b|página|pagina|seite|страниц")
_POINTING = re.compile(
    r"\b(?:this|that|you|your|requested|vous|demandée?|cette|cet|ce|sie|ihr|angeforderte?"
    r"|gesuchte?|aufgerufene?|diese[rs]?|dieses|este|esta|buscas|buscás|busca|solicitad[ao]"
    r"|solicitaste|эт[аоиу]|этот|вы|запрашиваем\w*|запрошенн\w*)\b"
)
_SUBJECT_FIRST = re.compile(
    r"(?:file|document|resource|article|post|content|item|story|article|contenu|document"
    r"|fichier|artikel|inhalt|dokument|datei|nota|artículo|contenido|documento|archivo"
    r"|стать|материал|документ|запись)"
)


def _mentioned(text: str, m: re.Match[str]) -> bool:
    """True when the phrase is quoted, asked about or reported, not said by the page."""
    before = text[max(0, m.start() - 2) : m.start()]
    after = text[m.end() : m.end() + 2]
    if any(q in before for q in _OPEN_QUOTES) and any(q in after for q in _CLOSE_QUOTES):
        return True
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    phrase = m.group(0)
    other_subject = _SUBJECT_FIRST.match(phrase) and not _SELF_SUBJECT.match(phrase)
    if other_subject and not _POINTING.search(text, start, m.end()):
        return True
    end = _SENTENCE_END.search(text, m.end())
    if end and end.group(0) == "?":
        return True
    if _REPORTED.search(text, start, end.start() if end else len(text)):
        return True
    return bool(_MENTION.search(text, start, m.start()))


def _unquoted(text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match the page says in its own voice (see `_mentioned`)."""
    for m in pattern.finditer(text):
        if not _mentioned(text, m):
            return m
    return None


def wording_reason(readable: Readable | None) -> str | None:
    """Soft-404 evidence from not-found wording in the title or a short body.

    The body's wording alone decides only on a very short page; a not-found title
    decides on a very short page, or on a longer one whose body says it too (an error
    page padded with menus and "popular posts"), never on an article.
    """
    if not readable:
        return None
    text = (readable.text or "").replace("’", "'").casefold()
    words = len(text.split())
    if words > TITLE_BODY_WORDS or _ABOUT_HTTP.search(text):
        return None
    title = (readable.title or "").strip()
    # The heading that repeats the title is not a second piece of evidence.
    folded_title = title.replace("’", "'").casefold()
    body = "\n".join(line for line in text.splitlines() if line.strip() not in folded_title)
    seconded = _unquoted(body, _STRONG_RE)
    if title and (words <= SHORT_BODY_WORDS or (seconded and words <= TITLE_BODY_WORDS)):
        for part in [title, *_TITLE_SPLIT.split(title)]:
            if part.rstrip().endswith("?"):
                continue
            if _coverage(part.replace("’", "'").casefold()) >= TITLE_COVERAGE:
                return f"the page title says “{_quote(part)}”"
    if 0 < words <= SHORT_BODY_WORDS:
        strong = _unquoted(text, _STRONG_RE)
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
