"""``extends: consistency``: one spelling per draft (ترامب or ترمب, مسؤول or مسئول).

Keys: ``either`` — a mapping ``variant: other variant`` or a list of lists of variants (two
or more each). The first variant the draft uses (in text order) sets its form; every later
occurrence of another variant of the same set is reported, with a fix to the draft's form
(safe unless ``fix: unsafe``). Variants are compared after normalisation (diacritics and
tatweel ignored; hamza seats kept), and Arabic proclitics are allowed (وترمب).

Message placeholders: ``{match}``, ``{first}`` (the draft's form), ``{line}`` (where it first
appears).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.model import Edit, Fix
from editcheck.rules.base import blocks_for
from editcheck.rules.matcher import PhraseMatcher, Term, norm_key
from editcheck.rules.yaml.common import Deadline, YamlRule, fail

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.model import Finding
    from editcheck.rules.context import Context


class Consistency(YamlRule):
    """Report variants that differ from the draft's first choice in the same set."""

    keys = {"either"}

    def __init__(self, data: dict[str, Any], src: Any, default_lang: str | None = None) -> None:
        data = dict(data)
        super().__init__(data, src, default_lang)
        if data.get("normalize") is not True:
            self.level = "spelling"  # keep hamza seats: مسؤول and مسئول must differ
        either = data.get("either")
        sets: list[list[str]] = []
        if isinstance(either, dict):
            sets = [[str(k), str(v)] for k, v in either.items()]
        elif isinstance(either, list) and all(isinstance(x, list) for x in either):
            sets = [[str(v) for v in x] for x in either]
        else:
            raise fail(src, "either" if "either" in data else None,
                       "a consistency rule needs 'either': a mapping 'variant: variant' or a list of lists")
        terms: list[Term] = []
        seen: dict[str, int] = {}
        for i, variants in enumerate(sets):
            if len(variants) < 2:
                raise fail(src, "either", f"a set needs at least two variants: {variants!r}")
            for v in variants:
                key = norm_key(v, self.level)
                if not key:
                    raise fail(src, "either", f"empty variant in {variants!r}")
                if key in seen:
                    raise fail(src, "either", f"'{v}' appears twice (or is the same as another variant after normalisation)")
                seen[key] = i
                terms.append(Term(v, (("set", i), ("key", key))))
        self.matcher = PhraseMatcher(terms, clitics=self.clitics, level=self.level)
        self.safe = data.get("fix") != "unsafe"

    def scan(self, doc: Document, ctx: Context, deadline: Deadline) -> Iterator[Finding]:
        """Yield a finding for each occurrence of a variant other than the draft's first."""
        chosen: dict[int, tuple[str, str, int]] = {}  # set -> (key, original text, offset)
        for block in blocks_for(doc, self.meta.scopes):
            nt = block.norm(self.level)
            for hit in self.matcher.finditer(nt):
                set_id, key = hit.term.get("set"), hit.term.get("key")
                first = chosen.get(set_id)
                if first is None:
                    chosen[set_id] = (key, doc.text[hit.start:hit.end], hit.start)
                    continue
                if key == first[0]:
                    continue
                fix = Fix((Edit(hit.start, hit.end, first[1]),), safe=self.safe, description=f"replace with {first[1]}")
                yield self.finding(doc, hit.start, hit.end, scope=block.kind, fix=fix, suggestion=first[1],
                                   first=first[1], line=doc.lines.position(first[2])[0])
