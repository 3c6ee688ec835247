"""A compiled cache for rule packs, lexicons and regular expressions, kept between runs.

A pre-commit run checks one draft, so parsing the YAML packs and compiling their phrase
alternations (the ``regex`` module compiles in pure Python: ~0.3 s for the built-in packs)
would cost far more than the check itself. Two caches remove that cost:

* **packs and lexicons**: the loaded rule objects of a pack folder (and the parsed data of a
  ``lexicon.yaml``) are pickled under the user cache dir, after their key: the pack files'
  bytes, the editcheck version, the interpreter and ``regex`` versions, and the size and
  mtime of editcheck's own modules (so editing a rule class in a checkout invalidates it).
  A run reads the key first and uses the value only when the key equals its own, byte for
  byte: no digest to compute (``hashlib`` alone, with OpenSSL, costs ~4 ms to import);
* **regular expressions**: ``regex`` pickles a compiled pattern as its compiled code, so
  patterns compiled during a run are saved at exit and put back into ``regex``'s own
  compile cache at the next start; ``regex.compile`` then finds them there. The key is the
  pattern string and flags, exactly as ``regex`` itself keys its cache.

One file is kept per pack, lexicon and for the patterns (a run with other inputs replaces
it). The cache dir is ``$EDITCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/editcheck``, else
``~/.cache/editcheck``. ``EDITCHECK_NO_CACHE=1`` turns every cache off. Any failure
(unwritable dir, corrupt file, a ``regex`` release with other internals) falls back
silently to loading and compiling: the cache can make a run faster, never different.
"""

from __future__ import annotations

import atexit
import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

ENV_DISABLE = "EDITCHECK_NO_CACHE"
ENV_DIR = "EDITCHECK_CACHE_DIR"
#: never keep more compiled patterns than ``regex`` keeps in memory (it holds 500)
REGEX_LIMIT = 400
#: layout of the cache files (part of every key): 2 = key pickled before the value
LAYOUT = 2
_PACKAGE = Path(__file__).resolve().parent.parent

_code_sig: str | None = None
_regex_state: dict[str, Any] = {}


def enabled() -> bool:
    """False when ``EDITCHECK_NO_CACHE`` is set to anything but ``""``/``0``."""
    return os.environ.get(ENV_DISABLE, "") in ("", "0")


def cache_dir() -> Path | None:
    """Where cache files live (``None`` when caching is off)."""
    if not enabled():
        return None
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "editcheck"


def code_signature() -> str:
    """The cache layout, the editcheck, interpreter and ``regex`` versions, and every module's
    path, size and mtime, one per line (computed once per run; a few KB)."""
    global _code_sig
    if _code_sig is None:
        from editcheck import __version__

        parts = [f"{LAYOUT}|{__version__}|{sys.version}|{_regex_version()}\n"]
        for root, dirs, files in os.walk(_PACKAGE):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    st = os.stat(os.path.join(root, name))
                    parts.append(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns}\n")
        _code_sig = "".join(parts)
    return _code_sig


def _regex_version() -> str:
    import regex

    return str(getattr(regex, "__version__", "?"))


class StaleEntry(Exception):
    """The cache file holds a value for other inputs."""


def _read(path: Path, key: Any) -> Any:
    """The value pickled in ``path`` after ``key``. Raises :class:`StaleEntry` when the file
    was written for another key (its value is then not unpickled), ``OSError`` when there is
    no file, and whatever :mod:`pickle` raises for a damaged one."""
    with open(path, "rb") as fh:
        if pickle.load(fh) != key:
            raise StaleEntry(path)
        return pickle.load(fh)


