"""``extends: existence``: flag any of a list of tokens or phrases.

Keys: ``tokens`` (strings, or mappings with ``term`` and optional ``severity``, ``position``,
``message``, ``note``), ``lexicon`` (names of lists in the pack's ``lexicon.yaml`` whose
entries are added to the tokens), ``suffixes`` (optional endings, e.g. ``[ة, ا]``), ``position``
(``any`` | ``headline_start`` | ``block`` | ``block_start`` | ``label``), ``raw`` (regular
expressions, matched on the normalised text under a time limit).

``label`` is a word used as a tag rather than in a sentence: at the start of a block
(``حصرياً.. شاهد``, ``Exclusive: ...``), followed by a label mark, a colon, bar, ``..``,
exclamation mark or spaced dash (``فيديو حصري: ...``), or right after an opening bracket,
bar or ``..`` (``... (حصرياً ولأول مرة)``). ``محتوى حصري، لصالح`` is not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.model import Edit, Fix
from editcheck.rules.base import blocks_for, keep_hit, quote_filter
from editcheck.rules.matcher import PhraseMatcher, Term
from editcheck.rules.yaml.common import Deadline, YamlRule, as_list, fail, parse_severity, search_all

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document
    from editcheck.model import Finding
    from editcheck.rules.context import Context

POSITIONS = ("any", "headline_start", "block", "block_start", "label")
_TRAIL = " \t.:!?,;-–—|»\"'"
#: what makes a word a label wherever it stands: a colon, bar, "..", "!" or a spaced dash after it,
#: or an opening bracket, bar or ".." right before it ("... (حصرياً ولأول مرة)")
_LABEL_MARK_RE = re.compile(r"\s*(?::|\||\.\.|!|[-–—]\s)|\s+[-–—]")
_LABEL_OPEN_RE = re.compile(r"(?:[(\[|]|\.\.)\s*$")


class Existence(YamlRule):
    """Flag tokens or phrases (see the module docstring for the keys)."""

    keys = {"tokens", "suffixes", "position", "lexicon", "raw"}

    def __init__(self, data: dict[str, Any], src: Any, default_lang: str | None = None) -> None:
        super().__init__(data, src, default_lang)
        terms: list[Term] = []
        for item in as_list(data.get("tokens"), src, "tokens"):
            if isinstance(item, dict):
                if "term" not in item:
                    raise fail(src, "tokens", f"a token mapping needs a 'term': {item!r}")
                extra = {k: v for k, v in item.items() if k != "term"}
                if "severity" in extra:
                    extra["severity"] = parse_severity(extra["severity"], src, "tokens")
                if extra.get("position", "any") not in POSITIONS:
                    raise fail(src, "tokens", f"unknown position {extra['position']!r} (use {', '.join(POSITIONS)})")
                terms.append(Term(str(item["term"]), tuple(extra.items())))
            elif isinstance(item, (str, int, float)):
                terms.append(Term(str(item)))
            else:
                raise fail(src, "tokens", f"expected a string or a mapping, got {item!r}")
        for name in as_list(data.get("lexicon"), src, "lexicon"):
            from editcheck.rules.lexicon import load_lexicon

            langs = sorted(self.meta.languages)
            lex = load_lexicon(langs[0]) if len(langs) == 1 else None
            if lex is None or str(name) not in lex.data:
                raise fail(src, "lexicon", f"no lexicon list '{name}' for language {', '.join(langs)}")
            terms.extend(lex.terms(str(name)))
        self.raw = [(self.compile_pattern(p, "raw"), str(p)) for p in as_list(data.get("raw"), src, "raw")]
        if not terms and not self.raw:
            raise fail(src, "tokens" if "tokens" in data else None, "an existence rule needs at least one token (or a 'raw' pattern)")
        self.position = str(data.get("position", "any"))
        if self.position not in POSITIONS:
            raise fail(src, "position", f"unknown position '{self.position}' (use {', '.join(POSITIONS)})")
        suffixes = [str(s) for s in as_list(data.get("suffixes"), src, "suffixes")]
        self.matcher = PhraseMatcher(terms, clitics=self.clitics, suffixes=suffixes, level=self.level)
        self.exception_matcher = PhraseMatcher(self.exceptions, clitics=self.clitics, level=self.level) if self.exceptions else None

    def _position_ok(self, position: str, block: Block, nt_text: str, ns: int, ne: int) -> bool:
        if position == "any":
            return True
        head = nt_text[:ns].strip(_TRAIL + "\ufffc")
        if position == "headline_start":
            return "headline" in block.scopes and not head
        if position == "block_start":
            return not head
        if position == "block":
            return not head and not nt_text[ne:].strip(_TRAIL + "\ufffc")
        if position == "label":
            return (not head or _LABEL_MARK_RE.match(nt_text, ne) is not None
                    or _LABEL_OPEN_RE.search(nt_text, max(0, ns - 8), ns) is not None)
        return True

    def scan(self, doc: Document, ctx: Context, deadline: Deadline) -> Iterator[Finding]:
        """Yield one finding per token occurrence (and per ``raw`` match) in the rule's scopes."""
        qmode = quote_filter(self.meta.scopes)
        for block in blocks_for(doc, self.meta.scopes):
            nt = block.norm(self.level)
            excepted: list[tuple[int, int]] = []
            if self.exception_matcher is not None:
                excepted = [(h.nstart, h.nend) for h in self.exception_matcher.finditer(nt)]
            for hit in self.matcher.finditer(nt):
                if any(s <= hit.nstart and hit.nend <= e for s, e in excepted):
                    continue
                if not keep_hit(block, hit.start, hit.end, qmode):
                    continue
                if self.quote_off and block.in_quote(hit.start, hit.end):
                    continue
                position = hit.term.get("position", self.position)
                if not self._position_ok(position, block, nt.text, hit.nstart, hit.nend):
                    continue
                base = hit.term.get("severity") or self.meta.severity
                sev = self.severity_for(base, "headline" in block.scopes, block.in_quote(hit.start, hit.end))
                fix = None
                if self.data.get("fix") == "remove":
                    s, e = (block.start, block.end) if position == "block" else (hit.start, hit.end)
                    if position == "block":
                        s, e = _whole_lines(doc.text, s, e)
                    fix = Fix((Edit(s, e, ""),), safe=True, description="remove")
                yield self.finding(doc, hit.start, hit.end, severity=sev, scope=block.kind, fix=fix,
                                   message=hit.term.get("message"), term=hit.term.term,
                                   note=hit.term.get("note", ""))
            for pattern, source in self.raw:
                for m in search_all(pattern, block, nt.text, deadline, source):
                    if m.end() <= m.start() or any(s <= m.start() and m.end() <= e for s, e in excepted):
                        continue
                    if not self._position_ok(self.position, block, nt.text, m.start(), m.end()):
                        continue
                    s, e = nt.span(m.start(), m.end())
                    if not keep_hit(block, s, e, qmode):
                        continue
                    sev = self.severity_for(self.meta.severity, "headline" in block.scopes, block.in_quote(s, e))
                    fix = Fix((Edit(s, e, ""),), safe=True, description="remove") if self.data.get("fix") == "remove" else None
                    yield self.finding(doc, s, e, severity=sev, scope=block.kind, fix=fix, term=source)


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to the whole line with its line break, and, when it is the last
    content of the draft, the blank lines before it, so removing a residue line leaves
    neither an empty paragraph nor trailing blank lines (the draft keeps one final break)."""
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    if end < len(text) and text[end] in "\r\n":
        end += 2 if text.startswith("\r\n", end) else 1
    if not text[end:].strip():  # the last content: drop the blank lines before it too
        p = start
        while p > 0 and text[p - 1] in "\r\n":
            p -= 1
        if p > 0:
            first_break = 2 if text.startswith("\r\n", p) else 1
            start = min(start, p + first_break)
        end = len(text)
    return start, end
