"""Encodings and line endings: exact positions whatever the bytes on disk (issue #5)."""

from __future__ import annotations

import codecs
import random
import subprocess
import sys
from pathlib import Path

import pytest

from editcheck.document.reader import decode
from editcheck.engine import Checker, Options
from editcheck.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"

#: What the fixture draft (tests/fixtures/inputs/ar-draft.txt) reports, in every encoding.
EXPECTED = [
    ("EC602", 1, 1, "الرئيسية / اقتصاد /"),
    ("EC301", 1, 21, "عاجل"),
    ("EC101", 1, 27, "افتتاح ميناء جديد في العقبة!"),
    ("EC301", 2, 1, "عاجل"),
    ("EC302", 2, 34, "!"),
    ("EC501", 4, 42, "مساءاً"),
    ("EC304", 6, 79, "تاريخية"),
    ("EC201", 8, 7, "الخبراء"),
    ("EC601", 10, 1, "شارك الخبر"),
]


def _rows(path: Path, **opts: object) -> list[tuple[str, int, int, str]]:
    result = Checker(Options(plugins=False, **opts)).check_file(path)  # type: ignore[arg-type]
    assert result.error is None, result.error
    return [(f.code, f.line, f.column, f.match) for f in result.findings]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editcheck", *args], capture_output=True, text=True)


def test_utf8_fixture_baseline() -> None:
    assert _rows(FIXTURES / "ar-draft.txt") == EXPECTED


def test_windows_1256_crlf_fixture_is_checked_and_named() -> None:
    path = FIXTURES / "ar-draft-cp1256.txt"
    assert b"\r\n" in path.read_bytes()
    rows = _rows(path)
    assert rows[0] == ("EC902", 1, 1, "")
    assert rows[1:] == EXPECTED
    result = Checker(Options(plugins=False)).check_file(path)
    assert result.findings[0].message == "الملف ليس بترميز UTF-8؛ قُرئ بترميز cp1256: احفظه بترميز UTF-8"


def test_legacy_encoding_finding_follows_selection_and_severity() -> None:
    """EC902 comes from the reader, yet --select/--ignore and severity overrides apply to it."""
    from editcheck.model import Severity

    path = FIXTURES / "ar-draft-cp1256.txt"
    assert _rows(path, select=("EC5",)) == [("EC501", 4, 42, "مساءاً")]
    assert _rows(path, ignore=("EC902",)) == EXPECTED
    assert _rows(path, severity_overrides={"EC902": None}) == EXPECTED
    [first] = Checker(Options(plugins=False, severity_overrides={"EC902": Severity.WARNING})).check_file(path).findings[:1]
    assert (first.code, first.severity) == ("EC902", Severity.WARNING)
    proc = _cli(str(path), "--format", "line", "--select", "EC902")
    assert proc.stdout.splitlines() == [
        f"{path}:1:1: info EC902 الملف ليس بترميز UTF-8؛ قُرئ بترميز cp1256: احفظه بترميز UTF-8"]


def test_utf16_bom_fixture() -> None:
    path = FIXTURES / "ar-draft-utf16.txt"
    assert path.read_bytes()[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    assert _rows(path) == EXPECTED


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
def test_bom_is_not_a_column(tmp_path: Path, bom: bytes) -> None:
    enc = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_BE: "utf-16-be", codecs.BOM_UTF32_LE: "utf-32-le"}[bom]
    text = (FIXTURES / "ar-draft.txt").read_text(encoding="utf-8")
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + text.encode(enc))
    assert _rows(path) == EXPECTED


def test_iso_8859_6_is_detected(tmp_path: Path) -> None:
    text = "عاجل: الحكومة تعلن خطة النقل!\n\nأعلنت الوزارة الخطة الساعة 9 مساءاً وفق بيان رسمي.\n"
    path = tmp_path / "iso.txt"
    path.write_bytes(text.encode("iso8859_6"))
    rows = _rows(path)
    assert rows[0] == ("EC902", 1, 1, "")
    assert ("EC302", 1, 29, "!") in rows
    assert ("EC501", 3, 30, "مساءاً") in rows
    assert decode(text.encode("iso8859_6"), "x").encoding == "iso8859_6"


def test_noise_is_not_decoded_by_a_code_page() -> None:
    with pytest.raises(InputError, match="not a recognised Arabic code page"):
        decode(bytes(range(0x80, 0x100)) * 3, "x")


def test_short_cp1256_text_is_detected() -> None:
    d = decode("عاجل: خبر".encode("cp1256"), "x")
    assert (d.text, d.encoding, d.fallback) == ("عاجل: خبر", "cp1256", True)


def test_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "forced.txt"
    path.write_bytes((FIXTURES / "ar-draft.txt").read_text(encoding="utf-8").encode("cp1256"))
    # forced: decoded as asked, no EC902 (the user said what it is)
    assert _rows(path, encoding="cp1256") == EXPECTED
    with pytest.raises(InputError, match="cannot decode as ascii"):
        decode(path.read_bytes(), "x", "ascii")
    with pytest.raises(InputError, match="cannot decode as no-such-codec"):
        decode(b"abc", "x", "no-such-codec")


def test_undecodable_file_exits_2_and_others_are_still_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    rnd = random.Random(5)  # noise without NUL bytes: no code page makes prose of it
    bad.write_bytes(bytes(rnd.randrange(1, 256) for _ in range(300)))
    good = tmp_path / "good.txt"
    good.write_text("عاجل: خبر مهم!\n\nنص الخبر.\n", encoding="utf-8")
    proc = _cli(str(bad), str(good), "--format", "line")
    assert proc.returncode == 2
    assert proc.stderr == (f"editcheck: error: {bad}: not valid UTF-8 (byte 0) and not a recognised Arabic code page; "
                           "use --encoding to name it\n")
    assert f"{good}:1:1: warning EC301" in proc.stdout


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_give_the_same_positions(tmp_path: Path, newline: str) -> None:
    text = (FIXTURES / "ar-draft.txt").read_text(encoding="utf-8")
    path = tmp_path / "nl.txt"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    assert _rows(path) == EXPECTED


def test_mixed_line_endings(tmp_path: Path) -> None:
    lines = (FIXTURES / "ar-draft.txt").read_text(encoding="utf-8").split("\n")
    ends = ["\r\n", "\n", "\r", "\r\n", "\n", "\r", "\r\n", "\n", "\r", "\n", ""]
    path = tmp_path / "mixed.txt"
    path.write_bytes("".join(line + end for line, end in zip(lines, ends, strict=True)).encode("utf-8"))
    assert _rows(path) == EXPECTED


def test_markdown_crlf_positions(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes("---\r\nauthor: سلمى\r\n---\r\n\r\n# عاجل: الحكومة تعلن خطة النقل!\r\n\r\nوصل الوفد الساعة 9 مساءاً.\r\n"
                     .encode())
    rows = _rows(path)
    assert ("EC301", 5, 3, "عاجل") in rows
    assert ("EC302", 5, 31, "!") in rows
    assert ("EC501", 7, 20, "مساءاً") in rows
