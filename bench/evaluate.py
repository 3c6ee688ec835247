"""Evaluation harness: how often each rule fires on professional copy, and how well it
finds what editors labelled.

Without arguments, over ``../shared/corpus`` and ``../shared/examples`` it prints, per rule:
findings per 1,000 words on the 300 Arabic and 100 English real articles, the share of the
3,000 professional Arabic headlines (each checked as a one-line ``# title`` draft) flagged
at warning or above, and which of the seed article's expected lines (EXPECTED.md: lines
1, 2, 4, 6, 8, 10, 12, 14, 16, 18) it covers; then the acceptance figures (headline share,
goal < 3 %; median findings at warning or above per Arabic article, goal <= 1; seed recall).

With drafts as arguments, it reads ``<draft>.labels.yaml`` next to each one::

    faults:     [{family, line, text, severity}]   # what must be reported
    not_faults: [{line, text}]                     # what must not be

and prints precision and recall per family. A finding matches a fault of its family when
its span covers the fault's line and overlaps the fault's ``text`` on that line.

Run: ``.venv/bin/python bench/evaluate.py`` or ``.venv/bin/python bench/evaluate.py bench/labelled/*.md``
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from editcheck.engine import Checker, Options  # noqa: E402
from editcheck.model import Finding, Severity  # noqa: E402

SEED_LINES = (1, 2, 4, 6, 8, 10, 12, 14, 16, 18)


@dataclass
class FamilyScore:
    """Counts for one family: findings matching a fault (tp), other findings (fp), faults
    found and faults in all, findings on text labelled as not a fault."""

    tp: int = 0
    fp: int = 0
    found: int = 0
    faults: int = 0
    on_not_faults: int = 0
    severity_mismatch: int = 0

    @property
    def precision(self) -> float | None:
        """Share of findings that match a labelled fault (``None`` without findings)."""
        n = self.tp + self.fp
        return self.tp / n if n else None

    @property
    def recall(self) -> float | None:
        """Share of labelled faults with a matching finding (``None`` without faults)."""
        return self.found / self.faults if self.faults else None


@dataclass
class Labels:
    """The labels of one draft."""

    faults: list[dict[str, Any]] = field(default_factory=list)
    not_faults: list[dict[str, Any]] = field(default_factory=list)


def labels_path(draft: Path) -> Path:
    """Where the labels of ``draft`` live: ``<draft>.labels.yaml``."""
    return draft.with_name(draft.name + ".labels.yaml")


def load_labels(path: Path) -> Labels:
    """Read a label file; raises ``ValueError`` when it is not the documented shape."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) - {"faults", "not_faults"}:
        raise ValueError(f"{path}: expected a mapping with 'faults' and 'not_faults'")
    faults = list(data.get("faults") or [])
    for f in faults:
        if not isinstance(f, dict) or not {"family", "line"} <= set(f):
            raise ValueError(f"{path}: every fault needs 'family' and 'line': {f!r}")
    return Labels(faults, list(data.get("not_faults") or []))


def _label_cols(lines: list[str], label: dict[str, Any]) -> tuple[int, int, int]:
    """``(line, first column, end column)`` of a label's text (1-based; whole line if absent)."""
    line = int(label["line"])
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    text = str(label.get("text") or "")
    at = src.find(text) if text else -1
    if at < 0:
        return line, 1, len(src) + 1
    return line, at + 1, at + 1 + len(text)


def _covers(f: Finding, line: int, c0: int, c1: int) -> bool:
    if not f.line <= line <= max(f.end_line, f.line):
        return False
    start = f.column if f.line == line else 1
    end = f.end_column if f.end_line == line else 10**9
    if end <= start:  # empty span (document-level findings): the line is enough
        return True
    return start < c1 and c0 < end


def score(findings: list[Finding], labels: Labels, text: str) -> dict[str, FamilyScore]:
    """Precision and recall counts per family for one draft's ``findings``."""
    lines = text.split("\n")
    out: dict[str, FamilyScore] = defaultdict(FamilyScore)
    faults = [(lab, _label_cols(lines, lab)) for lab in labels.faults]
    not_faults = [_label_cols(lines, lab) for lab in labels.not_faults]
    for lab, _pos in faults:
        out[str(lab["family"])].faults += 1
    hit: set[int] = set()
    for f in findings:
        fam = out[f.family]
        matches = [i for i, (lab, pos) in enumerate(faults) if lab["family"] == f.family and _covers(f, *pos)]
        if matches:
            fam.tp += 1
            hit.update(matches)
            want = faults[matches[0]][0].get("severity")
            if want and str(want) != f.severity.label:
                fam.severity_mismatch += 1
        else:
            fam.fp += 1
        if any(_covers(f, *pos) for pos in not_faults):
            fam.on_not_faults += 1
    for i in hit:
        out[str(faults[i][0]["family"])].found += 1
    return dict(out)


def total(scores: dict[str, FamilyScore]) -> FamilyScore:
    """All families added up."""
    t = FamilyScore()
    for s in scores.values():
        t.tp += s.tp
        t.fp += s.fp
        t.found += s.found
        t.faults += s.faults
        t.on_not_faults += s.on_not_faults
        t.severity_mismatch += s.severity_mismatch
    return t


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def score_drafts(drafts: list[Path], checker: Checker | None = None) -> dict[str, FamilyScore]:
    """Check every draft that has a label file and add up the scores per family."""
    checker = checker or Checker(Options(plugins=False))
    merged: dict[str, FamilyScore] = defaultdict(FamilyScore)
    for draft in drafts:
        lp = labels_path(draft)
        if not lp.is_file():
            print(f"{draft}: no {lp.name}; skipped", file=sys.stderr)
            continue
        res = checker.check_file(draft)
        text = draft.read_text(encoding="utf-8")
        for fam, s in score(res.findings, load_labels(lp), text).items():
            m = merged[fam]
            for k in ("tp", "fp", "found", "faults", "on_not_faults", "severity_mismatch"):
                setattr(m, k, getattr(m, k) + getattr(s, k))
    return dict(merged)


