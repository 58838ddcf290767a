"""URL forms: the canonical fetch key, tracking-parameter removal, the SURT key.

A link is fetched, de-duplicated and catalogued by one string, so two citations of the
same page must reduce to the same form however the text wrote them. The canonical form
only applies equivalences every server honours (case of scheme and host, default port,
dot segments, IDNA, percent-encoding of characters a URI cannot hold) plus the removal
of parameters that identify the reader rather than the page. Everything else, query
order included, stays as cited: servers are free to treat it as significant.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import idna
import surt as _surt

# Parameters that track who clicked (ad click ids, mailing and analytics campaigns, share
# ids) and never select what a page shows. This tuple is the one list the project uses;
# an entry ending in "*" is a prefix. Names are compared case-insensitively after
# percent-decoding. Generic names such as "ref", "source" or "s" are deliberately absent:
# on some sites they choose the content.
TRACKING_PARAMS: tuple[str, ...] = (
    "utm_*",  # Google Analytics campaign tags (utm_source, utm_medium, ...)
    "fbclid",  # Facebook click id
    "mibextid",  # Facebook share id
    "gclid",  # Google Ads click id
    "gclsrc",
    "dclid",  # Google Display click id
    "gbraid",
    "wbraid",
    "msclkid",  # Microsoft Ads click id
    "yclid",  # Yandex click id
    "ysclid",  # Yandex search click id
    "ttclid",  # TikTok click id
    "twclid",  # Twitter/X click id
    "li_fat_id",  # LinkedIn
    "igshid",  # Instagram share id
    "igsh",
    "mc_cid",  # Mailchimp campaign
    "mc_eid",  # Mailchimp subscriber
    "_hsenc",  # HubSpot
    "_hsmi",
    "__hstc",
    "__hssc",
    "__hsfp",
    "hsctatracking",
    "mkt_tok",  # Marketo
    "oly_anon_id",  # Omeda
    "oly_enc_id",
    "vero_id",  # Vero
    "vero_conv",
    "_ga",  # Google Analytics cross-domain linker
    "_gl",
    "mtm_*",  # Matomo campaign tags
    "pk_campaign",  # Piwik/Matomo legacy campaign tags
    "pk_kwd",
    "pk_source",
    "pk_medium",
    "pk_content",
    "ref_src",  # Twitter embed referrer
    "ref_url",
    "_openstat",  # Yandex.Metrica / Openstat
    "wickedid",
    "rb_clickid",
    "s_cid",  # Adobe Analytics campaign
)

_TRACK_EXACT = frozenset(p for p in TRACKING_PARAMS if not p.endswith("*"))
_TRACK_PREFIX = tuple(p[:-1] for p in TRACKING_PARAMS if p.endswith("*"))

_DEFAULT_PORTS = {"http": "80", "https": "443"}

# Characters a URI may carry verbatim (RFC 3986 reserved + unreserved, "%" for escapes,
# and "[" "]" "'" which servers accept as cited). Everything else is UTF-8 percent-encoded.
_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_LOWER_ESCAPE = re.compile(r"%([0-9A-Fa-f][a-f]|[a-f][0-9A-Fa-f])")
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)")
_SPLIT = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?")
_FETCHABLE = re.compile(
    r"https?://(?:[^@/?#\s]*@)?([^:/?#\s]+|\[[^\]/?#\s]*\])(?::(\d*))?(?:[/?][^\s]*)?"
)
# The common shape: lower-case http(s), a host without userinfo or port, and a path and
# query without whitespace. Only the host, the escapes and the dot segments may need work.
_COMMON = re.compile(r"(https?://)([^\s/?#@:\[\]\\]+)((?:/[^\s?#\\]*)?)(?:\?([^\s#]*))?(?:#.*)?")
_PLAIN_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*", re.A)
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _tracking(name: str) -> bool:
    key = unquote(name).lower()
    return key in _TRACK_EXACT or key.startswith(_TRACK_PREFIX)


def _strip_query(query: str) -> tuple[str, list[str]]:
    removed: list[str] = []
    kept: list[str] = []
    for piece in query.split("&"):
        name = piece.split("=", 1)[0]
        if name and _tracking(name):
            removed.append(name)
        else:
            kept.append(piece)
    return "&".join(kept), removed


def strip_tracking(url: str) -> tuple[str, list[str]]:
    """Drop tracking parameters; returns the URL otherwise untouched and the names removed.

    Works on any URL as written (fragment and all) so a citation's repair note can name
    exactly what was taken out.
    """
    base, hashmark, fragment = url.partition("#")
    path, qmark, query = base.partition("?")
    if not qmark:
        return url, []
    query, removed = _strip_query(query)
    if not removed:
        return url, []
    rebuilt = path + ("?" + query if query else "")
    return rebuilt + hashmark + fragment, removed


def _encode(part: str) -> str:
    """Percent-encode what a URI cannot hold; existing escapes are kept (hex upper-cased)."""
    if "%" in part:
        part = _BAD_ESCAPE.sub("%25", part)
        part = _LOWER_ESCAPE.sub(lambda m: "%" + m.group(1).upper(), part)
    if _UNSAFE.search(part) is None:
        return part
    return _UNSAFE.sub(_escape, part)


def _escape(m: re.Match[str]) -> str:
    return "%" + m.group().encode("utf-8", "surrogatepass").hex("%").upper()


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4; posixpath.normpath would also fold "//" and trailing "/"."""
    if _DOT_SEGMENT.search(path) is None:
        return path
    segments = path.split("/")
    out: list[str] = []
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == ".":
            if last:
                out.append("")
        elif seg == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(seg)
    result = "/".join(out)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result


