"""The pipeline: read -> parse -> check -> post-process (positions, suppression, order).

``check_text`` checks one draft held in memory; ``check_paths`` expands paths, checks every
draft and finishes corpus rules (cross-file duplicate headlines) once at the end.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editcheck import gcpause
from editcheck.document.loader import DRAFT_SUFFIXES, parse_text
from editcheck.document.model import Document
from editcheck.errors import EditcheckError, InputError, UsageError
from editcheck.grammar.settings import GrammarSettings, SpellingSettings, enable_optional, notices_of
from editcheck.model import Finding, Severity
from editcheck.rules.base import Rule
from editcheck.rules.context import Context


@dataclass
class Options:
    """What to check and how.

    ``select``/``ignore`` are rule codes or code prefixes (``EC3`` selects every 3xx rule);
    ``lang`` is ``auto``, ``ar`` or ``en``; ``severity_overrides`` maps codes to a severity
    or ``None`` (off); ``max_size`` is in bytes.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str = "auto"
    severity_overrides: dict[str, Severity | None] = field(default_factory=dict)
    max_size: int = 20 * 1024 * 1024
    encoding: str | None = None
    packs: tuple[str, ...] = ("ar-news", "en-news")
    extra_rule_dirs: tuple[Path, ...] = ()
    plugins: bool = True
    #: per-glob settings from the config (:class:`editcheck.config.Override` objects)
    overrides: tuple[Any, ...] = ()
    #: house lexicons ``{lang: {list name: [entries]}}`` merged into the built-in lists
    lexicons: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    #: seconds a YAML rule's user patterns may run on one draft (``None``: the rule's own limit)
    regex_timeout: float | None = None
    #: report suppressions that hid nothing (EC903)
    report_unused_suppressions: bool = False
    #: LanguageTool grammar checks (EC510, EC511), off unless ``enabled``; see docs/grammar.md
    grammar: GrammarSettings | None = None
    #: Hunspell Arabic spelling (EC520), off unless ``enabled``
    spelling: SpellingSettings | None = None
    #: check that ``select``/``ignore`` name rules of this run (the CLI checks its own flags
    #: against every config of a run instead, since a code may exist in one config only)
    check_selection: bool = True


