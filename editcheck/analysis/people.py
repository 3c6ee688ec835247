"""Who is quoted: made-up-looking experts, unnamed expert groups and anonymous sources.

Every function returns spans (absolute code-point offsets) with a severity and a label,
cached per document. The standards behind them: Al Jazeera Code of Ethics (analysis from
people with real, stated expertise), BBC Editorial Guidelines s.3 (identify sources and
their credentials), AP Stylebook "anonymous sources", Reuters Handbook "sourcing".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from editcheck.model import Severity
from editcheck.rules.alternation import trie, word_start
from editcheck.rules.casefilter import CaseFilter, case_filter, lower_safe
from editcheck.rules.matcher import norm_key
from editcheck.rules.prefilter import Prefilter, PrefilterBuilder, matches_at

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document
    from editcheck.rules.context import Context
    from editcheck.rules.lexicon import Lexicon
    from editcheck.text.normalize import NormText


@dataclass(frozen=True, slots=True)
class PersonSpan:
    """A span naming a questionable source. ``kind`` is ``fabricated``, ``vague`` or
    ``anonymous``; ``detail`` is the matched lexicon term (e.g. the pseudo-surname)."""

    start: int
    end: int
    kind: str
    severity: Severity
    detail: str
    block: int


def _keys(words: list[str], level: str = "match") -> list[str]:
    """Distinct ``norm_key`` of ``words``, longest first (a stable pattern text)."""
    return list(_keys_of(tuple(words), level))


@lru_cache(maxsize=256)
def _keys_of(words: tuple[str, ...], level: str) -> tuple[str, ...]:
    # memoised: building one language's patterns and prefilters asks for the same word
    # lists several times (~1,500 normalisations instead of ~600 for Arabic)
    return tuple(sorted({norm_key(w, level) for w in words if w}, key=lambda k: (-len(k), k)))


def _alt(words: list[str], level: str = "match") -> str:
    return "|".join(r"\s+".join(regex.escape(t) for t in k.split(" ")) for k in _keys(words, level))


def _trie(words: list[str]) -> str:
    """:func:`_alt` as a trie (same matches, faster; case-sensitive patterns only)."""
    keys = _keys(words)
    return trie(keys) if "" not in keys else _alt(words)  # an empty entry matches anywhere


def _start(words: list[str], clitics: str = "", level: str = "match") -> str:
    """``(?<![\\w])`` before optional ``clitics`` and ``words``, as ``\\m`` when that is the same.

    Also right under ``(?i)``: every character that matches a ``\\w`` character case-
    insensitively is ``\\w`` itself (checked over every code point in the tests)."""
    keys = _keys(words, level)
    return word_start(keys, clitics) if "" not in keys else r"(?<![\w])"


def _lexkey(lex: Lexicon) -> tuple[str, int, int]:
    """Cache key of a lexicon's patterns: a house lexicon added by a config gets its own."""
    return (lex.lang, getattr(lex, "uid", 0), getattr(lex, "revision", 0))


_PATTERNS: dict[tuple[str, int, int], dict[str, regex.Pattern[str]]] = {}
#: prefilters of the patterns in :data:`_PATTERNS`, built with them (see :func:`filters`)
_FILTERS: dict[tuple[str, int, int], dict[str, Prefilter | CaseFilter]] = {}


def _compiled(lex: Lexicon, build: Callable[[Lexicon], dict[str, str]]) -> dict[str, regex.Pattern[str]]:
    """The people patterns of ``lex`` (sources by ``build``), compiled, with their filters.

    The pattern sources and filters are kept with the lexicon in the compiled cache
    (:meth:`~editcheck.rules.lexicon.Lexicon.derived`): building them normalises some 700
    lexicon words (~10 ms of an Arabic run); ``regex`` compiles from its own cache."""
    key = _lexkey(lex)
    got = _PATTERNS.get(key)
    if got is not None:
        return got
    sources, fil = lex.derived(f"people-{lex.lang}", lambda: (build(lex), _build_filters(lex.lang, lex)))
    got = {name: regex.compile(src) for name, src in sources.items()}
    _FILTERS[key] = fil
    _PATTERNS[key] = got
    return got


#: an indefinite Arabic nisba adjective (normalised): أمريكي، حكومية، غربيون، أمنيين; not a
#: preposition or particle that ends in ي (في، علي، لدي، الي، حتي)
_AR_NISBA = r"(?!(?:علي|لدي|حتي|الي|لكي|كي|اي|التي|الذي)(?![\w]))(?!ال)[\u0621-\u064a]{2,}(?:ي|ية|يه|يون|يين|يان)"

#: the words that open a clause between an English source and its verb ("anon_speaker")
_EN_SPEAKER_CLAUSE = ("who", "speaking", "familiar", "close", "involved", "briefed")
#: speech verbs whose object is the listener: not inverted attribution ("..., told a senior official")
_EN_LISTENER_VERBS = frozenset({"told", "tells"})
#: the words that may follow an inverted English source ("said a senior official in Kabul",
#: "according to sources familiar with ..."); anything else ("according to official figures",
#: "said an official visit") means the noun is not the source
_EN_INVERTED_NEXT = _EN_SPEAKER_CLAUSE + ("in", "at", "from", "with", "of", "for", "on", "based", "quoted", "cited")
#: the prepositions that open an English aside naming the source's institution
_EN_ASIDE_PREPS = ("in", "at", "from", "with", "of")


def _ar_patterns(lex: Lexicon) -> dict[str, regex.Pattern[str]]:
    return _compiled(lex, _ar_sources)


