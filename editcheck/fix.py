"""Apply findings' fixes to draft files without ever damaging them.

``--fix`` applies the *safe* fixes (``Fix.safe``), ``--unsafe-fixes`` the others too,
``--diff`` shows the change as a unified diff and writes nothing. Guarantees:

* A file is only written when its text changes, and only under ``--fix``.
* The file is re-read and every fixed finding's ``match`` must still be the text at its
  span (code-point offsets), else the file is left alone (it changed since the check).
* Fixes are applied whole or not at all; a fix whose edits overlap an edit already
  chosen is skipped (the finding stays in the report), so edits never collide.
* Fixing iterates until the draft is stable (as ruff does): after one pass of
  non-overlapping edits the fixed text is checked again in memory and the fixes now
  offered are applied, up to :data:`MAX_PASSES` passes; the file is written once, and
  ``--diff`` shows the result of every pass. A pass that brings back a text seen before
  (fixes undoing each other) ends the loop.
* The new text is encoded in the file's own encoding, with its BOM; line endings are
  kept because edits only touch the spans they name. If the new text cannot be encoded
  (a replacement outside a legacy code page), the file is left alone.
* Writing is atomic: a temporary file in the same folder, flushed and synced, gets the
  original's permission bits and then replaces it with :func:`os.replace`. If anything
  fails before the rename, the temporary file is removed and the draft is intact.
* Word files (``.docx``) and standard input are never written.
"""

from __future__ import annotations

import difflib
import functools
import os
import tempfile
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from editcheck.errors import InputError
from editcheck.model import Edit, Finding

if TYPE_CHECKING:
    from editcheck.engine import FileResult

#: Formats whose files are never written (not text on disk).
READ_ONLY_SUFFIXES = (".docx",)
#: Most fix passes on one draft (ruff uses 100; editcheck's fixes settle in two or three).
MAX_PASSES = 10

#: Checks a draft's text again in memory: ``recheck(text)`` -> that text's findings.
Recheck = Callable[[str], Sequence[Finding]]


@dataclass
class FixOutcome:
    """What fixing one file did.

    ``fixed`` are the findings whose fix was applied (or would be, under ``--diff``), over
    every pass; ``skipped`` are fixable findings left alone in the final text (unsafe
    without ``--unsafe-fixes``, or in conflict with another fix); ``remaining`` are the
    findings of the final text when it was checked again (``None`` without a recheck);
    ``edits`` are the edits of each pass that changed the text and ``text`` the fixed
    text ("" when nothing changes); ``diff`` is the unified diff of
    the whole change ("" when nothing changes); ``written`` is true when the file was
    replaced; ``error`` is a one-line message when the file could not be fixed (it is
    then untouched).
    """

    path: str
    fixed: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)
    remaining: list[Finding] | None = None
    edits: list[list[Edit]] = field(default_factory=list)
    text: str = ""
    diff: str = ""
    written: bool = False
    error: str | None = None


def choose_fixes(findings: Iterable[Finding], *, unsafe: bool = False) -> tuple[list[Edit], list[Finding], list[Finding]]:
    """Pick the fixes to apply: ``(edits, fixed findings, skipped findings)``.

    Findings are taken in position order; a finding's fix is applied only when it is safe
    (or ``unsafe`` is true) and none of its edits overlaps an edit already chosen (two
    insertions at one offset count as overlapping; an edit identical to one already
    chosen is shared, not applied twice). Returned edits are sorted and disjoint.
    """
    chosen: list[Edit] = []
    fixed: list[Finding] = []
    skipped: list[Finding] = []
    for f in sorted((f for f in findings if f.fix is not None and f.fix.edits), key=Finding.sort_key):
        assert f.fix is not None
        if not f.fix.safe and not unsafe:
            skipped.append(f)
            continue
        new = [e for e in f.fix.edits if e not in chosen]
        if _overlaps(new) or any(_overlap(a, b) for a in new for b in chosen):
            skipped.append(f)
            continue
        chosen.extend(new)
        fixed.append(f)
    chosen.sort(key=lambda e: (e.start, e.end))
    return chosen, fixed, skipped


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end or (a.start == a.end and b.start < a.start < b.end) \
        or (b.start == b.end and a.start < b.start < a.end)


