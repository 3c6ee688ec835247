"""Property tests (hypothesis): no draft, however strange, breaks the checker.

For any text (Arabic, English, mixed, with control characters, bidi controls, zero-width
characters, combining marks, emoji, any line endings, Markdown, front matter and HTML
fragments): checking never raises; every finding's span lies inside the text; ``match`` is
the original text at the span; line and column map back to the offsets.

CI runs 2,000 drafts per property (``EDITCHECK_FUZZ_EXAMPLES`` overrides it; ``bench/fuzz.py``
runs 100,000).
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editcheck.document.reader import decode
from editcheck.engine import Checker, Options
from editcheck.errors import InputError
from editcheck.fix import apply_edits, choose_fixes
from editcheck.text.lines import LineIndex

EXAMPLES = int(os.environ.get("EDITCHECK_FUZZ_EXAMPLES", "2000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 2000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], database=None)

ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىةـ" + "".join(chr(c) for c in range(0x064B, 0x0653)) + "ٰ٠١٢٣٤٥٦٧٨٩۴"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789İßﬁ"
PUNCT = " .,;:!?؟،؛«»“”\"'()[]{}-–—/\\|#*_>`<&=%$@~^+…‼٫٬"
CONTROLS = "\t\x00\x01\x0b\x0c\x1b\x7f\x85\u2028\u2029"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad\u061c"
COMBINING = "\u0301\u0308\u0327\u20dd\ufe0f"
EMOJI = "\U0001f468\U0001f469\U0001f600\U0001f1f8\U0001f1e6\u2764\U0001f44d\U0001f3fd"
ALPHABET = ARABIC + LATIN + PUNCT + CONTROLS + INVISIBLE + COMBINING + EMOJI + "\n\r"

#: Pieces of real drafts so that rules actually fire on generated text.
FRAGMENTS = [
    "عاجل: ", "عاجل!", "BREAKING: ", "!!!", "مساءاً", "مساءً", "إنتخابات", "الخبراء يتوقعون", "Experts expect",
    "قال مصدر مطلع", "Sources say", "شارك الخبر", "Share this story", "verified icon", "الرئيسية / شؤون محلية / ",
    "Home > World > ", "12 مسؤولاً", "9000 كيلومتر", "200 سنة", "40%", "د. محمد الاستراتيجي، خبير", "اللواء أحمد المحلل الأمني",
    "استراتيجي", "تاريخياً", "historic", "game-changing", "السؤال الذي يطرح نفسه الآن: هل؟", "«نص مقتبس»", "\"quoted\"",
    "---\ntitle: خبر\nsources: []\n---\n", "---\ntitle: [\n---\n", "---\n", "# ", "## ", "> ", "- ", "1. ", "```\ncode\n```\n",
    "`x`", "**", "[رابط](https://x.org)", "<!-- editcheck: disable=EC301 -->", "<!-- editcheck: disable-next-line -->",
    "<p>", "</p>", "<h1>", "</h1>", "<script>", "</script>", "&amp;", "&quot;", "&#1593;", "| a | b |\n|---|---|\n",
    "\n\n", "\r\n", "\r", "وفقاً لوكالة رويترز", "according to Reuters",
]

_draft = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=ALPHABET, max_size=40)), max_size=25).map("".join)
_names = st.sampled_from(["draft.md", "draft.txt", "draft.html", "stdin"])

_CHECKER: Checker | None = None


def _checker() -> Checker:
    global _CHECKER
    if _CHECKER is None:
        _CHECKER = Checker(Options(plugins=False))
    return _CHECKER


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column computed independently of LineIndex (\\r\\n, \\r and \\n end a line)."""
    parts = re.split(r"\r\n|\r|\n", text[:offset])
    return len(parts), len(parts[-1]) + 1


@FUZZ
@given(text=_draft, name=_names)
def test_check_never_raises_and_spans_are_exact(text: str, name: str) -> None:
    result = _checker().check_text(name, text)
    lines = LineIndex(text)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text), (f.code, f.start, f.end, len(text))
        assert f.match == text[f.start:f.end], f.code
        assert lines.offset(f.line, f.column) == f.start, f.code
        assert (f.end_line, f.end_column) == lines.position(f.end), f.code
        if not (0 < f.start < len(text) and text[f.start - 1:f.start + 1] == "\r\n"):
            assert (f.line, f.column) == _position(text, f.start), f.code
        if f.fix is not None:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= len(text), f.code


@FUZZ
@given(text=_draft, unsafe=st.booleans())
def test_fixes_only_touch_their_edits(text: str, unsafe: bool) -> None:
    findings = _checker().check_text("draft.md", text).findings
    edits, fixed, skipped = choose_fixes(findings, unsafe=unsafe)
    assert len(fixed) + len(skipped) == sum(1 for f in findings if f.fix is not None and f.fix.edits)
    new = apply_edits(text, edits)
    # everything outside the edits is kept, in order
    pos, out = 0, 0
    for e in edits:
        assert new[out:out + e.start - pos] == text[pos:e.start]
        out += e.start - pos + len(e.replacement)
        pos = e.end
    assert new[out:] == text[pos:]
    _checker().check_text("draft.md", new)  # the fixed draft is still checkable


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), _draft.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      _draft.map(lambda t: t.encode("cp1256", "ignore")), _draft.map(lambda t: t.encode("utf-16"))))
def test_decode_returns_text_or_a_one_line_input_error(data: bytes) -> None:
    try:
        decoded = decode(data, "draft.txt")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("draft.txt: ")
        return
    assert isinstance(decoded.text, str)
    if not decoded.fallback:
        assert decoded.bom + decoded.text.encode(decoded.encoding) == data


@FUZZ
@given(text=st.text(alphabet="ab\r\n\u2028", max_size=60))
def test_line_index_round_trips_every_offset(text: str) -> None:
    lines = LineIndex(text)
    for offset in range(len(text) + 1):
        line, column = lines.position(offset)
        assert lines.offset(line, column) == offset
        if not (0 < offset < len(text) and text[offset - 1:offset + 1] == "\r\n"):
            assert (line, column) == _position(text, offset)
