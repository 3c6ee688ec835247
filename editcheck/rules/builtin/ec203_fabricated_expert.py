"""EC203 fabricated-expert: an "expert" whose family name is the name of a field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.analysis.people import fabricated_experts
from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class FabricatedExpert(Rule):
    """Report a title or role, a given name and a field word as surname: ``د. محمد
    الاستراتيجي``, ``اللواء أحمد المحلل الأمني``, ``الدبلوماسي السابق خالد التحليلي``,
    ``Dr. Mohammed Strategist``, ``security analyst Ahmed``. Cleared by an affiliation
    within eight words; info when the "surname" is also a common family name (العسكري)."""

    meta = RuleMeta(
        code="EC203", name="fabricated-expert", family="vague-expert", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("body", "headline"),
        message="'{match}' looks like an invented expert: a title or job and a given name, with a field of expertise "
                "or nothing in place of a family name; verify the person exists and give their full name and affiliation",
        messages={"ar": "'{match}' يبدو خبيراً مختلَقاً: لقب أو وظيفة واسم أول، وفي مكان اسم العائلة مجال تخصص "
                        "أو لا شيء؛ تحقق من وجوده واذكر اسمه الكامل وجهة عمله"},
        docs={
            "what": "Finds person mentions whose 'family name' is their field (الاستراتيجي, التحليلي, الأمني; "
                    "Strategist, Analyst) or a role with a lone given name ('security analyst Ahmed').",
            "why": "Made-up experts are a hallmark of fabricated or machine-written copy; a real expert has a full "
                   "name and an affiliation the reader can check.",
            "example": "د. محمد الاستراتيجي، خبير العلاقات الدولية، وصف التعاون بالمحوري.",
            "instead": "وقال أستاذ العلاقات الدولية في جامعة الملك سعود محمد القحطاني إن التعاون محوري.",
        },
        standard="Al Jazeera Code of Ethics (real expertise, no fabricated reports); BBC Editorial Guidelines s.3 "
                 "(give credentials so the audience can judge a source)",
        examples={
            "fail": ["د. محمد الاستراتيجي، خبير العلاقات الدولية، وصف التعاون بالمحوري.",
                     "Dr. Mohammed Strategist, an international relations expert, called it pivotal."],
            "pass": ["وقال الفريق محمد البسامي مدير الأمن العام إن التعاون مستمر.",
                     "Dr. Sarah Mitchell, professor of economics at the University of Leeds, said so."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per made-up-looking expert."""
        blocks = {b.index: b for b in doc.blocks}
        for p in fabricated_experts(doc, ctx):
            yield self.finding(doc, p.start, p.end, severity=p.severity, scope=blocks[p.block].kind)


RULE = FabricatedExpert()
