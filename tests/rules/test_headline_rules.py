"""Headline and tone rules: EC101 EC102 EC301 EC302 EC303 EC305 EC306 EC307 EC308."""

from __future__ import annotations

from ectest import check, checker, codes, rows

from editcheck.engine import FileResult


def test_ec101_pasted_headline_with_tatweel_and_diacritics() -> None:
    draft = "# وزارة النقل تفتتح طريقاً جديداً بين المدينتين\n\nوزارة النـــقل تَفتتح طريقاً جديداً بين المدينتين\n\nوقال الوزير إن الطريق يختصر الرحلة.\n"
    assert rows(draft, code="EC101") == [("EC101", 3, 1, "وزارة النـــقل تَفتتح طريقاً جديداً بين المدينتين")]


def test_ec101_front_matter_title_equal_to_heading_is_normal() -> None:
    draft = "---\ntitle: وزارة النقل تفتتح طريقاً جديداً\n---\n\n# وزارة النقل تفتتح طريقاً جديداً\n\nوقال الوزير إن الطريق جاهز.\n"
    assert "EC101" not in codes(draft)


def test_ec101_title_and_heading_differing_only_by_a_label_are_one_headline() -> None:
    """The "#" heading shows the title even when only one of them keeps "عاجل:" (a fix
    removed it from the heading first): the heading is not a pasted copy, and the title's
    label is still reported, on the title."""
    fm = '---\ntitle: "عاجل: وزارة النقل تفتتح طريقاً جديداً"\n---\n\n'
    draft = fm + "# وزارة النقل تفتتح طريقاً جديداً\n\nوقال الوزير إن الطريق جاهز.\n"
    assert rows(draft, code="EC101") == []
    assert rows(draft, code="EC301") == [("EC301", 2, 9, "عاجل")]
    both = fm + "# عاجل: وزارة النقل تفتتح طريقاً جديداً\n\nوقال الوزير إن الطريق جاهز.\n"
    assert rows(both, code="EC101") == []
    assert rows(both, code="EC301") == [("EC301", 2, 9, "عاجل"), ("EC301", 5, 3, "عاجل")]
    # a heading that says something else is still a different headline
    other = fm + "# الوزير يفتتح الطريق\n\nوزارة النقل تفتتح طريقاً جديداً\n\nوقال الوزير إن الطريق جاهز.\n"
    assert rows(other, code="EC101") == [("EC101", 7, 1, "وزارة النقل تفتتح طريقاً جديداً")]


def test_ec101_headline_inside_a_longer_paragraph_is_info() -> None:
    draft = "# Storm closes port\n\nStorm closes port, the harbour master said on Monday, as waves reached six metres.\n"
    found = [f for f in checker().check_text("d.md", draft).findings if f.code == "EC101"]
    assert [(f.line, f.column, f.severity.label) for f in found] == [(3, 1, "info")]


def test_ec102_same_headline_in_two_files_points_to_the_first() -> None:
    c = checker()
    results: list[FileResult] = [
        c.check_text("a.md", "# الحكومة تقر موازنة العام المقبل\n\nأقر مجلس الوزراء الموازنة، بحسب وكالة الأنباء.\n"),
        c.check_text("b.md", "# الحكومـة تُقر موازنة العام المقبل!\n\nأقر المجلس الموازنة أمس، وفقاً لبيان رسمي.\n"),
    ]
    c.finish(results)
    dup = [f for f in results[1].findings if f.code == "EC102"]
    assert [(f.line, f.column, f.related[0].path, f.related[0].line) for f in dup] == [(1, 3, "a.md", 1)]
    assert not [f for f in results[0].findings if f.code == "EC102"]


def test_ec301_label_position_only() -> None:
    assert rows("# عاجل: الحكومة تعلن خطة النقل\n\nنص.\n", code="EC301") == [("EC301", 1, 3, "عاجل")]
    assert rows("# عـاجـل | الحكومة تعلن خطة النقل\n\nنص.\n", code="EC301") == [("EC301", 1, 3, "عـاجـل")]
    assert rows("# الحكومة تعقد اجتماعاً عاجلاً لبحث خطة النقل\n\nنص.\n", code="EC301") == []
    assert rows("# عاجلاً أم آجلاً ستتغير الخطة\n\nنص.\n", code="EC301") == []
    assert rows("# Government holds urgent talks\n\nText.\n", code="EC301") == []
    assert rows("# Breaking: Government quits\n\nText.\n", code="EC301") == [("EC301", 1, 3, "Breaking")]


