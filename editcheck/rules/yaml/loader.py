"""Load YAML rule files and packs into rule objects, with located errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from editcheck.errors import ConfigError
from editcheck.rules.base import Rule
from editcheck.rules.yaml.common import Source, fail

#: extension point name -> "module:Class" (imported on first use)
EXTENSION_POINTS: dict[str, str] = {
    "existence": "editcheck.rules.yaml.existence:Existence",
    "substitution": "editcheck.rules.yaml.substitution:Substitution",
}
#: file names in a pack folder that are data, not rules
NOT_RULES = {"lexicon.yaml", "pack.yaml"}


def _compose_lines(text: str, name: str) -> tuple[Any, dict[str, int]]:
    """Parse ``text`` and return ``(data, {top-level key: 1-based line})``."""
    import yaml

    from editcheck.rules.yamlio import load_yaml_text

    data = load_yaml_text(text, name)
    lines: dict[str, int] = {}
    if isinstance(data, dict):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        node = yaml.compose(text, Loader=loader)
        if isinstance(node, yaml.MappingNode):
            for k, _v in node.value:
                lines[str(k.value)] = k.start_mark.line + 1
    return data, lines


def rule_from_mapping(data: Any, src: Source, default_lang: str | None = None) -> Rule:
    """Build one rule from a parsed YAML mapping (validated; raises :class:`ConfigError`)."""
    if not isinstance(data, dict):
        raise fail(src, None, "a rule file must be a mapping of keys to values")
    ext = data.get("extends")
    if ext is None:
        raise fail(src, None, "missing required key 'extends' (one of " + ", ".join(sorted(EXTENSION_POINTS)) + ")")
    target = EXTENSION_POINTS.get(str(ext))
    if target is None:
        import difflib

        close = difflib.get_close_matches(str(ext), sorted(EXTENSION_POINTS), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (use one of {', '.join(sorted(EXTENSION_POINTS))})"
        raise fail(src, "extends", f"unknown extension point '{ext}'{hint}")
    module_name, cls_name = target.split(":")
    import importlib

    cls = getattr(importlib.import_module(module_name), cls_name)
    rule: Rule = cls(data, src, default_lang)
    return rule


def load_rule_file(path: Path, default_lang: str | None = None) -> list[Rule]:
    """Load a YAML rule file: one rule mapping, or ``rules: [mapping, ...]``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read rule file: {exc}") from None
    data, lines = _compose_lines(text, str(path))
    src = Source(str(path), lines)
    if isinstance(data, dict) and "rules" in data and "extends" not in data:
        items = data["rules"]
        if not isinstance(items, list):
            raise fail(src, "rules", "expected a list of rules")
        return [rule_from_mapping(item, src, default_lang) for item in items]
    return [rule_from_mapping(data, src, default_lang)]


def load_pack(folder: Path, default_lang: str | None = None) -> list[Rule]:
    """Load every ``*.yaml``/``*.yml`` rule file of a pack folder, in name order."""
    if not folder.is_dir():
        raise ConfigError(f"{folder}: rule pack folder not found")
    rules: list[Rule] = []
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        if path.name in NOT_RULES:
            continue
        rules.extend(load_rule_file(path, default_lang))
    return rules
