"""Plain-text drafts: one block per non-empty line (news text puts a paragraph on a line)."""

from __future__ import annotations

import re

from editcheck.document.model import Block, Document
from editcheck.document.structure import assign_structure, first_line_headline

_LINE_RE = re.compile(r"[^\r\n]+")


def parse_plain(path: str, text: str) -> Document:
    """Parse a plain-text draft into line blocks.

    The headline is the first non-empty line that is not a breadcrumb trail; a breadcrumb
    line before it becomes a ``breadcrumb`` block.
    """
    blocks: list[Block] = []
    for m in _LINE_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            blocks.append(Block("paragraph", s, e, text))
    doc = Document(path=path, text=text, format="text", blocks=blocks)
    assign_structure(doc, None, first_line_headline(blocks))
    return doc
