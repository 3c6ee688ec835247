"""The evaluation harness's label scoring (bench/evaluate.py) on the labelled example draft."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from editcheck.model import Finding, Severity

BENCH = Path(__file__).resolve().parent.parent / "bench"
DRAFT = BENCH / "labelled" / "ar-port-strike.md"


@pytest.fixture(scope="module")
def evaluate():  # type: ignore[no-untyped-def]
    """bench/evaluate.py as a module (bench/ is scripts, not a package)."""
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_evaluate", BENCH / "evaluate.py")
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules["bench_evaluate"] = mod  # dataclasses look their module up there
        spec.loader.exec_module(mod)
        yield mod
    finally:
        sys.modules.pop("bench_evaluate", None)
        sys.path.remove(str(BENCH))


def _finding(family: str, line: int, col: int, end_col: int, severity: Severity = Severity.WARNING) -> Finding:
    return Finding(code="EC000", name="x", family=family, severity=severity, message="m", start=0, end=0,
                   line=line, column=col, end_line=line, end_column=end_col)


def test_scoring_rules_on_fixed_findings(evaluate) -> None:  # type: ignore[no-untyped-def]
    """Matching by family, line and overlap with the label's text; exact counts."""
    labels = evaluate.load_labels(evaluate.labels_path(DRAFT))
    text = DRAFT.read_text(encoding="utf-8")
    findings = [
        _finding("sensational-marker", 1, 3, 7),      # عاجل: true
        _finding("sensational-marker", 1, 10, 15),    # other words of the headline: false
        _finding("vague-expert", 3, 46, 60),          # the named official (a not_fault): false
        _finding("spelling", 13, 32, 38),             # مساءاً: true
        _finding("spelling", 13, 32, 38, Severity.INFO),  # same fault again, other severity
    ]
    scores = evaluate.score(findings, labels, text)
    s = scores["sensational-marker"]
    assert (s.tp, s.fp, s.found, s.faults) == (1, 1, 1, 3)
    assert s.precision == 0.5 and s.recall == pytest.approx(1 / 3)
    v = scores["vague-expert"]
    assert (v.tp, v.fp, v.found, v.faults, v.on_not_faults) == (0, 1, 0, 2, 1)
    assert v.precision == 0.0 and v.recall == 0.0
    sp = scores["spelling"]
    assert (sp.tp, sp.fp, sp.found, sp.faults, sp.severity_mismatch) == (2, 0, 1, 1, 1)
    assert scores["unsourced-figure"].precision is None
    t = evaluate.total(scores)
    assert (t.tp, t.tp + t.fp, t.found, t.faults) == (3, 5, 2, 9)


def test_labelled_draft_precision_recall(evaluate) -> None:  # type: ignore[no-untyped-def]
    """editcheck on the labelled draft: every finding is a labelled fault; the unsourced
    figure (350 عاملاً) is not found: the story names its source in the lede, and figures after
    a sourced lede are taken as covered by it (EC403's documented choice)."""
    scores = evaluate.score_drafts([DRAFT])
    got = {fam: (s.precision, s.recall) for fam, s in scores.items()}
    assert got == {
        "boilerplate-residue": (1.0, 1.0),
        "sensational-marker": (1.0, 1.0),
        "spelling": (1.0, 1.0),
        "unattributed-quote": (1.0, 1.0),
        "unsourced-figure": (None, 0.0),
        "vague-expert": (1.0, 1.0),
    }
    t = evaluate.total(scores)
    assert (t.tp, t.tp + t.fp, t.found, t.faults, t.on_not_faults) == (8, 8, 8, 9, 0)
