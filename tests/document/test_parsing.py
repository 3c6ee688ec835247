"""Reading drafts: headline choice, front matter spans, what is and is not prose."""

from __future__ import annotations

from ectest import rows

from editcheck.document.loader import parse_text


def test_headline_from_front_matter_then_heading_then_first_line() -> None:
    fm = parse_text("a.md", "---\ntitle: عنوان الخبر هنا\n---\n\n# عنوان آخر مختلف\n\nنص.\n")
    assert fm.headline is not None and fm.headline.text == "عنوان الخبر هنا"
    assert fm.fm_spans["title"] == (11, 26)
    h1 = parse_text("b.md", "مقدمة\n\n# عنوان الخبر\n\nنص.\n")
    assert h1.headline is not None and h1.headline.text == "عنوان الخبر"
    plain = parse_text("c.txt", "\n\nعنوان الخبر\nنص الخبر.\n")
    assert plain.headline is not None and plain.headline.text == "عنوان الخبر"
    assert [b.kind for b in plain.blocks] == ["headline", "paragraph"]


def test_byline_breadcrumb_and_lede_scopes() -> None:
    doc = parse_text("d.txt", "الرئيسية / أخبار / عنوان\nعنوان\nنشر: أحمد علي 20 نوفمبر\nالفقرة الأولى.\nالفقرة الثانية.\n")
    assert [(b.kind, sorted(b.scopes)) for b in doc.blocks] == [
        ("breadcrumb", ["breadcrumb"]), ("headline", ["headline"]), ("byline", ["byline"]),
        ("paragraph", ["body", "lede"]), ("paragraph", ["body"])]


def test_code_links_and_comments_are_not_prose() -> None:
    draft = ("# خبر\n\nنص فيه `عاجل: كود` ورابط [اقرأ](https://x.example/عاجل) <!-- عاجل: ملاحظة -->.\n\n"
             "```\nعاجل: داخل كتلة كود\n```\n")
    assert rows(draft, code="EC301") == []


def test_markup_is_matched_through_with_original_columns() -> None:
    draft = "# خبر\n\nوقال **الخبراء يتوقعون** أن يرتفع السعر.\n"
    assert rows(draft, code="EC201") == [("EC201", 3, 8, "الخبراء يتوقعون")]


def test_crlf_line_endings_give_the_same_lines() -> None:
    assert rows("# خبر\r\n\r\nوصل الوفد مساءاً.\r\n", code="EC501") == [("EC501", 3, 11, "مساءاً")]


def test_broken_front_matter_is_a_finding_not_a_crash() -> None:
    found = rows("---\ntitle: [غير مغلق\n---\n\n# عاجل: خبر\n\nنص.\n")
    assert found[0] == ("EC901", 2, 1, "title: [غير مغلق")
    assert ("EC301", 5, 3, "عاجل") in found
