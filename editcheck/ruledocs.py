"""Rule listings and rule documentation (for ``editcheck rules`` / ``editcheck rule``)."""

from __future__ import annotations

from typing import Any

from editcheck.errors import UsageError
from editcheck.rules.base import DOC_SECTIONS, Rule

SECTION_TITLES = {"what": "What it does", "why": "Why is this bad?", "example": "Example", "instead": "Use instead"}


def grouped_rules(rules: list[Rule] | None = None) -> dict[str, list[Rule]]:
    """Rules by code (a code may have one implementation per language), sorted by code."""
    if rules is None:
        from editcheck.rules.registry import all_rules

        rules = all_rules()
    out: dict[str, list[Rule]] = {}
    for r in rules:
        out.setdefault(r.meta.code, []).append(r)
    return dict(sorted(out.items()))


def rule_index(rules: list[Rule] | None = None) -> list[dict[str, Any]]:
    """One row per code: code, name, family, severity, languages, fixable, source(s)."""
    rows = []
    for code, impls in grouped_rules(rules).items():
        m = impls[0].meta
        rows.append({
            "code": code, "name": m.name, "family": m.family, "severity": m.severity.label,
            "languages": sorted({lang for r in impls for lang in r.meta.languages}),
            "fixable": any(r.meta.fixable for r in impls), "scopes": list(m.scopes),
            "sources": sorted({r.meta.source for r in impls}), "docs": m.docs_url,
        })
    return rows


def render_rule(code: str, rules: list[Rule] | None = None) -> str:
    """Markdown documentation of rule ``code``; raises :class:`UsageError` when unknown."""
    groups = grouped_rules(rules)
    impls = groups.get(code)
    if not impls:
        import difflib

        close = difflib.get_close_matches(code, list(groups), n=1)
        raise UsageError(f"unknown rule '{code}'" + (f" (did you mean {close[0]}?)" if close else ""))
    m = impls[0].meta
    langs = ", ".join(sorted({lang for r in impls for lang in r.meta.languages}))
    lines = [f"## {code} {m.name}", "",
             f"Family: {m.family} · Default severity: {m.severity.label} · Languages: {langs} · "
             f"Fixable: {'yes' if any(r.meta.fixable for r in impls) else 'no'}", ""]
    for key in DOC_SECTIONS:
        texts = [r.meta.docs.get(key, "") for r in impls if r.meta.docs.get(key)]
        if texts:
            lines += [f"### {SECTION_TITLES[key]}", ""]
            for t in dict.fromkeys(texts):
                lines += [t, ""]
    if m.standard:
        lines += ["### Standard", "", m.standard, ""]
    return "\n".join(lines).rstrip() + "\n"
