"""``--changed-since REV``: which lines of which files changed since a git revision.

Drafts are still analysed whole (document-level rules need the whole draft); only the
report is limited to findings that touch a changed line. Lines are counted as git counts
them (``\\n``); a lone ``\\r`` line break, which editcheck also counts, is not supported.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editcheck.errors import UsageError

_HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass
class ChangedLines:
    """Changed lines per file since ``rev``.

    ``lines`` maps resolved absolute paths to sets of 1-based line numbers; ``whole`` holds
    paths that are new to git (untracked, or absent at ``rev``): every line counts as changed.
    Files in neither are unchanged.
    """

    rev: str
    lines: dict[Path, set[int]] = field(default_factory=dict)
    whole: set[Path] = field(default_factory=set)

    def contains(self, path: str | Path, line: int, end_line: int = 0) -> bool:
        """True when any line from ``line`` to ``end_line`` (inclusive) of ``path`` changed."""
        p = Path(path).resolve()
        if p in self.whole:
            return True
        changed = self.lines.get(p)
        if not changed:
            return False
        return any(n in changed for n in range(line, max(line, end_line) + 1))


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                              check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"--changed-since: git {args[0]} failed: {msg[-1] if msg else 'exit ' + str(proc.returncode)}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of a path (``"a\\tb"``, octal escapes for bytes)."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("utf-8", "surrogateescape").decode("unicode_escape")
    return raw.encode("latin-1", "surrogateescape").decode("utf-8", "surrogateescape")


def parse_diff(diff: str, top: Path) -> dict[Path, set[int]]:
    """Changed (added or modified) new-side line numbers per file from ``git diff -U0`` output."""
    out: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name == "/dev/null":
                current = None
                continue
            name = _unquote(name)
            current = out.setdefault((top / name[2:]).resolve(), set())  # strip "b/"
        elif line.startswith("@@") and current is not None:
            m = _HUNK_RE.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or "1")
                current.update(range(start, start + count))
    return out


def changed_lines(rev: str, paths: Iterable[str]) -> ChangedLines:
    """Lines changed between ``rev`` and the working tree for the git repository holding
    ``paths`` (the first path decides; ``-`` means the current folder).

    Raises :class:`UsageError` (exit code 2) when git is missing, the folder is not in a git
    repository or ``rev`` is unknown.
    """
    first = next((p for p in paths if p != "-"), ".")
    start = Path(first).resolve()
    folder = start if start.is_dir() else start.parent
    while not folder.is_dir():
        folder = folder.parent
    top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    except UsageError:
        raise UsageError(f"--changed-since: unknown git revision '{rev}' in {top}") from None
    diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--end-of-options", rev, "--"], top)
    result = ChangedLines(rev, parse_diff(diff, top))
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], top)
    result.whole = {(top / name).resolve() for name in untracked.split("\0") if name}
    added = _git(["diff", "-z", "--name-only", "--no-renames", "--diff-filter=A", "--end-of-options", rev, "--"], top)
    result.whole |= {(top / name).resolve() for name in added.split("\0") if name}
    return result
