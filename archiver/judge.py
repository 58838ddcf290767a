"""Verdicts: what happened to a cited link in one run, with the evidence in one line.

A wrong verdict is worse than none, so the rules lean towards the milder status when
the evidence is thin: only a 404, a 410 or a name that does not resolve is `dead` at
once; anything that may be a passing failure is `unreachable` and becomes `dead` only
after failing in `dead_after` consecutive runs. A server that refuses us (401, 403,
429, a login wall, a bot check) is `blocked`: the page may well exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from http import HTTPStatus
from urllib.parse import urlsplit

from archiver.drift import drift, word_diff
from archiver.model import DRIFTS, NETWORK_ERRORS, STATUSES, Capture, Readable, Verdict
from archiver.soft404 import section_candidate, sibling_candidate, soft404_reason
from archiver.urls import section_of, sibling_of

_BLOCKED_CODES = {401, 402, 403, 407, 429, 451, 999}
_DEAD_CODES = {404, 410}
_FAILING = {"unreachable", "dead"}
_CONTENT = {"ok", "redirected"}

_ERROR_REASONS = {
    "dns": "DNS: no such host",
    "dns-temporary": "DNS: temporary failure",
    "refused": "connection refused",
    "unreachable": "network unreachable",
    "connect-timeout": "connection timed out",
    "timeout": "timed out",
    "reset": "connection reset",
    "tls": "TLS failure",
    "not-http": "the server answered with something that is not HTTP",
    "protocol": "malformed HTTP response",
    "redirect-loop": "redirect loop",
    "too-many-redirects": "too many redirects",
    "robots": "disallowed by robots.txt",
    "invalid-url": "the URL cannot be fetched",
}

_SIGN_IN_PATH = re.compile(
    r"/(?:log-?in|sign-?in|sign_in|signin|auth|authenticate|sso|cas|session/new"
    r"|account/login|accounts/login|users/sign_in|idp|oauth2?|saml2?|wp-login\.php"
    r"|login\.\w+|signin\.\w+)(?:/|$)",
    re.IGNORECASE,
)
_SIGN_IN_HOST = re.compile(r"^(?:login|signin|auth|sso|accounts|idp|id)\.", re.IGNORECASE)
_SIGN_IN_WORDS = re.compile(
    r"\b(?:sign in|sign-in|log in|log-in|login|signin|connexion|se connecter|anmelden"
    r"|anmeldung|einloggen|iniciar sesión|acceder|войти|вход)\b",
    re.IGNORECASE,
)
_PASSWORD = re.compile(r"\b(?:password|mot de passe|passwort|kennwort|contraseña|пароль)\b", re.I)
_JS_SHELL = re.compile(
    r"(?:enable|turn on|activate|allow) javascript|javascript (?:is )?(?:required|disabled"
    r"|must be enabled|needs to be enabled)|requires javascript|needs javascript"
    r"|javascript (?:aktivieren|ist deaktiviert)|activer (?:le )?javascript"
    r"|(?:habilitar|habilita|activar|activa) (?:el )?javascript|включите javascript",
    re.IGNORECASE,
)
_BOT_CHECK = re.compile(
    r"just a moment\.\.\.|checking your browser|verify you are (?:a )?human"
    r"|attention required! \| cloudflare|are you a robot|captcha|ddos protection by",
    re.IGNORECASE,
)
_WALL_WORDS = 80  # a page this short whose words are mostly a form is only a wall


# --------------------------------------------------------------------------- helpers


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 1 else f"{value:.1f} s"


def _phrase(code: int, reason: str = "") -> str:
    if not reason:
        try:
            reason = HTTPStatus(code).phrase
        except ValueError:
            reason = ""
    return f"{code} {reason}".strip()


def _one_line(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _trivial_form(url: str) -> tuple[str, str, str]:
    """The parts of a URL that survive an http→https, www. or trailing-slash hop."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port
    if port in (80, 443):
        port = None
    return (f"{host}:{port}" if port else host, parts.path.rstrip("/") or "/", parts.query)


def moved(capture: Capture) -> bool:
    """True when the redirects took the link somewhere else, not merely to https or a slash."""
    return len(capture.hops) > 1 and _trivial_form(capture.url) != _trivial_form(capture.final_url)


def _attempts_note(capture: Capture) -> str:
    n = len(capture.attempts)
    return f", {n} attempts" if n > 1 else ""