def test_ec301_message_names_where_the_label_is_in_the_draft_language() -> None:
    """English messages are English only; both say headline, body or breadcrumb trail
    (the front-matter title is the headline)."""
    def msgs(path: str, draft: str) -> list[tuple[int, int, str]]:
        return [(f.line, f.column, f.message) for f in checker().check_text(path, draft).findings if f.code == "EC301"]

    ar_tail = ": رمز أولوية في الوكالات وليس جزءاً من الخبر"
    ar = '---\ntitle: "عاجل: الحكومة تعلن خطة النقل"\n---\n\nالرئيسية / محليات / عاجل: الخطة\n\nعاجل: وقال الوزير إن الخطة جاهزة.\n'
    assert msgs("a.md", ar) == [
        (2, 9, "وسم الاستعجال 'عاجل' في العنوان" + ar_tail),
        (5, 21, "وسم الاستعجال 'عاجل' في مسار التصفح" + ar_tail),
        (7, 1, "وسم الاستعجال 'عاجل' في متن الخبر" + ar_tail),
    ]
    en = "# BREAKING: Government unveils transport plan\n\nJust in: the minister said the plan is ready.\n"
    assert msgs("e.md", en) == [
        (1, 3, "Urgency label 'BREAKING' in the headline: a wire priority code, not part of the story"),
        (3, 1, "Urgency label 'Just in' in the body: a wire priority code, not part of the story"),
    ]


def test_ec302_exclamation_in_headline_not_in_quotes() -> None:
    assert rows("# الحكومة تخفض أسعار الوقود!\n\nنص.\n", code="EC302") == [("EC302", 1, 28, "!")]
    assert rows('# الوزير: "لن نتراجع!"\n\nنص.\n', code="EC302") == []
    found = [f for f in checker().check_text("d.md", "# Fuel prices cut!?\n\nText.\n").findings if f.code == "EC302"]
    assert [(f.match, f.severity.label) for f in found] == [("!?", "error")]


def test_ec303_clickbait_with_proclitic_and_lower_in_body() -> None:
    got = [(f.line, f.column, f.match, f.severity.label)
           for f in checker().check_text("d.md", "# ولن تصدق ما قررته الحكومة\n\nوقال الوزير: «لن تصدق حجم الإقبال».\n").findings
           if f.code == "EC303"]
    assert got == [(1, 4, "لن تصدق", "error"), (3, 15, "لن تصدق", "info")]
    assert rows("# الحكومة تقر زيادة الرواتب 5% اعتباراً من يناير\n\nنص.\n", code="EC303") == []


def test_ec303_exclusive_label_is_info_in_english_and_a_warning_in_arabic() -> None:
    """Deliberate, documented in rules/en-news/clickbait-phrase.yaml (reference lexicon: EXCLUSIVE
    low, حصري medium; English newsrooms label their own scoops so): the same label position,
    one level apart in the headline; in the body both are info."""
    def sev(draft: str) -> list[tuple[int, int, str, str, str]]:
        return [(f.line, f.column, f.match, f.severity.label, f.message)
                for f in checker().check_text("d.md", draft).findings if f.code == "EC303"]

    assert sev("# حصرياً: الوزير يستقيل بعد خلاف\n\nحصرياً: وقال الوزير إنه سيغادر.\n") == [
        (1, 3, "حصرياً", "warning", "عبارة إثارة 'حصرياً': اذكر الخبر الذي تعلن عنه"),
        (3, 1, "حصرياً", "info", "عبارة إثارة 'حصرياً': اذكر الخبر الذي تعلن عنه"),
    ]
    assert sev("# Exclusive: Minister quits after row\n\nExclusive: the minister said he would leave.\n") == [
        (1, 3, "Exclusive", "info", "Sensational phrase 'Exclusive': state the fact it announces"),
        (3, 1, "Exclusive", "info", "Sensational phrase 'Exclusive': state the fact it announces"),
    ]
    # professional headlines from the not-clickbait half of the English corpus: info, not raised
    assert sev("# Wikinews exclusive: 'speed not behind New Zealand's road toll'\n\nText.\n") == [
        (1, 12, "exclusive", "info", "Sensational phrase 'exclusive': state the fact it announces")]


def test_ec303_grand_slams_is_a_noun_the_verb_slams_is_flagged() -> None:
    tennis = ("# Djokovic plans lighter schedule\n\nThe world number one said he would skip the Davis Cup "
              "and focus on the Grand Slams and Tour.\n")
    assert rows(tennis, code="EC303") == []
    verb = "# Budget vote\n\nThe opposition leader slams the budget as reckless, the Press Association reported.\n"
    assert rows(verb, code="EC303") == [("EC303", 3, 23, "slams")]
    assert rows("# Senator slams Grand Slam funding\n\nText.\n", code="EC303") == [("EC303", 1, 11, "slams")]


