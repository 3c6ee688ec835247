"""The command pauses the garbage collector during start-up; library use is left alone."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from editcheck import gcpause
from editcheck.engine import Checker, Options


@pytest.fixture(autouse=True)
def _restore_gc() -> Iterator[None]:
    was = gc.isenabled()
    yield
    gcpause.resume()
    if was:
        gc.enable()
    gc.unfreeze()


def test_pause_then_resume() -> None:
    gc.enable()
    gcpause.pause()
    assert not gc.isenabled() and gcpause.paused()
    gcpause.resume()
    assert gc.isenabled() and not gcpause.paused()


def test_resume_without_pause_changes_nothing() -> None:
    gc.disable()  # someone else's choice: not ours to undo
    gcpause.resume()
    assert not gc.isenabled()
    gc.enable()
    gcpause.resume()
    assert gc.isenabled()


def test_pause_when_already_off_does_not_turn_it_on_later() -> None:
    gc.disable()
    gcpause.pause()
    gcpause.resume()
    assert not gc.isenabled()


def test_checker_ends_the_start_up() -> None:
    gc.enable()
    gcpause.pause()
    Checker(Options(plugins=False))
    assert gc.isenabled() and not gcpause.paused()


def test_command_runs_with_the_collector_back_on_for_the_drafts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.md"
    draft.write_text("# Headline\n\nExperts say the plan will work.\n", encoding="utf-8")
    script = (
        "import gc, sys\n"
        "import editcheck.cli as cli\n"
        "assert not gc.isenabled()\n"  # paused by importing the command
        "import editcheck.engine as engine\n"
        "seen = []\n"
        "check = engine.Checker.check_document\n"
        "engine.Checker.check_document = lambda self, doc: seen.append(gc.isenabled()) or check(self, doc)\n"
        "try:\n"
        "    cli.main([sys.argv[1], '--format', 'line'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert seen == [True], seen\n"
        "assert gc.isenabled()\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(draft)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("ok")
