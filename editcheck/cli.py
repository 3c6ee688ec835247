"""The ``editcheck`` command (Typer). Commands are thin: they call plain functions.

``editcheck PATH...`` checks drafts; ``editcheck rules`` lists rules; ``editcheck rule CODE``
shows one rule's docs. Exit codes: 0 nothing reached ``--fail-on``; 1 something did;
2 usage, config or input error (one line on standard error, never a traceback unless
``--debug``).
"""

# No ``from __future__ import annotations`` here: Typer reads the parameters' annotations on
# every run, and string annotations cost it an ``eval`` each (twice), ~10 ms per run.
import os
import sys

from editcheck import gcpause

# importing this module starts the command: the imports and the rule loading run without the
# cyclic garbage collector (editcheck/gcpause.py; the checker resumes it, and so does main())
gcpause.pause()

from enum import Enum  # noqa: E402
from typing import TYPE_CHECKING, Annotated, Optional  # noqa: E402

import typer  # noqa: E402

from editcheck import __version__  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from editcheck.engine import FileResult, Options

SUBCOMMANDS = ("rules", "rule", "init", "schema")


class Fmt(str, Enum):
    """Output formats."""

    rich = "rich"
    line = "line"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class MinSeverity(str, Enum):
    """Lowest severity shown in the report."""

    info = "info"
    warning = "warning"
    error = "error"


class FailOn(str, Enum):
    """Severities that can fail a run."""

    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(str, Enum):
    """Document language choice."""

    auto = "auto"
    ar = "ar"
    en = "en"


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip().upper() for x in v.split(",") if x.strip())
    return tuple(out)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"editcheck {__version__}")
        raise typer.Exit(0)


def _fail(message: str) -> None:
    sys.stderr.write(f"editcheck: error: {message}\n")
    raise typer.Exit(2)


