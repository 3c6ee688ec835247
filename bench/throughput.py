"""Throughput: KB/s and files/s over the real articles of the shared corpus.

Checks the 300 Arabic and 100 English articles (as Markdown drafts ``# title`` + body) and
a 10x replicated copy of each set, whole-process, with ``--jobs 1`` and ``--jobs 2`` (when
this editcheck has ``--jobs``), and ``proselint check`` on the same English files. Start-up
is included, as a user pays it. Every set is timed interleaved in one run.

Run: ``.venv/bin/python bench/throughput.py [--repeat 3]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import (
    EDITCHECK,
    article_markdown,
    en_article_markdown,
    ensure_proselint,
    has_jobs_option,
    header,
    interleaved,
    records,
    table,
    total_bytes,
    write_drafts,
)


def main() -> int:
    """Print the throughput table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-replicated", action="store_true", help="skip the 10x sets")
    args = ap.parse_args()
    proselint = ensure_proselint()
    jobs = [1, 2] if has_jobs_option() else [None]
    ar = [article_markdown(r) for r in records("ar_articles.jsonl")]
    en = [en_article_markdown(r) for r in records("en_articles.jsonl")]
    sets = {"ar 300": ar, "en 100": en}
    if not args.no_replicated:
        sets.update({"ar 300 x10": ar * 10, "en 100 x10": en * 10})
    rows = []
    with tempfile.TemporaryDirectory(prefix="ec-bench-") as tmp:
        cmds: dict[str, list[str]] = {}
        meta: dict[str, tuple[str, int, int]] = {}
        for name, texts in sets.items():
            folder = Path(tmp) / name.replace(" ", "_")
            paths = write_drafts(folder, texts)
            size = total_bytes(paths)
            for j in jobs:
                label = f"editcheck {name}" + (f" --jobs {j}" if j else "")
                cmds[label] = [EDITCHECK, str(folder), "--format", "line", "--fail-on", "never",
                               *(["--jobs", str(j)] if j else [])]
                meta[label] = (name, size, len(paths))
            if name.startswith("en") and proselint:
                label = f"proselint {name}"
                cmds[label] = [proselint, "check", *map(str, paths)]
                meta[label] = (name, size, len(paths))
        envs = {k: {"XDG_CACHE_HOME": str(Path(tmp) / "cache")} for k in cmds}
        stats = interleaved(cmds, args.repeat, envs=envs, warmup=1)
    kbs = {k: meta[k][1] / 1024 / s.median for k, s in stats.items()}
    for label, st in stats.items():
        name, size, n = meta[label]
        base = kbs.get(f"proselint {name}")
        rows.append([label, n, f"{size / 1024:.0f}", f"{st.median:.2f}", f"{kbs[label]:.0f}", f"{n / st.median:.0f}",
                     f"{kbs[label] / base:.1f}" if base else "-", f"{st.mb:.1f}"])
    print(header("Throughput", f"python bench/throughput.py --repeat {args.repeat}"))
    print(f"median of {args.repeat} whole-process runs each (start-up included), interleaved; "
          f"drafts are Markdown; jobs: {jobs if jobs != [None] else 'default (no --jobs option)'}\n")
    print(table(["command", "files", "KB", "median s", "KB/s", "files/s", "x proselint KB/s", "peak RSS MB"], rows))
    one = f" --jobs {jobs[0]}" if jobs[0] else ""
    en_ratio = kbs[f"editcheck en 100{one}"] / kbs["proselint en 100"] if proselint else float("nan")
    print(f"\ngoal: >= 4 x proselint KB/s on the English set on one core -> {en_ratio:.1f} x "
          f"({kbs[f'editcheck en 100{one}']:.0f} vs {kbs.get('proselint en 100', 0):.0f} KB/s); "
          f">= 1 MB/s on the Arabic set on one core -> {kbs[f'editcheck ar 300{one}'] / 1024:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
