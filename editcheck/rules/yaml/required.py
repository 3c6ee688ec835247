"""``extends: required``: something must be present (a source, a dateline, a byline field).

Keys: ``tokens`` and/or ``pattern`` (at least one must occur in the rule's ``scope``),
``lexicon`` (names of lists of the language's lexicon, house lexicons included: any entry
counts), and/or ``field`` (front-matter keys that must exist with a non-empty value). When
several are given, each must be satisfied. The finding is on the first scoped block (or the
headline, or the start of the draft when the scope is empty); for a missing field, on the
front matter (or the start of the draft).

Message placeholders: ``{field}`` (the missing front-matter key, when that is the cause).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.rules.base import blocks_for
from editcheck.rules.yaml.common import Deadline, YamlRule, as_list, block_hits, fail

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.model import Finding
    from editcheck.rules.context import Context


class Required(YamlRule):
    """Report a draft that lacks what the rule requires."""

    keys = {"tokens", "pattern", "field", "lexicon"}

    def __init__(self, data: dict[str, Any], src: Any, default_lang: str | None = None) -> None:
        super().__init__(data, src, default_lang)
        self.matcher = self.compile_tokens(data.get("tokens"), "tokens")
        self.regexes = [(self.compile_pattern(p, "pattern"), str(p)) for p in as_list(data.get("pattern"), src, "pattern")]
        self.fields = [str(f) for f in as_list(data.get("field"), src, "field")]
        self.lexicons = [str(x) for x in as_list(data.get("lexicon"), src, "lexicon")]
        if self.lexicons:
            from editcheck.rules.lexicon import load_lexicon

            for lang in sorted(self.meta.languages):
                known = load_lexicon(lang).data
                for name in self.lexicons:
                    if name not in known:
                        raise fail(src, "lexicon", f"no lexicon list '{name}' for language {lang}")
        if not (self.matcher or self.regexes or self.fields or self.lexicons):
            raise fail(src, None, "a required rule needs 'tokens', 'pattern', 'lexicon' or 'field'")

    def scan(self, doc: Document, ctx: Context, deadline: Deadline) -> Iterator[Finding]:
        """At most one finding per missing field, and one when no token/pattern occurs."""
        for name in self.fields:
            value = doc.front_matter.get(name) if doc.front_matter else None
            if value is None or (isinstance(value, (str, list, dict)) and not value) or str(value).strip() == "":
                s, e = doc.fm_spans.get(name) or ((doc.fm_range[0], doc.fm_range[0] + 3) if doc.fm_range else (0, 0))
                if s == e and doc.text:  # an empty value: report its whole line
                    s, e = doc.lines.line_span(doc.lines.position(s)[0])
                    e = len(doc.text[s:e].rstrip("\r\n")) + s
                yield self.finding(doc, s, e, scope=f"front-matter.{name}", field=name)
        if not (self.matcher or self.regexes or self.lexicons):
            return
        blocks = list(blocks_for(doc, self.meta.scopes))
        lex_matcher = ctx.lexicon(doc.lang).matcher(*self.lexicons, level=self.level) if self.lexicons else None
        for block in blocks:
            if block_hits(self.matcher, self.regexes, block, self.level, deadline):
                return
            if lex_matcher is not None and block_hits(lex_matcher, [], block, self.level, deadline):
                return
        where = blocks[0] if blocks else doc.headline
        if where is not None:
            yield self.finding(doc, where.start, where.end, scope=where.kind, field="")
        else:
            yield self.finding(doc, 0, 0, scope="document", field="")
