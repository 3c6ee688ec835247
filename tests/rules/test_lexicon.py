"""Lexicon terms are built once per list names, and rebuilt after a house lexicon extends them."""

from __future__ import annotations

import pickle

from editcheck.rules.lexicon import Lexicon


def test_terms_are_cached_copies_and_follow_extend() -> None:
    lex = Lexicon("ar", {"hype": ["تاريخي", {"term": "غير مسبوق", "severity": "info", "variants": ["لم يسبق"]}]})
    first = lex.terms("hype")
    assert [t.term for t in first] == ["تاريخي", "غير مسبوق", "لم يسبق"]
    assert first[1].get("severity") == "info" and first[2].get("severity") == "info"
    first.append(first[0])  # the caller's list is its own
    assert len(lex.terms("hype")) == 3
    assert lex.terms("hype", "nothing") == lex.terms("hype")
    lex.extend({"hype": ["مذهل"]})
    assert [t.term for t in lex.terms("hype")] == ["تاريخي", "غير مسبوق", "لم يسبق", "مذهل"]
    copy = pickle.loads(pickle.dumps(lex))
    assert copy._terms == {} and [t.term for t in copy.terms("hype")][-1] == "مذهل"
