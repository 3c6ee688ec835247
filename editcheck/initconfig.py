"""``editcheck init``: a commented starter ``.editcheck.yaml``."""

from __future__ import annotations

from pathlib import Path

from editcheck.errors import UsageError

STARTER = """\
# editcheck configuration. Drafts use the nearest .editcheck.yaml above them.
# Every key is optional; `editcheck schema` prints a JSON Schema for editors.

# Rule packs: built-in (ar-news, en-news) and your own folders of YAML rules.
extends: [ar-news, en-news]
# rules: [./house-rules]          # more rule folders (their examples are checked at load)

# Only some rules, or not these (codes or prefixes: EC3 = every 3xx rule).
# select: [EC1, EC2, EC3]
# ignore: [EC304]

# Per-rule severity (info, warning, error) or off.
# severity:
#   EC303: error
#   EC307: off

# Lowest severity that makes the exit code 1: error (default), warning, info or never.
fail-on: error

# Draft language: auto (default), ar or en.
# language: auto

# House lexicons, added to the built-in lists the rules read (see rules/*/lexicon.yaml).
# lexicons:
#   ar:
#     agencies: [وكالة الأنباء المحلية]
#   en:
#     agencies: [Local News Agency]

# Different rules for some folders (globs relative to this file).
# overrides:
#   - files: ["opinion/**"]
#     ignore: [EC303, EC304]
#   - files: ["wire/**"]
#     severity: {EC401: off}

# Seconds a rule's own regular expressions may run on one draft before it is stopped.
# regex-timeout: 1.0

# Report suppression comments that hid nothing (EC903).
# report-unused-suppressions: true
"""


def write_starter(folder: Path, force: bool = False) -> Path:
    """Write :data:`STARTER` to ``folder/.editcheck.yaml`` and return its path.

    Raises :class:`UsageError` when the file exists and ``force`` is false.
    """
    path = folder / ".editcheck.yaml"
    if path.exists() and not force:
        raise UsageError(f"{path} already exists (use --force to overwrite it)")
    path.write_text(STARTER, encoding="utf-8")
    return path
