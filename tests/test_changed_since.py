"""``--changed-since REV``: only findings on lines changed since a git revision."""

from __future__ import annotations

from pathlib import Path

from ci_helpers import DIRTY_EN, editcheck, git

from editcheck.changed import parse_diff


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "story.md").write_text(DIRTY_EN, encoding="utf-8")
    git(repo, "add", "story.md")
    git(repo, "commit", "-q", "-m", "first draft")
    return repo


def test_only_changed_lines_are_reported(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert editcheck("story.md", "-f", "line", "--changed-since", "HEAD", cwd=repo).stdout == ""
    # a new paragraph with an unnamed expert and hype; the old findings (lines 1-7) stay unreported
    (repo / "story.md").write_text(DIRTY_EN + "\nExperts say the plan is historic.\n", encoding="utf-8")
    proc = editcheck("story.md", "-f", "line", "--changed-since", "HEAD", "--fail-on", "warning", cwd=repo)
    full = editcheck("story.md", "-f", "line", cwd=repo).stdout.splitlines()
    assert len(full) > 1
    assert proc.stdout.splitlines() == [ln for ln in full if ln.startswith("story.md:9:")]
    assert proc.stdout != "" and proc.returncode == 1


def test_untracked_drafts_count_as_changed(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "new.md").write_text(DIRTY_EN, encoding="utf-8")
    proc = editcheck("new.md", "story.md", "-f", "line", "--changed-since", "HEAD", cwd=repo)
    assert proc.stdout == editcheck("new.md", "-f", "line", cwd=repo).stdout
    assert proc.returncode == 1  # the EC101 error is on a new line


def test_bad_revision_and_no_repository_are_exit_2(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    proc = editcheck("story.md", "--changed-since", "no-such-rev", cwd=repo)
    assert proc.returncode == 2
    assert proc.stderr == f"editcheck: error: --changed-since: unknown git revision 'no-such-rev' in {repo.resolve()}\n"
    outside = tmp_path / "loose"
    outside.mkdir()
    (outside / "a.md").write_text(DIRTY_EN, encoding="utf-8")
    proc = editcheck("a.md", "--changed-since", "HEAD", cwd=outside, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert proc.returncode == 2 and proc.stderr.startswith("editcheck: error: --changed-since: git rev-parse failed")
    assert proc.stderr.count("\n") == 1


def test_parse_diff_hunks(tmp_path: Path) -> None:
    diff = ("diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n"
            "@@ -20,2 +22,0 @@\n-e\n-f\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
            '--- a/"\\330\\271.md"\n+++ "b/\\330\\271.md"\n@@ -1 +1 @@\n-x\n+y\n')
    assert parse_diff(diff, tmp_path) == {(tmp_path / "x.md").resolve(): {3, 11, 12},
                                          (tmp_path / "ع.md").resolve(): {1}}
