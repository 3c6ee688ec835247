"""``extends: substitution``: flag a wrong form and offer the right one as a fix.

Keys: ``swap`` (mapping ``wrong: right``, or a list of mappings with ``wrong``, ``right``
and optional ``severity``/``note``), ``accept`` (forms never flagged). By default the match
is on lightly normalised text (diacritics and tatweel removed, hamza seats kept), so
``مساءاً`` is found and ``مساءً`` is not.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.model import Edit, Fix
from editcheck.rules.base import blocks_for, keep_hit, quote_filter
from editcheck.rules.matcher import PhraseMatcher, Term, norm_key
from editcheck.rules.prefilter import Prefilter, block_words, lead_word
from editcheck.rules.yaml.common import YamlRule, as_list, fail, parse_severity
from editcheck.text.normalize import fold

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document
    from editcheck.model import Finding
    from editcheck.rules.context import Context


class Substitution(YamlRule):
    """Flag ``wrong`` forms and suggest ``right`` ones (a safe fix unless ``fix: unsafe``)."""

    keys = {"swap", "accept"}

    def __init__(self, data: dict[str, Any], src: Any, default_lang: str | None = None) -> None:
        data = dict(data)
        data.setdefault("level", "spelling")
        super().__init__(data, src, default_lang)
        if data.get("normalize") is not True:
            self.level = "spelling"
        swap = data.get("swap")
        pairs: list[Term] = []
        if isinstance(swap, dict):
            for wrong, right in swap.items():
                pairs.append(Term(str(wrong), (("right", str(right)),)))
        elif isinstance(swap, list):
            for item in swap:
                if not isinstance(item, dict) or "wrong" not in item or "right" not in item:
                    raise fail(src, "swap", f"each item needs 'wrong' and 'right': {item!r}")
                extra: list[tuple[str, Any]] = [("right", str(item["right"]))]
                if "severity" in item:
                    extra.append(("severity", parse_severity(item["severity"], src, "swap")))
                if "note" in item:
                    extra.append(("note", str(item["note"])))
                pairs.append(Term(str(item["wrong"]), tuple(extra)))
        else:
            raise fail(src, "swap" if "swap" in data else None, "a substitution rule needs 'swap': a mapping of wrong: right")
        if not pairs:
            raise fail(src, "swap", "must not be empty")
        self.accept = {norm_key(str(a), self.level) for a in as_list(data.get("accept"), src, "accept")}
        self.safe = data.get("fix", "safe") != "unsafe"
        self.matcher = PhraseMatcher(pairs, clitics=self.clitics, level=self.level)
        self._on_match: Prefilter | None | bool = False  # built on first use (False: not yet)

    def _match_level_prefilter(self) -> Prefilter | None:
        """:attr:`matcher`'s prefilter with every word and substring folded to the ``"match"``
        level (:func:`~editcheck.text.normalize.fold`), for :meth:`_skips`; ``None`` when
        the rule does not match at ``"spelling"`` or a folded word is not one ``\\w`` run."""
        if self._on_match is False:
            pre = self.matcher.prefilter
            words = frozenset(fold(w, "match") for w in pre.words)
            usable = self.level == "spelling" and all(lead_word(w) == w for w in words)
            self._on_match = Prefilter(frozenset(), tuple(fold(s, "match") for s in pre.substrings),
                                       words) if usable else None
        return self._on_match  # type: ignore[return-value]

    def _skips(self, block: Block, on_match: Prefilter) -> bool:
        """True when :attr:`matcher` cannot match the block's ``"spelling"`` text, told from
        its ``"match"`` text (whose words the other rules have computed) without building
        the spelling level.

        Both levels fold the same stripped text (:meth:`Block.norm`); when the match level
        is only that folding (``NormText.stripped``, nearly every block), a ``\\w`` run of
        the spelling text is, folded, a ``\\w`` run of the match text at the same offsets,
        and a substring folded is at the same offset (``fold("match")`` never turns a
        non-``\\w`` character into a ``\\w`` one and covers what ``fold("spelling")``
        changes; ``tests/rules/test_substitution_skip.py``). So a block can only match when
        the match text has a folded word of the prefilter whose stripped text, at the same
        offsets, is the prefilter's word itself (or has a folded substring)."""
        folded = block.norm("match")
        stripped = folded.stripped
        if stripped is None:
            return False
        text = folded.text
        if on_match.substrings and any(s in text for s in on_match.substrings):
            return False
        found = on_match.words.intersection(block_words(folded))
        if not found:
            return True
        words = self.matcher.prefilter.words
        raw = stripped.text
        find = text.find
        for f in found:
            k = len(f)
            i = find(f)
            while i >= 0:
                if raw[i:i + k] in words:
                    return False
                i = find(f, i + 1)
        return True

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding with a fix for each wrong form."""
        qmode = quote_filter(self.meta.scopes)
        on_match = self._match_level_prefilter()
        for block in blocks_for(doc, self.meta.scopes):
            if on_match is not None and self._skips(block, on_match):
                continue
            nt = block.norm(self.level)
            for hit in self.matcher.finditer(nt):
                if not keep_hit(block, hit.start, hit.end, qmode):
                    continue
                if norm_key(nt.text[hit.nstart:hit.nend], self.level) in self.accept:
                    continue
                right = str(hit.term.get("right"))
                fix = Fix((Edit(hit.start, hit.end, right),), safe=self.safe, description=f"replace with {right}")
                sev = hit.term.get("severity") or self.meta.severity
                yield self.finding(doc, hit.start, hit.end, severity=sev, scope=block.kind, fix=fix,
                                   suggestion=right, replacement=right, note=hit.term.get("note", ""))
