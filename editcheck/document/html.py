"""HTML drafts (``.html``/``.htm``, e.g. CMS exports) through beautifulsoup4 with
``html.parser`` (the ``editcheck[html]`` extra).

Only article text is checked: the first ``<article>`` when there is one, else ``<body>``
(else the whole page), without ``script``, ``style``, ``nav``, ``pre``, ``code`` and other
non-prose elements. The headline is the first ``<h1>``, else the ``<title>``.

Positions are the HTML source's own lines and columns: :attr:`Document.text` is the source
exactly as decoded, and every block keeps original offsets. ``html.parser`` gives each
element's start as ``sourceline``/``sourcepos``; a block runs from the end of its start tag
to its own end tag, so nothing is found again by searching for its text. Inside a block,
tags are hidden from matching (``drop`` ranges), skipped elements become one placeholder
each (``mask``), and a character reference such as ``&quot;`` is read as the character it
stands for (the rest of the reference is dropped), so quotations and words match.
"""

from __future__ import annotations

import html as _html
import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from editcheck.document.model import Block, Document
from editcheck.document.structure import assign_structure
from editcheck.errors import InputError

if TYPE_CHECKING:
    from bs4 import Tag

EXTRA_HINT = "pip install 'editcheck[html]'"
#: Elements whose content is never prose.
SKIP_TAGS = frozenset({"script", "style", "nav", "pre", "code", "noscript", "template", "svg", "math", "iframe",
                       "object", "textarea", "select", "button", "head"})
#: Elements that hold one block of prose (when they contain no other such element).
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th",
                        "dd", "dt", "caption", "div", "section", "article", "main", "header", "footer", "aside",
                        "address", "summary", "body"})
#: Void elements that separate words (shown as a space to sentence and quote detection).
_SPACE_TAGS = frozenset({"br", "img", "hr", "wbr", "input"})
_TAG_RE = re.compile(r"<!--.*?(?:-->|\Z)|<(?:\"[^\"]*\"|'[^']*'|[^'\">])*>?", re.S)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_NAME_RE = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9:-]*)")
_MARKUP_START_RE = re.compile(r"[<&]")


class _Source:
    """Offset helpers over the decoded HTML source."""

    def __init__(self, text: str) -> None:
        self.text = text
        # html.parser counts lines at "\n" only; columns are code points after the last "\n".
        self.nl = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset(self, tag: Tag) -> int | None:
        """Absolute offset of ``tag``'s start tag (``None`` when the parser gave none)."""
        line, pos = getattr(tag, "sourceline", None), getattr(tag, "sourcepos", None)
        if line is None or pos is None or line < 1 or line > len(self.nl):
            return None
        return self.nl[line - 1] + pos

    def start_tag_end(self, start: int) -> int:
        """Offset just after the start tag that begins at ``start``."""
        m = _TAG_RE.match(self.text, start)
        return m.end() if m else start

    def element_range(self, tag: Tag) -> tuple[int, int, int] | None:
        """``(start, content_start, content_end)`` of ``tag`` in the source.

        ``content_end`` is the start of the element's own end tag, or (without one) the
        start of the next element that is not inside it.
        """
        start = self.offset(tag)
        if start is None:
            return None
        content_start = self.start_tag_end(start)
        limit = len(self.text)
        last: Any = tag
        while getattr(last, "contents", None):
            last = last.contents[-1]
        nxt = last.next_element
        while nxt is not None:
            if getattr(nxt, "name", None) is not None:
                off = self.offset(nxt)
                if off is not None and off >= content_start:
                    limit = off
                    break
            nxt = nxt.next_element
        close = None
        for m in re.finditer(rf"</\s*{re.escape(tag.name)}\s*>", self.text[content_start:limit], re.I):
            close = m
        content_end = content_start + close.start() if close else limit
        return start, content_start, max(content_start, content_end)


def _has_block_child(tag: Tag) -> bool:
    return any(getattr(d, "name", None) in BLOCK_TAGS for d in tag.descendants)


def _kind(tag: Tag) -> str:
    name = tag.name
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading"
    parents = {p.name for p in tag.parents} | {name}
    if parents & {"td", "th", "table", "caption"}:
        return "table"
    if parents & {"figcaption"}:
        return "caption"
    if "blockquote" in parents:
        return "quote"
    if name in ("li", "dd", "dt") or parents & {"li"}:
        return "list_item"
    return "paragraph"


def _skipped(tag: Tag) -> bool:
    return any(p.name in SKIP_TAGS for p in tag.parents if p.name) or tag.name in SKIP_TAGS


