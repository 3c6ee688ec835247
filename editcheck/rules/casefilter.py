"""Cheap necessary conditions for case-insensitive (``(?i)``) alternations of ASCII words.

:mod:`editcheck.rules.prefilter` compares a block's ``\\w`` runs with a pattern's words as
they are, which is wrong under ``(?i)``: ``Experts`` matches ``(?i)experts``. This module
compares them after a case fold that is provably weaker than ``regex``'s own case-
insensitive matching (version 0, simple case folding, as the patterns are compiled):

* the only characters that match an ASCII letter, digit or ``_`` case-insensitively are
  the ASCII ones, ``İ`` (U+0130, matches ``i``), ``ſ`` (U+017F, ``s``) and ``K`` (U+212A,
  ``k``); ASCII punctuation matches only itself;
* :func:`fold` replaces ``İ`` and ``ſ`` by ``i`` and ``s``, then applies :meth:`str.lower`
  (which maps ``K`` to ``k``). ``str.lower`` of a ``\\w`` character is ``\\w`` characters, and
  that of another character begins and ends with a non-``\\w`` character (checked over every
  code point in the tests), so every ``\\w`` run of a text is folded into a ``\\w`` run of
  :func:`fold` of it.

So when an alternative whose key begins with the ASCII ``\\w`` run ``k1`` matches at the start
of a ``\\w`` run ``R`` (after ``\\m`` or ``(?<![\\w])``, or after ``\\s+``), ``R`` matches ``k1``
character by character and ends where ``k1`` does (a ``(?![\\w])``, ``\\s`` or punctuation
follows in the key), hence ``fold(R) == k1``. A block is searched only when one of the keys'
``k1`` is the fold of one of its runs (:meth:`CaseFilter.may_match`), and, for an
alternation that begins its pattern, only where such a run starts in ``fold(text)``
(:meth:`CaseFilter.starts`: the run is there, at the same offset, when ``fold`` keeps the
length).

By the same facts, a text that :func:`lower_safe` accepts has no character that matches an
ASCII letter case-insensitively but the letter itself, so there a ``(?i)`` pattern of
lower-case ASCII words matches what it matches without ``(?i)`` (often much faster).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from editcheck.rules.prefilter import block_words, lead_word, run_starts
from editcheck.text.normalize import NormText

_WORD_RUN = regex.compile(r"\w+")
#: non-ASCII characters that match an ASCII letter case-insensitively and that
#: :meth:`str.lower` does not map to it
_SPECIAL = (("\u0130", "i"), ("\u017f", "s"))
_ASCII_WORD = regex.compile(r"[A-Za-z0-9_]+")


def fold(text: str) -> str:
    """``text`` with ``İ`` -> ``i``, ``ſ`` -> ``s``, then lower-cased (see the module docstring).
    Same length as ``text`` unless it holds a character that :meth:`str.lower` expands."""
    if text.isascii():
        return text.lower()
    for ch, to in _SPECIAL:
        if ch in text:
            text = text.replace(ch, to)
    return text.lower()


def folded_words(nt: NormText) -> frozenset[str]:
    """:func:`fold` of each distinct ``\\w`` run of ``nt.text`` (cached on ``nt``)."""
    got = nt.derived.get("folded_words")
    if got is None:
        words = block_words(nt)
        # one fold of all runs: they hold no space, and their folds hold none either
        joined = " ".join(words)
        folded = fold(joined)
        got = nt.derived["folded_words"] = words if folded == joined else frozenset(folded.split(" "))
    return got


def lower_safe(text: str) -> bool:
    """True when no character of ``text`` matches an ASCII letter case-insensitively unless
    it is that letter in lower case (no capital, no İ or K, which are capitals, and no ``ſ``):
    there a ``(?i)`` pattern of lower-case ASCII words matches exactly what the same
    pattern without ``(?i)`` matches."""
    return text.islower() and "\u017f" not in text


class CaseFilter:
    """``words``: the leading runs ``k1`` of a case-insensitive alternation's keys, one of
    which a text must contain as a folded ``\\w`` run (see the module docstring) for the
    alternation to match. :meth:`may_match` is False only when nothing can match."""

    __slots__ = ("words",)

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def __repr__(self) -> str:
        return f"CaseFilter({set(self.words)!r})"

    def may_match(self, nt: NormText) -> bool:
        """False when no alternative can match anywhere in ``nt``."""
        return not self.words.isdisjoint(folded_words(nt))

    def may_match_text(self, text: str) -> bool:
        """:meth:`may_match` for a plain string (nothing cached)."""
        return not self.words.isdisjoint(_WORD_RUN.findall(fold(text)))

    def starts(self, nt: NormText) -> list[int] | None:
        """Sorted offsets in ``nt.text`` where a match can begin, for an alternation that
        begins the pattern (``\\m`` or ``(?<![\\w])`` before it): every start of a ``\\w``
        run that folds to one of :attr:`words`, and perhaps a few more offsets (``[]``:
        nothing can match). ``None`` when folding changed the text's length (offsets would
        not correspond): search everywhere."""
        found = self.words.intersection(folded_words(nt))
        if not found:
            return []
        text = fold(nt.text)
        if len(text) != len(nt.text):
            return None
        return run_starts(text, found)


def case_filter(keys: Iterable[str]) -> CaseFilter | None:
    """The :class:`CaseFilter` of an alternation of ``keys`` (tokens separated by single
    spaces, matched as ``\\s+``), or ``None`` when some key does not begin with ASCII
    letters, digits or ``_`` (the fold argument does not cover it: search every block)."""
    words: set[str] = set()
    for key in keys:
        k1 = lead_word(key)
        if not k1 or _ASCII_WORD.fullmatch(k1) is None:
            return None
        words.add(k1.lower())
    return CaseFilter(frozenset(words))
