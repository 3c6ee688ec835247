"""Sourcing computed block by block on demand (is_sourced, has_sources) gives the answers
of the full analysis (block_sources, document_sourcing), and that equals the eager logic
it replaced (every source of every block listed up front)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest
from conftest import CORPUS
from ectest import checker
from test_people_lazy import _corpus_drafts

from editcheck.analysis import sourcing
from editcheck.analysis.headline import headline_key
from editcheck.analysis.people import filters, may_match, patterns, questionable
from editcheck.document.loader import parse_text
from editcheck.document.model import Document
from editcheck.rules.context import Context

_AR = ["الرياض (واس) - استقبل الوزير نظيره.", "وقال الوزير إن الاجتماع انتهى.", "الخبراء يتوقعون تباطؤ النمو.",
       "وقال أحد المرافقين إن الزيارة ناجحة.", "وأفادت وكالة رويترز بأن الاتفاق قريب.", "شارك 12 مسؤولاً في اللقاء.",
       "وأوضح البيان أن 40 بالمئة من الطلاب نجحوا.", "انظر https://example.org/report للتفاصيل.",
       "راجع [التقرير](https://example.org) كاملاً.", "د. محمد الاستراتيجي قال إن الوضع مستقر.", "ارتفعت الأسعار."]
_EN = ["LONDON (Reuters) - The minister met his counterpart.", "John Smith said the talks ended.",
       "Experts say growth will slow.", "The ministry said 12 officials attended.", "Prices rose 40 percent.",
       "Dr. Mohammed Strategist said it was pivotal.", "See https://example.org for details.", "she said.",
       "The report was published by the World Health Organization, officials said.", "Prices rose."]


def _random_drafts(n: int) -> Iterator[str]:
    rnd = random.Random(5)
    for i in range(n):
        parts = _AR if i % 2 else _EN
        head = rnd.choice(parts)
        paras = [" ".join(rnd.choice(parts) for _ in range(rnd.randint(1, 3))) for _ in range(rnd.randint(1, 6))]
        if rnd.random() < 0.2:
            paras.insert(rnd.randint(0, len(paras)), head)  # a pasted copy of the headline
        front = "---\nsources: [Reuters]\n---\n" if rnd.random() < 0.1 else ""
        yield front + "# " + head + "\n\n" + "\n\n".join(paras) + "\n"


def _eager_block_sources(doc: Document, ctx: Context) -> dict[int, set[tuple[int, int, str]]]:
    """block_sources as it was (every test run for every block, in one pass)."""
    pats, fil = patterns(doc, ctx), filters(doc, ctx)
    agencies = ctx.lexicon(doc.lang).matcher("agencies", level="spelling" if doc.lang == "en" else "match")
    blocks = {b.index: b for b in doc.blocks}
    bad = [sourcing._sentence_of(blocks[p.block], p.start) for p in questionable(doc, ctx)
           if p.block in blocks and p.severity >= p.severity.WARNING]
    out: dict[int, set[tuple[int, int, str]]] = {}
    head_key = headline_key(doc.headline.text) if doc.headline is not None else ""
    for b in doc.blocks:
        if not b.scopes & {"body", "byline", "standfirst", "caption"}:
            continue
        if head_key and b.kind == "paragraph" and sourcing._block_key(b) == head_key:
            continue
        found: list[tuple[int, int, str]] = []
        nt = b.norm()
        found += [(h.start, h.end, "agency") for h in agencies.finditer(b.norm("spelling" if doc.lang == "en" else "match"))]
        if sourcing._DATELINE_RE.match(b.text):
            found.append((b.start, b.start + b.text.find(")") + 1, "dateline"))
        found += [(b.start + m.start(), b.start + m.end(), "link") for m in sourcing._URL_RE.finditer(b.text)]
        if b.mask and any(b.source[s:e].startswith(("http", "<http")) or "](" in b.source[max(b.start, s - 2):e]
                          for s, e in b.mask):
            found.append((b.start, b.start, "link"))
        if any("](" in b.source[d[0]:d[1]] for d in b.drop):
            found.append((b.start, b.start, "link"))
        for m in pats["speech"].finditer(nt.text) if may_match(fil, "speech", nt) else ():
            s, e = nt.span(m.start(), m.end())
            if any(bs <= s < be for bs, be in bad):
                continue
            if doc.lang != "en" and sourcing._unnamed_after(ctx.lexicon("ar"), nt.text, m.end()):
                continue
            ss, se = sourcing._sentence_of(b, s)
            sentence = doc.text[ss:se]
            named = doc.lang != "en" or bool(sourcing._EN_NAME_RE.search(sentence)) or bool(
                re.search(r"\b(?:he|she|they)\s+said\b", sentence)) or any(k == "agency" for *_x, k in found) or (
                sourcing._names_speaker(doc.text, ss, se, s, e)) or (
                sourcing._institution_near(pats, fil, nt.text, m.start(), m.end()))
            if named:
                found.append((s, e, "attribution"))
        if found:
            out[b.index] = set(found)
    return out


@pytest.mark.parametrize("source", ["random", "corpus"])
def test_lazy_sourcing_equals_the_full_and_the_eager_analysis(source: str) -> None:
    ctx = checker().ctx
    drafts = list(_random_drafts(400) if source == "random" else _corpus_drafts())
    if not drafts:
        pytest.skip(f"{CORPUS} is absent")
    sourced_blocks = unsourced_blocks = 0
    for text in drafts:
        # the lazy answers first, on a fresh document, so they are not read from the full analysis
        doc = parse_text("d.md", text)
        try:
            lazy = {b.index for b in doc.blocks if sourcing.is_sourced(doc, ctx, b)}
            lazy_any = sourcing.has_sources(doc, ctx)
        finally:
            ctx.forget(doc)
        doc = parse_text("d.md", text)
        try:
            assert sourcing.has_sources(doc, ctx) == lazy_any
            full = sourcing.block_sources(doc, ctx)
            eager = _eager_block_sources(doc, ctx)
            assert {i: set(v) for i, v in full.items()} == eager, text
            # the draft is sourced by its front matter, a block or the headline's attribution
            assert lazy_any == (bool(sourcing.front_matter_sources(doc)) or bool(eager)
                                or sourcing.headline_source(doc, ctx) is not None), text
            assert set(full) == lazy, text
            assert sourcing.document_sourcing(doc, ctx)["any"] == lazy_any
        finally:
            ctx.forget(doc)
        sourced_blocks += len(lazy)
        unsourced_blocks += sum(1 for b in doc.blocks if "body" in b.scopes) - len(lazy)
    assert sourced_blocks > 0 and unsourced_blocks > 0


def test_ec403_looks_only_at_paragraphs_with_numbers() -> None:
    """EC403 skips the sourcing of number-free paragraphs: same findings as reading the
    sourcing of every body paragraph."""
    chk = checker()
    rule = next(r for r in chk.rules if r.meta.code == "EC403")
    ctx = chk.ctx
    found = 0
    for text in _random_drafts(400):
        doc = parse_text("d.md", text)
        try:
            lex = ctx.lexicon(doc.lang)
            nouns, dates = lex.keyset.get("figure_nouns", frozenset()), lex.keyset.get("date_words", frozenset())
            body = [b for b in doc.blocks if "body" in b.scopes and "quote" not in b.scopes]
            src = sourcing.block_sources(doc, ctx)
            expected = []
            if not any(src.get(b.index) for b in body[:2]):
                prev = False
                for b in body:
                    if not src.get(b.index) and not prev:
                        expected += [(f.start, f.end) for f in rule._figures(doc, b, nouns, dates)]
                    prev = bool(src.get(b.index))
            assert [(f.start, f.end) for f in rule.check(doc, ctx)] == expected, text
            found += len(expected)
        finally:
            ctx.forget(doc)
    assert found > 0


def test_repeats_key_equals_the_block_key_test() -> None:
    """:func:`sourcing.repeats_key` (a block lacking one of the key's words is not checked
    further) answers ``_block_key(b) == key`` for every block and every headline-like key,
    on the corpus and on random drafts with pasted, labelled and re-punctuated headlines."""
    rnd = random.Random(9)
    texts = list(_corpus_drafts(40)) + list(_random_drafts(120))
    for text in texts:
        doc = parse_text("x.md", text, "auto")
        blocks = list(doc.blocks)
        keys = {headline_key(b.text) for b in blocks}
        for b in rnd.sample(blocks, min(3, len(blocks))):  # a key made from a block, relabelled
            keys.add(headline_key("Breaking: " + b.text + "!!"))
            keys.add(headline_key("عاجل: " + b.text))
        for key in filter(None, keys):
            words = tuple(sorted(set(key.split()), key=len, reverse=True))
            for b in blocks:
                assert sourcing.repeats_key(b, key, words) == (sourcing._block_key(b) == key), (key, b.text)
