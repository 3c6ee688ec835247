"""Word (.docx) and HTML drafts: structure, exact positions, missing extras (issue #5)."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest

from editcheck.engine import Checker, Options, expand_paths

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"


def _checker() -> Checker:
    return Checker(Options(plugins=False))


def _rows(path: Path, code: str | None = None) -> list[tuple[str, int, int, str]]:
    result = _checker().check_file(path)
    assert result.error is None, result.error
    return [(f.code, f.line, f.column, f.match) for f in result.findings if code is None or f.code == code]


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editcheck", *args], capture_output=True, text=True, cwd=cwd)


def _write_docx(lines: list[str], path: Path, styles: dict[int, str] | None = None,
                table: list[list[str]] | None = None) -> Path:
    """A .docx with one paragraph per entry of ``lines`` (``styles`` maps 0-based index to a style)."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for i, line in enumerate(lines):
        d.add_paragraph(line, style=(styles or {}).get(i))
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    d.save(str(path))
    return path


def _seed_html(seed_lines: list[str]) -> str:
    """The seed article as a CMS page: <h1> for the headline, <p> per paragraph, page chrome around."""
    parts = ['<!DOCTYPE html>', '<html lang="ar">', '<head><title>صفحة</title>',
             "<script>var x = '<p>عاجل!</p>';</script>", '</head>', '<body>', '<nav>الرئيسية / أخبار</nav>', '<article>']
    for i, line in enumerate(seed_lines):
        if line.strip():
            tag = "h1" if i == 1 else "p"
            parts.append(f"<{tag}>{html.escape(line, quote=False)}</{tag}>")
    parts += ['</article>', '</body>', '</html>', '']
    return "\n".join(parts)


# --- the shared seed article as .docx and .html --------------------------------------------


def test_seed_article_as_docx_reports_the_same_faults_at_paragraph_positions(examples: Path, tmp_path: Path) -> None:
    seed = examples / "seed-article.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    path = _write_docx(lines, tmp_path / "seed.docx", styles={1: "Heading 1"})
    txt = _rows(seed)
    docx_rows = _rows(path)
    # one paragraph per line: every finding at the same line (paragraph) and column (character)
    assert docx_rows == txt
    assert ("EC501", 6, 61, "مساءاً") in docx_rows
    assert ("EC601", 18, 1, "شارك الخبر") in docx_rows
    assert ("EC602", 1, 1, "الرئيسية / شؤون محلية /") in docx_rows
    assert ("EC302", 2, 103, "!") in docx_rows


def test_seed_article_as_html_reports_source_lines_and_columns(examples: Path, tmp_path: Path) -> None:
    seed = examples / "seed-article.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    page = _seed_html(lines)
    path = tmp_path / "seed.html"
    path.write_text(page, encoding="utf-8")
    txt = _rows(seed)
    got = _rows(path)
    assert [(c, m) for c, _, _, m in got] == [(c, m) for c, _, _, m in txt]
    # every span is the original HTML source at the reported line and column
    src_lines = page.split("\n")
    for _, line, col, match in got:
        if match:
            assert src_lines[line - 1][col - 1: col - 1 + len(match)] == match
    # seed line 2 (headline) is source line 10 after "<h1>"; line 6 (byline) is source line 12 after "<p>"
    assert ("EC302", 10, 4 + 103, "!") in got
    assert ("EC501", 12, 3 + 61, "مساءاً") in got


# --- our own drafts ------------------------------------------------------------------------


def test_html_fixture_exact_findings() -> None:
    got = _rows(FIXTURES / "ar-draft.html")
    assert got == [
        ("EC301", 12, 5, "عاجل"),
        ("EC302", 12, 45, "!"),
        ("EC501", 13, 68, "مساءاً"),
        ("EC304", 16, 20, "تاريخية"),
        ("EC201", 18, 10, "الخبراء"),
        ("EC601", 20, 4, "شارك الخبر"),
    ]


def test_html_skips_script_style_nav_pre_code_and_chrome_outside_article() -> None:
    result = _checker().check_file(FIXTURES / "ar-draft.html")
    lines = {f.line for f in result.findings}
    # <title> (5), <style> (6), <script> (7), <nav> (10), the comment (14), <pre> (19), <footer> (22)
    assert not lines & {5, 6, 7, 10, 14, 19, 22}


def test_html_headline_inline_tags_entities_and_crlf(tmp_path: Path) -> None:
    page = ("<html>\r\n<body>\r\n<h1>عاجل: <em>الحكومة</em> تعلن خطة النقل!</h1>\r\n"
            "<p>قال الوزير &quot;نبدأ غداً&quot; في مؤتمر &amp; لقاء الساعة 8 مساءاً.</p>\r\n"
            "<p>الخبراء<br>يتوقعون ارتفاع الأسعار.</p>\r\n</body>\r\n</html>\r\n")
    path = tmp_path / "crlf.htm"
    path.write_bytes(page.encode("utf-8"))
    got = _rows(path)
    assert ("EC301", 3, 5, "عاجل") in got
    assert ("EC302", 3, 42, "!") in got
    assert ("EC501", 4, 66, "مساءاً") in got
    assert ("EC201", 5, 4, "الخبراء<br>يتوقعون") in got
    result = _checker().check_file(path)
    assert result.findings and result.lang == "ar"


