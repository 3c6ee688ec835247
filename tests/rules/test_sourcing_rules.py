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


def _para(text: str) -> str:
    return f"# headline\n\n{text}\n"


def test_ec403_one_word_named_speaker_sources_the_paragraph() -> None:
    # BBC copy: "the Halifax has said", "Halifax said", the verb after a comma-led adverbial
    for text in ("UK house prices increased by 1.1% in December, the Halifax has said.",
                 "Halifax said prices rose 3.1% in the year to December.",
                 "Last week, the Nationwide said prices fell 0.2% in December.",
                 "The Nationwide said prices fell 0.2% in December.",
                 "Prices rose 3% last year, Tesco has also said.",
                 "Prices rose 3% last year, said Halifax.",
                 "Prices rose 3% last year, said the Nationwide.",
                 "According to Nationwide, prices rose 3% last year.",
                 "Prices rose 3% last year, according to the ONS.",
                 "The ONS said prices rose 3% last year.",
                 "Oil giant BP has announced a 26% rise in annual profits."):
        assert rows(_para(text), code="EC403") == [], text


def test_ec403_unnamed_or_missing_speaker_stays_unsourced() -> None:
    assert rows(_para("Prices rose 3% last year."), code="EC403") == [("EC403", 3, 13, "3%")]
    assert rows(_para("Some 40,000 people attended."), code="EC403") == [("EC403", 3, 6, "40,000 people")]
    for text in ("Prices rose 3% last year, analysts said.", "Prices rose 3% last year, officials said.",
                 "Prices rose 3% last year, sources said.", "Prices rose 3% last year, Americans say.",
                 "Prices rose 3% last year, officials said Monday.", "Prices rose 3% last year, I said."):
        assert rows(_para(text), code="EC403") == [("EC403", 3, 13, "3%")], text
    for text in ("Analysts said prices rose 3% last year.", "Officials say prices rose 3% last year.",
                 "Sources said prices rose 3% last year.", "Critics said prices rose 3% last year.",
                 "Everyone says prices rose 3% last year.", "It said prices rose 3% last year.",
                 "Research says prices rose 3% last year."):
        assert [r[0] for r in rows(_para(text), code="EC403")] == ["EC403"], text
    assert rows(_para("According to analysts, prices rose 3% last year."), code="EC403") == [("EC403", 3, 36, "3%")]
    # "said" followed by the object clause's subject names no speaker
    assert rows(_para("Critics said Britain lost 40,000 jobs last year."), code="EC403") == [
        ("EC403", 3, 27, "40,000 jobs")]


def test_ec403_company_figures_without_a_reporting_verb_stay_flagged() -> None:
    # a company's own figures with the company as the subject but no reporting verb: no
    # safe rule tells "Delta is cutting fares by 50%" from "Russia lost 40,000 soldiers"
    draft = _para("Annual bonus rates on its with-profits life policies were cut from 2.5% to 2% by the insurer. "
                  "Standard Life blamed falling stock markets.")
    assert rows(draft, code="EC403") == [("EC403", 3, 68, "2.5%"), ("EC403", 3, 76, "2%")]
    assert rows(_para("Delta Air Lines is cutting domestic fares by as much as 50%."), code="EC403") == [
        ("EC403", 3, 57, "50%")]


def test_ec403_arabic_named_sources_and_attached_lam() -> None:
    for text in ("قالت شركة أرامكو إن أرباحها ارتفعت 12 بالمئة في الربع الأول.",
                 "ارتفعت أرباح الشركة 12 بالمئة في الربع الأول، بحسب وزارة المالية.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقاً لوزارة المالية.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقاً لـوزارة المالية.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقا لأرامكو.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، طبقاً لأرقام وزارة المالية.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقا للمرصد السوري.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقا للأمم المتحدة."):
        assert rows(f"# عنوان\n\n{text}\n", code="EC403") == [], text
    # "in accordance with", an unnamed group, or no source at all: still unsourced
    for text in ("ارتفعت الأسعار 3 بالمئة العام الماضي، وفقا للتطورات.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقا للقانون.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقا لقانون جديد.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقا لعدد من الباحثين.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، وفقا لمحللين.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي، بحسب محللين.",
                 "ارتفعت الأسعار 3 بالمئة العام الماضي."):
        assert rows(f"# عنوان\n\n{text}\n", code="EC403") == [("EC403", 3, 16, "3 بالمئة")], text
    assert rows("# عنوان\n\nحضر نحو 40 ألف شخص.\n", code="EC403") == [("EC403", 3, 9, "40 ألف")]
    # the group after the attached lam is an unnamed-experts source (EC201), as after "بحسب"
    assert rows("# عنوان\n\nارتفعت الأسعار 3 بالمئة، وفقا لمحللين.\n", code="EC201") == [
        ("EC201", 3, 32, "محللين")]


_BACKGROUND_AR = ("وتعود جذور النزاع إلى منتصف سبعينيات القرن الماضي بعد انسحاب إسبانيا من الإقليم، ومنذ ذلك "
                  "الحين تتواصل المفاوضات المتعثرة بين الأطراف المعنية دون نتيجة حاسمة حتى اليوم.")
_BACKGROUND_EN = ("The dispute dates back to 1975, when Spain withdrew from the territory. Since then, years of "
                  "stalled negotiations have failed to produce a settlement acceptable to all the parties.")