def _en_patterns(lex: Lexicon) -> dict[str, regex.Pattern[str]]:
    return _compiled(lex, _en_sources)


def _lam_heads(words: list[str]) -> list[str]:
    """The words before a separate lam in Arabic attribution entries ("وفقا" of "وفقا ل"),
    which may carry that lam on the next word; ``["(?!x)x"]``-safe: never empty."""
    return sorted({k[:-2] for k in _keys(words) if k.endswith(" ل")}) or ["\uffff"]


#: words after an attached lam that make "وفقا ل" mean "in accordance with" or lead an
#: unnamed group, not name a source ("وفقا لقانون", "وفقا لما ينص", "وفقا لعدد من الباحثين")
_LAM_NOT_SOURCE = ["ما", "قانون", "قرار", "خطة", "اتفاق", "اتفاقية", "نظام", "جدول", "برنامج", "عدد", "بعض",
                   "كثير", "عديد"]


def _lam_source(lex: Lexicon) -> str:
    """The attached lam of "وفقا ل" before a source: an indefinite word ("لوزارة", "لأرامكو",
    "لمجلة فوربس") other than :data:`_LAM_NOT_SOURCE`, or a definite one that is an
    institution or a report ("للمرصد", "للأمم المتحدة", "للتقرير"); "للتطورات", "للقانون"
    and "للعديد من العوامل" are "in accordance with", not sources."""
    definite = [k[2:] for k in _keys(lex.words("institutions") + lex.words("attribution")) if k.startswith("ال")]
    return (rf"ل(?:(?!ل)(?!(?:{_alt(_LAM_NOT_SOURCE)})(?![\w]))(?=[\u0621-\u064a])"
            rf"|(?=ل(?:{_alt(definite)})(?![\w])))")


def _ar_sources(lex: Lexicon) -> dict[str, str]:
    # tries instead of longest-first alternations (editcheck.rules.alternation): same matches
    w = lex.words
    titles = _trie(w("titles"))
    roles = _trie(w("role_nouns"))
    mods = _trie(w("role_modifiers"))
    nisbas = _trie(w("field_nisbas"))
    given = _trie(w("given_names")) if lex.data.get("given_names") else "(?!x)x"
    name = r"(?!ال)(?!(?:بن|ابن|بنت)(?![\w]))[\u0621-\u064a]{2,}"
    pre = rf"(?:(?:{titles})|(?:{roles})(?:\s+(?:{mods}))?)"
    # the unnamed source noun (indefinite, not followed by a definite word: "مصدر الدخل" is an
    # origin) and its modifiers, all of them (atomic)
    np = (rf"(?P<np>(?:{_trie(w('anonymous_speakers'))})(?![\w])(?!\s+ال(?!ي(?![\w])))"
          rf"(?>(?:\s+(?:(?:{_trie(w('anonymous_speaker_modifiers'))})|{_AR_NISBA})(?![\w]))*))")
    preps = w("anonymous_speaker_prepositions") or ["\uffff"]
    plain_preps = [k for k in _keys(preps) if not k.endswith(" ل")] or ["\uffff"]
    got = {
        # TITLE/ROLE + name (+ second name) + (role noun) + field nisba as "surname"
        "fabricated": (
            rf"{_start(w('titles') + w('role_nouns'), 'وف')}[وف]?(?:{pre})\s+(?P<name>{name})(?:\s+(?!{nisbas})(?:{name}))?"
            rf"(?:\s+(?:{roles}))?\s+(?P<nisba>{nisbas})(?![\w])"
        ),
        # well-known given name + field nisba, no title ("خالد التحليلي")
        "bare": rf"{_start(w('given_names'))}(?:{given})\s+(?P<nisba>{nisbas})(?![\w])",
        "affiliation": rf"{_start(w('affiliation_cues'), 'وفبلا')}[وفبل]?(?:ال)?(?:{_trie(w('affiliation_cues'))})(?![\w])",
        "vague": rf"{_start(w('vague_experts'), 'وفل')}[وفل]?(?P<t>{_trie(w('vague_experts'))})(?![\w])",
        # verbs may carry an object pronoun: "وصفها مراقبون", "يراه محللون"
        "claim": rf"{_start(w('claim_verbs'), 'وف')}[وف]?(?:{_trie(w('claim_verbs'))})(?:ها|هما|هم|ه)?(?![\w])",
        "anon_people": rf"(?<![\w])[وف]?احد\s+(?:{_trie(w('anonymous_people'))})(?![\w])",
        # an unnamed source as the speaker: verb, source noun not followed by a definite word
        # ("مصدر الدخل" is an origin), its modifiers (all of them: atomic), then إن/أن/بأن
        # after a tail of at most six words ("لرويترز", "في محيط ماكرون") or a comma
        # or after an attribution preposition ("بحسب مصادر"، "وفقاً لمصادر أمنية"، "نقلاً عن
        # مصدر"), whatever follows: the tail is then the next three words, looked at only
        "anon_speaker": (
            rf"(?:{_start(w('anonymous_speaker_verbs'), 'وف')}[وف]?(?:{_trie(w('anonymous_speaker_verbs'))})\s+"
            rf"{np}(?P<tail>(?:\s+[\u0621-\u064a]+){{0,6}}?)(?:\s*,|\s+ب?ان(?:ه|ها)?(?![\w]))"
            rf"|{_start(preps, 'وف')}[وف]?(?:(?:{_trie(plain_preps)})\s+|(?:{_alt(_lam_heads(preps))})\s+ل\s?)"
            rf"(?P<inv>){np}(?=(?P<tail>(?:\s+[\u0621-\u064a]+){{0,3}}))(?:\s*,)?)"
        ),
        # "وفقا ل" and "طبقا ل" also with the lam on the source, as it is usually written
        # ("وفقاً لوزارة المالية", "وفقاً لـوزارة" once normalised), see _lam_source
        "speech": rf"{_start(w('attribution'), 'وف')}[وف]?(?:(?:{_trie(w('attribution'))})(?![\w])"
                  rf"|(?:{_alt(_lam_heads(w('attribution')))})\s+{_lam_source(lex)})",
        "institution": rf"{_start(w('institutions'), 'وفبل')}[وفبل]?(?:{_trie(w('institutions'))})(?![\w])",
    }
    return got


