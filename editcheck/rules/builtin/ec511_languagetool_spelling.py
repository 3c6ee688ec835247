"""EC511 languagetool-spelling: LanguageTool's spelling (TYPOS) matches (opt-in)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class LanguageToolSpelling(Rule):
    """Report LanguageTool's spelling matches (category ``TYPOS`` or issue type ``misspelling``).

    Kept apart from EC510 so that a newsroom can ignore LanguageTool's spelling (which does
    not know every name in the news) and keep its grammar. Opt-in like EC510.
    """

    requires = "grammar"

    meta = RuleMeta(
        code="EC511", name="languagetool-spelling", family="spelling", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="LanguageTool: {match}",
        docs={
            "what": "Reports the words LanguageTool's spell checker does not know, with its suggestions. "
                    "Off unless grammar checks are enabled.",
            "why": "Typos in published copy cost credibility.",
            "example": "The goverment announced new measures.",
            "instead": "The government announced new measures.",
        },
        standard="LanguageTool spelling rules (Hunspell/Morfologik dictionaries)",
        examples={"fail": ["The goverment announced new measures."], "pass": ["The government announced new measures."]},
        fixable=True,
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per LanguageTool spelling match."""
        from editcheck.grammar.languagetool import findings

        yield from findings(self, doc, ctx, spelling=True)


RULE = LanguageToolSpelling()
