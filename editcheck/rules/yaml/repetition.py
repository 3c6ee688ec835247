"""``extends: repetition``: the same word twice (or more) in a row ("جداً جداً", "the the").

Keys: ``tokens`` (only these words count; default: any word), ``min_length`` (ignore words
shorter than this many letters; default 1), ``exceptions`` (repeated phrases that are
correct, e.g. ``had had``, ``رويداً رويداً``). Words are compared after normalisation, so
``جداً جداً`` and ``جدا جداً`` are the same word twice; the match runs across a line break
but not across punctuation. The fix removes the repeats (unsafe unless ``fix: safe``).

Message placeholders: ``{match}`` (the whole repeated run), ``{word}``, ``{times}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import regex

from editcheck.model import Edit, Fix
from editcheck.rules.base import blocks_for
from editcheck.rules.matcher import norm_key
from editcheck.rules.yaml.common import Deadline, YamlRule, as_list, fail

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.model import Finding
    from editcheck.rules.context import Context

# a letter word (no digits), then one or more repeats separated only by white space
_REPEAT_RE = regex.compile(r"(?<![\w])([^\W\d_]+)((?:\s+\1)+)(?![\w])", regex.V0)


class Repetition(YamlRule):
    """Flag a word repeated back to back (see the module docstring for the keys)."""

    keys = {"tokens", "min_length"}

    def __init__(self, data: dict[str, Any], src: Any, default_lang: str | None = None) -> None:
        super().__init__(data, src, default_lang)
        self.only = {norm_key(str(t), self.level) for t in as_list(data.get("tokens"), src, "tokens")}
        min_length = data.get("min_length", 1)
        if isinstance(min_length, bool) or not isinstance(min_length, int) or min_length < 1:
            raise fail(src, "min_length", f"expected a whole number >= 1, got {min_length!r}")
        self.min_length = min_length
        self.allowed = {norm_key(x, self.level) for x in self.exceptions}
        self.safe = data.get("fix") == "safe"

    def scan(self, doc: Document, ctx: Context, deadline: Deadline) -> Iterator[Finding]:
        """One finding per run of a repeated word."""
        for block in blocks_for(doc, self.meta.scopes):
            nt = block.norm(self.level)
            for m in _REPEAT_RE.finditer(nt.text):
                word = m.group(1)
                if len(word) < self.min_length or (self.only and word not in self.only):
                    continue
                if " ".join(m.group(0).split()) in self.allowed or f"{word} {word}" in self.allowed:
                    continue
                s, e = nt.span(m.start(), m.end())
                first_end = nt.span(m.start(1), m.end(1))[1]
                times = 1 + len(m.group(2).split())
                fix = Fix((Edit(first_end, e, ""),), safe=self.safe, description="remove the repeated word")
                yield self.finding(doc, s, e, scope=block.kind, fix=fix, suggestion=doc.text[s:first_end],
                                   word=doc.text[s:first_end], times=times)
