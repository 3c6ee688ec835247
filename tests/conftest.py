"""Shared test helpers: the shared examples/corpus folder and a one-call checker."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = SHARED / "examples"
CORPUS = SHARED / "corpus"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared examples and corpus come with the team's workspace, not the repo)")
    return path


@pytest.fixture
def examples() -> Path:
    """``../shared/examples`` (skips when absent)."""
    return _need(EXAMPLES)


@pytest.fixture
def corpus() -> Path:
    """``../shared/corpus`` (skips when absent)."""
    return _need(CORPUS)


