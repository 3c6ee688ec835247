"""Keys every YAML rule shares, their validation, and the base class of extension points."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from editcheck.errors import ConfigError
from editcheck.model import Severity
from editcheck.rules.base import Rule, RuleMeta

COMMON_KEYS = {
    "code", "name", "extends", "family", "message", "severity", "scope", "language", "normalize",
    "clitics", "exceptions", "link", "docs", "standard", "examples", "fix", "description",
    "quote_severity", "body_severity", "case_sensitive", "level",
}
CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SCOPES = {"headline", "standfirst", "byline", "lede", "body", "quote", "caption", "document", "corpus",
          "breadcrumb", "heading", "list", "title"}


@dataclass
class Source:
    """Where a YAML rule came from: file path and the line of each top-level key."""

    path: str
    lines: dict[str, int]

    def where(self, key: str | None = None) -> str:
        """``path:line`` of ``key`` (line 1 when unknown)."""
        return f"{self.path}:{self.lines.get(key or '', 1)}"


def fail(src: Source, key: str | None, problem: str) -> ConfigError:
    """A :class:`ConfigError` ``file:line: key: problem``."""
    prefix = f"{src.where(key)}: {key}: " if key else f"{src.where(None)}: "
    return ConfigError(prefix + problem)


def check_keys(data: dict[str, Any], allowed: set[str], src: Source) -> None:
    """Reject unknown keys, suggesting the closest valid key."""
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise fail(src, str(key), f"unknown key{hint}")


def as_list(value: Any, src: Source, key: str) -> list[Any]:
    """``value`` as a list (a single string becomes one item)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value
    raise fail(src, key, f"expected a list, got {type(value).__name__}")


def parse_severity(value: Any, src: Source, key: str) -> Severity:
    """Parse a severity value or raise a located :class:`ConfigError`."""
    try:
        sev = Severity.parse(str(value))
    except ValueError:
        raise fail(src, key, f"unknown severity {value!r} (use info, warning or error)") from None
    if sev is Severity.NEVER:
        raise fail(src, key, "a rule's severity cannot be 'never' (use 'off' in the config)")
    return sev


def parse_scopes(value: Any, src: Source) -> tuple[str, ...]:
    """Validate the ``scope`` key (news scopes with ``&`` and ``~`` selectors)."""
    scopes = as_list(value if value is not None else "body", src, "scope")
    for sel in scopes:
        if not isinstance(sel, str):
            raise fail(src, "scope", f"expected scope names, got {sel!r}")
        for term in sel.split("&"):
            name = term.strip().lstrip("~").strip()
            if name not in SCOPES and not name.startswith("front-matter."):
                close = difflib.get_close_matches(name, sorted(SCOPES), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise fail(src, "scope", f"unknown scope '{name}'{hint}")
    return tuple(scopes)


def parse_meta(data: dict[str, Any], src: Source, default_lang: str | None) -> RuleMeta:
    """Build :class:`RuleMeta` from the common keys of a YAML rule (validated)."""
    for key in ("code", "name", "message"):
        if not data.get(key):
            raise fail(src, key if key in data else None, f"missing required key '{key}'" if key not in data else "must not be empty")
    code = str(data["code"])
    if not CODE_RE.match(code):
        raise fail(src, "code", f"'{code}' is not a rule code (two to four capitals and three digits, e.g. EC301)")
    name = str(data["name"])
    if not NAME_RE.match(name):
        raise fail(src, "name", f"'{name}' must be kebab-case (lower-case words joined by '-')")
    langs = [str(x) for x in as_list(data.get("language", default_lang or ["ar", "en"]), src, "language")]
    for lang in langs:
        if lang not in ("ar", "en"):
            raise fail(src, "language", f"unknown language '{lang}' (use ar or en)")
    message = data["message"]
    messages: dict[str, str] = {}
    if isinstance(message, dict):
        messages = {str(k): str(v) for k, v in message.items()}
        message = messages.get("en") or next(iter(messages.values()))
    elif len(langs) == 1:
        messages = {langs[0]: str(message)}
    docs = data.get("docs") or {}
    if not isinstance(docs, dict):
        raise fail(src, "docs", "expected a mapping with what / why / example / instead")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"}:
        raise fail(src, "examples", "expected a mapping with 'fail' and 'pass' lists")
    return RuleMeta(
        code=code, name=name, family=str(data.get("family", "custom")),
        severity=parse_severity(data.get("severity", "warning"), src, "severity"),
        languages=frozenset(langs), message=str(message), messages=messages, scopes=parse_scopes(data.get("scope"), src),
        docs={str(k): str(v) for k, v in docs.items()}, standard=str(data.get("standard", "")),
        examples={k: [str(x) for x in as_list(v, src, "examples")] for k, v in examples.items()},
        fixable="fix" in data or data.get("extends") == "substitution", source=src.path,
        link=str(data.get("link", "")),
    )


class YamlRule(Rule):
    """Base class of YAML extension points; ``data`` is the validated rule mapping."""

    #: keys this extension point adds to :data:`COMMON_KEYS`
    keys: set[str] = set()

    def __init__(self, data: dict[str, Any], src: Source, default_lang: str | None = None) -> None:
        check_keys(data, COMMON_KEYS | self.keys, src)
        self.data = data
        self.src = src
        self.meta = parse_meta(data, src, default_lang)
        self.quote_severity = (parse_severity(data["quote_severity"], src, "quote_severity")
                               if "quote_severity" in data else None)
        body = data.get("body_severity")
        self.body_severity: Severity | str | None = (
            "lower" if body == "lower" else parse_severity(body, src, "body_severity") if body else None)
        self.exceptions = [str(x) for x in as_list(data.get("exceptions"), src, "exceptions")]
        self.level = "spelling" if data.get("normalize") is False or data.get("case_sensitive") else "match"
        self.clitics = bool(data.get("clitics", True))

    def severity_for(self, base: Severity, in_headline: bool, in_quote: bool) -> Severity:
        """Severity of a hit given where it is (headline, body, inside a quotation)."""
        sev = base
        if not in_headline and self.body_severity is not None:
            sev = sev.lower() if self.body_severity == "lower" else self.body_severity  # type: ignore[assignment]
        if in_quote and self.quote_severity is not None:
            sev = min(sev, self.quote_severity)
        return sev

    def iter_examples(self) -> Iterator[tuple[str, str]]:
        """``(kind, text)`` for each fail/pass example."""
        for kind in ("fail", "pass"):
            for text in self.meta.examples.get(kind, []):
                yield kind, text