def _error_reason(capture: Capture) -> str:
    error = capture.error or "unknown"
    base = _ERROR_REASONS.get(error, error)
    if error in ("timeout", "connect-timeout"):
        spent = max((a.elapsed for a in capture.attempts), default=capture.elapsed)
        return f"{base} after {_seconds(spent)}{_attempts_note(capture)}"
    if error in ("tls", "protocol", "not-http") and capture.error_detail:
        return f"{base}: {_one_line(capture.error_detail, 60)}{_attempts_note(capture)}"
    return base + _attempts_note(capture)


def _consecutive_failures(previous_statuses: Sequence[str]) -> int:
    count = 0
    for status in previous_statuses:
        if status not in _FAILING:
            break
        count += 1
    return count


def login_wall_reason(capture: Capture, readable: Readable | None) -> str | None:
    """Why this answer is a sign-in page, a JavaScript shell or a bot check, or None."""
    if moved(capture) and not _SIGN_IN_PATH.search(urlsplit(capture.url).path):
        end = urlsplit(capture.final_url)
        if _SIGN_IN_PATH.search(end.path) or (
            _SIGN_IN_HOST.match(end.hostname or "")
            and end.hostname != urlsplit(capture.url).hostname
        ):
            return f"redirected to a sign-in page ({end.hostname}{end.path})"[:100]
    if not readable:
        return None
    text, title = readable.text or "", readable.title or ""
    # Only compared with _WALL_WORDS: the split stops there instead of running through
    # a whole article (then it holds _WALL_WORDS + 1 items, which is just as "more").
    words = len(text.split(None, _WALL_WORDS))
    if _BOT_CHECK.search(title) or (words <= _WALL_WORDS and _BOT_CHECK.search(text)):
        return "a bot check page stands in front of the content"
    if words <= _WALL_WORDS and _JS_SHELL.search(f"{title}\n{text}"):
        return "the page shows only a “JavaScript is required” notice"
    if words <= _WALL_WORDS:
        form = _SIGN_IN_WORDS.search(text) and _PASSWORD.search(text)
        cited_login = _SIGN_IN_PATH.search(urlsplit(capture.url).path)
        if (_SIGN_IN_WORDS.search(title) or form) and not cited_login:
            return "the page shows only a sign-in form"
    return None


# --------------------------------------------------------------------------- status


def _status(
    capture: Capture,
    readable: Readable | None,
    probe: Readable | None,
    previous_statuses: Sequence[str],
    dead_after: int,
    previous_text: str | None = None,
    section_probe: Readable | None = None,
    sibling_probe: Readable | None = None,
) -> tuple[str, str]:
    final = capture.final
    code = final.status if final else None
    if code is None:
        if capture.error == "dns":
            return "dead", _error_reason(capture)
        if capture.error == "robots":
            return "blocked", _error_reason(capture)
        if capture.error == "invalid-url":
            return "dead", _error_reason(capture)
        return _unreachable(_error_reason(capture), previous_statuses, dead_after)
    assert final is not None
    phrase = _phrase(code, final.reason)
    via = f" (after a redirect to {_one_line(capture.final_url, 60)})" if moved(capture) else ""
    if code in _DEAD_CODES:
        return "dead", phrase + via
    if code in _BLOCKED_CODES:
        return "blocked", phrase + via
    if 300 <= code < 400:
        reason = _ERROR_REASONS.get(capture.error or "", "redirect with nowhere to go")
        return _unreachable(f"{reason} ({phrase})", previous_statuses, dead_after)
    if 400 <= code < 500:
        # Other client errors (400, 405, 406, ...) are how bot filters answer: refused.
        return "blocked", phrase + via
    if code >= 500 or code < 200:
        return _unreachable(phrase + _attempts_note(capture), previous_statuses, dead_after)
    wall = login_wall_reason(capture, readable)
    if wall:
        return "blocked", wall
    had_content = bool(previous_statuses) and previous_statuses[0] in _CONTENT
    previous = previous_text if had_content else None
    soft = soft404_reason(capture, readable, probe, previous, section_probe, sibling_probe)
    if soft:
        return "soft-404", soft
    truncated = f" (cut short: {final.truncated})" if final.truncated else ""
    if moved(capture):
        first = capture.hops[0].status or 0
        kind = "permanently " if first in (301, 308) else ""
        return "redirected", f"moved {kind}to {_one_line(capture.final_url, 60)}{truncated}"
    return "ok", phrase + truncated


def _unreachable(reason: str, previous_statuses: Sequence[str], dead_after: int) -> tuple[str, str]:
    runs = _consecutive_failures(previous_statuses) + 1
    if dead_after > 0 and runs >= dead_after:
        return "dead", f"unreachable in {runs} consecutive runs ({reason})"
    return "unreachable", reason


