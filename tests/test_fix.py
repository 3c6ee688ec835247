"""--fix / --unsafe-fixes / --diff: fixes that cannot damage a draft (editcheck/fix.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editcheck import fix as fixmod
from editcheck.engine import Checker, Options
from editcheck.model import Edit, Finding, Fix, Severity
from editcheck.rules.builtin.ec602_breadcrumb_residue import line_span

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
DRAFT = (FIXTURES / "ar-draft.txt").read_text(encoding="utf-8")
#: ar-draft.txt after the safe fixes: EC501 مساءاً -> مساءً and EC601 residue removed (the
#: residue line with the blank line before it: the draft ends on its last paragraph)
SAFE = DRAFT.replace("مساءاً", "مساءً").replace("\n\nشارك الخبر\n", "\n")
#: ... and after the unsafe ones too: EC602 removes the breadcrumb line (its last segment repeats
#: the headline, so the trail alone would leave a copy of it), EC301 the headline's urgency label
UNSAFE = SAFE.removeprefix("الرئيسية / اقتصاد / عاجل: افتتاح ميناء جديد في العقبة!\n").replace("عاجل: ", "")


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editcheck", *args], capture_output=True, text=True, cwd=cwd)


def _copy(tmp_path: Path, name: str = "ar-draft.txt", data: bytes | None = None) -> Path:
    path = tmp_path / name
    path.write_bytes(data if data is not None else (FIXTURES / "ar-draft.txt").read_bytes())
    return path


def _finding(start: int, end: int, edits: list[tuple[int, int, str]], safe: bool = True, match: str = "") -> Finding:
    return Finding(code="EC999", name="t", family="t", severity=Severity.WARNING, message="m", start=start, end=end,
                   match=match, fix=Fix(tuple(Edit(*e) for e in edits), safe=safe))


def test_check_without_fix_never_writes(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    for args in ([], ["--unsafe-fixes"], ["--format", "json"]):
        proc = _cli(str(path), *args)
        assert proc.returncode in (0, 1), proc.stderr
    assert path.read_text(encoding="utf-8") == DRAFT
    assert path.stat().st_mtime == 1_000_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ar-draft.txt"]


def test_fix_applies_only_safe_fixes(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    proc = _cli(str(path), "--fix", "--format", "line")
    assert path.read_text(encoding="utf-8") == SAFE
    assert "EC501" not in proc.stdout and "EC601" not in proc.stdout  # fixed: no longer reported
    assert f"{path}:1:1: warning EC602" in proc.stdout  # unsafe: left, and said so
    assert proc.stderr == (f"editcheck: {path}: 3 more fix(es) available with --unsafe-fixes\n"
                           "editcheck: Fixed 2 finding(s) in 1 file(s)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ar-draft.txt"]  # no temporary file left


def test_unsafe_fixes(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    proc = _cli(str(path), "--fix", "--unsafe-fixes", "--format", "line")
    assert path.read_text(encoding="utf-8") == UNSAFE
    assert UNSAFE.startswith("افتتاح ميناء جديد في العقبة!\n\nنشر:")
    # EC602, EC301 on the headline, EC501, EC601 (EC301 on the breadcrumb went with its line)
    assert proc.stderr.endswith("editcheck: Fixed 4 finding(s) in 1 file(s)\n")


def test_diff_shows_and_writes_nothing(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    proc = _cli("ar-draft.txt", "--diff", cwd=tmp_path)
    assert proc.returncode == 1
    assert path.read_text(encoding="utf-8") == DRAFT
    assert proc.stdout == (
        "--- a/ar-draft.txt\n+++ b/ar-draft.txt\n@@ -1,10 +1,8 @@\n"
        " الرئيسية / اقتصاد / عاجل: افتتاح ميناء جديد في العقبة!\n عاجل: افتتاح ميناء جديد في العقبة!\n \n"
        "-نشر: سلمى العمري 3 مارس 2026 الساعة 9:00 مساءاً\n+نشر: سلمى العمري 3 مارس 2026 الساعة 9:00 مساءً\n \n"
        " افتتحت الحكومة اليوم ميناءً جديداً يستقبل 40 سفينة شهرياً، في خطوة وصفت بأنها تاريخية.\n \n"
        " ويقول الخبراء إن الميناء سيغير وجه التجارة في المنطقة.\n-\n-شارك الخبر\n")
    assert proc.stderr == "editcheck: Would fix 2 finding(s) in 1 file(s)\n"
    clean = _copy(tmp_path, "clean.txt", "الحكومة تعلن خطة النقل\n\nأعلنت الوزارة الخطة وفق بيان رسمي.\n".encode())
    done = _cli(str(clean), "--diff")
    assert done.returncode == 0 and done.stdout == ""


def test_fix_keeps_cp1256_and_crlf(tmp_path: Path) -> None:
    path = _copy(tmp_path, "legacy.txt", (FIXTURES / "ar-draft-cp1256.txt").read_bytes())
    _cli(str(path), "--fix")
    assert path.read_bytes() == SAFE.replace("\n", "\r\n").encode("cp1256")


def test_fix_keeps_utf16_bom(tmp_path: Path) -> None:
    path = _copy(tmp_path, "u16.txt", (FIXTURES / "ar-draft-utf16.txt").read_bytes())
    _cli(str(path), "--fix")
    assert path.read_bytes() == SAFE.encode("utf-16")


def test_fix_keeps_utf8_bom_cr_and_permissions(tmp_path: Path) -> None:
    path = _copy(tmp_path, "bom.txt", b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r").encode("utf-8"))
    path.chmod(0o640)
    _cli(str(path), "--fix")
    assert path.read_bytes() == b"\xef\xbb\xbf" + SAFE.replace("\n", "\r").encode("utf-8")
    assert path.stat().st_mode & 0o777 == 0o640


def test_file_untouched_when_nothing_changes(tmp_path: Path) -> None:
    path = _copy(tmp_path, "ok.txt", "الحكومة تعلن خطة النقل!\n\nأعلنت الوزارة الخطة.\n".encode())
    os.utime(path, (1_000_000_000, 1_000_000_000))
    ino = path.stat().st_ino
    proc = _cli(str(path), "--fix")
    assert proc.stderr == "editcheck: Fixed 0 finding(s) in 0 file(s)\n"
    assert path.stat().st_mtime == 1_000_000_000 and path.stat().st_ino == ino


def test_interrupted_write_leaves_the_draft_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The write fails between writing the temporary file and the rename."""
    path = _copy(tmp_path)
    findings = Checker(Options(plugins=False)).check_file(path).findings

    def crash(src: str, dst: str) -> None:
        assert Path(src).read_bytes() == SAFE.encode("utf-8")  # the new text was fully written ...
        raise OSError(28, "No space left on device")  # ... and then the rename fails

    monkeypatch.setattr(fixmod.os, "replace", crash)
    out = fixmod.fix_file(path, findings)
    assert out.error == f"{path}: cannot write the fixed draft (No space left on device); the file is unchanged"
    assert not out.written and out.fixed == []
    assert path.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ar-draft.txt"]


