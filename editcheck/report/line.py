"""``line`` format: ``path:line:col: severity CODE message`` (stable; for tools and tests)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from editcheck.engine import FileResult


def escape_controls(text: str) -> str:
    """Show bidi controls and other invisible characters as ``<U+202E>`` so they cannot
    reorder or hide the report line."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, 0x180E, 0x2028, 0x2029) \
                or 0x202A <= cp <= 0x202E or 0x2060 <= cp <= 0x2064 \
                or 0x2066 <= cp <= 0x2069 or (cp < 0x20 and ch not in "\t") or 0x7F <= cp <= 0x9F:
            out.append(f"<U+{cp:04X}>")
        else:
            out.append(ch)
    return "".join(out)


def write(results: Sequence[FileResult], stream: TextIO, **_: object) -> None:
    """One line per finding, in path and position order. Files that could not be checked
    are not listed here (their one-line errors go to standard error)."""
    for r in results:
        for f in r.findings:
            stream.write(f"{r.path}:{f.line}:{f.column}: {f.severity.label} {f.code} {escape_controls(f.message)}\n")
