"""Suppression comments and front-matter ignores.

* ``<!-- editcheck: disable=EC301,EC302 -->`` ... ``<!-- editcheck: enable=EC301 -->``
  (``disable`` alone, or ``disable=all``, turns off every rule);
* ``<!-- editcheck: disable-next-line=EC201 -->`` (the next non-blank line);
* front matter ``editcheck: {ignore: [EC101]}``.

Codes may be prefixes (``EC3`` covers every 3xx rule).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.model import Finding

_DIRECTIVE_RE = re.compile(r"<!--\s*editcheck:\s*(disable-next-line|disable|enable)(?:\s*=\s*([A-Za-z0-9_,\s]+?))?\s*-->")


def _codes(raw: str | None) -> tuple[str, ...]:
    if not raw or raw.strip().lower() == "all":
        return ("",)
    return tuple(c.strip().upper() for c in raw.split(",") if c.strip())


def directives(doc: Document) -> list[tuple[str, tuple[str, ...], int, int]]:
    """``(kind, codes, start, end)`` of every suppression comment, in order."""
    if "editcheck" not in doc.text:
        return []
    return [(m.group(1), _codes(m.group(2)), m.start(), m.end()) for m in _DIRECTIVE_RE.finditer(doc.text)]


def apply_suppressions(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Drop findings that a suppression covers; returns the kept findings."""
    ignore: tuple[str, ...] = ()
    meta = doc.front_matter.get("editcheck") if doc.front_matter else None
    if isinstance(meta, dict) and isinstance(meta.get("ignore"), list):
        ignore = tuple(str(c).upper() for c in meta["ignore"])
    marks = directives(doc)
    if not marks and not ignore:
        return findings
    # ranges of (start, end, codes) where codes are disabled
    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    open_: dict[str, int] = {}
    lines = doc.lines
    for kind, codes, start, end in marks:
        if kind == "disable-next-line":
            line, _ = lines.position(end)
            nxt = line + 1
            while nxt <= len(lines.starts) and not doc.text[slice(*lines.line_span(nxt))].strip():
                nxt += 1
            if nxt <= len(lines.starts):
                s, e = lines.line_span(nxt)
                ranges.append((s, e, codes))
        elif kind == "disable":
            for c in codes:
                open_.setdefault(c, end)
        else:
            for c in codes:
                if c == "":
                    for k, s in list(open_.items()):
                        ranges.append((s, start, (k,)))
                    open_.clear()
                elif c in open_:
                    ranges.append((open_.pop(c), start, (c,)))
                elif "" in open_:
                    pass
    for c, s in open_.items():
        ranges.append((s, len(doc.text), (c,)))
    kept = []
    for f in findings:
        if any(f.code.startswith(c) for c in ignore):
            continue
        if any(s <= f.start < e and any(f.code.startswith(c) for c in codes) for s, e, codes in ranges):
            continue
        kept.append(f)
    return kept
