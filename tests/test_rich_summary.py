"""The rich report's summary line prints exactly what a one-row ``Table.grid`` printed."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.table import Table

from editcheck.report.rich_report import summary_row


def _console(width: int, color: bool) -> Console:
    return Console(file=io.StringIO(), width=width, no_color=not color or None, force_terminal=color,
                   highlight=False, soft_wrap=True, emoji=False)


def _cells(rng: random.Random) -> tuple[str, str]:
    n = [rng.choice([0, 1, 2, 9, 10, 99, 1234, 10**6]) for _ in range(6)]
    return (f"[bold]{n[0]}[/] finding(s) in {n[1]} of {n[2]} file(s)",
            f"[bold red]{n[3]} error[/]  [yellow]{n[4]} warning[/]  [cyan]{n[5]} info[/]")


def _printed(width: int, color: bool, renderable: object) -> str:
    console = _console(width, color)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("color", [False, True])
def test_summary_row_matches_the_grid_table_at_every_width(color: bool) -> None:
    rng = random.Random(7)
    for _ in range(40):
        left, right = _cells(rng)
        for width in (8, 20, 39, 40, 41, 55, 58, 59, 60, 61, 62, 70, 79, 80, 81, 120, 200):
            table = Table.grid(padding=(0, 2))
            table.add_row(left, right)
            expected = _printed(width, color, table)
            assert _printed(width, color, summary_row(_console(width, color), left, right)) == expected, (width, left, right)


def test_summary_row_is_plain_text_when_it_fits() -> None:
    from rich.text import Text

    console = _console(80, False)
    assert isinstance(summary_row(console, "[bold]2[/] finding(s) in 1 of 1 file(s)", "[cyan]0 info[/]"), Text)
