"""Per-run state shared by rules: lexicons, per-document analysis cache, corpus state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.rules.lexicon import Lexicon


@dataclass
class Context:
    """What rules may read besides the document.

    ``lexicons`` maps a language (``"ar"``/``"en"``) to its :class:`Lexicon`; ``state`` is
    free per-rule storage for corpus rules (keyed by rule code); ``options`` holds rule
    options from the config (keyed by rule code).
    """

    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    _analysis: dict[int, dict[str, Any]] = field(default_factory=dict)

    def lexicon(self, lang: str) -> Lexicon:
        """The lexicon for ``lang`` (loaded from the built-in packs on first use)."""
        lex = self.lexicons.get(lang)
        if lex is None:
            from editcheck.rules.lexicon import load_lexicon

            lex = load_lexicon(lang)
            self.lexicons[lang] = lex
        return lex

    def cache(self, doc: Document) -> dict[str, Any]:
        """A dict cached for one document, for analysis several rules share."""
        return self._analysis.setdefault(id(doc), {})

    def forget(self, doc: Document) -> None:
        """Drop the cache of ``doc`` once it has been checked."""
        self._analysis.pop(id(doc), None)
