"""The real published article and the shared drafts (../shared/examples, EXPECTED.md)."""

from __future__ import annotations

from pathlib import Path

from ectest import checker

from editcheck.model import Severity


def _rows(path: Path, min_sev: Severity = Severity.INFO) -> list[tuple[str, int, int, str]]:
    res = checker().check_file(path)
    assert res.error is None
    return [(f.code, f.line, f.column, f.match) for f in res.findings if f.severity >= min_sev]


HEADLINE = "عاجل: تحالف أمني استراتيجي.. السعودية وكازاخستان تتفقان على خطة أمنية مشتركة لمكافحة المخدرات والجريمة!"

SEED_ROWS = [
    ("EC602", 1, 1, "الرئيسية / شؤون محلية /"),  # breadcrumb residue
    ("EC301", 1, 25, "عاجل"),  # urgency label inside the breadcrumb copy
    ("EC101", 1, 31, HEADLINE[6:]),  # headline repeated in the breadcrumb
    ("EC301", 2, 1, "عاجل"),  # urgency label in the headline
    ("EC302", 2, 103, "!"),  # exclamation mark in the headline
    ("EC301", 4, 1, "عاجل"),
    ("EC101", 4, 1, HEADLINE),  # headline pasted again as a paragraph
    ("EC603", 6, 6, "verified icon"),
    ("EC501", 6, 61, "مساءاً"),
    ("EC403", 8, 70, "12 مسؤولاً"),
    ("EC403", 8, 172, "9000 كيلومتر"),
    ("EC203", 10, 235, "اللواء أحمد المحلل الأمني"),
    ("EC403", 10, 383, "200 سنة"),
    ("EC203", 12, 165, "د. محمد الاستراتيجي"),
    ("EC201", 12, 350, "الخبراء يتوقعون"),
    ("EC202", 14, 157, "أحد المرافقين"),
    ("EC203", 16, 146, "الدبلوماسي السابق خالد التحليلي"),
    ("EC601", 18, 1, "شارك الخبر"),
]


def test_seed_article_reports_every_expected_row(examples: Path) -> None:
    got = _rows(examples / "seed-article.txt")
    for row in SEED_ROWS:
        assert row in got, row
    # the whole-file missing-sources finding, at the headline
    assert ("EC401", 2, 1, HEADLINE) in got
    # hype words on lines 2, 8 and 14
    hype = {(line, match) for code, line, _c, match in got if code == "EC304"}
    for line, word in ((2, "استراتيجي"), (8, "مفصلي"), (8, "تاريخياً"), (8, "نادر"), (8, "يعيد تعريف"),
                       (14, "استثنائي"), (14, "مهيب")):
        assert (line, word) in hype, (line, word)
    closing = [r for r in got if r[0] == "EC306"]
    assert closing and closing[0][1:3] == (16, 281) and closing[0][3].startswith("السؤال الذي يطرح نفسه الآن: هل")


def test_seed_article_flags_every_expected_line(examples: Path) -> None:
    lines = {line for _code, line, _c, _m in _rows(examples / "seed-article.txt")}
    assert {1, 2, 4, 6, 8, 10, 12, 14, 16, 18} <= lines


def test_named_officials_are_not_flagged(examples: Path) -> None:
    got = _rows(examples / "seed-article.txt")
    people = [m for code, line, _c, m in got if code in ("EC201", "EC202", "EC203") and line == 10]
    assert people == ["اللواء أحمد المحلل الأمني"]
    for name in ("محمد البسامي", "محمد القرني", "عبدالعزيز بن محمد"):
        assert not any(name in m for _code, _l, _c, m in got)


def test_seed_draft_markdown_shifted_lines_and_empty_sources(examples: Path) -> None:
    got = _rows(examples / "seed-draft.md")
    shifted = {1: None, 2: 9, 4: 11, 6: 13, 8: 15, 10: 17, 12: 19, 14: 21, 16: 23, 18: 25}
    for code, line, col, match in SEED_ROWS:
        new = shifted[line]
        if new is None:
            continue
        if code == "EC301" and line == 2:
            col = 3  # after "# "
        if code == "EC302":
            col = 105
        assert (code, new, col, match) in got, (code, new, col, match)
    assert ("EC402", 6, 10, "[]") in got
    assert any(r[0] == "EC401" for r in got)
    # the front-matter title repeating the "#" heading is normal
    assert not any(r[0] == "EC101" and r[1] in (2, 9) for r in got)
    assert [r for r in got if r[0] == "EC101"] == [("EC101", 11, 1, HEADLINE)]


def test_clean_drafts_have_no_warning_or_error(examples: Path) -> None:
    for name in ("clean-draft.md", "clean-draft-en.md"):
        assert _rows(examples / name, Severity.WARNING) == [], name


def test_dirty_english_draft(examples: Path) -> None:
    got = _rows(examples / "dirty-draft-en.md")
    expected = [
        ("EC301", 1, 3, "BREAKING"),
        ("EC302", 1, 11, "!!!"),
        ("EC308", 1, 34, "CHANGE"),
        ("EC101", 3, 1, "BREAKING!!! Security pact will CHANGE the region forever"),
        ("EC304", 5, 6, "historic"),
        ("EC304", 5, 16, "game-changing"),
        ("EC304", 5, 75, "unprecedented"),
        ("EC403", 5, 45, "12 senior officials"),
        ("EC403", 5, 107, "9,000 kilometres"),
        ("EC203", 7, 56, "security analyst Ahmed"),
        ("EC403", 7, 122, "200 years"),
        ("EC201", 9, 1, "Experts expect"),
        ("EC202", 9, 70, "Sources say"),
        ("EC203", 11, 1, "Dr. Mohammed Strategist"),
        ("EC306", 13, 1, "The question now is: will this become the model for the whole world?"),
        ("EC601", 15, 1, "Share this story"),
    ]
    for row in expected:
        assert row in got, row
    assert any(r[0] == "EC401" for r in got)
