"""Map character offsets to 1-based line and column numbers (code points)."""

from __future__ import annotations

import re
from bisect import bisect_right

_NEWLINE_RE = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of a text, for offset -> (line, column) lookups.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``. Columns count code points from 1;
    a UTF-8 BOM is never part of the text (the reader strips it), so it is never a column.
    """

    __slots__ = ("starts", "length", "text")

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]
        self.length = len(text)
        self.text = text

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` of a 0-based code-point offset, both 1-based."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """``(start, end)`` offsets of 1-based ``line``, without its line ending."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else self.length
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self.starts[line - 1] + column - 1
