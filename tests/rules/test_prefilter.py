"""The phrase prefilter only skips blocks in which the alternation cannot match."""

from __future__ import annotations

import random

from editcheck.rules.matcher import PhraseMatcher
from editcheck.text.normalize import normalize

_TERMS = ["الخبراء", "سر", "عاجل!", "!!", "watch:", "u.s.", "خبراء اقتصاديون", "تاريخي", "_x", "²nd", "said"]
_CLITICS = ["", "و", "ف", "ب", "ال", "وال", "لل", "بال", "ك"]
_AFTER = ["", "", "!", ":", "،", ".", "ة", "ا", "ين", "_", "x"]


def test_prefilter_never_hides_a_match() -> None:
    rnd = random.Random(7)
    matchers = [PhraseMatcher(_TERMS), PhraseMatcher(_TERMS, clitics=False),
                PhraseMatcher(_TERMS, suffixes=["ة", "ا", "ين"]), PhraseMatcher(_TERMS, level="spelling")]
    for _ in range(3000):
        text = rnd.choice([" ", "\n", "  "]).join(
            rnd.choice(_CLITICS) + rnd.choice([*_TERMS, "قال", "كسر"]) + rnd.choice(_AFTER)
            for _ in range(rnd.randint(1, 4)))
        for m in matchers:
            nt = normalize(text, level=m.level)
            if not m.prefilter.may_match(nt):
                assert m.pattern.search(nt.text) is None, (text, m.pattern.search(nt.text))


def test_prefilter_skips_unrelated_text() -> None:
    m = PhraseMatcher(["الخبراء", "مصادر مطلعة"])
    assert not m.prefilter.may_match(normalize("قال الوزير إن الاجتماع انتهى"))
    assert m.prefilter.may_match(normalize("وقال للخبراء"))
    assert [h.term.term for h in m.finditer(normalize("وبحسب مصادر  مطلعة"))] == ["مصادر مطلعة"]


def test_words_test_equals_the_stem_definition() -> None:
    """``may_match`` (a prefilter's expanded words against a block's runs) gives what the
    definition gives: a stem among the text's runs with each proclitic stripped, or a bare
    stem among the runs as they are."""
    from editcheck.rules.prefilter import _WORD_RUN, PROCLITICS, Prefilter, text_stems

    rnd = random.Random(11)
    pieces = ["خبراء", "سر", "ال", "لل", "و", "ف", "ب", "ك", "ل", "ا", "said", "x", "2", "_"]
    for _ in range(3000):
        stems = frozenset(rnd.choice(pieces) + rnd.choice(["", *pieces]) for _ in range(rnd.randint(0, 3)))
        bare = frozenset(rnd.choice(pieces) for _ in range(rnd.randint(0, 2)))
        text = rnd.choice([" ", "،", "!"]).join(
            rnd.choice(["", *PROCLITICS]) + rnd.choice(pieces) + rnd.choice(["", *pieces])
            for _ in range(rnd.randint(1, 5)))
        expected = not stems.isdisjoint(text_stems(text)) or not bare.isdisjoint(_WORD_RUN.findall(text))
        pf = Prefilter(stems, (), bare)
        assert pf.may_match(normalize(text)) == pf.may_match_text(normalize(text).text)
        assert pf.may_match_text(text) is expected, (stems, bare, text)


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_matches_at_the_starts_equal_a_full_search() -> None:
    """Trying a matcher's pattern only at :meth:`Prefilter.starts` finds what ``finditer``
    over the whole text finds, groups included, on random texts made of the terms' words."""
    from editcheck.rules.prefilter import PROCLITICS, matches_at

    rnd = random.Random(5)
    ar = ["الخبراء", "سر", "خبراء اقتصاديون", "تاريخي", "مصادر مطلعة", "قال", "قالت", "واس", "ال"]
    en = ["said", "sources say", "historic", "you won't believe", "AP", "U.S", "x2"]
    matchers = [PhraseMatcher(ar), PhraseMatcher(ar, clitics=False), PhraseMatcher(ar, suffixes=["ة", "ا", "ين"]),
                PhraseMatcher(ar + en, level="spelling"), PhraseMatcher(en), PhraseMatcher(en, suffixes=["s"])]
    words = [w for t in ar + en for w in t.split()] + ["كسر", "x", "2", "_", "²"]
    for _ in range(3000):
        text = "".join(rnd.choice(["", "", *PROCLITICS]) + rnd.choice(words) + rnd.choice([*_AFTER, "ة", "s", "'s"])
                       + rnd.choice([" ", "  ", "\n", "، ", "-", "", "«"]) for _ in range(rnd.randint(1, 8)))
        for m in matchers:
            nt = normalize(text, level=m.level)
            starts = m.prefilter.starts(nt)
            assert starts is not None, m.prefilter.substrings
            assert _spans(matches_at(m.pattern, nt.text, starts)) == _spans(m.pattern.finditer(nt.text)), text


def test_letters_digits_and_underscore_are_word_characters() -> None:
    """:meth:`Prefilter.starts` drops an occurrence next to a letter, a decimal digit or
    ``_`` as inside a longer run: each of them must be ``\\w`` for ``regex``."""
    import sys

    from editcheck.rules.prefilter import is_word_char

    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ch.isalpha() or ch.isdecimal() or ch == "_":
            assert is_word_char(ch), hex(cp)


