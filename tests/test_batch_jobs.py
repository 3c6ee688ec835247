"""``--jobs``: a batch built from the shared corpus gives byte-identical reports with 1 and 2 jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ci_helpers import editcheck

from editcheck.batch import MIN_FILES_PER_JOB, _parallel, chunk_size, run_batch
from editcheck.engine import Checker, Options, run


def write_batch(corpus: Path, folder: Path, n: int) -> list[Path]:
    """Write ``n`` Markdown drafts built from the shared corpus into ``folder``: articles
    (title + body) from ``ar_articles.jsonl`` and ``en_articles.jsonl``, then the same bodies
    under the unlabelled Arabic titles; every 50th draft repeats an earlier headline so the
    cross-file rule (EC102) has work across chunks and workers. Returns the paths, sorted."""
    records = []
    for name in ("ar_articles.jsonl", "en_articles.jsonl"):
        with open(corpus / name, encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh if line.strip()]
    with open(corpus / "ar_titles_unlabelled.jsonl", encoding="utf-8") as fh:
        titles = [json.loads(line)["title"] for line in fh if line.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        rec = records[i % len(records)]
        title = rec["title"] if i < len(records) else titles[i % len(titles)]
        if i and i % 50 == 0:
            title = records[(i // 50) % len(records)]["title"]
        path = folder / f"{i // 100:02d}" / f"draft-{i:05d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"# {title}\n\n{rec['body']}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_chunk_size() -> None:
    assert [chunk_size(n, 2) for n in (1, 16, 100, 2000, 100000)] == [1, 1, 6, 64, 64]


def test_jobs_1_and_2_give_identical_json(corpus: Path, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    write_batch(corpus, batch, 400)
    one = editcheck(str(batch), "--format", "json", "--jobs", "1", cwd=tmp_path)
    two = editcheck(str(batch), "--format", "json", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert data["summary"]["files"] == 400
    assert [f["path"] for f in data["files"]] == sorted(f["path"] for f in data["files"])
    ec102 = [f for f in data["files"] for x in f["findings"] if x["code"] == "EC102"]
    assert len(ec102) >= 7  # the repeated headlines were found across chunks


def test_run_batch_matches_engine_run(corpus: Path, tmp_path: Path) -> None:
    write_batch(corpus, tmp_path, 4 * MIN_FILES_PER_JOB)
    opts = Options(plugins=False)
    serial = run([str(tmp_path)], opts)
    ticks: list[tuple[int, int]] = []
    parallel = run_batch([str(tmp_path)], opts, jobs=2, progress=False, on_progress=lambda d, t: ticks.append((d, t)))
    assert [(r.path, [f.to_dict() for f in r.findings]) for r in parallel] == \
        [(r.path, [f.to_dict() for f in r.findings]) for r in serial]
    assert sum(1 for _ in ticks) >= 2 and ticks[-1][1] == 4 * MIN_FILES_PER_JOB


def test_stdin_and_files_keep_input_order(tmp_path: Path) -> None:
    for i in range(2 * MIN_FILES_PER_JOB):
        (tmp_path / f"d{i:02d}.md").write_text(f"# Headline number {i} about the vote\n\nShare this story\n", encoding="utf-8")
    proc = editcheck("d05.md", "-", str(tmp_path), "-f", "json", "--jobs", "2", "--stdin-filename", "in.md",
                     cwd=tmp_path, stdin="# From standard input today\n\nShare this story\n")
    paths = [f["path"] for f in json.loads(proc.stdout)["files"]]
    assert paths[:2] == ["d05.md", "in.md"] and len(paths) == 2 + 2 * MIN_FILES_PER_JOB


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="jobs must be 1 or more"):
        run_batch(["x.md"], Options(), jobs=0)


def test_spawned_workers_build_their_own_checker(corpus: Path, tmp_path: Path) -> None:
    """Without ``fork`` (macOS, Windows) workers cannot inherit the parent's checker: each
    builds one in the pool initializer, and the findings are the same as with ``fork``."""
    paths = write_batch(corpus, tmp_path, 2 * MIN_FILES_PER_JOB)
    files = [(i, str(p), p.name) for i, p in enumerate(paths)]
    checker = Checker(Options(plugins=False))
    by_method = {m: _parallel(files, checker, 2, lambda n: None, method=m) for m in ("fork", "spawn")}
    assert by_method["fork"].keys() == by_method["spawn"].keys() == set(range(len(paths)))
    for i in range(len(paths)):
        fork, spawn = by_method["fork"][i], by_method["spawn"][i]
        assert [f.to_dict() for f in fork.findings] == [f.to_dict() for f in spawn.findings]
    assert any(r.findings for r in by_method["fork"].values())
