"""Sourcing: EC401 no sources, EC402 empty sources field, EC403 unsourced figures."""

from __future__ import annotations

from ectest import codes, rows

UNSOURCED = ("# لقاء أمني\n\nشهدت الرياض اليوم لقاءً أمنياً مهماً بين وفدي البلدين لبحث التعاون في مكافحة "
             "المخدرات والجريمة المنظمة وتبادل الخبرات بين الأجهزة المختصة في البلدين.\n")


def test_ec401_no_source_at_all() -> None:
    assert rows(UNSOURCED, code="EC401") == [("EC401", 1, 3, "لقاء أمني")]


def test_ec401_agency_dateline_link_or_named_official_is_a_source() -> None:
    body = UNSOURCED.split("\n\n", 1)[1]
    assert "EC401" not in codes("# لقاء أمني\n\nالرياض (واس) - " + body)
    assert "EC401" not in codes("# لقاء أمني\n\n" + body.strip() + " وقال وزير الداخلية إن اللقاء مثمر.\n")
    assert "EC401" not in codes("# لقاء أمني\n\n" + body.strip() + " [البيان](https://moi.example/statement)\n")
    assert "EC401" not in codes("---\nsources:\n  - واس\n---\n\n# لقاء أمني\n\n" + body)


def test_ec401_vague_sources_do_not_count() -> None:
    draft = UNSOURCED.strip() + " ويرى خبراء أن اللقاء سيعيد رسم الخريطة الأمنية.\n"
    assert "EC401" in codes(draft)


def test_ec402_empty_sources_list() -> None:
    draft = "---\ntitle: خبر\nsources: []\n---\n\n# خبر\n\nنص الخبر.\n"
    assert rows(draft, code="EC402") == [("EC402", 3, 10, "[]")]
    blank = "---\ntitle: خبر\nsources:\n---\n\n# خبر\n\nنص الخبر.\n"
    assert rows(blank, code="EC402") == [("EC402", 3, 1, "sources")]
    assert "EC402" not in codes("---\ntitle: خبر\nsources:\n  - واس\n---\n\n# خبر\n\nنص الخبر.\n")


def test_ec403_unsourced_figures_and_exemptions() -> None:
    draft = ("# لقاء\n\nاستقبل الوزير نظيره في الرياض.\n\n"
             "وجمع اللقاء 12 مسؤولاً أمنياً في 20 ديسمبر 2025 الساعة 10:00، وارتفعت الصادرات 15% خلال عام 2024.\n")
    assert rows(draft, code="EC403") == [("EC403", 5, 13, "12 مسؤولاً"), ("EC403", 5, 80, "15%")]


def test_ec403_sourced_paragraph_or_story_passes() -> None:
    assert rows("# لقاء\n\nوجمع اللقاء 12 مسؤولاً أمنياً، بحسب بيان لوزارة الداخلية.\n", code="EC403") == []
    lede = ("# الصادرات\n\nأظهرت بيانات الهيئة العامة للإحصاء ارتفاع الصادرات غير النفطية.\n\nلا تعليق.\n\n"
            "وبلغت قيمة الصادرات 25 مليار ريال في الربع الأول.\n")
    assert rows(lede, code="EC403") == []
    english = "# Meeting\n\nThe talks brought together 12 senior officials, the ministry said.\n"
    assert rows(english, code="EC403") == []


def test_ec403_figure_attributed_to_a_made_up_expert_is_unsourced() -> None:
    draft = ("# لقاء\n\nعقد الجانبان اجتماعاً في الرياض.\n\n"
             "وأكد د. محمد الاستراتيجي أن خبرة الحضور تزيد عن 200 سنة من العمل الأمني.\n")
    assert rows(draft, code="EC403") == [("EC403", 5, 49, "200 سنة")]


def test_ec403_points_in_time_are_not_figures() -> None:
    assert rows("# شركة\n\nافتتحت الشركة مصنعها منذ 15 عاماً، وأغلقته قبل 3 سنوات.\n", code="EC403") == []
    assert rows("# Plant\n\nThe firm opened the plant 15 years ago and ran it for 12 years.\n", code="EC403") == []
    # a duration claimed as a figure is still one
    assert rows("# Plant\n\nThe firm opened the plant.\n\nIts staff have 200 years of experience.\n", code="EC403") == [
        ("EC403", 5, 16, "200 years")]