def test_interrupted_by_keyboard_interrupt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(tmp_path)
    findings = Checker(Options(plugins=False)).check_file(path).findings

    def interrupt(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fixmod.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        fixmod.fix_file(path, findings)
    assert path.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ar-draft.txt"]


def test_file_changed_since_the_check_is_not_fixed(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    findings = Checker(Options(plugins=False)).check_file(path).findings
    path.write_text("سطر جديد\n" + DRAFT, encoding="utf-8")
    out = fixmod.fix_file(path, findings)
    assert out.error == f"{path}: changed since it was checked; not fixed (run editcheck again)"
    assert path.read_text(encoding="utf-8") == "سطر جديد\n" + DRAFT


def test_unencodable_replacement_leaves_a_legacy_file_alone(tmp_path: Path) -> None:
    path = _copy(tmp_path, "legacy.txt", "abc def\n".encode("cp1256"))
    f = _finding(0, 3, [(0, 3, "\u263a")], match="abc")
    out = fixmod.fix_file(path, [f], encoding="cp1256")
    assert out.error == f"{path}: the fixed text cannot be saved as cp1256; not fixed"
    assert path.read_bytes() == b"abc def\n"


def test_overlapping_fixes_are_skipped() -> None:
    a = _finding(0, 5, [(0, 5, "X")])
    b = _finding(3, 8, [(3, 8, "Y")])  # overlaps a
    c = _finding(8, 9, [(8, 9, "")])  # touches b's end, not a's
    d = _finding(10, 10, [(10, 10, "+")])
    e = _finding(10, 10, [(10, 10, "-")])  # two insertions at one offset: ambiguous
    same = _finding(0, 5, [(0, 5, "X")])  # the same edit as a: shared, applied once
    unsafe = _finding(12, 13, [(12, 13, "")], safe=False)
    edits, fixed, skipped = fixmod.choose_fixes([e, d, c, b, a, same, unsafe])
    assert fixed == [a, same, c, e] and skipped == [b, d, unsafe]  # same position: first come, first served
    assert fixmod.apply_edits("0123456789abcdef", edits) == "X5679-abcdef"


def test_apply_edits_rejects_overlaps() -> None:
    with pytest.raises(ValueError):
        fixmod.apply_edits("abcdef", [Edit(0, 3, ""), Edit(2, 4, "")])
    with pytest.raises(ValueError):
        fixmod.apply_edits("abc", [Edit(2, 9, "")])


def test_docx_and_stdin_are_never_written(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in DRAFT.split("\n"):
        d.add_paragraph(line)
    path = tmp_path / "d.docx"
    d.save(str(path))
    before = path.read_bytes()
    proc = _cli(str(path), "--fix")
    assert proc.returncode == 2
    assert f"editcheck: error: {path}: fixes are not applied to Word files; make them in Word" in proc.stderr.splitlines()
    assert path.read_bytes() == before
    named = _copy(tmp_path, "named.txt")
    stdin = subprocess.run([sys.executable, "-m", "editcheck", "-", "--stdin-filename", str(named), "--fix"],
                           input=DRAFT, capture_output=True, text=True)
    assert (stdin.returncode, stdin.stderr) == (2, "editcheck: error: --fix and --diff work on files, not on standard input\n")
    assert named.read_text(encoding="utf-8") == DRAFT


#: the seed draft's headline without its urgency label
SEED_HEADLINE = "تحالف أمني استراتيجي.. السعودية وكازاخستان تتفقان على خطة أمنية مشتركة لمكافحة المخدرات والجريمة!"


def test_seed_draft_one_fix_run_removes_every_label(tmp_path: Path, examples: Path) -> None:
    """The user's report: one --fix --unsafe-fixes run left "عاجل:" in the front-matter title
    (EC301 never looked at a title shown at the "#" heading), and the re-check then called the
    heading a pasted copy of the title (EC101). One run now leaves a stable draft."""
    path = tmp_path / "seed-draft.md"
    original = (examples / "seed-draft.md").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    proc = _cli(str(path), "--fix", "--unsafe-fixes", "--format", "line")
    assert proc.returncode == 1, proc.stderr
    # EC301 x3 (title, heading, pasted copy), EC501 مساءاً, EC601 "شارك الخبر"
    assert proc.stderr == "editcheck: Fixed 5 finding(s) in 1 file(s)\n"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[1] == f'title: "{SEED_HEADLINE}"'
    assert lines[8] == f"# {SEED_HEADLINE}"
    assert lines[10] == SEED_HEADLINE
    assert lines[12] == "نشر: verified icon أمجد الحبيشي 20 ديسمبر 2025 الساعة 10:00 مساءً"
    changed = [i + 1 for i, (a, b) in enumerate(zip(original.split("\n"), lines, strict=False)) if a != b]
    assert changed == [2, 9, 11, 13]
    assert not path.read_text(encoding="utf-8").rstrip("\n").endswith("شارك الخبر")
    again = _cli(str(path), "--format", "json")
    rows = [(f["code"], f["line"], f["column"]) for fl in json.loads(again.stdout)["files"] for f in fl["findings"]]
    assert rows == [
        ("EC402", 6, 10), ("EC401", 9, 3), ("EC304", 9, 14), ("EC305", 9, 14), ("EC302", 9, 99),
        ("EC101", 11, 1), ("EC304", 11, 12), ("EC603", 13, 6),
        ("EC304", 15, 9), ("EC304", 15, 19), ("EC304", 15, 57), ("EC403", 15, 70), ("EC304", 15, 133),
        ("EC403", 15, 172), ("EC304", 15, 287), ("EC304", 15, 292),
        ("EC304", 17, 18), ("EC203", 17, 235), ("EC304", 17, 291), ("EC403", 17, 383),
        ("EC304", 19, 47), ("EC304", 19, 59), ("EC203", 19, 165), ("EC304", 19, 175), ("EC304", 19, 243),
        ("EC201", 19, 350), ("EC202", 21, 157), ("EC304", 21, 226), ("EC304", 21, 294),
        ("EC203", 23, 146), ("EC306", 23, 281), ("EC304", 23, 340),
    ]
    # the report printed by the --fix run is the re-check's, not the pre-fix findings
    assert proc.stdout == _cli(str(path), "--format", "line").stdout
    # stable: a second run has nothing left to fix
    assert _cli(str(path), "--fix", "--unsafe-fixes").stderr == "editcheck: Fixed 0 finding(s) in 0 file(s)\n"


def test_fix_iterates_until_stable(tmp_path: Path) -> None:
    """A doubled label: pass 1 removes the first "عاجل:", the re-check finds the second."""
    draft = "# عاجل: عاجل: الحكومة تعلن خطة النقل الجديدة\n\nأعلنت الوزارة الخطة وفق بيان رسمي.\n"
    path = _copy(tmp_path, "d.md", draft.encode())
    diff = _cli("d.md", "--diff", "--unsafe-fixes", cwd=tmp_path)
    assert diff.stdout == ("--- a/d.md\n+++ b/d.md\n@@ -1,3 +1,3 @@\n-# عاجل: عاجل: الحكومة تعلن خطة النقل الجديدة\n"
                           "+# الحكومة تعلن خطة النقل الجديدة\n \n أعلنت الوزارة الخطة وفق بيان رسمي.\n")
    assert diff.stderr == "editcheck: Would fix 2 finding(s) in 1 file(s)\n"
    assert path.read_text(encoding="utf-8") == draft
    safe = _cli(str(path), "--fix")  # nothing safe to fix: the unsafe count is the draft's
    assert safe.stderr == (f"editcheck: {path}: 1 more fix(es) available with --unsafe-fixes\n"
                           "editcheck: Fixed 0 finding(s) in 0 file(s)\n")
    proc = _cli(str(path), "--fix", "--unsafe-fixes", "--format", "line")
    assert path.read_text(encoding="utf-8") == draft.replace("عاجل: ", "")
    assert proc.stderr == "editcheck: Fixed 2 finding(s) in 1 file(s)\n" and proc.stdout == ""


def test_fix_text_passes_limit_and_cycles() -> None:
    """fix_text stops after max_passes, and when a pass brings back a text seen before."""
    def grow(text: str) -> list[Finding]:  # always offers one more "x"
        return [_finding(0, 0, [(0, 0, "x")])]

    text, fixed, skipped, remaining, passes = fixmod.fix_text("a", grow("a"), recheck=grow, max_passes=3)
    assert (text, len(fixed), len(passes), skipped) == ("xxxa", 3, 3, [])
    assert remaining is not None and len(remaining) == 1  # the fourth fix, not applied

    def flip(text: str) -> list[Finding]:  # a <-> b for ever
        return [_finding(0, 1, [(0, 1, "b" if text == "a" else "a")], match=text)]

    text, fixed, _skipped, _remaining, passes = fixmod.fix_text("a", flip("a"), recheck=flip)
    assert (text, len(fixed), len(passes)) == ("b", 1, 1)
    # without a recheck: one pass, as before
    text, fixed, _skipped, remaining, passes = fixmod.fix_text("a", grow("a"))
    assert (text, len(passes), remaining) == ("xa", 1, None)


def test_fix_report_keeps_cross_file_findings(tmp_path: Path) -> None:
    """The report after --fix is the fixed text's re-check plus the corpus findings (EC102),
    which a check of one text cannot give: computed again over every draft."""
    (tmp_path / "a.md").write_text("# الحكومة تقر موازنة العام المقبل\n\nأقر مجلس الوزراء الموازنة، بحسب وكالة الأنباء.\n",
                                   encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("نشر مساءاً\n\n# الحكومة تقر موازنة العام المقبل\n\nأقر المجلس الموازنة أمس، وفقاً لبيان رسمي.\n",
                 encoding="utf-8")
    proc = _cli("a.md", "b.md", "--fix", "--format", "line", cwd=tmp_path)
    assert b.read_text(encoding="utf-8").startswith("نشر مساءً\n")
    assert [line.split(" ")[0:3] for line in proc.stdout.splitlines()] == [["b.md:3:3:", "warning", "EC102"]]


def _rows(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int, int, str]]:
    """``(path, code, line, column, match)`` of each finding of a JSON report."""
    return [(fl["path"], f["code"], f["line"], f["column"], f["match"])
            for fl in json.loads(proc.stdout)["files"] for f in fl["findings"]]


def test_breadcrumb_repeating_the_headline_is_removed_whole(tmp_path: Path) -> None:
    """The user's report: removing only the trail left "Fed holds rates" as a paragraph, a new
    EC101 error (exit 0 -> 1). EC602's fix now removes the line, and the blank line after it."""
    path = _copy(tmp_path, "e1.md", b"# Fed holds rates\n\nHome > News > Business > Fed holds rates\n\n"
                                    b"The Federal Reserve held rates at 5%, Reuters reported.\n")
    before = _cli("e1.md", "--format", "json", cwd=tmp_path)
    assert before.returncode == 0
    assert _rows(before) == [("e1.md", "EC602", 3, 1, "Home > News > Business >"),
                             ("e1.md", "EC101", 3, 26, "Fed holds rates")]  # EC101: a warning on a breadcrumb
    proc = _cli("e1.md", "--fix", "--unsafe-fixes", "--format", "json", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "editcheck: Fixed 1 finding(s) in 1 file(s)\n")
    assert path.read_text(encoding="utf-8") == ("# Fed holds rates\n\n"
                                                "The Federal Reserve held rates at 5%, Reuters reported.\n")
    assert _rows(proc) == []
    fresh = _cli("e1.md", "--format", "json", cwd=tmp_path)
    assert (fresh.returncode, fresh.stdout) == (0, proc.stdout)


def test_breadcrumb_trail_alone_when_its_title_is_not_the_headline(tmp_path: Path) -> None:
    """A trail whose last segment does not repeat the headline: the fix removes the trail only
    (the segment may be the draft's only title), as before."""
    draft = "Home > News > Fed holds rates\nThe Federal Reserve held rates at 5%, Reuters reported on Monday.\n"
    path = _copy(tmp_path, "e2.txt", draft.encode())
    _cli(str(path), "--fix", "--unsafe-fixes")
    assert path.read_text(encoding="utf-8") == draft.removeprefix("Home > News > ")


def test_line_span() -> None:
    """The span EC602 removes for a breadcrumb line repeating the headline."""
    text = "# T\n\nHome > T\n\n\nBody.\n"
    s = text.index("Home")
    assert text[slice(*line_span(text, s, s + 8))] == "Home > T\n\n\n"  # with the blank lines after it
    crlf = "Home > T  \r\n\r\nBody.\r\n"
    assert line_span(crlf, 0, 8) == (0, crlf.index("Body"))
    last = "Body.\n\nHome > T\n"  # the last content: the blank line before it goes, one break stays
    s = last.index("Home")
    assert last[: line_span(last, s, s + 8)[0]] == "Body.\n"
    html = "<p>Home &gt; T</p>\n"  # markup on the line: the block's span only
    assert line_span(html, 3, 14) == (3, 14)


#: the seed article's findings after --fix --unsafe-fixes: (code, line, column, match)
SEED_ARTICLE_FIXED = [
    ("EC401", 1, 1, SEED_HEADLINE), ("EC304", 1, 12, "استراتيجي"), ("EC305", 1, 12, "استراتيجي"), ("EC302", 1, 97, "!"),
    ("EC101", 3, 1, SEED_HEADLINE), ("EC304", 3, 12, "استراتيجي"),
    ("EC603", 5, 6, "verified icon"),
    ("EC304", 7, 9, "استراتيجي"), ("EC304", 7, 19, "مفصلي"), ("EC304", 7, 57, "تاريخياً"), ("EC403", 7, 70, "12 مسؤولاً"),
    ("EC304", 7, 133, "محورية"), ("EC403", 7, 172, "9000 كيلومتر"), ("EC304", 7, 287, "نادر"), ("EC304", 7, 292, "يعيد تعريف"),
    ("EC304", 9, 18, "استراتيجي"), ("EC203", 9, 235, "اللواء أحمد المحلل الأمني"), ("EC304", 9, 291, "نقلة نوعية"),
    ("EC403", 9, 383, "200 سنة"),
    ("EC304", 11, 47, "استراتيجي"), ("EC304", 11, 59, "فريد"), ("EC203", 11, 165, "د. محمد الاستراتيجي"),
    ("EC304", 11, 175, "استراتيجي"), ("EC304", 11, 243, "محوري"), ("EC201", 11, 350, "الخبراء يتوقعون"),
    ("EC202", 13, 157, "أحد المرافقين"), ("EC304", 13, 226, "استثنائي"), ("EC304", 13, 294, "مهيب"),
    ("EC203", 15, 146, "الدبلوماسي السابق خالد التحليلي"),
    ("EC306", 15, 281, "السؤال الذي يطرح نفسه الآن: هل ستصبح هذه الشراكة الأمنية الاستراتيجية نموذجاً يُحتذى به "
                       "للتعاون الدولي في مواجهة تحديات الأمن المعاصرة؟"),
    ("EC304", 15, 340, "استراتيجية"),
]


def test_seed_article_breadcrumb_fix_adds_no_headline_copy(tmp_path: Path, examples: Path) -> None:
    """seed-article.txt: a breadcrumb line ending in the headline, then the headline, then a
    pasted copy of it (one EC101 error). --fix --unsafe-fixes removed only the trail and left a
    second copy (EC101 errors at 2:1 and 4:1); the breadcrumb line now goes whole, and the
    one error left is the copy the draft already had."""
    path = tmp_path / "seed-article.txt"
    path.write_bytes((examples / "seed-article.txt").read_bytes())
    before = json.loads(_cli(str(path), "--format", "json").stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in before if f["severity"] == "error"] == [("EC101", 4, 1)]
    assert [(f["line"], f["match"]) for f in before if f["code"] == "EC403"] == [
        (8, "12 مسؤولاً"), (8, "9000 كيلومتر"), (10, "200 سنة")]
    proc = _cli(str(path), "--fix", "--unsafe-fixes", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    # EC602 (the line, with EC301 and EC101 on it), EC301 x2 (headline, copy), EC501, EC601
    assert proc.stderr == "editcheck: Fixed 5 finding(s) in 1 file(s)\n"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[:3] == [SEED_HEADLINE, "", SEED_HEADLINE]
    assert [(code, line, col, match) for _p, code, line, col, match in _rows(proc)] == SEED_ARTICLE_FIXED
    fixed = json.loads(proc.stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"]) for f in fixed if f["severity"] == "error"] == [("EC101", 3)]  # was 4: one line less
    assert "14" in next(f["message"] for f in fixed if f["code"] == "EC305")  # the hype count is the draft's again
    fresh = _cli(str(path), "--format", "json")
    assert fresh.stdout == proc.stdout
    assert _cli(str(path), "--fix", "--unsafe-fixes").stderr == "editcheck: Fixed 0 finding(s) in 0 file(s)\n"


def test_fix_report_cross_file_findings_are_a_fresh_checks(tmp_path: Path) -> None:
    """The user's report: after --fix, z.md's EC102 kept its old match ("عاجل: ...") at its new,
    shorter span. Corpus findings are now computed again from the fixed drafts."""
    folder = tmp_path / "t7"
    folder.mkdir()
    (folder / "z.md").write_text("# عاجل: الحكومة تقر الموازنة العامة\n\nأقرت الحكومة الموازنة، بحسب وكالة الأنباء "
                                 "السعودية.\n", encoding="utf-8")
    (folder / "b.md").write_text("# الحكومة تقر الموازنة العامة\n\nأقرت الحكومة الموازنة العامة للعام المقبل، بحسب "
                                 "وكالة الأنباء السعودية.\n", encoding="utf-8")
    proc = _cli("t7", "--fix", "--unsafe-fixes", "--format", "json", cwd=tmp_path)
    assert proc.stderr == "editcheck: Fixed 1 finding(s) in 1 file(s)\n"
    [f] = [f for fl in json.loads(proc.stdout)["files"] for f in fl["findings"]]
    assert (f["code"], f["line"], f["column"], f["end_line"], f["end_column"], f["start"], f["end"], f["match"]) == (
        "EC102", 1, 3, 1, 30, 2, 29, "الحكومة تقر الموازنة العامة")
    assert proc.stdout == _cli("t7", "--format", "json", cwd=tmp_path).stdout


def test_fix_report_cross_file_findings_follow_a_fixed_headline(tmp_path: Path) -> None:
    """A fix can move the first occurrence (a.txt's breadcrumb line goes: line 2 -> 1) and turn
    a near duplicate into an exact one (b.md's مساءاً -> مساءً): the related location and the
    message follow, as in a fresh check."""
    (tmp_path / "a.txt").write_text("الرئيسية / اقتصاد / الحكومة تقر الموازنة العامة مساءً\nالحكومة تقر الموازنة "
                                    "العامة مساءً\n\nأقرت الحكومة الموازنة، بحسب وكالة الأنباء السعودية.\n",
                                    encoding="utf-8")
    (tmp_path / "b.md").write_text("# الحكومة تقر الموازنة العامة مساءاً\n\nأقرت الحكومة الموازنة العامة للعام المقبل، "
                                   "بحسب وكالة الأنباء السعودية.\n", encoding="utf-8")
    before = json.loads(_cli("a.txt", "b.md", "--format", "json", cwd=tmp_path).stdout)["files"][1]["findings"]
    assert [(f["code"], f["match"], f["related"][0]["line"]) for f in before if f["code"] == "EC102"] == [
        ("EC102", "الحكومة تقر الموازنة العامة مساءاً", 2)]
    proc = _cli("a.txt", "b.md", "--fix", "--unsafe-fixes", "--format", "json", cwd=tmp_path)
    assert proc.stderr == "editcheck: Fixed 2 finding(s) in 2 file(s)\n"
    assert _rows(proc) == [("b.md", "EC102", 1, 3, "الحكومة تقر الموازنة العامة مساءً")]
    [f] = json.loads(proc.stdout)["files"][1]["findings"]
    assert f["message"] == "العنوان نفسه في a.txt؛ امنح كل خبر عنواناً خاصاً به"
    assert f["related"] == [{"path": "a.txt", "line": 1, "column": 1, "message": "first occurrence"}]
    assert proc.stdout == _cli("a.txt", "b.md", "--format", "json", cwd=tmp_path).stdout
