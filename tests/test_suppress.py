"""Suppression comments, front-matter ignores and --report-unused-suppressions (EC903)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from editcheck.engine import Checker, Options

EDITCHECK = str(Path(sys.executable).with_name("editcheck"))
HEAD = "# عاجل: الحكومة تعلن خطة جديدة للنقل العام\n\n"


def rows(text: str, report_unused: bool = False) -> list[tuple[str, int, int]]:
    """``(code, line, column)`` of EC301/EC903 findings."""
    checker = Checker(Options(plugins=False, select=("EC301", "EC903"), report_unused_suppressions=report_unused))
    return [(f.code, f.line, f.column) for f in checker.check_text("d.md", text).findings]


def test_unsuppressed_baseline() -> None:
    assert rows(HEAD + "عاجل: وصل الوفد.\n") == [("EC301", 1, 3), ("EC301", 3, 1)]


def test_disable_and_enable_range() -> None:
    text = HEAD + "<!-- editcheck: disable=EC301 -->\n\nعاجل: وصل الوفد.\n\n<!-- editcheck: enable=EC301 -->\n\nعاجل: غادر الوفد.\n"
    assert rows(text) == [("EC301", 1, 3), ("EC301", 9, 1)]


def test_disable_all_and_prefix() -> None:
    assert rows(HEAD + "<!-- editcheck: disable -->\n\nعاجل: وصل الوفد.\n") == [("EC301", 1, 3)]
    assert rows(HEAD + "<!-- editcheck: disable=EC3 -->\n\nعاجل: وصل الوفد.\n") == [("EC301", 1, 3)]


def test_disable_next_line_skips_blank_lines() -> None:
    text = HEAD + "<!-- editcheck: disable-next-line=EC301 -->\n\nعاجل: وصل الوفد.\n\nعاجل: غادر الوفد.\n"
    assert rows(text) == [("EC301", 1, 3), ("EC301", 7, 1)]


def test_front_matter_ignore() -> None:
    text = "---\ntitle: 'عاجل: الحكومة تعلن خطة جديدة'\neditcheck: {ignore: [EC301]}\n---\n\nعاجل: وصل الوفد.\n"
    assert rows(text) == []


def test_unused_suppressions_reported_only_when_asked() -> None:
    text = HEAD + "<!-- editcheck: disable-next-line=EC301 -->\nوصل الوفد.\n\n<!-- editcheck: disable-next-line=EC301 -->\nعاجل: غادر.\n"
    assert rows(text) == [("EC301", 1, 3)]
    assert rows(text, report_unused=True) == [("EC301", 1, 3), ("EC903", 3, 1)]


def test_unused_front_matter_ignore_and_disabled_rules_not_reported() -> None:
    text = "---\ntitle: الحكومة تعلن خطة جديدة للنقل\neditcheck: {ignore: [EC301, EC999]}\n---\n\nوصل الوفد.\n"
    # EC999 never runs, so it is not called unused (it may hide something elsewhere)
    assert rows(text, report_unused=True) == [("EC903", 3, 12)]


def test_report_unused_suppressions_cli_flag(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text(HEAD + "<!-- editcheck: disable-next-line=EC201 -->\nوصل الوفد.\n", encoding="utf-8")
    proc = subprocess.run([EDITCHECK, "d.md", "--format", "line", "--select", "EC903,EC201", "--report-unused-suppressions"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.stdout.splitlines() == [
        "d.md:3:1: warning EC903 unused suppression 'EC201' (disable-next-line): nothing here was reported; remove it"]
    plain = subprocess.run([EDITCHECK, "d.md", "--format", "line", "--select", "EC903,EC201"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=60)
    assert plain.stdout == ""
