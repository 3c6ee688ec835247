"""Who is speaking: EC201 unnamed experts, EC202 anonymous sources, EC203 made-up experts, EC204 quotes."""

from __future__ import annotations

from ectest import checker, rows


def test_ec201_unnamed_experts_with_clitics_and_diacritics() -> None:
    draft = "# الاقتصاد\n\nويتوقّع خُبَراء أن يتباطأ النمو العام المقبل.\n"
    assert rows(draft, code="EC201") == [("EC201", 3, 9, "خُبَراء")]
    assert rows("# Economy\n\nAnalysts say growth will slow next year.\n", code="EC201") == [("EC201", 3, 1, "Analysts say")]


def test_ec201_qualified_or_anaphoric_experts_pass() -> None:
    assert rows("# الاقتصاد\n\nويتوقع خبراء في صندوق النقد الدولي أن يتباطأ النمو.\n", code="EC201") == []
    study = ("# دراسة\n\nنشرت جامعة القاهرة دراسة عن النوم أجراها فريق من الباحثين.\n\n"
             "ويقول الباحثون إن النوم المبكر يحسن الذاكرة.\n")
    assert rows(study, code="EC201") == []


def test_ec202_anonymous_source_and_the_reason_for_anonymity() -> None:
    draft = "# المحادثات\n\nوقال أحد المسؤولين إن المحادثات انهارت.\n"
    assert rows(draft, code="EC202") == [("EC202", 3, 6, "أحد المسؤولين")]
    with_reason = "# المحادثات\n\nوقال أحد المسؤولين، طالباً عدم الكشف عن اسمه لأنه غير مخول بالتصريح، إن المحادثات انهارت.\n"
    found = [f for f in checker().check_text("d.md", with_reason).findings if f.code == "EC202"]
    assert [(f.match, f.severity.label) for f in found] == [("أحد المسؤولين", "info")]
    official = "# بيان\n\nوقال مصدر مسؤول في وزارة الداخلية إن الاجتماع انتهى.\n"
    assert rows(official, code="EC202") == []


def test_ec202_source_named_in_apposition_is_not_anonymous() -> None:
    bartels = ("# الجيش الألماني\n\nوأثارت الأنباء استياء نواب في البرلمان الألماني، وقال أحد الأعضاء البارزين في "
               "البرلمان، هانز بيتر بارتلز، إن الاستعداد القتالي تدهور منذ عام 2011.\n")
    assert rows(bartels, code="EC202") == []
    unnamed = "# الجيش الألماني\n\nوقال أحد الأعضاء البارزين في البرلمان إن الاستعداد القتالي تدهور منذ عام 2011.\n"
    assert rows(unnamed, code="EC202") == [("EC202", 3, 6, "أحد الأعضاء")]
    en = "# Army readiness\n\nOne of the members of parliament, Hans-Peter Bartels, said combat readiness had declined.\n"
    assert rows(en, code="EC202") == []
    en_unnamed = "# Army readiness\n\nOne of the members of parliament said combat readiness had declined.\n"
    assert rows(en_unnamed, code="EC202") == [("EC202", 3, 1, "One of the members")]


def test_ec202_source_called_by_name_is_not_anonymous() -> None:
    """"ويدعى أحمد حسن" names the resident (a given name alone too); a reason or a time does not."""
    for aside in ("ويدعى أحمد حسن", "ويُدعى أحمد", "واسمه سامي"):
        draft = f"# الحي\n\nوقال أحد السكان، {aside}، إن المياه غمرت الشارع.\n"
        assert rows(draft, code="EC202") == [], aside
    for aside in ("ويدعى مساء الأحد", "واسمه في الحي معروف"):
        draft = f"# الحي\n\nوقال أحد السكان، {aside}، إن المياه غمرت الشارع.\n"
        assert rows(draft, code="EC202") == [("EC202", 3, 6, "أحد السكان")], aside