def parse_html(path: str, text: str) -> Document:
    """Parse a decoded HTML page into a :class:`Document` (``format="html"``).

    ``Document.text`` is ``text`` unchanged; block offsets are code-point offsets into it.
    Raises :class:`InputError` when beautifulsoup4 is not installed (the message names the
    ``editcheck[html]`` extra).
    """
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        raise InputError(f"{path}: reading HTML drafts needs beautifulsoup4: {EXTRA_HINT}") from None
    soup = BeautifulSoup(text, "html.parser")
    src = _Source(text)
    plain = list(text)  # same length as text: what sentence/quote detection reads
    root = soup.find("article") or soup.find("body") or soup
    candidates = [t for t in root.find_all(True) if t.name in BLOCK_TAGS and not _skipped(t) and not _has_block_child(t)]
    if root is not soup and root.name in BLOCK_TAGS and not _has_block_child(root):
        candidates.insert(0, root)
    h1_tag = soup.find("h1")
    if h1_tag is not None and _skipped(h1_tag):
        h1_tag = None
    title_tag = soup.find("title") if h1_tag is None else None

    blocks: list[Block] = []
    h1: Block | None = None
    for tag in ([title_tag] if title_tag is not None else []) + candidates:
        b = _block(tag, src, plain, "heading" if tag is title_tag else _kind(tag))
        if b is None:
            continue
        if tag is h1_tag or tag is title_tag:
            h1 = h1 or b
        blocks.append(b)
    if h1_tag is not None and h1 is None and h1_tag not in candidates:
        b = _block(h1_tag, src, plain, "heading")
        if b is not None:
            h1 = b
            blocks.append(b)
    shared = "".join(plain)
    for b in blocks:
        b.source = shared
    blocks.sort(key=lambda b: b.start)
    doc = Document(path=path, text=text, format="html", blocks=blocks)
    assign_structure(doc, h1, None)
    return doc


def _block(tag: Tag, src: _Source, plain: list[str], kind: str) -> Block | None:
    """The block of one element: its content range with tags dropped, skipped elements
    masked and character references read; ``None`` when it holds no text."""
    rng = src.element_range(tag)
    if rng is None:
        return None
    _, cs, ce = rng
    text = src.text
    drop: list[tuple[int, int]] = []
    mask: list[tuple[int, int]] = []
    for inner in tag.find_all(True):
        if inner.name in SKIP_TAGS and not any(p.name in SKIP_TAGS for p in inner.parents if p is not tag and p.name):
            r = src.element_range(inner)
            if r is not None:
                end_tag = _TAG_RE.match(text, r[2])
                mask.append((r[0], min(ce, end_tag.end() if end_tag else r[2])))
    masked = sorted(mask)
    pos = cs
    k = 0
    while pos < ce:
        if k < len(masked) and masked[k][0] <= pos:
            pos = max(pos, masked[k][1])
            k += 1
            continue
        ch = text[pos]
        if ch == "<":
            m = _TAG_RE.match(text, pos, ce)
            if m and len(m.group()) > 1 and (m.group().startswith("<!") or _NAME_RE.match(m.group())):
                name = _NAME_RE.match(m.group())
                if name and name.group(1).lower() in _SPACE_TAGS:
                    for i in range(m.start(), m.end()):
                        plain[i] = " "
                    drop.append((m.start() + 1, m.end()))
                else:
                    for i in range(m.start(), m.end()):
                        plain[i] = " "
                    drop.append((m.start(), m.end()))
                pos = m.end()
                continue
        elif ch == "&":
            m = _ENTITY_RE.match(text, pos, ce)
            if m:
                value = _html.unescape(m.group())
                if value != m.group() and len(value) < len(m.group()):
                    for i, c in enumerate(value):
                        plain[pos + i] = c
                    for i in range(pos + len(value), m.end()):
                        plain[i] = " "
                    drop.append((pos + len(value), m.end()))
                    pos = m.end()
                    continue
            pos += 1
            continue
        nxt = _MARKUP_START_RE.search(text, pos + 1, ce)  # jump over plain text
        pos = nxt.start() if nxt else ce
        if k < len(masked) and masked[k][0] < pos:
            pos = masked[k][0]
    # trim to the prose: skip leading/trailing whitespace and markup
    dropped = sorted(drop + masked)

    def hidden(i: int) -> bool:
        j = bisect_right(dropped, (i, len(text) + 1)) - 1
        return j >= 0 and dropped[j][0] <= i < dropped[j][1]

    s, e = cs, ce
    while s < e and (text[s].isspace() or (hidden(s) and plain[s].isspace())):
        s += 1
    while e > s and (text[e - 1].isspace() or (hidden(e - 1) and plain[e - 1].isspace())):
        e -= 1
    if e <= s:
        return None
    if not any(not text[i].isspace() and not hidden(i) for i in range(s, e)):
        return None
    return Block(kind, s, e, text, drop=tuple(sorted(drop)), mask=tuple(masked))