def _en_sources(lex: Lexicon) -> dict[str, str]:
    titles = _alt(lex.words("titles"), "spelling")
    fields = _alt(lex.words("field_surnames"), "spelling")
    roles = _alt(lex.words("role_nouns"))
    mods = _alt(lex.words("role_modifiers"))
    cap = r"[A-Z][a-z'’-]+"
    w = lex.words
    # up to four modifiers (checked on the original text, see _speaker_severity), the source noun
    mods_np = rf"(?P<mods>(?:[\w'’-]+(?:\.[\w'’-]+)*\.?\s+){{0,4}}?)(?:{_alt(w('anonymous_speakers'))})"
    inverted = [v for v in w("anonymous_speaker_verbs") if v.lower() not in _EN_LISTENER_VERBS] or ["(?!x)x"]
    preps = w("anonymous_speaker_prepositions") or ["(?!x)x"]
    # \m where it is the same test as (?<![\w]) (see _start): regex skips faster
    got = {
        "fabricated": rf"{_start(w('titles'), level='spelling')}(?:{titles})\s+(?P<name>{cap})\s+(?P<nisba>{fields})(?![\w])",
        # "security analyst Ahmed" with no family name after it
        "bare": (
            rf"{_start(w('role_modifiers') + w('role_nouns'))}(?i:(?:{mods})\s+)?(?i:{roles})\s+(?P<nisba>{cap})"
            rf"(?![\w'’-])(?!\s+(?:[A-Z]|al-|el-|bin\b|ibn\b))"
        ),
        "affiliation": rf"(?i){_start(w('affiliation_cues'))}(?:{_alt(w('affiliation_cues'))})(?![\w])",
        "vague": rf"(?i){_start(w('vague_experts'))}(?P<t>{_alt(w('vague_experts'))})(?![\w])",
        "claim": rf"(?i){_start(w('claim_verbs'))}(?:{_alt(w('claim_verbs'))})(?![\w])",
        "anon_people": rf"(?i){_start(['one', 'a'])}(?:one\s+of\s+the|an?)\s+(?:{_alt(w('anonymous_people'))})(?![\w])",
        # an unnamed source as the speaker: "a senior US official said", "One official,
        # speaking to Reuters, said"; the modifiers are checked on the original text
        # (anonymous_sources), the aside after a comma for a name (named_in_apposition)
        # or inverted: "..., said a senior official.", "according to sources" (article optional),
        # the source ending the clause or followed by an aside (_EN_INVERTED_NEXT); the tail
        # is then the rest of the clause, looked at only
        "anon_speaker": (
            rf"(?i)(?:{_start(['one', 'a', 'another'])}(?P<np>(?:one|an?|another)\s+{mods_np})(?![\w'’-])"
            rf"(?P<tail>\s*,[^,.;:!?\n\"“”()«»]{{1,200}},|\s+(?:{'|'.join(_EN_SPEAKER_CLAUSE)})(?![\w])"
            rf"[^,.;:!?\n\"“”()«»]{{0,150}}?)?\s*(?:{_alt(w('anonymous_speaker_verbs'))})(?![\w])"
            rf"|(?:(?<=[,\"”’']\s{{0,3}})(?:{_alt(inverted)})|{_start(preps)}(?:{_alt(preps)}))\s+(?P<inv>)"
            rf"(?P<np>(?:(?:one|an?|another)\s+)?{mods_np})(?![\w'’-])"
            rf"(?=\s*(?:[,.;:!?\n)\"”]|$)|\s+(?:{'|'.join(_EN_INVERTED_NEXT)})(?![\w]))"
            rf"(?=(?P<tail>\s*,?[^,.;:!?\n\"“”()«»]{{0,80}})))"
        ),
        "speech": rf"(?i){_start(w('attribution'))}(?:{_alt(w('attribution'))})(?![\w])",
        "institution": rf"(?i){_start(w('institutions'))}(?:{_alt(w('institutions'))})(?![\w])",
    }
    if all(k == k.lower() and k.isascii() for k in _keys(w("attribution"))):
        # "speech" without (?i), as a trie (~2.8x faster): the same matches in a text that
        # is lower_safe, as a normalised English block usually is (see speech_pattern)
        got["speech_lower"] = rf"{_start(w('attribution'))}(?:{_trie(w('attribution'))})(?![\w])"
    return got


def patterns(doc: Document, ctx: Context) -> dict[str, regex.Pattern[str]]:
    """Compiled people patterns for the document's language."""
    lex = ctx.lexicon(doc.lang)
    return _ar_patterns(lex) if doc.lang == "ar" else _en_patterns(lex)