def test_html_title_is_the_headline_without_h1(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text("<html><head><title>عاجل: الحكومة تعلن خطة النقل!</title></head>\n"
                    "<body><p>أعلنت وزارة النقل الخطة وفق بيان رسمي.</p></body></html>\n", encoding="utf-8")
    got = _rows(path)
    assert ("EC302", 1, 48, "!") in got
    assert ("EC301", 1, 20, "عاجل") in got


def test_docx_styles_quotes_tables_and_line_breaks(tmp_path: Path) -> None:
    lines = ["الرئيسية / اقتصاد / أخبار", "عاجل: افتتاح ميناء جديد في العقبة!", "نشر: سلمى العمري",
             "افتتحت الحكومة اليوم ميناءً جديداً الساعة 9 مساءاً.", "ويقول الخبراء إن الميناء سيغير وجه التجارة.",
             "قال مدير الميناء: نستقبل أول سفينة الأحد", "", "شارك الخبر"]
    path = _write_docx(lines, tmp_path / "d.docx", styles={1: "Title", 5: "Quote"},
                       table=[["الشهر", "السفن"], ["مارس", "40 سفينة"]])
    docx = pytest.importorskip("docx")
    d = docx.Document(str(path))
    d.paragraphs[3].add_run().add_break()  # Shift+Enter inside a paragraph must not shift lines
    d.paragraphs[3].add_run("إضافة.")
    d.save(str(path))
    result = _checker().check_file(path)
    assert result.error is None
    got = [(f.code, f.line, f.column, f.match) for f in result.findings]
    assert ("EC602", 1, 1, "الرئيسية / اقتصاد /") in got
    assert ("EC302", 2, 34, "!") in got
    assert ("EC501", 4, 45, "مساءاً") in got
    assert ("EC201", 5, 7, "الخبراء") in got
    assert ("EC601", 8, 1, "شارك الخبر") in got
    # table cells come after the paragraphs, one line each, and are data (no unsourced-figure finding)
    assert not [f for f in result.findings if f.line > 8]
    from editcheck.document.loader import parse_binary

    doc = parse_binary("d.docx", path.read_bytes())
    kinds = {doc.lines.position(b.start)[0]: b.kind for b in doc.blocks}
    assert kinds[2] == "headline" and kinds[6] == "quote" and kinds[9] == "table" and kinds[12] == "table"
    assert doc.text.split("\n")[3] == "افتتحت الحكومة اليوم ميناءً جديداً الساعة 9 مساءاً. إضافة."


def test_broken_docx_is_an_input_error(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    good = tmp_path / "good.txt"
    good.write_text("عاجل: خبر!\n\nنص.\n", encoding="utf-8")
    proc = _cli(str(bad), str(good), "--format", "line")
    assert proc.returncode == 2
    assert proc.stderr == f"editcheck: error: {bad}: not a readable Word document (BadZipFile)\n"
    assert f"{good}:1:1: warning EC301" in proc.stdout


@pytest.mark.parametrize(("module", "suffix", "extra"), [("docx", ".docx", "docx"), ("bs4", ".html", "html")])
def test_missing_extra_names_the_extra_and_exits_2(tmp_path: Path, module: str, suffix: str, extra: str) -> None:
    draft = tmp_path / f"draft{suffix}"
    if suffix == ".docx":
        _write_docx(["عنوان", "نص"], draft)
    else:
        draft.write_text("<h1>عنوان</h1><p>نص</p>", encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("# عنوان\n\nنص الخبر.\n", encoding="utf-8")
    code = (f"import sys; sys.modules[{module!r}] = None\n"
            "from editcheck.cli import main\n"
            f"main([{str(draft)!r}, {str(other)!r}, '--format', 'line'])\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert f"pip install 'editcheck[{extra}]'" in proc.stderr
    assert proc.stderr.startswith(f"editcheck: error: {draft}: reading ")


def test_missing_extra_is_a_per_file_error_and_the_other_drafts_are_checked(tmp_path: Path) -> None:
    """Without beautifulsoup4 and python-docx (made unimportable, as ``import bs4`` / ``import
    docx`` see it), a folder with .html, .docx and .md drafts: one error line per unreadable
    draft on stderr, the Markdown draft still checked and reported, exit code 2; standard
    input named .html likewise."""
    (tmp_path / "a.html").write_text("<p>hello</p>", encoding="utf-8")
    (tmp_path / "b.md").write_text("# الوزير يصل إلى عمان\n\nوصل الوزير مساءاً إلى المطار.\n", encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(b"x")
    code = ("import sys; sys.modules['bs4'] = None; sys.modules['docx'] = None\n"
            "from editcheck.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    proc = subprocess.run([sys.executable, "-c", code, ".", "--format", "line"], capture_output=True, text=True,
                          cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert proc.stdout == "b.md:3:12: warning EC501 'مساءاً' صوابها 'مساءً'\n"
    assert proc.stderr == ("editcheck: error: a.html: reading HTML drafts needs beautifulsoup4: "
                           "pip install 'editcheck[html]'\n"
                           "editcheck: error: c.docx: reading .docx drafts needs python-docx: "
                           "pip install 'editcheck[docx]'\n")
    stdin = subprocess.run([sys.executable, "-c", code, "-", "b.md", "--stdin-filename", "s.html", "--format", "line"],
                           input="<p>hello</p>", capture_output=True, text=True, cwd=tmp_path)
    assert stdin.returncode == 2
    assert stdin.stdout == "b.md:3:12: warning EC501 'مساءاً' صوابها 'مساءً'\n"
    assert stdin.stderr == ("editcheck: error: s.html: reading HTML drafts needs beautifulsoup4: "
                            "pip install 'editcheck[html]'\n")


def test_folders_include_docx_and_html(tmp_path: Path) -> None:
    for name in ("a.md", "b.txt", "c.html", "d.htm", "e.docx", "f.pdf", "g.json"):
        (tmp_path / name).write_bytes(b"x")
    found = [Path(p).name for _, p in expand_paths([str(tmp_path)])]
    assert found == ["a.md", "b.txt", "c.html", "d.htm", "e.docx"]
