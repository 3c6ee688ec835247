"""Benchmark ``--jobs``: a batch of drafts built from ../shared/corpus, checked with 1 and 2 jobs.

    .venv/bin/python bench/jobs.py [--files 2000] [--repeat 3]

Writes ``--files`` Markdown drafts into a temporary folder (articles from
``ar_articles.jsonl`` and ``en_articles.jsonl``, then their bodies under headlines from
``ar_titles_unlabelled.jsonl``; every 50th repeats an earlier headline so EC102 works across
workers), runs the real ``editcheck --format json`` command with ``--jobs 1`` and
``--jobs 2``, checks that both outputs are byte-identical, and prints a table of the best
wall-clock time of each and the speed-up ratio (target: at least 1.6 on two cores).
Exit status 1 if the outputs differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EDITCHECK = str(Path(sys.executable).parent / "editcheck")


def write_batch(folder: Path, n: int) -> None:
    """Write ``n`` drafts (see the module docstring) into ``folder``, 100 per sub-folder."""
    records: list[dict[str, str]] = []
    for name in ("ar_articles.jsonl", "en_articles.jsonl"):
        with open(CORPUS / name, encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh if line.strip()]
    with open(CORPUS / "ar_titles_unlabelled.jsonl", encoding="utf-8") as fh:
        titles = [json.loads(line)["title"] for line in fh if line.strip()]
    for i in range(n):
        rec = records[i % len(records)]
        title = rec["title"] if i < len(records) else titles[i % len(titles)]
        if i and i % 50 == 0:
            title = records[(i // 50) % len(records)]["title"]
        path = folder / f"{i // 100:02d}" / f"draft-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {title}\n\n{rec['body']}\n", encoding="utf-8")


def timed(folder: Path, jobs: int) -> tuple[float, float, bytes, int]:
    """Wall-clock seconds, CPU seconds (user + system, all processes), standard output and
    exit code of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([EDITCHECK, str(folder), "--format", "json", "--jobs", str(jobs)], capture_output=True,
                          check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout, proc.returncode


def main() -> int:
    """Run the benchmark; returns the process exit status."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent (the shared corpus comes with the team's workspace)")
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory(prefix="editcheck-jobs-") as tmp:
        folder = Path(tmp) / "batch"
        write_batch(folder, args.files)
        best: dict[int, float] = {}
        cpu: dict[int, float] = {}
        outputs: dict[int, bytes] = {}
        codes: dict[int, int] = {}
        for _ in range(args.repeat):  # interleaved, so drift in machine load hits both alike
            for jobs in (1, 2):
                secs, used, out, code = timed(folder, jobs)
                if secs < best.get(jobs, float("inf")):
                    best[jobs], cpu[jobs] = secs, used
                outputs[jobs], codes[jobs] = out, code
    same = outputs[1] == outputs[2]
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.files} drafts from ../shared/corpus, {cores} core(s), best of {args.repeat}, load average {load}")
    print(f"{'jobs':>4}  {'seconds':>8}  {'cpu s':>7}  {'cores used':>10}  {'drafts/s':>9}  {'exit':>4}  sha256 of json output")
    for jobs in (1, 2):
        digest = hashlib.sha256(outputs[jobs]).hexdigest()[:16]
        print(f"{jobs:>4}  {best[jobs]:>8.2f}  {cpu[jobs]:>7.2f}  {cpu[jobs] / best[jobs]:>10.2f}  "
              f"{args.files / best[jobs]:>9.1f}  {codes[jobs]:>4}  {digest}")
    ratio = best[1] / best[2]
    print(f"speed-up --jobs 2 / --jobs 1: {ratio:.2f}x (target >= 1.6); outputs identical: {'yes' if same else 'NO'}")
    if cpu[2] / best[2] < 1.5:
        print("note: the two-job run got less than 1.5 cores; other processes are using the CPU, so the ratio "
              "understates the speed-up on an idle machine")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
