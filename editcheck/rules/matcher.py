"""Phrase matching on normalised text with Arabic proclitics and exact original spans.

Many phrases compile into one alternation (longest first), matched once per block. Arabic
terms may carry proclitics (و ف ب ك ل ال لل and their combinations, as in والخبراء,
بالخبراء, للخبراء); terms of three letters or fewer take only و and ال, so that ``سر`` is not
found inside ``كسر`` or ``فسر``. Terms that begin or end in punctuation (``عاجل!``, ``!!``,
``watch:``) match like any other: boundaries are only required next to letters and digits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from editcheck.rules.alternation import trie, word_start
from editcheck.rules.prefilter import PrefilterBuilder, matches_at
from editcheck.text.normalize import NormText, normalize

_AR_LETTERS = regex.compile(r"[\u0621-\u064a]")
_PREFIX_LONG = r"(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"
_PREFIX_SHORT = r"(?:و?(?:ال)?)"
_CLITIC_FIRSTS = "وفبكال"  # letters a proclitic of _PREFIX_LONG/_PREFIX_SHORT may begin with


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: the surface ``term`` and its attributes (severity, position...)."""

    term: str
    data: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        """Attribute ``key`` of the entry (``default`` when absent)."""
        for k, v in self.data:
            if k == key:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: normalised ``[nstart, nend)``, original absolute ``[start, end)``, and the term."""

    start: int
    end: int
    nstart: int
    nend: int
    term: Term


def norm_key(text: str, level: str = "match") -> str:
    """Normalised, space-collapsed form of a lexicon term (the lookup key)."""
    return " ".join(normalize(text, level=level).text.split())


class PhraseMatcher:
    """Find any of many phrases in normalised text.

    ``terms`` are :class:`Term` objects or strings. ``clitics`` allows Arabic proclitics;
    ``suffixes`` are optional endings appended to every term (e.g. ``["ة", "ا"]`` for
    adjectives: تاريخي, تاريخية, تاريخياً); ``level`` is the normalisation level
    (``"spelling"`` keeps hamza and Latin case). Raises ``regex.error`` if a term cannot
    compile (it cannot: terms are escaped).
    """

    def __init__(self, terms: Iterable[Term | str], *, clitics: bool = True, suffixes: Iterable[str] = (),
                 level: str = "match") -> None:
        self.level = level
        self.lookup: dict[str, Term] = {}
        for t in terms:
            term = t if isinstance(t, Term) else Term(t)
            key = norm_key(term.term, level)
            if key:
                self.lookup.setdefault(key, term)
                if clitics and key.startswith("ال") and len(key) > 3:
                    self.lookup.setdefault("لل" + key[2:], term)
        suf = sorted({norm_key(s, level) for s in suffixes if s}, key=lambda s: (-len(s), s))  # stable pattern text
        self._suffix = "(?:" + "|".join(regex.escape(s) for s in suf) + ")?" if suf else ""
        long_terms: list[str] = []
        short_terms: list[str] = []
        plain: list[str] = []
        pre = PrefilterBuilder(literal=True)
        suffix_options = ["", *suf]
        for key in self.lookup:
            if not clitics or not _AR_LETTERS.match(key):
                plain.append(key)
                pre.add(key, word_start=key[0].isalnum(), boundary=key[-1].isalnum(), suffixes=suffix_options,
                        clitics=False)
            else:
                (short_terms if len(key.replace(" ", "")) <= 3 else long_terms).append(key)
                pre.add(key, word_start=True, boundary=True, suffixes=suffix_options)
        #: blocks that contain none of the terms' words are not searched (same hits, faster)
        self.prefilter = pre.build()
        # each alternation is a trie (editcheck.rules.alternation): the matches of the
        # longest-first alternation of the terms, found faster
        parts = []
        if long_terms:
            ws = word_start(long_terms, _CLITIC_FIRSTS)
            parts.append(rf"{ws}(?P<pre>{_PREFIX_LONG})(?P<t>{trie(long_terms)}){self._suffix}(?![\w])")
        if short_terms:
            ws = word_start(short_terms, _CLITIC_FIRSTS)
            parts.append(rf"{ws}(?P<pre2>{_PREFIX_SHORT})(?P<t2>{trie(short_terms)}){self._suffix}(?![\w])")
        if plain:
            # boundaries only next to letters and digits, so "عاجل!" and "watch:" match too;
            # terms that begin with one and terms that do not never match at one position
            tails = {k[-1]: self._suffix + r"(?![\w])" for k in plain if k[-1].isalnum()}
            bounded = [k for k in plain if k[0].isalnum()]
            free = [k for k in plain if not k[0].isalnum()]
            alts = [word_start(bounded) + trie(bounded, tails)] if bounded else []
            if free:
                alts.append(trie(free, tails))
            parts.append(f"(?P<t3>{'|'.join(alts)})")
        self.pattern = regex.compile("|".join(parts) or r"(?!x)x", regex.V0)

    def __bool__(self) -> bool:
        return bool(self.lookup)

    def _term_of(self, text: str) -> Term | None:
        key = " ".join(text.split())
        term = self.lookup.get(key)
        if term is None and self._suffix:
            for n in range(1, 4):
                term = self.lookup.get(key[:-n])
                if term is not None:
                    break
        return term

    def finditer(self, nt: NormText, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Hits in normalised text ``nt`` (optionally only in normalised ``[start, end)``)."""
        text = nt.text
        # a search of the whole block tries the pattern only where a term's word starts
        starts = self.prefilter.starts(nt) if start == 0 and (end is None or end >= len(text)) else None
        if starts is not None:
            matches: Iterable[regex.Match[str]] = matches_at(self.pattern, text, starts)
        elif self.prefilter.may_match(nt):
            matches = self.pattern.finditer(text, start, len(text) if end is None else end)
        else:
            return
        for m in matches:
            groups = m.groupdict()
            for g in ("t", "t2", "t3"):
                if groups.get(g) is not None:
                    s, e = m.span(g)
                    if g != "t3" and self._suffix:
                        e = m.end()
                    break
            else:  # pragma: no cover - the pattern always sets one group
                continue
            term = self._term_of(nt.text[s:e].strip())
            if term is None:
                continue
            os, oe = nt.span(s, e)
            yield Hit(os, oe, s, e, term)
