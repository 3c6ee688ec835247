"""Suppression comments and front-matter ignores.

* ``<!-- editcheck: disable=EC301,EC302 -->`` ... ``<!-- editcheck: enable=EC301 -->``
  (``disable`` alone, or ``disable=all``, turns off every rule);
* ``<!-- editcheck: disable-next-line=EC201 -->`` (the next non-blank line);
* front matter ``editcheck: {ignore: [EC101]}``.

Codes may be prefixes (``EC3`` covers every 3xx rule). With
``--report-unused-suppressions`` a suppression that hid nothing is reported as EC903.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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


@dataclass
class Suppression:
    """One suppression: ``kind`` (``disable``, ``disable-next-line``, ``front-matter``), the
    ``code`` it names (``""`` for all), the span of the directive itself
    (``[start, end)``), the ranges of the draft it covers, and how many findings it hid."""

    kind: str
    code: str
    start: int
    end: int
    ranges: list[tuple[int, int]] = field(default_factory=list)
    used: int = 0

    def covers(self, f: Finding) -> bool:
        """True when finding ``f`` is of a suppressed code inside a covered range."""
        return f.code.startswith(self.code) and any(s <= f.start < e for s, e in self.ranges)


def suppressions(doc: Document) -> list[Suppression]:
    """Every suppression of ``doc`` (one per code per directive), in text order."""
    out: list[Suppression] = []
    meta = doc.front_matter.get("editcheck") if doc.front_matter else None
    if isinstance(meta, dict) and isinstance(meta.get("ignore"), list):
        s, e = doc.fm_spans.get("editcheck", (0, 0))
        for c in meta["ignore"]:
            out.append(Suppression("front-matter", str(c).strip().upper(), s, e, [(0, len(doc.text) + 1)]))
    lines = doc.lines
    open_: dict[str, Suppression] = {}
    for kind, codes, start, end in directives(doc):
        if kind == "disable-next-line":
            line, _ = lines.position(end)
            nxt = line + 1
            while nxt <= len(lines.starts) and not doc.text[slice(*lines.line_span(nxt))].strip():
                nxt += 1
            for c in codes:
                sup = Suppression(kind, c, start, end)
                if nxt <= len(lines.starts):
                    sup.ranges.append(lines.line_span(nxt))
                out.append(sup)
        elif kind == "disable":
            for c in codes:
                if c not in open_:
                    sup = Suppression(kind, c, start, end, [(end, len(doc.text))])
                    open_[c] = sup
                    out.append(sup)
        else:
            for c in codes:
                closing = list(open_) if c == "" else [c] if c in open_ else []
                for k in closing:
                    sup = open_.pop(k)
                    sup.ranges = [(sup.end, start)]
    return out


def apply_suppressions(doc: Document, findings: list[Finding],
                       sups: list[Suppression] | None = None) -> list[Finding]:
    """Drop findings that a suppression covers; returns the kept findings.

    When ``sups`` (from :func:`suppressions`) is given, each one's ``used`` count is updated.
    """
    if sups is None:
        if "editcheck" not in doc.text:
            return findings
        sups = suppressions(doc)
    if not sups:
        return findings
    kept = []
    for f in findings:
        hiding = [s for s in sups if s.covers(f)]
        for s in hiding:
            s.used += 1
        if not hiding:
            kept.append(f)
    return kept


def unused_suppressions(doc: Document, sups: Iterable[Suppression], enabled: set[str]) -> list[Finding]:
    """EC903 findings for suppressions that hid nothing.

    ``enabled`` holds the codes of the rules that ran on the draft: a suppression naming
    only rules that did not run (turned off, other language) is not reported, since it
    might hide something in another configuration.
    """
    from editcheck.model import Finding, Severity
    from editcheck.rules.base import DOCS_BASE_URL

    out = []
    for s in sups:
        if s.used:
            continue
        if s.code and not any(c.startswith(s.code) for c in enabled):
            continue
        what = f"'{s.code}'" if s.code else "for all rules"
        line, col = doc.lines.position(s.start)
        end_line, end_col = doc.lines.position(s.end)
        out.append(Finding(
            code="EC903", name="unused-suppression", family="meta", severity=Severity.WARNING,
            message=f"unused suppression {what} ({s.kind}): nothing here was reported; remove it",
            start=s.start, end=s.end, match=doc.text[s.start:s.end], scope="document", path=doc.path,
            line=line, column=col, end_line=end_line, end_column=end_col,
            docs_url=f"{DOCS_BASE_URL}#ec903-unused-suppression"))
    return out
