"""Offset-keeping normalisation of Arabic and English text for matching.

Rules match on normalised text and report on the original: every normalised character
keeps the offset of the original character it came from, so a match on the normalised
text maps back to an exact original span (code points), with diacritics and tatweel that
trail the last letter included in the span.

Two levels:

* ``"match"`` (default): remove tashkeel (U+064B-U+065F), dagger alef (U+0670), Quranic
  marks, tatweel (U+0640), bidi controls and zero-width characters; fold أ إ آ ٱ to ا and
  ى to ي; Arabic-Indic and Persian digits to ASCII; Arabic ? , ; to ASCII; NFKC for
  presentation forms and full-width characters; collapse a letter written three or more
  times in a row (عااااجل -> عاجل); lower-case Latin letters.
* ``"spelling"``: remove only tashkeel, tatweel and invisible characters, keeping hamza
  seats, alef maqsura and punctuation, so that spelling rules can tell إلى from الى.

``إلى`` is never turned into ``إلا``: only the alef seat is folded (إلى -> الي, إلا -> الا).
pyarabic's ``normalize_alef`` is avoided on purpose (it maps ى to ا).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

#: Marks that attach to the preceding letter: harakat, dagger alef, Quranic marks, tatweel.
ATTACHED = "".join(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640])
#: Invisible format characters: bidi controls, zero-width, BOM, soft hyphen, Arabic letter mark.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c\u00ad\u2060"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

_DEL_RE = re.compile(f"[{re.escape(ATTACHED + INVISIBLE)}]+")
# a letter written three or more times, marks between: ``(L)((?:[marks]*\1){2,})`` written out
# as ``(L)([marks]*\1[marks]*\1(?:[marks]*\1)*)`` (the same matches; ~1.5x faster in ``re``)
_ELONG_RE = re.compile(f"([\u0621-\u064a])([{re.escape(ATTACHED)}]*\\1[{re.escape(ATTACHED)}]*\\1(?:[{re.escape(ATTACHED)}]*\\1)*)")
# characters whose normalised form is more than one character (ligatures, ‼, İ ...)
_EXPAND_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe\u203c\u2047-\u2049\u0130\u00df\ufb00-\ufb06]")


def _match_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for src, dst in (("أإآٱ", "ا"), ("ى", "ي")):
        for ch in src:
            table[ord(ch)] = dst
    for i in range(10):
        table[0x0660 + i] = str(i)
        table[0x06F0 + i] = str(i)
    table.update({ord("٫"): ".", ord("٬"): ",", ord("؟"): "?", ord("⸮"): "?", ord("،"): ",", ord("؛"): ";"})
    table.update({ord(c): "!" for c in "！❗❕¡"})
    table.update({ord(c): "'" for c in "’‘ʼ"})
    table.update({ord(c): " " for c in "\u00a0\u2007\u202f\u2009\u200a\u3000"})
    for cp in range(0x41, 0x5B):
        table[cp] = chr(cp + 32)
    for cp in range(0xC0, 0xDF):
        if cp != 0xD7:
            table[cp] = chr(cp + 32)
    # full-width ASCII
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = unicodedata.normalize("NFKC", chr(cp)).lower()
    return table


_TABLES: dict[str, dict[int, str]] = {
    "match": _match_table(),
    "spelling": {ord(c): " " for c in "\u00a0\u2007\u202f\u2009\u200a\u3000"},
}


def _keys_re(table: dict[int, str]) -> re.Pattern[str] | None:
    """A class of ``table``'s keys when replacing them one by one equals ``str.translate``
    (no value holds a key, so no replacement feeds another), else ``None``."""
    keys = set(table)
    if any(ord(c) in keys for v in table.values() for c in v):
        return None
    return re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(keys)) + "]")


_KEYS_RE = {level: _keys_re(table) for level, table in _TABLES.items()}


def fold(text: str, level: str) -> str:
    """The character folding of ``level`` (``"match"``: hamza seats, alef maqsura, digits,
    Arabic punctuation, Latin case...; ``"spelling"``: odd spaces only), one character for one
    character. A character that is not ``\\w`` (for ``regex``) never folds into one that is
    (``tests/test_text_normalize.py``), so a ``\\w`` run of a text, folded, is at the same
    offsets in the folded text with no ``\\w`` character next to it (``ʼ`` U+02BC, a letter,
    folds into ``'``: a run may split). Raises ``KeyError`` for an unknown level."""
    return _translate(text, level)


def _translate(text: str, level: str) -> str:
    """``text.translate(_TABLES[level])``, faster for non-ASCII text: ``str.translate``
    looks each non-ASCII character up in the table, while most Arabic characters are not
    in it; here only the distinct characters present are replaced."""
    table = _TABLES[level]
    keys = _KEYS_RE[level]
    if keys is None or text.isascii():
        return text.translate(table)
    for c in set(keys.findall(text)):
        text = text.replace(c, table[ord(c)])
    return text


@dataclass(frozen=True, slots=True)
class NormText:
    """Normalised text with a map back to original offsets.

    ``text`` is the normalised string. ``source`` is the full original text and ``base``
    the original offset of the normalised text's first character's segment origin. Offsets
    returned by :meth:`span` are absolute offsets into ``source`` (code points).
    """

    text: str
    source: str
    base: int
    limit: int
    seg_norm: tuple[int, ...]
    seg_orig: tuple[int, ...]
    #: analysis derived from ``text`` and shared by the rules (e.g. the word stems that
    #: :mod:`editcheck.rules.prefilter` computes once per block)
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: the :class:`Stripped` text that ``text`` is the level's :func:`fold` of (character
    #: for character), or ``None`` when the level also removed or expanded characters
    stripped: Stripped | None = field(default=None, compare=False, repr=False)

    def orig(self, i: int) -> int:
        """Absolute original offset of normalised character ``i`` (0 <= i < len(text))."""
        k = bisect_right(self.seg_norm, i) - 1
        return self.seg_orig[k] + (i - self.seg_norm[k])

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised slice ``text[i:j]`` (``j > i``).

        The end is extended over diacritics and tatweel that follow the last character, so
        ``عاجلٌ`` is reported whole.
        """
        start = self.orig(i)
        end = self.orig(j - 1) + 1
        src, limit = self.source, self.limit
        while end < limit and src[end] in ATTACHED:
            end += 1
        return start, end


def _ascii(source: str, start: int, end: int) -> bool:
    """True when ``source[start:end]`` is ASCII: none of :data:`ATTACHED`, :data:`INVISIBLE`,
    the characters that expand (``_EXPAND_RE``) or the Arabic letters can be there, so their
    searches are skipped (``str.isascii`` of an ASCII draft is a flag, no scan; a range that
    begins with another character is not copied)."""
    return source.isascii() or (start < end and source[start] < "\x80" and source[start:end].isascii())


def _removals(src: str, start: int, end: int, elongation: bool, drop: tuple[tuple[int, int], ...],
              mask: tuple[tuple[int, int], ...]) -> list[tuple[int, int, str]]:
    """Absolute ranges to remove from ``src[start:end]`` (with the repeats of elongated
    letters when ``elongation``), merged and sorted; a mask keeps one U+FFFC."""
    out: list[tuple[int, int, str]] = [] if _ascii(src, start, end) else [
        (m.start(), m.end(), "") for m in _DEL_RE.finditer(src, start, end)]
    if elongation:
        for m in _ELONG_RE.finditer(src, start, end):
            out.append((m.start(2), m.end(2), ""))
    for s, e in drop:
        if e > s:
            out.append((max(s, start), min(e, end), ""))
    for s, e in mask:
        if e > s:
            out.append((max(s, start), min(e, end), "\ufffc"))
    out.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, r in out:
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            ps, pe, pr = merged[-1]
            if r and not pr and s == pe:
                merged.append((s, e, r))
                continue
            merged[-1] = (ps, max(pe, e), pr or r)
        else:
            merged.append((s, e, r))
    return merged


@dataclass(frozen=True, slots=True)
class Stripped:
    """``source[start:end]`` without what every level removes (tashkeel, tatweel, invisible
    characters, ``drop`` ranges; ``mask`` ranges as one U+FFFC), before a level's folding.

    ``text`` with the offset map ``seg_norm``/``seg_orig`` (as in :class:`NormText`). The
    ``"match"`` level also collapses elongation; when the range has none, both levels share
    this step (see :func:`normalize`'s ``stripped``).
    """

    text: str
    seg_norm: tuple[int, ...]
    seg_orig: tuple[int, ...]


def _apply(source: str, start: int, end: int, removed: list[tuple[int, int, str]]) -> Stripped:
    """``source[start:end]`` with the merged ``removed`` ranges replaced, and its offset map."""
    if not removed:
        return Stripped(source[start:end], (0,), (start,))
    pieces: list[str] = []
    seg_norm: list[int] = []
    seg_orig: list[int] = []
    pos, n = start, 0
    for s, e, r in removed:
        if s > pos:
            pieces.append(source[pos:s])
            seg_norm.append(n)
            seg_orig.append(pos)
            n += s - pos
        if r:
            pieces.append(r)
            seg_norm.append(n)
            seg_orig.append(s)
            n += 1
        pos = max(pos, e)
    if pos < end or not seg_norm:
        pieces.append(source[pos:end])
        seg_norm.append(n)
        seg_orig.append(pos)
    return Stripped("".join(pieces), tuple(seg_norm), tuple(seg_orig))


def strip(source: str, start: int = 0, end: int | None = None, *, drop: tuple[tuple[int, int], ...] = (),
          mask: tuple[tuple[int, int], ...] = ()) -> Stripped:
    """The level-independent first step of :func:`normalize` for ``source[start:end]``
    (absolute ``drop``/``mask`` ranges as there)."""
    end = len(source) if end is None else end
    return _apply(source, start, end, _removals(source, start, end, False, drop, mask))


def normalize(source: str, start: int = 0, end: int | None = None, *, level: str = "match",
              drop: tuple[tuple[int, int], ...] = (), mask: tuple[tuple[int, int], ...] = (),
              stripped: Stripped | None = None) -> NormText:
    """Normalise ``source[start:end]`` for matching and keep the offset map.

    ``drop`` ranges (absolute offsets) are removed, like markup around prose; ``mask``
    ranges become one U+FFFC each (a non-letter), like code spans. ``level`` is ``"match"``
    or ``"spelling"`` (see the module docstring). ``stripped``: :func:`strip` of the same
    range, ``drop`` and ``mask``, to share that step between levels (the result is the
    same). Raises ``ValueError`` for another level.
    """
    if level not in _TABLES:
        raise ValueError(f"unknown normalisation level {level!r}")
    end = len(source) if end is None else end
    if level == "match" and not _ascii(source, start, end):
        if _EXPAND_RE.search(source, start, end):
            return _slow(source, start, end, level, drop, mask)
        if _ELONG_RE.search(source, start, end):
            stripped = _apply(source, start, end, _removals(source, start, end, True, drop, mask))
    if stripped is None:
        stripped = strip(source, start, end, drop=drop, mask=mask)
    return NormText(_translate(stripped.text, level), source, start, end, stripped.seg_norm, stripped.seg_orig,
                    stripped=stripped)


def _slow(source: str, start: int, end: int, level: str, drop: tuple[tuple[int, int], ...],
          mask: tuple[tuple[int, int], ...]) -> NormText:
    """Per-character path for text containing characters that expand under NFKC."""
    table = _TABLES[level]
    removed = _removals(source, start, end, level == "match", drop, mask)
    chars: list[str] = []
    origin: list[int] = []
    k = 0
    i = start
    while i < end:
        if k < len(removed) and removed[k][0] <= i:
            s, e, r = removed[k]
            if r and i == s:
                chars.append(r)
                origin.append(i)
            i = max(i + 1, e) if i >= s else i
            k += 1
            continue
        ch = source[i]
        out = unicodedata.normalize("NFKC", ch) if _EXPAND_RE.match(ch) else ch
        out = out.translate(table)
        if _EXPAND_RE.match(ch):
            out = out.lower()
        for c in out:
            chars.append(c)
            origin.append(i)
        i += 1
    if not origin:
        return NormText("", source, start, end, (0,), (start,))
    return NormText("".join(chars), source, start, end, tuple(range(len(origin))), tuple(origin))


# runs of letters: counting run lengths makes one match per word instead of one per letter
_ARABIC_LETTERS_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]+")
_LATIN_LETTERS_RE = re.compile("[A-Za-z\u00c0-\u024f]+")


def detect_language(text: str) -> str:
    """Return ``"ar"`` when Arabic letters outnumber Latin letters in ``text``, else ``"en"``.

    An empty or letter-less text is ``"en"``. The Latin letters are counted first; the
    Arabic ones only until they outnumber them (the same decision as counting all).
    """
    if _ARABIC_LETTERS_RE.search(text) is None:  # no Arabic letter: "en" whatever the Latin count
        return "en"
    la = sum(map(len, _LATIN_LETTERS_RE.findall(text)))
    ar = 0
    for m in _ARABIC_LETTERS_RE.finditer(text):
        ar += m.end() - m.start()
        if ar > la:
            return "ar"
    return "en"
