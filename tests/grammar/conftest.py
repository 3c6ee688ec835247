"""Fixtures for the grammar and spelling tests: the fake LanguageTool server, a dead URL."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ltserver import FakeLanguageTool  # noqa: E402


@pytest.fixture
def lt_server() -> Iterator[FakeLanguageTool]:
    """A fake LanguageTool server on 127.0.0.1 (``.url``), stopped after the test."""
    server = FakeLanguageTool().start()
    yield server
    server.stop()


@pytest.fixture
def dead_url() -> str:
    """``http://127.0.0.1:PORT`` where nothing listens (a port just bound and released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"
