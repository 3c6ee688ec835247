"""EC402 empty-sources-field: the front matter's ``sources:`` list is empty."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class EmptySourcesField(Rule):
    """Report ``sources: []``, ``sources:`` with no value, or a list of blank entries."""

    meta = RuleMeta(
        code="EC402", name="empty-sources-field", family="missing-sources", severity=Severity.ERROR,
        languages=frozenset({"ar", "en"}), scopes=("front-matter.sources",),
        message="The 'sources' list is empty: list the agency, document or people the story relies on",
        messages={"ar": "قائمة المصادر (sources) فارغة: اذكر الوكالة أو الوثيقة أو الأشخاص الذين يستند إليهم الخبر"},
        docs={
            "what": "Checks the front-matter 'sources' field of Markdown drafts.",
            "why": "An empty sources list is a draft that was never sourced, or a CMS template nobody filled in.",
            "example": "---\ntitle: ...\nsources: []\n---",
            "instead": "---\ntitle: ...\nsources:\n  - واس\n  - https://www.moi.gov.sa/...\n---",
        },
        standard="Reuters Handbook, sourcing; BBC Editorial Guidelines s.3.3",
        examples={"fail": ["---\ntitle: خبر\nsources: []\n---\n\n# خبر\n\nنص الخبر."],
                  "pass": ["---\ntitle: خبر\nsources:\n  - واس\n---\n\n# خبر\n\nنص الخبر."]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """At most one finding, on the value of ``sources``."""
        if "sources" not in doc.front_matter:
            return
        value = doc.front_matter["sources"]
        items = value if isinstance(value, list) else [value]
        if any(x not in (None, "") and str(x).strip() for x in items):
            return
        s, e = doc.fm_spans.get("sources", (0, 0))
        if e <= s:  # "sources:" with nothing after it: point at the key
            key_at = doc.text.find("sources", doc.fm_range[0] if doc.fm_range else 0)
            s, e = key_at, key_at + len("sources")
        yield self.finding(doc, s, e, scope="front-matter.sources")


RULE = EmptySourcesField()
