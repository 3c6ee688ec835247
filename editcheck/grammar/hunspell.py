"""Hunspell with Debian's ``hunspell-ar`` dictionary, for the opt-in EC520 unknown-word rule.

The ``hunspell`` binding (the ``editcheck[spell]`` extra) builds against libhunspell
(``apt-get install libhunspell-dev hunspell-ar``). It is imported, and the dictionary
(~0.3 s) loaded, only when EC520 runs, once per process.

Words are looked up in a *spelling key*: the word as written minus tatweel, invisible
characters and the harakat that the Arabic dictionary ignores anyway (its ``IGNORE`` line),
but keeping fathatan (U+064B), so that ``مساءً`` is accepted and ``مساءاً`` is not, and keeping
hamza seats and alef maqsura, which carry spelling.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editcheck.errors import EditcheckError

#: Folders searched for ``NAME.dic``/``NAME.aff`` ($DICPATH first, colon-separated).
DICT_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell",
             "/opt/homebrew/share/hunspell", "/Library/Spelling")
INSTALL_HINT = "apt-get install libhunspell-dev hunspell-ar, then pip install 'editcheck[spell]'"

#: harakat (except fathatan U+064B), superscript alef, Quranic marks, tatweel, invisible characters
_STRIP_RE = re.compile("[\u064c-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u061c\u00ad]")


class SpellingUnavailable(EditcheckError):
    """Hunspell or its dictionary cannot be used; ``str(err)`` says why and how to fix it."""


def spelling_key(word: str) -> str:
    """The form of ``word`` looked up in the dictionary (see the module docstring).

    NFKC turns presentation forms (``ﻻ``) into letters; fathatan is kept.
    """
    return _STRIP_RE.sub("", unicodedata.normalize("NFKC", word))


def find_dictionary(name: str) -> tuple[Path, Path]:
    """``(dic, aff)`` paths of dictionary ``name`` (``"ar"``, ``"ar_EG"`` or a path without extension).

    Raises :class:`SpellingUnavailable` when no folder holds both files.
    """
    as_path = Path(name).expanduser()
    candidates = [as_path] if as_path.parent != Path(".") or name.startswith(".") else []
    dirs = [d for d in os.environ.get("DICPATH", "").split(os.pathsep) if d] + list(DICT_DIRS)
    candidates += [Path(d) / name for d in dirs]
    for base in candidates:
        dic, aff = base.with_name(base.name + ".dic"), base.with_name(base.name + ".aff")
        if dic.is_file() and aff.is_file():
            return dic, aff
    raise SpellingUnavailable(f"Hunspell dictionary '{name}' not found (looked in $DICPATH and {', '.join(DICT_DIRS[:2])}): "
                              f"{INSTALL_HINT}")


@dataclass
class Speller:
    """A loaded Hunspell dictionary. ``known`` and ``suggest`` take a word as written."""

    name: str
    _h: Any

    def known(self, word: str) -> bool:
        """True when the dictionary accepts ``spelling_key(word)``."""
        key = spelling_key(word)
        return not key or bool(self._h.spell(key))

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Up to ``limit`` suggestions for ``word``, best first."""
        return [str(s) for s in self._h.suggest(spelling_key(word))[:limit]]


_SPELLERS: dict[str, Speller] = {}


def load_speller(name: str = "ar") -> Speller:
    """The speller for dictionary ``name``, loaded once per process.

    Raises :class:`SpellingUnavailable` when the ``hunspell`` module or the dictionary is
    missing or cannot be loaded.
    """
    sp = _SPELLERS.get(name)
    if sp is not None:
        return sp
    dic, aff = find_dictionary(name)
    try:
        import hunspell
    except ImportError:
        raise SpellingUnavailable(f"the hunspell Python module is not installed: {INSTALL_HINT}") from None
    try:
        h = hunspell.HunSpell(str(dic), str(aff))
    except Exception as exc:  # the binding raises plain exceptions on unreadable files
        raise SpellingUnavailable(f"cannot load Hunspell dictionary {dic}: {exc}") from None
    sp = _SPELLERS[name] = Speller(name, h)
    return sp
