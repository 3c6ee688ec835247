"""Shared test helpers: the shared examples/corpus folder and a one-call checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from editcheck.engine import Checker, Options

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


_CHECKER: Checker | None = None


def checker() -> Checker:
    """A checker with the default rules, built once per test session."""
    global _CHECKER
    if _CHECKER is None:
        _CHECKER = Checker(Options(plugins=False))
    return _CHECKER


def check(text: str, name: str = "draft.md"):  # type: ignore[no-untyped-def]
    """Findings for ``text`` checked as a draft named ``name``."""
    return checker().check_text(name, text).findings


def codes(text: str, name: str = "draft.md") -> list[str]:
    """Codes of the findings for ``text``."""
    return [f.code for f in check(text, name)]


def rows(text: str, name: str = "draft.md", code: str | None = None) -> list[tuple[str, int, int, str]]:
    """``(code, line, column, match)`` of each finding (optionally of one code)."""
    return [(f.code, f.line, f.column, f.match) for f in check(text, name) if code is None or f.code == code]
