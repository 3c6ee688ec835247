"""SARIF, GitHub and JUnit reports, ``--output``, and the exit policy (issue #4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from ci_helpers import CLEAN_EN, DIRTY_EN, editcheck

from editcheck.engine import FileResult
from editcheck.model import Finding, Severity
from editcheck.report import github, junit, sarif

SCHEMA = Path(__file__).resolve().parent.parent.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

DIRTY_ROWS = [  # (line, column, code) of DIRTY_EN's findings, as the line report gives them
    (1, 35, "EC302"), (3, 1, "EC101"), (5, 1, "EC201"), (5, 25, "EC304"), (7, 1, "EC601"),
]


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """A folder with one faulty and one clean English draft."""
    (tmp_path / "dirty.md").write_text(DIRTY_EN, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN_EN, encoding="utf-8")
    return tmp_path


def _finding(code: str = "EC301", severity: Severity = Severity.WARNING, message: str = "m", line: int = 1,
             column: int = 1, match: str = "x") -> Finding:
    return Finding(code=code, name="breaking-label", family="sensational-marker", severity=severity, message=message,
                   start=0, end=len(match), match=match, path="a.md", line=line, column=column, end_line=line,
                   end_column=column + len(match))


# --- SARIF ---------------------------------------------------------------------------------


def test_sarif_of_shared_examples_validates_against_the_schema(examples: Path, tmp_path: Path) -> None:
    import jsonschema

    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is absent (the shared schemas come with the team's workspace)")
    out = tmp_path / "report.sarif"
    proc = editcheck(str(examples), "--format", "sarif", "--output", str(out))
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "editcheck"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for r in rules:
        assert set(r) >= {"id", "name", "shortDescription", "fullDescription", "helpUri", "defaultConfiguration"}
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["results"], "the shared examples have findings"
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"]
        assert loc["region"]["startLine"] >= 1
        assert len(res["partialFingerprints"]["editcheck/v1"]) == 32
    # same number of results as the json report
    data = json.loads(editcheck(str(examples), "--format", "json").stdout)
    assert len(run["results"]) == sum(len(f["findings"]) for f in data["files"])


def test_sarif_region_counts_code_points_for_arabic(tmp_path: Path) -> None:
    draft = tmp_path / "ar.md"
    draft.write_text("# عاجل: الوزير يستقيل بعد التصويت على الموازنة\n\nقال الوزير في بيان.\n", encoding="utf-8")
    proc = editcheck(str(draft), "--format", "sarif", "--select", "EC301", cwd=tmp_path)
    res = json.loads(proc.stdout)["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]) for r in res] == [
        ("EC301", "ar.md", {"startLine": 1, "startColumn": 3, "endLine": 1, "endColumn": 7, "charOffset": 2,
                            "charLength": 4, "snippet": {"text": "عاجل"}})]  # 4 code points, 8 UTF-8 bytes


def test_sarif_fingerprints_survive_lines_added_above(tmp_path: Path) -> None:
    draft = tmp_path / "dirty.md"
    draft.write_text(DIRTY_EN, encoding="utf-8")
    before = json.loads(editcheck(str(draft), "-f", "sarif", cwd=tmp_path).stdout)["runs"][0]["results"]
    draft.write_text(DIRTY_EN.replace("Share this story", "A new paragraph.\n\nShare this story"), encoding="utf-8")
    after = json.loads(editcheck(str(draft), "-f", "sarif", cwd=tmp_path).stdout)["runs"][0]["results"]

    def fps(results: list[dict[str, object]]) -> dict[str, tuple[str, int]]:
        return {r["partialFingerprints"]["editcheck/v1"]: (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])  # type: ignore[index]
                for r in results}

    b, a = fps(before), fps(after)
    assert len(b) == len(before) == 5  # unique per finding
    assert set(b) == set(a)  # the residue moved from line 7 to 9 but kept its fingerprint
    assert [a[k] for k in b if b[k][0] == "EC601"] == [("EC601", 9)]


def test_sarif_fingerprint_changes_when_the_line_is_rewritten() -> None:
    one = FileResult("missing.md", findings=[_finding(match="BREAKING")])
    two = FileResult("missing.md", findings=[_finding(match="BREAKING"), _finding(match="BREAKING", column=20)])
    fp1 = sarif.fingerprints(one)
    fp2 = sarif.fingerprints(two)
    assert fp1[0] == fp2[0] and fp2[0] != fp2[1]  # repeats get their occurrence number


def test_sarif_input_errors_are_notifications(tmp_path: Path) -> None:
    proc = editcheck(str(tmp_path / "nope.md"), "-f", "sarif")
    assert proc.returncode == 2
    inv = json.loads(proc.stdout)["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert len(inv["toolExecutionNotifications"]) == 1


# --- GitHub workflow commands --------------------------------------------------------------


def test_github_commands_are_escaped() -> None:
    f = _finding(message="50% of 'a,b': x\nnext\r", match="a")
    f.end_line, f.end_column = 2, 4
    r = FileResult("dir,1/a:b%.md", findings=[f, _finding(code="EC101", severity=Severity.ERROR, line=3, column=7),
                                              _finding(code="EC304", severity=Severity.INFO, line=4)])
    import io

    buf = io.StringIO()
    github.write([r, FileResult("gone.md", error="gone.md: no such file")], buf)
    assert buf.getvalue().splitlines() == [
        "::warning file=dir%2C1/a%3Ab%25.md,line=1,col=1,endLine=2,endColumn=4,title=EC301::"
        "50%25 of 'a,b': x%0Anext%0D [breaking-label]",
        "::error file=dir%2C1/a%3Ab%25.md,line=3,col=7,endLine=3,endColumn=8,title=EC101::m [breaking-label]",
        "::notice file=dir%2C1/a%3Ab%25.md,line=4,col=1,endLine=4,endColumn=2,title=EC304::m [breaking-label]",
        "::error file=gone.md::gone.md: no such file",
    ]


def test_github_format_from_the_cli(drafts: Path) -> None:
    proc = editcheck("dirty.md", "clean.md", "-f", "github", cwd=drafts)
    assert proc.returncode == 1
    assert [ln.split("::")[1].split(" ")[0] + " " + ln.split("title=")[1].split("::")[0] for ln in proc.stdout.splitlines()] == [
        "warning EC302", "error EC101", "warning EC201", "notice EC304", "warning EC601"]
    assert proc.stdout.splitlines()[1] == ("::error file=dirty.md,line=3,col=1,endLine=3,endColumn=34,title=EC101::"
                                           "The headline is pasted again here as a paragraph; remove the copy [duplicated-headline]")


# --- JUnit ---------------------------------------------------------------------------------


def test_junit_one_case_per_file_and_failures_at_fail_on(drafts: Path) -> None:
    proc = editcheck("dirty.md", "clean.md", "-f", "junit", "--fail-on", "warning", cwd=drafts)
    assert proc.returncode == 1
    root = ET.fromstring(proc.stdout)
    suite = root.find("testsuite")
    assert suite is not None
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["dirty.md", "clean.md"]
    assert [f.get("type") for f in cases[0].findall("failure")] == ["EC302", "EC101", "EC201", "EC601"]
    assert cases[0].findtext("system-out") == (
        "dirty.md:5:25: info EC304 Hype word 'historic': say what makes it so, or attribute the judgement")
    assert cases[1].findall("failure") == [] and cases[1].find("system-out") is None
    default = ET.fromstring(editcheck("dirty.md", "-f", "junit", cwd=drafts).stdout)
    assert [f.get("type") for f in default.iter("failure")] == ["EC101"]


def test_junit_escapes_controls_and_reports_errors() -> None:
    import io

    buf = io.StringIO()
    junit.write([FileResult("a.md", findings=[_finding(severity=Severity.ERROR, message="bad\x00 <&> \u202e")]),
                 FileResult("b.md", error="b.md: cannot read")], buf)
    root = ET.fromstring(buf.getvalue())
    assert root.find("testsuite/testcase/failure").text == "a.md:1:1: error EC301 bad<U+0000> <&> <U+202E>"  # type: ignore[union-attr]
    assert root.find("testsuite/testcase/error").get("message") == "b.md: cannot read"  # type: ignore[union-attr]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "1")


# --- --output and the exit policy ----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["line", "json", "sarif", "github", "junit", "rich"])
def test_output_file_keeps_exit_code_and_content(drafts: Path, fmt: str) -> None:
    to_stdout = editcheck("dirty.md", "-f", fmt, cwd=drafts)
    to_file = editcheck("dirty.md", "-f", fmt, "--output", "report.out", cwd=drafts)
    assert (to_stdout.returncode, to_file.returncode) == (1, 1)
    assert to_file.stdout == ""
    assert (drafts / "report.out").read_text(encoding="utf-8") == to_stdout.stdout
    assert "\x1b[" not in to_stdout.stdout  # not a terminal: no colour


def test_unwritable_output_is_exit_2(drafts: Path) -> None:
    proc = editcheck("dirty.md", "--output", str(drafts / "no" / "such" / "dir.json"), cwd=drafts)
    assert proc.returncode == 2
    assert proc.stderr.startswith("editcheck: error: cannot write report to") and proc.stderr.count("\n") == 1


@pytest.mark.parametrize(("args", "code"), [
    ((), 1),  # EC101 is an error
    (("--fail-on", "never"), 0),
    (("--fail-on", "error", "--select", "EC3,EC6"), 0),  # warnings only
    (("--fail-on", "warning", "--select", "EC3,EC6"), 1),
    (("--fail-on", "info", "--select", "EC304"), 1),
    (("--fail-on", "warning", "--select", "EC304"), 0),
])
def test_exit_code_follows_fail_on(drafts: Path, args: tuple[str, ...], code: int) -> None:
    assert editcheck("dirty.md", "-f", "line", *args, cwd=drafts).returncode == code


def test_min_severity_hides_without_changing_the_exit_code(drafts: Path) -> None:
    shown = editcheck("dirty.md", "-f", "line", "--min-severity", "error", cwd=drafts)
    assert shown.returncode == 1
    assert [ln.split(": ", 1)[1].split(" ")[1] for ln in shown.stdout.splitlines()] == ["EC101"]
    hidden = editcheck("dirty.md", "-f", "line", "--min-severity", "error", "--fail-on", "warning", "--ignore", "EC101",
                       cwd=drafts)
    assert (hidden.returncode, hidden.stdout) == (1, "")
    assert hidden.stderr == "editcheck: findings at or above --fail-on warning are hidden by --min-severity\n"


def test_fail_on_from_config(drafts: Path) -> None:
    (drafts / ".editcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    assert editcheck("dirty.md", "-f", "line", cwd=drafts).returncode == 0
    assert editcheck("dirty.md", "-f", "line", "--fail-on", "error", cwd=drafts).returncode == 1


def test_many_findings_still_exit_1(tmp_path: Path) -> None:
    # write-good exits with its count of findings, which wraps to 0 at 256
    (tmp_path / "many.md").write_text("# A calm headline about the budget vote\n\n"
                                      + "\n\n".join(["Share this story"] * 300) + "\n", encoding="utf-8")
    proc = editcheck("many.md", "-f", "line", "--fail-on", "warning", cwd=tmp_path)
    assert proc.stdout.count("EC601") == 300
    assert proc.returncode == 1


def test_bad_input_is_one_line_and_exit_2(drafts: Path) -> None:
    for args in (("missing.md",), ("dirty.md", "--jobs", "0"), ("dirty.md", "--format", "xml"),
                 ("dirty.md", "--min-severity", "loud")):
        proc = editcheck(*args, cwd=drafts)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr


def test_colour_follows_no_color_and_force_color(drafts: Path) -> None:
    forced = editcheck("dirty.md", env={"FORCE_COLOR": "1"}, cwd=drafts)
    assert "\x1b[" in forced.stdout
    both = editcheck("dirty.md", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}, cwd=drafts)
    assert "\x1b[" not in both.stdout
    assert "\x1b[" not in editcheck("dirty.md", "--no-color", env={"FORCE_COLOR": "1"}, cwd=drafts).stdout
    for fmt in ("line", "json", "sarif", "github", "junit"):  # machine formats never colour
        assert "\x1b[" not in editcheck("dirty.md", "-f", fmt, env={"FORCE_COLOR": "1"}, cwd=drafts).stdout


def test_clean_draft_exits_0_in_every_format(drafts: Path) -> None:
    for fmt in ("line", "json", "sarif", "github", "junit", "rich"):
        assert editcheck("clean.md", "-f", fmt, cwd=drafts).returncode == 0, fmt


def test_examples_copy_not_needed() -> None:
    assert shutil.which("git"), "git is needed by the CI tests"
