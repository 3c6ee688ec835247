"""Phrase alternations as character tries: the same matches, tried much faster.

A list of literal phrases written as ``k1|k2|...`` sorted longest first makes ``regex`` try
every phrase at every word start. The trie form (``تصريح(?:ات)?``...) tries one branch per
character instead, and matches exactly the same text with the same groups, because:

* phrases are literals of non-space characters, each single space matching ``\\s+``; a
  phrase character is never ``\\s``, so at any position at most one branch of a trie node
  can go on: the phrases that can match at a position are nested prefixes on one path;
* the alternation tries them longest first (``sorted(..., key=len, reverse=True)``, and two
  different phrases of one length cannot both match at one position); the trie's greedy
  ``(?:...)?`` continuations try the same phrases in the same order, backtracking to the
  next shorter one when what follows the alternation fails.

This holds for case-sensitive patterns only (under ``(?i)`` two branches ``D``/``d`` could
both go on), so callers use it for patterns without case folding. ``\\m`` (start of a word)
replaces ``(?<![\\w])`` where the alternative certainly begins with a ``\\w`` character: the
two are then the same test (checked over every code point), and ``regex`` skips faster.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

_WORD_CHAR = regex.compile(r"\w")
_SPACE = " "


def trie(keys: Iterable[str], tails: dict[str, str] | None = None) -> str:
    """Regular-expression source equal to ``(?:k1|k2|...)`` over ``keys`` sorted longest
    first, each key's spaces written ``\\s+`` and its characters escaped.

    ``tails`` optionally maps a key's last character to the text appended after that key
    (the same for every key ending in that character), e.g. a suffix and a boundary; keys
    ending in other characters get none. Empty keys are ignored; no keys give ``(?!x)x``.
    """
    root: dict[str, dict] = {}
    end = ""  # the key-ends-here marker (never a character of a key)
    for key in keys:
        if not key:
            continue
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[end] = {}
    if not root:
        return "(?!x)x"
    tails = tails or {}

    def render(node: dict[str, dict], last: str) -> str:
        alts = [(r"\s+" if ch == _SPACE else regex.escape(ch)) + render(child, ch)
                for ch, child in sorted(node.items()) if ch != end]
        if end not in node:
            return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        tail = tails.get(last, "")
        if not alts:
            return tail
        # longer keys first (greedy), then the key that ends here (with its tail)
        return "(?:" + "|".join(alts) + ("|" + tail + ")" if tail else ")?")

    return "(?:" + render(root, "") + ")"


def word_start(keys: Iterable[str], extra_first: str = "") -> str:
    """``\\m`` when every key (and every character of ``extra_first``, e.g. proclitic letters
    that may come first) begins with a ``\\w`` character, else ``(?<![\\w])``."""
    firsts = {k[0] for k in keys if k} | set(extra_first)
    return r"\m" if all(_WORD_CHAR.match(c) for c in firsts) else r"(?<![\w])"
