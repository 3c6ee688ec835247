"""Broken configs and rule files: exit 2 with one line ``file:line: key: problem``, never a traceback
(through the real ``editcheck`` executable)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EDITCHECK = str(Path(sys.executable).with_name("editcheck"))

GOOD_RULE = """code: HR101
name: banned-phrase
extends: existence
language: ar
scope: [document]
message: "محظور: {match}"
tokens: [مصادر مطلعة]
"""
HOUSE = "extends: [ar-news, ./house]\n"

# (name, config text, {rule file: text}, expected "file:line: key: problem" after the path prefix)
CASES: list[tuple[str, str, dict[str, str], str, str]] = [
    ("unknown-key", "extends: [ar-news]\nseverty: {EC301: error}\n", {}, ".editcheck.yaml",
     ":2: severty: unknown key (did you mean 'severity'?)"),
    ("wrong-type", "select: 3\n", {}, ".editcheck.yaml", ":1: select: expected a list of strings, got int"),
    ("broken-yaml", "extends: [ar-news\nignore: [EC301]\n", {}, ".editcheck.yaml", ":2: invalid YAML:"),
    ("unknown-extends", "extends: [ar-nws]\n", {}, ".editcheck.yaml",
     ":1: extends: unknown rule pack 'ar-nws' (did you mean 'ar-news'?)"),
    ("bad-severity", "severity:\n  EC301: loud\n", {}, ".editcheck.yaml",
     ":2: severity.EC301: unknown severity 'loud' (use info, warning, error or off)"),
    ("bad-severity-code", "severity:\n  breaking: error\n", {}, ".editcheck.yaml",
     ":2: severity.breaking: 'breaking' is not a rule code (e.g. EC301)"),
    ("bad-fail-on", "fail-on: sometimes\n", {}, ".editcheck.yaml",
     ":1: fail-on: unknown value 'sometimes' (use error, warning, info or never)"),
    ("missing-rule-folder", "rules: [./nope]\n", {}, ".editcheck.yaml", ":1: rules: rule folder or file './nope' not found"),
    ("unknown-lexicon-list", "lexicons:\n  ar:\n    agencys: [وكالة محلية]\n", {}, ".editcheck.yaml",
     ":3: lexicons.ar.agencys: unknown lexicon list (did you mean 'agencies'?)"),
    ("override-without-files", "overrides:\n  - ignore: [EC303]\n", {}, ".editcheck.yaml",
     ":2: overrides: an override needs 'files': a list of globs such as opinion/**"),
    ("override-unknown-key", "overrides:\n  - files: ['opinion/**']\n    ignor: [EC303]\n", {}, ".editcheck.yaml",
     ":3: overrides.ignor: unknown key (did you mean 'ignore'?)"),
    ("bad-timeout", "regex-timeout: soon\n", {}, ".editcheck.yaml",
     ":1: regex-timeout: expected a number of seconds between 0 and 60, got 'soon'"),
    ("rule-unknown-key", HOUSE, {"r.yaml": GOOD_RULE.replace("tokens:", "tokns:")}, "house/r.yaml",
     ":7: tokns: unknown key (did you mean 'tokens'?)"),
    ("rule-bad-regex", HOUSE, {"r.yaml": GOOD_RULE + "raw: ['(?<=a+)b[']\n"}, "house/r.yaml",
     ":8: raw: bad regular expression"),
    ("rule-unknown-extends", HOUSE, {"r.yaml": GOOD_RULE.replace("extends: existence", "extends: existance")},
     "house/r.yaml", ":3: extends: unknown extension point 'existance' (did you mean 'existence'?)"),
    ("rule-bad-severity", HOUSE, {"r.yaml": GOOD_RULE + "severity: loud\n"}, "house/r.yaml",
     ":8: severity: unknown severity 'loud' (use info, warning or error)"),
    ("rule-bad-scope", HOUSE, {"r.yaml": GOOD_RULE.replace("[document]", "[body & ~qoute]")}, "house/r.yaml",
     ":5: scope: unknown scope 'qoute' (did you mean 'quote'?)"),
    ("rule-missing-code", HOUSE, {"r.yaml": GOOD_RULE.replace("code: HR101\n", "")}, "house/r.yaml",
     ":1: missing required key 'code'"),
    ("rule-bad-code", HOUSE, {"r.yaml": GOOD_RULE.replace("HR101", "hr-1")}, "house/r.yaml",
     ":1: code: 'hr-1' is not a rule code (two to four capitals and three digits, e.g. EC301)"),
    ("rule-duplicate-code", HOUSE, {"a.yaml": GOOD_RULE, "b.yaml": GOOD_RULE.replace("banned-phrase", "other-phrase")},
     "house/b.yaml", ":1: code: HR101 is already used by 'banned-phrase'"),
    ("rule-duplicate-builtin-code", HOUSE, {"r.yaml": GOOD_RULE.replace("HR101", "EC301")}, "house/r.yaml",
     ":1: code: EC301 is already used by 'breaking-label'"),
    ("rule-broken-yaml", HOUSE, {"r.yaml": GOOD_RULE + "tokens: [a, b\n"}, "house/r.yaml", ":9: invalid YAML:"),
    ("rule-wrong-type", HOUSE, {"r.yaml": GOOD_RULE.replace("tokens: [مصادر مطلعة]", "tokens: {a: 1}")}, "house/r.yaml",
     ":7: tokens: expected a list, got dict"),
    ("rule-never-matches-fail-example", HOUSE,
     {"r.yaml": GOOD_RULE + "examples:\n  fail: ['قال مصدر مطلع إن الاجتماع تأجل.']\n"}, "house/r.yaml",
     ":8: examples: the rule never matches its fail example 1"),
    ("rule-occurrence-negative-max", HOUSE,
     {"r.yaml": "code: HR102\nname: x\nextends: occurrence\nmessage: m\ntokens: ['!']\nmax: -1\n"}, "house/r.yaml",
     ":6: max: expected a whole number >= 0, got -1"),
    ("rule-conditional-bad-window", HOUSE,
     {"r.yaml": "code: HR103\nname: x\nextends: conditional\nmessage: m\nfirst: [a]\nsecond: [b]\nwindow: page\n"},
     "house/r.yaml", ":7: window: unknown window 'page' (use sentence, paragraph, document)"),
]


@pytest.mark.parametrize(("name", "config", "files", "where", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broken_config_exits_2_with_one_line(tmp_path: Path, name: str, config: str, files: dict[str, str],
                                             where: str, expected: str) -> None:
    (tmp_path / ".editcheck.yaml").write_text(config, encoding="utf-8")
    if files:
        (tmp_path / "house").mkdir()
        for fname, text in files.items():
            (tmp_path / "house" / fname).write_text(text, encoding="utf-8")
    (tmp_path / "draft.md").write_text("# خبر\n\nقالت مصادر مطلعة إن الاجتماع تأجل.\n", encoding="utf-8")
    proc = subprocess.run([EDITCHECK, "draft.md", "--format", "line"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    prefix = f"editcheck: error: {tmp_path / where}"
    assert lines[0].startswith(prefix + expected), lines[0]


def test_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20
