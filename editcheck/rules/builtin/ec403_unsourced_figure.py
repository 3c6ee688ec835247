"""EC403 unsourced-figure: a count, percentage, amount or distance with no source nearby."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from editcheck.analysis.sourcing import is_sourced
from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta
from editcheck.rules.matcher import norm_key

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

_NUM_RE = regex.compile(r"(?<![\w.,:/-])(\d{1,3}(?:[,\u066c]\d{3})+|\d+)(?:[.]\d+)?(?![\w:/]|[.,]\d|-\d)")
_PERCENT_RE = regex.compile(r"^\s*(?:%|٪|بالمئة|بالمائة|في المئة|في المائة|percent|per\s+cent)")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}")
# after a number these are durations ("200 سنة"), before it they make a date ("عام 2020")
_DURATION = frozenset({"عام", "عاما", "سنة", "سنوات", "اعوام", "year", "years"})
_YEARS = _DURATION | {"شهر", "شهرا", "اشهر", "شهور", "يوم", "يوما", "ايام", "اسبوع", "اسابيع", "months", "days", "weeks"}
_TIME_BEFORE = frozenset({"منذ", "قبل", "بعد", "خلال", "طيلة", "طوال", "مدى", "لمدة", "مدة", "اخر", "since", "for", "over",
                          "after", "within", "past", "last", "next"})


class UnsourcedFigure(Rule):
    """Report figures (a number followed within two words by a counted noun, unit, currency
    or scale word, or by a percent sign) in a paragraph with no credible sourcing in it or in
    the paragraph before, in a story whose first two paragraphs name no source either.
    Dates, years, times, ages, ordinals and sports scores are exempt. Sourcing by a made-up
    or unnamed expert does not count."""

    meta = RuleMeta(
        code="EC403", name="unsourced-figure", family="unsourced-figure", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("body",),
        message="Figure '{match}' has no source in its paragraph: say who counted or measured it",
        messages={"ar": "الرقم '{match}' بلا مصدر في فقرته: اذكر من أحصاه أو قاسه"},
        docs={
            "what": "Finds counts, percentages, amounts and distances in paragraphs that attribute nothing (no "
                    "'قال', 'بحسب', 'وفقاً لـ', agency, report or link in the paragraph or the one before).",
            "why": "Numbers carry authority; an unsourced figure cannot be checked and is often inflated.",
            "example": "جمع اللقاء 12 مسؤولاً أمنياً رفيع المستوى ... خريطة تمتد عبر 9000 كيلومتر.",
            "instead": "جمع اللقاء 12 مسؤولاً أمنياً، بحسب بيان وزارة الداخلية.",
        },
        standard="Reuters Handbook (source every statement that is not established fact); BBC Editorial "
                 "Guidelines s.3.3 (check statistics and attribute what cannot be verified)",
        examples={
            "fail": ["# لقاء\n\nاستقبل الوزير نظيره.\n\nوجمع اللقاء 12 مسؤولاً أمنياً من البلدين في الرياض اليوم.",
                     "# Meeting\n\nThe minister met his counterpart.\n\nThe talks brought together 12 senior officials."],
            "pass": ["# لقاء\n\nوجمع اللقاء 12 مسؤولاً أمنياً، بحسب بيان لوزارة الداخلية.",
                     "# Meeting\n\nThe talks brought together 12 senior officials, the ministry said."],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per unsourced figure."""
        lex = ctx.lexicon(doc.lang)
        nouns = lex.keyset.get("figure_nouns", frozenset())
        dates = lex.keyset.get("date_words", frozenset())
        body = [b for b in doc.blocks if "body" in b.scopes and "quote" not in b.scopes]
        # a source named high in the story (lede or second paragraph) covers the figures
        # that follow from it, as wire copy does ("..., the bulletin showed." then figures)
        if any(is_sourced(doc, ctx, b) for b in body[:2]):
            return
        for i, b in enumerate(body):
            # a paragraph's figures count when neither it nor the one before is sourced; a
            # paragraph without a number has none, so its sourcing is not looked at
            if _NUM_RE.search(b.norm().text) is None:
                continue
            if not is_sourced(doc, ctx, b) and not (i and is_sourced(doc, ctx, body[i - 1])):
                yield from self._figures(doc, b, nouns, dates)

    def _figures(self, doc: Document, b, nouns: frozenset[str], dates: frozenset[str]) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
        nt = b.norm()
        text = nt.text
        for m in _NUM_RE.finditer(text):
            num = m.group()
            value = num.replace(",", "").replace("\u066c", "")
            after_text = text[m.end():m.end() + 40]
            before = text[max(0, m.start() - 25):m.start()].split()
            prev_word = norm_key(before[-1]) if before else ""
            if _TIME_RE.match(text, m.start()):
                continue
            if prev_word in dates or (len(before) > 1 and norm_key(before[-1]) in ("عام", "سنة", "year")):
                continue
            after = after_text.split()[:3]
            # "12 يونيو/حزيران" (Gulf and Levantine month names together) is a date
            words = [norm_key(w.strip(".,;:!?()\"'«»").split("/")[0]) for w in after]
            if words and words[0] in dates and words[0] not in _DURATION:
                continue
            is_year = len(value) == 4 and value.isdigit() and 1800 <= int(value) <= 2100
            percent = _PERCENT_RE.match(after_text) is not None
            counted = any(w in nouns for w in words[:2])
            if is_year and not percent:
                continue
            if not (percent or counted):
                continue
            # "منذ 15 عاماً", "قبل 3 سنوات", "15 years ago": a point in time, not a figure
            if words and words[0] in _YEARS and (prev_word in _TIME_BEFORE or (len(words) > 1 and words[1] == "ago")):
                continue
            end = m.end()
            pm = _PERCENT_RE.match(after_text)
            span_end = m.end() + pm.end() if pm else m.end()
            if not pm:
                # include the counted noun in the span ("12 مسؤولاً")
                for i, w in enumerate(words[:2]):
                    if w in nouns:
                        tail = after_text.split()
                        offset = after_text.find(tail[i]) + len(tail[i])
                        span_end = m.end() + offset
                        break
            s, e = nt.span(m.start(), max(end, span_end))
            while e > s and doc.text[e - 1] in ".,;:!?،؛»\")":
                e -= 1
            yield self.finding(doc, s, e, scope=b.kind)


RULE = UnsourcedFigure()
