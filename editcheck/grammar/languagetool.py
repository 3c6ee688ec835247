"""LanguageTool through language-tool-python: one session per run, matches mapped to the draft.

``language_tool_python`` (the ``editcheck[grammar]`` extra) is imported only when a grammar
rule runs. A newsroom server is used through ``remote_server=`` (any server speaking
LanguageTool's ``/v2/languages`` and ``/v2/check``); the client's local mode, which downloads
LanguageTool (~250 MB) and starts it with Java, is used only with ``grammar.local: true``.

Any failure (module missing, no server configured, no Java, connection refused, timeout,
HTTP error, unexpected answer) becomes :class:`GrammarUnavailable` with a one-line message
naming the cause and the fix; the session then stops trying for the rest of the run, so a
dead server costs one timeout, not one per draft.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from editcheck.errors import EditcheckError
from editcheck.grammar.prose import ProseText, Utf16Index, compose
from editcheck.grammar.settings import GRAMMAR_STATE, GrammarSettings, add_notice

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.model import Finding
    from editcheck.rules.base import Rule
    from editcheck.rules.context import Context

#: ``ctx.state`` key of the run's :class:`LanguageToolSession`.
SESSION_STATE = "grammar.session"
#: LanguageTool language used for a draft when ``grammar.language`` is ``auto``.
DRAFT_LANGUAGE = {"ar": "ar", "en": "en-US"}
#: Issue types reported as warnings; the others (style, typographical, whitespace...) are info.
SERIOUS_ISSUES = frozenset({"misspelling", "grammar"})
INSTALL_HINT = "pip install 'editcheck[grammar]'"


class GrammarUnavailable(EditcheckError):
    """LanguageTool cannot be used; ``str(err)`` is one line: the cause, then how to fix it."""


@dataclass(frozen=True, slots=True)
class LTMatch:
    """One LanguageTool match, positioned in the text that was checked.

    ``start``/``end`` are code-point offsets into that text (LanguageTool's UTF-16
    ``offset``/``length`` already converted). ``rule_id`` (``MORFOLOGIK_RULE_EN_US``),
    ``category`` (category id, ``TYPOS``), ``issue_type`` (``misspelling``, ``grammar``,
    ``style``...), ``message`` and ``replacements`` (best first) are LanguageTool's.
    """

    start: int
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DraftMatch:
    """A :class:`LTMatch` mapped to the draft: ``start``/``end`` are code points into ``Document.text``."""

    start: int
    end: int
    match: LTMatch


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in out:
        out.append(cur)
        cur = cur.__cause__ or cur.__context__
    return out


def _first_line(text: str, limit: int = 120) -> str:
    import re

    text = re.sub(r"<[^>]+>", " ", text)  # an HTML error page
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def describe_failure(exc: BaseException, where: str, timeout: float) -> str:
    """One-line message for a failure talking to LanguageTool at ``where`` (a URL or "local")."""
    try:
        import requests
    except ImportError:  # pragma: no cover - requests comes with language-tool-python
        requests = None  # type: ignore[assignment]
    chain = _chain(exc)
    fix_server = "check that the server runs, or fix --grammar-server / grammar.server"
    if requests is not None:
        if any(isinstance(e, requests.exceptions.Timeout) for e in chain):
            return (f"LanguageTool at {where} did not answer within {timeout:g} s (timeout): "
                    f"check the server, or raise grammar.timeout")
        if any(isinstance(e, requests.exceptions.ConnectionError) for e in chain):
            if not where.startswith("http"):  # local mode: the download of LanguageTool failed
                return (f"could not download LanguageTool for {where} ({_connection_cause(exc)}): "
                        f"connect to the network once, or set grammar.server")
            return f"cannot connect to LanguageTool at {where} ({_connection_cause(exc)}): {fix_server}"
    name = type(exc).__name__
    if name == "JavaError":
        return f"local LanguageTool could not start Java ({_first_line(str(exc))}): install Java 17+ or set grammar.server"
    if name in ("LanguageToolError", "ServerError", "RateLimitError", "PathError"):
        # an HTTP error: the client raises LanguageToolError with the (non-JSON) body
        detail = _first_line(str(exc)) or "no details"
        if where.startswith("http") and detail.startswith(where.rstrip("/")):
            detail = detail[len(where.rstrip("/")):].lstrip(":/ ") or detail
        return f"LanguageTool at {where} answered with an error ({detail}): check the server's log"
    if requests is not None and any(isinstance(e, requests.exceptions.RequestException) for e in chain):
        return f"request to LanguageTool at {where} failed ({name}: {_first_line(str(exc))}): {fix_server}"
    if isinstance(exc, (KeyError, TypeError, ValueError)):
        return f"LanguageTool at {where} gave an unexpected answer ({name}: {_first_line(str(exc))}): is it a LanguageTool /v2 server?"
    return f"LanguageTool at {where} failed ({name}: {_first_line(str(exc))})"


def _connection_cause(exc: BaseException) -> str:
    """``connection refused``, ``host not found`` or ``no network``, from the exception chain or its text."""
    import socket

    chain = _chain(exc)
    text = " ".join(str(e) for e in chain)
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "Connection refused" in text:
        return "connection refused"
    if any(isinstance(e, socket.gaierror) for e in chain) or "Name or service not known" in text \
            or "NameResolutionError" in text or "getaddrinfo failed" in text:
        return "host not found"
    return "no network or connection failed"


class LanguageToolSession:
    """The LanguageTool client for one run (one client object per LanguageTool language).

    :meth:`check` raises :class:`GrammarUnavailable` on the first failure and on every call
    after it (:attr:`failure` holds the message). ``settings.timeout`` is the timeout of
    each HTTP request in seconds; language-tool-python retries a failed check once.
    """

    def __init__(self, settings: GrammarSettings) -> None:
        self.settings = settings
        self.failure: str | None = None
        self._tools: dict[str, Any] = {}
        self._bad_languages: dict[str, str] = {}
        #: messages already given as notices (see :func:`draft_matches`)
        self.noticed: set[str] = set()

    @property
    def where(self) -> str:
        """The server URL, or ``"a local server"`` in local mode."""
        return self.settings.server or "a local server"

    def _fail(self, message: str) -> GrammarUnavailable:
        self.failure = message
        return GrammarUnavailable(message)

    def _tool(self, language: str) -> Any:
        tool = self._tools.get(language)
        if tool is not None:
            return tool
        s = self.settings
        if s.server is None and not s.local:
            raise self._fail("no LanguageTool server configured: pass --grammar-server URL or set grammar.server "
                             "(or allow a local LanguageTool with grammar.local: true; it downloads ~250 MB and needs Java)")
        if s.server is None and shutil.which("java") is None:
            raise self._fail("local LanguageTool needs Java, and java is not on PATH: install Java 17+ or set grammar.server")
        try:
            import language_tool_python
        except ImportError:
            raise self._fail(f"language-tool-python is not installed: {INSTALL_HINT}") from None
        # the client's request timeout is a class attribute (300 s): a subclass sets ours
        cls = type("EditcheckLanguageTool", (language_tool_python.LanguageTool,), {"_TIMEOUT": s.timeout})
        try:
            tool = cls(language, remote_server=s.server) if s.server else cls(language)
        except ValueError as exc:
            if "unsupported language" in str(exc):
                self._bad_languages[language] = (f"LanguageTool at {self.where} does not support language '{language}': "
                                                 f"set grammar.language to one it offers")
                raise GrammarUnavailable(self._bad_languages[language]) from None
            raise self._fail(describe_failure(exc, self.where, s.timeout)) from None
        except Exception as exc:  # requests errors, LanguageToolError, download errors: never a traceback
            raise self._fail(describe_failure(exc, self.where, s.timeout)) from None
        if s.disabled_rules:
            tool.disabled_rules = set(s.disabled_rules)
        self._tools[language] = tool
        return tool

    def language_for(self, draft_lang: str) -> str:
        """The LanguageTool language for a draft in ``draft_lang`` (``ar``/``en``)."""
        lang = self.settings.language
        return DRAFT_LANGUAGE.get(draft_lang, draft_lang) if lang == "auto" else lang

    def check(self, text: str, language: str) -> list[LTMatch]:
        """LanguageTool's matches for ``text`` in ``language`` (code-point offsets into ``text``).

        Raises :class:`GrammarUnavailable` when LanguageTool cannot be used.
        """
        if self.failure:
            raise GrammarUnavailable(self.failure)
        if language in self._bad_languages:
            raise GrammarUnavailable(self._bad_languages[language])
        if not text.strip():
            return []
        tool = self._tool(language)
        try:
            raw = tool.check(text)
            index = Utf16Index(text)
            out = []
            for m in raw:
                # the client converts ``offset`` to code points but leaves ``length`` in UTF-16 units
                start = int(m.offset)
                end = index.to_codepoints(index.to_utf16(start) + int(m.error_length))
                if end <= start:
                    continue
                out.append(LTMatch(start=start, end=end, rule_id=str(m.rule_id), category=str(m.category),
                                   issue_type=str(getattr(m, "rule_issue_type", "") or ""), message=str(m.message),
                                   replacements=tuple(str(r) for r in (m.replacements or ()))))
        except Exception as exc:  # requests errors, LanguageToolError, malformed JSON
            raise self._fail(describe_failure(exc, self.where, self.settings.timeout)) from None
        return out


def session(ctx: Context) -> LanguageToolSession | None:
    """The run's session (created on first use), or ``None`` when grammar checks are off."""
    s = ctx.state.get(SESSION_STATE)
    if s is None:
        settings = ctx.state.get(GRAMMAR_STATE)
        if settings is None:
            return None
        s = ctx.state[SESSION_STATE] = LanguageToolSession(settings)
    return s  # type: ignore[no-any-return]