@lru_cache(maxsize=4096)
def _idna_host(host: str) -> str:
    """Punycode (IDNA 2008 with UTS 46 mapping, IDNA 2003 as a fallback), lower case.

    A name neither accepts is percent-encoded so the result is still one stable ASCII
    string (and is_fetchable then rejects it).
    """
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError, ValueError):
            try:
                host = host.lower().encode("idna").decode("ascii")
            except UnicodeError:
                host = _encode(host)
    host = host.lower()
    return _encode(host) if "%" in host or _UNSAFE.search(host) else host


def _split_netloc(netloc: str) -> tuple[str, str, str | None]:
    """userinfo (with its "@"), host, port (None when absent)."""
    userinfo, at, hostport = netloc.rpartition("@")
    userinfo = userinfo + at
    if hostport.startswith("["):
        end = hostport.find("]")
        if end != -1:
            rest = hostport[end + 1 :]
            port = rest[1:] if rest.startswith(":") else None
            return userinfo, hostport[: end + 1], port
    host, colon, port = hostport.partition(":")
    return userinfo, host, port if colon else None


@lru_cache(maxsize=65536)
def canonicalize(url: str) -> str:
    """The fetch and de-duplication key of a URL (idempotent).

    Lower-cases scheme and host, turns an internationalised host into punycode, drops a
    default or empty port, resolves dot segments, gives an empty path its "/", drops the
    fragment and tracking parameters, and percent-encodes (UTF-8) what a URI cannot
    hold. A "www." URL without scheme is read as http.
    """
    common = _COMMON.fullmatch(url)
    if common is not None:  # most URLs: no split, port or scheme work to do
        scheme, host, path, query = common.groups()
        if _PLAIN_HOST.fullmatch(host) is None:
            host = _idna_host(host)
        if path:
            if "%" in path or _UNSAFE.search(path):
                path = _encode(path)
            if "/." in path:
                path = _remove_dot_segments(path)
        else:
            path = "/"
        if query:
            query = _strip_query(query)[0]
            if query and ("%" in query or _UNSAFE.search(query)):
                query = _encode(query)
        return scheme + host + path + ("?" + query if query else "")
    url = url.strip().replace("\t", "").replace("\n", "").replace("\r", "")
    if not _SCHEME.match(url) and url[:4].lower() == "www.":
        url = "http://" + url
    url = url.partition("#")[0]
    parts = _SPLIT.match(url)
    if parts is None:  # no scheme: a relative reference, left as it is but encoded
        return _encode(url)
    scheme = parts.group(1).lower()
    netloc = parts.group(2)
    if netloc is not None:
        userinfo, host, port = _split_netloc(netloc)
        host = _idna_host(host)
        if port is not None and (port == "" or port.lstrip("0") == _DEFAULT_PORTS.get(scheme)):
            port = None
        netloc = _encode(userinfo) + host + (":" + port if port is not None else "")
    path = _remove_dot_segments(_encode(parts.group(3)))
    if not path and netloc is not None:
        path = "/"
    query = parts.group(4)
    if query:
        query = _encode(_strip_query(query)[0])
    out = f"{scheme}://{netloc}{path}" if netloc is not None else f"{scheme}:{path}"
    return out + ("?" + query if query else "")


