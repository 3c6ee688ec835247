"""EC510 languagetool-grammar: LanguageTool's grammar, style and punctuation matches (opt-in)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class LanguageToolGrammar(Rule):
    """Report LanguageTool's matches other than spelling (those are EC511) in the prose.

    Runs only when grammar checks are on (``grammar:`` in the config, ``--grammar`` or
    ``--grammar-server URL``); see docs/grammar.md. Each finding carries LanguageTool's rule
    id, category, message and replacements (the first as an unsafe fix).
    """

    #: opt-in family (see :func:`editcheck.grammar.settings.enable_optional`)
    requires = "grammar"

    meta = RuleMeta(
        code="EC510", name="languagetool-grammar", family="grammar", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="LanguageTool: {match}",
        docs={
            "what": "Sends the draft's prose to a LanguageTool server and reports its grammar, agreement, "
                    "punctuation and style matches at their place in the draft. Off unless grammar checks are enabled.",
            "why": "Agreement and grammar errors survive many readings; LanguageTool has real Arabic and English "
                   "grammar rules, and a newsroom can run its own server.",
            "example": "He go to the ministry every day.",
            "instead": "He goes to the ministry every day.",
        },
        standard="LanguageTool rules (languagetool.org); newsroom style guides on grammar and agreement",
        examples={"fail": ["He go to the ministry every day."], "pass": ["He goes to the ministry every day."]},
        fixable=True,
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per non-spelling LanguageTool match (nothing when LanguageTool is unavailable)."""
        from editcheck.grammar.languagetool import findings

        yield from findings(self, doc, ctx, spelling=False)


RULE = LanguageToolGrammar()
