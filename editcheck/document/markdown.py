"""Markdown drafts: blocks from markdown-it-py's block map, offsets kept from the source."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from editcheck.document.frontmatter import FrontMatterError, find_front_matter, parse_front_matter
from editcheck.document.inline import inline_ranges
from editcheck.document.model import Block, Document
from editcheck.document.structure import assign_structure
from editcheck.text.lines import LineIndex

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_LINE_PREFIX_RE = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}(?:[ \t]+|$))?")
_HEADING_TRAIL_RE = re.compile(r"[ \t]+#+[ \t]*$")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # only block tokens and their line maps are read: inline parsing (the "inline" core
    # rule) would build children nobody uses, and does not change the block tokens
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).disable("inline")


def _block(kind: str, text: str, lines: LineIndex, first: int, last: int) -> Block | None:
    """Block over source lines ``[first, last)`` (0-based), markup prefixes dropped."""
    start = lines.starts[first]
    end = lines.starts[last] if last < len(lines.starts) else len(text)
    while end > start and text[end - 1] in "\r\n \t":
        end -= 1
    if end <= start:
        return None
    drop: list[tuple[int, int]] = []
    for ln in range(first, last):
        ls = lines.starts[ln]
        m = _LINE_PREFIX_RE.match(text, ls, min(end, lines.line_span(ln + 1)[1]))
        if m and m.end() > ls:
            drop.append((ls, m.end()))
        if kind in ("heading", "h1"):
            le = min(end, lines.line_span(ln + 1)[1])
            t = _HEADING_TRAIL_RE.search(text, ls, le)
            if t:
                drop.append((t.start(), t.end()))
    # trim the block to where prose starts
    s = start
    for ds, de in drop:
        if ds == s:
            s = de
    if s >= end:
        return None
    d2, mask = inline_ranges(text, s, end)
    return Block(kind, s, end, text, drop=tuple(sorted(drop + d2)), mask=tuple(mask))


def parse_markdown(path: str, text: str) -> Document:
    """Parse a Markdown draft with optional YAML front matter.

    Broken front matter does not raise: it is recorded in ``Document.fm_error`` as
    ``(message, offset)`` (the engine reports it as EC901) and the body is parsed as usual.
    """
    lines = LineIndex(text)
    fm = find_front_matter(text)
    front: dict[str, object] = {}
    spans: dict[str, tuple[int, int]] = {}
    fm_range = None
    fm_error: tuple[str, int] | None = None
    body_from_line = 0
    if fm is not None:
        fm_range = (fm[0], fm[1])
        try:
            front, spans = parse_front_matter(text, fm[2], fm[3])
        except FrontMatterError as exc:  # reported as EC901; the body is still checked
            fm_error = (str(exc), exc.offset)
        body_from_line = lines.position(fm[1])[0] - 1 if fm[1] < len(text) else len(lines.starts)
    body = text
    if fm is not None:
        # keep line numbers: blank out the front matter for the Markdown parser
        body = "\n" * body_from_line + text[lines.starts[body_from_line]:] if body_from_line < len(lines.starts) else ""
    tokens = _parser().parse(body) if body.strip() else []
    blocks: list[Block] = []
    h1: Block | None = None
    stack: list[str] = []
    for tok in tokens:
        if tok.type in ("blockquote_open", "list_item_open", "table_open"):
            stack.append(tok.type)
        elif tok.type in ("blockquote_close", "list_item_close", "table_close"):
            if stack:
                stack.pop()
        if tok.map is None:
            continue
        first, last = tok.map
        if tok.type == "heading_open":
            b = _block("heading", text, lines, first, last)
            if b is None:
                continue
            if tok.tag == "h1" and h1 is None and not stack:
                h1 = b
            blocks.append(b)
        elif tok.type == "paragraph_open":
            kind = "paragraph"
            if "table_open" in stack:
                continue
            if "blockquote_open" in stack:
                kind = "quote"
            elif "list_item_open" in stack:
                kind = "list_item"
            b = _block(kind, text, lines, first, last)
            if b is not None:
                blocks.append(b)
        elif tok.type in ("fence", "code_block", "html_block", "table_open"):
            kind = {"fence": "code", "code_block": "code", "html_block": "html", "table_open": "table"}[tok.type]
            start = lines.starts[first]
            end = lines.starts[last] if last < len(lines.starts) else len(text)
            blocks.append(Block(kind, start, end, text))
    doc = Document(path=path, text=text, format="markdown", blocks=blocks, front_matter=front,
                   fm_spans=spans, fm_range=fm_range, fm_error=fm_error, _lines=lines)
    first_para = next((b for b in blocks if b.kind == "paragraph"), None)
    assign_structure(doc, h1, None if h1 is not None else first_para if not front else None)
    return doc
