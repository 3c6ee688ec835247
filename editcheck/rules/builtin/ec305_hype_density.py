"""EC305 hype-density: a draft thick with hype words (historic, unprecedented, تاريخي ...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta
from editcheck.text.segment import word_count

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

#: distinct hype terms in headline and body at or above which the draft is reported
MIN_DISTINCT = 4
#: hype hits per 100 body words at or above which the draft is reported (with >= 3 hits)
MAX_DENSITY = 1.5
HYPE_SUFFIXES = ("ة", "ا", "ان", "ين", "ون")


class HypeDensity(Rule):
    """Count hype words (lexicon list ``hype``) in the headline and body; report the draft
    once, at the first hype word, when it uses four or more distinct ones or more than 1.5
    per 100 words. Single hype words are EC304 (info)."""

    meta = RuleMeta(
        code="EC305", name="hype-density", family="sensational-marker", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("headline", "body"),
        message="Hype words used {count} times ({terms}): replace adjectives with facts",
        messages={"ar": "كلمات التهويل تكررت {times} في الخبر ({terms}): استبدل الصفات بالوقائع"},
        docs={
            "what": "Counts hype adjectives and adverbs ('تاريخي', 'غير مسبوق', 'استثنائي', 'historic', "
                    "'unprecedented') and reports drafts that lean on them.",
            "why": "Loaded language is the most frequent persuasion technique in Arabic news; a string of "
                   "superlatives tells readers what to think instead of what happened.",
            "example": "في تطور استراتيجي مفصلي ... لقاءً أمنياً تاريخياً ... اجتماع نادر ... بشكل استثنائي",
            "instead": "Say what was agreed, by whom, and what changes; keep at most one evaluative word, attributed.",
        },
        standard="BBC Editorial Guidelines s.3 (clear, precise language); Al Jazeera Code of Ethics (avoid loaded "
                 "vocabulary); ArPro corpus (Loaded_Language is the commonest technique)",
        examples={
            "fail": ["# اتفاق تاريخي\n\nفي خطوة تاريخية غير مسبوقة، وقع البلدان اتفاقاً استثنائياً مذهلاً."],
            "pass": ["# اتفاق للتعاون الأمني\n\nوقع البلدان اتفاقاً للتعاون الأمني، بحسب بيان لوزارة الداخلية."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """At most one finding per draft."""
        matcher = ctx.lexicon(doc.lang).matcher("hype", suffixes=HYPE_SUFFIXES if doc.lang == "ar" else ())
        hits = []
        body = []
        for b in doc.blocks:
            if not b.scopes & {"headline", "body"} or "quote" in b.scopes:
                continue
            if "body" in b.scopes:
                body.append(b)
            for h in matcher.finditer(b.norm()):
                if not b.in_quote(h.start, h.end):
                    hits.append(h)
        dense = len({h.term.term for h in hits}) >= MIN_DISTINCT
        if not dense and len(hits) >= 3:  # the body's words are only counted when they can matter
            words = sum(word_count(b.text) for b in body)
            dense = 100 * len(hits) / max(words, 1) >= MAX_DENSITY
        if dense:
            distinct = list(dict.fromkeys(doc.text[h.start:h.end] for h in hits))  # in order of appearance
            first = hits[0]
            more = len(distinct) - 8
            shown = ("، " if doc.lang == "ar" else ", ").join(distinct[:8]) + (f" +{more}" if more > 0 else "")
            yield self.finding(doc, first.start, first.end, count=len(hits), times=times_ar(len(hits)), terms=shown,
                               scope="document")


def times_ar(n: int) -> str:
    """``n`` times in Arabic, with the counted noun agreeing with the number: ``مرة واحدة``,
    ``مرتين``, ``3 مرات`` ... ``10 مرات`` (plural after 3-10, also 103-110...), ``11 مرة``
    (singular after 11-99 and round hundreds)."""
    if n == 1:
        return "مرة واحدة"
    if n == 2:
        return "مرتين"
    return f"{n} مرات" if 3 <= n % 100 <= 10 else f"{n} مرة"


RULE = HypeDensity()
