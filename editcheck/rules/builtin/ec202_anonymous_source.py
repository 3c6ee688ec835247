"""EC202 anonymous-source: a statement or quotation credited to an unnamed source."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.analysis.people import anonymous_sources
from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class AnonymousSource(Rule):
    """Report ``مصادر مطلعة``, ``أحد المرافقين ... وصف``, ``sources say``, ``وقالت مصادر إن``,
    ``a senior official said``, and inverted or after a preposition: ``بحسب مصادر``,
    ``..., said a senior official``, ``according to sources``. A stated reason for
    anonymity in the paragraph (``طلب عدم نشر اسمه``) lowers the finding to info; a named
    institution right after the phrase (``مصدر مسؤول في وزارة الداخلية``) clears it, and so
    does a personal name in apposition (``أحد الأعضاء البارزين في البرلمان، هانز بيتر بارتلز،``)."""

    meta = RuleMeta(
        code="EC202", name="anonymous-source", family="unattributed-quote", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("body", "headline"),
        message="Anonymous source ('{match}'): describe the source as precisely as you can and say why it is not named",
        messages={"ar": "مصدر مجهول ('{match}'): صِف المصدر بأدق ما يمكن واذكر سبب حجب اسمه"},
        docs={
            "what": "Finds statements credited to unnamed sources: 'مصادر مطلعة', 'مصدر مقرب من', 'أحد المرافقين' "
                    "followed by a speech verb, 'sources say', 'one of the aides said', and an unnamed source noun "
                    "as the speaker ('وقالت مصادر إن', 'وذكر مسؤول حكومي رفيع أن', 'A senior government official "
                    "said'), also inverted or after an attribution preposition ('بحسب مصادر', 'نقلاً عن مصدر', "
                    "'..., said a senior official', 'according to sources'). A source named right after, between "
                    "commas ('one of the members of parliament, Hans-Peter Bartels, said'), is not anonymous; a "
                    "stated reason for anonymity lowers the finding to info.",
            "why": "Anonymous sources are the weakest kind; readers need to know how close the source is to the "
                   "information and why it was granted anonymity.",
            "example": "أحد المرافقين في الوزارة وصف الأجواء بأنها \"كانت إيجابية\".",
            "instead": "وقال مسؤول في الوزارة، طلب عدم نشر اسمه لأنه غير مخول بالتصريح، إن الأجواء كانت إيجابية.",
        },
        standard="AP Stylebook, 'anonymous sources'; Reuters Handbook, 'The Essentials of Reuters sourcing'; "
                 "BBC Editorial Guidelines s.3",
        examples={
            "fail": ["أحد المرافقين في الوزارة وصف الأجواء بأنها \"كانت إيجابية ومثمرة\".",
                     "Sources say investment opportunities are booming.",
                     "The talks have failed, according to sources."],
            "pass": ["وقال مصدر مسؤول في وزارة الداخلية إن الاجتماع انتهى.",
                     "وقال أحد الأعضاء البارزين في البرلمان، هانز بيتر بارتلز، إن الاستعداد القتالي تدهور.",
                     "Government official John Smith said the talks had ended.",
                     "The talks have failed, according to the ministry."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per anonymous source."""
        blocks = {b.index: b for b in doc.blocks}
        for p in anonymous_sources(doc, ctx):
            yield self.finding(doc, p.start, p.end, severity=p.severity, scope=blocks[p.block].kind)


RULE = AnonymousSource()
