"""User patterns run under a time limit: a catastrophic pattern cannot hang the run."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

EDITCHECK = str(Path(sys.executable).with_name("editcheck"))

EVIL = """\
code: HR901
name: evil-pattern
extends: existence
language: en
scope: [document]
message: "matched {match}"
raw: ['(\\w+\\s?)+$']
timeout: 0.5
"""


def test_catastrophic_pattern_on_50000_character_line(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "evil.yaml").write_text(EVIL, encoding="utf-8")
    (tmp_path / ".editcheck.yaml").write_text("extends: [en-news, ./house]\nregex-timeout: 0.3\n", encoding="utf-8")
    line = ("word " * 10000)[:49999] + "!"
    assert len(line) == 50000
    (tmp_path / "d.md").write_text(f"# BREAKING: Storm hits the coast\n\n{line}\n", encoding="utf-8")
    start = time.monotonic()
    proc = subprocess.run([EDITCHECK, "d.md", "--format", "line", "--select", "HR901,EC904,EC301"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - start
    assert elapsed < 5, elapsed  # start-up + 0.3 s limit, not minutes
    assert proc.stderr == ""
    assert proc.stdout.splitlines() == [
        "d.md:1:3: warning EC301 Urgency label 'BREAKING' in the headline: a wire priority code, not part of the story",
        "d.md:1:13: warning HR901 matched Storm hits the coast",
        f"d.md:3:1: warning EC904 rule HR901 evil-pattern: pattern '(\\w+\\s?)+$' ran longer than 0.3 s on this text and was "
        f"stopped ({tmp_path / 'house' / 'evil.yaml'}:1); simplify it (nested quantifiers such as (a+)+ backtrack)",
    ]


def test_rule_timeout_caps_and_good_pattern_still_reports(tmp_path: Path) -> None:
    from editcheck.engine import Checker, Options
    from editcheck.rules.yaml.loader import load_rule_file

    path = tmp_path / "r.yaml"
    path.write_text(EVIL.replace("(\\w+\\s?)+$", "\\bstorm\\b"), encoding="utf-8")
    [rule] = load_rule_file(path)
    res = Checker(Options(plugins=False), rules=[rule]).check_text("d.md", "# Storm\n\nThe storm passed.\n")
    assert [(f.code, f.line, f.column, f.match) for f in res.findings] == [("HR901", 1, 3, "Storm"), ("HR901", 3, 5, "storm")]