def draft_matches(doc: Document, ctx: Context) -> list[DraftMatch]:
    """LanguageTool's matches for the prose of ``doc``, mapped to draft offsets (cached per document).

    When LanguageTool is unavailable this records one notice (see
    :func:`~editcheck.grammar.settings.add_notice`) the first time and returns ``[]``; with
    ``grammar.required`` it raises :class:`GrammarUnavailable` instead.
    """
    cache = ctx.cache(doc)
    found = cache.get("languagetool")
    if found is not None:
        return found  # type: ignore[no-any-return]
    sess = session(ctx)
    out: list[DraftMatch] = []
    cache["languagetool"] = out
    if sess is None:
        return out
    prose: ProseText = compose(doc)
    try:
        matches = sess.check(prose.text, sess.language_for(doc.lang))
    except GrammarUnavailable as exc:
        if sess.settings.required:
            raise GrammarUnavailable(f"grammar checks are required (--grammar-required) but unavailable: {exc}") from None
        if str(exc) not in sess.noticed:  # one notice per cause and run, not one per draft
            sess.noticed.add(str(exc))
            add_notice(doc, f"grammar checks skipped: {exc}")
        return out
    for m in matches:
        span = prose.to_draft(m.start, m.end)
        if span is not None:
            out.append(DraftMatch(span[0], span[1], m))
    return out