def test_prefilter_pickles_without_its_expanded_words() -> None:
    """Packs are kept pickled between runs: a prefilter comes back equal in what it decides,
    and rebuilds its expanded words on first use instead of storing them."""
    import pickle

    m = PhraseMatcher(["الخبراء", "said", "!!"], suffixes=["ة"])
    nt = normalize("وقال للخبراء")
    assert m.prefilter.may_match(nt)
    copy = pickle.loads(pickle.dumps(m.prefilter))
    assert copy._words is None
    assert (copy.stems, copy.substrings, copy.bare) == (m.prefilter.stems, m.prefilter.substrings, m.prefilter.bare)
    assert copy.may_match(nt) and copy.words == m.prefilter.words


def test_word_runs_character_facts_hold_for_every_code_point() -> None:
    """What :func:`word_runs` relies on, for the installed ``regex`` and Python: white space
    (``str.split``'s separators) is never ``\\w``, letters and decimal digits always are,
    and the edge punctuation it strips is not."""
    import sys

    import regex

    from editcheck.rules.prefilter import _EDGE_PUNCT

    word = regex.compile(r"\w")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if c.isspace():
            assert word.match(c) is None, hex(cp)
        elif c.isalpha() or c.isdecimal():
            assert word.match(c) is not None, hex(cp)
    assert not any(word.match(c) for c in _EDGE_PUNCT)


def test_word_runs_equal_findall() -> None:
    """:func:`word_runs` is the set of ``\\w`` runs, on random news-like texts with marks,
    digits, glued punctuation, placeholders and odd spaces."""
    import regex

    from editcheck.rules.prefilter import _EDGE_PUNCT, word_runs

    runs = regex.compile(r"\w+")
    rnd = random.Random(11)
    pieces = ["قال", "الخبراء", "مساءاً", "إلى", "said", "U.S.", "don't", "2015", "٣", "10%", "x_y", "²",
              "\u064b", "\u0610", "\u0301", "\u200d", "\ufffc", "ﻻ", "Ⅻ", "\u00a0", "\u2028", "\x1c", "-", "_",
              *_EDGE_PUNCT]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", "", " ", "\n", "\t"]) for _ in range(rnd.randint(0, 12)))
        assert word_runs(text) == frozenset(runs.findall(text)), text


def test_ascii_word_runs_are_regex_word_runs() -> None:
    """:func:`block_words` splits an ASCII text at the characters other than
    ``[A-Za-z0-9_]``: on ASCII characters that is exactly ``regex``'s ``\\w``."""
    from editcheck.rules.prefilter import _WORD_RUN, block_words, is_word_char

    for cp in range(128):
        assert is_word_char(chr(cp)) is (chr(cp).isalnum() or chr(cp) == "_"), cp
    rnd = random.Random(2)
    for _ in range(3000):
        text = "".join(chr(rnd.randrange(128)) for _ in range(rnd.randint(0, 40)))
        nt = normalize(text, level="spelling")
        assert block_words(nt) == frozenset(_WORD_RUN.findall(nt.text)), text


def test_ascii_starts_are_the_whole_run_starts() -> None:
    """On an ASCII text, :meth:`Prefilter.starts` (found in :func:`ascii_runs`) lists exactly
    the offsets where one of its words is a whole ``\\w`` run of the text, as ``regex`` sees
    them, repeated words and words inside longer runs included."""
    from editcheck.rules.prefilter import _WORD_RUN, Prefilter

    rnd = random.Random(7)
    words = ["a", "the", "it", "an", "said", "x2", "_", "9", "A"]
    pieces = [*words, "there", "bathe", "a_", "2a", "ita", "Said", "thethe"]
    seps = [" ", "  ", "\n", ", ", "-", "'", "", ".", "(", "\t", '"', "£"]
    f = Prefilter(frozenset(), (), frozenset(words))
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice(seps) for _ in range(rnd.randint(0, 12)))
        if not text.isascii():
            continue
        nt = normalize(text, level="spelling")
        want = [m.start() for m in _WORD_RUN.finditer(nt.text) if m.group() in f.words]
        assert f.starts(nt) == want, text


def test_next_run_check_keeps_every_match() -> None:
    """With :attr:`Prefilter.follow` (the run after a key's first run), the pattern tried only
    at :meth:`Prefilter.starts` still finds every match ``finditer`` finds, on random ASCII
    texts made of multi-word, hyphenated and punctuated keys' pieces."""
    from editcheck.rules.prefilter import matches_at

    rnd = random.Random(11)
    keys = ["the fact that", "the truth", "game-changing", "game", "jaw-dropping", "u.s.", "watch:", "a source said",
            "don't", "x_y z", "never before", "once in a lifetime", "it is", "a", "sources say", "the z_", "the the"]
    matchers = [PhraseMatcher(keys), PhraseMatcher(keys, suffixes=["s", "ed", "-ish"]), PhraseMatcher(keys[:5])]
    pieces = [w for k in keys for w in k.replace("-", " ").replace(".", " ").split()] + [
        "there", "facts", "thats", "changings", "befored", "sourced", "x", "y", "z_", "_", "2", "don", "t"]
    seps = [" ", "  ", "\n", ", ", "-", "'", "", ".", ":", "\t", "s ", "ed ", "-ish "]
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) + rnd.choice(seps) for _ in range(rnd.randint(1, 10)))
        for m in matchers:
            nt = normalize(text, level=m.level)
            starts = m.prefilter.starts(nt)
            assert starts is not None
            assert _spans(matches_at(m.pattern, nt.text, starts)) == _spans(m.pattern.finditer(nt.text)), text
