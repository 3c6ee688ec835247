"""EC401 no-sources: nothing in the draft says where the story comes from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.analysis.sourcing import has_sources
from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class NoSources(Rule):
    """Report a draft with no agency credit, dateline credit, link, front-matter source or
    attribution to a named person or institution, in the body or the headline. Attributions to made-up, unnamed or
    anonymous sources (EC201-EC203) do not count. Reported once, at the headline. A warning,
    not an error: on 300 professional articles the few hits were market reports and match
    reports built on public data or what the reporter saw, which need no credit; an empty
    ``sources:`` field (EC402) is the error."""

    meta = RuleMeta(
        code="EC401", name="no-sources", family="missing-sources", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("document",),
        message="No source for the story: credit the agency, link the document or attribute to a named official",
        messages={"ar": "لا مصدر للخبر: اذكر الوكالة أو ضع رابط الوثيقة أو انسب المعلومات إلى مسؤول مسمّى"},
        docs={
            "what": "Looks for any sourcing in the whole draft: an agency or outlet credit (واس، رويترز، AFP), a "
                    "dateline credit ('عمان (بترا) -'), a link, a front-matter 'sources' entry, a statement "
                    "attributed to a named person or institution (also a named group as the subject of a speech "
                    "act: 'اتهمت حركة ...'), or an attribution in the headline: a named speaker with a speech verb "
                    "('جبهة البوليساريو تقول إن ...', 'Polisario says ...') or the interview form ('وزير سابق "
                    "للجزيرة نت: ...', 'Minister tells BBC: ...'). Vague or anonymous speakers do not count.",
            "why": "The reader must never wonder how we know. A story whose only voices are unnamed experts and "
                   "anonymous companions has no checkable source at all.",
            "example": "شهدت الرياض اليوم لقاءً أمنياً تاريخياً ... الخبراء يتوقعون ...",
            "instead": "الرياض (واس) - استقبل وزير الداخلية ...، بحسب بيان للوزارة.",
        },
        standard="Reuters Handbook, 'The Essentials of Reuters sourcing'; BBC Editorial Guidelines s.3.3; "
                 "Al Jazeera Code of Ethics (attribute news to known, reliable sources)",
        examples={
            "fail": ["# لقاء أمني\n\nشهدت الرياض اليوم لقاءً أمنياً مهماً بين وفدي البلدين لبحث التعاون في مكافحة "
                     "المخدرات والجريمة المنظمة وتبادل الخبرات."],
            "pass": ["# لقاء أمني\n\nالرياض (واس) - شهدت الرياض اليوم لقاءً أمنياً بين البلدين."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """At most one finding per draft."""
        body = doc.body
        if not body or sum(len(b.text.split()) for b in body) < 15:
            return  # too short to be a story (a note, a brief)
        if has_sources(doc, ctx):
            return
        anchor = doc.headline or body[0]
        yield self.finding(doc, anchor.start, anchor.end, scope="document")


RULE = NoSources()
