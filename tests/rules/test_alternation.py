"""Tries match exactly like the longest-first alternation they replace."""

from __future__ import annotations

import random

import regex

from editcheck.rules.alternation import trie, word_start

_KEYS = ["قال", "قالت", "قال ان", "اكد", "اكدت", "ab", "abc", "a b", "ab c", "x!", "!!", "u.s.", "²nd"]


def _alternation(keys: list[str]) -> str:
    keys = sorted(keys, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(regex.escape(t) for t in k.split(" ")) for k in keys) + ")"


def test_trie_matches_like_the_sorted_alternation() -> None:
    rnd = random.Random(3)
    for _ in range(200):
        keys = rnd.sample(_KEYS, rnd.randint(1, len(_KEYS)))
        new = regex.compile(rf"(?<![\w])[وف]?{trie(keys)}(?![\w])")
        old = regex.compile(rf"(?<![\w])[وف]?{_alternation(keys)}(?![\w])")
        for _ in range(20):
            text = rnd.choice([" ", "\n", "  "]).join(
                rnd.choice(["", "و", "x"]) + rnd.choice(_KEYS) + rnd.choice(["", "", "!", "c", "ة"]) for _ in range(4))
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], (keys, text)


def test_word_start() -> None:
    assert word_start(["قال"], "وف") == r"\m"
    assert word_start(["!!", "قال"]) == r"(?<![\w])"
    assert trie([]) == "(?!x)x"
