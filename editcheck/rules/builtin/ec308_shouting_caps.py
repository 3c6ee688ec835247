"""EC308 shouting-caps: whole words in capitals in an English headline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

_CAPS_RE = re.compile(r"(?<![\w-])[A-Z]{5,}(?![\w-])")
_LABELS = {"BREAKING", "URGENT", "NEWS", "JUST"}


class ShoutingCaps(Rule):
    """Report words of five or more capitals in an English headline that are not known
    acronyms (lexicon list ``acronyms``: UNESCO, NASDAQ...). Four-letter capitals are left
    alone: most are acronyms (NATO, IAAF). Urgency labels are EC301."""

    meta = RuleMeta(
        code="EC308", name="shouting-caps", family="sensational-marker", severity=Severity.WARNING,
        languages=frozenset({"en"}), scopes=("headline",),
        message="'{match}' in capitals shouts: write it in normal case",
        docs={
            "what": "Finds words written entirely in capitals in the headline, other than acronyms.",
            "why": "Capitals for emphasis are a tabloid and clickbait device; they overplay the story.",
            "example": "Security pact will CHANGE the region forever",
            "instead": "Security pact expected to reshape regional co-operation, ministers say",
        },
        standard="Al Jazeera Code of Ethics (no overplaying); IPSO Editors' Code cl. 1",
        examples={"fail": ["# Security pact will CHANGE the region"], "pass": ["# NATO and OPEC leaders meet in Vienna"]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per shouted word."""
        head = doc.headline
        if head is None:
            return
        acronyms = {w.upper() for w in ctx.lexicon("en").words("acronyms")}
        text = doc.text[head.start:head.end]
        if sum(c.isupper() for c in text) > 0.8 * sum(c.isalpha() for c in text):
            return  # an all-caps headline style, not emphasis
        for m in _CAPS_RE.finditer(text):
            if m.group() in acronyms or m.group() in _LABELS:
                continue
            yield self.finding(doc, head.start + m.start(), head.start + m.end(), scope="headline")


RULE = ShoutingCaps()
