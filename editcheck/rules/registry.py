"""Every rule a run can use: built-in code rules, YAML packs and plugin entry points."""

from __future__ import annotations

import importlib
from pathlib import Path

from editcheck.errors import ConfigError
from editcheck.rules.base import Rule
from editcheck.rules.packs import BUILTIN_PACKS, pack_dir

#: Built-in code rules, one module each under ``editcheck.rules.builtin``.
BUILTIN_MODULES = (
    "ec101_duplicated_headline",
    "ec102_duplicate_headline_across_files",
    "ec201_unnamed_experts",
    "ec202_anonymous_source",
    "ec203_fabricated_expert",
    "ec204_unattributed_quote",
    "ec301_breaking_label",
    "ec302_headline_exclamation",
    "ec305_hype_density",
    "ec306_closing_question",
    "ec307_question_headline",
    "ec308_shouting_caps",
    "ec401_no_sources",
    "ec402_empty_sources_field",
    "ec403_unsourced_figure",
    "ec510_languagetool_grammar",
    "ec511_languagetool_spelling",
    "ec520_unknown_word",
    "ec602_breadcrumb_residue",
    "ec604_bidi_control",
    "ec605_invisible_in_word",
    "ec901_invalid_front_matter",
    "ec902_legacy_encoding",
    "ec903_unused_suppression",
    "ec904_pattern_timeout",
    "ec905_empty_draft",
)
ENTRY_POINT_GROUP = "editcheck.rules"
PACK_LANG = {"ar-news": "ar", "en-news": "en"}


def builtin_code_rules() -> list[Rule]:
    """Instances of the built-in code rules."""
    rules = []
    for name in BUILTIN_MODULES:
        mod = importlib.import_module(f"editcheck.rules.builtin.{name}")
        rules.append(mod.RULE)
    return rules


def load_packs(names: tuple[str, ...] = BUILTIN_PACKS, extra_dirs: tuple[Path, ...] = ()) -> list[Rule]:
    """YAML rules of the named built-in packs and of extra pack folders."""
    from editcheck.rules.cache import load_pack_cached
    from editcheck.rules.yaml.loader import load_pack

    rules: list[Rule] = []
    for name in names:
        folder = pack_dir(name)
        if not folder.is_dir():
            raise ConfigError(f"unknown rule pack '{name}' (built-in packs: {', '.join(BUILTIN_PACKS)})")
        rules.extend(load_pack_cached(folder, PACK_LANG.get(name), load_pack))  # compiled cache (rules/cache.py)
    for folder in extra_dirs:  # user rules: their examples must behave (checked at load)
        rules.extend(load_pack(folder, verify=True))
    return rules


#: set to anything but ``""``/``0`` to load no plugin (as ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``
#: does for pytest): to tell a plugin's finding from a built-in one, or to gate on the
#: built-in rules only whatever is installed in the environment
ENV_NO_PLUGINS = "EDITCHECK_DISABLE_PLUGIN_AUTOLOAD"


def plugins_disabled() -> bool:
    """True when :data:`ENV_NO_PLUGINS` is set to anything but ``""`` or ``"0"``."""
    import os

    return os.environ.get(ENV_NO_PLUGINS, "") not in ("", "0")


def plugin_rules() -> list[Rule]:
    """Rules from installed plugins (entry-point group ``editcheck.rules``).

    Each entry point loads to a :class:`Rule`, a list of rules, or a callable returning
    either. Raises :class:`ConfigError` when a plugin fails to load.
    """
    import sys

    from editcheck.rules.cache import scan_entry_points

    # reading entry_points.txt directly spares importing importlib.metadata (~30 ms per run)
    eps = scan_entry_points(ENTRY_POINT_GROUP) if "importlib.metadata" not in sys.modules else None
    if eps is None:
        from importlib.metadata import entry_points

        eps = entry_points(group=ENTRY_POINT_GROUP)  # type: ignore[assignment]
    rules: list[Rule] = []
    for ep in eps:
        try:
            obj = ep.load()
            if callable(obj) and not isinstance(obj, Rule):
                obj = obj()
        except Exception as exc:  # a broken plugin must not crash the run with a traceback
            raise ConfigError(f"plugin '{ep.name}' ({ep.value}) failed to load: {exc}") from None
        items = obj if isinstance(obj, (list, tuple)) else [obj]
        for item in items:
            if not isinstance(item, Rule):
                raise ConfigError(f"plugin '{ep.name}' gave {type(item).__name__}, not an editcheck Rule")
            rules.append(item)
    return rules


def all_rules(packs: tuple[str, ...] = BUILTIN_PACKS, extra_dirs: tuple[Path, ...] = (),
              plugins: bool = True) -> list[Rule]:
    """Every available rule, code rules first; checks that codes are not reused.

    ``plugins=False``, or :data:`ENV_NO_PLUGINS` set, leaves installed plugins out. A code
    may appear in several packs only for disjoint languages with the same name. Raises
    :class:`ConfigError` on a clash.
    """
    from editcheck.rules.cache import install_regex_cache

    install_regex_cache()  # patterns compiled by earlier runs
    rules = builtin_code_rules() + load_packs(packs, extra_dirs)
    if plugins and not plugins_disabled():
        rules += plugin_rules()
    seen: dict[str, Rule] = {}
    for r in rules:
        prev = seen.get(r.meta.code)
        if prev is not None and (prev.meta.name != r.meta.name or prev.meta.languages & r.meta.languages):
            src = getattr(r, "src", None)
            where = src.where("code") if src is not None else r.meta.source
            raise ConfigError(
                f"{where}: code: {r.meta.code} is already used by '{prev.meta.name}' ({prev.meta.source})"
            )
        seen[r.meta.code] = r
    return rules
