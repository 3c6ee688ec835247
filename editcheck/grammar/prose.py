"""The prose of a draft as one text for LanguageTool, with a map back to the draft.

LanguageTool is sent the prose blocks (headline and headings in the body, standfirst,
paragraphs, quotes, list items, captions) joined by blank lines, with Markdown markup
removed (``**``, ``[``, ``](url)``, ``# ``) and each code span or HTML comment replaced by
one U+FFFC. Front matter, code blocks, HTML blocks, tables, bylines and breadcrumbs are not
sent. Everything else is sent exactly as written: diacritics, tatweel and emoji included.

Offsets: :class:`ProseText` offsets are code points into :attr:`ProseText.text`;
:meth:`ProseText.to_draft` turns them into code-point offsets into the draft
(``Document.text``). LanguageTool itself counts UTF-16 code units (Java strings), so an
emoji or any character outside the Basic Multilingual Plane is 2 units there and 1 code
point here; :class:`Utf16Index` converts between the two.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document

#: Block kinds never sent to LanguageTool.
SKIP_KINDS = frozenset({"code", "html", "table", "front_matter", "byline", "breadcrumb"})
#: Replaces a code span or HTML comment inside a prose block.
PLACEHOLDER = "\ufffc"
#: Put between blocks (LanguageTool treats a blank line as a paragraph break).
SEPARATOR = "\n\n"


class Utf16Index:
    """Converts offsets in ``text`` between code points and UTF-16 code units.

    ``to_utf16(i)`` maps a code-point offset ``0 <= i <= len(text)`` to UTF-16 units;
    ``to_codepoints(u)`` maps UTF-16 units back, rounding an offset that falls inside a
    surrogate pair down to the start of its character. Both are O(log n) after an O(n)
    scan, and O(1) for text without characters above U+FFFF.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        #: code-point offsets of characters above U+FFFF (2 UTF-16 units each)
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        #: their UTF-16 offsets
        self._astral16 = [i + k for k, i in enumerate(self._astral)]

    def to_utf16(self, i: int) -> int:
        """UTF-16 offset of code-point offset ``i``."""
        return i + bisect_left(self._astral, i)

    def to_codepoints(self, u: int) -> int:
        """Code-point offset of UTF-16 offset ``u`` (inside a pair: the pair's start)."""
        # each astral character starting before u takes one unit more than one code point; when
        # u points at its low surrogate, u - k is that character's own code-point offset
        return u - bisect_left(self._astral16, u)

    def utf16_length(self) -> int:
        """Length of the whole text in UTF-16 units."""
        return self.length + len(self._astral)


@dataclass(frozen=True)
class ProseText:
    """Prose of a draft as one string, with the map back to the draft.

    ``text`` is what LanguageTool is sent. ``seg_text[k]`` is the offset in ``text`` where
    segment ``k`` starts; it stands for ``draft[seg_draft[k] : seg_draft[k] + length]``
    (copied verbatim) when ``seg_draft[k] >= 0``; ``-1`` marks a separator or placeholder.
    ``seg_block[k]`` is the index (in :func:`prose_blocks`) of the segment's block.
    All offsets are code points.
    """

    text: str
    seg_text: tuple[int, ...]
    seg_draft: tuple[int, ...]
    seg_block: tuple[int, ...]

    def _segment(self, i: int) -> int:
        return bisect_right(self.seg_text, i) - 1

    def to_draft(self, start: int, end: int) -> tuple[int, int] | None:
        """Draft offsets ``(start, end)`` of ``text[start:end]`` (code points, ``end > start``).

        Returns ``None`` when the span touches a separator or a placeholder (a code span), or
        spans two blocks: such a match is not about prose the author can fix in place.
        """
        if not 0 <= start < end <= len(self.text):
            return None
        a, b = self._segment(start), self._segment(end - 1)
        if self.seg_draft[a] < 0 or self.seg_draft[b] < 0 or self.seg_block[a] != self.seg_block[b]:
            return None
        if any(self.seg_draft[k] < 0 for k in range(a, b + 1)):
            return None
        return (self.seg_draft[a] + start - self.seg_text[a], self.seg_draft[b] + end - 1 - self.seg_text[b] + 1)


def prose_blocks(doc: Document) -> list[Block]:
    """The blocks whose text is sent to LanguageTool (see the module docstring)."""
    fm = doc.fm_range
    out = []
    for b in doc.blocks:
        if b.kind in SKIP_KINDS or b.end <= b.start:
            continue
        if fm is not None and fm[0] <= b.start < fm[1]:
            continue  # the front-matter title: front matter is not prose sent to LanguageTool
        out.append(b)
    return out


def compose(doc: Document) -> ProseText:
    """Build the :class:`ProseText` of ``doc`` from :func:`prose_blocks`."""
    pieces: list[str] = []
    seg_text: list[int] = []
    seg_draft: list[int] = []
    seg_block: list[int] = []
    n = 0

    def add(piece: str, draft: int, block: int) -> None:
        nonlocal n
        if not piece:
            return
        pieces.append(piece)
        seg_text.append(n)
        seg_draft.append(draft)
        seg_block.append(block)
        n += len(piece)

    src = doc.text
    for bi, block in enumerate(prose_blocks(doc)):
        if pieces:
            add(SEPARATOR, -1, -1)
        cuts = sorted([(s, e, "") for s, e in block.drop] + [(s, e, PLACEHOLDER) for s, e in block.mask])
        pos = block.start
        for s, e, repl in cuts:
            s, e = max(s, block.start), min(e, block.end)
            if e <= s:
                continue
            if s > pos:
                add(src[pos:s], pos, bi)
            if repl and e > pos:
                add(repl, -1, bi)
            pos = max(pos, e)
        if pos < block.end:
            add(src[pos:block.end], pos, bi)
    if not pieces:
        return ProseText("", (0,), (-1,), (-1,))
    return ProseText("".join(pieces), tuple(seg_text), tuple(seg_draft), tuple(seg_block))