def test_ec202_comma_asides_that_are_not_names_stay_anonymous() -> None:
    asides = ["طالباً عدم الكشف عن اسمه", "مساء الأحد", "في تصريح لوكالة فرانس برس", "أبو محمد", "وهو سائق أجرة",
              "عبر الهاتف", "اليوم الاثنين", "على هامش الاجتماع", "للجزيرة نت", "الذي رفض الكشف عن هويته"]
    for aside in asides:
        draft = f"# الحي\n\nوقال أحد السكان، {aside}، إن القصف استمر طوال الليل.\n"
        assert rows(draft, code="EC202") == [("EC202", 3, 6, "أحد السكان")], aside
    for aside in ("who asked not to be named", "speaking on condition of anonymity", "on Monday", "a taxi driver"):
        draft = f"# Blast\n\nOne of the witnesses, {aside}, said the blast shook the street.\n"
        assert rows(draft, code="EC202") == [("EC202", 3, 1, "One of the witnesses")], aside
    # a comma after the phrase's own speech verb opens no apposition
    assert rows("# Plan\n\nSources said, John Smith, the plan was dead.\n", code="EC202") == [
        ("EC202", 3, 1, "Sources said")]


def test_ec203_made_up_experts() -> None:
    draft = "# أمن\n\nوقال الخبير الأمني سامي العلي إن الوضع مستقر. وأكد د. خالد الاقتصادي أن الأسعار سترتفع.\n"
    assert rows(draft, code="EC203") == [("EC203", 3, 52, "د. خالد الاقتصادي")]
    english = "# Security\n\nSecurity analyst Ahmed said the pact would hold.\n"
    assert rows(english, code="EC203") == [("EC203", 3, 1, "Security analyst Ahmed")]


def test_ec203_real_people_and_affiliations_pass() -> None:
    ok = ("# أمن\n\nوقال الفريق محمد البسامي مدير الأمن العام إن التعاون مستمر، فيما قال د. محمد الاقتصادي "
          "أستاذ الاقتصاد في جامعة الملك سعود إن الأثر محدود.\n")
    assert rows(ok, code="EC203") == []
    assert rows("# Vote\n\nSecurity analyst Ahmed Al-Mansouri said the vote was fair.\n", code="EC203") == []
    # a nisba that is also a common family name is only info
    found = [f for f in checker().check_text("d.md", "# جيش\n\nوقال اللواء سعد العسكري إن القوات جاهزة.\n").findings
             if f.code == "EC203"]
    assert [f.severity.label for f in found] == ["info"]


def test_ec204_unattributed_quote() -> None:
    draft = "# اتفاق\n\nوقع البلدان الاتفاق في الرياض.\n\n«هذه الاتفاقية ستغير وجه المنطقة بالكامل خلال سنوات قليلة».\n"
    assert rows(draft, code="EC204") == [("EC204", 5, 1, "«هذه الاتفاقية ستغير وجه المنطقة بالكامل خلال سنوات قليلة»")]
    said = "# اتفاق\n\nوقال الوزير: «هذه الاتفاقية ستغير وجه المنطقة بالكامل خلال سنوات قليلة».\n"
    assert rows(said, code="EC204") == []
    charge = "# محاكمة\n\nوتواجه الناشطة تهمة \"نشر أخبار كاذبة من شأنها الإضرار بالأمن العام\".\n"
    assert rows(charge, code="EC204") == []
    # a title and an unattributed quotation in one paragraph: only the quotation is reported
    mixed = ("# Film\n\nThe film titled \"The long road home to the quiet valley\" opened. "
             "\"This agreement will change the face of the whole region.\"\n")
    assert [r[3] for r in rows(mixed, code="EC204")] == ['"This agreement will change the face of the whole region."']


def test_some_and_each_other_are_not_experts() -> None:
    each_other = "# تعاون\n\nاتفق البلدان على تبادل المعلومات مع بعضهما البعض، بحسب ما نقلت وكالة الأنباء الرسمية.\n"
    assert rows(each_other, code="EC201") == [] and rows(each_other, code="EC202") == []
    assert rows("# خطة\n\nويرى البعض أن الخطة ستفشل.\n", code="EC202") == [("EC202", 3, 2, "يرى البعض")]
    assert rows("# Plan\n\nHe said some people were angry about the plan.\n", code="EC201") == []
    assert rows("# Plan\n\nSome say the plan will fail.\n", code="EC202") == [("EC202", 3, 1, "Some say")]
    assert rows("# Plan\n\nSome experts say the plan will fail.\n", code="EC201") == [("EC201", 3, 6, "experts say")]


