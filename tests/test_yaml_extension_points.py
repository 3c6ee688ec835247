"""Each YAML extension point, with Arabic and English fixtures (through the real engine)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from editcheck.engine import Checker, Options
from editcheck.errors import ConfigError
from editcheck.rules.yaml.common import Source
from editcheck.rules.yaml.loader import EXTENSION_POINTS, rule_from_mapping


def make(text: str) -> Any:
    """A rule from YAML ``text`` (as if loaded from house.yaml)."""
    return rule_from_mapping(yaml.safe_load(text), Source("house.yaml", {}))


def run(rule: Any, draft: str, name: str = "draft.md") -> list[tuple[str, int, int, str]]:
    """``(code, line, column, match)`` of the rule's findings on ``draft``."""
    checker = Checker(Options(plugins=False), rules=[rule])
    return [(f.code, f.line, f.column, f.match) for f in checker.check_text(name, draft).findings]


def messages(rule: Any, draft: str) -> list[str]:
    """Messages of the rule's findings on ``draft``."""
    return [f.message for f in Checker(Options(plugins=False), rules=[rule]).check_text("d.md", draft).findings]


def test_every_extension_point_is_registered() -> None:
    assert sorted(EXTENSION_POINTS) == ["conditional", "consistency", "existence", "occurrence", "repetition",
                                        "required", "substitution"]


# -- existence ---------------------------------------------------------------------------------

EXISTENCE_AR = """
code: HR301
name: banned-phrase
extends: existence
language: ar
scope: [document]
message: "محظور: {match}"
tokens: [مصادر مطلعة, "عاجل!", "؟!"]
"""


def test_existence_arabic_normalised_with_proclitic() -> None:
    rule = make(EXISTENCE_AR)
    draft = "# خبر\n\nوقالت ومَصـــادرِ مُطّلعة إن الأمر انتهى.\n"
    assert run(rule, draft) == [("HR301", 3, 8, "مَصـــادرِ مُطّلعة")]


def test_existence_tokens_ending_in_punctuation_match() -> None:
    rule = make(EXISTENCE_AR)
    draft = "# خبر\n\nعاجل! الحكومة تستقيل؟! هكذا قالوا.\n"
    assert run(rule, draft) == [("HR301", 3, 1, "عاجل!"), ("HR301", 3, 21, "؟!")]


def test_existence_english_raw_pattern_and_exclamations() -> None:
    rule = make("""
code: HR302
name: shouted-marks
extends: existence
language: en
scope: [document]
message: "Remove '{match}'"
tokens: ["!!"]
raw: ['\\bsources? close to\\b']
""")
    draft = "# Storm\n\nWow!! Sources close to the mayor said so.\n"
    assert run(rule, draft) == [("HR302", 3, 4, "!!"), ("HR302", 3, 7, "Sources close to")]


def test_existence_label_position_start_of_block_or_before_a_label_mark() -> None:
    rule = make("""
code: HR303
name: exclusive-label
extends: existence
language: en
scope: [headline, body]
message: "Label '{match}'"
tokens: [{term: exclusive, position: label}]
""")
    draft = ("# Exclusive: Minister quits\n\nExclusive footage shows the fire.\n\nVideo exclusive | the fire.\n\n"
             "Video exclusive - the fire.\n\nThey sold exclusive rights, an exclusive deal.\n\n"
             "Watch the fire (exclusive footage).\n")
    assert run(rule, draft) == [("HR303", 1, 3, "Exclusive"), ("HR303", 3, 1, "Exclusive"),
                                ("HR303", 5, 7, "exclusive"), ("HR303", 7, 7, "exclusive"),
                                ("HR303", 11, 17, "exclusive")]


def test_existence_bad_regex_is_a_located_error() -> None:
    with pytest.raises(ConfigError, match=r"^house.yaml:1: raw: bad regular expression '\(unclosed'"):
        make("code: HR303\nname: x\nextends: existence\nmessage: m\nraw: ['(unclosed']\n")


# -- occurrence --------------------------------------------------------------------------------

def test_occurrence_at_most_one_exclamation_mark_per_article_arabic() -> None:
    rule = make("""
code: HR401
name: too-many-exclamations
extends: occurrence
language: ar
scope: [document]
max: 1
tokens: ["!"]
message: "{count} علامات تعجب في المقال (الحد {max})"
""")
    draft = "# خبر!\n\nقال الوزير: رائع! وكرر ذلك!\n"
    assert run(rule, draft) == [("HR401", 3, 17, "!")]
    assert messages(rule, draft) == ["3 علامات تعجب في المقال (الحد 1)"]
    assert run(rule, "# خبر\n\nقال الوزير: رائع!\n") == []


