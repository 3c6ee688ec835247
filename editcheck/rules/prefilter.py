"""Cheap necessary conditions that let a phrase alternation skip a block it cannot match.

The phrase alternations (:class:`~editcheck.rules.matcher.PhraseMatcher`, the people
patterns) begin every alternative with ``(?<![\\w])`` and an optional Arabic proclitic, which
stops ``regex`` from using a literal prefilter: it tries the alternation at every word of
every block although most blocks contain none of the words. This module states, for an
alternative, the word a block must contain for it to match, so a block is only searched
when one of them is there. The regular expression itself still decides every match, so
skipping changes nothing: a block is skipped only when no alternative can match in it.

The reasoning: an alternative that begins at a word start with proclitic ``P`` and literal
``k`` (Arabic letters and ``k``'s first character are ``\\w``) covers the text's ``\\w`` run
``R`` there from its start. If ``k`` has a non-``\\w`` character after its leading ``\\w`` run
``k1``, then ``R == P + k1``; if ``k`` is all ``\\w`` and a ``(?![\\w])`` boundary follows
``k`` + suffix ``S``, then ``R == P + k + lead(S)`` (``lead``: the leading ``\\w`` run). So
``R`` minus a proclitic is in the alternative's *stems*. Alternatives the argument does not
cover (no leading boundary, no trailing boundary) are checked by substring instead.
:func:`text_stems` lists every ``\\w`` run of a text with each proclitic stripped.
Alternatives with no proclitic in their pattern (``clitics=False``) need ``R`` itself in
their stems.

The test runs the other way round, which is cheaper: a prefilter expands its stems once
into every ``\\w`` run that strips to one of them (each stem after each proclitic, see
:attr:`Prefilter.words`), so a block only needs the set of its ``\\w`` runs
(:func:`block_words`, computed once per block and level), and each prefilter tests it with
one set intersection. ``\\w`` is always ``regex``'s own, as in the patterns.

The same argument says *where* a covered alternative can match: only at the start of a
``\\w`` run of the block that is one of those words. When every alternative is covered,
:meth:`Prefilter.starts` lists these offsets and :func:`matches_at` tries the pattern there
only, instead of at every word of the block (:meth:`regex.Pattern.finditer`), with the same
matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

from editcheck.text.normalize import NormText

_WORD_RUN = regex.compile(r"\w+")
#: an ASCII text's ``\w`` runs are its ``[A-Za-z0-9_]`` runs (``regex``'s ``\w`` on ASCII,
#: checked in the tests): with every other ASCII character made a space, its ``split()``
#: (~2.5x faster than ``findall``)
_ASCII_NON_WORD = str.maketrans({c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})
_WORD_CHAR = regex.compile(r"\w")
#: in :func:`ascii_runs`' text, the ``\\w`` run after the spaces at an offset
_NEXT_RUN = re.compile(r" +([A-Za-z0-9_]+)")

#: every string the proclitic groups of the matcher and people patterns can match
#: (``[وف]?(?:[بك]?ال|لل|[بكل])?``, which also covers ``[وفبل]?(?:ال)?`` and ``و?(?:ال)?``)
PROCLITICS: tuple[str, ...] = tuple(sorted(
    {c + g for c in ("", "و", "ف") for g in ("", "بال", "كال", "ال", "لل", "ب", "ك", "ل")} - {""}))
_FIRSTS = frozenset(p[0] for p in PROCLITICS)


def lead_word(s: str) -> str:
    """The leading ``\\w`` run of ``s`` (``""`` when ``s`` starts with another character)."""
    m = _WORD_RUN.match(s)
    return m.group() if m else ""


@lru_cache(maxsize=1 << 14)
def _stems_of(run: str) -> tuple[str, ...]:
    """``run`` without each proclitic of :data:`PROCLITICS` it starts with (non-empty rests)."""
    if run[0] not in _FIRSTS:
        return ()
    out: list[str] = []
    bases = (run, run[1:]) if run[0] in "وف" else (run,)
    for base in bases:
        if base is not run:
            if not base:
                break
            out.append(base)
        n = len(base)
        if n > 3 and base[1:3] == "ال" and base[0] in "بك":
            out.append(base[3:])
        if n > 2 and base[:2] in ("ال", "لل"):
            out.append(base[2:])
        if n > 1 and base[0] in "بكل":
            out.append(base[1:])
    return tuple(out)


def text_stems(text: str) -> frozenset[str]:
    """Every ``\\w`` run of ``text``, also with each possible proclitic stripped (the
    definition :meth:`Prefilter.may_match` implements through :attr:`Prefilter.words`)."""
    runs = set(_WORD_RUN.findall(text))
    return frozenset(runs.union(*map(_stems_of, runs)))


#: punctuation often glued to a word (none of it is ``\\w``, see :func:`word_runs`)
_EDGE_PUNCT = ".,:;!?\"'()[]«»“”‘’-–—%،؛؟"


def word_runs(text: str) -> frozenset[str]:
    """The distinct ``\\w`` runs of ``text``: ``frozenset(_WORD_RUN.findall(text))``, faster.

    A ``\\w`` run never spans white space (no ``str.isspace`` character is ``\\w``), so the
    runs are those of each ``str.split`` token; a token that is all letters or all decimal
    digits (``\\w`` for ``regex``), once the non-``\\w`` punctuation :data:`_EDGE_PUNCT` is
    stripped from its ends, is one run; only the other tokens are searched with
    ``_WORD_RUN``. An ASCII text is simply split at its non-``[A-Za-z0-9_]`` characters
    (:data:`_ASCII_NON_WORD`). ``tests/rules/test_prefilter.py`` checks these character facts
    for every code point against the installed ``regex``."""
    if text.isascii():
        return frozenset(text.translate(_ASCII_NON_WORD).split())
    out: set[str] = set()
    add = out.add
    for tok in text.split():
        if tok.isalpha():
            add(tok)
            continue
        core = tok.strip(_EDGE_PUNCT)
        if core.isalpha() or core.isdecimal():
            add(core)
        elif core:
            out.update(_WORD_RUN.findall(core))
    return frozenset(out)


def run_starts(text: str, words: Iterable[str]) -> list[int]:
    """Sorted offsets (code points) in ``text`` where one of ``words`` (each all ``\\w``)
    occurs and is not inside a longer run of letters, decimal digits or ``_`` (all ``\\w``;
    another ``\\w`` character next to it, e.g. a mark, only leaves an offset tried in vain)."""
    find = text.find
    n = len(text)
    out: list[int] = []
    for word in words:
        k = len(word)
        i = find(word)
        while i >= 0:
            j = i + k
            if not ((i and ((c := text[i - 1]).isalpha() or c.isdecimal() or c == "_"))
                    or (j < n and ((c := text[j]).isalpha() or c.isdecimal() or c == "_"))):
                out.append(i)
            i = find(word, j)  # a run never starts inside an occurrence: it is all \w
    out.sort()
    return out


def block_words(nt: NormText) -> frozenset[str]:
    """The distinct ``\\w`` runs of ``nt.text`` (:func:`word_runs`, cached on ``nt``).

    For an ASCII text, also caches its :func:`ascii_runs` (the split is made from it)."""
    got = nt.derived.get("words")
    if got is None:
        text = nt.text
        if text.isascii():
            got = frozenset(ascii_runs(nt).split())
        else:
            got = word_runs(text)
        nt.derived["words"] = got
    return got


def ascii_runs(nt: NormText) -> str:
    """For an ASCII ``nt.text``: the text with every character other than ``[A-Za-z0-9_]``
    (not ``\\w``) made a space, between two more spaces, so that ``" " + w + " "`` occurs at
    offset ``i`` exactly where a whole ``\\w`` run ``w`` begins at offset ``i`` of the text
    (cached on ``nt``). Only for ASCII texts: other characters are kept as they are."""
    got = nt.derived.get("ascii_runs")
    if got is None:
        got = nt.derived["ascii_runs"] = f" {nt.text.translate(_ASCII_NON_WORD)} "
    return got


#: a stem's own run first, then the stem after every proclitic
_ALL_PROCLITICS = ("", *PROCLITICS)
#: :attr:`Prefilter.words` of each set of stems built so far in this process
_EXPANDED: dict[frozenset[str], frozenset[str]] = {}


class Prefilter:
    """``stems``: words one of which a block must contain (after proclitic stripping) for a
    covered alternative to match; ``bare``: words one of which a block must contain as they
    are, for alternatives with no proclitic; ``substrings``: literals one of which must
    occur in the text for the other alternatives. :meth:`may_match` is False only when
    nothing can match.
    """

    __slots__ = ("stems", "substrings", "bare", "follow", "_words")

    def __init__(self, stems: frozenset[str], substrings: tuple[str, ...], bare: frozenset[str] = frozenset(),
                 follow: dict[str, frozenset[str]] | None = None) -> None:
        self.stems = stems
        self.substrings = substrings
        self.bare = bare
        #: for a word of :attr:`stems` or :attr:`bare` (as it is, no proclitic): the ``\\w``
        #: runs one of which must come next in the text for any alternative to match there
        #: (a word absent from it: anything may follow); see :meth:`PrefilterBuilder.add`
        self.follow = follow or {}
        self._words: frozenset[str] | None = None

    def __reduce__(self) -> tuple[type[Prefilter], tuple[frozenset[str], tuple[str, ...], frozenset[str],
                                                         dict[str, frozenset[str]]]]:
        # :attr:`words` is rebuilt on first use: cheaper than unpickling it
        return Prefilter, (self.stems, self.substrings, self.bare, self.follow)

    def __repr__(self) -> str:
        return f"Prefilter(stems={set(self.stems)!r}, substrings={self.substrings!r}, bare={set(self.bare)!r})"

    @property
    def words(self) -> frozenset[str]:
        """Every ``\\w`` run a match of a covered alternative can begin with: each of
        :attr:`bare`, and each of :attr:`stems` as it is and after each of
        :data:`PROCLITICS` (``stems`` x 24 strings, built on first use)."""
        got = self._words
        if got is None:
            expanded = _EXPANDED.get(self.stems)
            if expanded is None:  # matchers over one lexicon list share the work
                expanded = _EXPANDED[self.stems] = frozenset([p + s for s in self.stems if s for p in _ALL_PROCLITICS])
            got = self._words = expanded.union(self.bare) if self.bare else expanded
        return got

    def may_match(self, nt: NormText) -> bool:
        """False when no alternative can match anywhere in ``nt``."""
        if self.substrings:
            text = nt.text
            if any(s in text for s in self.substrings):
                return True
        return not self.words.isdisjoint(block_words(nt))

    def starts(self, nt: NormText) -> list[int] | None:
        """Sorted offsets in ``nt.text`` where a match can begin: every start of a whole
        ``\\w`` run of the block that is in :attr:`words`, and perhaps a few more offsets
        (``[]``: nothing can match). ``None`` when some alternative is not covered
        (:attr:`substrings`): search everywhere.

        Only for a prefilter whose alternatives begin the pattern (as
        :class:`~editcheck.rules.matcher.PhraseMatcher` builds them): a prefilter of words
        further inside a pattern (e.g. a name's nisba after a title) says nothing about
        where its matches begin, only :meth:`may_match` holds for it."""
        if self.substrings:
            return None
        found = self.words.intersection(block_words(nt))
        if not found:
            return []
        text = nt.text
        out: list[int] = []
        if text.isascii():
            # whole runs only, found directly: no neighbour checks, no occurrence inside a word
            runs = ascii_runs(nt)
            find = runs.find
            follow = self.follow
            for word in found:
                key = f" {word} "
                k = len(word) + 1
                nexts = follow.get(word)
                i = find(key)
                while i >= 0:
                    if nexts is None:
                        out.append(i)
                    else:  # the run after this one must be one of ``nexts``
                        m = _NEXT_RUN.match(runs, i + k)
                        if m is not None and m.group(1) in nexts:
                            out.append(i)
                    i = find(key, i + k)  # the next run can begin at this one's closing space
            out.sort()
            return out
        return run_starts(text, found)

    def may_match_text(self, text: str) -> bool:
        """:meth:`may_match` for a plain string (nothing cached)."""
        if self.substrings and any(s in text for s in self.substrings):
            return True
        return not self.words.isdisjoint(_WORD_RUN.findall(text))


class PrefilterBuilder:
    """Collect alternatives (see the module docstring) and build a :class:`Prefilter`."""

    def __init__(self, *, literal: bool = False) -> None:
        """``literal``: each key added is the literal text its alternative begins with
        (spaces matched as ``\\s+``, as :class:`~editcheck.rules.matcher.PhraseMatcher`
        builds them), so the prefilter also knows which run may follow a key's first run
        (:attr:`Prefilter.follow`)."""
        self.literal = literal
        self.stems: set[str] = set()
        self.bare: set[str] = set()
        self.substrings: set[str] = set()
        #: per first run, the runs that may follow it (``None``: anything)
        self.follow: dict[str, set[str] | None] = {}

    def _follows(self, first: str, nexts: set[str] | None) -> None:
        if not self.literal:
            return
        if nexts is None or self.follow.get(first, set()) is None:
            self.follow[first] = None
        else:
            self.follow.setdefault(first, set()).update(nexts)

    def add(self, key: str, *, word_start: bool, boundary: bool, suffixes: Iterable[str] = ("",),
            clitics: bool = True) -> None:
        """Add the alternative for literal ``key`` (tokens separated by single spaces, matched
        as ``\\s+``). ``word_start``: the alternative begins with ``(?<![\\w])`` (after which
        only proclitic letters may come before ``key``); ``boundary``: ``(?![\\w])`` follows
        ``key`` + one of ``suffixes`` (``""`` for none); ``clitics=False``: no proclitic may
        come before ``key`` (the pattern has none), so the block's word is the stem itself."""
        first = key.split(" ", 1)[0]
        k1 = lead_word(key)
        stems = self.stems if clitics else self.bare
        if not key or not word_start or not k1:
            self.substrings.add(first or key)
        elif k1 != key:
            stems.add(k1)
            # ``key`` goes on after ``k1`` with non-\\w characters, then perhaps its second run
            # ``k2``: the text's next run is ``k2`` when more of ``key`` follows ``k2`` (a
            # non-\\w character), or ``k2`` + a suffix's lead when a boundary ends ``key``
            rest = key[len(k1):]
            k2 = _WORD_RUN.search(rest)
            if k2 is None:
                self._follows(k1, None)
            elif k2.end() < len(rest):
                self._follows(k1, {k2.group()})
            elif boundary:
                self._follows(k1, {k2.group() + lead_word(s) for s in suffixes})
            else:
                self._follows(k1, None)
        elif boundary:
            for s in suffixes:
                self._follows(key + lead_word(s), None)
            stems.update(key + lead_word(s) for s in suffixes)
        else:
            self.substrings.add(first)

    def add_any(self, literal: str) -> None:
        """An alternative that needs ``literal`` somewhere in the text."""
        self.substrings.add(literal)

    def build(self) -> Prefilter:
        """The prefilter for every alternative added."""
        # a substring that another one contains is implied by it: keep the shortest ones
        subs = sorted(self.substrings, key=len)
        kept: list[str] = []
        for s in subs:
            if not any(k in s for k in kept):
                kept.append(s)
        follow = {w: frozenset(n) for w, n in self.follow.items() if n is not None}
        return Prefilter(frozenset(self.stems), tuple(kept), frozenset(self.bare), follow)


def is_word_char(ch: str) -> bool:
    """True when ``ch`` is ``\\w`` for ``regex``."""
    return _WORD_CHAR.match(ch) is not None


def matches_at(pattern: regex.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text)`` yields when every match of ``pattern`` begins at one of
    the sorted offsets ``starts`` (:meth:`Prefilter.starts`) and none is empty: the pattern is
    tried at each offset from the end of the previous match on (lookbehinds and ``\\m``
    still see the text before the offset)."""
    pos = 0
    for i in starts:
        if i >= pos:
            m = pattern.match(text, i)
            if m is not None:
                yield m
                pos = m.end()