def _drift(
    status: str,
    readable: Readable | None,
    previous_text: str | None,
    previous_statuses: Sequence[str],
) -> tuple[str, float | None]:
    """Drift of the content: an error page, a wall or a failure is no content.

    Content is what an `ok` or `redirected` answer shows. So a page that was a soft-404
    last run and is one again is `unchanged` (nothing then, nothing now), not `gone`; a
    page that has content for the first time is `new`.
    """
    text = readable.text if readable and status in _CONTENT else None
    has_now = bool(text and text.strip())
    if previous_statuses:
        had_before = any(s in _CONTENT for s in previous_statuses)
    else:
        had_before = bool(previous_text and previous_text.strip())
    if previous_text is None and not previous_statuses:
        return "new", None
    if not had_before:
        return ("new", None) if has_now else ("unchanged", None)
    return drift(previous_text, text, had_before)


# --------------------------------------------------------------------------- public


def judge(
    capture: Capture,
    readable: Readable | None,
    *,
    probe: Readable | None = None,
    section_probe: Readable | None = None,
    sibling_probe: Readable | None = None,
    previous_text: str | None = None,
    previous_statuses: Sequence[str] = (),
    dead_after: int = 3,
    warc_file: str | None = None,
    warc_offset: int | None = None,
    text_path: str | None = None,
) -> Verdict:
    """The verdict on one link in one run.

    `probe` is the readable text the same host returned for a random path that cannot
    exist; `section_probe` what the link's folder returned for one and `sibling_probe`
    what the site returned for the link with a made-up id (see `second_look`);
    `previous_text` the readable text of the previous capture of
    this URL (None when there is none); `previous_statuses` the statuses of earlier
    runs, most recent first. Drift only compares content: an error page, a wall or a
    failure has none.
    """
    status, reason = _status(
        capture,
        readable,
        probe,
        previous_statuses,
        dead_after,
        previous_text,
        section_probe,
        sibling_probe,
    )
    label, score = _drift(status, readable, previous_text, previous_statuses)
    text = readable.text if readable else ""
    diff = word_diff(previous_text or "", text) if label == "changed" and previous_text else ""
    record = capture.final.record if capture.final else None
    if warc_file is None and record is not None:
        warc_file, warc_offset = record.warc_file, record.offset
    return Verdict(
        url=capture.url,
        status=status,
        reason=reason,
        http_status=capture.status,
        final_url=capture.final_url,
        drift=label,
        similarity=score,
        warc_file=warc_file,
        warc_offset=warc_offset,
        title=readable.title if readable else "",
        diff=diff,
        text_path=text_path,
    )


def second_look(
    verdict: Verdict, capture: Capture, readable: Readable | None
) -> tuple[str | None, str | None]:
    """What to ask a link's site before judging it again, for a link judged content: the
    folder to probe with a random path (`section_candidate`) and its address with a
    made-up id (`sibling_candidate`), each None when not worth a request; both None for a
    long page or a verdict that is already a problem."""
    if verdict.status not in _CONTENT:
        return None, None
    folder = section_of(capture.url) if section_candidate(capture, readable) else None
    sibling = sibling_of(capture.url) if sibling_candidate(capture, readable) else None
    return folder, sibling


def is_offline(captures: list[Capture]) -> bool:
    """True when no host at all was reached at the network level in this run.

    Such a run says nothing about the links (the laptop had no Wi-Fi), so it judges
    nothing and leaves the history alone.
    """
    if not captures:
        return False
    return all(
        c.error in NETWORK_ERRORS and not any(h.status is not None for h in c.hops)
        for c in captures
    )


# "problem" stands for every status that means a reader cannot get the cited page.
PROBLEMS = frozenset({"dead", "soft-404", "blocked", "unreachable"})
CONDITIONS = frozenset(STATUSES) | frozenset(DRIFTS) | {"problem"}


def parse_fail_on(spec: str) -> set[str]:
    """Parse `--fail-on dead,soft-404,changed` into a set; ValueError names the unknown ones."""
    names = {s.strip() for s in spec.split(",") if s.strip()}
    unknown = names - CONDITIONS
    if unknown:
        known = ", ".join(sorted(CONDITIONS))
        raise ValueError(
            f"--fail-on: unknown condition {', '.join(sorted(unknown))} (known: {known})"
        )
    return names


def fail_on_matches(verdicts: Iterable[Verdict], conditions: set[str]) -> bool:
    """True when any verdict's status or drift is one of `conditions` (exit code 1).

    "problem" in `conditions` stands for dead, soft-404, blocked and unreachable.
    """
    if not conditions:
        return False
    wanted = set(conditions) | (PROBLEMS if "problem" in conditions else set())
    return any(v.status in wanted or v.drift in wanted for v in verdicts)
