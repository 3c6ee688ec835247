"""Exceptions that end a run (or one file's check) with exit code 2 and a one-line message."""

from __future__ import annotations


class EditcheckError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to the user (exit code 2)."""


class InputError(EditcheckError):
    """A draft could not be read or decoded (missing, binary, undecodable, too large)."""


class ConfigError(EditcheckError):
    """A config file or rule pack is broken; the message names ``file:line: key: problem``."""


class UsageError(EditcheckError):
    """The command line is wrong (unknown rule code, bad option value)."""