check_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@check_app.command(context_settings={"help_option_names": ["-h", "--help"]})
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Drafts or folders to check; '-' reads standard input.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Report format.")] = Fmt.rich,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that makes the exit code 1 [default: error].")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Only these rule codes or prefixes (comma-separated).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these rule codes or prefixes (comma-separated).")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Draft language [default: auto].")] = None,
    config: Annotated[Optional[str], typer.Option("--config", help="Config file (default: nearest .editcheck.yaml).")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", help="Name for the draft read from '-'.")] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour in the rich report.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing; only the exit code.")] = False,
    max_size: Annotated[int, typer.Option("--max-size", help="Largest draft read, in bytes.")] = 20 * 1024 * 1024,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the drafts' text encoding.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file (the exit code is unchanged).")] = None,
    min_severity: Annotated[Optional[MinSeverity], typer.Option("--min-severity", help="Lowest severity shown [default: info].")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for many drafts [default: all cores].")] = None,
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="Report only findings on lines changed since this git rev.")] = None,
    report_unused_suppressions: Annotated[bool, typer.Option("--report-unused-suppressions",
                                                             help="Report suppressions that hid nothing (EC903).")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes to the drafts (atomic writes; never without --fix).")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, also apply unsafe fixes.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the fixes as a unified diff; write nothing.")] = False,
    grammar: Annotated[bool, typer.Option("--grammar", help="Also run LanguageTool grammar checks (EC510, EC511; docs/grammar.md).")] = False,
    grammar_server: Annotated[Optional[str], typer.Option("--grammar-server", metavar="URL",
                                                          help="LanguageTool server to use (implies --grammar).")] = None,
    grammar_required: Annotated[bool, typer.Option("--grammar-required",
                                                   help="Exit 2 when LanguageTool cannot be used (implies --grammar).")] = False,
    spelling: Annotated[bool, typer.Option("--spelling", help="Also report words unknown to the Hunspell Arabic dictionary (EC520).")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """Check news drafts for editorial faults.

    Other commands: 'editcheck rules' (list rules), 'editcheck rule CODE' (a rule's docs),
    'editcheck init' (write a starter .editcheck.yaml), 'editcheck schema' (JSON Schemas).
    """
    from editcheck.errors import EditcheckError

    try:
        code = _run_check(paths or [], fmt.value, fail_on.value if fail_on else None, _split(select),
                          _split(ignore), lang.value if lang else None, config, stdin_filename, no_color,
                          quiet, max_size, encoding, output=output, min_severity=min_severity.value if min_severity else None,
                          jobs=jobs, changed_since=changed_since, report_unused_suppressions=report_unused_suppressions,
                          fix=fix, unsafe_fixes=unsafe_fixes, diff=diff,
                          grammar=grammar, grammar_server=grammar_server, grammar_required=grammar_required, spelling=spelling)
    except EditcheckError as exc:
        _fail(str(exc))
    except typer.Exit:
        raise
    except BrokenPipeError:  # output piped into head, less...
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(1) from None
    except Exception as exc:  # never a traceback for the user
        if debug:
            raise
        _fail(f"internal error: {exc.__class__.__name__}: {exc} (run with --debug for details)")
    raise typer.Exit(code)


def _run_check(paths: list[str], fmt: str, fail_on: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
               lang: str | None, config: str | None, stdin_filename: str | None, no_color: bool, quiet: bool,
               max_size: int, encoding: str | None, *, output: str | None = None, min_severity: str | None = None,
               jobs: int | None = None, changed_since: str | None = None, report_unused_suppressions: bool = False,
               fix: bool = False, unsafe_fixes: bool = False, diff: bool = False,
               grammar: bool = False, grammar_server: str | None = None, grammar_required: bool = False,
               spelling: bool = False) -> int:
    from pathlib import Path

    from editcheck.config import Config, plan_runs
    from editcheck.engine import Options
    from editcheck.errors import UsageError
    from editcheck.grammar.settings import grammar_from_flags, spelling_from_flags
    from editcheck.model import Severity

    if not paths:
        raise UsageError("no drafts given (pass files, folders, or '-' for standard input)")
    if config and not Path(config).is_file():
        raise UsageError(f"config file '{config}' not found")
    if (fix or diff) and "-" in paths:
        raise UsageError("--fix and --diff work on files, not on standard input")
    # each draft uses the nearest .editcheck.yaml above it (or --config): one group per config
    plan = plan_runs(paths, Path(config) if config else None)

    def options_for(cfg: Config) -> Options:
        return Options(
            select=select or cfg.select, ignore=ignore + cfg.ignore, lang=lang or cfg.language or "auto",
            severity_overrides=cfg.severity, max_size=max_size, encoding=encoding, packs=cfg.packs,
            extra_rule_dirs=cfg.extra_rule_dirs, overrides=cfg.overrides, lexicons=cfg.lexicons,
            regex_timeout=cfg.regex_timeout, check_selection=not (select or ignore),
            report_unused_suppressions=report_unused_suppressions or cfg.report_unused_suppressions,
            grammar=grammar_from_flags(cfg.grammar, grammar=grammar, server=grammar_server, required=grammar_required),
            spelling=spelling_from_flags(cfg.spelling, spelling=spelling),
        )

    if select or ignore:  # a typo must not switch every check off; a code may live in one config only
        from editcheck.engine import unknown_code
        from editcheck.rules.registry import all_rules

        known = {r.meta.code for cfg, _ in plan for r in all_rules(cfg.packs, cfg.extra_rule_dirs)}
        for where, code in [("--select", c) for c in select] + [("--ignore", c) for c in ignore]:
            err = unknown_code(code, sorted(known), where)
            if err is not None:
                raise err
    options = options_for(plan[0][0])
    # with several configs, the strictest fail-on applies to the run
    threshold = Severity.parse(fail_on) if fail_on else min(c.fail_on or Severity.ERROR for c, _ in plan)
    stdin_text = None
    if "-" in paths:
        data = sys.stdin.buffer.read(max_size + 1)  # bounded, like files (reader.read_bytes)
        from editcheck.document.reader import decode
        from editcheck.errors import InputError

        if len(data) > max_size:
            raise InputError(f"{stdin_filename or '<stdin>'}: is over the size limit of {max_size} bytes (raise it with --max-size)")
        stdin_text = decode(data, stdin_filename or "<stdin>", encoding).text
    from editcheck import gate
    from editcheck.batch import run_batch

    changed = None
    if changed_since is not None:
        from editcheck.changed import changed_lines

        changed = changed_lines(changed_since, paths)
    results = []
    options_of: dict[str, Options] = {}  # each draft's options, for checking its fixed text again
    for cfg, group in plan:
        group_options = options if cfg is plan[0][0] else options_for(cfg)
        group_results = run_batch(group, group_options, jobs=jobs, stdin_text=stdin_text,
                                  stdin_name=stdin_filename or "-", progress=False if quiet else None)
        options_of.update((r.path, group_options) for r in group_results)
        results += group_results
    if changed is not None:
        results = gate.only_changed(results, changed)
    fixed_files = None
    if fix or diff:  # editcheck/fix.py: atomic, encoding-preserving; --diff writes nothing
        from editcheck.fix import fix_results

        # fixes run pass after pass on the text checked again in memory (as ruff does), except
        # under --changed-since: the findings left are then only those on changed lines
        recheck, keep, refinish = (None, (), None) if changed is not None else _rechecker(options_of)
        fixed_files = fix_results(results, unsafe=unsafe_fixes, diff_only=diff, encoding=encoding, max_size=max_size,
                                  skip_paths=[stdin_filename or "-"] if "-" in paths else [], recheck=recheck,
                                  keep_codes=keep, refinish=refinish)
    for r in results:
        if r.error:
            sys.stderr.write(f"editcheck: error: {r.error}\n")
    if not quiet:  # optional checks that could not run (LanguageTool down...): each cause once
        for notice in dict.fromkeys(n for r in results for n in getattr(r, "notices", ())):
            sys.stderr.write(f"editcheck: notice: {notice}\n")
    if diff and fixed_files is not None:
        return 2 if any(r.error for r in results) else (1 if fixed_files else 0)
    code = gate.exit_code(results, threshold)
    visible = gate.shown(results, Severity.parse(min_severity) if min_severity else None)
    if not quiet:
        gate.write_report(fmt, visible, output, no_color=no_color, fail_on=threshold)
    if code == 1 and gate.exit_code(visible, threshold) == 0:
        sys.stderr.write(f"editcheck: findings at or above --fail-on {threshold.label} are hidden by --min-severity\n")
    return code


def _rechecker(options_of: "dict[str, Options]") -> (
        "tuple[Callable[[str, str], FileResult], tuple[str, ...], Callable[[Sequence[FileResult]], None]]"):
    """``(recheck, keep codes, refinish)`` for :func:`editcheck.fix.fix_results`.

    ``recheck(path, text)`` checks ``text`` as draft ``path`` with that draft's options (a
    checker per options, built on first use) and returns its result, with the corpus
    rules' collected items. The keep codes are those of findings a check of the text
    cannot give and that a fix does not move: EC902 (legacy encoding, found when the file
    is read, at the draft's start). ``refinish(results)`` computes the corpus rules'
    findings (EC102, cross-file duplicate headlines) again, as the first check did: per
    group of drafts sharing options (one of them checked again), it drops their old corpus
    findings and runs the rules' ``finalize`` over the items collected from each draft's
    current text (the fixed text for a fixed draft), so their match, offsets, positions,
    related locations and messages are a fresh check's. Raises :class:`EditcheckError` for problems with the rules, as the
    first check would have.
    """
    from editcheck.engine import Checker

    checkers: dict[int, Checker] = {}

    def checker_for(options: "Options") -> Checker:
        checker = checkers.get(id(options))
        if checker is None:
            checker = checkers[id(options)] = Checker(options)
        return checker

    def recheck(path: str, text: str) -> "FileResult":
        return checker_for(options_of[path]).check_text(path, text)

    def refinish(results: "Sequence[FileResult]") -> None:
        groups: dict[int, list[FileResult]] = {}
        for r in results:
            if r.path in options_of:
                groups.setdefault(id(options_of[r.path]), []).append(r)
        for key, group in groups.items():
            checker = checkers.get(key)
            if checker is None:  # no draft of this group was checked again: nothing changed
                continue
            codes = {rule.meta.code for rule in checker.rules if rule.corpus}
            if not codes:
                continue
            for r in group:
                r.findings = [f for f in r.findings if f.code not in codes]
            checker.finish(group)

    return recheck, ("EC902",), refinish


sub_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                      context_settings={"help_option_names": ["-h", "--help"]})


