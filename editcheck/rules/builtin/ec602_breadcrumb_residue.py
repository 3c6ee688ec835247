"""EC602 breadcrumb-residue: a web page's breadcrumb trail left in the draft."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.analysis.headline import find_headline_copy, headline_tokens
from editcheck.model import Edit, Finding, Fix, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

_SEP_RE = re.compile(r"\s*[/>»›|]\s*")
#: line breaks and blank lines (spaces or tabs only) from a line's end
_BLANK_LINES_RE = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))*")
#: the rest of a line (spaces or tabs) and its line break
_BREAK_RE = re.compile(r"[ \t]*(?:\r\n|\r|\n)?")


class BreadcrumbResidue(Rule):
    """Report a line that starts with a breadcrumb trail (``الرئيسية / شؤون محلية /``,
    ``Home > World >``); the span is the trail up to its last separator.

    The fix (unsafe) removes the trail: the last segment is the page's own title, which may
    be the draft's only headline. When the line repeats the headline (EC101's test,
    :func:`~editcheck.analysis.headline.find_headline_copy`), the fix removes the whole line
    instead, with the blank lines after it: removing the trail alone would leave a copy of
    the headline as a paragraph (an EC101 error)."""

    meta = RuleMeta(
        code="EC602", name="breadcrumb-residue", family="boilerplate-residue", severity=Severity.WARNING,
        languages=frozenset({"ar", "en"}), scopes=("breadcrumb",), fixable=True,
        message="Breadcrumb trail '{match}' copied from a web page: remove it",
        messages={"ar": "مسار تصفح '{match}' منسوخ من صفحة ويب: احذفه"},
        docs={
            "what": "Finds site navigation trails ('الرئيسية / أخبار /', 'Home > News >') at the start of a line.",
            "why": "Scraping residue is not copy; it also pollutes duplicate detection and the headline.",
            "example": "الرئيسية / شؤون محلية / عاجل: تحالف أمني ...",
            "instead": "Delete the trail, and the whole line when it ends with the headline (EC101 reports that copy); "
                       "keep the section in the front matter ('section: شؤون محلية').",
        },
        standard="editcheck house standard for copied web text (editorial-standards R19)",
        examples={"fail": ["الرئيسية / شؤون محلية / الحكومة تعلن خطة النقل\n\nنص الخبر."],
                  "pass": ["الحكومة تعلن خطة النقل\n\nنص الخبر."]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per breadcrumb line."""
        tokens: tuple[str, ...] | None = None
        for b in doc.blocks:
            if b.kind != "breadcrumb":
                continue
            text = b.text
            seps = list(_SEP_RE.finditer(text))
            if not seps:
                continue
            end = b.start + seps[-1].end()
            while end > b.start and text[end - b.start - 1] == " ":
                end -= 1
            if tokens is None:
                tokens = headline_tokens(doc) or ()
            if tokens and find_headline_copy(b, tokens) is not None:
                s, e = line_span(doc.text, b.start, b.end)
                fix = Fix((Edit(s, e, ""),), safe=False, description="remove the breadcrumb line (it repeats the headline)")
            else:
                fix = Fix((Edit(b.start, b.start + seps[-1].end(), ""),), safe=False, description="remove the trail")
            yield self.finding(doc, b.start, end, scope="breadcrumb", fix=fix)


def line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span that removes ``text[start:end]`` as whole lines: from its line's start through
    its line break and the blank lines after it; when it is the draft's last content, from
    the line break before it (the blank lines before it too) to the end, so the draft keeps
    the break it had after its last line. ``(start, end)`` itself when other text shares
    its first or last line (markup such as ``<p>`` or a quote's ``>``)."""
    s, e = start, end
    while s > 0 and text[s - 1] in " \t":
        s -= 1
    while e < len(text) and text[e] in " \t":
        e += 1
    if (s > 0 and text[s - 1] not in "\r\n") or (e < len(text) and text[e] not in "\r\n"):
        return start, end
    if text[e:].strip():
        return s, _BLANK_LINES_RE.match(text, e).end()  # type: ignore[union-attr]
    p = s
    while p > 0 and text[p - 1].isspace():
        p -= 1
    if p > 0:  # keep the last content's own line break, drop the blank lines and this line
        s = _BREAK_RE.match(text, p).end()  # type: ignore[union-attr]
    return s, len(text)


RULE = BreadcrumbResidue()
