"""EC102 near duplicates: the findings, and the character bound that spares rapidfuzz."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from ectest import checker
from rapidfuzz import fuzz

from editcheck.analysis.headline import headline_key
from editcheck.engine import FileResult
from editcheck.rules.builtin.ec102_duplicate_headline_across_files import NEAR_THRESHOLD, _chars, may_be_near


def _finish(drafts: dict[str, str]) -> list[FileResult]:
    c = checker()
    results = [c.check_text(name, text) for name, text in drafts.items()]
    c.finish(results)
    return results


def test_near_duplicate_headline_is_reported_on_the_later_file() -> None:
    results = _finish({
        "a.md": "# Storm closes the port of Dover for two days\n\nThe harbour master said so on Monday.\n",
        "b.md": "# Storm closes the port of Dover for three days\n\nThe harbour master said so on Tuesday.\n",
        "c.md": "# Dover council approves new port budget for the year\n\nThe council said so.\n",
    })
    near = [(r.path, f.line, f.column, f.match, f.related[0].path) for r in results for f in r.findings
            if f.code == "EC102"]
    assert near == [("b.md", 1, 3, "Storm closes the port of Dover for three days", "a.md")]
    assert next(f for f in results[1].findings if f.code == "EC102").message.startswith("Possible duplicate of")


def test_bound_never_rules_out_a_near_pair(corpus: Path) -> None:
    """``may_be_near`` is False only when rapidfuzz's ratio is below the threshold: checked on
    the 1,500 real headline pairs of the corpus (paraphrases and contradictions), on each
    headline against copies with one to four characters changed, and on English pairs."""
    with open(corpus / "ar_headline_pairs.jsonl", encoding="utf-8") as fh:
        pairs = [(r["title_a"], r["title_b"]) for r in map(json.loads, fh)]
    with open(corpus / "en_headlines_labelled.jsonl", encoding="utf-8") as fh:
        en = [json.loads(line)["title"] for line in fh][:400]
    pairs += list(zip(en[::2], en[1::2], strict=False))
    rng = random.Random(7)
    for a, _ in pairs[:1200]:
        b = list(a)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(b))
            b[i:i + 1] = rng.choice(["", " ", "x", "ا", b[i] * 2])
        pairs.append((a, "".join(b)))
    ruled_out = near = 0
    for a, b in pairs:
        ka, kb = headline_key(a), headline_key(b)
        ratio = fuzz.token_sort_ratio(ka, kb)
        if not may_be_near(_chars(ka), _chars(kb)):
            ruled_out += 1
            assert ratio < NEAR_THRESHOLD, (ka, kb, ratio)
        near += ratio >= NEAR_THRESHOLD
    assert ruled_out > 1000 and near > 300  # both sides of the threshold are exercised


def test_rapidfuzz_is_not_imported_when_no_pair_can_be_near(tmp_path: Path) -> None:
    """Distinct headlines sharing a word: the bound rules every candidate out, so a run does
    not pay for importing rapidfuzz (~12 ms)."""
    (tmp_path / "a.md").write_text("# Storm closes the port of Dover\n\nThe harbour master said so.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Council approves a budget for Dover schools\n\nThe council said so.\n",
                                   encoding="utf-8")
    code = ("import sys\nfrom editcheck.engine import Options, run\n"
            f"run([{str(tmp_path)!r}], Options(plugins=False))\n"
            "print('rapidfuzz' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