def test_occurrence_headline_words_and_characters_english() -> None:
    words = make("""
code: HR402
name: long-headline
extends: occurrence
language: en
scope: [headline]
per: block
unit: words
max: 8
message: "Headline has {count} words (at most {max})"
""")
    long_head = "# The council has finally agreed a new plan for the city buses today\n\nBody text here.\n"
    assert run(words, long_head) == [("HR402", 1, 3, "The council has finally agreed a new plan for the city buses today")]
    assert messages(words, long_head) == ["Headline has 13 words (at most 8)"]
    assert run(words, "# Council agrees bus plan\n\nBody.\n") == []
    chars = make("""
code: HR403
name: headline-characters
extends: occurrence
language: ar
scope: [headline]
unit: characters
max: 20
message: "العنوان {count} حرفاً"
""")
    # diacritics and tatweel are not characters an editor counts
    assert run(chars, "# الحكـــومةُ تُقِرُّ الخطة\n\nنص.\n") == []
    assert messages(chars, "# الحكومة تقر خطة النقل العام الجديدة\n\nنص.\n") == ["العنوان 35 حرفاً"]


def test_occurrence_min_count() -> None:
    rule = make("""
code: HR404
name: too-few-paragraph-sources
extends: occurrence
language: en
scope: [body]
min: 2
tokens: [said, according to]
message: "Only {count} attributions (need {min})"
""")
    assert run(rule, "# Storm\n\nThe mayor said the port closed.\n") == [("HR404", 3, 1, "The mayor said the port closed.")]
    assert run(rule, "# Storm\n\nThe mayor said it. According to police, it rained.\n") == []


# -- repetition --------------------------------------------------------------------------------

REPETITION = """
code: HR501
name: repeated-word
extends: repetition
language: [ar, en]
scope: [document]
exceptions: [had had, رويدا رويدا]
message: "'{word}' repeated: {match}"
"""


def test_repetition_arabic_and_english() -> None:
    rule = make(REPETITION)
    assert run(rule, "# خبر\n\nالوضع صعب جداً جدا في المدينة.\n") == [("HR501", 3, 11, "جداً جدا")]
    assert run(rule, "# Storm\n\nIt was the the worst storm.\n") == [("HR501", 3, 8, "the the")]
    assert run(rule, "# Storm\n\nShe had had enough. Prices rose 10 10 times.\n") == []
    assert run(rule, "# خبر\n\nتقدم الجيش رويداً رويداً نحو المدينة.\n") == []


def test_repetition_fix_removes_the_repeat() -> None:
    rule = make(REPETITION)
    [f] = Checker(Options(plugins=False), rules=[rule]).check_text("d.md", "# S\n\nIt was the the end.\n").findings
    assert f.fix is not None and f.fix.safe is False
    assert [(e.start, e.end, e.replacement) for e in f.fix.edits] == [(15, 19, "")]


# -- consistency -------------------------------------------------------------------------------

def test_consistency_arabic_one_spelling_per_draft() -> None:
    rule = make("""
code: HR601
name: name-spelling
extends: consistency
language: ar
scope: [document]
either: {ترامب: ترمب, مسؤول: مسئول}
message: "'{match}' هنا و'{first}' في السطر {line}: اختر صيغة واحدة"
""")
    draft = "# ترامب يلتقي مسؤولاً\n\nقال ترمب إن مسئولاً التقاه، ووصف ترامب اللقاء.\n"
    assert run(rule, draft) == [("HR601", 3, 5, "ترمب")]
    rule2 = make("""
code: HR602
name: hamza-spelling
extends: consistency
language: ar
scope: [document]
either: [[مسؤول, مسئول]]
suffixes: []
message: "{match} / {first}"
""".replace("suffixes: []\n", ""))
    assert run(rule2, "# خبر\n\nقال مسؤول إن مسئول آخر وافق.\n") == [("HR602", 3, 14, "مسئول")]
    assert messages(rule2, "# خبر\n\nقال مسؤول إن مسئول آخر وافق.\n") == ["مسئول / مسؤول"]


