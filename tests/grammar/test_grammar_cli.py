"""``editcheck --grammar-server URL``: LanguageTool findings in every report format, notices,
``--grammar-required`` and the ``grammar:`` config key, through the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ltserver import FakeLanguageTool

pytest.importorskip("language_tool_python", reason="the editcheck[grammar] extra is not installed")

DRAFT = "# Budget talks\n\nThe goverment said 😀😀 that He go to the ministry.\n"


def editcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "CI")} | {"NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "editcheck", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd, env=env)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_line_format(lt_server: FakeLanguageTool, draft: Path) -> None:
    # two emoji before "He go" are 4 UTF-16 units for LanguageTool but 2 columns here: 28, not 30
    proc = editcheck("--grammar-server", lt_server.url, "-f", "line", draft.name, cwd=draft.parent)
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.splitlines() == [
        "draft.md:3:5: warning EC511 Possible spelling mistake found. (LanguageTool MORFOLOGIK_RULE_EN_US, TYPOS)",
        "draft.md:3:28: warning EC510 The pronoun 'He' is usually used with a third-person or a past tense verb. "
        "(LanguageTool HE_VERB_AGR, GRAMMAR)",
    ]


def test_json_format(lt_server: FakeLanguageTool, draft: Path) -> None:
    proc = editcheck("--grammar-server", lt_server.url, "-f", "json", draft.name, cwd=draft.parent)
    assert proc.returncode == 0
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"], f["column"], f["end_column"], f["match"], f["fix"]["safe"]) for f in findings] == [
        ("EC511", 3, 5, 14, "goverment", False), ("EC510", 3, 28, 33, "He go", False)]
    assert findings[1]["fix"]["edits"] == [{"start": 43, "end": 48, "replacement": "He goes"}]


def test_rich_format(lt_server: FakeLanguageTool, draft: Path) -> None:
    proc = editcheck("--grammar-server", lt_server.url, "--no-color", draft.name, cwd=draft.parent)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert any(ln.split()[:3] == ["3:5", "warning", "EC511"] for ln in lines), proc.stdout
    assert any(ln.split()[:3] == ["3:28", "warning", "EC510"] for ln in lines), proc.stdout


def test_nothing_listening_one_notice_same_report_and_exit(dead_url: str, tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("# عاجل: الحكومة تعلن خطة\n\nقال مسؤول إن الوفد وصل مساءاً.\n", encoding="utf-8")
    plain = editcheck("-f", "line", "--fail-on", "warning", path.name, cwd=tmp_path)
    proc = editcheck("--grammar-server", dead_url, "-f", "line", "--fail-on", "warning", path.name, cwd=tmp_path)
    assert plain.stdout != "" and proc.stdout == plain.stdout
    assert proc.returncode == plain.returncode == 1
    assert proc.stderr.splitlines() == [
        f"editcheck: notice: grammar checks skipped: cannot connect to LanguageTool at {dead_url} (connection refused): "
        "check that the server runs, or fix --grammar-server / grammar.server"]
    assert "Traceback" not in proc.stderr


def test_grammar_required_exits_2(dead_url: str, draft: Path) -> None:
    proc = editcheck("--grammar-server", dead_url, "--grammar-required", "-f", "line", draft.name, cwd=draft.parent)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith("editcheck: error: grammar checks are required (--grammar-required) but unavailable: "
                                  f"cannot connect to LanguageTool at {dead_url} (connection refused)")


def test_http_500_exit_code_unaffected(lt_server: FakeLanguageTool, draft: Path) -> None:
    lt_server.mode = "500"
    proc = editcheck("--grammar-server", lt_server.url, "-f", "line", draft.name, cwd=draft.parent)
    assert proc.returncode == 0 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"editcheck: notice: grammar checks skipped: LanguageTool at {lt_server.url} answered with an error "
        "(Error: Internal Server Error: java.lang.RuntimeException: test failure): check the server's log"]


def test_config_key_enables_grammar_with_disabled_rules(lt_server: FakeLanguageTool, draft: Path) -> None:
    (draft.parent / ".editcheck.yaml").write_text(
        f"grammar:\n  server: {lt_server.url}\n  disabled-rules: [HE_VERB_AGR]\n  timeout: 5\n", encoding="utf-8")
    proc = editcheck("-f", "line", draft.name, cwd=draft.parent)
    assert proc.returncode == 0, proc.stderr
    assert [ln.split(" ")[:3] for ln in proc.stdout.splitlines()] == [["draft.md:3:5:", "warning", "EC511"]]
    assert lt_server.requests[-1]["disabledRules"] == "HE_VERB_AGR"


def test_config_errors_name_file_line_and_key(draft: Path) -> None:
    cfg = draft.parent / ".editcheck.yaml"
    cfg.write_text("grammar:\n  server: http://localhost:8081\n  timeot: 3\n", encoding="utf-8")
    proc = editcheck("-f", "line", draft.name, cwd=draft.parent)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"editcheck: error: {cfg}:3: grammar.timeot: unknown key (did you mean 'timeout'?)"]
    cfg.write_text("spelling:\n  enabled: maybe\n", encoding="utf-8")
    proc = editcheck("-f", "line", draft.name, cwd=draft.parent)
    assert proc.stderr.splitlines() == [f"editcheck: error: {cfg}:2: spelling.enabled: expected true or false, not 'maybe'"]
