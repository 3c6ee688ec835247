"""EC302 headline-exclamation: an exclamation mark in the headline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

_BANG_RE = re.compile(r"[!?]*![!?]*")


class HeadlineExclamation(Rule):
    """Report ``!`` (and its look-alikes ！ ‼ ❗) in the headline outside a quotation: one
    mark is a warning; a run (``!!``, ``؟!``, ``!?``) is an error."""

    meta = RuleMeta(
        code="EC302", name="headline-exclamation", family="sensational-marker", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("headline",),
        message="Exclamation mark in the headline: let the facts carry the weight",
        messages={"ar": "علامة تعجب في العنوان: دع الوقائع تتكلم"},
        docs={
            "what": "Finds exclamation marks in the headline (outside quotation marks). One mark is a warning; a "
                    "run such as '!!', '!!!', '؟!' or '!?' is an error.",
            "why": "An exclamation mark tells the reader how to feel; news headlines state what happened. "
                   "Professional Arabic and English desks almost never use one (1% of 3,300 headlines).",
            "example": "السعودية وكازاخستان تتفقان على خطة أمنية مشتركة!",
            "instead": "السعودية وكازاخستان تتفقان على خطة أمنية مشتركة",
        },
        standard="Al Jazeera Code of Ethics (headlines must not overplay); Arabic headline textbooks "
                 "(عبد اللطيف حمزة، المدخل في فن التحرير الصحفي)",
        examples={"fail": ["# الحكومة تخفض أسعار الوقود!", "# Fuel prices cut!!"],
                  "pass": ["# الحكومة تخفض أسعار الوقود", "# Fuel prices cut by 5%"]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per run of exclamation marks in the headline."""
        head = doc.headline
        if head is None:
            return
        nt = head.norm()
        for m in _BANG_RE.finditer(nt.text):
            s, e = nt.span(m.start(), m.end())
            if head.in_quote(s, e):
                continue
            run = doc.text[s:e]
            sev = Severity.ERROR if len(m.group()) > 1 or "‼" in run or "⁉" in run else Severity.WARNING
            yield self.finding(doc, s, e, severity=sev, scope="headline")


RULE = HeadlineExclamation()
