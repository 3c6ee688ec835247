"""EC301 breaking-label: an urgency label ("عاجل:", "BREAKING") used as headline copy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Edit, Finding, Fix, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

# label at the start of a block or of a breadcrumb segment, followed by : | - – — ! or the end
_AR_RE = re.compile(
    r"(?:^|(?<=[/>»›|]\s)|(?<=[/>»›|]))\s*(?P<label>(?:خبر\s+)?عاجل(?:\s+جدا|\s+وهام)?|هام\s+وعاجل|ورد\s+الان)"
    r"(?P<punct>\s*(?:[:|\-–—!]+|$))"
)
_AR_HEAD_RE = re.compile(r"^\s*(?P<label>(?:خبر\s+)?عاجل(?:\s+جدا|\s+وهام)?|هام\s+وعاجل|ورد\s+الان)(?![\w])")
_EN_RE = re.compile(
    r"(?:^|(?<=[/>»›|]\s))\s*(?P<label>breaking(?:\s+news)?|just\s+in|urgent|developing)(?P<punct>\s*(?:[:|\-–—!]+|$))",
    re.I,
)
_EN_CAPS_RE = re.compile(r"^\s*(?P<label>BREAKING(?:\s+NEWS)?|JUST\s+IN|URGENT)(?![\w])")
#: where a label is, as the message names it: {language: {place: words}}
_WHERE = {
    "en": {"headline": "headline", "body": "body", "breadcrumb": "breadcrumb trail"},
    "ar": {"headline": "العنوان", "body": "متن الخبر", "breadcrumb": "مسار التصفح"},
}
#: the breadcrumb separators after which _AR_RE and _EN_RE may match (else only at the start)
_SEPARATORS = "/>»›|"


def _labels(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(rx.finditer(text))`` for :data:`_AR_RE` and :data:`_EN_RE`: they match at the
    start of ``text`` (``^``, no MULTILINE) or after a separator, so a block without a
    separator needs one :meth:`re.Pattern.match` instead of a try at every position."""
    if any(sep in text for sep in _SEPARATORS):
        return list(rx.finditer(text))
    m = rx.match(text)
    return [m] if m is not None else []


class BreakingLabel(Rule):
    """Report urgency labels in label position: at the start of the headline or of any
    block or breadcrumb segment, followed by a colon, bar, dash, exclamation mark or the
    end of the line (the front-matter ``title`` counts as headline copy, also when the ``#``
    heading shows it). Adjectival use (``اجتماع عاجل``, ``عاجلاً أم آجلاً``) is never flagged.
    A doubled or shouted label (``عاجل عاجل``, ``BREAKING!!!``) is an error."""

    meta = RuleMeta(
        code="EC301", name="breaking-label", family="sensational-marker", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("headline", "body", "breadcrumb"),
        # {where}: headline, body or breadcrumb trail (_WHERE), in the draft's language
        message="Urgency label '{match}' in the {where}: a wire priority code, not part of the story",
        messages={"ar": "وسم الاستعجال '{match}' في {where}: رمز أولوية في الوكالات وليس جزءاً من الخبر"},
        fixable=True,
        docs={
            "what": "Finds 'عاجل:', 'خبر عاجل', 'ورد الآن', 'BREAKING', 'JUST IN' used as a label at the start of the "
                    "headline or a paragraph. A doubled label ('عاجل عاجل') or a shouted one ('BREAKING!!') is an error.",
            "why": "On the wire ALERT/URGENT mark priority and are stripped before publication; left in a web "
                   "headline they overplay the story and go stale within hours.",
            "example": "عاجل: السعودية وكازاخستان تتفقان على خطة أمنية مشتركة",
            "instead": "السعودية وكازاخستان تتفقان على خطة أمنية مشتركة",
        },
        standard="Reuters Handbook, 'The Drill for Breaking News' (ALERT/URGENT are format codes); "
                 "Al Jazeera Code of Ethics (no overplaying)",
        examples={
            "fail": ["# عاجل: الحكومة تعلن خطة جديدة للنقل العام", "# BREAKING: Government unveils transport plan"],
            "pass": ["# الحكومة تعقد اجتماعاً عاجلاً لبحث خطة النقل", "# Government holds urgent meeting on transport"],
        },
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per label."""
        for b in doc.blocks:
            # the front-matter title shown at the "#" heading (kind "title") is headline copy
            # too: its label is reported and removed together with the heading's
            title = b.kind == "title"
            if not (title or b.scopes & {"headline", "body", "breadcrumb"}) or "quote" in b.scopes:
                continue
            head = title or "headline" in b.scopes
            place = "headline" if head else "body" if "body" in b.scopes else "breadcrumb"
            where = _WHERE["ar" if doc.lang == "ar" else "en"][place]
            nt = b.norm()
            text = nt.text
            if doc.lang == "ar":
                matches = _labels(_AR_RE, text)
                if head and not matches:
                    matches = list(_AR_HEAD_RE.finditer(text))
            else:
                matches = _labels(_EN_RE, text)
                if not matches and head:
                    matches = list(_EN_CAPS_RE.finditer(b.norm("spelling").text))
                    if matches:
                        nt = b.norm("spelling")
            for m in matches:
                s, e = nt.span(m.start("label"), m.end("label"))
                punct = m.groupdict().get("punct") or ""
                sev = Severity.WARNING
                if "!!" in punct or re.search(r"عاجل\W+عاجل", text) or (doc.lang == "en" and b.source[s:e].isupper()
                                                                          and "!" in punct):
                    sev = Severity.ERROR
                fe = nt.span(m.start("label"), m.end())[1] if punct.strip() else e
                while fe < b.end and b.source[fe] == " ":
                    fe += 1
                fix = Fix((Edit(s, fe, ""),), safe=False, description="remove the label")
                yield self.finding(doc, s, e, severity=sev, scope=b.kind, fix=fix, where=where)


RULE = BreakingLabel()
