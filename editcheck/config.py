"""``.editcheck.yaml``: discovery and validation.

Keys (all optional)::

    extends: [ar-news, en-news, ./house-rules]   # built-in packs and/or pack folders
    select: [EC2, EC301]                          # only these codes / prefixes
    ignore: [EC304]
    severity: {EC303: error, EC307: off}          # per-code severity or off
    fail-on: warning                               # error | warning | info | never
    language: auto                                 # auto | ar | en
    grammar: {server: http://localhost:8081}       # LanguageTool (EC510, EC511); see docs/grammar.md
    spelling: {enabled: true}                      # Hunspell Arabic spelling (EC520)

Relative folders are resolved against the config file's folder. Errors raise
:class:`~editcheck.errors.ConfigError` with ``file:line: key: problem``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editcheck.errors import ConfigError
from editcheck.grammar.settings import GrammarSettings, SpellingSettings, parse_grammar, parse_spelling
from editcheck.model import Severity

CONFIG_NAMES = (".editcheck.yaml", ".editcheck.yml")
KEYS = {"extends", "select", "ignore", "severity", "fail-on", "language"}
KEYS |= {"grammar", "spelling"}  # optional language checks (issue 6): editcheck.grammar.settings


@dataclass
class Config:
    """A parsed config. ``path`` is ``None`` when no file was found (defaults)."""

    path: Path | None = None
    packs: tuple[str, ...] = ("ar-news", "en-news")
    extra_rule_dirs: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity | None] = field(default_factory=dict)
    fail_on: Severity | None = None
    language: str | None = None
    #: ``grammar:`` / ``spelling:`` (``None`` when absent); see :mod:`editcheck.grammar.settings`
    grammar: GrammarSettings | None = None
    spelling: SpellingSettings | None = None


def find_config(start: Path) -> Path | None:
    """The nearest config file in ``start`` (a file's folder, or a folder) or its parents."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                return candidate
    return None


def _lines(text: str) -> dict[str, int]:
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    out: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, _v in node.value:
            out[str(k.value)] = k.start_mark.line + 1
    return out


def load_config(path: Path) -> Config:
    """Parse and validate the config file at ``path``."""
    from editcheck.rules.yamlio import load_yaml_text

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    data: Any = load_yaml_text(text, str(path))
    lines = _lines(text)

    def err(key: str | None, problem: str) -> ConfigError:
        line = lines.get(key or "", 1)
        return ConfigError(f"{path}:{line}: {key + ': ' if key else ''}{problem}")

    if data is None:
        return Config(path=path)
    if not isinstance(data, dict):
        raise err(None, "the config must be a mapping of keys to values")
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), sorted(KEYS), n=1)
            raise err(str(key), "unknown key" + (f" (did you mean '{close[0]}'?)" if close else ""))
    cfg = Config(path=path)

    def str_list(key: str) -> tuple[str, ...]:
        v = data.get(key)
        if v is None:
            return ()
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, (str, int)) for x in v):
            raise err(key, "expected a list of strings")
        return tuple(str(x) for x in v)

    packs, dirs = [], []
    for item in str_list("extends"):
        if item.startswith((".", "/", "~")) or "/" in item:
            folder = (path.parent / item).expanduser().resolve()
            if not folder.is_dir():
                raise err("extends", f"rule folder '{item}' not found")
            dirs.append(folder)
        else:
            packs.append(item)
    if "extends" in data:
        cfg.packs = tuple(packs)
        cfg.extra_rule_dirs = tuple(dirs)
    cfg.select = tuple(s.upper() for s in str_list("select"))
    cfg.ignore = tuple(s.upper() for s in str_list("ignore"))
    sev = data.get("severity") or {}
    if not isinstance(sev, dict):
        raise err("severity", "expected a mapping of rule codes to info, warning, error or off")
    for code, level in sev.items():
        if level is False or str(level).lower() == "off":
            cfg.severity[str(code).upper()] = None
            continue
        try:
            s = Severity.parse(str(level))
        except ValueError:
            raise err("severity", f"{code}: unknown severity {level!r} (use info, warning, error or off)") from None
        cfg.severity[str(code).upper()] = s
    if "fail-on" in data:
        try:
            cfg.fail_on = Severity.parse(str(data["fail-on"]))
        except ValueError:
            raise err("fail-on", f"unknown value {data['fail-on']!r} (use error, warning, info or never)") from None
    if "language" in data:
        lang = str(data["language"])
        if lang not in ("auto", "ar", "en"):
            raise err("language", f"unknown language {lang!r} (use auto, ar or en)")
        cfg.language = lang
    if "grammar" in data:
        cfg.grammar = parse_grammar(data["grammar"], lambda k, p: err("grammar", f"{k}: {p}" if k else p))
    if "spelling" in data:
        cfg.spelling = parse_spelling(data["spelling"], lambda k, p: err("spelling", f"{k}: {p}" if k else p))
    return cfg
