"""Regenerate docs/rules.md from the rules' metadata (built-in code rules and packs, no plugins).

Usage: .venv/bin/python scripts/gen_rule_docs.py [--check]
With --check, exit 1 when docs/rules.md is stale instead of writing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from editcheck.ruledocs import rules_markdown
from editcheck.rules.registry import all_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def render() -> str:
    """The Markdown of every built-in rule (plugins excluded, so the file does not depend on
    what happens to be installed)."""
    return rules_markdown(all_rules(plugins=False))


def main(argv: list[str]) -> int:
    """Write (or with ``--check`` compare) docs/rules.md; returns the exit code."""
    text = render()
    if "--check" in argv:
        if not DOCS.is_file() or DOCS.read_text(encoding="utf-8") != text:
            print(f"{DOCS} is stale: run .venv/bin/python scripts/gen_rule_docs.py", file=sys.stderr)
            return 1
        return 0
    DOCS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
