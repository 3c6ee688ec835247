"""EC520 unknown-word: Arabic words the Hunspell dictionary does not know (opt-in, info)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule, RuleMeta, blocks_for

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.context import Context

#: An Arabic word as written: letters with harakat and tatweel (no digits, no Latin).
_WORD_RE = re.compile("[\u0621-\u065f\u0670-\u06d3]+")
#: Followed by a Latin gloss in brackets: ``بايدن (Biden)`` -- a transliterated name.
_GLOSS_RE = re.compile(r"\s*[(\[]\s*[A-Za-z]")
#: Proclitics tried off the front of a word before looking it up in the accepted list.
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
#: How many words after a title (الرئيس) or a given name (محمد) are taken for a name.
NAME_WINDOW = 3
STATE_SPELLER = "EC520.speller"
STATE_WORDS = "EC520.words"


class UnknownWord(Rule):
    """Report Arabic words that Hunspell's Arabic dictionary (Debian ``hunspell-ar``) rejects.

    Info level and off by default (``spelling: {enabled: true}`` or ``--spelling``), so
    professional copy stays quiet. Skipped: names (given names from the lexicon and the words
    after a title or a given name, words glossed in Latin letters), numbers and Latin words
    (never Arabic-word tokens), words on the newsroom's accepted list (EC501's ``accept`` and
    corrections, ``spelling.accept``) and EC501's known misspellings (EC501 reports those
    with a fix). When Hunspell or the dictionary is missing, one notice says how to install it.
    """

    requires = "spelling"

    meta = RuleMeta(
        code="EC520", name="unknown-word", family="spelling", severity=Severity.INFO,
        languages=frozenset({"ar"}), scopes=("headline", "standfirst", "body", "caption", "heading"),
        message="'{match}' is not in the Arabic dictionary (Hunspell): check the spelling",
        messages={"ar": "'{match}' غير موجودة في القاموس العربي (Hunspell): تحقّق من الإملاء"},
        docs={
            "what": "Looks up every Arabic word of the prose in Hunspell's Arabic dictionary and reports the words it "
                    "does not know, with its suggestions. Off unless spelling is enabled; info level.",
            "why": "Typos that are not on the curated newsroom list (EC501) still reach print; a dictionary catches "
                   "them, at the cost of some false alarms on rare words, which is why the rule is opt-in.",
            "example": "أعلنت حكومةة البلاد عن خطة جديدة.",
            "instead": "أعلنت حكومة البلاد عن خطة جديدة.",
        },
        standard="Arabic orthography (Ayaspell dictionary, Debian hunspell-ar); editorial-standards R20",
        examples={"fail": ["أعلنت حكومةة البلاد عن خطة جديدة."], "pass": ["قال المسؤول إن الاجتماع عقد مساءً."]},
    )

    def _speller(self, doc: Document, ctx: Context) -> Any:
        from editcheck.grammar.hunspell import SpellingUnavailable, load_speller
        from editcheck.grammar.settings import SPELLING_STATE, SpellingSettings, add_notice

        if STATE_SPELLER in ctx.state:
            return ctx.state[STATE_SPELLER]
        settings: SpellingSettings = ctx.state.get(SPELLING_STATE) or SpellingSettings(enabled=True)
        try:
            sp = load_speller(settings.dictionary)
        except SpellingUnavailable as exc:
            add_notice(doc, f"Arabic spelling (EC520) skipped: {exc}")
            sp = None
        ctx.state[STATE_SPELLER] = sp
        return sp

    def _word_lists(self, ctx: Context) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
        """``(accepted, known_wrong, given_names, titles)`` as spelling keys / match keys (cached per run)."""
        cached = ctx.state.get(STATE_WORDS)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        from editcheck.grammar.hunspell import spelling_key
        from editcheck.grammar.settings import SPELLING_STATE
        from editcheck.rules.matcher import norm_key

        accepted: set[str] = set()
        wrong: set[str] = set()
        ec501 = _ec501_lists()
        settings = ctx.state.get(SPELLING_STATE)
        for w in [*ec501["accept"], *ec501["right"], *(settings.accept if settings else ())]:
            accepted.update(spelling_key(x) for x in str(w).split())
        wrong.update(spelling_key(str(w)) for w in ec501["wrong"] if " " not in str(w))
        lex = ctx.lexicon("ar")
        names = frozenset(norm_key(w) for w in lex.words("given_names") if " " not in w)
        titles = frozenset(norm_key(w).split()[-1] for w in lex.words("titles") if norm_key(w))
        cached = (frozenset(accepted), frozenset(wrong), names, titles)
        ctx.state[STATE_WORDS] = cached
        return cached

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """One info finding per unknown Arabic word."""
        speller = self._speller(doc, ctx)
        if speller is None:
            return
        from editcheck.grammar.hunspell import spelling_key
        from editcheck.rules.matcher import norm_key

        accepted, wrong, names, titles = self._word_lists(ctx)
        src = doc.text
        for block in blocks_for(doc, self.meta.scopes):
            if block.kind in ("title", "byline", "breadcrumb"):
                continue
            name_left = 0
            for m in _WORD_RE.finditer(src, block.start, block.end):
                s, e = m.span()
                word = m.group()
                mkey = norm_key(word)
                is_name_cue = mkey in names or mkey in titles or any(
                    mkey.startswith(c) and mkey[len(c):] in titles for c in ("و", "ف", "ل", "ب"))
                in_name = name_left > 0
                name_left = NAME_WINDOW if is_name_cue else max(0, name_left - 1)
                if is_name_cue or in_name or any(ms < e and s < me for ms, me in block.mask):
                    continue
                key = spelling_key(word)
                if len(key) < 2 or _accepted(key, accepted) or key in wrong:
                    continue
                if _GLOSS_RE.match(src, e, block.end):
                    continue
                if speller.known(word):
                    continue
                sugg = speller.suggest(word)
                yield self.finding(doc, s, e, scope=block.kind, suggestion=" / ".join(sugg) if sugg else None)


def _accepted(key: str, accepted: frozenset[str]) -> bool:
    if key in accepted:
        return True
    return any(key.startswith(c) and key[len(c):] in accepted for c in _CLITICS)


def _ec501_lists() -> dict[str, list[str]]:
    """``accept``, ``right`` and ``wrong`` words of the curated list (rules/ar-news/common-misspelling.yaml)."""
    from editcheck.errors import EditcheckError
    from editcheck.rules.packs import pack_dir
    from editcheck.rules.yamlio import load_yaml_file

    out: dict[str, list[str]] = {"accept": [], "right": [], "wrong": []}
    try:
        data = load_yaml_file(pack_dir("ar-news") / "common-misspelling.yaml")
    except EditcheckError:
        return out
    if not isinstance(data, dict):
        return out
    out["accept"] = [str(a) for a in data.get("accept") or []]
    for item in data.get("swap") or []:
        if isinstance(item, dict):
            out["right"].append(str(item.get("right", "")))
            out["wrong"].append(str(item.get("wrong", "")))
    return out


RULE = UnknownWord()
