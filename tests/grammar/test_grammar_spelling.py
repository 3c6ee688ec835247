"""Arabic spelling offline: the curated newsroom list (EC501, always on) and Hunspell with
Debian's hunspell-ar dictionary (EC520 unknown-word, opt-in, info)."""

from __future__ import annotations

import pytest

from editcheck.engine import Checker, FileResult, Options
from editcheck.grammar.hunspell import SpellingUnavailable, load_speller, spelling_key
from editcheck.grammar.settings import SpellingSettings
from editcheck.model import Severity


def rows(result: FileResult, *codes: str) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.match) for f in result.findings if f.code in codes]


def check(text: str, spelling: SpellingSettings | None = None) -> FileResult:
    return Checker(Options(plugins=False, spelling=spelling)).check_text("d.md", text)


def test_ec501_flags_masaa_with_alef_and_accepts_the_correct_forms() -> None:
    res = check("# موعد الوصول\n\nوصل الوفد الساعة العاشرة مساءاً.\n")
    assert rows(res, "EC501") == [("EC501", 3, 26, "مساءاً")]
    [f] = [f for f in res.findings if f.code == "EC501"]
    assert f.family == "spelling" and f.fix is not None and f.fix.edits[0].replacement == "مساءً"
    assert rows(check("# موعد الوصول\n\nوصل الوفد الساعة العاشرة مساءً.\n"), "EC501") == []
    assert rows(check("# تصريح\n\nقال مسؤول في الوزارة ومسئول آخر إن الموعد ثابت.\n"), "EC501") == []


def speller_or_skip():  # type: ignore[no-untyped-def]
    try:
        return load_speller("ar")
    except SpellingUnavailable as exc:
        pytest.skip(f"Hunspell Arabic is not installable here: {exc}")


def test_spelling_key_keeps_fathatan_and_hamza_seats() -> None:
    assert spelling_key("مساءً") == "مساءً"
    assert spelling_key("مـسـؤولٌ") == "مسؤول"
    assert spelling_key("كَتَبَ\u200c") == "كتب"


def test_hunspell_dictionary_accepts_and_rejects() -> None:
    sp = speller_or_skip()
    assert [sp.known(w) for w in ("مساءً", "مسؤول", "مسئول", "والحكومة", "كَتَبَ")] == [True] * 5
    assert [sp.known(w) for w in ("مساءاً", "حكومةة", "إنتخابات")] == [False] * 3
    assert sp.suggest("حكومةة")[0] == "حكومة"


ON = SpellingSettings(enabled=True)


def test_ec520_reports_unknown_words_at_info_with_suggestions() -> None:
    speller_or_skip()
    res = check("# خطة جديدة\n\nأعلنت حكومةة البلاد عن خطة جديدة.\n", ON)
    assert rows(res, "EC520") == [("EC520", 3, 7, "حكومةة")]
    [f] = [f for f in res.findings if f.code == "EC520"]
    assert f.severity is Severity.INFO and f.family == "spelling"
    assert f.message == "'حكومةة' غير موجودة في القاموس العربي (Hunspell): تحقّق من الإملاء"
    assert f.suggestion is not None and f.suggestion.split(" / ")[0] == "حكومة"


def test_ec520_is_quiet_on_correct_copy_names_numbers_latin_and_accepted_words() -> None:
    speller_or_skip()
    text = ("# الرئيس بايدن يزور إسرائيل\n\n"
            "قال الرئيس بايدن إن المسؤول والمسئول وصلا مساءً إلى اسرائيل في 2024 مع وفد من NATO.\n\n"
            "وأكد ترامب (Trump) أن الاجتماع عُقد في الساعة ١٠.\n")
    res = check(text, ON)
    assert rows(res, "EC520") == []


def test_ec520_leaves_ec501_misspellings_to_ec501() -> None:
    speller_or_skip()
    res = check("# موعد الوصول\n\nوصل الوفد الساعة العاشرة مساءاً.\n", ON)
    assert rows(res, "EC501", "EC520") == [("EC501", 3, 26, "مساءاً")]


def test_ec520_is_off_by_default_and_config_accept_words_are_skipped() -> None:
    speller_or_skip()
    text = "# خطة\n\nأعلنت حكومةة البلاد عن خطة جديدة.\n"
    assert rows(check(text), "EC520") == []
    assert rows(check(text, SpellingSettings(enabled=True, accept=("حكومةة",))), "EC520") == []


def test_missing_dictionary_gives_one_notice() -> None:
    checker = Checker(Options(plugins=False, spelling=SpellingSettings(enabled=True, dictionary="xx_NOPE")))
    first = checker.check_text("a.md", "# خطة\n\nأعلنت حكومةة البلاد.\n")
    second = checker.check_text("b.md", "# خطة\n\nأعلنت حكومةة البلاد.\n")
    assert len(first.notices) == 1 and second.notices == []
    assert first.notices[0].startswith("Arabic spelling (EC520) skipped: Hunspell dictionary 'xx_NOPE' not found")
    assert first.notices[0].endswith("apt-get install libhunspell-dev hunspell-ar, then pip install 'editcheck[spell]'")
    assert rows(first, "EC520") == []