def speech_pattern(pats: dict[str, regex.Pattern[str]], text: str) -> regex.Pattern[str]:
    """``pats["speech"]``, or its case-sensitive twin ``speech_lower`` (English) when both
    match the same in ``text`` (:func:`~editcheck.rules.casefilter.lower_safe`)."""
    fast = pats.get("speech_lower")
    return fast if fast is not None and lower_safe(text) else pats["speech"]


def _filter(words: list[str], level: str = "match") -> Prefilter:
    """Prefilter for ``(?<![\\w])<proclitic>?(?:{_alt(words)})(?![\\w])``; also right for a
    nisba alternation after ``\\s+`` (at a word start, no proclitic)."""
    pre = PrefilterBuilder()
    for key in _keys(words, level):
        if key:
            pre.add(key, word_start=True, boundary=True)
    return pre.build()


def _speech_filter(words: list[str]) -> Prefilter:
    """:func:`_filter` of the Arabic speech pattern, whose "X ل" entries may also run on
    into the next word (see :func:`_lam_heads`)."""
    pre = PrefilterBuilder()
    for key in _keys(words):
        if key:
            pre.add(key, word_start=True, boundary=not key.endswith(" ل"))
    return pre.build()


def _build_filters(lang: str, lex: Lexicon) -> dict[str, Prefilter | CaseFilter]:
    if lang == "ar":
        nisbas = _filter(lex.words("field_nisbas"))
        return {"fabricated": nisbas, "bare": nisbas, "vague": _filter(lex.words("vague_experts")),
                "anon_people": _filter(["احد"]), "anon_speaker": _filter(lex.words("anonymous_speakers")),
                "speech": _speech_filter(lex.words("attribution")),
                "institution": _filter(lex.words("institutions"))}
    got: dict[str, Prefilter | CaseFilter] = {"fabricated": _filter(lex.words("field_surnames"), "spelling")}
    # the case-insensitive alternations (editcheck.rules.casefilter): "bare" needs a role
    # noun (at a word start, after an optional modifier and \s+), "anon_people" one of its
    # group nouns (after \s+), "anon_speaker" one of its source nouns (after \s+); the others
    # begin with their alternation. Not "institution": it is searched in short windows,
    # where the filter costs more than it saves (1.2x)
    for name, words in (("bare", "role_nouns"), ("vague", "vague_experts"), ("anon_people", "anonymous_people"),
                        ("anon_speaker", "anonymous_speakers"), ("speech", "attribution")):
        f = case_filter(_keys(lex.words(words)))
        if f is not None:
            got[name] = f
    return got


def filters(doc: Document, ctx: Context) -> dict[str, Prefilter | CaseFilter]:
    """Prefilters (:mod:`editcheck.rules.prefilter`, :mod:`editcheck.rules.casefilter` for
    the case-insensitive English ones) of the people patterns of the document's language,
    by pattern name: a block they rule out has no match of it. Built together with the
    patterns, from the same lexicon."""
    patterns(doc, ctx)
    return _FILTERS[_lexkey(ctx.lexicon(doc.lang))]


def may_match(fil: dict[str, Prefilter | CaseFilter], name: str, nt: NormText) -> bool:
    """False when pattern ``name`` cannot match in ``nt`` (True when it has no prefilter)."""
    f = fil.get(name)
    return f is None or f.may_match(nt)


#: per language, the patterns whose prefilter is that of the alternation they begin with, so
#: that its :meth:`~editcheck.rules.prefilter.Prefilter.starts` says where a match can begin,
#: and for which trying only there pays. English: speech verbs (in most paragraphs) 0.24x
#: their search time on the corpus, vague groups 0.53x. Arabic: speech 0.39x alone, but no
#: measurable gain in the rules (EC401 stops at a block's first source, often an agency,
#: and ``finditer`` is lazy); vague groups and anon_people are rare (1.1-1.6x): none
LEADING: dict[str, frozenset[str]] = {"ar": frozenset(), "en": frozenset({"speech", "vague"})}


