"""Scaling: time and peak memory for 1, 10, 100, 1,000 and 10,000 drafts in one run.

Drafts are the 300 real Arabic articles cycled (so from 301 drafts on, every headline is
repeated across files and the cross-file duplicate-headline rule EC102 reports them: its
index is part of what is measured). One whole-process run per size, ``--jobs 1``; the table
gives ms per draft and its ratio to the 1,000-draft run (linear scaling: 1.0).

Run: ``.venv/bin/python bench/scaling.py [--max 10000]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import EDITCHECK, article_markdown, has_jobs_option, header, records, run_once, table, total_bytes, write_drafts


def main() -> int:
    """Print the scaling table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max", type=int, default=10000)
    args = ap.parse_args()
    sizes = [n for n in (1, 10, 100, 1000, 10000) if n <= args.max]
    texts = [article_markdown(r) for r in records("ar_articles.jsonl")]
    jobs = ["--jobs", "1"] if has_jobs_option() else []
    rows = []
    per: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="ec-bench-") as tmp:
        env = {"XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        import os

        env = {**os.environ, **env}
        warm = write_drafts(Path(tmp) / "warm", texts[:1])
        run_once([EDITCHECK, str(warm[0])], env)  # fill the compiled cache
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            paths = write_drafts(folder, (texts[i % len(texts)] for i in range(n)))
            argv = [EDITCHECK, str(folder), "--format", "json", "--fail-on", "never", *jobs]
            out = Path(tmp) / f"n{n}.json"
            with open(out, "wb") as fh:
                r = run_once(argv, env, stdout=fh.fileno())
            ec102 = out.read_text(encoding="utf-8").count('"EC102"')
            out.unlink()
            per[n] = r.seconds / n
            rows.append([n, f"{total_bytes(paths) / 1024:.0f}", f"{r.seconds:.2f}", f"{per[n] * 1000:.1f}",
                         "", f"{r.maxrss_kb / 1024:.1f}", ec102])
            subprocess.run(["rm", "-rf", str(folder)], check=False)
    base = per.get(1000)
    for row, n in zip(rows, sizes, strict=True):
        row[4] = f"{per[n] / base:.2f}" if base else "-"
    print(header("Scaling", f"python bench/scaling.py --max {args.max}"))
    print(f"one whole-process run per size, {' '.join(jobs) or 'default jobs'}, --format json to a file\n")
    print(table(["drafts", "KB", "seconds", "ms/draft", "x ms/draft at 1,000", "peak RSS MB", "EC102 findings"], rows))
    if 1000 in per and 10000 in per:
        print(f"\ngoal: linear from 1,000 to 10,000 (time per draft within 20%) -> {per[10000] / per[1000]:.2f}; "
              f"peak memory < 150 MB for 10,000 -> {rows[sizes.index(10000)][5]} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