def test_ec303_exclusive_only_as_a_label_not_as_an_adjective() -> None:
    label = "# حصرياً.. شاهد ماضي وحاضر ومستقبل عفرين\n\nنص.\n"
    assert rows(label, code="EC303") == [("EC303", 1, 3, "حصرياً")]
    assert rows("# بالفيديو حصري: لحظة انهيار المبنى\n\nنص.\n", code="EC303") == [
        ("EC303", 1, 3, "بالفيديو"), ("EC303", 1, 12, "حصري")]
    assert rows("# أول ظهور للممثلة بعد اعتزالها (حصرياً ولأول مرة)\n\nنص.\n", code="EC303") == [
        ("EC303", 1, 34, "حصرياً")]
    body = ("# الزوجان يوقعان عقداً مع منصة بث\n\nوأشارت الصحيفة إلى أن الزوجين سينتجان محتوى حصريا، لصالح موقع "
            "البث الأمريكي، يركز على قصص نجاح مؤثرة.\n\nوقال إن الدول الفقيرة ترفض إصلاحات ضريبية قررها ناد حصري "
            "للدول الغنية.\n\nوفي خبر حصري نشرته الصحيفة، أعلن الوزير استقالته.\n")
    assert rows(body, code="EC303") == [("EC303", 7, 5, "خبر حصري")]
    assert rows("# Exclusive: Minister quits after row\n\nText.\n", code="EC303") == [("EC303", 1, 3, "Exclusive")]
    en = ("# Tax reform\n\nThe rich nations run an exclusive club, he said, and Labour can no longer lay exclusive "
          "claim to the votes.\n")
    assert rows(en, code="EC303") == []


def test_ec305_dense_hype_once_per_draft() -> None:
    dense = "# اتفاق\n\nفي خطوة تاريخية غير مسبوقة، وقع البلدان اتفاقاً استثنائياً مذهلاً يمثل نقلة نوعية.\n"
    assert rows(dense, code="EC305") == [("EC305", 3, 9, "تاريخية")]
    assert rows("# اتفاق\n\nوقع البلدان اتفاقاً تاريخياً للتعاون الأمني، بحسب البيان.\n", code="EC305") == []


def test_ec305_arabic_count_agrees_with_its_noun() -> None:
    """3-10 take the plural (مرات), 11 and up the singular (مرة): "تكررت 5 مرة" was wrong."""
    from editcheck.rules.builtin.ec305_hype_density import times_ar

    dense = "# اتفاق\n\nفي خطوة تاريخية غير مسبوقة، وقع البلدان اتفاقاً استثنائياً مذهلاً يمثل نقلة نوعية.\n"
    [found] = [f for f in check(dense) if f.code == "EC305"]
    assert found.message.startswith("كلمات التهويل تكررت 5 مرات في الخبر (تاريخية، غير مسبوقة، ")
    assert [times_ar(n) for n in (1, 2, 3, 10, 11, 14, 99, 100, 103, 111)] == [
        "مرة واحدة", "مرتين", "3 مرات", "10 مرات", "11 مرة", "14 مرة", "99 مرة", "100 مرة", "103 مرات", "111 مرة"]


def test_ec306_closing_question_and_engagement() -> None:
    draft = "# اتفاق أمني\n\nوقع البلدان الاتفاق أمس، بحسب وكالة الأنباء.\n\nفهل ينجح الاتفاق في وقف التهريب؟\n"
    assert rows(draft, code="EC306") == [("EC306", 5, 1, "فهل ينجح الاتفاق في وقف التهريب؟")]
    engage = "# Pact signed\n\nThe two countries signed the pact, Reuters reported. What do you think? Let us know in the comments.\n"
    assert rows(engage, code="EC306") == [("EC306", 3, 54, "What do you think")]
    quoted = '# Pact\n\nThe pact was signed, Reuters reported.\n\n"Will it last?" the minister asked.\n'
    assert rows(quoted, code="EC306") == []


def test_ec307_closed_question_headline_only() -> None:
    assert codes("# هل تنهار العملة خلال أسابيع؟\n\nنص.\n").count("EC307") == 1
    assert "EC307" not in codes("# لماذا تراجعت العملة؟\n\nنص.\n")


def test_ec308_shouting_but_not_acronyms() -> None:
    assert rows("# Security pact will CHANGE the region\n\nText.\n", code="EC308") == [("EC308", 1, 22, "CHANGE")]
    assert rows("# NATO and OPEC leaders meet in Vienna\n\nText.\n", code="EC308") == []


def test_ec304_hype_word_inside_a_proper_name_is_the_name() -> None:
    """"الحرس الثوري" is Iran's Revolutionary Guard, not the writer calling something revolutionary."""
    assert rows("# إيران\n\nوقال قائد الحرس الثوري إن المناورات انتهت.\n", code="EC304") == []
    assert rows("# إيران\n\nواعتبر الخطاب ثورياً.\n", code="EC304") == [("EC304", 3, 15, "ثورياً")]
