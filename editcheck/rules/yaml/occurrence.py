"""``extends: occurrence``: too many (or too few) of something in a scope.

Keys: what to count — ``tokens`` (words, phrases or punctuation such as ``"!"``) and/or
``pattern`` (a regular expression, run under the rule's time limit), or ``unit``
(``words`` | ``characters`` | ``sentences`` of the scoped text); ``max`` and/or ``min``
(non-negative integers); ``per`` (``document``: all scoped blocks together, the default;
``block``: each block on its own, e.g. each headline).

Message placeholders: ``{count}``, ``{max}``, ``{min}``, ``{unit}``, ``{match}``. Over
``max`` with tokens or a pattern, the finding is on the first occurrence past the limit;
with a ``unit`` it spans the block (or the first scoped block). Under ``min`` it is on the
first scoped block, or at the start of the draft when the scope is empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.rules.base import blocks_for
from editcheck.rules.yaml.common import Deadline, YamlRule, as_list, block_hits, fail

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document
    from editcheck.model import Finding
    from editcheck.rules.context import Context

UNITS = ("words", "characters", "sentences")
PER = ("document", "block")


def _count_unit(block: Block, unit: str) -> int:
    """Words, characters (diacritics, tatweel and markup not counted; spaces collapsed) or
    sentences of ``block``."""
    from editcheck.text.segment import word_count

    text = block.norm("spelling").text.replace("\ufffc", " ")
    if unit == "words":
        return word_count(text)
    if unit == "characters":
        return len(" ".join(text.split()))
    return len(block.sentences())


class Occurrence(YamlRule):
    """Count tokens, pattern matches, words, characters or sentences against ``min``/``max``."""

    keys = {"tokens", "pattern", "unit", "max", "min", "per"}

    def __init__(self, data: dict[str, Any], src: Any, default_lang: str | None = None) -> None:
        super().__init__(data, src, default_lang)
        self.matcher = self.compile_tokens(data.get("tokens"), "tokens")
        self.regexes = [(self.compile_pattern(p, "pattern"), str(p)) for p in as_list(data.get("pattern"), src, "pattern")]
        self.unit = data.get("unit")
        if self.unit is not None and self.unit not in UNITS:
            raise fail(src, "unit", f"unknown unit {self.unit!r} (use {', '.join(UNITS)})")
        if self.unit is not None and (self.matcher or self.regexes):
            raise fail(src, "unit", "count either a unit or tokens/pattern, not both")
        if self.unit is None and not self.matcher and not self.regexes:
            raise fail(src, None, "an occurrence rule needs 'tokens', 'pattern' or 'unit' (what to count)")
        for key in ("max", "min"):
            v = data.get(key)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
                raise fail(src, key, f"expected a whole number >= 0, got {v!r}")
        self.max: int | None = data.get("max")
        self.min: int | None = data.get("min")
        if self.max is None and self.min is None:
            raise fail(src, None, "an occurrence rule needs 'max' and/or 'min'")
        if self.max is not None and self.min is not None and self.min > self.max:
            raise fail(src, "min", f"min ({self.min}) is greater than max ({self.max})")
        self.per = str(data.get("per", "document"))
        if self.per not in PER:
            raise fail(src, "per", f"unknown value {self.per!r} (use {', '.join(PER)})")

    def scan(self, doc: Document, ctx: Context, deadline: Deadline) -> Iterator[Finding]:
        """Yield at most one finding per counted group (the document, or each block)."""
        blocks = list(blocks_for(doc, self.meta.scopes))
        groups = [[b] for b in blocks] if self.per == "block" else [blocks]
        for group in groups:
            yield from self._check_group(doc, group, deadline)

    def _check_group(self, doc: Document, group: list[Block], deadline: Deadline) -> Iterator[Finding]:
        unit = self.unit or "occurrences"
        fmt = {"max": self.max if self.max is not None else "", "min": self.min if self.min is not None else "", "unit": unit}
        if self.unit is not None:
            count = sum(_count_unit(b, self.unit) for b in group)
            first = group[0] if group else None
            over = self.max is not None and count > self.max
            under = self.min is not None and count < self.min
            if (over or under) and first is not None:
                end = group[-1].end if self.per == "document" and len(group) == 1 else first.end
                yield self.finding(doc, first.start, end, scope=first.kind, count=count, **fmt)
            elif under:
                yield self.finding(doc, 0, 0, scope="document", count=count, **fmt)
            return
        hits = [h for b in group for h in block_hits(self.matcher, self.regexes, b, self.level, deadline)]
        count = len(hits)
        if self.max is not None and count > self.max:
            s, e, _ = hits[self.max]
            yield self.finding(doc, s, e, scope=self._kind(group, s), count=count, **fmt)
        elif self.min is not None and count < self.min:
            if group:
                yield self.finding(doc, group[0].start, group[0].end, scope=group[0].kind, count=count, **fmt)
            else:
                yield self.finding(doc, 0, 0, scope="document", count=count, **fmt)

    @staticmethod
    def _kind(group: list[Block], offset: int) -> str:
        for b in group:
            if b.start <= offset < b.end:
                return b.kind
        return "document"