def is_spelling(m: LTMatch) -> bool:
    """True for LanguageTool's spelling matches (category ``TYPOS`` or issue type ``misspelling``)."""
    return m.category == "TYPOS" or m.issue_type == "misspelling"


def findings(rule: Rule, doc: Document, ctx: Context, *, spelling: bool) -> Iterator[Finding]:
    """Findings of ``rule`` for the LanguageTool matches of ``doc`` that are (``spelling=True``)
    or are not (``False``) spelling matches.

    The message is LanguageTool's, followed by its rule id and category; the replacements
    (at most five) are the suggestion, and the first one is an unsafe fix. Severity: the
    rule's for ``misspelling`` and ``grammar`` issues, info for style, typography and others.
    """
    from bisect import bisect_right

    from editcheck.model import Edit, Fix, Severity

    blocks = {b.start: b for b in doc.blocks}
    starts = sorted(blocks)
    for dm in draft_matches(doc, ctx):
        m = dm.match
        if is_spelling(m) != spelling:
            continue
        block = blocks[starts[bisect_right(starts, dm.start) - 1]] if starts and dm.start >= starts[0] else None
        label = f"{m.rule_id}, {m.category}" if m.category else m.rule_id
        message = f"{m.message} (LanguageTool {label})".replace("{", "{{").replace("}", "}}")
        fix = None
        if m.replacements:
            first = m.replacements[0]
            fix = Fix((Edit(dm.start, dm.end, first),), safe=False, description=f"LanguageTool: replace with '{first}'")
        severity = None if m.issue_type in SERIOUS_ISSUES or not m.issue_type else Severity.INFO
        f = rule.finding(doc, dm.start, dm.end, message=message, severity=severity,
                         scope=block.kind if block is not None else "", fix=fix,
                         suggestion=" / ".join(m.replacements[:5]) if m.replacements else None)
        f.extra.update({"languagetool": {"rule": m.rule_id, "category": m.category, "issue_type": m.issue_type,
                                         "replacements": list(m.replacements)}})
        yield f
