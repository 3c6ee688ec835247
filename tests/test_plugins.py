"""A real, separately installed rule plugin (tests/plugins/editcheck-example-plugin), found through
the ``editcheck.rules`` entry-point group. scripts/test.sh installs it before pytest."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest

EDITCHECK = str(Path(sys.executable).with_name("editcheck"))
PLUGIN_DIR = Path(__file__).resolve().parent / "plugins" / "editcheck-example-plugin"


@pytest.fixture(scope="module")
def plugin() -> None:
    """The example plugin, installed (scripts/test.sh does it; installed here if run alone)."""
    try:
        distribution("editcheck-example-plugin")
    except PackageNotFoundError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", str(PLUGIN_DIR)], check=True, timeout=300)


def test_plugin_is_a_separate_distribution_with_an_entry_point(plugin: None) -> None:
    dist = distribution("editcheck-example-plugin")
    eps = [ep for ep in dist.entry_points if ep.group == "editcheck.rules"]
    assert [(ep.name, ep.value) for ep in eps] == [("example", "editcheck_example_plugin:rules")]
    from editcheck.rules.registry import plugin_rules

    assert [r.meta.code for r in plugin_rules()] == ["XP101"]


def test_plugin_rule_reports_through_the_cli(plugin: None, tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text("# Storm\n\nThe minister said TK people were hurt.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# عاصفة\n\nقال الوزير إن [تحقق] أشخاص أصيبوا.\n", encoding="utf-8")
    proc = subprocess.run([EDITCHECK, "d.md", "a.md", "--format", "line", "--select", "XP101"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.stdout.splitlines() == [
        "d.md:3:19: error XP101 Placeholder 'TK' left in the copy: fill it in before publishing",
        "a.md:3:15: error XP101 علامة مؤقتة '[تحقق]' باقية في النص: أكملها قبل النشر",
    ]
    assert proc.returncode == 1
    listing = subprocess.run([EDITCHECK, "rules"], capture_output=True, text=True, timeout=60).stdout
    assert any(line.startswith("XP101  placeholder-residue") for line in listing.splitlines())
    docs = subprocess.run([EDITCHECK, "rule", "XP101"], capture_output=True, text=True, timeout=60).stdout
    assert docs.startswith("## XP101 placeholder-residue") and "### Why is this bad?" in docs


def test_disable_plugin_autoload_leaves_installed_plugins_out(plugin: None, tmp_path: Path) -> None:
    """EDITCHECK_DISABLE_PLUGIN_AUTOLOAD=1: the same draft, the built-in findings only."""
    import os

    (tmp_path / "d.md").write_text("# Storm\n\nThe minister said TK people were hurt.\n\nShare this story\n",
                                   encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "EDITCHECK_DISABLE_PLUGIN_AUTOLOAD"}

    def codes(**extra: str) -> list[str]:
        proc = subprocess.run([EDITCHECK, "d.md", "--format", "line"], cwd=tmp_path, capture_output=True, text=True,
                              timeout=60, env={**env, **extra})
        return [line.split()[2] for line in proc.stdout.splitlines()]

    assert codes() == ["XP101", "EC601"]
    assert codes(EDITCHECK_DISABLE_PLUGIN_AUTOLOAD="1") == ["EC601"]
    assert codes(EDITCHECK_DISABLE_PLUGIN_AUTOLOAD="0") == ["XP101", "EC601"]
    listing = subprocess.run([EDITCHECK, "rules"], capture_output=True, text=True, timeout=60,
                             env={**env, "EDITCHECK_DISABLE_PLUGIN_AUTOLOAD": "1"}).stdout
    assert "XP101" not in listing and "EC601" in listing


def test_config_naming_a_plugin_rule_still_runs_with_plugins_disabled(plugin: None, tmp_path: Path) -> None:
    """A newsroom config that configures a plugin rule: with the plugins off the run goes on
    (the code may name a plugin that is not loaded); a typo in an EC code is still refused."""
    import os

    (tmp_path / "d.md").write_text("# Storm\n\nThe minister said TK people were hurt.\n\nShare this story\n",
                                   encoding="utf-8")
    (tmp_path / ".editcheck.yaml").write_text("severity:\n  XP101: warning\n", encoding="utf-8")
    env = {**os.environ, "EDITCHECK_DISABLE_PLUGIN_AUTOLOAD": "1"}
    proc = subprocess.run([EDITCHECK, "d.md", "--format", "line"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, env=env)
    assert proc.stdout.splitlines() == ["d.md:5:1: warning EC601 Web-page residue 'Share this story': remove it"]
    assert proc.returncode == 0, proc.stderr  # warnings do not fail the run by default
    (tmp_path / ".editcheck.yaml").write_text("severity:\n  EC699: warning\n", encoding="utf-8")
    typo = subprocess.run([EDITCHECK, "d.md", "--format", "line"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, env=env)
    assert typo.returncode == 2 and "unknown rule code 'EC699'" in typo.stderr
