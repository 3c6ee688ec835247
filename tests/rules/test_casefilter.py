"""The case-insensitive prefilter only rules out texts in which the English people patterns
cannot match (``regex``'s case folding checked over every code point), and the offsets it
gives hold every match."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import regex
from ectest import checker

from editcheck.analysis import people
from editcheck.document.loader import parse_text
from editcheck.rules.casefilter import CaseFilter, case_filter, fold, lower_safe
from editcheck.rules.prefilter import matches_at
from editcheck.text.normalize import normalize

_ALL = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp < 0xE000)
_WORD = regex.compile(r"\w")


def test_only_three_non_ascii_characters_match_ascii_word_characters() -> None:
    """Under ``(?i)`` an ASCII letter, digit or ``_`` matches only itself, its other case and
    İ/ſ/K, which :func:`fold` maps to it; ASCII punctuation matches only ASCII characters."""
    found = {c for c in regex.findall(r"(?i)[a-z0-9_]", _ALL) if not c.isascii()}
    assert found == {"\u0130", "\u017f", "\u212a"}
    for c in found:
        [letter] = [a for a in "abcdefghijklmnopqrstuvwxyz" if regex.fullmatch("(?i)" + a, c)]
        assert fold(c) == letter
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_":
        assert fold(c) == c.lower()
    punct = "".join(chr(c) for c in range(0x20, 0x7F) if not chr(c).isalnum() and chr(c) != "_")
    assert all(c.isascii() for c in regex.findall(f"(?i)[{regex.escape(punct)}]", _ALL))


def test_lower_keeps_word_runs() -> None:
    """``str.lower`` of a ``\\w`` character is ``\\w`` characters; that of any other character
    begins and ends with a non-``\\w`` character; only İ changes length (and :func:`fold`
    replaces it first): so runs keep their offsets and bounds in :func:`fold` of a text."""
    for c in _ALL:
        low = c.lower()
        if _WORD.match(c):
            assert all(_WORD.match(x) for x in low), hex(ord(c))
        else:
            assert not _WORD.match(low[0]) and not _WORD.match(low[-1]), hex(ord(c))
        assert len(fold(c)) == 1, hex(ord(c))
    assert _WORD.match("ΑΣ ".lower()[1])  # final sigma, the one context-dependent mapping


def test_english_people_patterns_use_simple_case_folding() -> None:
    lex = checker().ctx.lexicon("en")
    for name, pat in people._en_patterns(lex).items():
        assert not pat.flags & (regex.FULLCASE | regex.V1), name


def test_case_filter_keys() -> None:
    f = case_filter(["People familiar with the matter", "u.s. officials", "experts"])
    assert f is not None and f.words == {"people", "u", "experts"}
    assert case_filter(["experts", "«quoted»"]) is None
    assert case_filter(["experts", "خبراء"]) is None


_EN_WORDS = ["experts", "Experts", "EXPERTS", "analyst", "ANALYſT", "İnsiders", "in", "İn", "said", "Said", "told",
             "reporters", "one", "of", "the", "aides", "A", "an", "security", "senior", "Ahmed", "Mr", "official",
             "statement", "according", "to", "sources", "ſay", "ſources", "Kelvin", "world", "bank", "café", "naïve",
             "x", "2", "_", "é", "ﬀ", "Σ"]
_SEPS = [" ", "  ", "\n", ", ", ". ", "-", "", "'", "’", "“", "\u0307", "é", "_", "2"]


def _random_texts(n: int) -> Iterator[str]:
    rnd = random.Random(3)
    for _ in range(n):
        yield "".join(rnd.choice(_EN_WORDS) + rnd.choice(_SEPS) for _ in range(rnd.randint(1, 10)))


def _corpus_blocks(corpus: Path, limit: int = 100) -> Iterator[str]:
    path = corpus / "en_articles.jsonl"
    with path.open(encoding="utf-8") as fh:
        for _, line in zip(range(limit), fh, strict=False):
            rec = json.loads(line)
            yield str(rec["title"])
            yield from (p for p in str(rec.get("body") or "").split("\n") if p.strip())


def test_english_people_filters_never_hide_a_match_random() -> None:
    _check_filters(list(_random_texts(3000)))


def test_english_people_filters_never_hide_a_match_corpus(corpus: Path) -> None:
    _check_filters(list(_corpus_blocks(corpus)))


def _check_filters(texts: list[str]) -> None:
    """Every English people pattern with a :class:`CaseFilter`: where it rules a text out,
    the pattern finds nothing, at both levels; where it gives offsets (the patterns that
    begin with their alternation), trying only them finds what ``finditer`` finds."""
    ctx = checker().ctx
    doc = parse_text("x.md", "# Experts say\n\nSources said so.\n", "en")
    pats, fil = people.patterns(doc, ctx), people.filters(doc, ctx)
    cases = {name: f for name, f in fil.items() if isinstance(f, CaseFilter)}
    assert set(cases) >= {"bare", "vague", "anon_people", "speech"}
    ruled_out = 0
    for text in texts:
        for level in ("match", "spelling"):
            nt = normalize(text, level=level)
            for name, f in cases.items():
                found = [(m.span(), m.groupdict()) for m in pats[name].finditer(nt.text)]
                if not f.may_match(nt):
                    ruled_out += 1
                    assert not found, (name, text)
                assert f.may_match_text(nt.text) == f.may_match(nt)
                if name in people.LEADING["en"]:
                    starts = f.starts(nt)
                    got = pats[name].finditer(nt.text) if starts is None else matches_at(pats[name], nt.text, starts)
                    assert [(m.span(), m.groupdict()) for m in got] == found, (name, text)
    assert ruled_out > len(texts)  # the filters do rule texts out


def test_lower_safe_texts_match_the_same_without_ignorecase(corpus: Path) -> None:
    """``speech_lower`` (no ``(?i)``, a trie) finds what ``speech`` finds in every text that
    :func:`lower_safe` accepts, normalised corpus paragraphs and random texts; and
    ``lower_safe`` rejects texts with a capital, İ, K or ſ."""
    ctx = checker().ctx
    doc = parse_text("x.md", "# Experts say\n\nSources said so.\n", "en")
    pats = people.patterns(doc, ctx)
    assert "speech_lower" in pats
    checked = 0
    for text in [*_random_texts(3000), *_corpus_blocks(corpus)]:
        for t in (text, text.lower(), normalize(text).text):
            if people.speech_pattern(pats, t) is pats["speech_lower"]:
                checked += 1
                assert [m.span() for m in pats["speech_lower"].finditer(t)] == [
                    m.span() for m in pats["speech"].finditer(t)], t
    assert checked > 3000
    for bad in ("Said", "\u0130n", "as\u212aed", "\u017fays", "SAID"):
        assert not lower_safe(bad + " said")
