"""EC604 bidi-control: explicit bidirectional formatting characters that reorder text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editcheck.model import Edit, Finding, Fix, Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

#: LRE, RLE, LRO, RLO open an embedding/override that PDF closes.
EMBEDDINGS = "\u202a\u202b\u202d\u202e"
OVERRIDES = "\u202d\u202e"
PDF = "\u202c"
#: LRI, RLI, FSI open an isolate that PDI closes.
ISOLATES = "\u2066\u2067\u2068"
PDI = "\u2069"
CONTROLS = EMBEDDINGS + PDF + ISOLATES + PDI
LRO, RLO = "\u202d", "\u202e"
#: bidi classes shown left to right (letters, European and Arabic-Indic digits) or right to left
_LTR = frozenset({"L", "EN", "AN"})
_RTL = frozenset({"R", "AL"})
#: an override in the text's own direction: nothing visible changes, but it is still there
_SAME_DIRECTION = {
    "en": "Invisible bidi control {controls} around '{match}': it does not change the display here, but search, "
          "spell-checking and the CMS see it; remove it",
    "ar": "محرف اتجاه خفي {controls} حول '{match}': لا يغيّر العرض هنا لكن البحث والتدقيق ونظام النشر تراه؛ احذفه",
}
_LINE_ENDS = "\n\r\u2029\x1c\x1d\x1e\x85"


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'BIDI CONTROL')}"


def control_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, opener)`` of each explicit bidi run in ``text`` (code-point offsets).

    A run goes from its opening control to the control that closes it under UAX #9
    (PDF closes the innermost embedding or override, PDI the innermost isolate and all
    embeddings opened inside it), else to the end of the paragraph, where every run ends.
    A closing control with nothing to close is a run of its own (``opener`` is that
    closer). Runs are yielded in order of their start.
    """
    out: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if ch in _LINE_ENDS:
            while stack:
                s, op = stack.pop()
                out.append((s, i, op))
            continue
        if ch not in CONTROLS:
            continue
        if ch in EMBEDDINGS or ch in ISOLATES:
            stack.append((i, ch))
        elif ch == PDF:
            if stack and stack[-1][1] in EMBEDDINGS:
                s, op = stack.pop()
                out.append((s, i + 1, op))
            else:
                out.append((i, i + 1, ch))
        else:  # PDI
            if any(op in ISOLATES for _, op in stack):
                while stack:
                    s, op = stack.pop()
                    out.append((s, i + 1, op))
                    if op in ISOLATES:
                        break
            else:
                out.append((i, i + 1, ch))
    while stack:
        s, op = stack.pop()
        out.append((s, len(text), op))
    out.sort()
    return iter(out)


class BidiControl(Rule):
    """Report explicit bidi controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).

    The span runs from the control to the one that closes it (or the end of the line), so
    ``match`` shows the text whose display order changes. An override (LRO/RLO) that turns
    the run round is a warning (a draft that says ``81`` shows ``18``); one in the text's own
    direction (``LRO BBC Arabic PDF``) changes nothing visible and is info, as are the other
    controls. The fix removes the controls of the run (unsafe: it changes how the
    line is displayed, so an editor should look at the result).
    """

    meta = RuleMeta(
        code="EC604", name="bidi-control", family="hygiene", severity=Severity.INFO,
        languages=frozenset({"ar", "en"}), scopes=("document",), fixable=True,
        message="Invisible bidi control {controls} changes how '{match}' is displayed{shown}: remove it",
        messages={"ar": "محرف اتجاه خفي {controls} يغيّر طريقة عرض '{match}'{shown}: احذفه"},
        docs={
            "what": "Finds explicit bidirectional formatting characters (U+202A-U+202E embeddings and overrides, "
                    "U+2066-U+2069 isolates) that copy-paste from web pages and chat apps leaves in a draft.",
            "why": "They are invisible but reorder what the reader sees: a right-to-left override makes the figure "
                   "'81' display as '18' and can hide a word; search, spell-checking and the CMS see something else "
                   "than the editor did (the 'Trojan Source' problem).",
            "example": "بلغ عدد الضحايا \u202e81\u202c شخصاً (shows 18)",
            "instead": "بلغ عدد الضحايا 81 شخصاً; use U+200F RIGHT-TO-LEFT MARK, not an override, to fix punctuation "
                       "direction.",
        },
        standard="Unicode Standard Annex #9 (Unicode Bidirectional Algorithm); Unicode Technical Report #36 "
                 "(security considerations, CVE-2021-42574)",
        examples={"fail": ["# خبر\n\nبلغ عدد الضحايا \u202e81\u202c شخصاً وفق وزارة الصحة."],
                  "pass": ["# خبر\n\nبلغ عدد الضحايا 81 شخصاً وفق وزارة الصحة.",
                           "# خبر\n\nقال الوزير\u200f: إن الخطة جاهزة."]},
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One finding per explicit bidi run in the whole text (front matter included)."""
        text = doc.text
        if not any(c in text for c in CONTROLS):
            return
        for start, end, opener in control_runs(text):
            controls = [i for i in range(start, end) if text[i] in CONTROLS]
            names = ", ".join(dict.fromkeys(_name(text[i]) for i in controls))
            severity, shown, message = None, "", None
            if opener in OVERRIDES:
                plain = "".join(c for c in text[start:end] if c not in CONTROLS)
                turned = overridden(plain, opener)
                if turned:
                    severity = Severity.WARNING
                    if opener == RLO and not any(unicodedata.bidirectional(c) in _RTL for c in plain):
                        # left-to-right text and digits only: shown right to left, i.e. reversed
                        shown = f" (يراه القارئ '{plain[::-1]}')" if doc.lang == "ar" else f" (readers see '{plain[::-1]}')"
                else:
                    message = _SAME_DIRECTION["ar" if doc.lang == "ar" else "en"]
            fix = Fix(tuple(Edit(i, i + 1, "") for i in controls), safe=False, description="remove the bidi controls")
            yield self.finding(doc, start, end, severity=severity, scope="document", fix=fix, controls=names, shown=shown,
                               message=message)


def overridden(run: str, opener: str) -> bool:
    """True when override ``opener`` (LRO or RLO) changes how ``run`` (its text, controls
    removed) is displayed: RLO turns round what is normally shown left to right (Latin
    letters, digits: bidi classes L, EN, AN), LRO what is shown right to left (Arabic,
    Hebrew: R, AL). An override in the text's own direction (``LRO BBC Arabic PDF``,
    ``RLO علوم PDF``, common in copied web titles) changes nothing visible."""
    turned = _LTR if opener == RLO else _RTL
    return any(unicodedata.bidirectional(c) in turned for c in run)


RULE = BidiControl()
