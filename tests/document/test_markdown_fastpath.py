"""The plain-draft fast path of the Markdown parser yields markdown-it's block tokens."""

from __future__ import annotations

import random

from editcheck.document.markdown import _parser, _simple_tokens

PIECES = ["# T", "## sub", "#", "#x", "####### 7", "word", "كلمة عربية", "1. item", "12 years", "2026",
          "- a", "* b", "> q", "    code", "\tx", "   ", "", "", "", "```", "~~~", "<div>", "[a]: /u",
          "a | b", "---", "===", "___", "+ c", "text #", "\u00a0nb", "\ufeffbom", "٣. x", "#\tx", "x  ",
          "1)x", "3.5 pct"]


def _reference(body: str) -> list[tuple[str, str, list[int]]]:
    return [(t.type, t.tag, list(t.map)) for t in _parser().parse(body) if t.map and t.type != "inline"]


def test_fast_path_matches_markdown_it() -> None:
    rng = random.Random(7)
    taken = 0
    for _ in range(5000):
        body = "\n".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))) + rng.choice(["", "\n"])
        if not body.strip():
            continue
        mine = _simple_tokens(body)
        if mine is None:
            continue
        taken += 1
        assert [(t.type, t.tag, t.map) for t in mine] == _reference(body), body
    assert taken > 300


def test_fast_path_declines_other_blocks() -> None:
    for body in ["- a\n", "> q\n", "    code\n", "a | b\n", "1. x\n", "x\n===\n", "#x\n", "a\r\nb\n"]:
        assert _simple_tokens(body) is None, body
