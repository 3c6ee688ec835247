"""Word drafts (``.docx``) through python-docx (the ``editcheck[docx]`` extra).

Word has no lines, so the document text is built with **one paragraph per line**: line N
of a finding is the N-th paragraph of the document (empty paragraphs and the paragraphs of
table cells count, in reading order) and the column is the character (code point) within
that paragraph, counted from 1. Line breaks inside a paragraph (Shift+Enter), vertical
tabs and page breaks become one space each so that they cannot shift the numbering.

Paragraph styles give the structure: ``Title`` or the first ``Heading 1`` is the headline,
other ``Heading N`` styles are headings, ``Subtitle`` is the standfirst, ``Quote`` and
``Intense Quote`` are quotes, ``List ...`` styles are list items and ``Caption`` is a
caption. Table cells become ``table`` blocks (data, not prose). Without a headline style
the first non-empty paragraph that is not a breadcrumb trail is the headline, as in a
plain-text draft.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from editcheck.document.model import Block, Document
from editcheck.document.structure import assign_structure, first_line_headline
from editcheck.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Characters python-docx puts in ``Paragraph.text`` that would start a new line here.
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\x0b": " ", "\x0c": " ", "\u2028": " ", "\u2029": " "})
EXTRA_HINT = "pip install 'editcheck[docx]'"


def _kind_for_style(style_name: str) -> str:
    """Block kind for a Word paragraph style name (case-insensitive)."""
    name = style_name.strip().lower()
    if name == "title":
        return "h1"
    if name.startswith("heading"):
        return "h1" if name in ("heading 1", "heading1") else "heading"
    if name == "subtitle":
        return "standfirst"
    if name in ("quote", "intense quote") or name.endswith(" quote"):
        return "quote"
    if name.startswith("list"):
        return "list_item"
    if name == "caption":
        return "caption"
    return "paragraph"


def _style_name(paragraph: Any) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):  # a style id missing from styles.xml
        return ""
    return str(getattr(style, "name", "") or "")


def _paragraphs(container: Any, in_table: bool = False) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` of every paragraph under ``container`` in reading order, tables
    walked row by row, each merged cell once."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from _paragraphs(cell, in_table=True)
        else:
            kind = "table" if in_table else _kind_for_style(_style_name(item))
            yield kind, item.text.translate(_LINE_BREAKS)


def parse_docx(path: str, data: bytes) -> Document:
    """Parse the bytes of a ``.docx`` file into a :class:`Document` (``format="docx"``).

    ``Document.text`` is the paragraphs joined by ``\\n`` (one paragraph per line, see the
    module docstring); block offsets are code-point offsets into that text. Raises
    :class:`InputError` when python-docx is not installed (the message names the
    ``editcheck[docx]`` extra) or the bytes are not a Word document.
    """
    try:
        import docx
    except ImportError:
        raise InputError(f"{path}: reading .docx drafts needs python-docx: {EXTRA_HINT}") from None
    try:
        word = docx.Document(io.BytesIO(data))
        paras = list(_paragraphs(word))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{path}: not a readable Word document ({exc.__class__.__name__})") from None
    except Exception as exc:  # python-docx raises its own types for broken packages
        raise InputError(f"{path}: not a readable Word document ({exc.__class__.__name__}: {exc})") from None

    text = "\n".join(t for _, t in paras)
    blocks: list[Block] = []
    h1: Block | None = None
    offset = 0
    for kind, para in paras:
        s, e = offset, offset + len(para)
        offset = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if kind == "h1":
            b = Block("heading", s, e, text)
            if h1 is None:
                h1 = b
        elif kind == "standfirst":
            b = Block("standfirst", s, e, text, scopes=frozenset({"standfirst"}))
        else:
            b = Block(kind, s, e, text)
        blocks.append(b)
    doc = Document(path=path, text=text, format="docx", blocks=blocks, encoding="docx")
    first: Block | None = None
    if h1 is None:
        first = first_line_headline(blocks)
    assign_structure(doc, h1, first)
    return doc