def test_definite_anonymous_sources_and_hyphenated_names() -> None:
    assert rows("# خبر\n\nوذكرت المصادر المطلعة أن الاجتماع تأجل.\n", code="EC202") == [("EC202", 3, 7, "المصادر المطلعة")]
    assert rows("# Bank\n\nThe rise was welcome, said HVB analyst Peter-Thilo Halser.\n", code="EC203") == []


def test_house_lexicon_changes_people_patterns_per_checker() -> None:
    from editcheck.engine import Checker, Options

    draft = "# خبر\n\nوقال الخبير فهد الكوكبي إن الأمر مهم.\n"

    def ec203(**kw: object) -> list[str]:
        return [f.match for f in Checker(Options(plugins=False, **kw)).check_text("d.md", draft).findings  # type: ignore[arg-type]
                if f.code == "EC203"]

    assert ec203() == []
    assert ec203(lexicons={"ar": {"field_nisbas": ["الكوكبي"]}}) == ["الخبير فهد الكوكبي"]
    assert ec203() == []  # the house list does not leak into the next checker


def test_ec201_claim_verb_with_object_pronoun() -> None:
    draft = "# خبر\n\nويطالب المضربون بصرف رواتبهم، في خطوة وصفها مراقبون بأنها تاريخية.\n"
    assert rows(draft, code="EC201") == [("EC201", 3, 45, "مراقبون")]


def test_ec202_a_claim_about_an_institution_is_not_an_affiliation() -> None:
    """An institution right after the source's noun is its affiliation ("a source in the
    interior ministry"), but after "sources say" it is the claim, and "sources close to the
    ministry" stay anonymous: both were cleared because "minister"/"ministry" followed."""
    assert rows("# Talks\n\nSources say the minister would resign.\n", code="EC202") == [
        ("EC202", 3, 1, "Sources say")]
    assert rows("# Talks\n\nSources close to the ministry said the talks failed.\n", code="EC202") == [
        ("EC202", 3, 1, "Sources close to")]
    assert rows("# Talks\n\nA source in the interior ministry said the talks failed.\n", code="EC202") == []
    assert rows("# اجتماع\n\nوقال مصدر مسؤول في وزارة الداخلية إن الاجتماع انتهى.\n", code="EC202") == []
    assert rows("# اجتماع\n\nوقالت مصادر مقربة من الحكومة إن الاجتماع انتهى.\n", code="EC202") == [
        ("EC202", 3, 7, "مصادر مقربة من")]


def test_ec202_unnamed_source_as_the_speaker_of_a_speech_verb() -> None:
    """An unnamed source noun as the speaker: verb first in Arabic, noun phrase first in
    English. The finding takes the noun's severity (a source: warning; an official, or a
    source described by a nisba: info, as "an official said" and "مصادر عسكرية"), and a
    reason for anonymity lowers it to info."""
    ar = {
        "وذكر مسؤول حكومي رفيع أن الحكومة ستستقيل.": [("EC202", 3, 6, "مسؤول حكومي رفيع", "info")],
        "وقال مصدر، رفض الكشف عن هويته، إن الوزير سيستقيل.": [("EC202", 3, 6, "مصدر", "info")],
        "وقالت مصادر إن الوزير سيستقيل.": [("EC202", 3, 7, "مصادر", "warning")],
        "وأفاد مصدر بأن الوزير سيستقيل.": [("EC202", 3, 7, "مصدر", "warning")],
        "وكشفت مصادر أن الوزير سيستقيل.": [("EC202", 3, 7, "مصادر", "warning")],
        "وأكد مصدر عسكري أن القوات تقدمت.": [("EC202", 3, 6, "مصدر عسكري", "info")],
        "وقال مسؤول أمريكي لرويترز إن المحادثات انهارت.": [("EC202", 3, 6, "مسؤول أمريكي", "info")],
        "وأشار مصدر إلى أن المحادثات انهارت.": [("EC202", 3, 7, "مصدر", "warning")],
    }
    en = {
        "A senior government official said the talks had failed.": [
            ("EC202", 3, 1, "A senior government official", "info")],
        "An official who spoke on condition of anonymity said the talks had failed.": [
            ("EC202", 3, 1, "An official", "info")],
        "One official, who asked not to be named because the talks are private, said the talks had failed.": [
            ("EC202", 3, 1, "One official", "info")],
        "Sources familiar with the matter said the talks had failed.": [("EC202", 3, 1, "Sources familiar with", "warning")],
        "One official, speaking to Reuters, said the talks had failed.": [("EC202", 3, 1, "One official", "info")],
        "A Western source told Reuters the talks had failed.": [("EC202", 3, 1, "A Western source", "warning")],
    }
    for title, cases in (("خبر", ar), ("Talks", en)):
        for sentence, want in cases.items():
            found = checker().check_text("d.md", f"# {title}\n\n{sentence}\n").findings
            got = [(f.code, f.line, f.column, f.match, f.severity.label) for f in found if f.code == "EC202"]
            assert got == want, sentence


