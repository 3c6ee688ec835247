"""Long property run: the hypothesis suite of tests/test_properties.py on 100,000 drafts each.

Usage: ``.venv/bin/python bench/fuzz.py [EXAMPLES] [pytest args...]`` (default 100000).
CI runs the same properties on 2,000 drafts each; this is the long run to do before a
release or after touching normalisation, the loaders or the rules' span arithmetic.
Prints the pytest summary and the wall-clock time; exits with pytest's code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    """Run the property tests with ``EDITCHECK_FUZZ_EXAMPLES`` set; return pytest's exit code."""
    examples = argv[0] if argv and argv[0].isdigit() else "100000"
    extra = argv[1:] if argv and argv[0].isdigit() else argv
    env = dict(os.environ, EDITCHECK_FUZZ_EXAMPLES=examples)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(ROOT / "tests" / "test_properties.py"), *extra], env=env, cwd=ROOT)
    print(f"fuzz: {examples} drafts per property, {time.perf_counter() - start:.0f} s wall-clock")
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
