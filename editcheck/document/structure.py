"""News structure on top of raw blocks: headline, breadcrumb, byline, lede and scopes."""

from __future__ import annotations

import re

from editcheck.analysis.headline import strip_label
from editcheck.document.model import Block, Document
from editcheck.text.normalize import normalize

# "الرئيسية / شؤون محلية / ..." or "Home > World > ..." : a line of path segments.
_BREADCRUMB_RE = re.compile(
    r"^\s*(?:الرئيسية|الرئيسيه|الصفحة الرئيسية|home|accueil)\s*[/>»›|]", re.I
)
_BYLINE_RE = re.compile(
    r"^\s*(?:نشر|نشرت|نُشر|كتب|كتبت|بقلم|تاريخ النشر|آخر تحديث|by|written by|posted|published|updated)\b\s*:?",
    re.I,
)
_FM_HEADLINE_KEYS = ("title", "headline")
_FM_STANDFIRST_KEYS = ("standfirst", "description", "summary", "subtitle", "dek")


def is_breadcrumb(text: str) -> bool:
    """True for a breadcrumb trail line such as ``الرئيسية / شؤون محلية / ...``."""
    return bool(_BREADCRUMB_RE.match(text))


def first_line_headline(blocks: list[Block]) -> Block | None:
    """The headline of a draft without a ``#`` heading or title: the first paragraph that is
    not a breadcrumb trail. Leading breadcrumb paragraphs are marked ``breadcrumb`` (in place)."""
    for b in blocks:
        if b.kind != "paragraph":
            continue
        if is_breadcrumb(b.norm().text):
            b.kind = "breadcrumb"
            continue
        return b
    return None


def is_byline(text: str) -> bool:
    """True for a byline or date line (``نشر: ...``, ``By ...``) of at most 25 words."""
    return bool(_BYLINE_RE.match(text)) and len(text.split()) <= 25


def _key(text: str) -> str:
    """Normalised ``text`` with spacing folded and a leading urgency label removed: the
    ``#`` heading shows the front-matter title even when only one of them still carries
    ``عاجل:`` (a fix removed it from one, or the writer from one)."""
    return " ".join(strip_label(normalize(text).text).split())


def assign_structure(doc: Document, h1: Block | None, first_line: Block | None) -> None:
    """Pick the headline and give every block its news scopes (in place).

    The headline is the front-matter ``title`` (shown at the ``#`` heading when that heading
    repeats it, a leading urgency label aside), else the first ``#`` heading, else (plain text) the first non-empty line
    that is not a breadcrumb.
    """
    fm_title_block: Block | None = None
    for key in _FM_HEADLINE_KEYS:
        if key in doc.fm_spans and isinstance(doc.front_matter.get(key), str):
            s, e = doc.fm_spans[key]
            fm_title_block = Block("front_matter", s, e, doc.text, scopes=frozenset({f"front-matter.{key}"}))
            break
    for key in _FM_STANDFIRST_KEYS:
        if key in doc.fm_spans and isinstance(doc.front_matter.get(key), str):
            s, e = doc.fm_spans[key]
            doc.blocks.append(Block("standfirst", s, e, doc.text, scopes=frozenset({"standfirst", f"front-matter.{key}"})))
            break

    headline: Block | None = None
    if fm_title_block is not None:
        if h1 is not None and _key(h1.text.lstrip("# ")) == _key(fm_title_block.text):
            h1.kind = "headline"
            headline = h1
            fm_title_block.kind = "title"
            doc.blocks.append(fm_title_block)
        else:
            fm_title_block.kind = "headline"
            fm_title_block.scopes = fm_title_block.scopes | {"headline"}
            headline = fm_title_block
            doc.blocks.append(fm_title_block)
    elif h1 is not None:
        h1.kind = "headline"
        headline = h1
    elif first_line is not None:
        headline = first_line
        headline.kind = "headline"
    doc.headline = headline

    seen_lede = False
    for i, b in enumerate(doc.blocks):
        b.index = i
    for b in doc.blocks:
        if b.kind == "paragraph" and b is not headline:
            text = b.norm().text
            if is_breadcrumb(text):
                b.kind = "breadcrumb"
            elif is_byline(b.text) and b.index < 6:
                b.kind = "byline"
        if b is headline:
            b.scopes = b.scopes | {"headline"}
        elif b.kind in ("paragraph", "quote", "list_item"):
            scopes = {"body"}
            if b.kind == "quote":
                scopes.add("quote")
            if b.kind == "list_item":
                scopes.add("list")
            if not seen_lede and b.kind == "paragraph":
                scopes.add("lede")
                seen_lede = True
            b.scopes = b.scopes | scopes
        elif b.kind in ("heading", "byline", "breadcrumb", "caption", "table"):
            b.scopes = b.scopes | {b.kind}
    doc.blocks.sort(key=lambda b: b.start)
    for i, b in enumerate(doc.blocks):
        b.index = i
