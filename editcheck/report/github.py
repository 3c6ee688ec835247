"""``github`` format: GitHub Actions workflow commands, one per finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message`` (``warning``
and ``notice`` for the lower severities), which GitHub shows as annotations on the pull
request's diff. Data is escaped as the runner requires (``%`` -> ``%25``, CR -> ``%0D``,
LF -> ``%0A``); property values also escape ``:`` (``%3A``) and ``,`` (``%2C``). A file that
could not be checked becomes an ``::error file=PATH::`` line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from editcheck.model import Severity
from editcheck.report.line import escape_controls

if TYPE_CHECKING:
    from editcheck.engine import FileResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (``%``, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (as data, plus ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _visible(text: str) -> str:
    # bidi and invisible controls are shown as <U+XXXX>; CR/LF are left for escape_data
    return "".join(ch if ch in "\r\n" else escape_controls(ch) for ch in text)


def write(results: Sequence[FileResult], stream: TextIO, **_: object) -> None:
    """Write one workflow command per finding (and per file that could not be checked)."""
    for r in results:
        path = escape_property(r.path)
        if r.error:
            stream.write(f"::error file={path}::{escape_data(_visible(r.error))}\n")
            continue
        for f in r.findings:
            props = [f"file={path}", f"line={f.line}", f"col={f.column}"]
            if f.end_line:
                props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
            props.append(f"title={escape_property(f.code)}")
            message = f"{f.message} [{f.name}]"
            stream.write(f"::{COMMANDS.get(f.severity, 'notice')} {','.join(props)}::{escape_data(_visible(message))}\n")
