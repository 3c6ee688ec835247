"""``extends: conditional``: if X appears, Y must appear near it.

Keys: ``first`` / ``first_pattern`` (tokens / regular expressions for X), ``second`` /
``second_pattern`` (for Y), ``first_lexicon`` / ``second_lexicon`` (names of lists in the
language's built-in lexicon, merged with the house lexicons of the config), ``window``
(``sentence`` | ``paragraph`` | ``document``; default ``sentence``). A finding is reported
at each X whose window has no Y: an anonymous source ("مصدر مطلع") needs a reason for
anonymity ("طلب عدم ذكر اسمه") in the same sentence or paragraph.

Message placeholders: ``{match}`` (the X found), ``{window}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.rules.base import blocks_for
from editcheck.rules.yaml.common import Deadline, YamlRule, as_list, block_hits, fail

if TYPE_CHECKING:
    import regex

    from editcheck.document.model import Document
    from editcheck.model import Finding
    from editcheck.rules.context import Context
    from editcheck.rules.matcher import PhraseMatcher

WINDOWS = ("sentence", "paragraph", "document")


class Conditional(YamlRule):
    """Flag X without Y in the same window (see the module docstring for the keys)."""

    keys = {"first", "second", "first_pattern", "second_pattern", "first_lexicon", "second_lexicon", "window"}

    def __init__(self, data: dict[str, Any], src: Any, default_lang: str | None = None) -> None:
        super().__init__(data, src, default_lang)
        self.window = str(data.get("window", "sentence"))
        if self.window not in WINDOWS:
            raise fail(src, "window", f"unknown window {self.window!r} (use {', '.join(WINDOWS)})")
        self.sides: dict[str, tuple[PhraseMatcher | None, list[tuple[regex.Pattern[str], str]], list[str]]] = {}
        for side in ("first", "second"):
            lexicons = [str(x) for x in as_list(data.get(f"{side}_lexicon"), src, f"{side}_lexicon")]
            if lexicons:
                self._check_lexicons(lexicons, f"{side}_lexicon")
            matcher = self.compile_tokens(data.get(side), side)
            patterns = [(self.compile_pattern(p, f"{side}_pattern"), str(p))
                        for p in as_list(data.get(f"{side}_pattern"), src, f"{side}_pattern")]
            if matcher is None and not patterns and not lexicons:
                raise fail(src, side if side in data else None,
                           f"a conditional rule needs '{side}' (tokens), '{side}_pattern' or '{side}_lexicon'")
            self.sides[side] = (matcher, patterns, lexicons)

    def _check_lexicons(self, names: list[str], key: str) -> None:
        from editcheck.rules.lexicon import load_lexicon

        for lang in sorted(self.meta.languages):
            lex = load_lexicon(lang)
            for name in names:
                if name not in lex.data:
                    import difflib

                    close = difflib.get_close_matches(name, sorted(lex.data), n=1)
                    hint = f" (did you mean '{close[0]}'?)" if close else ""
                    raise fail(self.src, key, f"no lexicon list '{name}' for language {lang}{hint}")

    def _hits(self, side: str, doc: Document, ctx: Context, deadline: Deadline) -> list[tuple[int, int, str]]:
        matcher, patterns, lexicons = self.sides[side]
        lex_matcher = ctx.lexicon(doc.lang).matcher(*lexicons, level=self.level) if lexicons else None
        out: list[tuple[int, int, str]] = []
        for block in blocks_for(doc, self.meta.scopes):
            out.extend(block_hits(matcher, patterns, block, self.level, deadline))
            if lex_matcher is not None:
                out.extend(block_hits(lex_matcher, [], block, self.level, deadline))
        return sorted(set(out))

    def _window(self, doc: Document, offset: int) -> tuple[int, int]:
        if self.window == "document":
            return 0, len(doc.text)
        for block in doc.blocks:
            if block.start <= offset < block.end:
                if self.window == "paragraph":
                    return block.start, block.end
                for s, e in block.sentences():
                    if s <= offset < e:
                        return s, e
                return block.start, block.end
        return offset, offset + 1

    def scan(self, doc: Document, ctx: Context, deadline: Deadline) -> Iterator[Finding]:
        """One finding per X that has no Y in its window."""
        firsts = self._hits("first", doc, ctx, deadline)
        if not firsts:
            return
        seconds = self._hits("second", doc, ctx, deadline)
        for s, e, _text in firsts:
            ws, we = self._window(doc, s)
            if any(ws <= s2 and e2 <= we and not (s2 >= s and e2 <= e) for s2, e2, _ in seconds):
                continue
            yield self.finding(doc, s, e, scope=self.window, window=self.window)
