"""The rule API: metadata every rule carries, and the base class rules implement."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from editcheck.model import Finding, Fix, Related, Severity

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document
    from editcheck.rules.context import Context

#: Rule families (the ``family`` field). New families may be added by packs.
FAMILIES = ("duplicated-headline", "sensational-marker", "vague-expert", "unattributed-quote",
            "unsourced-figure", "missing-sources", "boilerplate-residue", "spelling", "grammar", "hygiene", "meta")
DOC_SECTIONS = ("what", "why", "example", "instead")
DOCS_BASE_URL = "https://github.com/editcheck/editcheck/blob/main/docs/rules.md"


@dataclass
class RuleMeta:
    """Identity and documentation of a rule.

    ``code`` is ``EC`` + three digits (1xx headline, 2xx attribution, 3xx tone, 4xx sourcing,
    5xx language, 6xx residue and hygiene, 9xx meta); ``name`` is kebab-case and describes
    the pattern; ``languages`` is a set of ``"ar"``/``"en"``; ``scopes`` are news scopes;
    ``docs`` has the sections in :data:`DOC_SECTIONS`; ``standard`` names the editorial
    code the rule comes from; ``examples`` maps ``"fail"``/``"pass"`` to draft snippets.
    """

    code: str
    name: str
    family: str
    severity: Severity
    languages: frozenset[str]
    message: str
    scopes: tuple[str, ...] = ("document",)
    docs: dict[str, str] = field(default_factory=dict)
    standard: str = ""
    examples: dict[str, list[str]] = field(default_factory=dict)
    fixable: bool = False
    source: str = "builtin"
    link: str = ""
    #: the message in other languages (``{"ar": "..."}``); ``message`` is the English default
    messages: dict[str, str] = field(default_factory=dict)

    def message_for(self, lang: str) -> str:
        """The message template in ``lang`` when the rule has one, else the default."""
        return self.messages.get(lang, self.message)

    @property
    def docs_url(self) -> str:
        """Link to the rule's documentation."""
        return self.link or f"{DOCS_BASE_URL}#{self.code.lower()}-{self.name}"


class Rule:
    """Base class of every rule (code rules subclass it; YAML extension points too).

    Subclasses set :attr:`meta` and implement :meth:`check`; corpus rules (looking across
    files) also implement :meth:`finalize`, called once after all files are checked.
    """

    meta: RuleMeta
    corpus: bool = False

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """Yield findings for one document (offsets into ``doc.text``)."""
        raise NotImplementedError

    def finalize(self, ctx: Context) -> Iterable[tuple[str, Finding]]:
        """Yield ``(path, finding)`` pairs once every file has been checked."""
        return ()

    def finding(self, doc: Document, start: int, end: int, *, message: str | None = None,
                severity: Severity | None = None, scope: str = "", fix: Fix | None = None,
                suggestion: str | None = None, related: tuple[Related, ...] = (),
                **fmt: Any) -> Finding:
        """Build a finding for ``doc.text[start:end]``.

        The message defaults to ``meta.message`` in the draft's language; ``{match}`` and any
        keyword in ``fmt`` are substituted (unknown placeholders are left as they are).
        """
        m = self.meta
        match = doc.text[start:end]
        template = message if message is not None else m.message_for(doc.lang)
        text = _format(template, {"match": match, **fmt})
        return Finding(code=m.code, name=m.name, family=m.family, severity=severity or m.severity,
                       message=text, start=start, end=end, match=match, scope=scope, fix=fix,
                       suggestion=suggestion, related=related, path=doc.path, docs_url=m.docs_url)


class _SafeDict(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, values: dict[str, Any]) -> str:
    try:
        return template.format_map(_SafeDict(values))
    except (ValueError, IndexError):
        return template


def blocks_for(doc: Document, scopes: Iterable[str]) -> Iterator[Block]:
    """Blocks of ``doc`` in any of ``scopes`` (``document`` means every prose block).

    A scope may be a selector such as ``body & ~quote`` (every term must hold; ``~`` negates).
    ``quote`` covers block quotations and paragraphs with inline quotations («...», "..."):
    rules keep or drop each hit by :func:`quote_filter` on its span.
    """
    alts = [s.strip() for s in scopes]
    for b in doc.blocks:
        if b.kind in ("code", "html", "table", "front_matter") and not any(s.startswith("front-matter") for s in b.scopes):
            continue
        for sel in alts:
            if _selects(sel, b):
                yield b
                break


def quote_filter(scopes: Iterable[str]) -> str | None:
    """``"exclude"`` when every selector has ``~quote``, ``"only"`` when every selector asks
    for ``quote``, else ``None``: how hits inside inline quotations are treated."""
    terms = [[t.strip() for t in sel.split("&")] for sel in scopes]
    if terms and all("~quote" in ts for ts in terms):
        return "exclude"
    if terms and all("quote" in ts for ts in terms):
        return "only"
    return None


def keep_hit(block: Block, start: int, end: int, mode: str | None) -> bool:
    """Apply a :func:`quote_filter` mode to a hit at ``[start, end)`` in ``block``."""
    if mode is None:
        return True
    inside = block.in_quote(start, end)
    return not inside if mode == "exclude" else inside


@lru_cache(maxsize=1024)
def _terms(selector: str) -> tuple[tuple[bool, str], ...]:
    """``(negated, name)`` of each ``&`` term of a scope selector (parsed once)."""
    out = []
    for term in selector.split("&"):
        term = term.strip()
        out.append((term.startswith("~"), term.lstrip("~").strip()))
    return tuple(out)


def _selects(selector: str, block: Block) -> bool:
    for neg, name in _terms(selector):
        has = name == "document" and block.kind not in ("title",) or name in block.scopes
        if name == "quote" and not neg and not has:
            has = bool(block.quotes())  # a paragraph with inline quotations; hits are filtered by span
        if name == "document" and block.kind == "title":
            has = False
        if has == neg:
            return False
    return True
