"""The cyclic garbage collector is paused while the ``editcheck`` command starts up.

Start-up (Typer, markdown-it, ``regex``, the rules and their compiled patterns) allocates
some 150,000 objects that live until the process ends and leaves next to no garbage, yet the
collector would walk them ~50 times (~10 ms of a ~250 ms one-file run). The command calls
:func:`pause` before its imports; :class:`~editcheck.engine.Checker` calls :func:`resume`
once the rules are loaded: what exists then is frozen (:func:`gc.freeze`: never scanned
again, as for a pre-forked server) and collection resumes for the drafts, so a run over
thousands of drafts frees its garbage as before.

Only the command pauses the collector: for a program that uses :mod:`editcheck.engine`
directly, :func:`resume` does nothing.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collection until :func:`resume` (nothing to do when it is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze the objects allocated so far and restart automatic collection, if :func:`pause`
    stopped it; otherwise do nothing."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    """True between :func:`pause` and :func:`resume`."""
    return _paused
