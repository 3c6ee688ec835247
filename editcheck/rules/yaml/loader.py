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
    "occurrence": "editcheck.rules.yaml.occurrence:Occurrence",
    "repetition": "editcheck.rules.yaml.repetition:Repetition",
    "consistency": "editcheck.rules.yaml.consistency:Consistency",
    "conditional": "editcheck.rules.yaml.conditional:Conditional",
    "required": "editcheck.rules.yaml.required:Required",
}
#: file names in a pack folder that are data, not rules
NOT_RULES = {"lexicon.yaml", "pack.yaml"}


def _mapping_lines(node: Any) -> dict[str, int]:
    """``{key: 1-based line}`` of a YAML mapping node's keys (empty for other nodes)."""
    import yaml

    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, _v in node.value:
            lines[str(k.value)] = k.start_mark.line + 1
    return lines


def _compose_lines(text: str, name: str) -> tuple[Any, dict[str, int], list[dict[str, int]]]:
    """Parse ``text``: ``(data, {top-level key: line}, [{key: line} per item of 'rules:']``."""
    import yaml

    from editcheck.rules.yamlio import load_yaml_text

    data = load_yaml_text(text, name)
    lines: dict[str, int] = {}
    items: list[dict[str, int]] = []
    if isinstance(data, dict):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        node = yaml.compose(text, Loader=loader)
        lines = _mapping_lines(node)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == "rules" and isinstance(v, yaml.SequenceNode):
                    items = [_mapping_lines(item) or {"": item.start_mark.line + 1} for item in v.value]
    return data, lines, items


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


def load_rule_file(path: Path, default_lang: str | None = None, verify: bool = False) -> list[Rule]:
    """Load a YAML rule file: one rule mapping, or ``rules: [mapping, ...]``.

    With ``verify`` (user and extra rule files), each rule must report every one of its
    ``fail`` examples and none of its ``pass`` examples. Raises :class:`ConfigError`
    ``file:line: key: problem`` for anything wrong.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read rule file: {exc}") from None
    data, lines, item_lines = _compose_lines(text, str(path))
    src = Source(str(path), lines)
    if isinstance(data, dict) and "rules" in data and "extends" not in data:
        items = data["rules"]
        if not isinstance(items, list):
            raise fail(src, "rules", "expected a list of rules")
        extra = set(data) - {"rules"}
        if extra:
            raise fail(src, sorted(map(str, extra))[0], "unknown key next to 'rules:' (put it inside a rule)")
        pairs = [(item, Source(str(path), item_lines[i] if i < len(item_lines) else lines)) for i, item in enumerate(items)]
    else:
        pairs = [(data, src)]
    rules: list[Rule] = []
    for item, item_src in pairs:
        rule = rule_from_mapping(item, item_src, default_lang)
        if verify:
            verify_examples(rule, item_src)
        rules.append(rule)
    return rules


def verify_examples(rule: Rule, src: Source) -> None:
    """Run ``rule`` on its own examples: every ``fail`` example must yield the rule's code
    and no ``pass`` example may. Raises :class:`ConfigError` at the ``examples`` key."""
    for kind, index, text, codes in run_examples(rule):
        hit = rule.meta.code in codes
        if kind == "fail" and not hit:
            raise fail(src, "examples", f"the rule never matches its fail example {index + 1} ({_short(text)}): "
                       "check the tokens or pattern, or the example")
        if kind == "pass" and hit:
            raise fail(src, "examples", f"the rule matches its pass example {index + 1} ({_short(text)})")


def _short(text: str) -> str:
    one = " ".join(text.split())
    return repr(one if len(one) <= 50 else one[:49] + "…")


def run_examples(rule: Rule) -> list[tuple[str, int, str, set[str]]]:
    """``(kind, index, text, codes found)`` for each ``fail``/``pass`` example of ``rule``,
    each checked alone as a Markdown draft in the rule's language (detected when the rule
    has several)."""
    from editcheck.document.frontmatter import FrontMatterError
    from editcheck.document.loader import parse_text
    from editcheck.rules.context import Context

    langs = sorted(rule.meta.languages)
    lang = langs[0] if len(langs) == 1 else "auto"
    out: list[tuple[str, int, str, set[str]]] = []
    for kind in ("fail", "pass"):
        for index, text in enumerate(rule.meta.examples.get(kind, [])):
            found: set[str] = set()
            try:
                doc = parse_text("example", text, lang)
            except FrontMatterError:  # as the engine does: EC901, then check the draft as plain text
                found.add("EC901")
                doc = parse_text("example.txt", text, lang)
            if doc.fm_error is not None:
                found.add("EC901")
            if doc.lang in rule.meta.languages:
                found |= {f.code for f in rule.check(doc, Context())}
            out.append((kind, index, text, found))
    return out


def load_pack(folder: Path, default_lang: str | None = None, verify: bool = False) -> list[Rule]:
    """Load every ``*.yaml``/``*.yml`` rule file of a pack folder (or one rule file), in
    name order. A code used twice in the folder is an error (with both locations)."""
    if folder.is_file():
        return load_rule_file(folder, default_lang, verify)
    if not folder.is_dir():
        raise ConfigError(f"{folder}: rule pack folder not found")
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        if path.name in NOT_RULES:
            continue
        for rule in load_rule_file(path, default_lang, verify):
            prev = seen.get(rule.meta.code)
            if prev is not None and (prev.meta.name != rule.meta.name or prev.meta.languages & rule.meta.languages):
                where = rule.src.where("code") if hasattr(rule, "src") else str(path)
                before = prev.src.where("code") if hasattr(prev, "src") else prev.meta.source
                raise ConfigError(f"{where}: code: {rule.meta.code} is already used by '{prev.meta.name}' ({before})")
            seen[rule.meta.code] = rule
            rules.append(rule)
    return rules
