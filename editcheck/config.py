"""``.editcheck.yaml``: discovery and validation.

Keys (all optional)::

    extends: [ar-news, en-news, ./house-rules]   # built-in packs and/or pack folders/files
    rules: [./more-rules]                         # extra rule folders or files (examples verified)
    select: [EC2, EC301]                          # only these codes / prefixes
    ignore: [EC304]
    severity: {EC303: error, EC307: off}          # per-code severity or off
    fail-on: warning                               # error | warning | info | never
    language: auto                                 # auto | ar | en
    lexicons:                                      # house lexicons, merged into the built-in lists
      ar: {agencies: [وكالة الأنباء المحلية]}
    overrides:                                     # per-folder rules, by glob (relative to this file)
      - files: ["opinion/**"]
        ignore: [EC303]
        severity: {EC304: off}
    regex-timeout: 1.0                             # seconds a rule's patterns may run per draft
    report-unused-suppressions: true
    grammar: {server: http://localhost:8081}       # LanguageTool (EC510, EC511); see docs/grammar.md
    spelling: {enabled: true}                      # Hunspell Arabic spelling (EC520)

Relative folders are resolved against the config file's folder. Errors raise
:class:`~editcheck.errors.ConfigError` with ``file:line: key: problem`` (the line of the
offending key or value, nested keys included).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editcheck.errors import ConfigError
from editcheck.grammar.settings import GrammarSettings, SpellingSettings, parse_grammar, parse_spelling
from editcheck.model import Severity

CONFIG_NAMES = (".editcheck.yaml", ".editcheck.yml")
KEYS = {"extends", "rules", "select", "ignore", "severity", "fail-on", "language", "lexicons", "overrides",
        "regex-timeout", "report-unused-suppressions"}
KEYS |= {"grammar", "spelling"}  # optional language checks (issue 6): editcheck.grammar.settings
OVERRIDE_KEYS = {"files", "select", "ignore", "severity"}
_CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
_PREFIX_RE = re.compile(r"^[A-Z]{2,4}\d{0,3}$")


@dataclass(frozen=True)
class Override:
    """Rules for the drafts matching ``files`` (globs relative to ``root``).

    ``select``/``ignore`` are codes or prefixes; ``severity`` maps codes to a severity or
    ``None`` (off). They apply on top of the config's own settings.
    """

    root: Path
    files: tuple[str, ...]
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity | None], ...] = ()

    def matches(self, path: str) -> bool:
        """True when draft ``path`` matches one of the globs (``**`` spans folders)."""
        from fnmatch import fnmatchcase

        p = Path(path)
        try:
            rel = p.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError):
            rel = p.as_posix()
        for pat in self.files:
            pat = pat.lstrip("./") if pat.startswith("./") else pat
            if fnmatchcase(rel, pat) or fnmatchcase(rel, pat.replace("**/", "")):
                return True
        return False


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
    #: ``{lang: {list name: [entries]}}`` merged into the built-in lexicons
    lexicons: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    regex_timeout: float | None = None
    report_unused_suppressions: bool = False
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


def key_lines(text: str) -> dict[tuple[Any, ...], int]:
    """1-based line of every key and list item of a YAML document, by path
    (``("severity", "EC303")``, ``("overrides", 0, "files")``); ``()`` is line 1."""
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    out: dict[tuple[Any, ...], int] = {(): 1}

    def walk(n: Any, prefix: tuple[Any, ...]) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                path = (*prefix, str(k.value))
                out[path] = k.start_mark.line + 1
                walk(v, path)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                out[(*prefix, i)] = item.start_mark.line + 1
                walk(item, (*prefix, i))

    walk(node, ())
    return out


class _Checker:
    """Validation helpers bound to one config file (paths -> ``file:line: key: problem``)."""

    def __init__(self, path: Path, lines: dict[tuple[Any, ...], int]) -> None:
        self.path = path
        self.lines = lines

    def err(self, where: tuple[Any, ...], problem: str) -> ConfigError:
        line = 1
        for n in range(len(where), 0, -1):
            if where[:n] in self.lines:
                line = self.lines[where[:n]]
                break
        key = ".".join(str(x) for x in where if not isinstance(x, int))
        return ConfigError(f"{self.path}:{line}: {key + ': ' if key else ''}{problem}")

    def unknown_keys(self, data: dict[Any, Any], allowed: set[str], where: tuple[Any, ...]) -> None:
        for key in data:
            if str(key) not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                raise self.err((*where, str(key)), "unknown key" + (f" (did you mean '{close[0]}'?)" if close else
                                                                     f" (valid keys: {', '.join(sorted(allowed))})"))

    def str_list(self, data: dict[str, Any], key: str, where: tuple[Any, ...] = ()) -> tuple[str, ...]:
        v = data.get(key)
        if v is None:
            return ()
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list):
            raise self.err((*where, key), f"expected a list of strings, got {type(v).__name__}")
        for i, x in enumerate(v):
            if not isinstance(x, (str, int)) or isinstance(x, bool):
                raise self.err((*where, key, i), f"expected a string, got {x!r}")
        return tuple(str(x) for x in v)

    def codes(self, data: dict[str, Any], key: str, where: tuple[Any, ...] = ()) -> tuple[str, ...]:
        out = tuple(s.strip().upper() for s in self.str_list(data, key, where))
        for i, code in enumerate(out):
            if not _PREFIX_RE.match(code):
                raise self.err((*where, key, i), f"'{code}' is not a rule code or prefix (e.g. EC301, EC3)")
        return out

    def severities(self, value: Any, where: tuple[Any, ...]) -> dict[str, Severity | None]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.err(where, "expected a mapping of rule codes to info, warning, error or off")
        out: dict[str, Severity | None] = {}
        for code, level in value.items():
            c = str(code).strip().upper()
            if not _CODE_RE.match(c):
                raise self.err((*where, str(code)), f"'{code}' is not a rule code (e.g. EC301)")
            if level is False or str(level).lower() == "off":
                out[c] = None
                continue
            try:
                s = Severity.parse(str(level))
            except ValueError:
                s = Severity.NEVER
            if s is Severity.NEVER:
                raise self.err((*where, str(code)), f"unknown severity {level!r} (use info, warning, error or off)")
            out[c] = s
        return out


def _folder(path: Path, item: str, chk: _Checker, where: tuple[Any, ...]) -> Path:
    target = (path.parent / item).expanduser().resolve()
    if not target.exists():
        raise chk.err(where, f"rule folder or file '{item}' not found (relative to {path.parent})")
    return target


def load_config(path: Path) -> Config:
    """Parse and validate the config file at ``path``.

    Raises :class:`ConfigError` ``file:line: key: problem`` for broken YAML, unknown keys
    (with the closest valid key), wrong types, unknown packs, severities, languages,
    lexicon lists and missing rule folders.
    """
    from editcheck.rules.packs import BUILTIN_PACKS
    from editcheck.rules.yamlio import load_yaml_text

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    data: Any = load_yaml_text(text, str(path))
    chk = _Checker(path, key_lines(text))
    if data is None:
        return Config(path=path)
    if not isinstance(data, dict):
        raise chk.err((), "the config must be a mapping of keys to values")
    chk.unknown_keys(data, KEYS, ())
    cfg = Config(path=path)

    packs: list[str] = []
    dirs: list[Path] = []
    for i, item in enumerate(chk.str_list(data, "extends")):
        if item.startswith((".", "/", "~")) or "/" in item:
            dirs.append(_folder(path, item, chk, ("extends", i)))
        elif item in BUILTIN_PACKS:
            packs.append(item)
        else:
            close = difflib.get_close_matches(item, BUILTIN_PACKS, n=1)
            raise chk.err(("extends", i), f"unknown rule pack '{item}'" + (
                f" (did you mean '{close[0]}'?)" if close else f" (built-in packs: {', '.join(BUILTIN_PACKS)}; "
                                                               "start a folder path with ./)"))
    if "extends" in data:
        cfg.packs = tuple(packs)
    for i, item in enumerate(chk.str_list(data, "rules")):
        dirs.append(_folder(path, item, chk, ("rules", i)))
    cfg.extra_rule_dirs = tuple(dirs)
    cfg.select = chk.codes(data, "select")
    cfg.ignore = chk.codes(data, "ignore")
    cfg.severity = chk.severities(data.get("severity"), ("severity",))
    if "fail-on" in data:
        try:
            cfg.fail_on = Severity.parse(str(data["fail-on"]))
        except ValueError:
            raise chk.err(("fail-on",), f"unknown value {data['fail-on']!r} (use error, warning, info or never)") from None
    if "language" in data:
        lang = str(data["language"])
        if lang not in ("auto", "ar", "en"):
            raise chk.err(("language",), f"unknown language {lang!r} (use auto, ar or en)")
        cfg.language = lang
    cfg.lexicons = _lexicons(data.get("lexicons"), chk)
    cfg.overrides = _overrides(data.get("overrides"), path, chk)
    if "regex-timeout" in data:
        t = data["regex-timeout"]
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0 < t <= 60:
            raise chk.err(("regex-timeout",), f"expected a number of seconds between 0 and 60, got {t!r}")
        cfg.regex_timeout = float(t)
    if "report-unused-suppressions" in data:
        v = data["report-unused-suppressions"]
        if not isinstance(v, bool):
            raise chk.err(("report-unused-suppressions",), f"expected true or false, got {v!r}")
        cfg.report_unused_suppressions = v
    if "grammar" in data:
        cfg.grammar = parse_grammar(data["grammar"], lambda k, p: chk.err(("grammar", k) if k else ("grammar",), p))
    if "spelling" in data:
        cfg.spelling = parse_spelling(data["spelling"], lambda k, p: chk.err(("spelling", k) if k else ("spelling",), p))
    return cfg


def _lexicons(value: Any, chk: _Checker) -> dict[str, dict[str, list[Any]]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise chk.err(("lexicons",), "expected a mapping of languages (ar, en) to {list name: [entries]}")
    from editcheck.rules.lexicon import load_lexicon

    out: dict[str, dict[str, list[Any]]] = {}
    for lang, lists in value.items():
        where = ("lexicons", str(lang))
        if lang not in ("ar", "en"):
            raise chk.err(where, f"unknown language {lang!r} (use ar or en)")
        if not isinstance(lists, dict):
            raise chk.err(where, "expected a mapping of lexicon list names to lists of entries")
        known = load_lexicon(str(lang)).data
        for name, items in lists.items():
            if str(name) not in known:
                close = difflib.get_close_matches(str(name), sorted(known), n=1)
                raise chk.err((*where, str(name)), "unknown lexicon list" + (
                    f" (did you mean '{close[0]}'?)" if close else f" (lists: {', '.join(sorted(known))})"))
            if isinstance(items, str):
                items = [items]
            if not isinstance(items, list) or not all(isinstance(x, (str, dict)) for x in items):
                raise chk.err((*where, str(name)), "expected a list of words or phrases")
            out.setdefault(str(lang), {})[str(name)] = list(items)
    return out


def _overrides(value: Any, path: Path, chk: _Checker) -> tuple[Override, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise chk.err(("overrides",), "expected a list of {files: [globs], select/ignore/severity: ...}")
    out = []
    for i, item in enumerate(value):
        where = ("overrides", i)
        if not isinstance(item, dict):
            raise chk.err(where, "each override must be a mapping with 'files'")
        chk.unknown_keys(item, OVERRIDE_KEYS, where)
        files = chk.str_list(item, "files", where)
        if not files:
            raise chk.err(where, "an override needs 'files': a list of globs such as opinion/**")
        sev = chk.severities(item.get("severity"), (*where, "severity"))
        out.append(Override(path.parent, files, chk.codes(item, "select", where), chk.codes(item, "ignore", where),
                            tuple(sev.items())))
    return tuple(out)


def plan_runs(paths: Sequence[str], config: Path | None = None) -> list[tuple[Config, list[str]]]:
    """Group the drafts to check by the config that applies to each.

    With ``config`` every path uses it. Otherwise folders are expanded to their drafts and
    each draft uses the nearest ``.editcheck.yaml`` above it (standard input ``-`` uses the
    one above the working folder). Groups keep the input order. Raises
    :class:`ConfigError` for a broken config.
    """
    if config is not None:
        return [(load_config(config), list(paths))]
    from editcheck.engine import expand_paths

    cache: dict[Path | None, Config] = {}
    by_dir: dict[Path, Path | None] = {}
    groups: dict[Path | None, list[str]] = {}
    for p in paths:
        items = [(None, "-")] if p == "-" else list(expand_paths([p]))
        whole = [p] if p == "-" or not Path(p).is_dir() else None
        found: list[tuple[Path | None, str]] = []
        for fp, display in items:
            folder = Path.cwd() if fp is None else (fp if fp.is_dir() else fp.parent)
            if folder not in by_dir:
                by_dir[folder] = find_config(folder)
            found.append((by_dir[folder], display))
        cfgs = {c for c, _ in found}
        if whole is None and len(cfgs) == 1:  # a folder under one config: keep it whole
            whole = [p]
        if whole is not None:
            key = next(iter(cfgs)) if cfgs else find_config(Path(p) if p != "-" else Path.cwd())
            groups.setdefault(key, []).extend(whole)
        else:
            for c, display in found:
                groups.setdefault(c, []).append(display)
    out = []
    for cfg_path, group in groups.items():
        if cfg_path not in cache:
            cache[cfg_path] = load_config(cfg_path) if cfg_path else Config()
        out.append((cache[cfg_path], group))
    return out
