"""EC201 unnamed-experts: a claim or forecast credited to unnamed experts or observers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.analysis.people import vague_experts
from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context


class UnnamedExperts(Rule):
    """Report ``الخبراء يتوقعون``, ``يرى محللون``, ``experts expect``, ``analysts say``: an
    unnamed group made the source of a claim. Tone rules inside a named speaker's quotation
    are the speaker's words and drop to info."""

    meta = RuleMeta(
        code="EC201", name="unnamed-experts", family="vague-expert", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("body", "headline"),
        message="Claim credited to an unnamed group ('{match}'): name the people and their affiliation",
        messages={"ar": "ادعاء منسوب إلى فئة غير مسمّاة ('{match}'): سمِّ أصحابه واذكر صفاتهم والجهات التي يعملون بها"},
        docs={
            "what": "Finds an unnamed collective ('الخبراء', 'محللون', 'مراقبون', 'experts', 'analysts') next to an "
                    "opinion or speech verb ('يتوقعون', 'يرى', 'say', 'expect').",
            "why": "Readers cannot judge a forecast whose source has no name; 'experts say' is the classic way "
                   "to put the writer's opinion in someone else's mouth.",
            "example": "الخبراء يتوقعون تطوراً سريعاً في الشراكة الأمنية.",
            "instead": "وتتوقع الباحثة في مركز الخليج للأبحاث سارة العلي تطوراً سريعاً في الشراكة.",
        },
        standard="Al Jazeera Code of Ethics (analysis from people with real expertise); AP Stylebook, "
                 "'anonymous sources'; Reuters Handbook, sourcing",
        examples={
            "fail": ["الخبراء يتوقعون تطوراً سريعاً في الشراكة الأمنية خلال الأشهر المقبلة.",
                     "Experts expect the partnership to grow rapidly."],
            "pass": ["وقال الخبير في معهد الدراسات الأمنية سامي العتيبي إن الشراكة ستتطور.",
                     "Experts at the International Monetary Fund expect growth to slow."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per unnamed-expert claim."""
        blocks = {b.index: b for b in doc.blocks}
        for p in vague_experts(doc, ctx):
            b = blocks[p.block]
            sev = Severity.INFO if b.in_quote(p.start, p.end) else p.severity
            yield self.finding(doc, p.start, p.end, severity=sev, scope=b.kind)


RULE = UnnamedExperts()
