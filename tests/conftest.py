"""Shared fixtures: the loopback test web every capture test runs against."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web import Web


@pytest.fixture
def web() -> Iterator[Web]:
    """Servers on 127.0.0.x that live for one test and are stopped at its teardown."""
    servers = Web()
    try:
        yield servers
    finally:
        servers.close()
