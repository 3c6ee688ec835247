"""Core value types shared by every layer: severities, spans, edits, findings.

All offsets are character offsets (Unicode code points) into the decoded text of a
draft, 0-based and end-exclusive. Lines and columns are 1-based and count code points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """How serious a finding is; higher is worse. ``NEVER`` is only a ``--fail-on`` value."""

    INFO = 1
    WARNING = 2
    ERROR = 3
    NEVER = 99

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Parse ``"info" | "warning" | "error" | "never"`` (case-insensitive).

        Also accepts the editorial-standards scale ``low`` (-> info), ``medium`` (-> warning)
        and ``high`` (-> error). Raises ``ValueError`` for anything else.
        """
        if isinstance(value, Severity):
            return value
        key = str(value).strip().lower()
        aliases = {"low": "info", "medium": "warning", "high": "error", "warn": "warning"}
        key = aliases.get(key, key)
        try:
            return cls[key.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use info, warning or error)") from None

    @property
    def label(self) -> str:
        """Lower-case name as shown in reports (``"warning"``)."""
        return self.name.lower()

    def lower(self) -> Severity:
        """One level less serious (never below INFO)."""
        return Severity(max(Severity.INFO, self - 1)) if self <= Severity.ERROR else self


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (code-point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits that together correct one finding; ``safe`` fixes apply with ``--fix``."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """Another location relevant to a finding (e.g. the first occurrence of a headline)."""

    path: str
    line: int
    column: int
    message: str = ""


@dataclass(slots=True)
class Finding:
    """One problem found in a draft.

    ``start``/``end`` are code-point offsets into the draft's decoded text; ``line``,
    ``column``, ``end_line`` and ``end_column`` are filled in by the engine (1-based, code
    points; ``end_column`` is exclusive). ``match`` is the exact original text of the span.
    """

    code: str
    name: str
    family: str
    severity: Severity
    message: str
    start: int
    end: int
    match: str = ""
    scope: str = ""
    suggestion: str | None = None
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    docs_url: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Deterministic report order: path, position, code."""
        return (self.path, self.start, self.end, self.code)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping (the ``json`` report's finding object, version 1)."""
        out: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "scope": self.scope,
        }
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        if self.fix is not None:
            out["fix"] = {
                "safe": self.fix.safe,
                "description": self.fix.description,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.fix.edits
                ],
            }
        if self.related:
            out["related"] = [
                {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
                for r in self.related
            ]
        if self.docs_url:
            out["docs"] = self.docs_url
        if self.extra:
            out["extra"] = self.extra  # e.g. {"languagetool": {"rule": ..., "category": ...}}
        return out