def print_scores(scores: dict[str, FamilyScore]) -> None:
    """Print the precision/recall table."""
    from _common import table

    rows = [[fam, s.tp + s.fp, s.tp, s.faults, s.found, _fmt(s.precision), _fmt(s.recall), s.on_not_faults, s.severity_mismatch]
            for fam, s in sorted(scores.items())]
    t = total(scores)
    rows.append(["all", t.tp + t.fp, t.tp, t.faults, t.found, _fmt(t.precision), _fmt(t.recall), t.on_not_faults,
                 t.severity_mismatch])
    print(table(["family", "findings", "true", "faults", "found", "precision", "recall", "on not_faults",
                 "severity differs"], rows))


#: codes that a headline checked alone gets whatever it says (EC905: a headline with no story)
HEADLINE_ALONE = frozenset({"EC905"})


def corpus_report(checker: Checker) -> None:
    """The per-rule table and acceptance figures over the shared corpus and examples."""
    from _common import EXAMPLES, article_markdown, en_article_markdown, header, records, table

    counts: dict[str, Counter[str]] = {"ar": Counter(), "en": Counter()}
    words = {"ar": 0, "en": 0}
    per_article: list[int] = []
    for lang, name, render in (("ar", "ar_articles.jsonl", article_markdown), ("en", "en_articles.jsonl", en_article_markdown)):
        for i, rec in enumerate(records(name)):
            text = render(rec)
            words[lang] += len(text.split())
            res = checker.check_text(f"{lang}-{i}.md", text)
            counts[lang].update(f.code for f in res.findings)
            if lang == "ar":
                per_article.append(sum(1 for f in res.findings if f.severity >= Severity.WARNING))
    titles = records("ar_titles_unlabelled.jsonl")
    head_rule: Counter[str] = Counter()
    flagged = 0
    for rec in titles:
        res = checker.check_text("headline.md", f"# {str(rec['title']).strip()}\n")
        # a headline alone is no story (EC905, by construction here): not a headline fault
        bad = {f.code for f in res.findings if f.severity >= Severity.WARNING and f.scope == "headline"
               and f.code not in HEADLINE_ALONE}
        flagged += bool(bad)
        head_rule.update(bad)
    seed = checker.check_file(EXAMPLES / "seed-article.txt")
    seed_lines: dict[str, set[int]] = defaultdict(set)
    for f in seed.findings:
        for ln in range(f.line, max(f.end_line, f.line) + 1):
            if ln in SEED_LINES:
                seed_lines[f.code].add(ln)
    covered = set().union(*seed_lines.values()) if seed_lines else set()
    names = {r.meta.code: r.meta.name for r in checker.rules}
    codes = sorted(set(counts["ar"]) | set(counts["en"]) | set(head_rule) | set(seed_lines) | set(names))
    rows = [[c, names.get(c, "?"), f"{1000 * counts['ar'][c] / max(words['ar'], 1):.2f}",
             f"{1000 * counts['en'][c] / max(words['en'], 1):.2f}", f"{100 * head_rule[c] / len(titles):.2f}",
             ",".join(map(str, sorted(seed_lines.get(c, ())))) or "-"] for c in codes]
    print(header("Evaluation on professional copy", "python bench/evaluate.py"))
    print(f"{len(per_article)} ar articles ({words['ar']} words), {words['en']} en words, {len(titles)} ar headlines; "
          f"findings of every severity per 1,000 words; headlines: findings at warning or above, scope headline\n")
    print(table(["code", "name", "ar /1k words", "en /1k words", "% ar headlines", "seed lines hit"], rows))
    missing = [ln for ln in SEED_LINES if ln not in covered]
    print(f"\nheadlines flagged at warning or above: {flagged}/{len(titles)} = {100 * flagged / len(titles):.2f}% (goal < 3%)")
    print(f"median findings at warning or above per ar article: {statistics.median(per_article)} (goal <= 1); "
          f"mean {statistics.mean(per_article):.2f}")
    print(f"seed article recall: {len(SEED_LINES) - len(missing)}/{len(SEED_LINES)} expected lines carry a finding"
          + (f" (missing: {missing})" if missing else ""))
    for name in ("clean-draft.md", "clean-draft-en.md"):
        p = EXAMPLES / name
        if p.is_file():
            bad = [f"{f.code}@{f.line}" for f in checker.check_file(p).findings if f.severity >= Severity.WARNING]
            print(f"{name}: {len(bad)} findings at warning or above (goal 0){': ' + ', '.join(bad) if bad else ''}")


def main(argv: list[str] | None = None) -> int:
    """Corpus report without arguments; label scoring for the drafts given."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("drafts", nargs="*", type=Path, help="drafts with <draft>.labels.yaml next to them")
    args = ap.parse_args(argv)
    checker = Checker(Options(plugins=False))
    if args.drafts:
        print_scores(score_drafts(args.drafts, checker))
        return 0
    corpus_report(checker)
    return 0


if __name__ == "__main__":
    sys.exit(main())
