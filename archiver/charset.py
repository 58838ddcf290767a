"""Turn payload bytes into text the way a browser would.

The order matters more than any detector: a byte-order mark beats the HTTP header,
the header beats ``<meta>``, and only a page that declares nothing is left to
statistical detection. Getting this wrong is what turns a Russian page in
windows-1251 into mojibake that then "changes" on every snapshot.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Browsers look for <meta charset> in the first 1024 bytes; pages with a long <head>
# preamble (comments, inline styles) are common enough in old sites to look further.
PRESCAN_BYTES = 4096
# Enough text for charset-normalizer to tell windows-1251 from koi8-r, without paying
# for a full statistical pass over a multi-megabyte page.
DETECT_BYTES = 65536

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels whose meaning on the web differs from Python's codec of the same name
# (WHATWG Encoding Standard): the web decodes "latin1" as windows-1252, and so on.
_WEB_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-user-defined": "cp1252",
}

_META_RE = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""",
    re.IGNORECASE,
)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)""")
_COMMENT_RE = re.compile(rb"<!--.*?-->", re.DOTALL)


def normalize_charset(label: str) -> str | None:
    """The Python codec a charset label means on the web, or None when unknown.

    Unknown labels are common ("utf8mb4", "none", typos) and must fall through to
    the next source rather than raise.
    """
    key = label.strip().strip("\"'").lower()
    if not key:
        return None
    key = _WEB_ALIASES.get(key, key)
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    # A page cannot really be in UTF-16 when its own bytes say so in ASCII.
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return name


def display_name(codec: str) -> str:
    """The name people know the charset by (windows-1251, not cp1251)."""
    if re.fullmatch(r"cp125\d", codec):
        return "windows-" + codec[2:]
    if codec == "cp874":
        return "windows-874"
    if codec == "cp932":
        return "shift_jis"
    if codec == "cp949":
        return "euc-kr"
    if codec in ("utf-8-sig",):
        return "utf-8"
    return codec.replace("_", "-")


def header_value(headers: list[tuple[str, str]], name: str) -> str:
    """The first value of a header, case-insensitively; "" when absent."""
    lname = name.lower()
    for key, value in headers:
        if key.lower() == lname:
            return value
    return ""


def content_type_params(value: str) -> tuple[str, dict[str, str]]:
    """Split "text/html; charset=UTF-8" into the media type and its parameters."""
    parts = value.split(";")
    mime = parts[0].strip().lower()
    params: dict[str, str] = {}
    for part in parts[1:]:
        if "=" in part:
            key, _, val = part.partition("=")
            params[key.strip().lower()] = val.strip().strip("\"'")
    return mime, params


def bom_charset(payload: bytes) -> tuple[str, int] | None:
    """The charset a byte-order mark declares and the mark's length."""
    for bom, name in _BOMS:
        if payload.startswith(bom):
            return name, len(bom)
    return None


def header_charset(headers: list[tuple[str, str]]) -> str | None:
    """The codec named by the Content-Type charset parameter, if it is a known one."""
    _, params = content_type_params(header_value(headers, "content-type"))
    label = params.get("charset")
    return normalize_charset(label) if label else None


def meta_charset(payload: bytes) -> str | None:
    """The codec declared by <meta charset> or http-equiv in the head, or an XML declaration."""
    head = _COMMENT_RE.sub(b"", payload[:PRESCAN_BYTES])
    for match in _META_RE.finditer(head):
        codec = normalize_charset(match.group(1).decode("ascii", "replace"))
        if codec:
            return codec
    match = _XML_DECL_RE.match(head)
    if match:
        return normalize_charset(match.group(1).decode("ascii", "replace"))
    return None


def detect_charset(payload: bytes) -> str:
    """A statistical guess for a payload that declares nothing.

    Strict UTF-8 is tried first: it is what an undeclared modern page almost always
    is, it cannot be mistaken for a legacy charset on non-ASCII text, and it costs
    far less than detection.
    """
    sample = payload[:DETECT_BYTES]
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        # A multi-byte sequence cut by the sample boundary is still UTF-8.
        if err.start >= len(sample) - 3 and len(payload) > len(sample):
            return "utf-8"
    best = from_bytes(sample).best()
    if best is None:
        return "cp1252"
    return normalize_charset(best.encoding) or "cp1252"


def decode_text(
    payload: bytes, headers: list[tuple[str, str]], html: bool = True
) -> tuple[str, str]:
    """Decode a payload in browser order: BOM, HTTP header, <meta>, then detection.

    Returns the text and the charset used (by its common name). ``html=False`` skips
    the <meta> scan for plain text, where such a tag is just text.
    """
    bom = bom_charset(payload)
    if bom:
        codec, skip = bom
        return payload[skip:].decode(codec, "replace"), display_name(codec)
    codec = header_charset(headers) or (meta_charset(payload) if html else None)
    if codec is None:
        codec = detect_charset(payload)
    return payload.decode(codec, "replace"), display_name(codec)
