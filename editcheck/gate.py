"""The publication gate: what is reported, what fails the run, where the report goes.

Two thresholds are separate, as in ruff and pre-commit-hooks rather than Vale:
``--min-severity`` decides what is *shown*, ``--fail-on`` decides the *exit code*. The exit
code is computed from every finding (after ``--changed-since`` filtering), so hiding
findings never turns a failing run into a passing one:

- 0: nothing reached ``--fail-on``;
- 1: something did;
- 2: a draft could not be checked, or the command, config or output file is wrong.

It never depends on the number of findings (no wrap-around at 256) nor on where the
report is written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO

from editcheck.errors import UsageError
from editcheck.model import Severity

if TYPE_CHECKING:
    from editcheck.changed import ChangedLines
    from editcheck.engine import FileResult


def only_changed(results: Sequence[FileResult], changed: ChangedLines) -> list[FileResult]:
    """Results keeping only findings on changed lines (errors are kept)."""
    return [replace(r, findings=[f for f in r.findings if changed.contains(r.path, f.line, f.end_line)])
            if r.path != "-" else r for r in results]


def shown(results: Sequence[FileResult], min_severity: Severity | None) -> list[FileResult]:
    """Results keeping only findings at or above ``min_severity`` (all when ``None``)."""
    if min_severity is None or min_severity <= Severity.INFO:
        return list(results)
    return [replace(r, findings=[f for f in r.findings if f.severity >= min_severity]) for r in results]


def exit_code(results: Sequence[FileResult], fail_on: Severity) -> int:
    """0, 1 or 2 as described in the module docstring."""
    if any(r.error for r in results):
        return 2
    if fail_on >= Severity.NEVER:
        return 0
    return 1 if any(f.severity >= fail_on for r in results for f in r.findings) else 0


def color_choice(no_color_flag: bool, stream: TextIO) -> bool | None:
    """Colour for the ``rich`` report: ``False`` with ``--no-color`` or a non-empty
    ``NO_COLOR``; ``True`` with a non-empty ``FORCE_COLOR``; otherwise ``None`` (Rich decides
    from whether ``stream`` is a terminal)."""
    if no_color_flag or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None if stream.isatty() else False


def write_report(fmt: str, results: Sequence[FileResult], output: str | None, *, no_color: bool,
                 fail_on: Severity) -> None:
    """Write the report in format ``fmt`` to standard output, or to the file ``output``
    (UTF-8, replaced whole). Raises :class:`UsageError` (exit 2) when the file cannot be written."""
    from editcheck.report import get_writer

    writer = get_writer(fmt)
    if output is None or output == "-":
        writer(results, sys.stdout, color=color_choice(no_color, sys.stdout), fail_on=fail_on)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            writer(results, fh, color=color_choice(no_color, fh), fail_on=fail_on)
    except OSError as exc:
        raise UsageError(f"cannot write report to '{output}': {exc.strerror or exc}") from None
