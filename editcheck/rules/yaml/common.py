"""Keys every YAML rule shares, their validation, and the base class of extension points."""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from editcheck.errors import ConfigError
from editcheck.model import Severity
from editcheck.rules.base import Rule, RuleMeta

if TYPE_CHECKING:
    import regex

    from editcheck.document.model import Block, Document
    from editcheck.model import Finding
    from editcheck.rules.context import Context
    from editcheck.rules.matcher import PhraseMatcher, Term

COMMON_KEYS = {
    "code", "name", "extends", "family", "message", "severity", "scope", "language", "normalize",
    "clitics", "exceptions", "link", "docs", "standard", "examples", "fix", "description",
    "quote_severity", "body_severity", "case_sensitive", "level", "timeout",
}
#: seconds a rule's user patterns may run on one document before the rule is stopped there
DEFAULT_TIMEOUT = 1.0
CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SCOPES = {"headline", "standfirst", "byline", "lede", "body", "quote", "caption", "document", "corpus",
          "breadcrumb", "heading", "list", "title"}


@dataclass
class Source:
    """Where a YAML rule came from: file path and the line of each top-level key."""

    path: str
    lines: dict[str, int]

    def where(self, key: str | None = None) -> str:
        """``path:line`` of ``key`` (line 1 when unknown)."""
        return f"{self.path}:{self.lines.get(key or '', 1)}"


def fail(src: Source, key: str | None, problem: str) -> ConfigError:
    """A :class:`ConfigError` ``file:line: key: problem``."""
    prefix = f"{src.where(key)}: {key}: " if key else f"{src.where(None)}: "
    return ConfigError(prefix + problem)


def check_keys(data: dict[str, Any], allowed: set[str], src: Source) -> None:
    """Reject unknown keys, suggesting the closest valid key."""
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise fail(src, str(key), f"unknown key{hint}")


