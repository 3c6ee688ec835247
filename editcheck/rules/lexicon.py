"""Word lists the code rules read (titles, agencies, attribution verbs...), per language.

They live in each built-in pack's ``lexicon.yaml`` so a newsroom can read and extend them
(config ``lexicons:``) without touching Python. Matchers are compiled once per run, and a
built-in lexicon loaded from the compiled cache (editcheck/rules/cache.py) is saved again at
exit with the matchers the run compiled, so the next run finds them ready (~4-7 ms per run
of normalising terms and building tries). A lexicon extended by a config is never saved.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from editcheck.errors import ConfigError
from editcheck.rules.matcher import PhraseMatcher, Term
from editcheck.rules.packs import pack_dir

T = TypeVar("T")

LANG_PACK = {"ar": "ar-news", "en": "en-news"}
_UIDS = itertools.count(1)


class Lexicon:
    """Named word lists for one language, with compiled matchers.

    ``data`` maps a list name to a list of strings or mappings with a ``term`` key.
    """

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        self.lang = lang
        self.data = data
        self._matchers: dict[tuple[str, ...], PhraseMatcher] = {}
        self._terms: dict[tuple[str, ...], tuple[Term, ...]] = {}
        #: identity and revision (bumped by :meth:`extend`) for caches of derived patterns
        self.uid = next(_UIDS)
        self.revision = 0
        #: values derived from the lists by other modules (see :meth:`derived`)
        self._derived: dict[str, Any] = {}
        #: called once, when the first matcher or derived value is built (set by
        #: :func:`load_lexicon` to save them in the compiled cache at exit; not pickled)
        self._on_new_entry: Callable[[Lexicon], None] | None = None

    def __getstate__(self) -> dict[str, Any]:
        # the compiled cache keeps the data, keyset, matchers and derived values; terms are
        # rebuilt when first asked for, and the exit hook belongs to the process that set it
        state = self.__dict__.copy()
        state.pop("_on_new_entry", None)
        state["_terms"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._on_new_entry = None
        # a fresh identity: two lexicons loaded from one cache file (one per config) must not
        # share the caches of derived patterns keyed by (lang, uid, revision)
        self.uid = next(_UIDS)

    def terms(self, *names: str) -> list[Term]:
        """Entries of the named lists, as :class:`Term` objects (unknown names are empty).

        Built once per names (rules ask again for every draft); a new list is returned each
        time, holding the same immutable terms.
        """
        got = self._terms.get(names)
        if got is None:
            got = self._terms[names] = tuple(self._build_terms(names))
        return list(got)

    def _build_terms(self, names: tuple[str, ...]) -> list[Term]:
        out: list[Term] = []
        for name in names:
            for item in self.data.get(name) or ():
                if isinstance(item, dict):
                    term = str(item.get("term", ""))
                    out.append(Term(term, tuple((k, v) for k, v in item.items() if k != "term")))
                    for variant in item.get("variants") or ():
                        out.append(Term(str(variant), tuple((k, v) for k, v in item.items() if k != "term")))
                else:
                    out.append(Term(str(item)))
        return out

    def words(self, name: str) -> list[str]:
        """Surface forms of one list."""
        return [t.term for t in self.terms(name)]

    def matcher(self, *names: str, clitics: bool = True, suffixes: tuple[str, ...] = (),
                level: str = "match") -> PhraseMatcher:
        """A compiled :class:`PhraseMatcher` over the named lists (cached)."""
        key = (*names, str(clitics), *suffixes, level)
        m = self._matchers.get(key)
        if m is None:
            m = PhraseMatcher(self.terms(*names), clitics=clitics and self.lang == "ar",
                              suffixes=suffixes, level=level)
            self._matchers[key] = m
            self._new_entry()
        return m

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """``build()``, computed once per lexicon and kept in the compiled cache with it, for
        values that other modules derive from the lists (e.g. the people patterns' sources,
        ``editcheck.analysis.people``). ``name`` must be unique to ``build``; the value must
        pickle. A cached value cannot go stale: the cache key covers editcheck's code and
        the lexicon file, and :meth:`extend` drops every derived value."""
        if name not in self._derived:
            self._derived[name] = build()
            self._new_entry()
        return self._derived[name]  # type: ignore[no-any-return]

    def _new_entry(self) -> None:
        if self._on_new_entry is not None:
            self._on_new_entry(self)
            self._on_new_entry = None

    @cached_property
    def keyset(self) -> dict[str, frozenset[str]]:
        """Normalised forms of every list, for set membership tests."""
        from editcheck.rules.matcher import norm_key

        return {name: frozenset(norm_key(t.term) for t in self.terms(name)) for name in self.data}

    def has(self, name: str, word: str) -> bool:
        """True when normalised ``word`` is in list ``name``."""
        from editcheck.rules.matcher import norm_key

        return norm_key(word) in self.keyset.get(name, frozenset())

    def extend(self, extra: dict[str, list[Any]]) -> None:
        """Add entries (house lexicons from the config) to the named lists."""
        for name, items in extra.items():
            self.data.setdefault(name, [])
            self.data[name] = list(self.data[name]) + list(items)
        self._matchers.clear()
        self._derived.clear()
        self._terms.clear()
        self.__dict__.pop("keyset", None)
        self.revision += 1


def load_lexicon(lang: str) -> Lexicon:
    """Load the built-in lexicon of ``lang`` (``ar`` or ``en``).

    Raises :class:`ConfigError` when the file is missing or broken.
    """
    from editcheck.rules.cache import cached_keyed
    from editcheck.rules.yamlio import load_yaml_file

    path = pack_dir(LANG_PACK.get(lang, "en-news")) / "lexicon.yaml"

    def build() -> Lexicon:
        data = load_yaml_file(path)
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:1: lexicon must be a mapping of list names to lists")
        lex = Lexicon(lang, data)
        lex.keyset  # noqa: B018 - normalised once, then kept in the compiled cache
        return lex

    if not path.is_file():
        return build()  # raises the usual ConfigError
    kind = f"lexicon-{lang}"
    lex, key = cached_keyed(kind, [path], build, str(path.resolve()), lang)
    if key is not None:
        lex._on_new_entry = lambda lx: _save_at_exit(lx, kind, key)
    return lex


def _save_at_exit(lex: Lexicon, kind: str, key: Any) -> None:
    """Store ``lex`` (with the matchers and derived values built by then) in the compiled cache under ``key``
    when the process exits, unless a config extended it."""
    import atexit

    from editcheck.rules.cache import store

    def save() -> None:
        if lex.revision == 0:
            store(kind, key, lex)

    atexit.register(save)
