"""EC905 empty-draft: nothing to publish (an empty, blank or front-matter-only draft)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class EmptyDraft(Rule):
    """Report a draft with no letter or digit outside its front matter: an empty file, one of
    blank lines, spaces or a byte-order mark only, or front matter with no story under it.
    One finding at line 1, column 1, over no text (there is none to point at)."""

    meta = RuleMeta(
        code="EC905", name="empty-draft", family="meta", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="The draft has no text to check: write the story, or leave the file out",
        messages={"ar": "المسودة بلا نص يُفحص: اكتب الخبر أو استبعد الملف"},
        docs={
            "what": "Reports a draft with no text outside its front matter: an empty file, blank lines only, "
                    "or a title and other front matter with no story under them.",
            "why": "An empty file that reaches the CMS publishes an empty page; in a pre-commit hook or a CI gate "
                   "it is usually a save that failed or a file committed by mistake, and passing it silently "
                   "would look like a clean draft.",
            "example": "---\ntitle: الحكومة تقر الموازنة\n---\n",
            "instead": "Write the story under the front matter, or exclude placeholder files from the run.",
        },
        standard="editcheck house standard for inputs (every bad input gets an error or a finding)",
        examples={
            "fail": ["", "\n\n   \n", "---\ntitle: الحكومة تقر الموازنة\nsources: [وكالة الأنباء]\n---\n"],
            "pass": ["# الحكومة تقر الموازنة\n\nأقر مجلس الوزراء الموازنة، بحسب وكالة الأنباء.\n"],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding when no block outside the front matter holds a letter or digit."""
        for b in doc.blocks:
            if any(s.startswith("front-matter") for s in b.scopes):
                continue
            if any(ch.isalnum() for ch in doc.text[b.start:b.end]):
                return
        yield self.finding(doc, 0, 0, scope="document")


RULE = EmptyDraft()
