"""The compiled cache (editcheck/rules/cache.py): a value is reused only for the same inputs."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from editcheck.rules import cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_DISABLE, raising=False)
    return folder


class Builds:
    """A ``build`` callable that counts its calls and returns the inputs it read."""

    def __init__(self, *files: Path) -> None:
        self.files = files
        self.calls = 0

    def __call__(self) -> list[str]:
        self.calls += 1
        return [f.read_text(encoding="utf-8") for f in self.files]


def test_same_inputs_reuse_the_value(cache_dir: Path, tmp_path: Path) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text("a: 1\n", encoding="utf-8")
    build = Builds(rule)
    assert cache.cached("pack-x", [rule], build, "ar") == ["a: 1\n"]
    assert cache.cached("pack-x", [rule], build, "ar") == ["a: 1\n"]
    assert build.calls == 1
    assert [p.name for p in cache_dir.iterdir()] == ["pack-x.pickle"]


def test_changed_bytes_rebuild_even_with_the_same_size_and_mtime(cache_dir: Path, tmp_path: Path) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text("a: 1\n", encoding="utf-8")
    build = Builds(rule)
    cache.cached("pack-x", [rule], build)
    st = rule.stat()
    rule.write_text("a: 2\n", encoding="utf-8")
    os.utime(rule, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache.cached("pack-x", [rule], build) == ["a: 2\n"]
    assert build.calls == 2
    assert cache.cached("pack-x", [rule], build) == ["a: 2\n"]
    assert build.calls == 2


def test_a_touched_but_unchanged_file_keeps_the_value(cache_dir: Path, tmp_path: Path) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text("a: 1\n", encoding="utf-8")
    build = Builds(rule)
    cache.cached("pack-x", [rule], build)
    os.utime(rule, ns=(1, 1))
    cache.cached("pack-x", [rule], build)
    assert build.calls == 1


def test_other_extra_strings_or_file_names_rebuild(cache_dir: Path, tmp_path: Path) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text("a: 1\n", encoding="utf-8")
    build = Builds(rule)
    cache.cached("pack-x", [rule], build, "ar")
    cache.cached("pack-x", [rule], build, "en")
    assert build.calls == 2
    renamed = tmp_path / "other.yaml"
    renamed.write_text("a: 1\n", encoding="utf-8")
    cache.cached("pack-x", [renamed], build, "en")
    assert build.calls == 3


def test_a_stale_value_is_not_unpickled(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "entry.pickle"
    with open(path, "wb") as fh:
        pickle.dump("key-a", fh)
        fh.write(b"not a pickle at all")
    with pytest.raises(cache.StaleEntry):
        cache._read(path, "key-b")
    with pytest.raises(pickle.UnpicklingError):
        cache._read(path, "key-a")


def test_damaged_or_old_layout_files_are_rebuilt(cache_dir: Path, tmp_path: Path) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text("a: 1\n", encoding="utf-8")
    cache_dir.mkdir()
    (cache_dir / "pack-x.pickle").write_bytes(b"\x80\x05garbage")
    (cache_dir / "pack-x-0123456789abcdef.pickle").write_bytes(pickle.dumps(["old"]))  # layout 1
    build = Builds(rule)
    assert cache.cached("pack-x", [rule], build) == ["a: 1\n"]
    assert build.calls == 1
    assert sorted(p.name for p in cache_dir.iterdir()) == ["pack-x.pickle"]
    assert cache.cached("pack-x", [rule], build) == ["a: 1\n"]
    assert build.calls == 1


def test_no_cache_always_builds(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_DISABLE, "1")
    rule = tmp_path / "rule.yaml"
    rule.write_text("a: 1\n", encoding="utf-8")
    build = Builds(rule)
    cache.cached("pack-x", [rule], build)
    cache.cached("pack-x", [rule], build)
    assert build.calls == 2
    assert not cache_dir.exists()


def test_code_signature_names_every_module_with_its_size_and_mtime() -> None:
    sig = cache.code_signature()
    here = Path(cache.__file__).resolve()
    st = here.stat()
    assert f"{here.parent}/{here.name}:{st.st_size}:{st.st_mtime_ns}\n" in sig
    assert sig.startswith(f"{cache.LAYOUT}|")


def test_whole_runs_fill_then_reuse_the_cache(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("# Breaking: experts say\n\nExperts say the plan will work, analysts said.\n", encoding="utf-8")
    env = dict(os.environ, EDITCHECK_CACHE_DIR=str(tmp_path / "cache"))
    env.pop(cache.ENV_DISABLE, None)
    cmd = [sys.executable, "-m", "editcheck", str(draft), "--format", "json"]
    cold = subprocess.run(cmd, capture_output=True, text=True, env=env)
    names = sorted(p.name for p in (tmp_path / "cache").iterdir())
    warm = subprocess.run(cmd, capture_output=True, text=True, env=env)
    off = subprocess.run(cmd, capture_output=True, text=True, env=dict(env, EDITCHECK_NO_CACHE="1"))
    assert cold.stdout == warm.stdout == off.stdout and cold.returncode == warm.returncode == off.returncode
    assert "regex.pickle" in names and "lexicon-en.pickle" in names
    assert len([n for n in names if n.startswith("pack-")]) == 2


def _in_process(code: str, cache: Path) -> str:
    env = dict(os.environ, EDITCHECK_CACHE_DIR=str(cache))
    env.pop("EDITCHECK_NO_CACHE", None)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_lexicon_matchers_compiled_by_a_run_are_kept_for_the_next(tmp_path: Path) -> None:
    build = ("from editcheck.rules.lexicon import load_lexicon\n"
             "lex = load_lexicon('ar')\n"
             "print(len(lex._matchers))\n"
             "lex.matcher('hype', suffixes=('ة',))\n")
    assert _in_process(build, tmp_path) == "0"
    assert _in_process(build, tmp_path) == "1"
    same = ("from editcheck.rules.lexicon import Lexicon, load_lexicon\n"
            "lex = load_lexicon('ar')\n"
            "old = lex._matchers[('hype', 'True', 'ة', 'match')]\n"
            "new = Lexicon('ar', lex.data).matcher('hype', suffixes=('ة',))\n"
            "print(old.pattern.pattern == new.pattern.pattern and old.lookup == new.lookup\n"
            "      and old.prefilter.stems == new.prefilter.stems\n"
            "      and old.prefilter.substrings == new.prefilter.substrings and old.prefilter.bare == new.prefilter.bare\n"
            "      and old._suffix == new._suffix)\n")
    assert _in_process(same, tmp_path) == "True"


def test_a_lexicon_extended_by_a_config_is_not_saved(tmp_path: Path) -> None:
    extend = ("from editcheck.rules.lexicon import load_lexicon\n"
              "lex = load_lexicon('en')\n"
              "lex.extend({'hype': ['house-word']})\n"
              "lex.matcher('hype')\n"
              "print(len(lex._matchers))\n")
    assert _in_process(extend, tmp_path) == "1"
    check = ("from editcheck.rules.lexicon import load_lexicon\n"
             "lex = load_lexicon('en')\n"
             "print(len(lex._matchers), 'house-word' in lex.words('hype'))\n")
    assert _in_process(check, tmp_path) == "0 False"


def test_people_pattern_sources_are_kept_with_the_lexicon(tmp_path: Path) -> None:
    """The people patterns' sources and filters (analysis/people.py) are built by the first
    run, loaded from the cache by the next, and equal to those built from the lists."""
    run = ("from editcheck.rules.lexicon import load_lexicon\n"
           "from editcheck.analysis import people\n"
           "lex = load_lexicon('ar')\n"
           "print(sorted(lex._derived))\n"
           "pats = people._ar_patterns(lex)\n"
           "print(bool(pats['vague'].search('وقال خبراء إن')))\n")
    assert _in_process(run, tmp_path) == "[]\nTrue"
    assert _in_process(run, tmp_path) == "['people-ar']\nTrue"
    same = ("from editcheck.rules.lexicon import Lexicon, load_lexicon\n"
            "from editcheck.analysis import people\n"
            "lex = load_lexicon('ar')\n"
            "(src, fil) = lex._derived['people-ar']\n"
            "fresh = Lexicon('ar', lex.data)\n"
            "print(src == people._ar_sources(fresh), sorted(fil) == sorted(people._build_filters('ar', fresh)),\n"
            "      all(fil[k].stems == f.stems for k, f in people._build_filters('ar', fresh).items()))\n"
            "lex.extend({'vague_experts': ['عرافون']})\n"
            "print(sorted(lex._derived), bool(people._ar_patterns(lex)['vague'].search('وقال عرافون إن')))\n")
    assert _in_process(same, tmp_path) == "True True True\n[] True"
