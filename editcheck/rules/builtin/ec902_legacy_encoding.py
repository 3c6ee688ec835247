"""EC902 legacy-encoding: the draft is not UTF-8 (reported by the reader)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class LegacyEncoding(Rule):
    """Documents EC902; the engine emits it when a draft was decoded by fallback."""

    meta = RuleMeta(
        code="EC902", name="legacy-encoding", family="hygiene", severity=Severity.INFO,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="file is not UTF-8",
        docs={
            "what": "Reports a draft decoded from a legacy code page (Windows-1256, ISO-8859-6) because it was not UTF-8.",
            "why": "Legacy encodings break in the CMS, in git diffs and in search; one stray byte garbles Arabic.",
            "example": "a draft saved by an old Windows editor as Windows-1256",
            "instead": "Save the draft as UTF-8.",
        },
        standard="Unicode / WHATWG Encoding Standard (UTF-8 for all text interchange)",
        examples={"fail": [], "pass": []},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Nothing here: see :func:`editcheck.engine._encoding_finding`."""
        return iter(())


RULE = LegacyEncoding()
