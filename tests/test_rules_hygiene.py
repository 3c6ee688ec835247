"""EC604 bidi-control and EC605 invisible-in-word: exact findings, fixes, escaped reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from editcheck.engine import Checker, Options
from editcheck.ruledocs import render_rule
from editcheck.rules.builtin.ec604_bidi_control import control_runs

FIXTURE = Path(__file__).parent / "fixtures" / "inputs" / "ar-hygiene.md"


def _findings(text: str, name: str = "d.md", select: tuple[str, ...] = ("EC604", "EC605")):  # type: ignore[no-untyped-def]
    return Checker(Options(plugins=False, select=select)).check_text(name, text).findings


def test_override_in_the_texts_own_direction_changes_nothing_visible() -> None:
    """Copied web titles wrap Latin in LRO and Arabic in RLO (real corpus titles): nothing is
    turned round, so info and no "readers see"; LRO around Arabic does turn it (warning)."""
    title = "# \u202dBBC Arabic\u202c - \u202eعلوم\u202c - خبر عن الحيتان\n\nوقال الباحث إن الحوت يصدر أصواتاً.\n"
    found = _findings(title, select=("EC604",))
    assert [(f.severity.label, f.line, f.column, f.match) for f in found] == [
        ("info", 1, 3, "\u202dBBC Arabic\u202c"), ("info", 1, 18, "\u202eعلوم\u202c")]
    assert found[1].message == ("محرف اتجاه خفي U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING "
                                "حول '\u202eعلوم\u202c': لا يغيّر العرض هنا لكن البحث والتدقيق ونظام النشر تراه؛ احذفه")
    turned = _findings("# خبر\n\nقال الوزير \u202dعلوم\u202c اليوم.\n", select=("EC604",))
    assert [(f.severity.label, f.column) for f in turned] == [("warning", 12)]
    assert "يراه القارئ" not in turned[0].message and "يغيّر طريقة عرض" in turned[0].message


def test_fixture_exact_findings() -> None:
    result = Checker(Options(plugins=False, select=("EC604", "EC605"))).check_file(FIXTURE)
    rows = [(f.code, f.severity.label, f.line, f.column, f.match) for f in result.findings]
    assert rows == [
        ("EC604", "warning", 3, 38, "\u202e81\u202c"),
        ("EC605", "warning", 5, 6, "المسؤ\u200bول"),
        ("EC604", "info", 5, 65, "\u2067رسمي\u2069"),
        ("EC605", "warning", 7, 5, "minister\u00ad\u2060s"),
        ("EC604", "info", 7, 49, "\u202c"),
    ]
    override = result.findings[0]
    assert "(يراه القارئ '18')" in override.message
    assert override.fix is not None and not override.fix.safe
    assert [(e.start, e.end, e.replacement) for e in override.fix.edits] == [(override.start, override.start + 1, ""),
                                                                             (override.end - 1, override.end, "")]
    zwsp = result.findings[1]
    assert zwsp.fix is not None and zwsp.fix.safe and len(zwsp.fix.edits) == 1


def test_emoji_zwj_and_rlm_after_a_word_are_not_reported() -> None:
    assert _findings("# خبر\n\nقال الوزير\u200f: إن الحصيلة نهائية \U0001f468\u200d\U0001f469.\n") == []


def test_joiner_fix_is_unsafe() -> None:
    (f,) = _findings("# خبر\n\nقال المسؤ\u200dول إن الخطة جاهزة.\n")
    assert f.code == "EC605" and f.fix is not None and not f.fix.safe


def test_english_override_message() -> None:
    (f,) = _findings("# Story\n\nThe toll rose to \u202e81\u202c people.\n")
    assert f.message == ("Invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING "
                         "changes how '\u202e81\u202c' is displayed (readers see '18'): remove it")
    assert (f.line, f.column) == (3, 18)


def test_unclosed_override_runs_to_the_end_of_the_line() -> None:
    text = "a\u202ebc\r\nd\u2066e\u202af\u2069g\u202c"
    assert list(control_runs(text)) == [(1, 4, "\u202e"), (7, 12, "\u2066"), (9, 12, "\u202a"), (13, 14, "\u202c")]


def test_rules_match_through_invisible_characters() -> None:
    text = "# خبر\n\nوصل الوفد الساعة 9 مسا\u200bءاً.\n\nعاجل\u202c: خبر.\n"
    rows = [(f.code, f.line, f.column, f.match) for f in _findings(text, select=("EC501", "EC301", "EC605"))]
    assert ("EC501", 3, 20, "مسا\u200bءاً") in rows
    assert ("EC605", 3, 20, "مسا\u200bءاً") in rows
    assert ("EC301", 5, 1, "عاجل") in rows


def test_terminal_reports_escape_the_controls() -> None:
    for fmt in ("line", "rich"):
        proc = subprocess.run([sys.executable, "-m", "editcheck", str(FIXTURE), "--format", fmt, "--no-color",
                               "--select", "EC604,EC605"], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert "<U+202E>81<U+202C>" in proc.stdout
        assert "المسؤ<U+200B>ول" in proc.stdout
        for ch in "\u202e\u202c\u2067\u2069\u200b\u00ad\u2060":
            assert ch not in proc.stdout
    line = subprocess.run([sys.executable, "-m", "editcheck", str(FIXTURE), "--format", "line", "--select", "EC604"],
                          capture_output=True, text=True).stdout.splitlines()[0]
    assert line.startswith(f"{FIXTURE}:3:38: warning EC604 ")


def test_docs_are_complete() -> None:
    for code in ("EC604", "EC605"):
        doc = render_rule(code)
        for section in ("What it does", "Why is this bad?", "Example", "Use instead", "Standard"):
            assert f"### {section}" in doc