@dataclass
class FileResult:
    """The outcome for one draft: findings (sorted), or an error message (exit code 2)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    lang: str = ""
    corpus_items: dict[str, Any] = field(default_factory=dict)
    #: one-line run notices (e.g. LanguageTool unreachable); the CLI prints each distinct one once
    notices: list[str] = field(default_factory=list)


def unknown_code(code: str, known: Sequence[str], where: str) -> UsageError | None:
    """A :class:`UsageError` when ``code`` (or prefix) names none of ``known``, else ``None``."""
    import difflib

    if any(k.startswith(code) for k in known):
        return None
    close = difflib.get_close_matches(code, sorted(known), n=1)
    hint = f" (did you mean {close[0]}?)" if close else " (see 'editcheck rules')"
    return UsageError(f"unknown rule code '{code}' in {where}{hint}")


def _check_codes(rules: Sequence[Rule], o: Options) -> None:
    """Reject codes in ``select``/``ignore``/``severity`` that name no rule: a typo there
    must not silently switch every check off. Raises :class:`UsageError`.

    With plugins off (``Options.plugins`` false or ``EDITCHECK_DISABLE_PLUGIN_AUTOLOAD``),
    a code outside editcheck's own ``EC`` series is let through: it may name a rule of a
    plugin that was not loaded, which a newsroom config may configure."""
    from editcheck.rules.registry import plugins_disabled

    known = sorted({r.meta.code for r in rules})
    plugins_off = not o.plugins or plugins_disabled()
    wanted = [("select", c) for c in o.select] + [("ignore", c) for c in o.ignore] if o.check_selection else []
    wanted += [("severity", c) for c in o.severity_overrides]
    for ov in o.overrides:
        wanted += [("overrides select", c) for c in ov.select] + [("overrides ignore", c) for c in ov.ignore]
        wanted += [("overrides severity", c) for c, _sev in ov.severity]
    for where, code in wanted:
        if plugins_off and not code.upper().startswith("EC"):
            continue
        err = unknown_code(code, known, where)
        if err is not None:
            raise err


def _selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if select and not any(code.startswith(s) for s in select):
        return False
    return not any(code.startswith(i) for i in ignore)


class Checker:
    """Holds the rules and context for a run; check drafts one by one, then :meth:`finish`."""

    def __init__(self, options: Options | None = None, rules: list[Rule] | None = None) -> None:
        self.options = options or Options()
        if rules is None:
            from editcheck.rules.registry import all_rules

            rules = all_rules(self.options.packs, self.options.extra_rule_dirs, self.options.plugins)
        o = self.options
        _check_codes(rules, o)
        self.rules = [r for r in rules if _selected(r.meta.code, o.select, o.ignore)
                      and o.severity_overrides.get(r.meta.code, r.meta.severity) is not None]
        self._all_rules = rules if o.overrides else self.rules
        self.ctx = Context()
        # opt-in families (grammar, spelling): drop their rules unless enabled
        self.rules = enable_optional(self.rules, o.grammar, o.spelling, self.ctx)
        self._all_rules = enable_optional(self._all_rules, o.grammar, o.spelling, self.ctx)
        for lang, extra in o.lexicons.items():
            self.ctx.lexicon(lang).extend(extra)
        if o.regex_timeout:
            self.ctx.state["regex_timeout"] = o.regex_timeout
        gcpause.resume()  # the command's start-up ends here (see editcheck/gcpause.py)

    def settings_for(self, path: str) -> tuple[list[Rule], dict[str, Severity | None]]:
        """Rules and severity overrides for draft ``path`` (config ``overrides:`` applied)."""
        o = self.options
        matched = [ov for ov in o.overrides if ov.matches(path)]
        if not matched:
            return self.rules, o.severity_overrides
        select, ignore, sev = o.select, o.ignore, dict(o.severity_overrides)
        for ov in matched:
            select = ov.select or select
            ignore = ignore + ov.ignore
            sev.update(ov.severity)
        rules = [r for r in self._all_rules if _selected(r.meta.code, select, ignore)
                 and sev.get(r.meta.code, r.meta.severity) is not None]
        return rules, sev

    def rules_for(self, lang: str) -> list[Rule]:
        """Rules that run on a document in ``lang``."""
        return [r for r in self.rules if lang in r.meta.languages]

    def check_document(self, doc: Document) -> FileResult:
        """Run every applicable rule on a parsed document."""
        result = FileResult(doc.path, lang=doc.lang)
        findings: list[Finding] = []
        rules, severity = self.settings_for(doc.path) if self.options.overrides else (self.rules, None)
        for rule in (r for r in rules if doc.lang in r.meta.languages):
            if rule.corpus:
                item = rule.collect(doc, self.ctx)  # type: ignore[attr-defined]
                if item is not None:
                    result.corpus_items[rule.meta.code] = item
                continue
            findings.extend(rule.check(doc, self.ctx))
        self.ctx.forget(doc)
        result.notices = notices_of(doc)
        result.findings = self._post(doc, findings, severity, rules)
        return result

    def _post(self, doc: Document, findings: Iterable[Finding], severity: dict[str, Severity | None] | None = None,
              rules: list[Rule] | None = None) -> list[Finding]:
        """Positions, severity overrides, suppressions, de-duplication, deterministic order."""
        out: dict[tuple[str, int, int], Finding] = {}
        lines = doc.lines
        overrides = self.options.severity_overrides if severity is None else severity
        for f in findings:
            f.path = doc.path
            if not f.line:
                f.line, f.column = lines.position(f.start)
                f.end_line, f.end_column = lines.position(max(f.start, f.end))
            if f.code in overrides and overrides[f.code] is not None:
                f.severity = overrides[f.code]  # type: ignore[assignment]
            key = (f.code, f.start, f.end)
            prev = out.get(key)
            if prev is None or f.severity > prev.severity:
                out[key] = f
        from editcheck.suppress import apply_suppressions

        if self.options.report_unused_suppressions:
            from editcheck.suppress import suppressions, unused_suppressions

            enabled = {r.meta.code for r in (self.rules if rules is None else rules) if doc.lang in r.meta.languages}
            sups = suppressions(doc)
            kept = apply_suppressions(doc, list(out.values()), sups)
            if "EC903" in enabled:
                kept += [f for f in unused_suppressions(doc, sups, enabled) if overrides.get("EC903", 1) is not None]
        else:
            kept = apply_suppressions(doc, list(out.values()))
        return sorted(kept, key=Finding.sort_key)

    def check_text(self, path: str, text: str) -> FileResult:
        """Parse and check draft ``text`` named ``path`` (the name picks the format).

        A draft that cannot be parsed (an ``.html`` draft without the optional beautifulsoup4)
        becomes ``FileResult.error``, as in :meth:`check_file`: the other drafts are still checked.
        """
        from editcheck.document.frontmatter import FrontMatterError

        try:
            doc = parse_text(path, text, self.options.lang)
        except InputError as exc:
            return FileResult(path, error=str(exc))
        except FrontMatterError as exc:
            doc = parse_text(path + ".txt" if not path.endswith(".txt") else path, text, self.options.lang)
            doc.path = path
            result = self.check_document(doc)
            result.findings.insert(0, _front_matter_finding(doc, str(exc), exc.offset))
            return result
        result = self.check_document(doc)
        if doc.fm_error is not None:
            result.findings.insert(0, _front_matter_finding(doc, *doc.fm_error))
        return result

    def check_file(self, path: Path, display: str | None = None) -> FileResult:
        """Read, decode and check one draft file; input errors become ``FileResult.error``."""
        from editcheck.document.loader import BINARY_SUFFIXES, parse_binary
        from editcheck.document.reader import read_bytes, read_draft

        name = display or str(path)
        try:
            if str(path).lower().endswith(BINARY_SUFFIXES):  # .docx: bytes go to the loader, never decoded
                doc = parse_binary(name, read_bytes(path, max_size=self.options.max_size), self.options.lang)
                return self.check_document(doc)
            decoded = read_draft(path, max_size=self.options.max_size, encoding=self.options.encoding)
        except InputError as exc:
            return FileResult(name, error=str(exc))
        result = self.check_text(name, decoded.text)
        if decoded.fallback:
            # EC902 comes from the reader, not from a rule's check: apply the selection and
            # severity overrides here (``--select EC905`` must not show it; ``EC902: off`` drops it)
            rules, severity = self.settings_for(name) if self.options.overrides else (
                self.rules, self.options.severity_overrides)
            if any(r.meta.code == "EC902" for r in rules) and severity.get("EC902", Severity.INFO) is not None:
                finding = _encoding_finding(name, decoded.encoding, result.lang)
                finding.severity = severity.get("EC902") or finding.severity
                result.findings.insert(0, finding)
        return result

    def finish(self, results: list[FileResult]) -> None:
        """Run corpus rules over every file's collected items; add their findings (in place)."""
        by_path = {r.path: r for r in results}
        for rule in self.rules:
            if not rule.corpus:
                continue
            items = [(r.path, r.corpus_items[rule.meta.code]) for r in sorted(results, key=lambda r: r.path)
                     if rule.meta.code in r.corpus_items]
            for path, finding in rule.finalize(items):  # type: ignore[call-arg]
                target = by_path.get(path)
                if target is not None:
                    target.findings.append(finding)
        for r in results:
            r.findings.sort(key=Finding.sort_key)


