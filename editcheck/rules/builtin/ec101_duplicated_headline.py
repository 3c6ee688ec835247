"""EC101 duplicated-headline: the headline repeated in the body or in a breadcrumb line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.analysis.headline import find_headline_copy, headline_tokens
from editcheck.model import Finding, Related, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


_AR_CRUMB = "سطر مسار التصفح يكرر العنوان؛ احذف بقايا صفحة الويب"
_AR_PASTE = "العنوان منسوخ مرة أخرى هنا كفقرة؛ احذف النسخة"
_AR_INSIDE = "العنوان مكرر حرفياً داخل هذه الفقرة"


class DuplicatedHeadline(Rule):
    """Find the headline's text again in another block.

    A block that is nothing but the headline (a pasted copy) is an error; the headline as
    the tail of a breadcrumb trail is a warning (EC602's fix removes such a line whole: both
    rules find the copy with :func:`~editcheck.analysis.headline.find_headline_copy`); the
    headline repeated word for word as a sentence inside a longer paragraph is info (some
    desks open the lede that way). The front-matter ``title`` repeated as the ``#`` heading
    is normal and not reported.
    """

    meta = RuleMeta(
        code="EC101", name="duplicated-headline", family="duplicated-headline", severity=Severity.ERROR,
        languages=frozenset({"ar", "en"}), scopes=("headline", "body", "breadcrumb"),
        message="The headline is repeated here; remove the copy",
        messages={"ar": "العنوان مكرر هنا؛ احذف النسخة"},
        docs={
            "what": "Finds the headline's text again in the body, a breadcrumb line or a caption, after "
                    "normalisation (diacritics, tatweel, hamza seats) and ignoring a leading label such as 'عاجل:'.",
            "why": "A pasted copy of the headline is a production fault: it reads as a stutter, pushes the lede "
                   "down and duplicates text that search engines and wire clients index.",
            "example": "# عاجل: السعودية وكازاخستان تتفقان على خطة أمنية\n\nعاجل: السعودية وكازاخستان تتفقان على خطة أمنية",
            "instead": "Keep the headline once, as the title; open the body with a lede that adds information.",
        },
        standard="Reuters Handbook, 'Other Common Story Forms' (each item has its own headline); IPSO Editors' Code cl. 1",
        examples={
            "fail": ["# Storm closes port\n\nStorm closes port\n\nThe port authority said on Monday the port would close."],
            "pass": ["# Storm closes port\n\nThe port authority said on Monday the storm would close the port."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for each copy of the headline."""
        head = doc.headline
        tokens = headline_tokens(doc)
        if head is None or tokens is None:
            return
        hl, hc = doc.lines.position(head.start)
        related = (Related(doc.path, hl, hc, "the headline"),)
        for b in doc.blocks:
            if b is head or b.kind in ("title", "code", "html", "table", "front_matter"):
                continue
            copy = find_headline_copy(b, tokens)
            if copy is None:
                continue
            start, end, rest = copy.start, copy.end, copy.rest
            ar = doc.lang == "ar"
            if b.kind == "breadcrumb":  # EC602's fix removes such a line whole (the same test)
                sev, msg = Severity.WARNING, (_AR_CRUMB if ar else "The breadcrumb line repeats the headline; "
                                              "remove the web-page residue")
            elif not rest:
                sev, msg = Severity.ERROR, (_AR_PASTE if ar else "The headline is pasted again here as a paragraph; "
                                            "remove the copy")
            else:
                sev, msg = Severity.INFO, (_AR_INSIDE if ar else "The headline is repeated word for word inside "
                                           "this paragraph")
            # include a leading label ("عاجل:") in the span of a pasted copy
            if not rest and b.kind != "breadcrumb":
                start = b.start
            yield self.finding(doc, start, end, message=msg, severity=sev, scope=b.kind, related=related)


RULE = DuplicatedHeadline()
