"""The phrase prefilter only skips blocks in which the alternation cannot match."""

from __future__ import annotations

import random

from editcheck.rules.matcher import PhraseMatcher
from editcheck.text.normalize import normalize

_TERMS = ["الخبراء", "سر", "عاجل!", "!!", "watch:", "u.s.", "خبراء اقتصاديون", "تاريخي", "_x", "²nd", "said"]
_CLITICS = ["", "و", "ف", "ب", "ال", "وال", "لل", "بال", "ك"]
_AFTER = ["", "", "!", ":", "،", ".", "ة", "ا", "ين", "_", "x"]


def test_prefilter_never_hides_a_match() -> None:
    rnd = random.Random(7)
    matchers = [PhraseMatcher(_TERMS), PhraseMatcher(_TERMS, clitics=False),
                PhraseMatcher(_TERMS, suffixes=["ة", "ا", "ين"]), PhraseMatcher(_TERMS, level="spelling")]
    for _ in range(3000):
        text = rnd.choice([" ", "\n", "  "]).join(
            rnd.choice(_CLITICS) + rnd.choice([*_TERMS, "قال", "كسر"]) + rnd.choice(_AFTER)
            for _ in range(rnd.randint(1, 4)))
        for m in matchers:
            nt = normalize(text, level=m.level)
            if not m.prefilter.may_match(nt):
                assert m.pattern.search(nt.text) is None, (text, m.pattern.search(nt.text))


def test_prefilter_skips_unrelated_text() -> None:
    m = PhraseMatcher(["الخبراء", "مصادر مطلعة"])
    assert not m.prefilter.may_match(normalize("قال الوزير إن الاجتماع انتهى"))
    assert m.prefilter.may_match(normalize("وقال للخبراء"))
    assert [h.term.term for h in m.finditer(normalize("وبحسب مصادر  مطلعة"))] == ["مصادر مطلعة"]
