"""Command line: parses options, calls the library, renders. No logic of its own.

Conventions kept by every command: data on stdout, logs and progress on stderr, `NO_COLOR`
honoured, exit 0 when done, 1 when a `--fail-on` condition is met, 2 with a one-line
message on bad usage or input. A traceback is shown only with `-vv`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from archiver import __version__
from archiver.errors import ArchiverError, readable_file, writable_dir

log = logging.getLogger("archiver")

FORMATS = ("table", "json", "csv", "md", "html")


def _color() -> bool:
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _setup_logging(verbose: int, quiet: int) -> None:
    level = logging.INFO - 10 * verbose + 10 * quiet
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("archiver")
    root.handlers[:] = [handler]
    root.setLevel(max(logging.DEBUG, min(level, logging.CRITICAL)))
    root.propagate = False


class Group(click.Group):
    """Turns every expected failure into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchiverError as exc:
            _fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo(
                "archiver: interrupted; what was captured is kept (resume with "
                "`archiver snapshot --resume`)",
                err=True,
            )
            sys.exit(130)
        except Exception as exc:  # a bug or an unforeseen environment: still one line
            if log.isEnabledFor(logging.DEBUG - 1) or os.environ.get("ARCHIVER_TRACEBACK"):
                raise
            _fail(
                f"unexpected error: {type(exc).__name__}: {exc} (run with -vv for details)", code=1
            )


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"archiver: {message}", err=True)
    sys.exit(code)


def _more(ctx: click.Context, _param: click.Parameter, value: int) -> None:
    _adjust(ctx, value)


def _less(ctx: click.Context, _param: click.Parameter, value: int) -> None:
    _adjust(ctx, -value)


def _adjust(ctx: click.Context, delta: int) -> None:
    """-v/-q work after the command name too (`archiver snapshot -q`), as users type them."""
    if not delta:
        return
    root = ctx.find_root()
    root.obj = root.obj or {"verbose": 0, "quiet": 0}
    if delta > 0:
        root.obj["verbose"] += delta
    else:
        root.obj["quiet"] -= delta
    _setup_logging(root.obj["verbose"], root.obj["quiet"])


def verbosity(f: Any) -> Any:
    f = click.option(
        "-q",
        "--quiet",
        count=True,
        expose_value=False,
        callback=_less,
        help="Less detail on stderr (no progress).",
    )(f)
    return click.option(
        "-v",
        "--verbose",
        count=True,
        expose_value=False,
        callback=_more,
        help="More detail on stderr (-vv: debug).",
    )(f)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="archiver")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv: debug).")
@click.option("-q", "--quiet", count=True, help="Less detail on stderr (no progress).")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: int) -> None:
    """Capture the links a text cites into WARC files and report which ones rot.

    \b
    Example:
      archiver run article.md          # extract, capture, read, judge, report
      archiver report --format html -o report.html
    """
    _setup_logging(verbose, quiet)
    ctx.obj = {"verbose": verbose, "quiet": quiet}


# --------------------------------------------------------------------------- extract


@cli.command()
@verbosity
@click.argument("files", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Where to write the links (- for stdout).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "json"]),
    default="txt",
    show_default=True,
    help="links.txt (one URL a line) or JSON with provenance.",
)
def extract(files: tuple[str, ...], output: str, fmt: str) -> None:
    """Find every URL that FILE... cite (text, Markdown or HTML; - is stdin).

    \b
    Example:
      archiver extract article.txt -o links.txt
      archiver extract --format json notes.md | jq '.[0].citations'
    """
    for f in files:
        readable_file(f)
    from archiver import cite

    links = _extract(files)
    text = cite.to_json(links) if fmt == "json" else cite.to_links_txt(links)
    _write_output(text, output)
    repaired = sum(1 for link in links for c in link.citations if c.repairs)
    log.info(
        "%d links from %d citations (%d repaired) in %d file(s)",
        len(links),
        sum(len(link.citations) for link in links),
        repaired,
        len(files),
    )
    for link in links:
        for c in link.citations:
            if any(r.startswith("joined") for r in c.repairs):
                log.info("  repaired %s:%d: %r -> %s", c.source, c.line, c.written, c.url)


def _extract(files: tuple[str, ...] | list[str]) -> list:
    from archiver import cite

    try:
        return cite.extract_files(list(files))
    except cite.CiteError as exc:
        raise ArchiverError(str(exc)) from None


