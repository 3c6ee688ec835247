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


_ALPHABET = ["ع", "ا", "ل", "ج", "ـ", "\u064b", "\u0650", "\u0670", "\u200f", "\u200b", "أ", "ى", "٣", "A", "b", " ", "،", "\u00a0", "x"]


def _random_texts(n: int, seed: int) -> list[str]:
    import random

    rnd = random.Random(seed)
    return ["".join(rnd.choice(_ALPHABET) * rnd.choice([1, 1, 1, 2, 3, 4]) for _ in range(rnd.randint(0, 40)))
            for _ in range(n)]


def test_elongation_pattern_equals_the_repeat_form() -> None:
    import re

    from editcheck.text.normalize import _ELONG_RE, ATTACHED

    repeat = re.compile(f"([\u0621-\u064a])((?:[{re.escape(ATTACHED)}]*\\1){{2,}})")
    for text in _random_texts(3000, 3):
        assert [m.span(2) for m in _ELONG_RE.finditer(text)] == [m.span(2) for m in repeat.finditer(text)], text


def test_shared_strip_and_per_character_path_agree() -> None:
    """normalize with and without a shared strip() equals the per-character path, at both
    levels, with drop and mask ranges (the text and the original offset of every character)."""
    import random

    from editcheck.text.normalize import _slow, strip

    rnd = random.Random(9)
    for text in _random_texts(2000, 4):
        n = len(text)
        start = rnd.randint(0, n)
        end = rnd.randint(start, n)
        cuts = sorted(rnd.randint(start, end) for _ in range(4))
        drop = ((cuts[0], cuts[1]),) if rnd.random() < 0.5 else ()
        mask = ((cuts[2], cuts[3]),) if rnd.random() < 0.3 else ()
        shared = strip(text, start, end, drop=drop, mask=mask)
        for level in ("match", "spelling"):
            ref = _slow(text, start, end, level, drop, mask)
            for nt in (normalize(text, start, end, level=level, drop=drop, mask=mask),
                       normalize(text, start, end, level=level, drop=drop, mask=mask, stripped=shared)):
                assert nt.text == ref.text, (text, level)
                assert [nt.orig(i) for i in range(len(nt.text))] == [ref.orig(i) for i in range(len(ref.text))], (text, level)


def test_language_counts_letters_by_runs() -> None:
    """detect_language counts letters as the total length of letter runs: the same counts
    as one match per letter, on random mixes of Arabic, Latin and other characters."""
    import random
    import re

    from editcheck.text import normalize as n

    one_ar = re.compile(n._ARABIC_LETTERS_RE.pattern[:-1])
    one_la = re.compile(n._LATIN_LETTERS_RE.pattern[:-1])
    rnd = random.Random(2)
    pool = list("قال الوزير ﻻ ﷲ The minister éÀɏ 3٣ ،.!\n") + ["\u064b", "\u0640", "\u200f"]
    for _ in range(3000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 30)))
        ar, la = len(one_ar.findall(text)), len(one_la.findall(text))
        assert sum(map(len, n._ARABIC_LETTERS_RE.findall(text))) == ar
        assert sum(map(len, n._LATIN_LETTERS_RE.findall(text))) == la
        assert detect_language(text) == ("ar" if ar > la else "en")
    # longer texts near a tie: the Arabic count stops early only once it wins
    for _ in range(2000):
        k = rnd.randint(0, 60)
        text = "".join(rnd.choice("قالوزير ") for _ in range(k)) + "".join(rnd.choice("The mini ") for _ in range(k))
        text = "".join(rnd.sample(text, len(text)))
        ar, la = len(one_ar.findall(text)), len(one_la.findall(text))
        assert detect_language(text) == ("ar" if ar > la else "en")



def test_ascii_ranges_skip_searches_that_cannot_match() -> None:
    """normalize and strip skip the removal, expansion and elongation searches on ASCII
    ranges: no ASCII character is one they look for, and the results are those of the
    searches on random ASCII ranges (of ASCII and non-ASCII texts)."""
    import random

    from editcheck.text import normalize as n

    for cp in range(128):
        c = chr(cp)
        assert n._DEL_RE.search(c) is None and n._EXPAND_RE.search(c) is None, cp
        assert not "\u0621" <= c <= "\u064a", cp
    rnd = random.Random(3)
    pool = list("Hello World said O'Neil `code` *x* [a](b) 1,000 ?! \t\n")
    skip = n._ascii
    for _ in range(1000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 40)))
        tail = rnd.choice(["", "\u00a3", "\u064b\u0640"])
        source = text + tail
        drop = tuple(sorted((s, s + rnd.randint(0, 3)) for s in rnd.sample(range(len(text) + 1), min(2, len(text) + 1))))
        for level in ("match", "spelling"):
            got = normalize(source, 0, len(text), level=level, drop=drop)
            try:
                n._ascii = lambda source, start, end: False  # type: ignore[assignment]
                ref = normalize(source, 0, len(text), level=level, drop=drop)
            finally:
                n._ascii = skip  # type: ignore[assignment]
            assert (got.text, got.seg_norm, got.seg_orig) == (ref.text, ref.seg_norm, ref.seg_orig), (source, level)
