"""Helpers for editcheck tests: a shared checker and one-call finding listers.

Imported as ``from ectest import check, codes, rows, checker`` (tests/conftest.py puts this
folder on ``sys.path``; a module name of our own avoids clashing with other conftest files).
"""

from __future__ import annotations

from editcheck.engine import Checker, Options
from editcheck.model import Finding

_CHECKER: Checker | None = None


def checker() -> Checker:
    """A checker with the default rules, built once per test session."""
    global _CHECKER
    if _CHECKER is None:
        _CHECKER = Checker(Options(plugins=False))
    return _CHECKER


def check(text: str, name: str = "draft.md") -> list[Finding]:
    """Findings for ``text`` checked as a draft named ``name``."""
    return checker().check_text(name, text).findings


def codes(text: str, name: str = "draft.md") -> list[str]:
    """Codes of the findings for ``text``."""
    return [f.code for f in check(text, name)]


def rows(text: str, name: str = "draft.md", code: str | None = None) -> list[tuple[str, int, int, str]]:
    """``(code, line, column, match)`` of each finding (optionally of one code)."""
    return [(f.code, f.line, f.column, f.match) for f in check(text, name) if code is None or f.code == code]
