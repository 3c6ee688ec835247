"""EC204 unattributed-quote: a direct quotation with no speaker near it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.analysis.people import patterns
from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta
from editcheck.text.segment import word_count

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

MIN_WORDS = 6


class UnattributedQuote(Rule):
    """Report a quotation of six words or more in the body with no speech verb or frame
    (``قال``, ``وفقاً لـ``, ``said``, ``according to``) in its sentence, the sentence before
    or the sentence after. Shorter quotations (titles, slogans, terms) are skipped."""

    meta = RuleMeta(
        code="EC204", name="unattributed-quote", family="unattributed-quote", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("body",),
        message="Quotation with no speaker: say who said it",
        messages={"ar": "اقتباس بلا قائل: اذكر من قاله"},
        docs={
            "what": "Finds direct quotations («...», \"...\", “...”) of six words or more with no attribution in the "
                    "same, previous or next sentence.",
            "why": "A quotation without a speaker cannot be checked and may be invented or misattributed.",
            "example": "«هذه الاتفاقية ستغير وجه المنطقة بالكامل خلال سنوات قليلة».",
            "instead": "وقال وزير الخارجية فيصل بن فرحان: «هذه الاتفاقية ستغير وجه المنطقة».",
        },
        standard="Reuters Handbook (name the speaker after the first quoted sentence at the latest); "
                 "BBC Editorial Guidelines s.3",
        examples={
            "fail": ["يرى مسؤولون أن الوضع مستقر.\n\n«هذه الاتفاقية ستغير وجه المنطقة بالكامل خلال سنوات قليلة».",
                     "\"This agreement will change the face of the whole region in a few years.\""],
            "pass": ["وقال الوزير فهد السالم: «هذه الاتفاقية ستغير وجه المنطقة بالكامل خلال سنوات قليلة».",
                     "\"This agreement will change the face of the whole region,\" the minister said."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per unattributed quotation."""
        speech = patterns(doc, ctx)["speech"]
        for b in doc.blocks:
            if "body" not in b.scopes or "quote" in b.scopes:
                continue
            sents = b.sentences()
            for qs, qe in b.quotes():
                if word_count(doc.text[qs:qe]) < MIN_WORDS:
                    continue
                idx = [i for i, (s, e) in enumerate(sents) if s <= qs < e or s < qe <= e]
                if not idx:
                    continue
                lo, hi = max(0, min(idx) - 1), min(len(sents) - 1, max(idx) + 1)
                around = doc.text[sents[lo][0]:sents[hi][1]]
                # remove the quotation itself: a verb inside the quote is not attribution
                around = around.replace(doc.text[qs:qe], " ")
                from editcheck.text.normalize import normalize

                if speech.search(normalize(around).text):
                    continue
                yield self.finding(doc, qs, qe, scope=b.kind)


RULE = UnattributedQuote()