def as_list(value: Any, src: Source, key: str) -> list[Any]:
    """``value`` as a list (a single string becomes one item)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value
    raise fail(src, key, f"expected a list, got {type(value).__name__}")


def parse_severity(value: Any, src: Source, key: str) -> Severity:
    """Parse a severity value or raise a located :class:`ConfigError`."""
    try:
        sev = Severity.parse(str(value))
    except ValueError:
        raise fail(src, key, f"unknown severity {value!r} (use info, warning or error)") from None
    if sev is Severity.NEVER:
        raise fail(src, key, "a rule's severity cannot be 'never' (use 'off' in the config)")
    return sev


def parse_scopes(value: Any, src: Source) -> tuple[str, ...]:
    """Validate the ``scope`` key (news scopes with ``&`` and ``~`` selectors)."""
    scopes = as_list(value if value is not None else "body", src, "scope")
    for sel in scopes:
        if not isinstance(sel, str):
            raise fail(src, "scope", f"expected scope names, got {sel!r}")
        for term in sel.split("&"):
            name = term.strip().lstrip("~").strip()
            if name not in SCOPES and not name.startswith("front-matter."):
                close = difflib.get_close_matches(name, sorted(SCOPES), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise fail(src, "scope", f"unknown scope '{name}'{hint}")
    return tuple(scopes)


def parse_meta(data: dict[str, Any], src: Source, default_lang: str | None) -> RuleMeta:
    """Build :class:`RuleMeta` from the common keys of a YAML rule (validated)."""
    for key in ("code", "name", "message"):
        if not data.get(key):
            raise fail(src, key if key in data else None, f"missing required key '{key}'" if key not in data else "must not be empty")
    code = str(data["code"])
    if not CODE_RE.match(code):
        raise fail(src, "code", f"'{code}' is not a rule code (two to four capitals and three digits, e.g. EC301)")
    name = str(data["name"])
    if not NAME_RE.match(name):
        raise fail(src, "name", f"'{name}' must be kebab-case (lower-case words joined by '-')")
    langs = [str(x) for x in as_list(data.get("language", default_lang or ["ar", "en"]), src, "language")]
    for lang in langs:
        if lang not in ("ar", "en"):
            raise fail(src, "language", f"unknown language '{lang}' (use ar or en)")
    message = data["message"]
    messages: dict[str, str] = {}
    if isinstance(message, dict):
        messages = {str(k): str(v) for k, v in message.items()}
        message = messages.get("en") or next(iter(messages.values()))
    elif len(langs) == 1:
        messages = {langs[0]: str(message)}
    docs = data.get("docs") or {}
    if not isinstance(docs, dict):
        raise fail(src, "docs", "expected a mapping with what / why / example / instead")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"}:
        raise fail(src, "examples", "expected a mapping with 'fail' and 'pass' lists")
    return RuleMeta(
        code=code, name=name, family=str(data.get("family", "custom")),
        severity=parse_severity(data.get("severity", "warning"), src, "severity"),
        languages=frozenset(langs), message=str(message), messages=messages, scopes=parse_scopes(data.get("scope"), src),
        docs={str(k): str(v) for k, v in docs.items()}, standard=str(data.get("standard", "")),
        examples={k: [str(x) for x in as_list(v, src, "examples")] for k, v in examples.items()},
        fixable="fix" in data or data.get("extends") == "substitution", source=src.path,
        link=str(data.get("link", "")),
    )


class YamlRule(Rule):
    """Base class of YAML extension points; ``data`` is the validated rule mapping."""

    #: keys this extension point adds to :data:`COMMON_KEYS`
    keys: set[str] = set()

    def __init__(self, data: dict[str, Any], src: Source, default_lang: str | None = None) -> None:
        check_keys(data, COMMON_KEYS | self.keys, src)
        self.data = data
        self.src = src
        self.meta = parse_meta(data, src, default_lang)
        #: ``quote_severity: off`` drops hits inside quotations (the words are the speaker's)
        self.quote_off = str(data.get("quote_severity", "")).lower() == "off" or data.get("quote_severity") is False
        self.quote_severity = (parse_severity(data["quote_severity"], src, "quote_severity")
                               if "quote_severity" in data and not self.quote_off else None)
        body = data.get("body_severity")
        self.body_severity: Severity | str | None = (
            "lower" if body == "lower" else parse_severity(body, src, "body_severity") if body else None)
        self.exceptions = [str(x) for x in as_list(data.get("exceptions"), src, "exceptions")]
        self.level = "spelling" if data.get("normalize") is False or data.get("case_sensitive") else "match"
        self.clitics = bool(data.get("clitics", True))
        timeout = data.get("timeout", DEFAULT_TIMEOUT)
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 60:
            raise fail(src, "timeout", f"expected a number of seconds between 0 and 60, got {timeout!r}")
        self.timeout = float(timeout)
        #: the source text of every user pattern of the rule (for the timeout notice)
        self.patterns: list[str] = []

    # -- user patterns (regular expressions) -------------------------------------------

    def compile_pattern(self, value: Any, key: str) -> regex.Pattern[str]:
        """Compile a user regular expression from key ``key``.

        Arabic letters in the pattern are normalised like the text (diacritics removed,
        alef forms folded at the ``match`` level) and matching ignores Latin case unless
        ``case_sensitive: true``. Raises a located :class:`ConfigError` when ``value`` is
        not a string or does not compile.
        """
        import regex

        if not isinstance(value, str) or not value:
            raise fail(self.src, key, f"expected a regular expression (a non-empty string), got {value!r}")
        flags = regex.V0 | (0 if self.data.get("case_sensitive") else regex.IGNORECASE)
        try:
            pattern = regex.compile(norm_pattern(value, self.level), flags)
        except regex.error as exc:
            raise fail(self.src, key, f"bad regular expression {value!r}: {exc}") from None
        self.patterns.append(value)
        return pattern

    def compile_tokens(self, value: Any, key: str) -> PhraseMatcher | None:
        """A :class:`PhraseMatcher` for a token list under ``key`` (``None`` when absent).

        Items are strings (or numbers); raises a located :class:`ConfigError` otherwise.
        """
        from editcheck.rules.matcher import PhraseMatcher

        items = as_list(value, self.src, key)
        terms: list[Term | str] = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                raise fail(self.src, key, f"expected words or phrases, got {item!r}")
            terms.append(str(item))
        return PhraseMatcher(terms, clitics=self.clitics, level=self.level) if terms else None

    def timeout_for(self, ctx: Context) -> float:
        """Seconds this rule's patterns may run on one document (the rule's ``timeout``,
        capped by the run's ``regex-timeout`` from the config)."""
        run_limit = ctx.state.get("regex_timeout")
        return min(self.timeout, float(run_limit)) if run_limit else self.timeout

    def timeout_finding(self, doc: Document, exc: PatternTimeout) -> Finding:
        """The EC904 notice for a pattern of this rule stopped at ``exc.offset``."""
        from editcheck.model import Finding

        line_end = doc.text.find("\n", exc.offset)
        end = min(len(doc.text) if line_end < 0 else line_end, exc.offset + 40)
        return Finding(
            code="EC904", name="pattern-timeout", family="meta", severity=Severity.WARNING,
            message=(f"rule {self.meta.code} {self.meta.name}: pattern '{exc.pattern}' ran longer than "
                     f"{exc.seconds:g} s on this text and was stopped ({self.src.where()}); simplify it "
                     "(nested quantifiers such as (a+)+ backtrack)"),
            start=exc.offset, end=end, match=doc.text[exc.offset:end], scope="document", path=doc.path,
            docs_url=self.meta.docs_url,
        )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Run :meth:`scan` under the rule's time limit; a pattern that runs too long ends
        the rule on this document with one EC904 notice (the findings before it are kept)."""
        deadline = Deadline(self.timeout_for(ctx))
        try:
            yield from self.scan(doc, ctx, deadline)
        except PatternTimeout as exc:
            yield self.timeout_finding(doc, exc)

    def scan(self, doc: Document, ctx: Context, deadline: Deadline) -> Iterator[Finding]:
        """Yield findings for ``doc``; subclasses implement it (see :meth:`check`)."""
        raise NotImplementedError

    def severity_for(self, base: Severity, in_headline: bool, in_quote: bool) -> Severity:
        """Severity of a hit given where it is (headline, body, inside a quotation)."""
        sev = base
        if not in_headline and self.body_severity is not None:
            sev = sev.lower() if self.body_severity == "lower" else self.body_severity  # type: ignore[assignment]
        if in_quote and self.quote_severity is not None:
            sev = min(sev, self.quote_severity)
        return sev

    def iter_examples(self) -> Iterator[tuple[str, str]]:
        """``(kind, text)`` for each fail/pass example."""
        for kind in ("fail", "pass"):
            for text in self.meta.examples.get(kind, []):
                yield kind, text


class PatternTimeout(Exception):
    """A user pattern ran past its time limit at original offset ``offset``."""

    def __init__(self, pattern: str, offset: int, seconds: float) -> None:
        super().__init__(f"pattern {pattern!r} timed out after {seconds:g} s")
        self.pattern = pattern
        self.offset = offset
        self.seconds = seconds


class Deadline:
    """A time budget in seconds (monotonic clock) shared by one rule's searches on one document."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left (may be <= 0)."""
        return self.end - time.monotonic()