def host_of(url: str) -> str:
    """The canonical host (punycode, lower case, no port): the unit of politeness."""
    m = _SPLIT.match(canonicalize(url))
    return _split_netloc(m.group(2) or "")[1] if m else ""


@lru_cache(maxsize=4096)
def _valid_host(host: str) -> bool:
    if not host or len(host) > 253:
        return False
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return False
        return host.endswith("]")
    labels = host.rstrip(".").split(".")
    return all(_LABEL.match(label) for label in labels)


def is_fetchable(url: str) -> bool:
    """Whether the fetcher can even try: http(s), a valid host and port, no whitespace."""
    return fetchable_canonical(canonicalize(url))


def fetchable_canonical(canon: str) -> bool:
    """is_fetchable for a URL already in canonical form (saves canonicalising twice)."""
    m = _FETCHABLE.fullmatch(canon)
    if m is None:
        return False
    port = m.group(2)
    if port is not None and not (port.isdigit() and 0 < int(port) < 65536):
        return False
    return _valid_host(m.group(1))


def section_of(url: str) -> str | None:
    """The folder a page sits in (``https://host/oglas/`` for ``/oglas/stan-418822?x=1``),
    or None when it sits at the host's root.

    A site routes the paths of a folder to one handler, whose answer for an item that is
    not there is often its own template (an expired ad, a deleted post), unlike the
    host's generic 404: a random path in the folder shows that template.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2:
        return None
    folder = "/".join(segments[:-1])
    return f"{parts.scheme}://{parts.netloc}/{folder}/"


_ID_DIGITS = re.compile(r"\d{3,}")


def sibling_of(url: str) -> str | None:
    """The cited address with its item's number made one no item has (``/oglas/stan-000000``
    for ``/oglas/stan-418822``), or None when its last segment and query hold no number.

    A site that routes a folder by id answers an id that does not exist with its own
    missing-item template, often the page a removed item now shows, while a random word in
    the same place only reaches the host's generic 404. Zeros of the same length fit any
    route that takes the real id and name no row of a database counting from one; pages
    of one folder whose ids have the same length share one sibling, so one request.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    head, _, last = parts.path.rstrip("/").rpartition("/")
    trail = parts.path[len(head) + 1 + len(last) :]
    if _ID_DIGITS.search(last):
        made = parts._replace(path=f"{head}/{_zeros(last)}{trail}", fragment="")
    elif _ID_DIGITS.search(parts.query):
        pairs = [p.partition("=") for p in parts.query.split("&")]
        query = "&".join(f"{k}{eq}{_zeros(v)}" for k, eq, v in pairs)
        made = parts._replace(query=query, fragment="")
    else:
        return None
    sibling = made.geturl()
    return None if sibling == parts._replace(fragment="").geturl() else sibling


def _zeros(text: str) -> str:
    return _ID_DIGITS.sub(lambda m: "0" * len(m.group(0)), text)


def surt(url: str) -> str:
    """The SURT key CDXJ indexes sort by, computed exactly as cdxj-indexer does.

    The URL is not canonicalised first: the key must match what the indexer derives
    from a record's WARC-Target-URI, whatever form that URI has.
    """
    try:
        return _surt.surt(url)
    except Exception:  # the indexer falls back to the URL itself; so do we
        return url
