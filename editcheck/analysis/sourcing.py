"""What in a draft counts as a source: attributions to named people or institutions,
agency credits, datelines, links and the front-matter ``sources`` list.

Standards: Reuters Handbook of Journalism, "The Essentials of Reuters sourcing" (every
statement that is not established fact needs a source; the reader must never wonder how we
know); BBC Editorial Guidelines s.3.3 (check and attribute statistics); AP Stylebook.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from editcheck.analysis.headline import headline_key, key_of_normalized
from editcheck.analysis.people import filters, finditer, may_match_text, patterns, questionable
from editcheck.rules.matcher import norm_key

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document
    from editcheck.rules.context import Context

_DATELINE_RE = re.compile(r"^[^\n(]{2,60}\(\s*[^()\n]{2,40}\s*\)\s*[-–—]")
_URL_RE = re.compile(r"https?://\S+")
SOURCE_KEYS = ("sources", "source", "agency", "credit", "via")


def front_matter_sources(doc: Document) -> list[str]:
    """Non-empty source entries from the front matter (``sources``, ``source``, ...)."""
    out: list[str] = []
    for key in SOURCE_KEYS:
        v = doc.front_matter.get(key) if doc.front_matter else None
        if isinstance(v, str) and v.strip():
            out.append(v.strip())
        elif isinstance(v, list):
            out.extend(str(x) for x in v if x not in (None, "") and str(x).strip())
        elif isinstance(v, dict) and v:
            out.append(str(v))
    return out


def _sentence_of(block: Block, start: int) -> tuple[int, int]:
    for s, e in block.sentences():
        if s <= start < e:
            return s, e
    return block.start, block.end


def _block_key(b: Block) -> str:
    """``headline_key(b.text)``; without markup ranges the block's normalised text is that
    of ``b.text``, so it is reused."""
    return headline_key(b.text) if b.drop or b.mask else key_of_normalized(b.norm().text)


def repeats_key(b: Block, key: str, words: tuple[str, ...]) -> bool:
    """``_block_key(b) == key`` for a non-empty headline key ``key`` and its distinct words
    ``words``, longest first: a block whose key is ``key`` holds each of its words in its
    normalised text (a key's words are runs of that text), so a block lacking one is not
    keyed (most paragraphs lack the headline's longest word)."""
    if b.drop or b.mask:
        return headline_key(b.text) == key
    norm = b.norm().text
    for w in words:
        if w not in norm:
            return False
    return key_of_normalized(norm) == key


_SOURCE_SCOPES = frozenset({"body", "byline", "standfirst", "caption"})


class _Sourcing:
    """The sourcing analysis of one document, block by block, computed on demand.

    :meth:`sources` yields a block's credible sources, the cheap tests first;
    :meth:`sourced` stops at the first one and remembers the answer. The headline key and
    the sentences of made-up, vague or anonymous sources are computed on first use.
    """

    def __init__(self, doc: Document, ctx: Context) -> None:
        self.doc, self.ctx = doc, ctx
        self.pats = patterns(doc, ctx)
        self.fil = filters(doc, ctx)
        self.level = "spelling" if doc.lang == "en" else "match"
        self.agencies = ctx.lexicon(doc.lang).matcher("agencies", level=self.level)
        self._bad: list[tuple[int, int]] | None = None
        self._head_key: str | None = None
        self._head_words: tuple[str, ...] = ()
        self._sourced: dict[int, bool] = {}
        self._headline: tuple[tuple[int, int, str] | None] | None = None

    def bad_sentences(self) -> list[tuple[int, int]]:
        """Sentences led by a made-up, vague or anonymous source (warning or above)."""
        if self._bad is None:
            doc = self.doc
            blocks = {b.index: b for b in doc.blocks}
            self._bad = []
            for p in questionable(doc, self.ctx):
                b = blocks.get(p.block)
                if b is not None and p.severity >= p.severity.WARNING:
                    self._bad.append(_sentence_of(b, p.start))
        return self._bad

    def is_headline_copy(self, b: Block) -> bool:
        """A paragraph that repeats the headline: it states the story, it does not source it."""
        if b.kind != "paragraph" or self.doc.headline is None:
            return False
        if self._head_key is None:
            self._head_key = headline_key(self.doc.headline.text)
            self._head_words = tuple(sorted(set(self._head_key.split()), key=len, reverse=True))
        return bool(self._head_key) and repeats_key(b, self._head_key, self._head_words)

    def sources(self, b: Block) -> Iterator[tuple[int, int, str]]:
        """``(start, end, kind)`` of each credible source in ``b`` (see :func:`block_sources`),
        cheapest test first; nothing for a block outside the sourced scopes or repeating the
        headline."""
        if not b.scopes & _SOURCE_SCOPES:
            return
        text = b.text
        if _DATELINE_RE.match(text):
            yield b.start, b.start + text.find(")") + 1, "dateline"
        for m in _URL_RE.finditer(text):
            yield b.start + m.start(), b.start + m.end(), "link"
        if b.mask and any(b.source[s:e].startswith(("http", "<http")) or "](" in b.source[max(b.start, s - 2):e]
                          for s, e in b.mask):
            yield b.start, b.start, "link"
        if any("](" in b.source[d[0]:d[1]] for d in b.drop):
            yield b.start, b.start, "link"
        agency = False
        for h in self.agencies.finditer(b.norm(self.level)):
            agency = True
            yield h.start, h.end, "agency"
        nt = b.norm()
        english = self.doc.lang == "en"
        for m in finditer(self.doc, self.fil, "speech", self.pats["speech"], nt):
            s, e = nt.span(m.start(), m.end())
            if any(bs <= s < be for bs, be in self.bad_sentences()):
                continue
            if not english and _unnamed_after(self.ctx.lexicon("ar"), nt.text, m.end()):
                continue  # "اتهمت مصادر الصحيفة ...": an unnamed speaker right after the verb
            # a name is needed in English only; the cheap tests first
            if english and not agency:
                ss, se = _sentence_of(b, s)
                if not (_has_name(self.doc.text[ss:se])
                        or _names_speaker(self.doc.text, ss, se, s, e)
                        or _institution_near(self.pats, self.fil, nt.text, m.start(), m.end())):
                    continue
            yield s, e, "attribution"

    def headline_source(self) -> tuple[int, int, str] | None:
        """The headline's attribution (:func:`headline_source`), computed once."""
        if self._headline is None:
            self._headline = (_headline_attribution(self),)
        return self._headline[0]

    def sourced(self, b: Block) -> bool:
        """True when ``b`` has at least one credible source (memoised)."""
        got = self._sourced.get(b.index)
        if got is None:
            got = next(self.sources(b), None) is not None and not self.is_headline_copy(b)
            self._sourced[b.index] = got
        return got


def _sourcing(doc: Document, ctx: Context) -> _Sourcing:
    cache = ctx.cache(doc)
    got = cache.get("sourcing")
    if got is None:
        got = cache["sourcing"] = _Sourcing(doc, ctx)
    return got  # type: ignore[no-any-return]


def is_sourced(doc: Document, ctx: Context, block: Block) -> bool:
    """True when ``block`` has credible sourcing, i.e. :func:`block_sources` lists something
    for it; stops at the first source found, cheapest test first. Cached per document."""
    return _sourcing(doc, ctx).sourced(block)


def has_sources(doc: Document, ctx: Context) -> bool:
    """True when the front matter, any block or the headline's attribution sources the draft
    (``document_sourcing(doc, ctx)["any"]``, without listing every source)."""
    if front_matter_sources(doc):
        return True
    src = _sourcing(doc, ctx)
    return any(src.sourced(b) for b in doc.blocks) or src.headline_source() is not None


def headline_source(doc: Document, ctx: Context) -> tuple[int, int, str] | None:
    """``(start, end, kind)`` of the headline's attribution, or None: a named speaker with a
    speech verb (``جبهة البوليساريو تقول إن ...``, ``Polisario says ...``, ``Minister tells
    BBC: ...``; kind ``attribution``) or the interview form, a speaker, the lam and an outlet,
    then a colon (``وزير الصحة السابق للجزيرة نت: ...``, ``طبيب لـCNN: ...``; kind
    ``interview``). It sources the story (EC401), not the paragraphs (:func:`block_sources`
    lists none for the headline). A vague, anonymous or missing speaker (``خبراء يتوقعون``,
    ``مصادر تقول``, ``Analysts say``) and a study or report with no one named
    (``دراسة: ...``) do not count. Cached per document."""
    return _sourcing(doc, ctx).headline_source()


def block_sources(doc: Document, ctx: Context) -> dict[int, list[tuple[int, int, str]]]:
    """Credible sourcing per block index: ``[(start, end, kind)]`` with ``kind`` one of
    ``attribution`` (a speech verb or frame in a sentence that names a person or an
    institution and is not led by a made-up, vague or anonymous source), ``agency``,
    ``dateline`` or ``link``, in the order :meth:`_Sourcing.sources` tests them. The
    headline and paragraphs repeating it have none. Cached per document; rules that only
    need to know whether a block is sourced use :func:`is_sourced` (faster)."""
    cache = ctx.cache(doc)
    if "sources" in cache:
        return cache["sources"]  # type: ignore[no-any-return]
    src = _sourcing(doc, ctx)
    out: dict[int, list[tuple[int, int, str]]] = {}
    for b in doc.blocks:
        found = list(src.sources(b))
        if found and not src.is_headline_copy(b):
            out[b.index] = found
    cache["sources"] = out
    return out


def _institution_near(pats: dict[str, Any], fil: dict[str, Any], text: str, start: int, end: int) -> bool:
    """An institution within 400 normalised characters of ``text[start:end]``."""
    window = " ".join(text[max(0, start - 400):end + 400].split())
    return may_match_text(fil, "institution", window) and pats["institution"].search(window) is not None


_EN_NAME_RE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+(?:[ -](?:al-|el-|bin |de |van )?[A-Z][a-z]+)+")


def _has_name(sentence: str) -> bool:
    """A capitalised multi-word name or ``he/she/they said`` in an English ``sentence``
    (Arabic attributions always count: the speech verbs follow a title or role word)."""
    return bool(_EN_NAME_RE.search(sentence)) or bool(re.search(r"\b(?:he|she|they)\s+said\b", sentence))


# A one-word name as the speaker ("Halifax said", "the Nationwide has said", "..., said
# Halifax.", "according to Nationwide"): a capitalised word (or acronym) right before a
# reporting verb, or right after "said"/"according to", that is not a pronoun, determiner,
# date word or unnamed group ("Analysts said", "Officials say", "Sources said" stay
# unsourced: a word ending in a plain -s is taken for a plural noun, so "Barclays said" is
# missed too). Multi-word names are :func:`_has_name`'s.
_SAY_BEFORE = frozenset({"said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "noted",
                         "explained", "announced", "announces", "reported", "reports", "confirmed", "confirms",
                         "wrote", "estimated", "estimates", "warned", "warns", "predicted", "forecast", "claimed",
                         "revealed", "insisted", "admitted", "argued", "tweeted", "accused", "denied", "urged",
                         "called", "alleged"})
_SAY_AFTER = frozenset({"said", "says", "added", "adds", "noted", "explained", "warned", "wrote", "insisted"})
_WORD = r"[A-Z][\w&'’.-]*"
_SUBJECT_RE = re.compile(rf"(?<![\w'’-])(?:the\s+)?({_WORD})\)?\s+(?:(?:has|have|had)\s+)?(?:also\s+)?$")
_INVERTED_RE = re.compile(rf"\s+(?:the\s+)?({_WORD})(?=\s*(?:[.,;:!?)]|$))")
_ACCORDING_RE = re.compile(rf"\s+(?:the\s+)?({_WORD})(?![\w'’-])")
_NOT_SPEAKERS = frozenset(
    "i he she it we you they this that these those there here what which who whom one another each either "
    "neither both all none some many most few several others other everyone everybody someone somebody anyone "
    "anybody nobody no nothing something such the a an and but or so yet then also however meanwhile earlier "
    "later today yesterday tonight now monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december media research data "
    "evidence analysis history science study report reports survey figures staff management "
    "officials official sources source insiders insider aides experts analysts observers critics "
    "commentators scientists researchers economists pundits people residents witnesses".split())


def _speaker_word(word: str) -> bool:
    """``word`` can name who spoke: not a pronoun, function, date or group word, nor a plural."""
    w = word.rstrip(".").strip("'’")
    if not w or w.lower() in _NOT_SPEAKERS:
        return False
    # "Analysts", "Witnesses", "Americans": plural nouns, not names (an acronym such as "ONS" is one)
    return w.isupper() or not (w.endswith("s") and not w.endswith(("ss", "'s", "’s")))


def _names_speaker(text: str, ss: int, se: int, s: int, e: int) -> bool:
    """The reporting verb ``text[s:e]`` in the sentence ``text[ss:se]`` has a one-word
    named speaker: ``Halifax said``, ``the Nationwide has said``, ``..., said Halifax.``,
    ``according to Nationwide``."""
    verb = " ".join(text[s:e].split()).lower()
    if verb == "according to":
        m = _ACCORDING_RE.match(text, e, se)
        return m is not None and _speaker_word(m.group(1))
    head = verb.split(" ", 1)[0]
    if head in _SAY_BEFORE:
        m = _SUBJECT_RE.search(text, ss, s)
        if m is not None and _speaker_word(m.group(1)):
            return True
    if verb in _SAY_AFTER:
        m = _INVERTED_RE.match(text, e, se)
        return m is not None and _speaker_word(m.group(1))
    return False


def document_sourcing(doc: Document, ctx: Context) -> dict[str, Any]:
    """Summary: ``{"front_matter": [...], "blocks": {index: [...]}, "headline": (start, end,
    kind) or None, "any": bool}``."""
    fm = front_matter_sources(doc)
    blocks = block_sources(doc, ctx)
    head = headline_source(doc, ctx)
    return {"front_matter": fm, "blocks": blocks, "headline": head,
            "any": bool(fm) or any(blocks.values()) or head is not None}


# --- the headline's attribution -------------------------------------------------------------

#: Arabic attribution entries that are nouns or frames, not a speaker's verb: a headline
#: "دراسة: ..." or "بحسب تقرير ..." names no one (normalised keys, proclitic و/ف stripped)
_AR_HEAD_NOT_VERBS = frozenset(norm_key(w) for w in (
    "تصريح", "تصريحات", "بيانات", "إحصاءات", "إحصائيات", "تقرير", "التقرير", "تقديرات", "دراسة", "الدراسة",
    "بيان", "البيان", "أرقام رسمية", "الأرقام الرسمية", "وثيقة", "بحسب بيانات", "أشارت بيانات", "أفادت بيانات",
    "أفاد بيان", "وفق بيان", "بحسب", "حسب", "حسبما", "بحسب ما", "وفق", "وفق ما", "وفقا ل", "وفقا لـ", "طبقا ل",
    "استنادا إلى", "في بيان", "في تصريح", "في تصريحات", "في حديث", "في مقابلة", "في مؤتمر صحفي", "سجلت",
    "سجل", "رصدت", "رصد", "أظهرت", "أظهر", "تظهر", "يظهر", "تابع", "تابعت", "يعتبر", "تعتبر", "ويعتبر"))
#: words that open no subject after a verb at the headline's start ("يقول إن ...")
_AR_NO_SUBJECT = frozenset({"ان", "انه", "انها", "بان", "عن", "في", "ما", "لماذا", "ماذا", "كيف", "هل"})
_AR_QUESTION = frozenset({"ماذا", "لماذا", "كيف", "هل", "متى", "اين", "من"})
#: the interview form: speaker, the lam before the outlet (لـ written with the tatweel,
#: or لل / ل before an outlet of the agencies list or a Latin name), up to three words, colon
_AR_INTERVIEW_RE = re.compile(r"^(?P<who>[^:\n]*?\S)\s+(?P<lam>لـ+\s*|لل|ل)(?P<outlet>[^\s:]+(?:\s+[^\s:]+){0,2})\s*:")
_EN_INTERVIEW_RE = re.compile(r"^(?P<who>[^:\n]*?\S)\s+(?:tells|told)\s+(?P<outlet>[^:\n]{2,40}?)\s*:", re.IGNORECASE)


def _unnamed_words(lex: Any) -> frozenset[str]:
    """:func:`_unnamed_words_of`, once per lexicon (kept with it: ``Lexicon.derived``; a house
    lexicon's ``extend`` drops it, so added vague groups count)."""
    return lex.derived("sourcing-unnamed", lambda: _unnamed_words_of(lex))  # type: ignore[no-any-return]


def _unnamed_words_of(lex: Any) -> frozenset[str]:
    """Normalised words that make a speaker unnamed: the vague groups, the anonymous
    speakers and sources of warning severity (their first word), with and without ال."""
    words: set[str] = set()
    for t in lex.terms("vague_experts"):
        words.add(norm_key(t.term).split(" ")[0])
    for name in ("anonymous_speakers", "anonymous_sources"):
        for t in lex.terms(name):
            if str(t.get("severity", "warning")) == "warning":
                words.add(norm_key(t.term).split(" ")[0])
    if lex.data.get("anonymous_people"):
        words.update(norm_key(t.term) for t in lex.terms("anonymous_people") if " " not in t.term)
    return frozenset(words)


def _unnamed_subject_words(lex: Any) -> frozenset[str]:
    """:func:`_unnamed_words` with and without ال (a headline's speaker, "المصادر تقول")."""
    def build() -> frozenset[str]:
        words = _unnamed_words(lex)
        return frozenset(words | {w[2:] for w in words if w.startswith("ال")} | {"ال" + w for w in words})

    return lex.derived("sourcing-unnamed-subjects", build)  # type: ignore[no-any-return]


def _unnamed_after(lex: Any, text: str, end: int) -> bool:
    """The word after ``text[:end]`` (an Arabic speech verb) is a vague or anonymous noun of
    warning severity (``اتهمت مصادر``، ``ندد ناشطون``): the speaker is unnamed, whether or not
    an ``إن`` follows for EC202."""
    nxt = text[end:end + 40].split(maxsplit=2)
    if len(nxt) > 1 and nxt[1].strip("\"'“”«»().,،") in ("نفسه", "ذاته", "نفسها", "ذاتها"):
        return False  # "وفق المصدر نفسه": the source named before
    return bool(nxt) and nxt[0].strip("\"'“”«»().,،") in _unnamed_words(lex)


def _named_subject(src: _Sourcing, words: list[str]) -> bool:
    """``words`` (normalised, the speaker's) hold a word and none that is vague or anonymous."""
    unnamed = _unnamed_subject_words(src.ctx.lexicon(src.doc.lang))
    real = [w.lstrip("وف") if src.doc.lang == "ar" and len(w) > 3 else w for w in words]
    real = [w.strip("\"'“”«»().,") for w in real]
    real = [w for w in real if w]
    return bool(real) and not any(w in unnamed or w.lower() in unnamed for w in real)


def _headline_attribution(src: _Sourcing) -> tuple[int, int, str] | None:
    doc = src.doc
    h = doc.headline
    if h is None:
        return None
    bad = src.bad_sentences()
    if any(bs < h.end and h.start < be for bs, be in bad):
        return None  # a vague or anonymous speaker leads the headline
    text = h.text
    english = doc.lang == "en"
    m = (_EN_INTERVIEW_RE if english else _AR_INTERVIEW_RE).match(text)
    if m is not None and _interview_outlet(src, m) and _named_subject(src, norm_key(m.group("who")).split()):
        return h.start + m.start(), h.start + m.end(), "interview"
    nt = h.norm()
    for sm in finditer(doc, src.fil, "speech", src.pats["speech"], nt):
        s, e = nt.span(sm.start(), sm.end())
        before = nt.text[:sm.start()].split()
        if english:
            if before and (_has_name(doc.text[h.start:s]) or _names_speaker(doc.text, h.start, h.end, s, e)
                           or src.pats["institution"].search(" ".join(before)) is not None) \
                    and _named_subject(src, before):
                return s, e, "attribution"
            continue
        if sm.group(0).split()[0].lstrip("وف") in _AR_HEAD_NOT_VERBS or \
                " ".join(sm.group(0).split()) in _AR_HEAD_NOT_VERBS:
            continue
        # the subject before the verb ("جبهة البوليساريو تقول") or, verb first, after it
        # ("يقول وزير الخارجية ..."; "يقول إن ..." has none)
        subject = before[-6:] if before else nt.text[sm.end():].split()[:2]
        if (not before and (not subject or subject[0] in _AR_NO_SUBJECT or ":" in " ".join(subject))) \
                or _AR_QUESTION & set(before):
            # no speaker ("يقول إن ..."), a question ("ماذا يقول القانون عن ...") or a
            # column's label ("رأي الصحراوي: ...", the noun, not the verb "رأى")
            continue
        if _named_subject(src, subject):
            return s, e, "attribution"
    return None


def _interview_outlet(src: _Sourcing, m: re.Match[str]) -> bool:
    """The interview form's outlet: a name of the agencies list, a Latin name, or any word
    after ``لـ`` written with the tatweel (the mark of a name)."""
    outlet = m.group("outlet").strip("\"'“”«»")
    if src.doc.lang == "en":
        return bool(outlet) and outlet[0].isupper()
    lam = m.group("lam")
    if "ـ" in lam or re.match(r"[A-Za-z]", outlet):
        return True
    key = norm_key(("ال" if lam == "لل" else "") + outlet)
    words = key.split()
    agencies = src.ctx.lexicon("ar").keyset.get("agencies", frozenset())
    return any(" ".join(words[:n]) in agencies for n in range(1, len(words) + 1))