def _write_output(text: str, output: str) -> None:
    if output == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    path = Path(output)
    if path.is_dir():
        raise ArchiverError(f"{output}: is a directory, expected a file")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ArchiverError(f"{output}: cannot write ({exc.strerror})") from None
    log.info("wrote %s", output)


class _Echo:
    """Standard output as a stream for reports written piece by piece, through click.echo
    as a whole report was (so its handling of encodings and colours is kept)."""

    def write(self, text: str) -> int:
        click.echo(text, nl=False)
        return len(text)


def _stream_output(write: Callable[[Any], None], output: str) -> None:
    """Like `_write_output`, for a report that `write` writes to the stream it is given:
    a run of 100,000 links is never one string in memory."""
    if output == "-":
        write(_Echo())
        return
    path = Path(output)
    if path.is_dir():
        raise ArchiverError(f"{output}: is a directory, expected a file")
    try:
        with path.open("w", encoding="utf-8") as fh:
            write(fh)
    except OSError as exc:
        raise ArchiverError(f"{output}: cannot write ({exc.strerror})") from None
    log.info("wrote %s", output)


# --------------------------------------------------------------------------- snapshot


def _snapshot_options(f: Any) -> Any:
    opts = [
        click.option(
            "--archive",
            "archive",
            default="archive",
            show_default=True,
            help="Archive folder (WARCs, catalog, texts, reports).",
        ),
        click.option("--no-text", is_flag=True, help="Skip readable-text extraction."),
        click.option(
            "--resume",
            is_flag=True,
            help="Finish the interrupted run instead of starting a new one.",
        ),
        click.option(
            "--wait", is_flag=True, help="Wait for another snapshot of the same archive to end."
        ),
        click.option(
            "--concurrency", default=16, show_default=True, help="Requests in flight at once."
        ),
        click.option(
            "--per-host", default=2, show_default=True, help="Requests in flight per host."
        ),
        click.option(
            "--fetchers",
            type=click.IntRange(1, 64),
            default=None,
            help="Fetch processes, links split among them by host "
            "(default: one per core with --no-text, else one).",
        ),
        click.option(
            "--delay",
            default=0.0,
            show_default=True,
            help="Seconds between two requests to one host.",
        ),
        click.option("--connect-timeout", default=10.0, show_default=True, help="Seconds."),
        click.option("--read-timeout", default=30.0, show_default=True, help="Seconds."),
        click.option(
            "--timeout",
            "total_timeout",
            default=120.0,
            show_default=True,
            help="Total seconds per exchange (cuts a body that drips).",
        ),
        click.option(
            "--retries",
            default=3,
            show_default=True,
            help="Retries on connection errors, 429, 502, 503, 504.",
        ),
        click.option("--max-redirects", default=10, show_default=True),
        click.option(
            "--max-body",
            default="200MB",
            show_default=True,
            help="Cap per body; a longer one is kept, marked truncated.",
        ),
        click.option(
            "--warc-size", default="1GB", show_default=True, help="Rotate WARC files at this size."
        ),
        click.option(
            "--gzip-level",
            default=None,
            type=click.IntRange(0, 9),
            help="WARC compression level (default: the writer's measured choice).",
        ),
        click.option("--user-agent", default=None, help="User-Agent header to send."),
        click.option("--insecure", is_flag=True, help="Capture despite TLS errors."),
        click.option(
            "--respect-robots",
            is_flag=True,
            help="Obey robots.txt (off by default, as usual for preservation).",
        ),
        click.option(
            "--resolve",
            multiple=True,
            metavar="HOST:IP",
            help="Use IP for HOST instead of DNS (like curl --resolve).",
        ),
        click.option(
            "--resolve-only",
            is_flag=True,
            help="Never ask DNS: names not given with --resolve fail as unknown.",
        ),
        click.option(
            "--dead-after",
            default=3,
            show_default=True,
            help="Consecutive unreachable runs before a link is dead.",
        ),
        click.option(
            "--fail-on",
            default="",
            metavar="STATUS,...",
            help="Exit 1 if any link is e.g. dead,soft-404,changed.",
        ),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _size(text: str) -> int:
    units = {
        "": 1,
        "B": 1,
        "KB": 10**3,
        "MB": 10**6,
        "GB": 10**9,
        "TB": 10**12,
        "KIB": 2**10,
        "MIB": 2**20,
        "GIB": 2**30,
    }
    s = text.strip().upper()
    num = s.rstrip("KMGTIB")
    unit = s[len(num) :]
    try:
        return int(float(num) * units[unit])
    except (KeyError, ValueError):
        raise ArchiverError(f"{text!r}: not a size (examples: 500KB, 200MB, 1GB)") from None


def _settings(kw: dict[str, Any]) -> Any:
    from archiver.snapshot import SnapshotSettings

    resolve: dict[str, str] = {}
    for item in kw["resolve"]:
        host, sep, ip = item.rpartition(":")
        if not sep or not host or not ip:
            raise ArchiverError(f"--resolve {item!r}: expected HOST:IP")
        resolve[host.lower()] = ip
    return SnapshotSettings(
        archive=writable_dir(kw["archive"]),
        text=not kw["no_text"],
        resume=kw["resume"],
        wait=kw["wait"],
        concurrency=kw["concurrency"],
        per_host=kw["per_host"],
        fetchers=kw["fetchers"],
        delay=kw["delay"],
        connect_timeout=kw["connect_timeout"],
        read_timeout=kw["read_timeout"],
        total_timeout=kw["total_timeout"],
        retries=kw["retries"],
        max_redirects=kw["max_redirects"],
        max_body=_size(kw["max_body"]),
        warc_size=_size(kw["warc_size"]),
        gzip_level=kw["gzip_level"],
        user_agent=kw["user_agent"],
        insecure=kw["insecure"],
        respect_robots=kw["respect_robots"],
        resolve=resolve,
        resolve_only=kw["resolve_only"],
        dead_after=kw["dead_after"],
    )


def _fail_on(spec: str) -> set[str]:
    from archiver.judge import parse_fail_on

    try:
        return parse_fail_on(spec)
    except ValueError as exc:
        raise ArchiverError(str(exc)) from None


def _run_snapshot(links_path: str | None, kw: dict[str, Any], quiet: bool) -> Any:
    from archiver import snapshot as snap

    fail_on = _fail_on(kw["fail_on"])
    links = None
    if not kw["resume"] or links_path:
        links = _load_links(links_path or "links.txt")
    settings = _settings(kw)
    progress = None if quiet else snap.terminal_progress()
    try:
        result = snap.snapshot(links, settings, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    click.echo(snap.summary_line(result), err=True)
    return result, fail_on


def _load_links(path: str) -> list:
    readable_file(path)
    from archiver import cite

    try:
        links = cite.read_links(path)
    except cite.CiteError as exc:
        raise ArchiverError(str(exc)) from None
    if not links:
        raise ArchiverError(f"{path}: no links to capture")
    return links


@cli.command()
@verbosity
@click.argument("links", required=False)
@_snapshot_options
@click.pass_context
def snapshot(ctx: click.Context, links: str | None, **kw: Any) -> None:
    """Capture every link of LINKS (links.txt or a JSON citations file) into WARC files.

    Then read each page's text, record everything in the catalog and judge every link.

    \b
    Example:
      archiver snapshot links.txt --archive archive/
      archiver snapshot --resume          # finish an interrupted run
    """
    result, fail_on = _run_snapshot(links, kw, quiet=ctx.obj["quiet"] > 0)
    _exit_for(result.verdicts, fail_on)


def _exit_for(verdicts: Iterable[Any], fail_on: set[str]) -> None:
    from archiver.judge import fail_on_matches

    if fail_on and fail_on_matches(verdicts, fail_on):
        sys.exit(1)


# --------------------------------------------------------------------------- run


@cli.command()
@verbosity
@click.argument("texts", nargs=-1)
@click.option(
    "--links",
    "links_path",
    default="links.txt",
    show_default=True,
    help="The links file to write (from TEXTS) or to read (without TEXTS).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Report format printed at the end.",
)
@_snapshot_options
@click.pass_context
def run(ctx: click.Context, texts: tuple[str, ...], links_path: str, fmt: str, **kw: Any) -> None:
    """The main job: extract (when TEXTS are given), snapshot, report.

    With no TEXTS it captures the links of links.txt.

    \b
    Example:
      archiver run                       # the bundled links.txt
      archiver run article.txt --format md > report.md
    """
    from archiver import cite

    if texts:
        for t in texts:
            readable_file(t)
        links = _extract(texts)
        _write_output(cite.to_links_txt(links), links_path)
    result, fail_on = _run_snapshot(links_path, kw, quiet=ctx.obj["quiet"] > 0)
    from archiver import archive

    data = result.report or archive.load_report(result.archive, result.run_id)
    archive.write_report(data, fmt, _Echo(), color=_color())
    _exit_for(result.verdicts, fail_on)


# --------------------------------------------------------------------------- report


@cli.command()
@verbosity
@click.option("--archive", default="archive", show_default=True)
@click.option("--run", "run_id", default="latest", show_default=True, help="Run number, or latest.")
@click.option("--since", default=None, help="Only links whose verdict changed since RUN.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", default="-", show_default=True)
@click.option(
    "--fail-on",
    default="",
    metavar="STATUS,...",
    help="Exit 1 if any link is e.g. dead,soft-404,changed.",
)
def report(
    archive: str, run_id: str, since: str | None, fmt: str, output: str, fail_on: str
) -> None:
    """Show the verdicts of a run: status, drift and evidence for every link.

    \b
    Example:
      archiver report                          # table of the latest run
      archiver report --format html -o report.html
      archiver report --fail-on dead,soft-404  # exit 1 if any link rotted
    """
    from archiver.archive import load_report, write_report

    conditions = _fail_on(fail_on)
    data = load_report(_existing_archive(archive), run_id, since=since)
    color = _color() and output == "-"
    _stream_output(lambda out: write_report(data, fmt, out, color=color), output)
    _exit_for(data.verdicts, conditions)


def _existing_archive(path: str) -> Path:
    p = Path(path)
    if not (p / "catalog.sqlite").is_file():
        if p.is_dir() and any((p / "warc").glob("*.warc.gz")):
            raise ArchiverError(f"{path}: no catalog; rebuild it with `archiver reindex`")
        raise ArchiverError(
            f"{path}: not an archive (no catalog.sqlite); run `archiver snapshot` first"
        )
    return p


# --------------------------------------------------------------------------- diff / show


@cli.command()
@verbosity
@click.argument("url")
@click.option("--archive", default="archive", show_default=True)
@click.option("--from", "from_run", default=None, help="Older run (default: the one before).")
@click.option("--to", "to_run", default=None, help="Newer run (default: latest).")
def diff(url: str, archive: str, from_run: str | None, to_run: str | None) -> None:
    """What changed in the text of URL between two captures (word-level diff).

    \b
    Example:
      archiver diff https://example.org/article --from 1 --to 3
    """
    from archiver.archive import diff_text

    click.echo(
        diff_text(_existing_archive(archive), url, from_run, to_run, color=_color()), nl=False
    )


@cli.command()
@verbosity
@click.argument("url")
@click.option("--archive", default="archive", show_default=True)
@click.option("--run", "run_id", default=None, help="Run number (default: latest capture).")
@click.option("--text", "what", flag_value="text", default=True, help="Readable text.")
@click.option("--headers", "what", flag_value="headers", help="HTTP response headers.")
@click.option("--raw", "what", flag_value="raw", help="The response record as captured.")
def show(url: str, archive: str, run_id: str | None, what: str) -> None:
    """One capture of URL: its readable text, headers or raw response.

    \b
    Example:
      archiver show https://example.org/article --headers
    """
    from archiver.archive import show_capture

    data = show_capture(_existing_archive(archive), url, run_id, what)
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        click.echo(data, nl=not data.endswith("\n"))


# --------------------------------------------------------------------------- reindex / export


@cli.command()
@verbosity
@click.option("--archive", default="archive", show_default=True)
def reindex(archive: str) -> None:
    """Rebuild the catalog from the WARC files alone.

    \b
    Example:
      archiver reindex --archive archive/
    """
    from archiver.reindex import reindex as do_reindex

    p = Path(archive)
    if not (p / "warc").is_dir():
        raise ArchiverError(f"{archive}: no warc/ folder to rebuild from")
    stats = do_reindex(p)
    click.echo(
        f"rebuilt {p / 'catalog.sqlite'} from {stats.get('files', 0)} WARC file(s), "
        f"{stats.get('records', 0)} records: {stats.get('runs', 0)} runs, "
        f"{stats.get('captures', 0)} captures, {stats.get('texts', 0)} texts, "
        f"{stats.get('verdicts', 0)} verdicts",
        err=True,
    )


@cli.command()
@verbosity
@click.option("--archive", default="archive", show_default=True)
@click.option("--run", "run_id", default="latest", show_default=True)
@click.option("--wacz", "wacz", required=True, help="The .wacz file to write.")
def export(archive: str, run_id: str, wacz: str) -> None:
    """Package a run as WACZ (opens in ReplayWeb.page).

    \b
    Example:
      archiver export --wacz snapshot.wacz
    """
    from archiver.archive import export_run

    path = export_run(_existing_archive(archive), run_id, Path(wacz))
    click.echo(f"wrote {path}", err=True)


def main() -> None:
    cli(prog_name="archiver")
