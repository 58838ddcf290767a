"""The records passed forward along cite → capture → read → catalog → judge → report.

Each stage takes the records of the stages before it and returns its own; none reaches
back. Keeping them here, in one small module of plain dataclasses, is what lets every
stage be written, tested and replaced on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

# --------------------------------------------------------------------------- cite


@dataclass(frozen=True)
class Citation:
    """One place a text cites a URL; kept so a human can check every repair."""

    url: str  # canonical form: the fetch and de-duplication key
    written: str  # the text exactly as it stood (may span a space or line break)
    source: str  # file name, "-" for standard input
    line: int  # 1-based
    column: int  # 1-based
    context: str = ""  # the sentence around it
    cited: str = ""  # the repaired URL in the form the text used (IRI host, fragment kept)
    repairs: tuple[str, ...] = ()  # human-readable notes: "joined across a space", ...


@dataclass
class Link:
    """A canonical URL and every place it was cited."""

    url: str
    citations: list[Citation] = field(default_factory=list)


# --------------------------------------------------------------------------- capture


@dataclass
class Exchange:
    """One HTTP request and its response, as the bytes crossed the wire.

    Produced by the fetcher for every hop and every attempt; consumed by the WARC
    writer. Nothing in it is decoded: the request and response head are the raw bytes,
    and ``body`` holds the body with its transfer and content encodings intact.
    """

    url: str
    date: datetime  # UTC, when the request was sent
    request: bytes  # raw request as sent (head and body)
    response_head: bytes  # raw status line + headers + blank line; b"" when none arrived
    body: BinaryIO | None  # raw body bytes as received, positioned at 0 (spooled to disk)
    body_size: int = 0
    ip: str | None = None
    status: int | None = None
    reason: str = ""
    http_version: str = "HTTP/1.1"
    headers: list[tuple[str, str]] = field(default_factory=list)  # as received
    truncated: str | None = None  # WARC-Truncated value: "length", "time", "disconnect"
    not_http: bool = False  # the peer answered with bytes that are not HTTP
    error: str | None = None  # error class, see Capture.error
    error_detail: str = ""
    elapsed: float = 0.0
    attempt: int = 1  # which try at this hop (1 = first), for failure metadata records


@dataclass(frozen=True)
class RecordRef:
    """Where a WARC record lives: everything a report says traces back to one."""

    warc_file: str  # file name inside archive/warc/, final name (no ".open")
    offset: int
    length: int
    record_id: str  # "<urn:uuid:...>"
    record_type: str  # response, revisit, resource, conversion, ...
    payload_digest: str | None = None  # "sha1:BASE32"
    date: str = ""  # its WARC-Date; a revisit names the original's (WARC-Refers-To-Date)


@dataclass
class Hop:
    """One step of a capture: a request and what came back."""

    url: str
    status: int | None
    reason: str = ""
    location: str | None = None  # absolute URL of a redirect target
    content_type: str = ""
    size: int = 0  # body bytes as received
    truncated: str | None = None
    ip: str | None = None
    elapsed: float = 0.0
    record: RecordRef | None = None
    revisit_of: RecordRef | None = None  # set when the payload was already archived


@dataclass
class Attempt:
    """One try at a URL; retries are recorded, not hidden."""

    number: int
    outcome: str  # an HTTP status ("503") or an error class ("timeout")
    elapsed: float
    wait: float = 0.0  # back-off slept before the next attempt


# Error classes a capture may end with (Capture.error):
#   dns            name does not resolve (NXDOMAIN)
#   dns-temporary  resolver unreachable / temporary failure (says nothing of the page)
#   refused        connection refused
#   unreachable    no route / network down
#   connect-timeout, timeout   no answer in time (connect / read or total)
#   reset          connection reset or closed mid-exchange
#   tls            TLS handshake or certificate failure
#   not-http       the peer answered with something that is not HTTP
#   protocol       malformed HTTP
#   redirect-loop, too-many-redirects
#   robots         disallowed by robots.txt (only with --respect-robots)
#   invalid-url    the URL cannot be fetched at all
NETWORK_ERRORS = frozenset(
    {"dns", "dns-temporary", "refused", "unreachable", "connect-timeout", "tls"}
)


@dataclass
class Capture:
    """Everything the fetcher learnt about one link in one run."""

    url: str  # the link as requested (canonical)
    started: str  # ISO 8601 UTC
    hops: list[Hop] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)
    error: str | None = None
    error_detail: str = ""
    elapsed: float = 0.0
    # raw body of the final hop, positioned at 0, for text extraction; the pipeline closes it
    body: BinaryIO | None = field(default=None, repr=False, compare=False)
    head: bytes = field(default=b"", repr=False, compare=False)  # the final hop's HTTP head

    @property
    def final(self) -> Hop | None:
        return self.hops[-1] if self.hops else None

    @property
    def final_url(self) -> str:
        return self.hops[-1].url if self.hops else self.url

    @property
    def status(self) -> int | None:
        return self.hops[-1].status if self.hops else None


# --------------------------------------------------------------------------- read


@dataclass
class Readable:
    """The readable text and metadata of one capture."""

    text: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    language: str = ""
    canonical: str = ""
    outlinks: list[str] = field(default_factory=list)
    charset: str = ""
    kind: str = "none"  # html, pdf, text, none
    note: str = ""  # why there is no text, when there is none
    truncated: bool = False  # decompressed size cap reached
    declares: str = ""  # what the page says it is (og:type, JSON-LD @type): "article"
    state: str = ""  # what its inline app data says of the page: '"statusCode": 404'
    summary: str = ""  # how it describes itself to link previews (og:description)
    notice: str = ""  # its status, alert and notice banners, one per line


# --------------------------------------------------------------------------- judge

STATUSES = ("ok", "redirected", "soft-404", "blocked", "dead", "unreachable")
DRIFTS = ("new", "unchanged", "changed", "gone")


@dataclass
class Verdict:
    """A link's status and drift in one run, with the evidence behind them."""

    url: str
    status: str  # one of STATUSES
    reason: str  # one line a person understands
    http_status: int | None = None
    final_url: str = ""
    drift: str = "new"  # one of DRIFTS
    similarity: float | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    title: str = ""
    diff: str = ""  # word-level diff against the previous capture, when changed
    text_path: str | None = None  # archive-relative path of the readable text
