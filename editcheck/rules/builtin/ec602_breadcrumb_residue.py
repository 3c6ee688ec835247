"""EC602 breadcrumb-residue: a web page's breadcrumb trail left in the draft."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Edit, Finding, Fix, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

_SEP_RE = re.compile(r"\s*[/>»›|]\s*")


class BreadcrumbResidue(Rule):
    """Report a line that starts with a breadcrumb trail (``الرئيسية / شؤون محلية /``,
    ``Home > World >``); the span is the trail up to its last separator. The fix removes
    the trail (unsafe: the rest of the line may be the headline)."""

    meta = RuleMeta(
        code="EC602", name="breadcrumb-residue", family="boilerplate-residue", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("breadcrumb",), fixable=True,
        message="Breadcrumb trail '{match}' copied from a web page: remove it",
        messages={"ar": "مسار تصفح '{match}' منسوخ من صفحة ويب: احذفه"},
        docs={
            "what": "Finds site navigation trails ('الرئيسية / أخبار /', 'Home > News >') at the start of a line.",
            "why": "Scraping residue is not copy; it also pollutes duplicate detection and the headline.",
            "example": "الرئيسية / شؤون محلية / عاجل: تحالف أمني ...",
            "instead": "Delete the trail; keep the section in the front matter ('section: شؤون محلية').",
        },
        standard="editcheck house standard for copied web text (editorial-standards R19)",
        examples={"fail": ["الرئيسية / شؤون محلية / الحكومة تعلن خطة النقل\n\nنص الخبر."],
                  "pass": ["الحكومة تعلن خطة النقل\n\nنص الخبر."]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per breadcrumb line."""
        for b in doc.blocks:
            if b.kind != "breadcrumb":
                continue
            text = b.text
            seps = list(_SEP_RE.finditer(text))
            if not seps:
                continue
            end = b.start + seps[-1].end()
            while end > b.start and text[end - b.start - 1] == " ":
                end -= 1
            fix = Fix((Edit(b.start, b.start + seps[-1].end(), ""),), safe=False, description="remove the trail")
            yield self.finding(doc, b.start, end, scope="breadcrumb", fix=fix)


RULE = BreadcrumbResidue()
