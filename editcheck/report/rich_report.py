"""``rich`` format: findings grouped by file, for a person at a terminal.

Arabic is printed in logical order and never reshaped: the terminal does its own bidi.
Invisible and bidi control characters are shown escaped (``<U+202E>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from editcheck.report.line import escape_controls
from editcheck.report.summary import summarize

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from editcheck.engine import FileResult

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def write(results: Sequence[FileResult], stream: TextIO, *, color: bool | None = None, **_: object) -> None:
    """Write the report; ``color`` ``None`` lets Rich decide (NO_COLOR, FORCE_COLOR, TTY)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    # color False: plain text (no colour, no bold), even when FORCE_COLOR is set
    console = Console(file=stream, no_color=color is False or None, force_terminal=color,
                      highlight=False, soft_wrap=True, emoji=False)
    for r in results:
        if not r.findings:
            continue
        console.print(Text(r.path, style="bold underline"))
        for f in r.findings:
            sev = f.severity.label
            line = Text("  ")
            line.append(f"{f.line}:{f.column}".ljust(8), style="dim")
            line.append(sev.ljust(8), style=STYLES.get(sev, ""))
            line.append(f.code.ljust(7), style="bold")
            line.append(escape_controls(f.message))
            console.print(line)
            if f.match:
                snippet = escape_controls(f.match if len(f.match) <= 90 else f.match[:87] + "...")
                console.print(Text("                        " + "» ", style="dim") + Text(snippet, style="italic"))
        console.print()
    s = summarize(results)
    by = s["by_severity"]  # type: ignore[index]
    console.print(summary_row(
        console,
        f"[bold]{s['findings']}[/] finding(s) in {s['files_with_findings']} of {s['files']} file(s)",
        f"[bold red]{by['error']} error[/]  [yellow]{by['warning']} warning[/]  [cyan]{by['info']} info[/]",
    ))
    if s["files_not_checked"]:
        console.print(f"[bold red]{s['files_not_checked']} file(s) could not be checked[/] (see the errors above)")
    fams = s["by_family"]
    if fams:
        console.print("[dim]" + escape(", ".join(f"{k}: {v}" for k, v in fams.items())) + "[/]")  # type: ignore[union-attr]


def summary_row(console: Console, left: str, right: str) -> RenderableType:
    """Two markup cells side by side, as ``Table.grid(padding=(0, 2))`` lays out one row.

    When the row fits the console it is one line, the cells two spaces apart: that line is
    printed as :class:`~rich.text.Text`, so ``rich.table`` (and the ``fractions`` and
    ``decimal`` modules it imports: ~6-9 ms) is not loaded. A narrower console gets the grid
    itself, which wraps each cell in its own column.
    """
    from rich.text import Text

    line = Text.assemble(console.render_str(left), "  ", console.render_str(right))
    if line.cell_len <= console.width:
        return line
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_row(left, right)
    return table