@sub_app.command("rules")
def rules_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or markdown (the docs/rules.md page).")] = "table",
    lang: Annotated[Optional[str], typer.Option("--lang", help="Only rules for ar or en.")] = None,
    config: Annotated[Optional[str], typer.Option("--config", help="Config whose packs and house rules to list "
                                                  "(default: nearest .editcheck.yaml).")] = None,
) -> None:
    """List every rule: code, name, family, default severity, languages, fixable."""
    from editcheck.errors import EditcheckError
    from editcheck.ruledocs import rule_index

    try:
        if fmt == "markdown":
            from editcheck.ruledocs import rules_markdown

            typer.echo(rules_markdown(), nl=False)
            return
        rows = rule_index(_configured_rules(config))
    except EditcheckError as exc:
        _fail(str(exc))
    if lang:
        rows = [r for r in rows if lang in r["languages"]]
    if fmt == "json":
        import json

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        typer.echo(f"{r['code']}  {r['name']:<34} {r['family']:<20} {r['severity']:<8} "
                   f"{','.join(r['languages']):<6} {'fixable' if r['fixable'] else ''}".rstrip())


def _configured_rules(config: str | None) -> list | None:  # type: ignore[type-arg]
    """Rules of the given config, or of the nearest .editcheck.yaml (``None``: defaults)."""
    from pathlib import Path

    from editcheck.config import find_config, load_config
    from editcheck.errors import UsageError
    from editcheck.rules.registry import all_rules

    if config and not Path(config).is_file():
        raise UsageError(f"config file '{config}' not found")
    path = Path(config) if config else find_config(Path.cwd())
    if path is None:
        return None
    cfg = load_config(path)
    return all_rules(cfg.packs, cfg.extra_rule_dirs)


