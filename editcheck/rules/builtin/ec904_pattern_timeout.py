"""EC904 pattern-timeout: a rule's regular expression ran past its time limit and was stopped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class PatternTimeout(Rule):
    """Documents EC904; YAML rules report it themselves (see
    :meth:`editcheck.rules.yaml.common.YamlRule.timeout_finding`)."""

    meta = RuleMeta(
        code="EC904", name="pattern-timeout", family="meta", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="a rule's pattern ran past its time limit and was stopped",
        docs={
            "what": "Reports a YAML rule whose regular expression (raw, pattern, first_pattern...) ran longer than its "
                    "time limit (the rule's timeout, at most the config's regex-timeout; 1 s by default) on a draft. "
                    "The rule stops on that draft; every other rule still reports.",
            "why": "A pattern with nested quantifiers such as (\\w+\\s?)+$ backtracks exponentially on a long line "
                   "and would otherwise hang the run (a pre-commit hook, a CI job) with no message.",
            "example": "raw: ['(\\w+\\s?)+$'] on a 50,000-character paragraph",
            "instead": "raw: ['\\w+$'] (no quantifier nested inside another)",
        },
        standard="editcheck house standard for user patterns (regex module timeout)",
        examples={"fail": [], "pass": []},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Nothing here: the YAML rule that timed out reports it."""
        return iter(())


RULE = PatternTimeout()