def search_all(pattern: regex.Pattern[str], block: Block, nt_text: str, deadline: Deadline,
               source: str = "") -> Iterator[regex.Match[str]]:
    """Every match of ``pattern`` in ``nt_text`` (a block's normalised text), in order, each
    search bounded by what is left of ``deadline``.

    Raises :class:`PatternTimeout` (offset: the block start) when the budget runs out.
    """
    pos, n = 0, len(nt_text)
    while pos <= n:
        left = deadline.remaining()
        try:
            if left <= 0:
                raise TimeoutError
            m = pattern.search(nt_text, pos, timeout=left)
        except TimeoutError:
            raise PatternTimeout(source or pattern.pattern, block.start, deadline.seconds) from None
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def norm_pattern(pattern: str, level: str) -> str:
    """Normalise the Arabic letters of a regular expression like the text it runs on
    (diacritics and tatweel removed; at ``match`` level أ إ آ -> ا, ى -> ي, Arabic digits
    -> ASCII). Everything else (escapes, classes, Latin) is kept as written."""
    from editcheck.text.normalize import normalize

    out = []
    for ch in pattern:
        if "\u0600" <= ch <= "\u06ff":
            out.append(normalize(ch, level=level).text)
        else:
            out.append(ch)
    return "".join(out)


def block_hits(matcher: PhraseMatcher | None, patterns: list[tuple[regex.Pattern[str], str]], block: Block,
               level: str, deadline: Deadline) -> list[tuple[int, int, str]]:
    """Original ``(start, end, matched text)`` of token hits and pattern matches in ``block``.

    ``patterns`` are ``(compiled, source)`` pairs; empty matches are skipped. Raises
    :class:`PatternTimeout` when a pattern runs past ``deadline``.
    """
    nt = block.norm(level)
    out: list[tuple[int, int, str]] = []
    if matcher is not None:
        out.extend((h.start, h.end, block.source[h.start:h.end]) for h in matcher.finditer(nt))
    for pattern, source in patterns:
        for m in search_all(pattern, block, nt.text, deadline, source):
            if m.end() > m.start():
                s, e = nt.span(m.start(), m.end())
                out.append((s, e, block.source[s:e]))
    out.sort()
    return out
