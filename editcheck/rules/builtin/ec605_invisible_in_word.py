"""EC605 invisible-in-word: zero-width and other invisible characters inside a word."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from editcheck.model import Edit, Finding, Fix, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

#: Invisible characters whose removal changes nothing a reader sees (safe fix).
HARMLESS = "\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c\u2061\u2062\u2063\u2064\u180e"
#: Joiners: removing them can change how Arabic letters join (unsafe fix).
JOINERS = "\u200c\u200d"
INVISIBLE_IN_WORD = HARMLESS + JOINERS
_CLASS = regex.escape(INVISIBLE_IN_WORD)
# a word (letters, marks, digits) with at least one run of invisibles between two of its characters
_WORD_RE = regex.compile(rf"[\p{{L}}\p{{M}}\p{{N}}]+(?:[{_CLASS}]+[\p{{L}}\p{{M}}\p{{N}}]+)+")
_RUN_RE = regex.compile(rf"[{_CLASS}]+")


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'FORMAT CHARACTER')}"


class InvisibleInWord(Rule):
    """Report a word with an invisible character inside it (zero-width space, joiners,
    word joiner, soft hyphen, BOM, directional marks). The span is the whole word, so
    ``match`` is the word with the character (shown as ``<U+200B>`` in reports). The fix
    removes the characters; it is safe unless a joiner (U+200C/U+200D) is among them,
    because removing one can change how Arabic letters join.
    """

    meta = RuleMeta(
        code="EC605", name="invisible-in-word", family="hygiene", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("document",), fixable=True,
        message="Invisible {chars} inside the word '{match}': search and spell-checking miss the word; remove it",
        messages={"ar": "محرف خفي {chars} داخل الكلمة '{match}': لا يجدها البحث ولا المدقق الإملائي؛ احذفه"},
        docs={
            "what": "Finds zero-width spaces, joiners, word joiners, soft hyphens, byte-order marks and directional "
                    "marks between the letters of one word.",
            "why": "The word looks normal but is another string: the CMS search, spell-checkers, tag pages and "
                   "editcheck's own lexicon rules do not find it, and a copy-pasted zero-width space can break a "
                   "name across lines.",
            "example": "قال المسؤ\u200bول إن الخطة جاهزة (a zero-width space inside المسؤول)",
            "instead": "قال المسؤول إن الخطة جاهزة",
        },
        standard="Unicode Standard, chapter 23.2 (layout controls); W3C 'Character Model for the World Wide Web'",
        examples={"fail": ["# خبر\n\nقال المسؤ\u200bول إن الخطة جاهزة."],
                  "pass": ["# خبر\n\nقال المسؤول إن الخطة جاهزة.", "# Story\n\nThe family \U0001f468\u200d\U0001f469 arrived."]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per word of the whole text that holds invisible characters."""
        text = doc.text
        if not any(c in text for c in INVISIBLE_IN_WORD):
            return
        for m in _WORD_RE.finditer(text):
            runs = list(_RUN_RE.finditer(text, m.start(), m.end()))
            chars = "".join(r.group() for r in runs)
            names = ", ".join(dict.fromkeys(_name(c) for c in chars))
            safe = not any(c in JOINERS for c in chars)
            fix = Fix(tuple(Edit(r.start(), r.end(), "") for r in runs), safe=safe,
                      description="remove the invisible characters")
            yield self.finding(doc, m.start(), m.end(), scope="document", fix=fix, chars=names)


RULE = InvisibleInWord()
