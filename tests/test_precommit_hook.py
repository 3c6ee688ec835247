"""The pre-commit hook, run by the real ``pre-commit`` tool against a snapshot of this checkout.

Slow (about a minute): pre-commit builds the hook's virtualenv and installs editcheck
non-editably from PyPI dependencies, exactly as a newsroom's repository would. That install
is also the check that the wheel carries the rule packs (``editcheck/_packs``): EC601 comes
from a YAML pack, so it only appears when the packs were bundled.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ci_helpers import CLEAN_EN, DIRTY_EN, ROOT, git

pytestmark = pytest.mark.slow


def snapshot(dest: Path) -> str:
    """Commit the current working tree of this checkout (tracked and new, non-ignored files)
    into a fresh repository at ``dest``; pre-commit needs a committed ``rev``. Returns its sha."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    dest.mkdir()
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "snapshot for the hook test")
    return git(dest, "rev-parse", "HEAD").strip()


def test_precommit_refuses_a_faulty_draft_and_passes_a_clean_one(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("the pre-commit test needs a git checkout of editcheck")
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.fail("pre-commit is not installed: pip install -e '.[test]'")
    rev = snapshot(tmp_path / "editcheck-src")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {tmp_path / 'editcheck-src'}\n    rev: {rev}\n    hooks:\n      - id: editcheck\n",
        encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path),
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), cwd=repo, env=env, capture_output=True, text=True, check=False)

    installed = run(str(pre_commit), "install")
    assert installed.returncode == 0, installed.stderr
    git(repo, "add", ".pre-commit-config.yaml")

    (repo / "story.md").write_text(DIRTY_EN, encoding="utf-8")
    (repo / "notes.py").write_text("print('not a draft')\n", encoding="utf-8")
    run("git", "add", "story.md", "notes.py")
    refused = run("git", "commit", "-m", "faulty draft")
    out = refused.stdout + refused.stderr
    assert refused.returncode == 1, out
    assert "editcheck (news drafts)" in out and "Failed" in out
    assert "story.md:3:1: error EC101 The headline is pasted again here as a paragraph; remove the copy" in out
    assert "story.md:7:1: warning EC601 Web-page residue 'Share this story': remove it" in out  # from a YAML pack
    assert "notes.py" not in out  # not a Markdown or text file
    assert run("git", "rev-parse", "--verify", "-q", "HEAD").returncode != 0  # nothing was committed

    (repo / "story.md").write_text(CLEAN_EN, encoding="utf-8")
    run("git", "add", "story.md")
    passed = run("git", "commit", "-m", "clean draft")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