def test_ec202_named_official_and_other_senses_of_source_stay_as_they_were() -> None:
    clean = ["# خبر\n\nقال وزير الداخلية أحمد العلي إن الاجتماع انتهى.\n",
             "# خبر\n\nوقال مسؤول حكومي أحمد العلي إن الاجتماع انتهى.\n",
             "# خبر\n\nوقال مسؤول، أحمد العلي، إن الاجتماع انتهى.\n",
             "# خبر\n\nوقال مصدر مسؤول في وزارة الداخلية إن الاجتماع انتهى.\n",
             "# خبر\n\nوقال مسؤول في وزارة الخارجية إن الاجتماع انتهى.\n",
             "# خبر\n\nوذكر مصدر الدخل في التقرير أن النفط يتراجع.\n",
             "# خبر\n\nوقال الخبير إن مصدر الدخل الرئيسي هو النفط.\n",
             "# خبر\n\nوأكد الوزير أن مصدر المياه ملوث.\n",
             "# Talks\n\nGovernment official John Smith said the talks had failed.\n",
             "# Talks\n\nA government official, John Smith, said the talks had failed.\n",
             "# Leak\n\nThe minister said the source of the leak was found.\n",
             "# Visit\n\nThe minister said an official visit was planned.\n",
             "# Talks\n\nOne official, from the interior ministry, said the talks had failed.\n",
             "# Talks\n\nA source in the interior ministry said the talks failed.\n"]
    for draft in clean:
        assert rows(draft, code="EC202") == [], draft
    # as before: "Officials said" (info) and "مصدر مسؤول" with an institution not in the list
    assert rows("# Talks\n\nOfficials said the talks had failed.\n", code="EC202") == [("EC202", 3, 1, "Officials said")]
    assert rows("# خبر\n\nوقالت مصادر مطلعة إن الاتفاق قريب.\n", code="EC202") == [("EC202", 3, 7, "مصادر مطلعة")]
    assert rows("# Talks\n\nA source said the talks had failed.\n", code="EC202") == [("EC202", 3, 1, "A source said")]


def test_ec201_message_fits_groups_that_are_not_experts() -> None:
    """"قال مغردون" is an unnamed group, not "unnamed experts": the message says so."""
    [f] = [f for f in checker().check_text("d.md", "# الوفد\n\nفي المقابل، قال مغردون آخرون إن الوفد فشل.\n").findings
           if f.code == "EC201"]
    assert (f.line, f.column, f.match) == (3, 17, "مغردون")
    assert f.message == "ادعاء منسوب إلى فئة غير مسمّاة ('مغردون'): سمِّ أصحابه واذكر صفاتهم والجهات التي يعملون بها"
    [e] = [f for f in checker().check_text("d.md", "# Vote\n\nAnalysts said the vote was rigged.\n").findings
           if f.code == "EC201"]
    assert e.message == "Claim credited to an unnamed group ('Analysts said'): name the people and their affiliation"


