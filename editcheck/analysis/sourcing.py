"""What in a draft counts as a source: attributions to named people or institutions,
agency credits, datelines, links and the front-matter ``sources`` list.

Standards: Reuters Handbook of Journalism, "The Essentials of Reuters sourcing" (every
statement that is not established fact needs a source; the reader must never wonder how we
know); BBC Editorial Guidelines s.3.3 (check and attribute statistics); AP Stylebook.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from editcheck.analysis.headline import headline_key, key_of_normalized
from editcheck.analysis.people import filters, may_match, may_match_text, patterns, questionable

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document
    from editcheck.rules.context import Context

_DATELINE_RE = re.compile(r"^[^\n(]{2,60}\(\s*[^()\n]{2,40}\s*\)\s*[-–—]")
_URL_RE = re.compile(r"https?://\S+")
SOURCE_KEYS = ("sources", "source", "agency", "credit", "via")


def front_matter_sources(doc: Document) -> list[str]:
    """Non-empty source entries from the front matter (``sources``, ``source``, ...)."""
    out: list[str] = []
    for key in SOURCE_KEYS:
        v = doc.front_matter.get(key) if doc.front_matter else None
        if isinstance(v, str) and v.strip():
            out.append(v.strip())
        elif isinstance(v, list):
            out.extend(str(x) for x in v if x not in (None, "") and str(x).strip())
        elif isinstance(v, dict) and v:
            out.append(str(v))
    return out


def _sentence_of(block: Block, start: int) -> tuple[int, int]:
    for s, e in block.sentences():
        if s <= start < e:
            return s, e
    return block.start, block.end


def _block_key(b: Block) -> str:
    """``headline_key(b.text)``; without markup ranges the block's normalised text is that
    of ``b.text``, so it is reused."""
    return headline_key(b.text) if b.drop or b.mask else key_of_normalized(b.norm().text)


def block_sources(doc: Document, ctx: Context) -> dict[int, list[tuple[int, int, str]]]:
    """Credible sourcing per block index: ``[(start, end, kind)]`` with ``kind`` one of
    ``attribution`` (a speech verb or frame in a sentence that names a person or an
    institution and is not led by a made-up, vague or anonymous source), ``agency``,
    ``dateline`` or ``link``. Cached per document."""
    cache = ctx.cache(doc)
    if "sources" in cache:
        return cache["sources"]  # type: ignore[no-any-return]
    pats = patterns(doc, ctx)
    fil = filters(doc, ctx)
    lex = ctx.lexicon(doc.lang)
    agencies = lex.matcher("agencies", level="spelling" if doc.lang == "en" else "match")
    bad = questionable(doc, ctx)
    bad_sentences: list[tuple[int, int]] = []
    blocks = {b.index: b for b in doc.blocks}
    for p in bad:
        b = blocks.get(p.block)
        if b is not None and p.severity >= p.severity.WARNING:
            bad_sentences.append(_sentence_of(b, p.start))
    out: dict[int, list[tuple[int, int, str]]] = {}
    # the headline states the story; it does not source it (nor does a pasted copy of it)
    head_key = headline_key(doc.headline.text) if doc.headline is not None else ""
    for b in doc.blocks:
        if not b.scopes & {"body", "byline", "standfirst", "caption"}:
            continue
        if head_key and b.kind == "paragraph" and _block_key(b) == head_key:
            continue
        found: list[tuple[int, int, str]] = []
        level = "spelling" if doc.lang == "en" else "match"
        nt = b.norm()
        for h in agencies.finditer(b.norm(level)):
            found.append((h.start, h.end, "agency"))
        if _DATELINE_RE.match(b.text):
            found.append((b.start, b.start + b.text.find(")") + 1, "dateline"))
        for m in _URL_RE.finditer(b.text):
            found.append((b.start + m.start(), b.start + m.end(), "link"))
        if b.mask and any(b.source[s:e].startswith(("http", "<http")) or "](" in b.source[max(b.start, s - 2):e]
                          for s, e in b.mask):
            found.append((b.start, b.start, "link"))
        if any("](" in b.source[d[0]:d[1]] for d in b.drop):
            found.append((b.start, b.start, "link"))
        for m in pats["speech"].finditer(nt.text) if may_match(fil, "speech", nt) else ():
            s, e = nt.span(m.start(), m.end())
            if any(bs <= s < be for bs, be in bad_sentences):
                continue
            # the tests have no side effects: the cheap ones first (Arabic always "names")
            ss, se = _sentence_of(b, s)
            named = (_has_name(doc.text[ss:se], doc.lang) or any(k == "agency" for *_x, k in found)
                     or _institution_near(pats, fil, nt.text, m.start(), m.end()))
            if named:
                found.append((s, e, "attribution"))
        if found:
            out[b.index] = found
    cache["sources"] = out
    return out


def _institution_near(pats: dict[str, Any], fil: dict[str, Any], text: str, start: int, end: int) -> bool:
    """An institution within 400 normalised characters of ``text[start:end]``."""
    window = " ".join(text[max(0, start - 400):end + 400].split())
    return may_match_text(fil, "institution", window) and pats["institution"].search(window) is not None


_EN_NAME_RE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+(?:[ -](?:al-|el-|bin |de |van )?[A-Z][a-z]+)+")


def _has_name(sentence: str, lang: str) -> bool:
    """A capitalised multi-word name (English) or a title/role word (Arabic) in ``sentence``."""
    if lang == "en":
        return bool(_EN_NAME_RE.search(sentence)) or bool(re.search(r"\b(?:he|she|they)\s+said\b", sentence))
    return True


def document_sourcing(doc: Document, ctx: Context) -> dict[str, Any]:
    """Summary: ``{"front_matter": [...], "blocks": {index: [...]}, "any": bool}``."""
    fm = front_matter_sources(doc)
    blocks = block_sources(doc, ctx)
    return {"front_matter": fm, "blocks": blocks, "any": bool(fm) or any(blocks.values())}
