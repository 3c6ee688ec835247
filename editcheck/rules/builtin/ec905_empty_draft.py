"""EC905 empty-draft: no story to publish (an empty or blank draft, or a headline alone)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


#: the scopes of story text: paragraphs, list items and quotations of the body, tables
_STORY = frozenset({"body", "table"})
_HEADLINE_ONLY = {
    "en": "The draft has a headline but no story: write the story, or leave the file out",
    "ar": "للمسودة عنوان بلا نص خبر: اكتب الخبر أو استبعد الملف",
}


class EmptyDraft(Rule):
    """Report a draft with no story: no body paragraph, list item, quotation or table with a
    letter or digit in it. That is an empty file, one of blank lines, spaces, a byte-order
    mark or an HTML comment only, or a headline (``#`` heading, first line, front-matter
    ``title``) with nothing under it. One finding, on the headline when there is one, else
    at line 1, column 1 over no text (there is none to point at)."""

    meta = RuleMeta(
        code="EC905", name="empty-draft", family="meta", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="The draft has no text to check: write the story, or leave the file out",
        messages={"ar": "المسودة بلا نص يُفحص: اكتب الخبر أو استبعد الملف"},
        docs={
            "what": "Reports a draft with no story: an empty file, blank lines or an HTML comment only, or a "
                    "headline (a # heading, the first line of a text draft, a front-matter title) with nothing "
                    "under it.",
            "why": "An empty file that reaches the CMS publishes an empty page; in a pre-commit hook or a CI gate "
                   "it is usually a save that failed or a file committed by mistake, and passing it silently "
                   "would look like a clean draft.",
            "example": "---\ntitle: الحكومة تقر الموازنة\n---\n",
            "instead": "Write the story under the front matter, or exclude placeholder files from the run.",
        },
        standard="editcheck house standard for inputs (every bad input gets an error or a finding)",
        examples={
            "fail": ["", "\n\n   \n", "---\ntitle: الحكومة تقر الموازنة\nsources: [وكالة الأنباء]\n---\n",
                     "# الحكومة تقر الموازنة\n", "<!-- placeholder -->\n"],
            "pass": ["# الحكومة تقر الموازنة\n\nأقر مجلس الوزراء الموازنة، بحسب وكالة الأنباء.\n"],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding when no body or table block holds a letter or digit."""
        for b in doc.blocks:
            if b.scopes & _STORY and any(ch.isalnum() for ch in doc.text[b.start:b.end]):
                return
        head = doc.headline
        if head is None or not any(ch.isalnum() for ch in doc.text[head.start:head.end]):
            yield self.finding(doc, 0, 0, scope="document")
            return
        yield self.finding(doc, head.start, head.end, scope="headline", message=_HEADLINE_ONLY[
            "ar" if doc.lang == "ar" else "en"])


RULE = EmptyDraft()
