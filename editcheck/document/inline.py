"""Inline Markdown markup inside one block: what to hide from matching, what is not prose."""

from __future__ import annotations

import re

_CODE_SPAN_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK_RE = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
_BARE_URL_RE = re.compile(r"https?://[^\s)>\]»\"]+")
_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\(([^)\n]*)\)")
_LINK_RE = re.compile(r"(?<!!)\[([^\]\n]*)\]\(([^)\n]*)\)|(?<!!)\[([^\]\n]*)\]\[[^\]\n]*\]")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS_RE = re.compile(r"(?<![\w*_\\])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])|~~")
_ESCAPE_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~\"])")


def inline_ranges(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Markup in ``text[start:end]``: ``(drop, mask)`` absolute ranges.

    ``drop``: emphasis markers, link brackets and targets, inline HTML tags, escapes
    (hidden, the link text stays prose). ``mask``: code spans, HTML comments, autolinks,
    bare URLs and images (not prose; each becomes one placeholder character).
    """
    drop: list[tuple[int, int]] = []
    mask: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    seg = text[start:end]
    # a pattern whose required literal is absent cannot match: skip its pass (same ranges)
    for rx, needed in ((_CODE_SPAN_RE, "`"), (_HTML_COMMENT_RE, "<!--"), (_AUTOLINK_RE, "<"), (_IMAGE_RE, "![")):
        if needed not in seg:
            continue
        for m in rx.finditer(text, start, end):
            if free(m.start(), m.end()):
                mask.append((m.start(), m.end()))
                taken.append((m.start(), m.end()))
    for m in _LINK_RE.finditer(text, start, end) if "[" in seg else ():
        if not free(m.start(), m.end()):
            continue
        label = 1 if m.group(1) is not None else 3
        drop.append((m.start(), m.start() + 1))
        drop.append((m.end(label), m.end()))
        taken.append((m.end(label), m.end()))
    for m in _BARE_URL_RE.finditer(text, start, end) if "http" in seg else ():
        if free(m.start(), m.end()):
            mask.append((m.start(), m.end()))
            taken.append((m.start(), m.end()))
    has_emphasis = "*" in seg or "_" in seg or "~" in seg
    for rx, present in ((_HTML_TAG_RE, "<" in seg), (_EMPHASIS_RE, has_emphasis), (_ESCAPE_RE, "\\" in seg)):
        if not present:
            continue
        for m in rx.finditer(text, start, end):
            if free(m.start(), m.end()):
                drop.append((m.start(), m.end()))
    return drop, mask
