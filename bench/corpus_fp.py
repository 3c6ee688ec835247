"""False-positive figures on real professional copy (issue: the main job's acceptance).

Prints, for ../shared/corpus:
* the share of the 3,000 professional Arabic headlines (ar_titles_unlabelled.jsonl) that
  get a headline finding at warning or above (goal: under 3%);
* the median number of findings at warning or above per article over the 300 real Arabic
  articles (ar_articles.jsonl, checked as Markdown ``# title`` + body; goal: at most 1);
* the same for the 100 English BBC articles, and which rules fire most.

Run: ``.venv/bin/python bench/corpus_fp.py [--show CODE]`` (``--show`` prints examples).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

from editcheck.engine import Checker, Options
from editcheck.model import Severity

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CORPUS, article_markdown  # noqa: E402
from _common import records as _records  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", help="print examples of findings with this code")
    ap.add_argument("--limit", type=int, default=15)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} not found: the shared corpus is needed", file=sys.stderr)
        return 2
    checker = Checker(Options(plugins=False))
    shown = 0

    titles = _records("ar_titles_unlabelled.jsonl")
    flagged = 0
    by_code: Counter[str] = Counter()
    for rec in titles:
        res = checker.check_text("headline.md", f"# {rec['title']}\n")
        # a headline alone is no story (EC905, by construction here): not a headline fault
        bad = [f for f in res.findings if f.severity >= Severity.WARNING and f.scope == "headline"
               and f.code != "EC905"]
        if bad:
            flagged += 1
            by_code.update({f.code for f in bad})
            for f in bad:
                if args.show == f.code and shown < args.limit:
                    print(f"  [{f.code}] {rec['title']}  ->  {f.match}")
                    shown += 1
    print(f"ar headlines: {flagged}/{len(titles)} = {100 * flagged / len(titles):.2f}% with a headline finding "
          f">= warning (goal < 3%)  by rule: {dict(by_code.most_common())}")

    for name, label in (("ar_articles.jsonl", "ar articles"), ("en_articles.jsonl", "en articles")):
        recs = _records(name)
        counts = []
        codes: Counter[str] = Counter()
        for rec in recs:
            res = checker.check_text("article.md", article_markdown(rec))
            bad = [f for f in res.findings if f.severity >= Severity.WARNING]
            counts.append(len(bad))
            codes.update(f.code for f in bad)
            for f in bad:
                if args.show == f.code and shown < args.limit:
                    print(f"  [{f.code}] {rec['id']} l{f.line}: {f.match[:80]}  ({f.message[:60]})")
                    shown += 1
        med = statistics.median(counts)
        share = 100 * sum(1 for c in counts if c) / len(counts)
        print(f"{label}: median {med} findings >= warning per article (goal <= 1); mean {statistics.mean(counts):.2f}; "
              f"{share:.0f}% of articles have one; by rule: {dict(codes.most_common())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