def _front_matter_finding(doc: Document, message: str, offset: int) -> Finding:
    line, _col = doc.lines.position(offset)
    offset, end = doc.lines.line_span(line)  # the whole offending line
    col = 1
    if doc.lang == "ar":
        message = "الترويسة (front matter) ليست YAML صالحاً: " + message.removeprefix("invalid YAML front matter: ")
    return Finding(code="EC901", name="invalid-front-matter", family="meta", severity=Severity.ERROR,
                   message=message, start=offset, end=end, match=doc.text[offset:end], path=doc.path,
                   line=line, column=col, end_line=line, end_column=col + (end - offset))


def _encoding_finding(path: str, encoding: str, lang: str = "en") -> Finding:
    message = (f"الملف ليس بترميز UTF-8؛ قُرئ بترميز {encoding}: احفظه بترميز UTF-8" if lang == "ar"
               else f"file is not UTF-8; decoded as {encoding}: save it as UTF-8")
    return Finding(code="EC902", name="legacy-encoding", family="hygiene", severity=Severity.INFO,
                   message=message,
                   start=0, end=0, path=path, line=1, column=1, end_line=1, end_column=1)


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[Path | None, str]]:
    """Expand CLI paths: files as given, folders recursively (``*.md``, ``*.markdown``,
    ``*.txt``, ``*.html``, ``*.htm``, ``*.docx``, sorted), ``-`` for standard input as ``(None, "-")``. Missing paths are
    yielded too, so the caller reports them. Symlink loops are not followed twice."""
    for p in paths:
        if p == "-":
            yield None, "-"
            continue
        path = Path(p)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(DRAFT_SUFFIXES):
                        fp = Path(root) / name
                        yield fp, str(fp)
        else:
            yield path, p


def run(paths: Sequence[str], options: Options, stdin_text: str | None = None,
        stdin_name: str = "-") -> list[FileResult]:
    """Check every draft named by ``paths`` and return one result per draft (input order).

    Raises :class:`EditcheckError` for problems with the rules themselves.
    """
    checker = Checker(options)
    results: list[FileResult] = []
    for path, display in expand_paths(paths):
        if path is None:
            results.append(checker.check_text(stdin_name, stdin_text or ""))
        else:
            results.append(checker.check_file(path, display))
    checker.finish(results)
    return results


__all__ = ["Checker", "EditcheckError", "FileResult", "Options", "expand_paths", "run"]