def _overlaps(edits: Sequence[Edit]) -> bool:
    return any(_overlap(a, b) for i, a in enumerate(edits) for b in edits[i + 1:])


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with sorted, disjoint ``edits`` applied (code-point offsets into ``text``).

    Raises ``ValueError`` when an edit lies outside the text or edits overlap.
    """
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise ValueError(f"edit {e.start}-{e.end} overlaps another or lies outside the text ({len(text)} code points)")
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def unified_diff(path: str, old: str, new: str) -> str:
    """Unified diff of ``old`` -> ``new`` with ``a/path`` and ``b/path`` headers ("" when equal).

    Line endings are kept in the diff lines, so a CRLF draft shows CRLF.
    """
    if old == new:
        return ""
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` atomically.

    The bytes go to a temporary file in the same folder (so :func:`os.replace` is a
    rename on one file system), which is flushed, synced and given the original file's
    permission bits before the rename. On any failure the temporary file is removed, the
    original is untouched and the exception propagates (``OSError`` and the like).
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".editcheck-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def fix_text(text: str, findings: Sequence[Finding], *, unsafe: bool = False, recheck: Recheck | None = None,
             max_passes: int = MAX_PASSES) -> tuple[str, list[Finding], list[Finding], list[Finding] | None,
                                                    list[list[Edit]]]:
    """Apply fixes to ``text`` until it is stable: ``(new text, fixed, skipped, remaining, edits)``.

    ``findings`` are ``text``'s findings. Each pass applies the chosen non-overlapping
    edits (:func:`choose_fixes`); with ``recheck`` the new text is checked again and the
    next pass applies the fixes now offered, until no fix changes the text, a text seen
    before comes back, or ``max_passes`` passes ran. Without ``recheck`` one pass runs.
    ``fixed`` lists the findings fixed in every pass; ``skipped`` the fixable findings
    left in the final text; ``remaining`` the final text's findings (``None`` without
    ``recheck``, or when nothing changed); ``edits`` the sorted edits of each pass that
    changed the text. Raises ``ValueError`` when a fix's edits lie outside the text they
    were found in.
    """
    fixed: list[Finding] = []
    skipped: list[Finding] = []
    remaining: list[Finding] | None = None
    seen = {text}
    passes: list[list[Edit]] = []
    current = list(findings)
    while True:
        edits, done, skipped = choose_fixes(current, unsafe=unsafe)
        if len(passes) >= max_passes or not edits:
            break
        new_text = apply_edits(text, edits)
        if new_text in seen:  # no change, or fixes undoing each other: stop at the last new text
            break
        seen.add(new_text)
        text = new_text
        fixed += done
        passes.append(edits)
        if recheck is None:
            break
        current = list(recheck(text))
        remaining = current
    return text, fixed, skipped, remaining, passes


def fix_file(path: Path, findings: Sequence[Finding], *, unsafe: bool = False, write: bool = True,
             encoding: str | None = None, max_size: int | None = None, display: str | None = None,
             recheck: Recheck | None = None, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Apply the fixes of ``findings`` (from checking ``path``) to the file.

    Re-reads and decodes the file as the check did (``encoding``, ``max_size`` in bytes),
    checks that each fixable finding's ``match`` is still the text at its span, applies the
    edits (with ``recheck``, pass after pass until the text is stable: :func:`fix_text`)
    and, when ``write`` is true and the text changed, writes it back once, atomically, in
    the same encoding with the same BOM. Never raises for file problems: they become
    :attr:`FixOutcome.error` and the file is left as it was.
    """
    from editcheck.document.reader import DEFAULT_MAX_SIZE, decode, read_bytes

    name = display or str(path)
    outcome = FixOutcome(name)
    if not any(f.fix is not None and f.fix.edits for f in findings):
        return outcome
    if str(path).lower().endswith(READ_ONLY_SUFFIXES):
        outcome.error = f"{name}: fixes are not applied to Word files; make them in Word"
        return outcome
    try:
        data = read_bytes(path, max_size=max_size or DEFAULT_MAX_SIZE)
        decoded = decode(data, name, encoding)
    except InputError as exc:
        outcome.error = str(exc)
        return outcome
    text = decoded.text
    stale = [f for f in findings if f.fix is not None and (f.end > len(text) or text[f.start:f.end] != f.match)]
    if stale:
        outcome.error = f"{name}: changed since it was checked; not fixed (run editcheck again)"
        return outcome
    try:
        new_text, fixed, outcome.skipped, remaining, outcome.edits = fix_text(
            text, findings, unsafe=unsafe, recheck=recheck, max_passes=max_passes)
    except ValueError:
        outcome.error = f"{name}: a fix lies outside the draft; not fixed"
        return outcome
    if new_text == text:
        return outcome
    try:
        new_data = decoded.bom + new_text.encode(decoded.encoding)
        if new_data.startswith(decoded.bom) and new_data[len(decoded.bom):].decode(decoded.encoding) != new_text:
            raise UnicodeError("round trip")
    except (UnicodeError, LookupError):
        outcome.error = f"{name}: the fixed text cannot be saved as {decoded.encoding}; not fixed"
        return outcome
    outcome.diff = unified_diff(name, text, new_text)
    if write:
        try:
            write_atomic(path, new_data)
        except OSError as exc:
            outcome.error = f"{name}: cannot write the fixed draft ({exc.strerror or exc}); the file is unchanged"
            return outcome
        outcome.written = True
    outcome.fixed, outcome.remaining, outcome.text = fixed, remaining, new_text
    return outcome


