"""Meta-tests: every shipped rule documents itself and behaves on its own examples."""

from __future__ import annotations

import pytest

from editcheck.engine import Checker, Options
from editcheck.rules.base import DOC_SECTIONS, Rule
from editcheck.rules.registry import all_rules
from editcheck.rules.yaml.loader import run_examples

RULES = all_rules(plugins=False)
#: rules that cannot be shown by a single draft; each has a dedicated test instead
NO_EXAMPLES = {
    "EC102": "cross-file: tests/test_rule_examples.py::test_ec102_across_files",
    "EC902": "needs a non-UTF-8 file: tests/test_rule_examples.py::test_ec902_legacy_encoding",
    "EC903": "needs --report-unused-suppressions: tests/test_suppress.py",
    "EC904": "needs a pathological pattern: tests/test_regex_timeout.py",
}

#: shipped examples that the rule currently gets wrong (rules being reworked by their owners);
#: strict, so the entry must be removed as soon as the rule behaves
KNOWN_BAD: dict[str, str] = {}


def _id(rule: Rule) -> str:
    return f"{rule.meta.code}-{'-'.join(sorted(rule.meta.languages))}"


@pytest.mark.parametrize("rule", RULES, ids=_id)
def test_rule_has_docs_standard_and_examples(rule: Rule) -> None:
    m = rule.meta
    missing = [k for k in DOC_SECTIONS if not m.docs.get(k, "").strip()]
    assert not missing, f"{m.code} lacks docs sections {missing}"
    assert m.standard.strip(), f"{m.code} names no standard"
    if m.code in NO_EXAMPLES:
        return
    assert m.examples.get("fail"), f"{m.code} has no fail example"
    assert m.examples.get("pass"), f"{m.code} has no pass example"


def _example_params() -> list[object]:
    out: list[object] = []
    for r in RULES:
        if r.meta.code in NO_EXAMPLES or getattr(r, "requires", None):  # opt-in rules need LanguageTool/Hunspell
            continue
        marks = [pytest.mark.xfail(reason=KNOWN_BAD[r.meta.code], strict=True)] if r.meta.code in KNOWN_BAD else []
        out.append(pytest.param(r, id=_id(r), marks=marks))
    return out


@pytest.mark.parametrize("rule", _example_params())
def test_rule_examples_behave(rule: Rule) -> None:
    for kind, index, text, found in run_examples(rule):
        if kind == "fail":
            assert rule.meta.code in found, f"{rule.meta.code} misses fail example {index + 1}: {text!r}"
        else:
            assert rule.meta.code not in found, f"{rule.meta.code} fires on pass example {index + 1}: {text!r}"


def test_every_code_appears_once_per_language() -> None:
    seen: set[tuple[str, str]] = set()
    for r in RULES:
        for lang in r.meta.languages:
            assert (r.meta.code, lang) not in seen
            seen.add((r.meta.code, lang))


def test_ec102_across_files() -> None:
    checker = Checker(Options(plugins=False, select=("EC102",)))
    head = "# Storm closes the port of Aden for two days\n\nText.\n"
    results = [checker.check_text("a.md", head), checker.check_text("b.md", head),
               checker.check_text("c.md", "# Council approves the new budget\n\nText.\n")]
    checker.finish(results)
    assert [(r.path, [(f.code, f.line, f.column) for f in r.findings]) for r in results] == [
        ("a.md", []), ("b.md", [("EC102", 1, 3)]), ("c.md", [])]
    assert results[1].findings[0].related[0].path == "a.md"


def test_ec902_legacy_encoding(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cp.txt"
    path.write_bytes("الحكومة تعلن خطة جديدة للنقل العام في المدينة\n\nقال الوزير إن الخطة تبدأ غداً.\n".encode("cp1256"))
    result = Checker(Options(plugins=False, select=("EC902",))).check_file(path)
    assert [(f.code, f.line, f.column) for f in result.findings] == [("EC902", 1, 1)]
    assert "windows-1256" in result.findings[0].message or "cp1256" in result.findings[0].message