def test_ec401_attribution_in_the_headline_sources_the_story() -> None:
    for head in ("جبهة البوليساريو تقول إن المغرب يعرقل الحل",
                 "وزير الصحة الفرنسي السابق للجزيرة نت: النظام الصحي يحتاج إصلاحا",
                 "طبيب تخدير أردني لـCNN: الليلة كانت طويلة",
                 "يقول وزير الخارجية إن الحل قريب"):
        assert rows(f"# {head}\n\n{_BACKGROUND_AR}\n", code="EC401") == [], head
    for head in ("Polisario says Morocco blocks talks", "Health minister tells BBC: talks are over"):
        assert rows(f"# {head}\n\n{_BACKGROUND_EN}\n", code="EC401") == [], head


def test_ec401_vague_anonymous_or_missing_speaker_in_the_headline_does_not_count() -> None:
    for head, match in (("مصادر تقول إن المغرب يعرقل الحل", "مصادر تقول إن المغرب يعرقل الحل"),
                        ("خبراء يتوقعون تباطؤ النمو", "خبراء يتوقعون تباطؤ النمو"),
                        ("مصادر مطلعة للجزيرة نت: الاتفاق قريب", "مصادر مطلعة للجزيرة نت: الاتفاق قريب"),
                        ("دراسة: القهوة تطيل العمر", "دراسة: القهوة تطيل العمر"),
                        ("يقول إن الحل بعيد", "يقول إن الحل بعيد"),
                        ("دعوة لحوار وطني: هل ينجح؟", "دعوة لحوار وطني: هل ينجح؟"),
                        ("ماذا يقول القانون عن الإيجار", "ماذا يقول القانون عن الإيجار"),
                        ("رأي الصحراوي: الاحتلال يسابق الزمن", "رأي الصحراوي: الاحتلال يسابق الزمن")):
        assert rows(f"# {head}\n\n{_BACKGROUND_AR}\n", code="EC401") == [("EC401", 1, 3, match)], head
    for head in ("Analysts say Morocco blocks talks", "Sources say Morocco blocks talks",
                 "Experts tell BBC: talks are over", "What the law says about rent"):
        assert rows(f"# {head}\n\n{_BACKGROUND_EN}\n", code="EC401") == [("EC401", 1, 3, head)], head


def test_ec401_named_group_as_the_subject_of_a_speech_act() -> None:
    tail = " وتأسست الحركة عام 2008 لدعم إضراب عمال المحلة الكبرى، وشاركت في احتجاجات يناير التي أطاحت بالرئيس."
    for text in ('اتهمت حركة "6 ابريل" المصرية المعارضة صحيفة الأهرام بنشر أخبار كاذبة.',
                 "نددت منظمة العفو الدولية باعتقال الصحفيين.", "رفضت الحكومة المصرية المقترح الإثيوبي.",
                 "وقال الهواوشة إنه قضى الليلة كاملة في غرفة العمليات."):
        assert rows(f"# خبر\n\n{text}{tail}\n", code="EC401") == [], text
    # an unnamed or vague speaker, or an institution acting with no speech verb: still no source
    for text in ("اتهمت مصادر صحيفة الأهرام بنشر أخبار كاذبة.", "اتهم خبراء صحيفة الأهرام بنشر أخبار كاذبة.",
                 "عرضت وزارة الخارجية الأميركية مكافأة قدرها 15 مليون دولار لمن يدلي بمعلومات."):
        assert rows(f"# خبر\n\n{text}{tail}\n", code="EC401") == [("EC401", 1, 3, "خبر")], text
    assert rows("# خبر\n\nاتهم خبراء صحيفة الأهرام بنشر أخبار كاذبة.\n", code="EC201") == [
        ("EC201", 3, 6, "خبراء")]
    en_tail = " The group was founded in 2008 and took part in the protests that followed in the capital city."
    for text in ("Polisario accused Morocco of blocking the talks.", "Polisario denied the report about the talks."):
        assert rows(f"# Story\n\n{text}{en_tail}\n", code="EC401") == [], text
    for text in ("Critics accused Morocco of blocking the talks.", "Analysts urged Morocco to resume the talks."):
        assert rows(f"# Story\n\n{text}{en_tail}\n", code="EC401") == [("EC401", 1, 3, "Story")], text


def test_ec401_the_same_source_again_is_not_an_unnamed_speaker() -> None:
    draft = ("# خبر\n\nووفق المصدر نفسه، لا تقبل نقابة الأطباء استقالة معظم من يتقدم بها من الأطباء، لكن أغلبهم "
             "لا ينتظر الموافقة عليها ويمضي نحو العاصمة.\n")
    assert rows(draft, code="EC401") == []


def test_unnamed_speaker_words_follow_a_house_lexicon() -> None:
    """The words that make a speaker unnamed are derived from the lexicon once and kept with
    it; a house lexicon that adds a vague group is seen (an id-keyed cache went stale)."""
    from editcheck.analysis.sourcing import _unnamed_words
    from editcheck.rules.lexicon import Lexicon, load_lexicon

    lex = Lexicon("ar", dict(load_lexicon("ar").data))
    assert "خبراء" in _unnamed_words(lex) and "عرافون" not in _unnamed_words(lex)
    lex.extend({"vague_experts": ["عرافون"]})
    assert "عرافون" in _unnamed_words(lex)
