"""Phrase matching on normalised text with proclitics (the mechanism every rule stands on)."""

from __future__ import annotations

from editcheck.rules.matcher import PhraseMatcher, Term
from editcheck.text.normalize import normalize


def _hits(terms: list[str | Term], text: str, level: str = "match", **kw: object) -> list[str]:
    m = PhraseMatcher(terms, level=level, **kw)  # type: ignore[arg-type]
    return [text[h.start:h.end] for h in m.finditer(normalize(text, level=level))]


def test_clitics_diacritics_and_tatweel() -> None:
    text = "قال والخبراء وللخبراء وبالخبراء خُبَراء والخبـــراء"
    # the definite term needs its article; the proclitic itself is not part of the span
    assert _hits(["الخبراء"], text) == ["الخبراء", "للخبراء", "الخبراء", "الخبـــراء"]
    assert _hits(["خبراء"], text) == ["خبراء", "خبراء", "خبراء", "خُبَراء", "خبـــراء"]


def test_short_terms_take_only_waw_and_al() -> None:
    assert _hits(["سر"], "كسر وفسر السر وسر") == ["سر", "سر"]


def test_terms_ending_in_punctuation_match() -> None:
    assert _hits(["عاجل!", "!!", "؟!"], "قال عاجل! ثم !! ثم ؟!") == ["عاجل!", "!!", "؟!"]


def test_word_boundaries_and_longest_first() -> None:
    assert _hits(["مصدر", "مصدر مطلع"], "قال مصدر مطلع ومصدرها") == ["مصدر مطلع"]
    assert _hits(["historic"], "Historic, prehistoric and historical") == ["Historic"]


def test_suffixes_for_adjectives() -> None:
    assert _hits(["تاريخي"], "لقاء تاريخياً وقمة تاريخية", suffixes=["ا", "ة"]) == ["تاريخياً", "تاريخية"]


def test_spelling_level_keeps_hamza() -> None:
    assert _hits(["إنتخابات"], "الانتخابات والإنتخابات", level="spelling") == ["إنتخابات"]
