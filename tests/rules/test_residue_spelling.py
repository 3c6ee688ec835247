"""Residue and spelling: EC501 EC601 EC602 EC603."""

from __future__ import annotations

from ectest import checker, codes, rows


def test_ec501_misspelling_with_fix_and_accepted_variants() -> None:
    found = [f for f in checker().check_text("d.md", "# موعد\n\nوصل الوفد الساعة العاشرة مساءاً.\n").findings
             if f.code == "EC501"]
    assert [(f.line, f.column, f.match, f.suggestion, f.fix.safe if f.fix else None) for f in found] == [
        (3, 26, "مساءاً", "مساءً", True)]
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "مساءً"
    assert rows("# موعد\n\nوصل الوفد الساعة العاشرة مساءً.\n", code="EC501") == []
    assert rows("# موعد\n\nوقال مسؤول ومسئول آخر إن الانتخابات في موعدها.\n", code="EC501") == []
    assert rows("# موعد\n\nبدأت والإنتخابات أمس.\n", code="EC501") == [("EC501", 3, 9, "إنتخابات")]


def test_ec501_ila_is_not_illa() -> None:
    assert rows("# خبر\n\nعاد الوفد إلى الرياض إلا رئيسه.\n", code="EC501") == []


def test_ec601_residue_only_as_a_whole_line() -> None:
    assert rows("# خبر\n\nنص الخبر.\n\nشارك الخبر\n", code="EC601") == [("EC601", 5, 1, "شارك الخبر")]
    assert rows("# خبر\n\nشارك الوزير في المؤتمر الصحفي.\n", code="EC601") == []
    assert rows("# Title\n\nText.\n\nRead more\n", code="EC601") == [("EC601", 5, 1, "Read more")]


def test_ec602_breadcrumb_trail() -> None:
    draft = "الرئيسية / أخبار / الحكومة تعلن خطة النقل\nالحكومة تعلن خطة النقل\n\nنص.\n"
    assert rows(draft, "d.txt", code="EC602") == [("EC602", 1, 1, "الرئيسية / أخبار /")]
    assert "EC602" not in codes("الحكومة تعلن خطة النقل\n\nنص.\n", "d.txt")


def test_ec603_alt_text_in_byline() -> None:
    assert rows("# خبر\n\nنشر: verified icon أحمد علي\n", code="EC603") == [("EC603", 3, 6, "verified icon")]
    assert rows("# خبر\n\nنشر: أحمد علي\n", code="EC603") == []