def test_consistency_english_and_same_variant_error() -> None:
    rule = make("""
code: HR603
name: spelling-variant
extends: consistency
language: en
scope: [document]
either: [[judgment, judgement], [Kyiv, Kiev]]
message: "Use '{first}' throughout"
""")
    assert run(rule, "# Kyiv court\n\nThe Kiev judgement and a second judgment.\n") == [
        ("HR603", 3, 5, "Kiev"), ("HR603", 3, 33, "judgment")]
    with pytest.raises(ConfigError, match="either: 'تـرامـب' appears twice"):
        make("code: HR604\nname: x\nextends: consistency\nmessage: m\neither: [[ترامب, تـرامـب]]\n")


# -- conditional -------------------------------------------------------------------------------

def test_conditional_arabic_anonymous_source_needs_reason_in_sentence() -> None:
    rule = make("""
code: HR701
name: anonymity-reason
extends: conditional
language: ar
scope: [body]
window: sentence
first: [مصدر مطلع, مصادر مطلعة]
second: [طلب عدم ذكر اسمه, طلبت عدم ذكر اسمها, لأنه غير مخول]
message: "'{match}' بلا سبب لإخفاء الهوية في الجملة نفسها"
""")
    draft = ("# خبر\n\nقال مصدر مطلع طلب عدم ذكر اسمه إن الاتفاق قريب. وأضاف ومصدر مطلع آخر أن الموعد لم يحدد.\n")
    assert run(rule, draft) == [("HR701", 3, 56, "مصدر مطلع")]


def test_conditional_english_paragraph_window_with_pattern_and_lexicon() -> None:
    rule = make("""
code: HR702
name: poll-margin
extends: conditional
language: en
scope: [body]
window: paragraph
first_pattern: ['\\bpoll(s|ed)?\\b']
second: [margin of error]
message: "A poll without its margin of error"
""")
    assert run(rule, "# Vote\n\nA poll put her ahead.\n\nThe margin of error was 3 points.\n") == [("HR702", 3, 3, "poll")]
    assert run(rule, "# Vote\n\nA poll put her ahead. The margin of error was 3 points.\n") == []
    lex = make("""
code: HR703
name: sources-need-reason
extends: conditional
language: en
scope: [body]
first_lexicon: anonymous_people
second_lexicon: anonymity_reasons
message: "x"
""")
    assert run(lex, "# Talks\n\nOfficials said the talks failed.\n") == [("HR703", 3, 1, "Officials")]
    with pytest.raises(ConfigError, match="first_lexicon: no lexicon list 'anonymus_people' for language en"):
        make("code: HR704\nname: x\nextends: conditional\nlanguage: en\nmessage: m\nfirst_lexicon: anonymus_people\nsecond: [x]\n")


# -- required ----------------------------------------------------------------------------------

def test_required_arabic_dateline_pattern_and_byline_field() -> None:
    rule = make("""
code: HR801
name: dateline
extends: required
language: ar
scope: [lede]
pattern: ['^\\s*(القاهرة|بيروت|عمان|الرياض)\\s*[-–—(]']
message: "الفقرة الأولى بلا سطر مكان (القاهرة - ...)"
""")
    assert run(rule, "# خبر\n\nالقاهرة - أعلنت الحكومة خطة جديدة.\n") == []
    assert run(rule, "# خبر\n\nأعلنت الحكومة خطة جديدة.\n") == [("HR801", 3, 1, "أعلنت الحكومة خطة جديدة.")]
    byline = make("""
code: HR802
name: byline-field
extends: required
language: [ar, en]
field: author
message: "front matter needs '{field}'"
""")
    assert run(byline, "---\ntitle: خبر\nauthor: ''\n---\n\nنص الخبر.\n") == [("HR802", 3, 1, "author: ''")]
    assert run(byline, "---\ntitle: Storm\nauthor: Jane Doe\n---\n\nText.\n") == []


def test_required_english_source_tokens() -> None:
    rule = make("""
code: HR803
name: needs-a-source
extends: required
language: en
scope: [body]
tokens: [said, according to]
lexicon: agencies
message: "No attributed source in the body"
""")
    assert run(rule, "# Storm\n\nThe port closed.\n") == [("HR803", 3, 1, "The port closed.")]
    assert run(rule, "# Storm\n\nThe port closed, Reuters reported.\n") == []
