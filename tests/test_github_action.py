"""The composite GitHub Action (``action.yml``): its run steps, executed as bash scripts
against a local git repository with a pull-request-like history.

``uses:`` steps (setup-python, upload-sarif) run on GitHub only. The install step runs for
real into a fresh virtualenv (pip install of this checkout, dependencies from the index), so
this test is marked slow.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from ci_helpers import CLEAN_EN, DIRTY_EN, ROOT, git

pytestmark = pytest.mark.slow

_EXPR = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def _steps() -> list[dict[str, Any]]:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    return action["runs"]["steps"]


def _defaults() -> dict[str, str]:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return {k: str(v.get("default", "")) for k, v in action["inputs"].items()}


def _resolve(value: str, context: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        expr = m.group(1)
        if expr not in context:
            raise AssertionError(f"the test does not know the expression {expr!r}")
        return context[expr]

    return _EXPR.sub(sub, value)


def test_action_metadata() -> None:
    steps = _steps()
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses == ["actions/setup-python@v5", "github/codeql-action/upload-sarif@v3"]
    assert all(s.get("shell") == "bash" for s in steps if "run" in s)


def test_action_run_steps_on_a_local_pull_request(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "old.md").write_text(DIRTY_EN, encoding="utf-8")  # faulty but not part of the change
    git(repo, "add", "old.md")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    (repo / "news").mkdir()
    (repo / "news" / "new story.md").write_text(DIRTY_EN, encoding="utf-8")
    (repo / "news" / "clean.md").write_text(CLEAN_EN, encoding="utf-8")
    (repo / "script.py").write_text("x = 1\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "pull request")

    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    github_output, github_path = tmp_path / "output.txt", tmp_path / "path.txt"
    github_output.touch()
    github_path.touch()
    inputs = {**_defaults(), "base-ref": base}
    context = {f"inputs.{k}": v for k, v in inputs.items()}
    context["github.action_path"] = str(ROOT)
    outputs: dict[str, dict[str, str]] = {}
    path = os.environ.get("PATH", "")
    results = {}
    for step in _steps():
        if "run" not in step:
            continue
        for k, v in outputs.items():
            for name, val in v.items():
                context[f"steps.{k}.outputs.{name}"] = val
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
        env.update({"RUNNER_TEMP": str(runner_temp), "GITHUB_OUTPUT": str(github_output),
                    "GITHUB_PATH": str(github_path), "PATH": path})
        env.update({k: _resolve(str(v), context) for k, v in (step.get("env") or {}).items()})
        github_output.write_text("", encoding="utf-8")
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step["run"]], cwd=repo,
                              env=env, capture_output=True, text=True, check=False)
        results[step["id"]] = proc
        if step["id"] != "gate":
            assert proc.returncode == 0, f"{step['id']}: {proc.stdout}{proc.stderr}"
        outputs[step["id"]] = dict(line.split("=", 1) for line in github_output.read_text().splitlines() if "=" in line)
        added = [p for p in github_path.read_text().splitlines() if p]
        if added:
            path = os.pathsep.join([*added, path])

    assert outputs["changed"] == {"count": "2"}
    assert outputs["check"] == {"exit-code": "1"}
    gate = results["gate"]
    assert gate.returncode == 1
    assert gate.stdout == "::error title=editcheck::findings at or above fail-on in the changed drafts\n"
    annotations = results["check"].stdout.splitlines()
    assert "::error file=news/new story.md,line=3,col=1,endLine=3,endColumn=34,title=EC101::" \
           "The headline is pasted again here as a paragraph; remove the copy [duplicated-headline]" in annotations
    assert not any("old.md" in a for a in annotations)
    log = json.loads((repo / "editcheck.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"news/new%20story.md"}
