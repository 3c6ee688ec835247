"""XP101 placeholder-residue: editing placeholders ("TK", "XXX", "[تحقق]", "[؟؟]") left in copy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta, blocks_for

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

_PLACEHOLDER_RE = re.compile(r"(?<![\w])(?:TK|TKTK|XXX+)(?![\w])|\[(?:تحقق|يتبع|؟+|\?+|TK)\]")


class PlaceholderResidue(Rule):
    """Report editing placeholders that must be resolved before publication."""

    meta = RuleMeta(
        code="XP101", name="placeholder-residue", family="hygiene", severity=Severity.ERROR,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="Placeholder '{match}' left in the copy: fill it in before publishing",
        messages={"ar": "علامة مؤقتة '{match}' باقية في النص: أكملها قبل النشر"},
        docs={
            "what": "Finds 'TK', 'XXX', '[تحقق]' and '[؟؟]' markers that reporters leave for facts still to come.",
            "why": "A placeholder that reaches readers shows the story was published unfinished.",
            "example": "The minister said TK people were hurt.",
            "instead": "The minister said 12 people were hurt.",
        },
        standard="Example newsroom style book, 'Before you file' (no placeholders in filed copy)",
        examples={"fail": ["# Storm\n\nThe minister said TK people were hurt.", "# عاصفة\n\nقال الوزير إن [تحقق] أشخاص أصيبوا."],
                  "pass": ["# Storm\n\nThe minister said 12 people were hurt."]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per placeholder in any prose block."""
        for block in blocks_for(doc, ("document",)):
            for m in _PLACEHOLDER_RE.finditer(doc.text, block.start, block.end):
                yield self.finding(doc, m.start(), m.end(), scope=block.kind)


def rules() -> list[Rule]:
    """The plugin's rules (the ``editcheck.rules`` entry point)."""
    return [PlaceholderResidue()]
