"""``sarif`` format: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run with ``columnKind: "unicodeCodePoints"`` (editcheck columns count code points), the
tool driver's rule descriptors (id, name, short and full description, help text and URI,
default level), and one result per finding with ``ruleId``/``ruleIndex``, a region
(1-based lines and columns, ``charOffset``/``charLength`` in code points, the matched text
as snippet) and ``partialFingerprints``.

The fingerprint ``editcheck/v1`` is the SHA-256 (first 32 hex digits) of the rule code, the
normalised match and the normalised text of the finding's line, plus the occurrence number
of that triple in the file. It holds no line number, so code scanning keeps tracking a
finding when lines are added above it, and closes it when the line itself is rewritten.
Files that could not be checked become ``toolExecutionNotifications`` of the invocation
(``executionSuccessful`` is then false).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from editcheck import __version__
from editcheck.model import Finding, Severity

if TYPE_CHECKING:
    from editcheck.engine import FileResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/editcheck/editcheck"
FINGERPRINT_KEY = "editcheck/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SPACE_RE = re.compile(r"\s+")
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")


def level(severity: Severity) -> str:
    """SARIF ``level`` (``error``/``warning``/``note``) of an editcheck severity."""
    return LEVELS.get(severity, "note")


def artifact_uri(path: str, base: Path | None = None) -> str:
    """URI reference for ``path``: relative to ``base`` (default: the current folder) when the
    file lies under it, percent-encoded, with ``/`` separators (what code scanning matches
    against the repository); otherwise an absolute ``file://`` URI."""
    base = (base or Path.cwd()).resolve()
    p = Path(path)
    try:
        rel = (p if p.is_absolute() else (Path.cwd() / p)).resolve().relative_to(base)
    except (ValueError, OSError):
        if p.is_absolute():
            return p.as_uri()
        rel = Path(path)
    return quote(rel.as_posix(), safe="/")


def normalise(text: str) -> str:
    """Case-folded text with runs of white space collapsed to one space, stripped."""
    return _SPACE_RE.sub(" ", text).strip().casefold()


def _file_lines(path: str) -> list[str] | None:
    """The lines of ``path`` as editcheck counts them (``\\n``, ``\\r\\n`` or ``\\r``), or
    ``None`` when it cannot be read (standard input, deleted file)."""
    if not path or path == "-" or not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            return _NEWLINE_RE.split(fh.read())
    except OSError:
        return None


def fingerprints(result: FileResult) -> list[str]:
    """One ``editcheck/v1`` fingerprint (32 hex digits) per finding of ``result``, in order."""
    lines = _file_lines(result.path)
    seen: dict[str, int] = {}
    out = []
    for f in result.findings:
        line_text = lines[f.line - 1] if lines is not None and 0 < f.line <= len(lines) else ""
        key = "\x1f".join((f.code, normalise(f.match), normalise(line_text)))
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(hashlib.sha256(f"{key}\x1f{n}".encode()).hexdigest()[:32])
    return out


def _descriptor(code: str, rule: dict[str, Any]) -> dict[str, Any]:
    short = rule.get("short") or rule["name"]
    return {
        "id": code,
        "name": rule["name"],
        "shortDescription": {"text": short},
        "fullDescription": {"text": rule.get("full") or short},
        "help": {"text": rule.get("help") or short, **({"markdown": rule["help"]} if rule.get("help") else {})},
        "helpUri": rule["docs"],
        "defaultConfiguration": {"level": level(Severity.parse(rule["severity"]))},
        "properties": {"tags": [rule["family"]]},
    }


def _known_rules() -> dict[str, dict[str, Any]]:
    """Metadata of every registered rule (default packs), by code."""
    from editcheck.ruledocs import grouped_rules, render_rule

    out: dict[str, dict[str, Any]] = {}
    try:
        groups = grouped_rules()
    except Exception:  # a broken pack must not hide the findings; descriptors come from them
        return out
    for code, impls in groups.items():
        m = impls[0].meta
        what = m.docs.get("what", "")
        why = m.docs.get("why", "")
        out[code] = {"name": m.name, "family": m.family, "severity": m.severity.label, "docs": m.docs_url,
                     "short": what or m.name, "full": " ".join(x for x in (what, why) if x) or m.name,
                     "help": render_rule(code, [r for g in groups.values() for r in g])}
    return out


def _from_finding(f: Finding) -> dict[str, Any]:
    return {"name": f.name, "family": f.family, "severity": f.severity.label, "docs": f.docs_url or INFORMATION_URI}


def _region(f: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, f.line), "startColumn": max(1, f.column)}
    if f.end_line >= f.line and f.end_line:
        region["endLine"] = f.end_line
        if f.end_column and (f.end_line > f.line or f.end_column >= region["startColumn"]):
            region["endColumn"] = f.end_column
    region["charOffset"] = max(0, f.start)
    region["charLength"] = max(0, f.end - f.start)
    if f.match:
        region["snippet"] = {"text": f.match}
    return region


def to_data(results: Sequence[FileResult], rules: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The SARIF log as Python data.

    ``rules`` maps codes to ``{"name", "family", "severity", "docs", "short", "full", "help"}``
    (default: every registered rule); codes found only in the results are described from
    their findings.
    """
    known = dict(_known_rules() if rules is None else rules)
    for r in results:
        for f in r.findings:
            if f.code not in known:
                known[f.code] = _from_finding(f)
    codes = sorted(known)
    index = {c: i for i, c in enumerate(codes)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for r in results:
        uri = artifact_uri(r.path)
        if r.error:
            notifications.append({"level": "error", "message": {"text": r.error},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            continue
        for f, fp in zip(r.findings, fingerprints(r), strict=True):
            res: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(f)}}],
                "partialFingerprints": {FINGERPRINT_KEY: fp},
                "properties": {"name": f.name, "family": f.family, **({"scope": f.scope} if f.scope else {})},
            }
            if f.related:
                res["relatedLocations"] = [
                    {"id": i, "message": {"text": rel.message or "related location"},
                     "physicalLocation": {"artifactLocation": {"uri": artifact_uri(rel.path)},
                                          "region": {"startLine": max(1, rel.line), "startColumn": max(1, rel.column)}}}
                    for i, rel in enumerate(f.related, 1)]
            sarif_results.append(res)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "editcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI,
                                "rules": [_descriptor(c, known[c]) for c in codes]}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "results": sarif_results,
        }],
    }


def write(results: Sequence[FileResult], stream: TextIO, **_: object) -> None:
    """Write the SARIF log (UTF-8 JSON, Arabic unescaped, one trailing newline)."""
    json.dump(to_data(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