def _write(path: Path, key: Any, value: Any, stale_prefix: str | None = None) -> None:
    """Pickle ``key`` then ``value`` to ``path`` atomically; remove older files starting with
    ``stale_prefix``. Never raises: a cache that cannot be written is skipped."""
    try:
        import tempfile  # only runs that write the cache need it

        path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(key, protocol=pickle.HIGHEST_PROTOCOL) + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        if stale_prefix:
            for old in path.parent.glob(stale_prefix + "*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)
    except Exception:  # unwritable, unpicklable, full disk: run without a cache
        return


def cached(kind: str, files: Iterable[Path], build: Callable[[], T], *extra: str) -> T:
    """``build()``, or its pickled result from an earlier run with the same inputs.

    ``kind`` names the entry (one file per kind is kept: ``kind.pickle``); ``files`` are the
    inputs whose names and bytes key it, with ``extra`` strings (e.g. a default language)
    and :func:`code_signature`. Errors raised by ``build`` propagate unchanged.
    """
    return cached_keyed(kind, files, build, *extra)[0]


def cached_keyed(kind: str, files: Iterable[Path], build: Callable[[], T], *extra: str) -> tuple[T, Any]:
    """:func:`cached`, with the key its value is stored under (``None`` when caching is off
    or an input cannot be read), for :func:`store`."""
    folder = cache_dir()
    if folder is None:
        return build(), None
    try:
        key = (code_signature(), extra, tuple((p.name, p.read_bytes()) for p in sorted(files)))
    except OSError:
        return build(), None
    path = folder / f"{kind}.pickle"
    try:
        return _read(path, key), key
    except Exception:
        pass
    value = build()
    _write(path, key, value, stale_prefix=f"{kind}-")  # files named by a digest (layout 1)
    return value, key


def store(kind: str, key: Any, value: Any) -> None:
    """Save ``value`` as entry ``kind`` under ``key`` (from :func:`cached_keyed`): for a value
    that gained derived data worth keeping, such as a lexicon's compiled matchers. Does
    nothing when ``key`` is ``None`` or caching is off; never raises."""
    folder = cache_dir()
    if key is None or folder is None:
        return
    _write(folder / f"{kind}.pickle", key, value)


def _slot(name: str) -> str:
    """A short, file-name-safe id for ``name`` (a folder path). Two names may share one:
    their entries then replace each other, each run still getting its own inputs' value."""
    return f"{zlib.crc32(name.encode()):08x}"


def load_pack_cached(folder: Path, default_lang: str | None, load: Callable[[Path, str | None], list[Any]]) -> list[Any]:
    """Rules of pack ``folder`` via ``load(folder, default_lang)``, cached by the files' bytes."""
    try:
        files = [p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")]
    except OSError:
        return load(folder, default_lang)
    return cached(f"pack-{_slot(str(folder.resolve()))}", files, lambda: load(folder, default_lang),
                  str(folder.resolve()), str(default_lang))


# --- regex compile cache -------------------------------------------------------------------

def _regex_internals() -> Any:
    """``regex._main`` when its compile cache has the layout this module knows, else ``None``."""
    try:
        import regex
        import regex._main as m

        if not all(isinstance(getattr(m, n, None), dict) for n in ("_cache", "_named_args", "_locale_sensitive")):
            return None
        probe = "editcheck-cache-probe"
        regex.compile(probe)
        key = (probe, str, 0, frozenset(), m.DEFAULT_VERSION, None)
        if key not in m._cache or m._named_args.get((probe, str, 0)) != frozenset() \
                or m._locale_sensitive.get((str, probe)) is not False:
            return None
        return m
    except Exception:
        return None


def _regex_file() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / "regex.pickle"


def install_regex_cache() -> None:
    """Put the patterns compiled by earlier runs into ``regex``'s compile cache (once per
    process) and save the cache at exit when this run compiled new patterns."""
    if _regex_state or not enabled():
        return
    m = _regex_internals()
    path = _regex_file()
    if m is None or path is None:
        _regex_state["off"] = True
        return
    entries: dict[tuple[str, int], Any] = {}
    try:
        loaded = _read(path, code_signature())
        if isinstance(loaded, dict):
            entries = loaded
    except Exception:
        pass
    try:
        for (pattern, flags), compiled in entries.items():
            m._named_args.setdefault((pattern, str, flags), frozenset())
            m._locale_sensitive.setdefault((str, pattern), False)
            m._cache.setdefault((pattern, str, flags, frozenset(), m.DEFAULT_VERSION, None), compiled)
    except Exception:
        _regex_state["off"] = True
        return
    _regex_state.update(module=m, path=path, known=set(entries))
    atexit.register(save_regex_cache)


def save_regex_cache() -> None:
    """Write the cacheable patterns compiled so far (plain ``str`` patterns without named
    lists or locale) when there are new ones."""
    m = _regex_state.get("module")
    path = _regex_state.get("path")
    if m is None or path is None:
        return
    try:
        entries = {}
        for key, compiled in list(m._cache.items()):
            pattern, typ, flags, args, version, locale = key
            if typ is str and not args and locale is None and version == m.DEFAULT_VERSION \
                    and pattern != "editcheck-cache-probe":
                entries[(pattern, flags)] = compiled
        if not entries or set(entries) <= _regex_state["known"]:
            return
        if len(entries) > REGEX_LIMIT:
            entries = dict(list(entries.items())[-REGEX_LIMIT:])
        _write(path, code_signature(), entries, stale_prefix="regex-")  # regex-<digest>: layout 1
        _regex_state["known"] = set(entries)
    except Exception:
        return


# --- plugin discovery --------------------------------------------------------------------

class EntryPoint:
    """The part of :class:`importlib.metadata.EntryPoint` the registry uses."""

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self.value = value

    def load(self) -> Any:
        """Import ``module`` and return ``module:attr.path`` (as ``importlib.metadata`` does)."""
        import importlib

        module, _, attrs = self.value.partition(":")
        obj = importlib.import_module(module.strip())
        for part in filter(None, attrs.split("[")[0].strip().split(".")):
            obj = getattr(obj, part)
        return obj


def scan_entry_points(group: str) -> list[EntryPoint] | None:
    """Entry points of ``group`` from the ``*.dist-info``/``*.egg-info`` folders on
    ``sys.path`` (first distribution of a name wins, as in :mod:`importlib.metadata`).

    Reading a few ``entry_points.txt`` files costs ~1 ms where importing
    :mod:`importlib.metadata` costs ~30 ms. ``None`` when the scan cannot be trusted (a
    zip archive on ``sys.path``): the caller then asks :mod:`importlib.metadata`.
    """
    found: list[EntryPoint] = []
    seen: set[str] = set()
    header = f"[{group}]"
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.isfile(folder):
                return None
            continue
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            dist = name.rsplit(".", 1)[0].split("-")[0].lower().replace("-", "_").replace(".", "_")
            if dist in seen:
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError):
                continue
            seen.add(dist)
            section = None
            for raw in text.splitlines():
                line = raw.strip()
                if not line or line.startswith(("#", ";")):
                    continue
                if line.startswith("["):
                    section = line
                elif section == header and "=" in line:
                    key, _, value = line.partition("=")
                    found.append(EntryPoint(key.strip(), value.strip()))
    return found
