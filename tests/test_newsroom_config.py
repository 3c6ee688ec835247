"""A newsroom's own rules and settings in .editcheck.yaml: through the CLI and the API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from editcheck.config import find_config, load_config, plan_runs
from editcheck.engine import Options, run
from editcheck.rules.packs import BUILTIN_PACKS, pack_dir

EDITCHECK = str(Path(sys.executable).with_name("editcheck"))

BANNED = """\
code: HR101
name: banned-phrase
extends: existence
language: ar
severity: error
scope: [document]
message: "عبارة محظورة في دليل الأسلوب: '{match}'"
tokens: [مصادر مطلعة]
docs:
  what: Bans the vague "مصادر مطلعة".
  why: House style names or describes the source.
  example: قالت مصادر مطلعة
  instead: قال مسؤول في وزارة المالية
examples:
  fail: ["# خبر\\n\\nقالت مصادر مطلعة إن الاجتماع تأجل."]
  pass: ["# خبر\\n\\nقال المتحدث باسم الوزارة إن الاجتماع تأجل."]
"""
# tatweel, diacritics and a و proclitic: "ومَصـــادرِ مُطّلعة" starts at column 7 (the و is column 6)
DRAFT = "# خبر عن الاجتماع\n\nقالت ومَصـــادرِ مُطّلعة إن الاجتماع تأجل إلى الأسبوع المقبل.\n"


def newsroom(tmp_path: Path, config: str = "extends: [ar-news, ./house]\n") -> Path:
    """A newsroom folder: config, one house rule, one draft in desk/."""
    (tmp_path / ".editcheck.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "banned.yaml").write_text(BANNED, encoding="utf-8")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real editcheck executable."""
    return subprocess.run([EDITCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_house_rule_through_cli_finds_normalised_phrase_at_right_column(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    proc = cli("desk/story.md", "--format", "line", "--select", "HR101", cwd=root)
    assert proc.stderr == ""
    assert proc.stdout.splitlines() == ["desk/story.md:3:7: error HR101 عبارة محظورة في دليل الأسلوب: 'مَصـــادرِ مُطّلعة'"]
    assert proc.returncode == 1
    data = json.loads(cli("desk/story.md", "--format", "json", "--select", "HR101", cwd=root).stdout)
    assert "HR101" in json.dumps(data, ensure_ascii=False)


def test_house_rule_through_api(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    cfg = load_config(find_config(root / "desk" / "story.md"))  # type: ignore[arg-type]
    assert cfg.extra_rule_dirs == ((root / "house").resolve(),)
    results = run([str(root / "desk" / "story.md")], Options(packs=cfg.packs, extra_rule_dirs=cfg.extra_rule_dirs,
                                                             select=("HR101",), plugins=False))
    [f] = results[0].findings
    assert (f.code, f.line, f.column, f.end_column, f.match) == ("HR101", 3, 7, 25, "مَصـــادرِ مُطّلعة")
    assert (f.start, f.end) == (25, 43)


def test_severity_off_and_fail_on(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "extends: [ar-news, ./house]\nseverity: {HR101: warning}\nfail-on: warning\n")
    proc = cli("desk/story.md", "--format", "line", "--select", "HR101", cwd=root)
    assert proc.stdout.startswith("desk/story.md:3:7: warning HR101") and proc.returncode == 1
    (root / ".editcheck.yaml").write_text("extends: [ar-news, ./house]\nseverity: {HR101: off}\n", encoding="utf-8")
    proc = cli("desk/story.md", "--format", "line", "--select", "HR101", cwd=root)
    assert (proc.stdout, proc.returncode) == ("", 0)


def test_overrides_by_glob(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "extends: [ar-news, ./house]\n"
                              "overrides:\n  - files: ['opinion/**']\n    ignore: [HR101]\n"
                              "  - files: ['wire/**']\n    severity: {HR101: info}\n")
    for desk in ("opinion", "wire"):
        (root / desk / "2024").mkdir(parents=True)
        (root / desk / "2024" / "a.md").write_text(DRAFT, encoding="utf-8")
    proc = cli("desk", "opinion", "wire", "--format", "line", "--select", "HR101", cwd=root)
    assert proc.stdout.splitlines() == [
        "desk/story.md:3:7: error HR101 عبارة محظورة في دليل الأسلوب: 'مَصـــادرِ مُطّلعة'",
        "wire/2024/a.md:3:7: info HR101 عبارة محظورة في دليل الأسلوب: 'مَصـــادرِ مُطّلعة'",
    ]


def test_nearest_config_per_file(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    (root / "desk" / "sub").mkdir()
    (root / "desk" / "sub" / ".editcheck.yaml").write_text("extends: [ar-news]\n", encoding="utf-8")
    (root / "desk" / "sub" / "b.md").write_text(DRAFT, encoding="utf-8")
    plan = plan_runs([str(root / "desk")])
    assert sorted((c.path.name if c.path else None, len(g)) for c, g in plan) == [(".editcheck.yaml", 1), (".editcheck.yaml", 1)]
    proc = cli("desk", "--format", "line", "--select", "HR101", cwd=root)
    assert [ln.split(":")[0] for ln in proc.stdout.splitlines()] == ["desk/story.md"]


NEEDS_AGENCY = """\
code: HR201
name: needs-agency
extends: required
language: en
scope: [body]
lexicon: agencies
message: "Name the agency"
"""


def test_house_lexicon_extends_agencies(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "agency.yaml").write_text(NEEDS_AGENCY, encoding="utf-8")
    draft = "# Port reopens\n\nThe port of Aden reopened on Monday after a two-day closure (Harbour Wire).\n"
    (tmp_path / "s.md").write_text(draft, encoding="utf-8")
    (tmp_path / ".editcheck.yaml").write_text("rules: [./house]\n", encoding="utf-8")
    before = cli("s.md", "--format", "line", "--select", "HR201", cwd=tmp_path)
    assert before.stdout.splitlines() == ["s.md:3:1: warning HR201 Name the agency"]
    (tmp_path / ".editcheck.yaml").write_text("rules: [./house]\nlexicons:\n  en:\n    agencies: [Harbour Wire]\n",
                                              encoding="utf-8")
    after = cli("s.md", "--format", "line", "--select", "HR201", cwd=tmp_path)
    assert (after.stdout, after.returncode) == ("", 0)
    # the same merged list is what the code rules read (EC401 and friends use ctx.lexicon)
    from editcheck.engine import Checker

    checker = Checker(Options(plugins=False, lexicons=load_config(tmp_path / ".editcheck.yaml").lexicons))
    assert checker.ctx.lexicon("en").has("agencies", "Harbour Wire")
    assert checker.ctx.lexicon("en").has("agencies", "Reuters")


def test_init_writes_a_valid_commented_config(tmp_path: Path) -> None:
    proc = cli("init", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.strip() == f"wrote {Path('.') / '.editcheck.yaml'}"
    text = (tmp_path / ".editcheck.yaml").read_text(encoding="utf-8")
    assert text.count("\n#") > 20
    cfg = load_config(tmp_path / ".editcheck.yaml")
    assert cfg.packs == ("ar-news", "en-news") and cfg.fail_on is not None
    again = cli("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_schema_command_validates_shipped_rules_and_configs(tmp_path: Path) -> None:
    proc = cli("schema", cwd=tmp_path)
    schemas = json.loads(proc.stdout)
    rule_schema, config_schema = schemas["rule"], schemas["config"]
    for pack in BUILTIN_PACKS:
        for path in sorted(pack_dir(pack).glob("*.yaml")):
            if path.name != "lexicon.yaml":
                jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), rule_schema)
    jsonschema.validate(yaml.safe_load(BANNED), rule_schema)
    bad = dict(yaml.safe_load(BANNED), tokns=["x"])
    assert not jsonschema.Draft202012Validator(rule_schema).is_valid(bad)
    cli("init", cwd=tmp_path)
    jsonschema.validate(yaml.safe_load((tmp_path / ".editcheck.yaml").read_text(encoding="utf-8")), config_schema)
    assert json.loads(cli("schema", "config", cwd=tmp_path).stdout) == config_schema


def test_house_lexicons_of_two_configs_stay_apart_with_the_compiled_cache(tmp_path: Path) -> None:
    """Two folders, two configs, each adding its own vague-expert word, checked in one run with
    the compiled cache on (cold, then warm): each draft is flagged for its own folder's word.
    (The cached lexicon once kept one identity, so the second config's patterns were the first's.)"""
    body = "# خبر\n\nيتوقع الفلكيون أن ترتفع الأسعار. ويتوقع المنجمون أن ترتفع الأسعار.\n"
    for name, word in (("a", "الفلكيون"), ("b", "المنجمون")):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".editcheck.yaml").write_text(f"lexicons:\n  ar:\n    vague_experts: [{word}]\n",
                                                        encoding="utf-8")
        (tmp_path / name / "d.md").write_text(body, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "EDITCHECK_NO_CACHE"}
    env["EDITCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    for _run in ("cold", "warm"):
        proc = subprocess.run([sys.executable, "-m", "editcheck", "a", "b", "--select", "EC201", "--format", "line", "--jobs", "1"],
                              cwd=tmp_path, capture_output=True, text=True, env=env)
        rows = [line.split(": warning ")[0] + " " + line.split("'")[1] for line in proc.stdout.splitlines()]
        assert rows == ["a/d.md:3:7 الفلكيون", "b/d.md:3:41 المنجمون"], proc.stdout + proc.stderr
