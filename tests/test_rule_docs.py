"""Rule documentation: ``editcheck rule CODE``, ``editcheck rules --format markdown`` and docs/rules.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from editcheck.ruledocs import render_rule, rules_markdown
from editcheck.rules.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
EDITCHECK = str(Path(sys.executable).with_name("editcheck"))


def test_docs_rules_md_is_up_to_date() -> None:
    expected = rules_markdown(all_rules(plugins=False))
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run .venv/bin/python scripts/gen_rule_docs.py"


def test_rule_command_renders_sections() -> None:
    out = subprocess.run([EDITCHECK, "rule", "EC903"], capture_output=True, text=True, timeout=60).stdout
    assert out.splitlines()[:3] == ["## EC903 unused-suppression", "",
                                    "Family: meta · Default severity: warning · Languages: ar, en · Fixable: no"]
    for title in ("### What it does", "### Why is this bad?", "### Example", "### Use instead", "### Standard"):
        assert title in out


def test_markdown_listing_has_every_builtin_rule() -> None:
    rules = all_rules(plugins=False)
    text = rules_markdown(rules)
    for r in rules:
        assert f"## {r.meta.code} {r.meta.name}" in text
    assert render_rule("EC904", rules) in text


def test_rules_format_markdown_cli() -> None:
    out = subprocess.run([EDITCHECK, "rules", "--format", "markdown"], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("# Rules\n") and "## EC301 breaking-label" in out
