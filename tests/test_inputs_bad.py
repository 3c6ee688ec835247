"""Bad input never crashes a run: one line on stderr, exit 2 for that path, the rest checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editcheck.engine import Checker, Options

GOOD = "عاجل: الحكومة تعلن خطة النقل!\n\nأعلنت الوزارة الخطة وفق بيان رسمي.\n"


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editcheck", *args], capture_output=True, text=True, cwd=cwd,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _assert_one_error(proc: subprocess.CompletedProcess[str], message: str, good: Path) -> None:
    assert proc.returncode == 2
    assert proc.stderr == f"editcheck: error: {message}\n"
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{good}:1:1: warning EC301" in proc.stdout  # the other draft is still checked


@pytest.mark.parametrize(("name", "content"), [
    ("empty.txt", ""), ("empty.md", ""), ("blank.txt", " \n\t\r\n  \n"), ("blank.md", "\n\n   \n"),
    ("fm-only.md", "---\ntitle: خبر\nsources: []\n---\n"), ("bom-only.txt", "\ufeff"),
])
def test_empty_whitespace_and_front_matter_only(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = Checker(Options(plugins=False)).check_file(path)
    assert result.error is None
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(content)
    proc = _cli(str(path), "--format", "line")
    # a warning (the default gate fails on errors); fm-only.md also has an error: EC402 empty sources
    assert proc.returncode == (1 if name == "fm-only.md" else 0) and proc.stderr == ""
    assert proc.stdout.splitlines()[0] == (
        f"{path}:2:8: warning EC905 للمسودة عنوان بلا نص خبر: اكتب الخبر أو استبعد الملف" if name == "fm-only.md"
        else f"{path}:1:1: warning EC905 The draft has no text to check: write the story, or leave the file out")


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("h.md", "# عنوان فقط\n", "1:3: warning EC905 للمسودة عنوان بلا نص خبر: اكتب الخبر أو استبعد الملف"),
    ("h.txt", "Storm closes port\n",
     "1:1: warning EC905 The draft has a headline but no story: write the story, or leave the file out"),
    ("byline.md", "# Storm closes port\n\nBy Jane Smith\n",
     "1:3: warning EC905 The draft has a headline but no story: write the story, or leave the file out"),
    ("comment.md", "<!-- placeholder -->\n",
     "1:1: warning EC905 The draft has no text to check: write the story, or leave the file out"),
])
def test_a_headline_alone_or_a_comment_is_no_story(tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    proc = _cli(str(path), "--format", "line", "--select", "EC905")
    assert proc.stdout.splitlines() == [f"{path}:{expected}"]


def test_a_draft_with_text_is_not_empty(tmp_path: Path) -> None:
    """A paragraph, one digit under front matter, or a table is a story: no EC905."""
    for name, content in (("p.md", "# Storm\n\nIt rained.\n"), ("fm-digit.md", "---\ntitle: خبر\n---\n\n5\n"),
                          ("bom.txt", "\ufeffStorm closes port\n\nIt rained.\n"),
                          ("table.md", "# Results\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        codes = [f.code for f in Checker(Options(plugins=False)).check_file(path).findings]
        assert "EC905" not in codes, (name, codes)


def test_front_matter_only_reports_empty_sources(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: خبر\nsources: []\n---\n", encoding="utf-8")
    codes = [f.code for f in Checker(Options(plugins=False)).check_file(path).findings]
    assert "EC402" in codes


def test_binary_file(tmp_path: Path, good: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _assert_one_error(_cli(str(binary), str(good), "--format", "line"),
                      f"{binary}: looks like a binary file (NUL bytes), not a text draft", good)


def test_missing_path(tmp_path: Path, good: Path) -> None:
    missing = tmp_path / "nope.md"
    _assert_one_error(_cli(str(missing), str(good), "--format", "line"), f"{missing}: no such file", good)


def test_dangling_symlink(tmp_path: Path, good: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "gone.md")
    _assert_one_error(_cli(str(link), str(good), "--format", "line"), f"{link}: no such file", good)


def test_directory_loop_is_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "drafts"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    proc = _cli(str(root), "--format", "line")
    assert proc.returncode == 0 and proc.stderr == ""  # warnings only: below --fail-on error
    assert proc.stdout.count("a.txt:1:1: warning EC301") == 1


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path, good: Path) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        _assert_one_error(_cli(str(locked), str(good), "--format", "line"), f"{locked}: permission denied", good)
    finally:
        locked.chmod(0o644)


def test_unreadable_file_in_process(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root can read a mode-000 file, so the permission error is raised by ``Path.open`` here."""
    locked = tmp_path / "locked.md"
    locked.write_text(GOOD, encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    checker = Checker(Options(plugins=False))
    assert checker.check_file(locked).error == f"{locked}: permission denied"
    assert checker.check_file(good).error is None


def test_directory_named_like_a_draft(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "empty-folder.md"
    folder.mkdir()
    proc = _cli(str(folder), str(good), "--format", "line")
    assert proc.returncode == 0 and proc.stderr == ""  # a folder is expanded (here: to nothing)


def test_200_mb_sparse_file_hits_the_size_limit_without_reading_it(tmp_path: Path, good: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: no 200 MB on disk or in memory
    _assert_one_error(_cli(str(huge), str(good), "--format", "line"),
                      f"{huge}: 209715200 bytes is over the size limit of 20971520 bytes (raise it with --max-size)", good)


def test_max_size_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(GOOD * 20, encoding="utf-8")
    size = path.stat().st_size
    small = _cli(str(path), "--max-size", str(size - 1), "--format", "line")
    assert small.returncode == 2
    assert small.stderr == f"editcheck: error: {path}: {size} bytes is over the size limit of {size - 1} bytes (raise it with --max-size)\n"
    assert _cli(str(path), "--max-size", str(size), "--format", "line").returncode == 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_endless_device_is_read_only_up_to_the_limit(good: Path) -> None:
    proc = _cli("/dev/zero", str(good), "--max-size", "4096", "--format", "line")
    _assert_one_error(proc, "/dev/zero: is over the size limit of 4096 bytes (raise it with --max-size)", good)


def test_internal_error_is_one_line_and_debug_shows_the_traceback(good: Path) -> None:
    code = ("import editcheck.engine as e\n"
            "def boom(self, doc):\n    raise RuntimeError('rule exploded')\n"
            "e.Checker.check_document = boom\n"
            "from editcheck.cli import main\n"
            f"main([{str(good)!r}, '--format', 'line'] + __import__('sys').argv[1:])\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr == ("editcheck: error: internal error: RuntimeError: rule exploded "
                           "(run with --debug for details)\n")
    debug = subprocess.run([sys.executable, "-c", code, "--debug"], capture_output=True, text=True)
    assert debug.returncode != 0 and "Traceback" in debug.stderr and "rule exploded" in debug.stderr


def test_standard_input_is_bounded_too() -> None:
    text = "عاجل: الحكومة تعلن خطة النقل!\n"
    proc = subprocess.run([sys.executable, "-m", "editcheck", "-", "--max-size", "10"], input=text.encode(),
                          capture_output=True)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "editcheck: error: <stdin>: is over the size limit of 10 bytes (raise it with --max-size)\n"
    ok = subprocess.run([sys.executable, "-m", "editcheck", "-", "--format", "line"], input=text.encode(), capture_output=True)
    assert ok.returncode == 0 and ok.stdout.decode().startswith("-:1:1: warning EC301 ")