@sub_app.command("rule")
def rule_cmd(
    code: Annotated[str, typer.Argument(help="Rule code, e.g. EC301.")],
    config: Annotated[Optional[str], typer.Option("--config", help="Config whose house rules to search "
                                                  "(default: nearest .editcheck.yaml).")] = None,
) -> None:
    """Show a rule's documentation."""
    from editcheck.errors import EditcheckError
    from editcheck.ruledocs import render_rule

    try:
        typer.echo(render_rule(code.upper(), _configured_rules(config)))
    except EditcheckError as exc:
        _fail(str(exc))


@sub_app.command("init")
def init_cmd(
    folder: Annotated[str, typer.Argument(help="Folder to write .editcheck.yaml into.")] = ".",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing .editcheck.yaml.")] = False,
) -> None:
    """Write a commented starter .editcheck.yaml."""
    from pathlib import Path

    from editcheck.errors import EditcheckError
    from editcheck.initconfig import write_starter

    try:
        path = write_starter(Path(folder), force)
    except (EditcheckError, OSError) as exc:
        _fail(str(exc))
    typer.echo(f"wrote {path}")


@sub_app.command("schema")
def schema_cmd(
    kind: Annotated[str, typer.Argument(help="rule, config or all.")] = "all",
) -> None:
    """Print the JSON Schema of YAML rule files and/or of .editcheck.yaml."""
    import json

    from editcheck.schema import schemas

    all_ = schemas()
    if kind not in ("rule", "config", "all"):
        _fail(f"unknown schema '{kind}' (use rule, config or all)")
    typer.echo(json.dumps(all_ if kind == "all" else all_[kind], ensure_ascii=False, indent=2))


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: dispatch to a subcommand or to the check command."""
    args = sys.argv[1:] if argv is None else argv
    gcpause.pause()  # again, when called twice in one process
    try:
        if args and args[0] in SUBCOMMANDS:
            sub_app(args=args, prog_name="editcheck")
        else:
            check_app(args=args, prog_name="editcheck")
    finally:
        gcpause.resume()
