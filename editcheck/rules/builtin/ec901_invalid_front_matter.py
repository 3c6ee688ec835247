"""EC901 invalid-front-matter: the YAML front matter cannot be parsed (reported by the engine)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class InvalidFrontMatter(Rule):
    """Documents EC901; the engine emits it when the front matter is broken, then checks
    the rest of the draft as plain text so no other finding is lost."""

    meta = RuleMeta(
        code="EC901", name="invalid-front-matter", family="meta", severity=Severity.ERROR,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="invalid YAML front matter",
        docs={
            "what": "Reports front matter between '---' fences that is not valid YAML or not a mapping.",
            "why": "The CMS will reject or mangle the draft's title, author and sources.",
            "example": "---\ntitle: \"عنوان\n---",
            "instead": "---\ntitle: \"عنوان\"\n---",
        },
        standard="YAML 1.1 (PyYAML); the newsroom's CMS import format",
        examples={"fail": ["---\ntitle: [broken\n---\n\n# Title\n\nText."], "pass": ["---\ntitle: Fine\n---\n\n# Fine\n\nText."]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Nothing here: see :func:`editcheck.engine._front_matter_finding`."""
        return iter(())


RULE = InvalidFrontMatter()
