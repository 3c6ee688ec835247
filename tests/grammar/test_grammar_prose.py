"""The prose text sent to LanguageTool and its map back to the draft; UTF-16 conversion."""

from __future__ import annotations

from editcheck.document.loader import parse_text
from editcheck.grammar.prose import PLACEHOLDER, Utf16Index, compose


def test_utf16_index_round_trip_around_emoji() -> None:
    idx = Utf16Index("a😀b😀c")
    assert [idx.to_utf16(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    # a UTF-16 offset inside a surrogate pair rounds down to the emoji itself
    assert [idx.to_codepoints(u) for u in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]
    assert idx.utf16_length() == 7
    plain = Utf16Index("مرحبا")
    assert plain.to_utf16(5) == 5 and plain.to_codepoints(5) == 5


DRAFT = (
    "---\ntitle: عنوان في المقدمة\nsources: [وكالة]\n---\n"
    "# العنوان الرئيسي\n\n"
    "وَصَلَ الوفد 😀 **الساعة** العاشرة [رابط](http://x) و`code` هنا.\n\n"
    "```\nكود لا يرسل\n```\n"
)


def test_compose_drops_markup_front_matter_and_code_blocks() -> None:
    doc = parse_text("d.md", DRAFT, "auto")
    prose = compose(doc)
    assert prose.text == f"العنوان الرئيسي\n\nوَصَلَ الوفد 😀 الساعة العاشرة رابط و{PLACEHOLDER} هنا."
    assert "عنوان في المقدمة" not in prose.text and "كود" not in prose.text


def test_compose_maps_every_word_back_to_its_original_span() -> None:
    doc = parse_text("d.md", DRAFT, "auto")
    prose = compose(doc)
    for word in ("العنوان", "وَصَلَ", "😀", "الساعة", "العاشرة", "رابط", "هنا"):
        i = prose.text.index(word)
        span = prose.to_draft(i, i + len(word))
        assert span is not None and DRAFT[span[0]:span[1]] == word, word
    # a span over dropped markup keeps the markup inside it in the draft
    i = prose.text.index("😀 الساعة")
    s, e = prose.to_draft(i, i + len("😀 الساعة"))  # type: ignore[misc]
    assert DRAFT[s:e] == "😀 **الساعة"


def test_spans_touching_a_code_span_or_two_blocks_are_not_mapped() -> None:
    doc = parse_text("d.md", DRAFT, "auto")
    prose = compose(doc)
    p = prose.text.index(PLACEHOLDER)
    assert prose.to_draft(p - 1, p + 1) is None
    assert prose.to_draft(prose.text.index("الرئيسي"), prose.text.index("وَصَلَ") + 2) is None
    assert prose.to_draft(3, 3) is None and prose.to_draft(0, len(prose.text) + 1) is None


def test_empty_draft_composes_to_empty_text() -> None:
    prose = compose(parse_text("d.md", "", "auto"))
    assert prose.text == "" and prose.to_draft(0, 1) is None
