"""Checking many drafts: in parallel worker processes, with an optional progress bar.

:func:`run_batch` gives exactly what :func:`editcheck.engine.run` gives (one
:class:`~editcheck.engine.FileResult` per draft, in the order the paths expand to, corpus
rules finalised once over every file in path order), whatever the number of jobs:

- the parent builds one :class:`~editcheck.engine.Checker`; the drafts are split into
  chunks of consecutive files; each worker process checks whole chunks with that checker
  (inherited through ``fork``; built again in the pool initializer where only ``spawn``
  exists), returning picklable results that carry the corpus rules' collected items;
- the parent puts the chunks back in order and runs :meth:`Checker.finish` once.

Small runs (fewer drafts than :data:`MIN_FILES_PER_JOB` per job) stay in one process:
starting workers costs more than it saves, and a pre-commit hook on a few files should
start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from editcheck.engine import Checker, FileResult, Options, expand_paths

#: below this many drafts per job, checking stays in one process
MIN_FILES_PER_JOB = 8
#: most drafts in one chunk handed to a worker
MAX_CHUNK = 64

_WORKER: Checker | None = None


def default_jobs() -> int:
    """Number of CPU cores this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _init_worker(options: Options) -> None:
    global _WORKER
    _WORKER = Checker(options)


def _check_chunk(chunk: list[tuple[int, str, str]]) -> list[FileResult]:
    """Worker: check ``(index, path, display)`` drafts with this process's checker."""
    assert _WORKER is not None, "worker not initialised"
    return [_WORKER.check_file(Path(path), display) for _, path, display in chunk]


def chunk_size(n_files: int, jobs: int) -> int:
    """Drafts per chunk: about eight chunks per job (to balance uneven drafts), 1..MAX_CHUNK."""
    return max(1, min(MAX_CHUNK, n_files // (jobs * 8) or 1))


def run_batch(paths: Sequence[str], options: Options, *, jobs: int | None = None, stdin_text: str | None = None,
              stdin_name: str = "-", progress: bool | None = None,
              on_progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
    """Check every draft named by ``paths`` with ``jobs`` processes (default: every core).

    Returns one result per draft, in the order :func:`~editcheck.engine.expand_paths`
    yields them, identical to a one-job run. ``progress`` shows a Rich progress bar on
    standard error (``None``: only when standard error is a terminal); ``on_progress`` is
    called with ``(done, total)`` drafts after each chunk. Raises
    :class:`~editcheck.errors.EditcheckError` for problems with the rules themselves, and
    ``ValueError`` when ``jobs`` is below 1.
    """
    if jobs is None:
        jobs = default_jobs()
    if jobs < 1:
        raise ValueError("jobs must be 1 or more")
    entries = list(expand_paths(paths))
    total = len(entries)
    if progress is None:
        progress = total > 1 and sys.stderr.isatty()
    files = [(i, str(p), d) for i, (p, d) in enumerate(entries) if p is not None]
    use_pool = jobs > 1 and len(files) >= MIN_FILES_PER_JOB * 2
    bar = _Progress(total) if progress else None
    try:
        def tick(n: int) -> None:
            if bar is not None:
                bar.advance(n)
            if on_progress is not None:
                on_progress(bar.done if bar else n, total)

        checked: dict[int, FileResult] = {}
        checker = Checker(options)
        if use_pool:
            checked = _parallel(files, checker, min(jobs, len(files)), tick)
        else:
            for i, path, display in files:
                checked[i] = checker.check_file(Path(path), display)
                tick(1)
        results: list[FileResult] = []
        for i, (path, _display) in enumerate(entries):
            if path is None:
                results.append(checker.check_text(stdin_name, stdin_text or ""))
                tick(1)
            else:
                results.append(checked[i])
        checker.finish(results)
        return results
    finally:
        if bar is not None:
            bar.close()


def _parallel(files: list[tuple[int, str, str]], checker: Checker, jobs: int,
              tick: Callable[[int], None], method: str | None = None) -> dict[int, FileResult]:
    """Check ``files`` in ``jobs`` worker processes; results keyed by the files' indexes.

    With the ``fork`` start method (``method=None``: ``fork`` where the platform has it) the
    workers inherit ``checker`` as it is (rules loaded, patterns compiled), so a worker starts
    in a few milliseconds; with ``spawn`` (macOS and Windows defaults) each worker builds its
    own checker from ``checker.options`` in the pool initializer."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER
    size = chunk_size(len(files), jobs)
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    if method is None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    fork = method == "fork"
    ctx = multiprocessing.get_context(method)
    init: tuple[Callable[[Options], None] | None, tuple[Options, ...]] = (None, ()) if fork else (
        _init_worker, (checker.options,))
    out: dict[int, FileResult] = {}
    _WORKER = checker if fork else None
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=init[0], initargs=init[1]) as pool:
            for chunk, results in zip(chunks, pool.map(_check_chunk, chunks), strict=True):
                for (i, _, _), result in zip(chunk, results, strict=True):
                    out[i] = result
                tick(len(chunk))
    finally:
        _WORKER = None
    return out


class _Progress:
    """A transient Rich progress bar on standard error (imported only when shown).

    It refreshes only when advanced: no refresh thread, so worker processes are forked
    from a single-threaded parent."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.done = 0
        self._progress = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                  console=Console(stderr=True), transient=True, auto_refresh=False)
        self._task = self._progress.add_task("checking", total=total)
        self._progress.start()

    def advance(self, n: int) -> None:
        self.done += n
        self._progress.update(self._task, advance=n, refresh=True)

    def close(self) -> None:
        self._progress.stop()
