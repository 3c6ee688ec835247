"""Helpers for the CI-gate tests: run the real ``editcheck`` command and real git."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def editcheck(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
              stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m editcheck ARGS`` in a subprocess; returns the completed process (text)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "editcheck", *args], cwd=cwd, env=full_env, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", check=False)


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` with a fixed identity; returns standard output; raises on failure."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(repo)}
    proc = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=repo,
                          env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


DIRTY_EN = """# Minister quits after budget vote!

Minister quits after budget vote!

Experts say the move is historic, according to Reuters.

Share this story
"""

CLEAN_EN = """# Minister resigns after budget vote

The finance minister resigned on Tuesday, the prime minister's office said in a statement.

"I take responsibility for the result," she told reporters in parliament, according to Reuters.
"""
