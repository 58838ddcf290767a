"""Command line: parses options, calls the library, renders. No logic of its own."""

from __future__ import annotations

import click

from archiver import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="archiver")
def cli() -> None:
    """Capture the links a text cites into WARC files and report which ones rot."""


def main() -> None:
    cli()
