"""EC204 unattributed-quote: a direct quotation with no speaker near it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.analysis.people import patterns, speech_pattern
from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta
from editcheck.text.normalize import normalize
from editcheck.text.segment import word_count

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

MIN_WORDS = 6
# a quotation right after one of these is a title, a charge or a name, not speech
_LABEL_BEFORE_RE = re.compile(
    r"(?:تهم[ةه]?|بتهم[ةه]?|تهمتي|بعنوان|عنوان|عنوانه|عنوانها|استبيان|شعاره|كتاب|كتابه|تقرير|فيلم|رواية|روايته|شعار|لافتة|لافتات|"
    r"وسم|هاشتاغ|اسم|باسم|مسمى|مصطلح|برنامج|مشروع|مبادرة|حملة|قانون|قرار|titled|entitled|called|dubbed|named|"
    r"charges?\s+of|accused\s+of|convicted\s+of|book|report|film|slogan|banner|hashtag)\W{0,3}$",
    re.I,
)


class UnattributedQuote(Rule):
    """Report a quotation of six words or more in the body with no speech verb or frame
    (``قال``, ``وفقاً لـ``, ``said``, ``according to``) in its paragraph, the paragraph
    before or the paragraph after (verbs inside quotations do not count). Shorter
    quotations (titles, slogans, terms) are skipped. Info by default: on 400 professional
    articles most hits were partial quotations whose speaker is named in another form
    (the verb list cannot know every way to introduce speech); raise it in the config."""

    meta = RuleMeta(
        code="EC204", name="unattributed-quote", family="unattributed-quote", severity=Severity.INFO,
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
                     "# Pact\n\nThe two countries signed the pact.\n\n"
                     "\"This agreement will change the face of the whole region in a few years.\""],
            "pass": ["وقال الوزير فهد السالم: «هذه الاتفاقية ستغير وجه المنطقة بالكامل خلال سنوات قليلة».",
                     "\"This agreement will change the face of the whole region,\" the minister said."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per unattributed quotation."""
        pats = patterns(doc, ctx)
        body = [b for b in doc.blocks if "body" in b.scopes and "quote" not in b.scopes]
        for i, b in enumerate(body):
            long = [(qs, qe) for qs, qe in b.quotes() if word_count(doc.text[qs:qe]) >= MIN_WORDS]
            if not long:
                continue
            # the paragraph before may introduce the quotation ("وقال:"), the one after may
            # close it ("..., he said" after a multi-paragraph quotation)
            window = [x for x in (body[i - 1] if i else None, b, body[i + 1] if i + 1 < len(body) else None) if x]
            text = " ".join(doc.text[x.start:x.end] for x in window)
            for qs, qe in b.quotes():
                text = text.replace(doc.text[qs:qe], " ")
            norm = normalize(text).text
            if speech_pattern(pats, norm).search(norm):
                continue
            # most quotations are attributed: the label test comes last (same findings: a
            # block whose long quotations are all labels has none either way)
            for qs, qe in long:
                if not _LABEL_BEFORE_RE.search(normalize(doc.text[max(b.start, qs - 40):qs]).text):
                    yield self.finding(doc, qs, qe, scope=b.kind)


RULE = UnattributedQuote()
