"""``json`` format, version 1.

``{"version": 1, "files": [{"path": str, "language": "ar"|"en", "error": str|null,
"findings": [finding, ...]}], "summary": {...}}`` where each finding has ``code``, ``name``,
``family``, ``severity``, ``message``, ``line``, ``column``, ``end_line``, ``end_column``
(1-based, code points, end exclusive), ``start``/``end`` (0-based code-point offsets),
``match`` (the exact original text of the span), ``scope``, and where present
``suggestion``, ``fix``, ``related`` and ``docs``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from editcheck.report.summary import summarize

if TYPE_CHECKING:
    from editcheck.engine import FileResult

VERSION = 1


def to_data(results: Sequence[FileResult]) -> dict[str, object]:
    """The JSON document as Python data."""
    return {
        "version": VERSION,
        "files": [{"path": r.path, "language": r.lang or None, "error": r.error,
                   "findings": [f.to_dict() for f in r.findings]} for r in results],
        "summary": summarize(results),
    }


def write(results: Sequence[FileResult], stream: TextIO, **_: object) -> None:
    """Write the JSON document (UTF-8, Arabic unescaped, one trailing newline)."""
    json.dump(to_data(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
