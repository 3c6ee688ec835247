"""Load YAML files with line-numbered, one-line error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from editcheck.errors import ConfigError


def load_yaml_text(text: str, name: str) -> Any:
    """Parse YAML ``text``; raises :class:`ConfigError` ``name:line: problem`` when broken."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{name}:{line}: invalid YAML: {problem}") from None


def load_yaml_file(path: Path) -> Any:
    """Read and parse a YAML file; raises :class:`ConfigError` when unreadable or broken."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return load_yaml_text(text, str(path))
