"""EC306 closing-question: a clickbait or engagement question closing the story."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta
from editcheck.rules.matcher import PhraseMatcher

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document
    from editcheck.rules.context import Context

_AR_CLOSED_RE = re.compile(r"^\W*(?:[وف]?هل|أ?ليس|ا?ترى)\b")
_EN_CLOSED_RE = re.compile(r"^\W*(?:will|would|is|are|can|could|should|does|do|did|has|have|was|were)\b", re.I)
_FRAMES = PhraseMatcher([
    "السؤال الذي يطرح نفسه", "يبقى السؤال", "والسؤال الآن", "السؤال الآن", "السؤال المطروح", "يبقى التساؤل",
    "فهل", "the question now is", "the question remains", "one question remains", "the big question",
    "only time will tell",
])
_MAX_RESIDUE_WORDS = 4


class ClosingQuestion(Rule):
    """Look at the last prose paragraph (short residue lines such as 'شارك الخبر' are
    skipped): an engagement phrase (lexicon ``closing_engagement``), a rhetorical frame
    ('السؤال الذي يطرح نفسه', 'the question now is') or a closing yes/no question outside a
    quotation is reported."""

    meta = RuleMeta(
        code="EC306", name="closing-question", family="sensational-marker", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("body",),
        message="The story ends on a clickbait question: end on the last fact or the next step",
        messages={"ar": "ينتهي الخبر بسؤال استدراجي: اختم بآخر معلومة أو بالخطوة التالية"},
        docs={
            "what": "Finds reader-engagement endings ('فما رأيكم؟', 'What do you think?') and rhetorical yes/no "
                    "questions closing the body ('السؤال الذي يطرح نفسه الآن: هل ...؟').",
            "why": "A closing question invites speculation the story has not earned and blurs news with "
                   "opinion; none of 300 professional Arabic articles ends with one.",
            "example": "السؤال الذي يطرح نفسه الآن: هل ستصبح هذه الشراكة نموذجاً للتعاون الدولي؟",
            "instead": "ومن المقرر أن يجتمع الجانبان مجدداً في مارس لمراجعة الخطة، بحسب البيان.",
        },
        standard="Al Jazeera Code of Ethics (separate news from opinion); Betteridge's adage (yes/no questions)",
        examples={
            "fail": ["# اتفاق أمني\n\nوقع البلدان الاتفاق أمس، بحسب وكالة الأنباء.\n\nفهل ينجح الاتفاق في وقف التهريب؟",
                     "# Pact signed\n\nThe two countries signed the pact, Reuters reported.\n\nWill it last?"],
            "pass": ["# اتفاق أمني\n\nوقع البلدان الاتفاق أمس، بحسب وكالة الأنباء، ويجتمعان مجدداً في مارس.",
                     "# Pact signed\n\nThe two countries signed the pact, Reuters reported. They meet again in March."],
        },
    )

    def _last(self, doc: Document) -> Block | None:
        for b in reversed(doc.blocks):
            if "body" in b.scopes and "quote" not in b.scopes:
                if len(b.norm().text.split()) <= _MAX_RESIDUE_WORDS and not b.norm().text.rstrip().endswith("?"):
                    continue
                return b
        return None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """At most one finding, on the closing paragraph."""
        last = self._last(doc)
        if last is None or last is doc.headline:
            return
        nt = last.norm()
        engage = ctx.lexicon(doc.lang).matcher("closing_engagement")
        for h in engage.finditer(nt):
            if not last.in_quote(h.start, h.end):
                yield self.finding(doc, h.start, h.end, scope="body")
                return
        sents = last.sentences()
        if not sents:
            return
        s, e = sents[-1]
        sentence = doc.text[s:e].rstrip()
        if not sentence.endswith(("?", "؟")) or last.in_quote(s, e):
            return
        frame = next(iter(_FRAMES.finditer(last.norm())), None)
        frame_in_sentence = frame is not None and s <= frame.start < e
        closed = _AR_CLOSED_RE if doc.lang == "ar" else _EN_CLOSED_RE
        tail = sentence.split(":", 1)[-1] if ":" in sentence else sentence
        from editcheck.text.normalize import normalize

        if frame_in_sentence or closed.match(normalize(tail).text):
            yield self.finding(doc, s, e, scope="body")


RULE = ClosingQuestion()
