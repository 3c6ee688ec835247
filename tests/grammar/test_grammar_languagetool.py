"""EC510/EC511 against a real HTTP server speaking LanguageTool's /v2 API, through the real
language-tool-python client (no mocks): positions, fields, settings and failures."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from ltserver import LANGUAGES, FakeLanguageTool

from editcheck.engine import Checker, FileResult, Options
from editcheck.grammar.languagetool import GrammarUnavailable
from editcheck.grammar.settings import GrammarSettings
from editcheck.model import Severity

pytest.importorskip("language_tool_python", reason="the editcheck[grammar] extra is not installed")


def run(url: str, files: dict[str, str], **settings: object) -> list[FileResult]:
    grammar = GrammarSettings(enabled=True, server=url, **settings)  # type: ignore[arg-type]
    checker = Checker(Options(plugins=False, grammar=grammar))
    return [checker.check_text(name, text) for name, text in files.items()]


def lt_rows(result: FileResult) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.match) for f in result.findings if f.code in ("EC510", "EC511")]


def test_english_matches_with_rule_id_category_message_and_unsafe_fix(lt_server: FakeLanguageTool) -> None:
    [res] = run(lt_server.url, {"d.md": "# Budget talks\n\nThe goverment said He go to the ministry.\n"})
    assert lt_rows(res) == [("EC511", 3, 5, "goverment"), ("EC510", 3, 20, "He go")]
    spell, grammar = [f for f in res.findings if f.code in ("EC510", "EC511")]
    assert spell.message == "Possible spelling mistake found. (LanguageTool MORFOLOGIK_RULE_EN_US, TYPOS)"
    assert spell.family == "spelling" and spell.severity is Severity.WARNING
    assert spell.suggestion == "government / governments"
    assert spell.fix is not None and spell.fix.safe is False
    assert [(e.start, e.end, e.replacement) for e in spell.fix.edits] == [(20, 29, "government")]
    assert grammar.family == "grammar" and grammar.name == "languagetool-grammar"
    assert grammar.extra["languagetool"] == {"rule": "HE_VERB_AGR", "category": "GRAMMAR", "issue_type": "grammar",
                                             "replacements": ["He goes", "He went"]}
    assert lt_server.requests[-1]["language"] == "en-US"


def test_emoji_before_the_match_counts_one_column(lt_server: FakeLanguageTool) -> None:
    # LanguageTool counts each emoji as 2 UTF-16 units; columns are code points
    [res] = run(lt_server.url, {"d.md": "# Title\n\n😀😀 The goverment 😀 said He go home.\n"})
    assert lt_rows(res) == [("EC511", 3, 8, "goverment"), ("EC510", 3, 25, "He go")]
    assert [(f.end_line, f.end_column) for f in res.findings if f.code == "EC510"] == [(3, 30)]


def test_arabic_with_diacritics_and_emoji_before_the_match(lt_server: FakeLanguageTool) -> None:
    text = "# خبر الجامعة\n\nكَتَبَ الطالبُ 😀 في هذه الكتاب ثم ذهب الى السوق.\n"
    [res] = run(lt_server.url, {"d.md": text})
    assert lt_rows(res) == [("EC510", 3, 21, "هذه الكتاب"), ("EC511", 3, 39, "الى")]
    agreement = next(f for f in res.findings if f.code == "EC510")
    assert agreement.message == "اسم الإشارة لا يطابق المشار إليه (LanguageTool AR_DEMONSTRATIVE_AGREEMENT, GRAMMAR)"
    assert agreement.suggestion == "هذا الكتاب"
    assert text[agreement.start:agreement.end] == "هذه الكتاب"
    # the diacritics were sent as written
    assert "كَتَبَ الطالبُ 😀" in lt_server.requests[-1]["text"]
    assert lt_server.requests[-1]["language"] == "ar"


def test_markup_front_matter_and_code_are_handled(lt_server: FakeLanguageTool) -> None:
    text = ("---\ntitle: He go home\nsources: [Reuters]\n---\n"
            "A [link](http://example.com/goverment) and **bold** text: He go now.\n\n"
            "```\nHe go\n```\n\nSay `He go` in code.\n")
    [res] = run(lt_server.url, {"d.md": text})
    # only the paragraph's prose: not the front matter, not the code block, not the code span
    assert lt_rows(res) == [("EC510", 5, 59, "He go")]
    sent = lt_server.requests[-1]["text"]
    assert "http://example.com" not in sent and "title:" not in sent and "```" not in sent


def test_multiple_paragraphs_and_lines(lt_server: FakeLanguageTool) -> None:
    text = "# Title\n\nFirst paragraph is fine.\n\nSecond line\nwhere He go again.\n\n- a goverment list item\n"
    [res] = run(lt_server.url, {"d.md": text})
    assert lt_rows(res) == [("EC510", 6, 7, "He go"), ("EC511", 8, 5, "goverment")]


def test_disabled_rules_are_sent_and_a_set_language_is_used(lt_server: FakeLanguageTool) -> None:
    [res] = run(lt_server.url, {"d.md": "# T\n\nThe goverment said He go.\n"}, disabled_rules=("HE_VERB_AGR",),
                language="en")
    assert lt_rows(res) == [("EC511", 3, 5, "goverment")]
    assert lt_server.requests[-1]["disabledRules"] == "HE_VERB_AGR"
    assert lt_server.requests[-1]["language"] == "en"


def test_suppressions_and_severity_overrides_apply(lt_server: FakeLanguageTool) -> None:
    text = "# T\n\n<!-- editcheck: disable-next-line=EC511 -->\nThe goverment said He go.\n"
    grammar = GrammarSettings(enabled=True, server=lt_server.url)
    checker = Checker(Options(plugins=False, grammar=grammar, severity_overrides={"EC510": Severity.ERROR}))
    res = checker.check_text("d.md", text)
    assert [(f.code, f.line, f.column, f.severity) for f in res.findings if f.code.startswith("EC51")] == [
        ("EC510", 4, 20, Severity.ERROR)]


def test_grammar_off_by_default_sends_nothing(lt_server: FakeLanguageTool) -> None:
    checker = Checker(Options(plugins=False))
    res = checker.check_text("d.md", "# T\n\nThe goverment said He go.\n")
    assert lt_rows(res) == [] and res.notices == []
    assert {"EC510", "EC511", "EC520"}.isdisjoint(r.meta.code for r in checker.rules)
    assert lt_server.requests == [] and lt_server.language_requests == 0


def test_one_client_per_language_for_a_whole_run(lt_server: FakeLanguageTool) -> None:
    results = run(lt_server.url, {"a.md": "# T\n\nHe go.\n", "b.md": "# T\n\nHe go too.\n",
                                  "c.md": "# عنوان\n\nفي هذه الكتاب.\n"})
    assert [lt_rows(r) for r in results] == [[("EC510", 3, 1, "He go")], [("EC510", 3, 1, "He go")],
                                             [("EC510", 3, 4, "هذه الكتاب")]]
    assert lt_server.language_requests == 2  # en-US and ar
    assert len(lt_server.requests) == 3


EDITORIAL = "# عاجل: الحكومة تعلن خطة\n\nقال مسؤول إن الوفد وصل مساءاً.\n"


def editorial_rows(result: FileResult) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.match) for f in result.findings]


def test_nothing_listening_gives_one_notice_and_the_editorial_findings(dead_url: str) -> None:
    baseline = Checker(Options(plugins=False)).check_text("a.md", EDITORIAL)
    results = run(dead_url, {"a.md": EDITORIAL, "b.md": EDITORIAL})
    assert editorial_rows(results[0]) == editorial_rows(baseline) != []
    assert results[0].notices == [
        f"grammar checks skipped: cannot connect to LanguageTool at {dead_url} (connection refused): "
        "check that the server runs, or fix --grammar-server / grammar.server"]
    assert results[1].notices == []  # one notice per run, and the session stops trying


def test_http_500_gives_a_notice(lt_server: FakeLanguageTool) -> None:
    lt_server.mode = "500"
    [res] = run(lt_server.url, {"a.md": EDITORIAL})
    assert res.notices == [
        f"grammar checks skipped: LanguageTool at {lt_server.url} answered with an error "
        "(Error: Internal Server Error: java.lang.RuntimeException: test failure): check the server's log"]
    assert "EC501" in [f.code for f in res.findings]


def test_unexpected_json_gives_a_notice(lt_server: FakeLanguageTool) -> None:
    lt_server.mode = "garbage"
    [res] = run(lt_server.url, {"a.md": EDITORIAL})
    assert res.notices == [
        f"grammar checks skipped: LanguageTool at {lt_server.url} gave an unexpected answer (KeyError: 'matches'): "
        "is it a LanguageTool /v2 server?"]


def test_timeout_gives_a_notice_within_the_timeout(lt_server: FakeLanguageTool) -> None:
    lt_server.mode, lt_server.delay = "slow", 5.0
    t0 = time.monotonic()
    results = run(lt_server.url, {"a.md": EDITORIAL, "b.md": EDITORIAL}, timeout=0.4)
    elapsed = time.monotonic() - t0
    assert results[0].notices == [
        f"grammar checks skipped: LanguageTool at {lt_server.url} did not answer within 0.4 s (timeout): "
        "check the server, or raise grammar.timeout"]
    assert results[1].notices == []
    assert elapsed < 3.0  # the client retries once; the second draft does not wait again
    assert "EC501" in [f.code for f in results[1].findings]


def test_unsupported_language_gives_a_notice_and_other_languages_still_run(lt_server: FakeLanguageTool) -> None:
    lt_server.languages = [lang for lang in LANGUAGES if lang["code"] == "en"]
    ar, en = run(lt_server.url, {"a.md": EDITORIAL, "b.md": "# T\n\nHe go.\n"})
    assert ar.notices == [f"grammar checks skipped: LanguageTool at {lt_server.url} does not support language 'ar': "
                          "set grammar.language to one it offers"]
    assert lt_rows(en) == [("EC510", 3, 1, "He go")]


def test_required_raises_a_one_line_error(dead_url: str) -> None:
    with pytest.raises(GrammarUnavailable) as err:
        run(dead_url, {"a.md": EDITORIAL}, required=True)
    assert str(err.value).startswith("grammar checks are required (--grammar-required) but unavailable: "
                                     f"cannot connect to LanguageTool at {dead_url}")
    assert "\n" not in str(err.value)


def test_no_server_and_no_local_mode_gives_a_notice() -> None:
    checker = Checker(Options(plugins=False, grammar=GrammarSettings(enabled=True)))
    res = checker.check_text("a.md", EDITORIAL)
    assert res.notices == [
        "grammar checks skipped: no LanguageTool server configured: pass --grammar-server URL or set grammar.server "
        "(or allow a local LanguageTool with grammar.local: true; it downloads ~250 MB and needs Java)"]


def test_a_normal_run_does_not_import_language_tool_python_or_hunspell(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(EDITORIAL, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "editcheck", "-f", "line", str(draft)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "editcheck.engine" in imported
    assert not {m for m in imported if m.startswith(("language_tool_python", "hunspell", "requests"))}


def test_failure_messages_for_causes_without_a_server() -> None:
    import requests

    from editcheck.grammar.languagetool import describe_failure

    try:
        try:
            raise ConnectionRefusedError(111, "Connection refused")
        except ConnectionRefusedError as inner:
            raise requests.exceptions.ConnectionError("download failed") from inner
    except requests.exceptions.ConnectionError as exc:
        assert describe_failure(exc, "a local server", 15) == (
            "could not download LanguageTool for a local server (connection refused): "
            "connect to the network once, or set grammar.server")
    dns = requests.exceptions.ConnectionError("HTTPConnectionPool(host='lt.invalid'): NameResolutionError")
    assert describe_failure(dns, "http://lt.invalid:8081", 15) == (
        "cannot connect to LanguageTool at http://lt.invalid:8081 (host not found): "
        "check that the server runs, or fix --grammar-server / grammar.server")


def test_local_mode_without_java_gives_a_notice_and_downloads_nothing(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no java anywhere
    checker = Checker(Options(plugins=False, grammar=GrammarSettings(enabled=True, local=True)))
    res = checker.check_text("a.md", EDITORIAL)
    assert res.notices == ["grammar checks skipped: local LanguageTool needs Java, and java is not on PATH: "
                           "install Java 17+ or set grammar.server"]
    assert "EC501" in [f.code for f in res.findings]
