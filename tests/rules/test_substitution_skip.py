"""A substitution rule skips a block from its 'match' level only when it cannot match its
'spelling' level (Substitution._skips)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import regex
import yaml

from editcheck.document.model import Block
from editcheck.rules.prefilter import block_words
from editcheck.rules.yaml.common import Source
from editcheck.rules.yaml.loader import rule_from_mapping
from editcheck.text.normalize import _TABLES, fold

_WORD = regex.compile(r"\w")
_EC501 = Path(__file__).resolve().parents[2] / "rules" / "ar-news" / "common-misspelling.yaml"
_HOUSE = """
code: HR501
name: house-spelling
extends: substitution
language: ar
scope: [document]
message: "{match} -> {replacement}"
swap: {"إنتخابات": "انتخابات", "مسئول": "مسؤول", "،،": "،", "ى ى": "ى", "Ｘyz": "xyz", "لاكن": "لكن", "أبو ظبي": "أبوظبي"}
"""


def _rules() -> list[Any]:
    return [rule_from_mapping(yaml.safe_load(text), Source(name, {}))
            for name, text in (("ec501.yaml", _EC501.read_text(encoding="utf-8")), ("house.yaml", _HOUSE))]


def test_fold_facts() -> None:
    """What _skips relies on: the 'match' folding maps one character to one, never a
    non-\\w character to a \\w one, and folds what the 'spelling' folding changed alike."""
    match, spelling = _TABLES["match"], _TABLES["spelling"]
    for k, v in match.items():
        assert len(v) == 1, hex(k)
        if _WORD.match(chr(k)) is None:
            assert _WORD.match(v) is None, hex(k)
    for k, v in spelling.items():
        assert len(v) == 1 and _WORD.match(chr(k)) is None and _WORD.match(v) is None, hex(k)
        assert fold(fold(chr(k), "spelling"), "match") == fold(chr(k), "match"), hex(k)


def test_skipped_blocks_cannot_match_at_spelling() -> None:
    """On random Arabic blocks with the rules' wrong and right forms, proclitics, hamza
    seats, marks, markup and placeholders: a skipped block has no hit and fails the
    matcher's own prefilter (a block that is not skipped is checked as before)."""
    rules = _rules()
    words = ["مساءاً", "مساءً", "إنشاء", "انشاء", "إنتخابات", "الانتخابات", "مسئول", "مسؤول", "علي", "على",
             "إلي", "إلى", "سوف", "لاكن", "لكن", "أبو", "ظبي", "الحكومه", "الحكومة", "قال", "ﻻ", "ＸYZ", "xyz"]
    glue = ["", "", "و", "ب", "ال", "لل", "\u064b", "\u0640", "\u200f", "،", "،،", " ", "\u00a0", "**", "`x`"]
    rnd = random.Random(5)
    skipped = kept = 0
    for _ in range(4000):
        parts = [rnd.choice(glue) + rnd.choice(words) + rnd.choice(glue) for _ in range(rnd.randint(1, 6))]
        text = " ".join(parts)
        drop = tuple((m.start(), m.end()) for m in regex.finditer(r"\*\*", text))
        mask = tuple((m.start(), m.end()) for m in regex.finditer(r"`x`", text))
        for rule in rules:
            on_match = rule._match_level_prefilter()
            assert on_match is not None
            block = Block("paragraph", 0, len(text), text, drop=drop, mask=mask)
            block_words(block.norm("match"))
            spelling = Block("paragraph", 0, len(text), text, drop=drop, mask=mask).norm("spelling")
            hits = [(h.start, h.end, h.term) for h in rule.matcher.finditer(spelling)]
            if rule._skips(block, on_match):
                skipped += 1
                assert not hits and not rule.matcher.prefilter.may_match(spelling), text
            else:
                kept += 1
    assert skipped > 1000 and kept > 1000, (skipped, kept)
