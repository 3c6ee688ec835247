"""The ``editcheck`` command as a user runs it: real subprocesses, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = [sys.executable, "-m", "editcheck"]
DIRTY = "# عاجل: الحكومة تخفض أسعار الوقود!\n\nوقال الوزير إن الأسعار ستنخفض الشهر المقبل.\n"
CLEAN = "# الحكومة تخفض أسعار الوقود\n\nوقال وزير الطاقة فهد السالم إن الأسعار ستنخفض الشهر المقبل.\n"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, *args], input=stdin, capture_output=True, text=True, cwd=cwd or ROOT,
                          env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}, timeout=120)


def test_line_format_and_exit_codes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(DIRTY, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(CLEAN, encoding="utf-8")
    p = run(str(bad), "--format", "line")
    assert p.returncode == 0  # only warnings: the default --fail-on is error
    assert p.stdout.splitlines() == [
        f"{bad}:1:3: warning EC301 وسم الاستعجال 'عاجل' في العنوان: رمز أولوية في الوكالات وليس جزءاً من الخبر",
        f"{bad}:1:34: warning EC302 علامة تعجب في العنوان: دع الوقائع تتكلم",
    ]
    assert run(str(bad), "--format", "line", "--fail-on", "warning").returncode == 1
    assert run(str(good), "--fail-on", "info").returncode == 0
    assert run(str(bad), "--fail-on", "never", "--quiet").stdout == ""


def test_json_report_shape(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(DIRTY, encoding="utf-8")
    data = json.loads(run(str(bad), "--format", "json").stdout)
    assert data["version"] == 1
    f = data["files"][0]["findings"][1]
    assert {k: f[k] for k in ("code", "name", "family", "severity", "line", "column", "end_line", "end_column", "match")} == {
        "code": "EC302", "name": "headline-exclamation", "family": "sensational-marker", "severity": "warning",
        "line": 1, "column": 34, "end_line": 1, "end_column": 35, "match": "!"}
    assert data["summary"]["by_severity"] == {"error": 0, "warning": 2, "info": 0}


def test_rich_report_groups_by_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(DIRTY, encoding="utf-8")
    out = run(str(bad), "--no-color").stdout
    assert out.splitlines()[0] == str(bad)
    assert "1:34" in out and "EC302" in out and "2 warning" in out


def test_stdin_with_filename_and_select_ignore() -> None:
    p = run("-", "--stdin-filename", "draft.md", "--format", "line", "--select", "EC3", "--ignore", "EC301", stdin=DIRTY)
    assert p.stdout.splitlines() == ["draft.md:1:34: warning EC302 علامة تعجب في العنوان: دع الوقائع تتكلم"]


def test_folder_recursion_and_cross_file_duplicates(tmp_path: Path) -> None:
    (tmp_path / "world").mkdir()
    (tmp_path / "world" / "a.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "world" / "b.markdown").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.rst").write_text(CLEAN, encoding="utf-8")
    p = run(str(tmp_path), "--format", "json")
    data = json.loads(p.stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["a.md", "b.markdown"]
    dup = data["files"][1]["findings"]
    assert [(f["code"], f["line"], f["related"][0]["path"]) for f in dup] == [("EC102", 1, str(tmp_path / "world" / "a.md"))]


def test_language_override_runs_only_that_languages_rules(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("# Fuel prices cut!\n\nThe minister said prices would fall.\n", encoding="utf-8")
    assert "EC302" in run(str(draft), "--format", "line").stdout
    assert run(str(draft), "--format", "line", "--lang", "ar").stdout.count("EC302") == 1


def test_usage_and_input_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    p = run(str(tmp_path / "missing.md"))
    assert p.returncode == 2
    assert p.stderr.strip().splitlines() == [f"editcheck: error: {tmp_path / 'missing.md'}: no such file"]
    assert "Traceback" not in p.stderr
    p = run("--format", "pdf", "x.md")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    p = run()
    assert p.returncode == 2 and "no drafts given" in p.stderr


def test_missing_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(DIRTY, encoding="utf-8")
    p = run(str(tmp_path / "nope.md"), str(good), "--format", "line")
    assert p.returncode == 2
    assert "EC302" in p.stdout


def test_rules_listing_and_rule_docs() -> None:
    rows = json.loads(run("rules", "--format", "json").stdout)
    by_code = {r["code"]: r for r in rows}
    assert by_code["EC301"]["name"] == "breaking-label"
    assert by_code["EC501"]["fixable"] is True and by_code["EC501"]["languages"] == ["ar"]
    assert by_code["EC304"]["languages"] == ["ar", "en"]
    doc = run("rule", "EC203").stdout
    assert doc.startswith("## EC203 fabricated-expert")
    for section in ("### What it does", "### Why is this bad?", "### Example", "### Use instead", "### Standard"):
        assert section in doc
    p = run("rule", "EC999")
    assert p.returncode == 2 and "unknown rule 'EC999'" in p.stderr


def test_version() -> None:
    from editcheck import __version__

    assert run("--version").stdout.strip() == f"editcheck {__version__}"


def test_unknown_rule_codes_are_usage_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(DIRTY, encoding="utf-8")
    p = run(str(bad), "--select", "EC3O1")
    assert p.returncode == 2
    assert p.stderr == "editcheck: error: unknown rule code 'EC3O1' in --select (did you mean EC301?)\n"
    (tmp_path / ".editcheck.yaml").write_text("severity:\n  EC999: error\n", encoding="utf-8")
    p = run(str(bad))
    assert p.returncode == 2 and "unknown rule code 'EC999' in severity" in p.stderr


HOUSE_RULE = """code: HR501
name: jadir-bil-dhikr
extends: existence
language: ar
scope: [{scope}]
message: "عبارة حشو: {{match}}"
docs: {{what: w, why: y, example: e, instead: i}}
standard: دليل الأسلوب في الجريدة
tokens: [الجدير بالذكر]
"""
QUOTED = "# خبر\n\nوالجدير بالذكر أن الوزير وصل.\n\nوقال الوزير: «الجدير بالذكر أن الاجتماع تأجل».\n"


def test_quote_scope_covers_inline_quotations(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(QUOTED, encoding="utf-8")
    for scope, expected in (("body & ~quote", [f"{draft}:3:2: warning HR501 عبارة حشو: الجدير بالذكر"]),
                            ("quote", [f"{draft}:5:15: warning HR501 عبارة حشو: الجدير بالذكر"])):
        (tmp_path / "hr.yaml").write_text(HOUSE_RULE.format(scope=scope), encoding="utf-8")
        (tmp_path / ".editcheck.yaml").write_text("extends: [ar-news, ./hr.yaml]\n", encoding="utf-8")
        assert run(str(draft), "--format", "line", "--select", "HR").stdout.splitlines() == expected, scope


def test_rule_and_rules_know_house_rules(tmp_path: Path) -> None:
    (tmp_path / "hr.yaml").write_text(HOUSE_RULE.format(scope="body"), encoding="utf-8")
    (tmp_path / ".editcheck.yaml").write_text("extends: [ar-news, ./hr.yaml]\n", encoding="utf-8")
    assert run("rule", "HR501", cwd=tmp_path).stdout.startswith("## HR501 jadir-bil-dhikr")
    assert "HR501  jadir-bil-dhikr" in run("rules", cwd=tmp_path).stdout
    assert run("rule", "HR501", "--config", str(tmp_path / ".editcheck.yaml")).returncode == 0


def test_fix_and_diff_refuse_standard_input() -> None:
    p = run("-", "--diff", stdin="# خبر\n\nوصل الوفد مساءاً.\n")
    assert p.returncode == 2
    assert p.stderr == "editcheck: error: --fix and --diff work on files, not on standard input\n"
