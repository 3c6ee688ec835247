"""Start-up and one-file latency: whole-process runs, median of repeats, as ratios.

Compares, in one interleaved run: ``python -c pass`` (the floor), the import of the three
libraries every check needs (Typer, markdown-it-py, regex: the floor the libraries set), ``editcheck`` on one
~5 KB Arabic draft (Markdown and plain text), on one English draft, with and without the
compiled rule cache, and ``proselint check`` on the same English draft.

Run: ``.venv/bin/python bench/startup.py [--repeat 21]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import (
    EDITCHECK,
    VENV_BIN,
    article_markdown,
    article_plain,
    en_article_markdown,
    ensure_proselint,
    header,
    interleaved,
    records,
    table,
)

TARGET_BYTES = 5 * 1024


def closest(recs: list[dict[str, object]], render, target: int = TARGET_BYTES) -> str:  # type: ignore[no-untyped-def]
    """The rendered record whose UTF-8 size is closest to ``target`` bytes."""
    texts = [render(r) for r in recs]
    return min(texts, key=lambda t: abs(len(t.encode("utf-8")) - target))


def main() -> int:
    """Print the start-up table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=21)
    args = ap.parse_args()
    proselint = ensure_proselint()
    with tempfile.TemporaryDirectory(prefix="ec-bench-") as tmp:
        d = Path(tmp)
        ar = records("ar_articles.jsonl")
        en = records("en_articles.jsonl")
        ar_md, ar_txt, en_md = d / "ar-5k.md", d / "ar-5k.txt", d / "en.md"
        ar_md.write_text(closest(ar, article_markdown), encoding="utf-8")
        ar_txt.write_text(closest(ar, article_plain), encoding="utf-8")
        en_md.write_text(closest(en, en_article_markdown), encoding="utf-8")
        cache_env = {"XDG_CACHE_HOME": str(d / "cache")}
        cmds: dict[str, list[str]] = {
            "python -c pass": [str(VENV_BIN / "python"), "-c", "pass"],
            # the floor the libraries set: the imports a check cannot avoid (CLI, Markdown parser,
            # Unicode regex engine), with no editcheck code at all
            "python -c 'import typer, markdown_it, regex'": [str(VENV_BIN / "python"), "-c",
                                                             "import typer, markdown_it, regex"],
            "editcheck --version": [EDITCHECK, "--version"],
            "editcheck ar-5k.md": [EDITCHECK, str(ar_md), "--format", "line"],
            "editcheck ar-5k.txt": [EDITCHECK, str(ar_txt), "--format", "line"],
            "editcheck en.md": [EDITCHECK, str(en_md), "--format", "line"],
            "editcheck en.md (rich)": [EDITCHECK, str(en_md), "--format", "rich"],
            "editcheck en.md (no cache)": [EDITCHECK, str(en_md), "--format", "line"],
            "editcheck ar-5k.md (no cache)": [EDITCHECK, str(ar_md), "--format", "line"],
        }
        envs = {k: cache_env for k in cmds}
        envs["editcheck en.md (no cache)"] = {"EDITCHECK_NO_CACHE": "1"}
        envs["editcheck ar-5k.md (no cache)"] = {"EDITCHECK_NO_CACHE": "1"}
        if proselint:
            cmds["proselint check en.md"] = [proselint, "check", str(en_md)]
        sizes = {"ar-5k.md": ar_md.stat().st_size, "ar-5k.txt": ar_txt.stat().st_size, "en.md": en_md.stat().st_size}
        stats = interleaved(cmds, args.repeat, envs=envs, warmup=2)
    floor = stats["python -c pass"].median
    prose = stats.get("proselint check en.md")
    rows = []
    for label, st in stats.items():
        rows.append([label, f"{st.median * 1000:.0f}", f"{st.median / floor:.1f}",
                     f"{st.median / prose.median:.2f}" if prose else "-", f"{st.mb:.1f}"])
    print(header("Start-up and one-file latency", f"python bench/startup.py --repeat {args.repeat}"))
    print(f"drafts: {', '.join(f'{k} {v} B' for k, v in sizes.items())}; median of {args.repeat} runs "
          f"each, interleaved; 'no cache' = EDITCHECK_NO_CACHE=1 (rule packs parsed and compiled)\n")
    print(table(["command", "median ms", "x python -c pass", "x proselint", "peak RSS MB"], rows))
    ec = stats["editcheck en.md"].median
    print(f"\ngoal one-file: <= 1.0 x proselint -> {ec / prose.median:.2f}; "
          if prose else "\ngoal one-file: proselint unavailable; ", end="")
    print(f"< 5 x python -c pass -> {ec / floor:.1f} (Arabic .md {stats['editcheck ar-5k.md'].median / floor:.1f}); "
          f"peak memory < 60 MB -> {max(s.mb for k, s in stats.items() if k.startswith('editcheck')):.1f} MB")
    libs = stats["python -c 'import typer, markdown_it, regex'"].median
    print(f"importing typer + markdown_it + regex alone: {libs / floor:.1f} x python -c pass; "
          f"editcheck en.md above that floor: {(ec - libs) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
