"""Offset-keeping Arabic normalisation."""

from __future__ import annotations

from editcheck.text.normalize import detect_language, normalize


def _find(src: str, needle: str) -> str:
    nt = normalize(src)
    i = nt.text.index(needle)
    s, e = nt.span(i, i + len(needle))
    return src[s:e]


def test_diacritics_and_tatweel_map_back_to_the_original_span() -> None:
    src = "قال إن عـــاجـل و عاجِلٌ"
    nt = normalize(src)
    assert nt.text == "قال ان عاجل و عاجل"
    assert _find(src, "عاجل") == "عـــاجـل"
    i = nt.text.rindex("عاجل")
    s, e = nt.span(i, i + 4)
    assert src[s:e] == "عاجِلٌ"  # trailing tanween included


def test_alef_seats_fold_but_ila_never_becomes_illa() -> None:
    assert normalize("إلى").text == "الي"
    assert normalize("إلا").text == "الا"
    assert normalize("إلى").text != normalize("إلا").text
    assert normalize("أحمد آمن ٱلكتاب").text == "احمد امن الكتاب"


def test_digits_and_punctuation_fold() -> None:
    assert normalize("٢٠٢٥ ۱۲ ؟ ،").text == "2025 12 ? ,"


def test_invisible_characters_are_matched_through() -> None:
    src = "خب\u200cراء \u202bعاجل\u202c"
    nt = normalize(src)
    assert nt.text == "خبراء عاجل"
    assert _find(src, "خبراء") == "خب\u200cراء"


def test_elongation_collapses() -> None:
    src = "عااااجل"
    assert normalize(src).text == "عاجل"
    assert _find(src, "عاجل") == src


def test_presentation_forms_and_ligatures() -> None:
    src = "ﻻ ﺧﺒﺮاء"
    nt = normalize(src)
    assert nt.text == "لا خبراء"
    assert _find(src, "خبراء") == "ﺧﺒﺮاء"


def test_spelling_level_keeps_hamza_and_maqsura() -> None:
    assert normalize("مساءً إلى", level="spelling").text == "مساء إلى"
    assert normalize("مساءاً", level="spelling").text == "مساءا"


def test_language_detection() -> None:
    assert detect_language("قال الوزير إن الخطة جاهزة") == "ar"
    assert detect_language("The minister said the plan was ready") == "en"
    assert detect_language("") == "en"


def test_translate_fast_path_equals_str_translate() -> None:
    import random

    from editcheck.text.normalize import _TABLES, _translate

    rng = random.Random(11)
    alphabet = [chr(k) for k in _TABLES["match"]] + ["a", "ب", "ي", " ", "\u00a0", "é", "’"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for level, table in _TABLES.items():
            assert _translate(text, level) == text.translate(table)
