"""EC307 question-headline: a yes/no question as the headline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

_AR_RE = re.compile(r"^\W*(?:[وف]?هل)\b")
_EN_RE = re.compile(r"^\W*(?:will|would|is|are|can|could|should|does|do|did|has|have|was|were)\b", re.I)


class QuestionHeadline(Rule):
    """Report a headline that is a closed (yes/no) question: ``هل ...؟``, ``Will ...?``.
    Open questions (لماذا، كيف، ما؛ why, how, what) are a normal explainer form and pass."""

    meta = RuleMeta(
        code="EC307", name="question-headline", family="sensational-marker", severity=Severity.INFO,
        languages=frozenset({"ar", "en"}), scopes=("headline",),
        message="Yes/no question headline: if the story cannot answer 'yes', state what is known",
        messages={"ar": "عنوان بصيغة سؤال جوابه نعم أو لا: إن لم يجب الخبر بنعم فاذكر ما هو معروف"},
        docs={
            "what": "Finds headlines that ask a yes/no question.",
            "why": "Betteridge's adage: a yes/no headline can usually be answered 'no'; it hints at a claim the "
                   "story does not support. 6% of professional Arabic headlines end in '؟', mostly open "
                   "questions, so only closed questions are reported, and only as info.",
            "example": "هل تنهار العملة خلال أسابيع؟",
            "instead": "محللو بنك الخليج: العملة تحت ضغط حتى نهاية العام",
        },
        standard="Betteridge's adage (widely cited heuristic); IPSO Editors' Code cl. 1 (headlines supported by the text)",
        examples={"fail": ["# هل تنهار العملة خلال أسابيع؟", "# Will the pound collapse?"],
                  "pass": ["# لماذا تراجعت العملة؟", "# Why the pound fell"]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """At most one finding, on the headline."""
        head = doc.headline
        if head is None:
            return
        text = head.norm().text.strip()
        if not text.endswith("?"):
            return
        rx = _AR_RE if doc.lang == "ar" else _EN_RE
        if rx.match(text):
            yield self.finding(doc, head.start, head.end, scope="headline")


RULE = QuestionHeadline()