def test_ec201_headline_quoting_an_unnamed_group() -> None:
    """"خبير اقتصادي: ..." opens a headline with an unnamed expert and a colon: a quote, no verb
    needed (a third trial's miss); a named affiliation before the colon is not unnamed."""
    body = "\n\nوقال البنك المركزي إن الديون ارتفعت، بحسب وكالة الأنباء.\n"
    assert rows("# خبير اقتصادي: اعتماد الفيدرالي المفرط على الديون كارثة" + body, code="EC201") == [
        ("EC201", 1, 3, "خبير اقتصادي")]
    assert rows("# خبراء في صندوق النقد: الديون خطر" + body, code="EC201") == []
    assert rows("# اقتصاد: خبير يشرح الديون" + body, code="EC201") == []
    en = "\n\nThe euro fell on Monday, the central bank said.\n"
    assert rows("# Analysts: the euro will fall" + en, code="EC201") == [("EC201", 1, 3, "Analysts")]
    assert rows("# Analysts at Barclays: the euro will fall" + en, code="EC201") == []


def test_ec202_inverted_attribution_and_source_after_a_preposition() -> None:
    """English inverted attribution ("..., said a senior official." / "according to sources")
    and an Arabic unnamed source after an attribution preposition ("بحسب مصادر"، "وفقاً
    لمصادر أمنية"، "نقلاً عن مصدر"), with the severities of the verb-first forms; an
    institution, a name in apposition or a definite source clears them as it does there."""
    ar = {
        "وانهارت المحادثات بحسب مصادر.": [("EC202", 3, 24, "مصادر", "warning")],
        "وانهارت المحادثات، وفقاً لمصادر أمنية.": [("EC202", 3, 27, "مصادر أمنية", "info")],
        "وانهارت المحادثات وفقاً لـ مصادر.": [("EC202", 3, 28, "مصادر", "warning")],
        "وانهارت المحادثات حسب مصدر مطلع.": [("EC202", 3, 23, "مصدر مطلع", "warning")],
        "وانهارت المحادثات نقلاً عن مصدر.": [("EC202", 3, 28, "مصدر", "warning")],
        "وانهارت المحادثات بحسب مسؤولين أمريكيين.": [("EC202", 3, 24, "مسؤولين أمريكيين", "info")],
        "وانهارت المحادثات بحسب مصدر قضائي.": [("EC202", 3, 24, "مصدر قضائي", "info")],
        "وانهارت المحادثات بحسب مصادر مقربة من الحكومة.": [("EC202", 3, 24, "مصادر مقربة من", "warning")],
        "وانهارت المحادثات بحسب مصادر في وزارة الصحة.": [],
        "وانهارت المحادثات بحسب مصدر مسؤول في وزارة الداخلية.": [],
        "وانهارت المحادثات بحسب المصدر نفسه.": [],
        "وانهارت المحادثات بحسب مصدر، أحمد علي، في الوزارة.": [],
        "وتراجع الإنفاق حسب مصدر الدخل.": [],
    }
    en = {
        "The talks have failed, said a senior official.": [("EC202", 3, 29, "a senior official", "info")],
        "\"We will leave,\" said a senior official.": [("EC202", 3, 23, "a senior official", "info")],
        "The talks have failed, a source close to the talks said.": [("EC202", 3, 24, "a source close to", "warning")],
        "The talks have failed, according to a senior official.": [("EC202", 3, 37, "a senior official", "info")],
        "The talks have failed, according to sources.": [("EC202", 3, 37, "sources", "warning")],
        "According to two sources, the talks have failed.": [("EC202", 3, 14, "two sources", "warning")],
        "The talks have failed, said a spokesman for the ministry, Ahmed Ali.": [],
        "The talks have failed, said a senior official, Ahmed Ali.": [],
        "The talks have failed, according to the ministry.": [],
        "The talks have failed, according to sources at the central bank.": [],
        "The talks have failed, said an official at the central bank.": [],
        "The deal is off, according to official figures.": [],
        "The deal is off, according to an official statement.": [],
        "Later he told a senior official that he quit.": [],
        "The report, which said a source of funding was missing, is out.": [],
    }
    for title, cases in (("خبر", ar), ("Talks", en)):
        for sentence, want in cases.items():
            found = checker().check_text("d.md", f"# {title}\n\n{sentence}\n").findings
            got = [(f.code, f.line, f.column, f.match, f.severity.label) for f in found if f.code == "EC202"]
            assert got == want, sentence
