"""The people analyses look for a named study and a reason for anonymity only when a hit
needs them; their results equal the eager logic (searched for every block) they replace."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

import pytest
from conftest import CORPUS
from ectest import checker

from editcheck.analysis import people
from editcheck.analysis.people import PersonSpan, anonymous_sources, vague_experts
from editcheck.document.loader import parse_text
from editcheck.document.model import Document
from editcheck.model import Severity
from editcheck.rules.context import Context

_AR = ["نشرت جامعة القاهرة دراسة عن النوم.", "ويقول الباحثون إن النوم يحسن الذاكرة.", "الخبراء يتوقعون تباطؤ النمو.",
       "ويرى محللون أن الأسعار سترتفع.", "وقال أحد المرافقين إن الزيارة ناجحة.", "وقالت مصادر مطلعة إن الاتفاق قريب.",
       "طالباً عدم الكشف عن اسمه.", "ويتوقع خبراء في صندوق النقد الدولي نمواً.", "وقال الوزير إن الاجتماع انتهى.",
       "أجرى فريق من الباحثين تجربة.", "وقالت مصادر إن الوزير سيستقيل.", "والمتابعون يرون أن الفريق سيفوز.",
       "وانهارت المحادثات بحسب مصادر أمنية."]
_EN = ["A study by the university looked at sleep.", "The researchers say sleep helps memory.",
       "Experts expect growth to slow.", "Analysts say prices will rise.", "One of the aides said the visit went well.",
       "Sources say a deal is near.", "He spoke on condition of anonymity.",
       "A senior official said it was over.", "The minister said the talks ended.",
       "The experts believe the plan will work.", "The talks failed, according to sources."]


def _random_drafts(n: int) -> Iterator[str]:
    rnd = random.Random(11)
    for i in range(n):
        parts = _AR if i % 2 else _EN
        paras = [" ".join(rnd.choice(parts) for _ in range(rnd.randint(1, 3))) for _ in range(rnd.randint(1, 6))]
        yield "# " + rnd.choice(parts) + "\n\n" + "\n\n".join(paras) + "\n"


def _corpus_drafts(limit: int = 120) -> Iterator[str]:
    for name in ("ar_articles.jsonl", "en_articles.jsonl"):
        path = CORPUS / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for _, line in zip(range(limit), fh, strict=False):
                rec = json.loads(line)
                paras = [p.strip() for p in str(rec.get("body") or "").split("\n") if p.strip()]
                yield f"# {str(rec['title']).strip()}\n\n" + "\n\n".join(paras) + "\n"


def _eager_vague(doc: Document, ctx: Context) -> list[PersonSpan]:
    """vague_experts as it was: a named study searched in every block."""
    pats = people.patterns(doc, ctx)
    out: list[PersonSpan] = []
    study_seen = False
    fil = people.filters(doc, ctx)
    for b in people._prose(doc):
        nt = b.norm()
        text = nt.text
        first_study = people._STUDY_RE.search(text)
        for m in pats["vague"].finditer(text) if people.may_match(fil, "vague", nt) else ():
            if people._DEFINITE_RE.match(m.group()) and (study_seen or (first_study and first_study.start() < m.start())):
                continue
            before = text[max(0, m.start() - 40):m.start()].split()[-2:]
            after_words = text[m.end():m.end() + 60].split()
            if not pats["claim"].search(" ".join(before + after_words[:2])):
                continue
            if (pats["affiliation"].search(" ".join(after_words[:4]))
                    or pats["institution"].search(" ".join(after_words[:3]))):
                continue
            s, e = nt.span(m.start("t"), m.end())
            v = pats["claim"].match(text, m.end() + 1) if m.end() < len(text) else None
            if v is not None:
                s, e = nt.span(m.start("t"), v.end())
            out.append(PersonSpan(s, e, "vague", Severity.WARNING, m.group("t"), b.index))
        study_seen = study_seen or first_study is not None
    return out


def _eager_anonymous(doc: Document, ctx: Context) -> list[PersonSpan]:
    """anonymous_sources as it was: a reason for anonymity searched in every block."""
    pats = people.patterns(doc, ctx)
    lex = ctx.lexicon(doc.lang)
    phrases, reasons = lex.matcher("anonymous_sources"), lex.matcher("anonymity_reasons")
    fil = people.filters(doc, ctx)
    out: list[PersonSpan] = []
    for b in people._prose(doc):
        nt = b.norm()
        text = nt.text
        has_reason = any(True for _ in reasons.finditer(nt))
        covered = []
        for h in phrases.finditer(nt):
            covered.append((h.start, h.end))
            sev = Severity.parse(h.term.get("severity", "warning"))
            if pats["institution"].search(" ".join(text[h.nend:h.nend + 50].split()[:3])):
                continue
            out.append(PersonSpan(h.start, h.end, "anonymous", Severity.INFO if has_reason else sev, h.term.term, b.index))
        for m in pats["anon_people"].finditer(text) if people.may_match(fil, "anon_people", nt) else ():
            sent_end = min([i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0] or [len(text)])
            sent_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            if not (pats["speech"].search(text, m.end(), sent_end) or pats["speech"].search(text, sent_start, m.start())):
                continue
            s, e = nt.span(m.start(), m.end())
            out.append(PersonSpan(s, e, "anonymous", Severity.INFO if has_reason else Severity.WARNING,
                                  m.group(), b.index))
        for m in pats["anon_speaker"].finditer(text) if people.may_match(fil, "anon_speaker", nt) else ():
            sev = people._speaker_severity(doc, b, nt, m, pats, lex, covered)
            if sev is not None:
                s, e = nt.span(m.start("np"), m.end("np"))
                out.append(PersonSpan(s, e, "anonymous", Severity.INFO if has_reason else sev, m.group("np"), b.index))
    return out


@pytest.mark.parametrize("source", ["random", "corpus"])
def test_lazy_people_analyses_equal_the_eager_ones(source: str) -> None:
    ctx = checker().ctx
    drafts = list(_random_drafts(400) if source == "random" else _corpus_drafts())
    if not drafts:
        pytest.skip(f"{CORPUS} is absent")
    hits = 0
    for text in drafts:
        doc = parse_text("d.md", text)
        try:
            assert vague_experts(doc, ctx) == _eager_vague(doc, ctx), text
            assert anonymous_sources(doc, ctx) == _eager_anonymous(doc, ctx), text
            hits += len(vague_experts(doc, ctx)) + len(anonymous_sources(doc, ctx))
        finally:
            ctx.forget(doc)
    assert hits > 0


def test_english_word_start_is_the_lookbehind_it_replaces() -> None:
    """The English people patterns begin with ``\\m`` where they had ``(?<![\\w])``: every
    character that matches a key's first character (case-insensitively) is ``\\w``, and the
    two forms find the same matches on random text built from the lexicon."""
    import regex

    doc = parse_text("d.md", "# Title\n\nSome text here.\n")
    ctx = checker().ctx
    pats = people.patterns(doc, ctx)
    lex = ctx.lexicon("en")
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    words = [w for name in ("titles", "role_nouns", "role_modifiers", "affiliation_cues", "vague_experts",
                            "claim_verbs", "anonymous_people", "attribution", "institutions") for w in lex.words(name)]
    firsts = {w[0] for w in words if w} | {"o", "a"}
    folded = regex.findall("(?i)[" + "".join(regex.escape(c) for c in sorted(firsts)) + "]", every)
    assert all(regex.match(r"\w", c) for c in folded)
    rnd = random.Random(3)
    fillers = ["", " ", "  ", "\n", "-", "'", "’", ".", ",", "x", "é", "_", "3", "\u0301"]
    texts = []
    for _ in range(1500):
        parts = [rnd.choice(words + ["one of the", "an", "a", "Ahmed", "Smith"]) for _ in range(rnd.randint(1, 5))]
        parts = [p.upper() if rnd.random() < 0.2 else p.title() if rnd.random() < 0.3 else p for p in parts]
        texts.append("".join(rnd.choice(fillers) + p for p in parts) + rnd.choice(fillers))
    for _ in range(600):  # the shapes of the multi-part patterns
        pick = [rnd.choice(lex.words(n)) for n in ("titles", "role_modifiers", "role_nouns", "field_surnames",
                                                     "anonymous_people")]
        shape = rnd.choice([f"{pick[0]} Ahmed {pick[3]}", f"{pick[1]} {pick[2]} Ahmed", f"{pick[2]} Ahmed Smith",
                            f"one of the {pick[4]}", f"an {pick[4]}"])
        texts.append(rnd.choice(fillers) + (shape.upper() if rnd.random() < 0.1 else shape) + rnd.choice(fillers))
    changed = 0
    for name, p in pats.items():
        if r"\m" not in p.pattern:
            continue
        changed += 1
        old = regex.compile(p.pattern.replace(r"\m", r"(?<![\w])", 1))
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in p.finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in old.finditer(text)], (name, text)
    assert changed >= 7
