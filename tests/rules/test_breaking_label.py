"""EC301 finds labels with one match per block when the block has no breadcrumb separator."""

from __future__ import annotations

import random

from editcheck.rules.builtin.ec301_breaking_label import _AR_RE, _EN_RE, _labels


def test_labels_equal_finditer() -> None:
    rnd = random.Random(301)
    pieces = ["عاجل", "خبر عاجل", "عاجل جدا", "هام وعاجل", "ورد الان", "breaking", "BREAKING news", "just in",
              "Urgent", "developing", "الحكومة", "plan", ":", "!!", "-", " ", "  ", "\n", "/", ">", "»", "›", "|", "—"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(rnd.randint(1, 7)))
        for rx in (_AR_RE, _EN_RE):
            assert [m.span() for m in _labels(rx, text)] == [m.span() for m in rx.finditer(text)], text