def fix_results(results: Sequence[FileResult], *, unsafe: bool = False, diff_only: bool = False,
                encoding: str | None = None, max_size: int | None = None, stream: TextIO | None = None,
                err: TextIO | None = None, skip_paths: Iterable[str] = (),
                recheck: Callable[[str, str], FileResult] | None = None,
                keep_codes: Collection[str] = (), refinish: Callable[[Sequence[FileResult]], None] | None = None,
                max_passes: int = MAX_PASSES) -> int:
    """Fix (or, with ``diff_only``, show diffs for) every checked file in ``results``.

    With ``recheck`` (``recheck(path, text)`` -> the :class:`FileResult` of draft ``path``
    holding ``text``) each file is fixed pass after pass until it is stable (:func:`fix_text`)
    and its :class:`FileResult` then holds the findings and the corpus rules' collected
    items of the fixed text, plus the original findings whose code is in ``keep_codes``
    (file-level findings a check of the text cannot give, such as EC902 for a legacy
    encoding, found when the file is read; kept as they are, at the draft's start). Then,
    when a file changed, ``refinish(results)`` computes the cross-file findings again over
    every file (see :func:`editcheck.cli._rechecker`): they are not moved through the
    edits, since a fix may change a headline's text, its place, or whether it repeats
    another. Without ``recheck`` one pass runs and the fixed findings are removed from
    each result. Both in place, so the report shows what a fresh check of the fixed drafts
    shows. A file that cannot be fixed gets its ``error`` set (exit code 2). Results named
    in ``skip_paths`` (the draft read from standard input) are never written. Diffs go to
    ``stream`` under ``diff_only``; summary lines go to ``err``: the fixes left for
    ``--unsafe-fixes`` in the final text, and the number of findings fixed over every pass.
    Returns the number of files changed (or that would change).
    """
    import sys

    stream = stream or sys.stdout
    err = err or sys.stderr
    changed = fixed_count = 0
    skip = set(skip_paths)
    keep = set(keep_codes)
    for r in results:
        if r.error or r.path in skip or not r.findings:
            continue
        if not any(f.fix is not None for f in r.findings):
            continue
        rechecked: dict[str, FileResult] = {}  # each pass's text -> its check
        again = None if recheck is None else functools.partial(_recheck_into, recheck, r.path, rechecked)
        out = fix_file(Path(r.path), r.findings, unsafe=unsafe, write=not diff_only, encoding=encoding,
                       max_size=max_size, display=r.path, recheck=again, max_passes=max_passes)
        if out.error:
            r.error = out.error
            continue
        if out.diff:
            changed += 1
            fixed_count += len(out.fixed)
            if diff_only:
                stream.write(out.diff)
            elif out.remaining is not None:
                final = rechecked[out.text]
                r.findings = sorted(list(final.findings) + [f for f in r.findings if f.code in keep],
                                    key=Finding.sort_key)
                r.corpus_items, r.lang = final.corpus_items, final.lang
            else:
                done = {id(f) for f in out.fixed}
                r.findings = [f for f in r.findings if id(f) not in done]
        skipped_unsafe = sum(1 for f in out.skipped if f.fix is not None and not f.fix.safe and not unsafe)
        if skipped_unsafe and not diff_only:
            err.write(f"editcheck: {r.path}: {skipped_unsafe} more fix(es) available with --unsafe-fixes\n")
    if changed and not diff_only and recheck is not None and refinish is not None:
        refinish(results)
    verb = "Would fix" if diff_only else "Fixed"
    err.write(f"editcheck: {verb} {fixed_count} finding(s) in {changed} file(s)\n")
    return changed


def _recheck_into(recheck: Callable[[str, str], FileResult], path: str, into: dict[str, FileResult],
                  text: str) -> list[Finding]:
    """``recheck(path, text)``'s findings, keeping the whole result in ``into[text]``."""
    result = into[text] = recheck(path, text)
    return list(result.findings)