def finditer(doc: Document, fil: dict[str, Prefilter | CaseFilter], name: str, pattern: regex.Pattern[str],
             nt: NormText) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(nt.text)`` for people pattern ``name`` of ``doc``'s language: nothing
    when its prefilter rules ``nt`` out, and for the patterns of :data:`LEADING` the pattern is
    tried only where the prefilter says a match can begin (the same matches, see
    :func:`~editcheck.rules.prefilter.matches_at`)."""
    f = fil.get(name)
    if f is None:
        return pattern.finditer(nt.text)
    if name in LEADING[doc.lang]:
        starts = f.starts(nt)
        return pattern.finditer(nt.text) if starts is None else matches_at(pattern, nt.text, starts)
    return pattern.finditer(nt.text) if f.may_match(nt) else iter(())


def may_match_text(fil: dict[str, Prefilter | CaseFilter], name: str, text: str) -> bool:
    """:func:`may_match` for a plain string."""
    f = fil.get(name)
    return f is None or f.may_match_text(text)


_STUDY_RE = regex.compile(
    r"(?<![\w])[وفبل]?(?:ال)?(?:دراس[ةه]|بحث|ابحاث|جامع[ةه]|معهد|مركز|فريق\s+(?:بحث|من\s+الباحثين)|مجل[ةه]|مختبر|تقرير|study|research|"
    r"university|institute|team|journal|laboratory|report)(?![\w])",
    regex.I,
)
_DEFINITE_RE = regex.compile(r"^(?:[وفل]?ال|the\s)", regex.I)


def _prose(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.scopes & {"body", "headline", "standfirst"}]


#: per lexicon (see :func:`_lexkey`): normalised field nisbas that are also real surnames
_REAL_SURNAMES: dict[tuple[str, int, int], frozenset[str]] = {}


def _real_surnames(lex: Lexicon) -> frozenset[str]:
    """``norm_key`` of every ``field_nisbas`` term marked ``real_surname`` (cached per lexicon)."""
    key = _lexkey(lex)
    got = _REAL_SURNAMES.get(key)
    if got is None:
        got = _REAL_SURNAMES[key] = frozenset(
            norm_key(t.term) for t in lex.terms("field_nisbas") if t.get("real_surname"))
    return got


def fabricated_experts(doc: Document, ctx: Context) -> list[PersonSpan]:
    """Experts whose "family name" is their field: ``د. محمد الاستراتيجي``, ``اللواء أحمد
    المحلل الأمني``, ``الدبلوماسي السابق خالد التحليلي``, ``Dr. Mohammed Strategist``,
    ``security analyst Ahmed``. An affiliation (university, ministry...) within the next
    eight words clears the flag; a nisba that is also a common surname (العسكري) gives info.
    """
    cache = ctx.cache(doc)
    if "fabricated" in cache:
        return cache["fabricated"]  # type: ignore[no-any-return]
    pats = patterns(doc, ctx)
    lex = ctx.lexicon(doc.lang)
    out: list[PersonSpan] = []
    level = "match" if doc.lang == "ar" else "spelling"
    fil = filters(doc, ctx)
    for b in _prose(doc):
        nt = b.norm(level)
        text = nt.text
        taken: list[tuple[int, int]] = []
        for key in ("fabricated", "bare"):
            if not may_match(fil, key, nt):
                continue
            for m in pats[key].finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                after = " ".join(text[m.end():].split()[:8])
                if pats["affiliation"].search(after):
                    continue
                nisba = m.group("nisba")
                sev = Severity.INFO if norm_key(nisba) in _real_surnames(lex) else Severity.WARNING
                s, e = nt.span(m.start(), m.end())
                taken.append((m.start(), m.end()))
                out.append(PersonSpan(s, e, "fabricated", sev, nisba, b.index))
    cache["fabricated"] = out
    return out


def vague_experts(doc: Document, ctx: Context) -> list[PersonSpan]:
    """Unnamed expert groups as the source of a claim: a word such as ``خبراء``/``experts``
    next to (within two words of) an opinion or speech verb (``يتوقعون``, ``say``), with no
    affiliation right after it (``خبراء في صندوق النقد`` is qualified)."""
    cache = ctx.cache(doc)
    if "vague" in cache:
        return cache["vague"]  # type: ignore[no-any-return]
    pats = patterns(doc, ctx)
    out: list[PersonSpan] = []
    fil = filters(doc, ctx)
    prose = _prose(doc)
    # a named study is looked for only when a definite group needs it (rare): prose[:scanned]
    # have been searched, and study_seen says whether one of them names a study
    scanned, study_seen = 0, False
    for i, b in enumerate(prose):
        nt = b.norm()
        text = nt.text
        study_at: int | None = -1  # start of this block's first named study (None: none; -1: not searched)
        for m in finditer(doc, fil, "vague", pats["vague"], nt):
            # "الباحثون" / "the researchers" after a named study or team refers back to them
            if _DEFINITE_RE.match(m.group()):
                if not study_seen and scanned < i:
                    study_seen = any(_STUDY_RE.search(x.norm().text) for x in prose[scanned:i])
                    scanned = i
                if study_at == -1:
                    found = _STUDY_RE.search(text)
                    study_at = found.start() if found is not None else None
                if study_seen or (study_at is not None and study_at < m.start()):
                    continue
            before = text[max(0, m.start() - 40):m.start()].split()[-2:]
            if text[m.start():m.start("t")] == "ل":
                # the lam of "وفقا ل" written on the group ("وفقاً لمحللين"), as a word of its own
                before.append("ل")
            after_words = text[m.end():m.end() + 60].split()
            near = " ".join(before + after_words[:2])
            # a headline that opens with the group and a colon quotes it: "خبير اقتصادي: ..."
            quoted = "headline" in b.scopes and not text[:m.start()].strip() and text[m.end():].lstrip().startswith(":")
            if not quoted and not pats["claim"].search(near):
                continue
            after = " ".join(after_words[:4])
            # (after a headline's colon come the group's words, not its affiliation)
            if not quoted and (pats["affiliation"].search(after)
                               or pats["institution"].search(" ".join(after_words[:3]))):
                continue
            s, e = nt.span(m.start("t"), m.end())  # the proclitic (و، ف، ل) is not part of the span
            # extend to the verb when it follows directly ("الخبراء يتوقعون")
            v = pats["claim"].match(text, m.end() + 1) if m.end() < len(text) else None
            if v is not None:
                s, e = nt.span(m.start("t"), v.end())
            out.append(PersonSpan(s, e, "vague", Severity.WARNING, m.group("t"), b.index))
    cache["vague"] = out
    return out


#: words that are never part of a personal name in apposition (normalised, "match" level):
#: relative pronouns, the verbs of a stated reason for anonymity, prepositions and time words
#: ("أحد المسؤولين، مساء الأحد، إن" is not a name)
_AR_NOT_NAME = frozenset(
    "الذي التي الذين اللذين اللتين وهو وهي وهم وهما هو هي هم طلب طلبت طالبا طالبة فضل فضلت مفضلا مفضلة رفض "
    "رفضت رافضا رافضة مشترطا مشترطة شريطة شرط عدم اسمه اسمها هويته هويتها في من عن الي الا مع ان لكن قبل "
    "بعد خلال حسب بحسب وفق وفقا نقلا يوم امس مساء صباح ظهر فجر ليلة ليل اليوم الليلة بدوره بدورها من جهته "
    "جهتها كما اي منذ حين عندما حيث ايضا قائلا قائلة مضيفا مضيفة موضحا موضحة مؤكدا مؤكدة لوكالة لصحيفة لقناة "
    "لموقع لشبكة لتلفزيون لاذاعة لوكالات لرويترز متحدثا متحدثة لم لن لا ما قد كان كانت ليس ليست ثم او اذا اذ "
    "حتي مثل دون فوق تحت بين نحو لاول مرة كل بعض غير نهاية بداية مطلع اواخر اوائل منتصف يناير فبراير مارس ابريل "
    "مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين "
    "عبر بشرط لبي تحدث تحدثت يعمل تعمل بينهم بسبب رغم لكنه لكنها انه انها هناك بل ضمن خارج داخل باستثناء بمشاركة "
    "متحفظا متحفظة وصفه وصفها نفسه نفسها".split())
#: words after which an article-led word still belongs to a name (عبد الله، أبو الفضل، بن الحسين)
_AR_NAME_LINKS = frozenset({"عبد", "ابو", "ام", "بن", "ابن", "بنت"})
#: a kunya alone ("أبو محمد") is how sources who withhold their name are usually called
_AR_KUNYA = frozenset({"ابو", "ام"})
#: "is called": the words after it name the person ("أحد السكان، ويدعى أحمد حسن، إن"), so a
#: given name alone is enough there (normalised: ى is ي)
_AR_NAMED = frozenset({"ويدعي", "يدعي", "واسمه", "واسمها", "ويسمي", "وتدعي", "تدعي", "وتسمي"})
_AR_WORD_RE = regex.compile(r"[\u0621-\u064a]{2,}")
_EN_NAME_WORD_RE = regex.compile(r"(?:[A-Z](?:[a-z'’]+|\.)?(?:-[A-Z]?[a-z'’]+)*|al-[A-Z][a-z]+|el-[A-Z][a-z]+)")
_EN_PARTICLES = frozenset({"al", "bin", "ibn", "de", "da", "del", "van", "von", "der", "den", "la", "le", "du", "di"})
_EN_NOT_NAME = frozenset(
    "The A An On In At As Who Which That Speaking According Last This Next Earlier Later However Meanwhile "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Reuters Sources Officials".split())
#: people patterns whose match in a segment shows it is not a personal name
_NOT_A_NAME_PATTERNS = ("speech", "claim", "institution", "vague", "anon_people")
#: the noun phrase may run this many words past the matched phrase before the comma
_APPOSITION_TAIL = 6
_CLOSE_RE = regex.compile(r"[,.;:!?\n]|$")
#: per lexicon (see :func:`_lexkey`): the normalised given names
_GIVEN: dict[tuple[str, int, int], frozenset[str]] = {}


def _given_names(lex: Lexicon) -> frozenset[str]:
    """``norm_key`` of every ``given_names`` entry of ``lex`` (cached per lexicon)."""
    key = _lexkey(lex)
    got = _GIVEN.get(key)
    if got is None:
        got = _GIVEN[key] = frozenset(_keys(lex.words("given_names"))) if lex.data.get("given_names") else frozenset()
    return got


def _appositive(rest: str) -> tuple[str, str] | None:
    """``(tail, segment)`` when ``rest`` (the text right after an anonymous-source phrase)
    is ``tail, segment,`` (or ``tail, segment.`` / end of text): the rest of the phrase's
    noun phrase, at most :data:`_APPOSITION_TAIL` words without sentence punctuation, then a
    comma-delimited segment of two to five words. ``rest`` is normalised Arabic (commas as
    ``,``) or original English."""
    comma = rest.find(",")
    if comma < 0:
        return None
    tail = rest[:comma]
    if len(tail.split()) > _APPOSITION_TAIL or any(c in tail for c in ".!?:;\"«»()\n"):
        return None
    after = rest[comma + 1:]
    close = _CLOSE_RE.search(after)
    if close is None or close.group() not in (",", ".", ""):
        return None
    segment = after[:close.start()].strip()
    if not 2 <= len(segment.split()) <= 5:
        return None
    return tail, segment


def named_in_apposition(lang: str, phrase: str, rest: str, pats: dict[str, regex.Pattern[str]],
                        lex: Lexicon | None = None) -> bool:
    """True when the anonymous-source phrase that ``rest`` follows is completed, within its
    noun phrase and after a comma, by a personal name in apposition:
    ``أحد الأعضاء البارزين في البرلمان، هانز بيتر بارتلز، إن`` / ``one of the members of
    parliament, Hans-Peter Bartels, said``. The source is then named, not anonymous.
    ``lex`` supplies the given names (``وليد`` starts with و yet is a name).

    The name test is conservative: two to five words, in English each capitalised (or a
    particle such as ``bin``/``al-``), in Arabic letters only; no relative pronoun, reason
    for anonymity, preposition or time word (:data:`_AR_NOT_NAME`), no speech or opinion
    verb, institution or unnamed group; a kunya alone (``أبو محمد``) is not a name, nor is
    a clause after a speech or opinion verb in ``phrase`` (the match, normalised) or the
    tail (``sources said, ...``, ``one of the aides said, ...``)."""
    got = _appositive(rest)
    if got is None:
        return False
    tail, segment = got
    head = f"{phrase} {tail.lower() if lang == 'en' else tail}"
    if pats["speech"].search(head) or pats["claim"].search(head):
        return False
    words = segment.split()
    if lang == "en":
        if words[0] in _EN_NOT_NAME or words[0].lower() in _EN_PARTICLES:
            return False
        for w in words:
            if w.lower() not in _EN_PARTICLES and not _EN_NAME_WORD_RE.fullmatch(w):
                return False
            if w in _EN_NOT_NAME:
                return False
        low = segment.lower()
    else:
        if words[0] in _AR_NAMED:  # "ويدعى أحمد حسن": the words after it are the name, even one
            named = words[1:]
            return (all(_AR_WORD_RE.fullmatch(w) and w not in _AR_NOT_NAME for w in named)
                    and not any(pats[k].search(" ".join(named)) for k in _NOT_A_NAME_PATTERNS))
        if not all(_AR_WORD_RE.fullmatch(w) for w in words):
            return False
        if any(w in _AR_NOT_NAME for w in words) or (len(words) == 2 and words[0] in _AR_KUNYA):
            return False
        # a name does not start with a conjunction, a preposition or the article (that is a
        # title, a time or a description: "الأسبوع الماضي", "لاعب المنتخب البرتغالي"); only
        # its last word, or one after عبد/أبو/بن, may carry the article (محمد العلي، عبد الله)
        # "علي" is also the preposition على once normalised: as a name it is followed by another
        given = _given_names(lex) if lex is not None else frozenset()
        first_given = words[0] in given and (words[0] != "علي" or words[1] in given or words[1] in _AR_NAME_LINKS)
        if words[0].startswith(("ال", "و", "ف")) and not first_given:
            return False
        for i, w in enumerate(words):
            if w.startswith(("لل", "بال", "وال", "فال", "كال")):
                return False
            if i and w.startswith("ال") and i < len(words) - 1 and words[i - 1] not in _AR_NAME_LINKS:
                return False
        if (words[-1].startswith("ال") and len(words) == 2 and not first_given) or (words[0] == "علي" and not first_given):
            return False
        low = segment
    return not any(pats[k].search(low) for k in _NOT_A_NAME_PATTERNS)


#: a source phrase ending in one of these words is completed by whom the source is close to:
#: "sources close to the ministry" is still anonymous (normalised, "match" level)
_PROXIMITY_END = ("close to", "familiar with", "near", "مقرب من", "مقربه من", "مقربة من", "مقربون من", "مقربين من",
                  "قريب من", "قريبه من", "قريبة من", "قريبون من", "قريبين من")


def _is_source_noun(phrase: str, pats: dict[str, regex.Pattern[str]]) -> bool:
    """True when ``phrase`` (an anonymous-source match, normalised) names the source only,
    so that an institution right after it is its affiliation (``مصدر مسؤول في وزارة
    الداخلية``). False when it holds a speech or opinion verb (``sources say the minister
    ...``: what follows is the claim) or ends in a word of proximity (``sources close to the
    ministry``: still anonymous)."""
    if pats["speech"].search(phrase) or pats["claim"].search(phrase):
        return False
    return not phrase.endswith(_PROXIMITY_END)


def _rest(doc: Document, b: Block, nt: NormText, nend: int, end: int) -> str:
    """The block's text after a match ending at normalised ``nend`` / original ``end``, at
    most 200 characters: normalised for Arabic (commas folded to ``,``), the original for
    English (the normalised text is lower-cased; names need their capitals)."""
    if doc.lang == "en":
        return b.source[end:min(b.end, end + 200)]
    return nt.text[nend:nend + 200]


#: per lexicon (see :func:`_lexkey`): severity of each normalised ``anonymous_speakers`` noun,
#: and the normalised ``anonymous_speaker_modifiers``
_SPEAKERS: dict[tuple[str, int, int], tuple[dict[str, Severity], frozenset[str]]] = {}
_EN_NOT_MODIFIER = frozenset({"The", "A", "An", "One", "Another", "This", "That", "His", "Her", "Its", "Their", "Our"})


def _speakers(lex: Lexicon) -> tuple[dict[str, Severity], frozenset[str]]:
    key = _lexkey(lex)
    got = _SPEAKERS.get(key)
    if got is None:
        sev = {norm_key(t.term): Severity.parse(t.get("severity", "warning")) for t in lex.terms("anonymous_speakers")}
        got = _SPEAKERS[key] = (sev, frozenset(_keys(lex.words("anonymous_speaker_modifiers"))))
    return got


def _speaker_severity(doc: Document, b: Block, nt: NormText, m: regex.Match[str], pats: dict[str, regex.Pattern[str]],
                      lex: Lexicon, covered: list[tuple[int, int]]) -> Severity | None:
    """The severity of an ``anon_speaker`` match (the source noun's), or ``None`` when it is
    not an anonymous source: it overlaps a phrase hit of ``anonymous_sources`` (``covered``,
    that hit decides), an English modifier is neither of the lexicon nor capitalised (``an
    official visit``... ``a plan the official said``), an institution opens the tail (``مسؤول
    في وزارة الداخلية``: official-agency style, as for the phrases; not after a word of
    proximity), or a personal name follows in apposition (:func:`named_in_apposition`)."""
    s, e = nt.span(m.start("np"), m.end("np"))
    if any(s < he and hs < e for hs, he in covered):
        return None
    severities, modifiers = _speakers(lex)
    np = m.group("np")
    if doc.lang == "en":
        ms, me = nt.span(m.start("mods"), m.end("mods")) if m.end("mods") > m.start("mods") else (s, s)
        for word in b.source[ms:me].split():
            if norm_key(word) not in modifiers and (not word[0].isupper() or word in _EN_NOT_MODIFIER
                                                    or (word.endswith(".") and not regex.fullmatch(r"(?:\w\.)+", word))):
                return None
        sev = severities.get(np.split()[-1])
    else:
        sev = severities.get(np.split()[0])
        # a nisba that describes the source ("مصدر عسكري"، "مصادر قضائية") gives info, as the
        # phrases "مصادر عسكرية" and "مصدر أمني" of anonymous_sources
        if any(w not in modifiers and regex.fullmatch(_AR_NISBA, w) for w in np.split()[1:]):
            sev = Severity.INFO
    raw = m.group("tail") or ""
    tail = raw.strip(" ,")
    if doc.lang == "ar" and tail and tail.split()[0] in _given_names(lex):
        return None  # "قال مسؤول حكومي أحمد العلي إن": named
    comma = raw.lstrip().startswith(",") if doc.lang == "en" else m.group().endswith(",")
    # Arabic: the tail's first three words ("في وزارة الداخلية"); English: an aside opened by
    # a preposition ("One official, from the interior ministry, said"), not a clause "who
    # ..."/"speaking ..." (no affiliation; and "who" is also the WHO)
    words = tail.split()[:3]
    if doc.lang == "en":
        # inverted ("according to sources at the central bank") also without a comma
        aside = comma or m.start("inv") >= 0
        words = tail.split()[:6] if aside and words and words[0].lower() in _EN_ASIDE_PREPS else []
    if words and not tail.startswith(_PROXIMITY_END) and pats["institution"].search(" ".join(words)):
        return None
    if comma and named_in_apposition(doc.lang, np, _rest(doc, b, nt, m.end("np"), e), pats, lex):
        return None
    return sev if sev is not None else Severity.WARNING


def anonymous_sources(doc: Document, ctx: Context) -> list[PersonSpan]:
    """Anonymous sources: ``مصادر مطلعة``, ``sources say`` (severity from the lexicon), and
    ``أحد المرافقين ... وصف`` / ``one of the aides said`` (an unnamed member of a group as
    the speaker). A stated reason for anonymity in the paragraph lowers the finding to info;
    an institution right after the phrase (``مصدر مسؤول في وزارة الداخلية``) clears it, and so
    does a personal name in apposition (:func:`named_in_apposition`)."""
    cache = ctx.cache(doc)
    if "anonymous" in cache:
        return cache["anonymous"]  # type: ignore[no-any-return]
    pats = patterns(doc, ctx)
    lex = ctx.lexicon(doc.lang)
    phrases = lex.matcher("anonymous_sources")
    reasons = lex.matcher("anonymity_reasons")
    fil = filters(doc, ctx)
    out: list[PersonSpan] = []
    for b in _prose(doc):
        nt = b.norm()
        text = nt.text
        has_reason: bool | None = None  # a stated reason for anonymity; searched on the first hit
        covered: list[tuple[int, int]] = []  # the phrase hits, reported or cleared
        for h in phrases.finditer(nt):
            covered.append((h.start, h.end))
            sev = Severity.parse(h.term.get("severity", "warning"))
            phrase = text[h.nstart:h.nend]
            after = " ".join(text[h.nend:h.nend + 50].split()[:3])
            if _is_source_noun(phrase, pats) and pats["institution"].search(after):
                continue  # "مصدر مسؤول في وزارة الداخلية": official-agency style, not anonymous
            if named_in_apposition(doc.lang, phrase, _rest(doc, b, nt, h.nend, h.end), pats, lex):
                continue  # "..., Hans-Peter Bartels, said": named right after, in apposition
            if has_reason is None:
                has_reason = any(True for _ in reasons.finditer(nt))
            if has_reason:
                sev = Severity.INFO
            out.append(PersonSpan(h.start, h.end, "anonymous", sev, h.term.term, b.index))
        for m in finditer(doc, fil, "anon_people", pats["anon_people"], nt):
            sent_end = min([i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0] or [len(text)])
            sent_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            if not (pats["speech"].search(text, m.end(), sent_end) or pats["speech"].search(text, sent_start, m.start())):
                continue
            if named_in_apposition(doc.lang, m.group(), _rest(doc, b, nt, m.end(), nt.span(m.start(), m.end())[1]),
                                   pats, lex):
                continue  # "أحد الأعضاء البارزين في البرلمان، هانز بيتر بارتلز، إن": named in apposition
            if has_reason is None:
                has_reason = any(True for _ in reasons.finditer(nt))
            s, e = nt.span(m.start(), m.end())
            out.append(PersonSpan(s, e, "anonymous", Severity.INFO if has_reason else Severity.WARNING,
                                  m.group(), b.index))
        for m in finditer(doc, fil, "anon_speaker", pats["anon_speaker"], nt):
            sev = _speaker_severity(doc, b, nt, m, pats, lex, covered)
            if sev is None:
                continue
            if has_reason is None:
                has_reason = any(True for _ in reasons.finditer(nt))
            s, e = nt.span(m.start("np"), m.end("np"))
            out.append(PersonSpan(s, e, "anonymous", Severity.INFO if has_reason else sev, m.group("np"), b.index))
    cache["anonymous"] = out
    return out


def questionable(doc: Document, ctx: Context) -> list[PersonSpan]:
    """Every fabricated, vague or anonymous source span of the document."""
    return fabricated_experts(doc, ctx) + vague_experts(doc, ctx) + anonymous_sources(doc, ctx)
