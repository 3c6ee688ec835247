"""Settings of the optional grammar (LanguageTool) and spelling (Hunspell) families.

Config (``.editcheck.yaml``)::

    grammar:
      enabled: true                 # a mapping turns it on unless enabled: false; --grammar / --grammar-server
      server: http://lt.internal:8081   # a LanguageTool server (its /v2 API)
      language: auto                # auto (the draft's language: ar -> ar, en -> en-US) or a LanguageTool code
      disabled-rules: [WHITESPACE_RULE]
      local: false                  # allow language-tool-python's local mode (downloads ~250 MB, needs Java)
      timeout: 15                   # seconds per HTTP request
      required: false               # true: exit 2 when LanguageTool cannot be used (--grammar-required)
    spelling:
      enabled: true                 # EC520 unknown-word (Hunspell); off without this key or --spelling
      dictionary: ar                # a name in the system dictionary folders, or a path without .dic/.aff
      accept: [كوفيد]               # extra words never reported

This module is imported on every run, so it imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editcheck.document.model import Document
    from editcheck.errors import ConfigError
    from editcheck.rules.base import Rule
    from editcheck.rules.context import Context

#: ``ctx.state`` keys under which the checker stores the settings for the rules.
GRAMMAR_STATE = "grammar.settings"
SPELLING_STATE = "spelling.settings"
#: ``Document.notes`` kind of a run notice (one line for standard error).
NOTICE = "notice"

GRAMMAR_KEYS = {"enabled", "server", "language", "disabled-rules", "local", "timeout", "required"}
SPELLING_KEYS = {"enabled", "dictionary", "accept"}


@dataclass(frozen=True)
class GrammarSettings:
    """How LanguageTool is used.

    ``server`` is the base URL of a LanguageTool server (``/v2/...`` is appended); when it
    is ``None`` only ``local=True`` lets language-tool-python download and start its own
    server (Java needed). ``language`` is ``"auto"`` (the draft's language) or a LanguageTool
    language code. ``timeout`` is in seconds per HTTP request. ``required`` makes an
    unavailable LanguageTool an error (exit 2) instead of a notice.
    """

    enabled: bool = False
    server: str | None = None
    language: str = "auto"
    disabled_rules: tuple[str, ...] = ()
    local: bool = False
    timeout: float = 15.0
    required: bool = False


@dataclass(frozen=True)
class SpellingSettings:
    """Whether the Hunspell rule (EC520) runs, which dictionary, and extra accepted words."""

    enabled: bool = False
    dictionary: str = "ar"
    accept: tuple[str, ...] = ()


def _mapping(value: Any, allowed: set[str], err: Callable[[str | None, str], ConfigError]) -> dict[str, Any]:
    if value is None or value is False:
        return {"enabled": False}
    if value is True:
        return {"enabled": True}
    if not isinstance(value, dict):
        raise err(None, f"expected true/false or a mapping with keys {', '.join(sorted(allowed))}")
    for k in value:
        if k not in allowed:
            import difflib

            close = difflib.get_close_matches(str(k), sorted(allowed), n=1)
            raise err(str(k), "unknown key" + (f" (did you mean '{close[0]}'?)" if close else ""))
    return value


def _bool(data: dict[str, Any], key: str, default: bool, err: Callable[[str | None, str], ConfigError]) -> bool:
    v = data.get(key, default)
    if not isinstance(v, bool):
        raise err(key, f"expected true or false, not {v!r}")
    return v


def _words(data: dict[str, Any], key: str, err: Callable[[str | None, str], ConfigError]) -> tuple[str, ...]:
    v = data.get(key) or []
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, (str, int)) for x in v):
        raise err(key, "expected a list of strings")
    return tuple(str(x) for x in v)


def parse_grammar(value: Any, err: Callable[[str | None, str], ConfigError]) -> GrammarSettings:
    """Validate the ``grammar:`` config value (``true``, ``false`` or a mapping).

    ``err(subkey, problem)`` builds the :class:`~editcheck.errors.ConfigError` raised on a
    problem (``subkey`` is ``None`` for the value itself).
    A mapping turns the family on unless it says ``enabled: false``.
    """
    data = _mapping(value, GRAMMAR_KEYS, err)
    server = data.get("server")
    if server is not None and (not isinstance(server, str) or not server.strip()):
        raise err("server", f"expected a URL such as http://localhost:8081, not {server!r}")
    language = str(data.get("language", "auto")).strip()
    if not language:
        raise err("language", "expected auto or a LanguageTool language code (ar, en-US)")
    timeout = data.get("timeout", 15)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise err("timeout", f"expected a positive number of seconds, not {timeout!r}")
    return GrammarSettings(
        enabled=_bool(data, "enabled", True, err), server=server.strip() if server else None,
        language=language, disabled_rules=_words(data, "disabled-rules", err), local=_bool(data, "local", False, err),
        timeout=float(timeout), required=_bool(data, "required", False, err),
    )


def parse_spelling(value: Any, err: Callable[[str | None, str], ConfigError]) -> SpellingSettings:
    """Validate the ``spelling:`` config value (``true``, ``false`` or a mapping).

    A mapping turns the rule on unless it says ``enabled: false``.
    """
    data = _mapping(value, SPELLING_KEYS, err)
    dictionary = data.get("dictionary", "ar")
    if not isinstance(dictionary, str) or not dictionary.strip():
        raise err("dictionary", f"expected a dictionary name (ar) or a path, not {dictionary!r}")
    return SpellingSettings(enabled=_bool(data, "enabled", True, err),
                            dictionary=dictionary.strip(), accept=_words(data, "accept", err))


def grammar_from_flags(base: GrammarSettings | None, *, grammar: bool = False, server: str | None = None,
                       required: bool = False) -> GrammarSettings:
    """Apply the command-line flags to the config's settings (flags win).

    ``--grammar-server URL`` implies ``--grammar``; ``--grammar-required`` implies it too.
    """
    s = base or GrammarSettings()
    if server:
        s = replace(s, server=server, enabled=True)
    if grammar or required:
        s = replace(s, enabled=True)
    if required:
        s = replace(s, required=True)
    return s


def spelling_from_flags(base: SpellingSettings | None, *, spelling: bool = False) -> SpellingSettings:
    """Apply ``--spelling`` to the config's settings."""
    s = base or SpellingSettings()
    return replace(s, enabled=True) if spelling else s


def enable_optional(rules: Iterable[Rule], grammar: GrammarSettings | None, spelling: SpellingSettings | None,
                    ctx: Context) -> list[Rule]:
    """Drop opt-in rules whose family is off; store the settings in ``ctx.state`` for the rest.

    A rule is opt-in when it has a ``requires`` attribute (``"grammar"`` or ``"spelling"``).
    """
    on = {"grammar": bool(grammar and grammar.enabled), "spelling": bool(spelling and spelling.enabled)}
    if on["grammar"]:
        ctx.state[GRAMMAR_STATE] = grammar
    if on["spelling"]:
        ctx.state[SPELLING_STATE] = spelling
    return [r for r in rules if on.get(getattr(r, "requires", None) or "", True)]


def add_notice(doc: Document, message: str) -> None:
    """Record a one-line run notice (e.g. LanguageTool unreachable) on ``doc``.

    The checker copies notices into :attr:`FileResult.notices`; the CLI prints each distinct
    notice once on standard error as ``editcheck: notice: <message>``.
    """
    doc.notes.append((NOTICE, " ".join(message.split())))


def notices_of(doc: Document) -> list[str]:
    """The notices recorded on ``doc``, in order."""
    return [m for kind, m in doc.notes if kind == NOTICE]
