"""Sentence splitting: the fast end-of-sentence pattern equals the plain one."""

from __future__ import annotations

import random
import re
from pathlib import Path

from editcheck.text.segment import _SENT_END_RE, SENT_END_PLAIN

_PIECES = [".", "!", "?", "؟", "…", "\n", "\n\n", " ", "  ", "\t", "\r", '"', "'", "»", "”", ")", "]", "«", "(",
           "Dr", "U.S", "د", "word", "كلمة", "x", "A", "3"]


def test_sentence_end_pattern_equals_the_plain_one() -> None:
    """``_SENT_END_RE`` finds the same spans as :data:`SENT_END_PLAIN`, whole texts and
    ``[start, end)`` slices, on random texts of end marks, quotes, spaces and words."""
    plain = re.compile(SENT_END_PLAIN)
    rnd = random.Random(3)
    for _ in range(20000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 14)))
        s = rnd.randint(0, len(text))
        e = rnd.randint(s, len(text))
        for a, b in ((0, len(text)), (s, e)):
            want = [m.span() for m in plain.finditer(text, a, b)]
            assert [m.span() for m in _SENT_END_RE.finditer(text, a, b)] == want, (text, a, b)


def test_sentence_end_pattern_on_the_examples() -> None:
    """On the repository's example drafts, both patterns find the same ends."""
    plain = re.compile(SENT_END_PLAIN)
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.glob("examples/**/*.md"))[:50]]
    assert texts
    texts.append("Dr. Smith said so. Really?! Yes…\n\nد. محمد قال. «نعم.» End")
    for text in texts:
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in _SENT_END_RE.finditer(text)] == want
