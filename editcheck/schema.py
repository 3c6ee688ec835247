"""JSON Schemas (draft 2020-12) for YAML rule files and ``.editcheck.yaml`` (``editcheck schema``).

Editors such as VS Code (with the YAML extension) use them for completion and inline
errors; the loaders in :mod:`editcheck.rules.yaml` and :mod:`editcheck.config` remain the
authority (they also check what a schema cannot: patterns compile, examples match).
"""

from __future__ import annotations

from typing import Any

_STR = {"type": "string"}
_STRS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": ["string", "number"]}}]}
_SEV = {"enum": ["info", "warning", "error", "low", "medium", "high", "warn"]}
_INT = {"type": "integer", "minimum": 0}

#: JSON Schema of each key a rule may use (common keys and extension-point keys)
KEY_SCHEMAS: dict[str, dict[str, Any]] = {
    "code": {"type": "string", "pattern": "^[A-Z]{2,4}[0-9]{3}$"},
    "name": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "family": _STR, "severity": _SEV, "quote_severity": _SEV,
    "body_severity": {"anyOf": [_SEV, {"const": "lower"}]},
    "message": {"anyOf": [_STR, {"type": "object", "additionalProperties": _STR}]},
    "scope": _STRS, "language": {"anyOf": [{"enum": ["ar", "en"]}, {"type": "array", "items": {"enum": ["ar", "en"]}}]},
    "normalize": {"type": "boolean"}, "clitics": {"type": "boolean"}, "case_sensitive": {"type": "boolean"},
    "exceptions": _STRS, "link": _STR, "standard": _STR, "description": _STR, "level": {"enum": ["match", "spelling"]},
    "docs": {"type": "object", "properties": {k: _STR for k in ("what", "why", "example", "instead")}},
    "examples": {"type": "object", "additionalProperties": False,
                 "properties": {"fail": _STRS, "pass": _STRS}},
    "fix": {"enum": ["safe", "unsafe", "remove"]},
    "timeout": {"type": "number", "exclusiveMinimum": 0, "maximum": 60},
    "tokens": {"type": "array", "items": {"anyOf": [{"type": ["string", "number"]},
                                                   {"type": "object", "required": ["term"]}]}},
    "lexicon": _STRS, "suffixes": _STRS, "raw": _STRS, "pattern": _STRS,
    "position": {"enum": ["any", "headline_start", "block", "block_start", "label"]},
    "swap": {"anyOf": [{"type": "object", "additionalProperties": _STR},
                       {"type": "array", "items": {"type": "object", "required": ["wrong", "right"]}}]},
    "accept": _STRS, "unit": {"enum": ["words", "characters", "sentences"]}, "max": _INT, "min": _INT,
    "per": {"enum": ["document", "block"]}, "min_length": {"type": "integer", "minimum": 1},
    "either": {"anyOf": [{"type": "object", "additionalProperties": _STR},
                         {"type": "array", "items": {"type": "array", "items": _STR, "minItems": 2}}]},
    "first": _STRS, "second": _STRS, "first_pattern": _STRS, "second_pattern": _STRS,
    "first_lexicon": _STRS, "second_lexicon": _STRS, "window": {"enum": ["sentence", "paragraph", "document"]},
    "field": _STRS,
}


def rule_schema() -> dict[str, Any]:
    """Schema of a rule file: one rule mapping, or ``{rules: [rule, ...]}``."""
    import importlib

    from editcheck.rules.yaml.common import COMMON_KEYS
    from editcheck.rules.yaml.loader import EXTENSION_POINTS

    branches = []
    for ext, target in sorted(EXTENSION_POINTS.items()):
        module, cls = target.split(":")
        keys = COMMON_KEYS | getattr(importlib.import_module(module), cls).keys
        props = {k: KEY_SCHEMAS.get(k, {}) for k in sorted(keys)}
        props["extends"] = {"const": ext}
        branches.append({"type": "object", "title": ext, "properties": props, "additionalProperties": False,
                         "required": ["code", "name", "extends", "message"]})
    rule = {"oneOf": branches}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://editcheck.example/schema/rule.json", "title": "editcheck YAML rule file",
        "$defs": {"rule": rule},
        "anyOf": [{"$ref": "#/$defs/rule"},
                  {"type": "object", "properties": {"rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}}},
                   "required": ["rules"], "additionalProperties": False}],
    }


def config_schema() -> dict[str, Any]:
    """Schema of ``.editcheck.yaml``."""
    codes = {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z]{2,4}[0-9]{0,3}$"}}
    severity = {"type": "object", "propertyNames": {"pattern": "^[A-Za-z]{2,4}[0-9]{3}$"},
                "additionalProperties": {"anyOf": [{"enum": ["info", "warning", "error", "off"]}, {"const": False}]}}
    lexicon = {"type": "object", "additionalProperties": {"type": "array"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://editcheck.example/schema/config.json", "title": "editcheck .editcheck.yaml",
        "type": "object", "additionalProperties": False,
        "properties": {
            "extends": _STRS, "rules": _STRS, "select": codes, "ignore": codes, "severity": severity,
            "fail-on": {"enum": ["error", "warning", "info", "never"]}, "language": {"enum": ["auto", "ar", "en"]},
            "lexicons": {"type": "object", "additionalProperties": False, "properties": {"ar": lexicon, "en": lexicon}},
            "overrides": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["files"],
                "properties": {"files": _STRS, "select": codes, "ignore": codes, "severity": severity}}},
            "regex-timeout": {"type": "number", "exclusiveMinimum": 0, "maximum": 60},
            "report-unused-suppressions": {"type": "boolean"},
        },
    }


def schemas() -> dict[str, Any]:
    """``{"rule": rule_schema(), "config": config_schema()}``."""
    return {"rule": rule_schema(), "config": config_schema()}
