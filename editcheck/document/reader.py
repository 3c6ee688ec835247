"""Read a draft's bytes and decode them without ever changing the file."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from editcheck.errors import InputError

#: Default largest draft read, in bytes (``--max-size`` raises it).
DEFAULT_MAX_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded draft text. ``encoding`` is the codec used; ``bom`` the BOM bytes stripped;
    ``fallback`` is true when the text was not valid UTF-8 and a legacy code page was used."""

    text: str
    encoding: str
    bom: bytes = b""
    fallback: bool = False


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode draft bytes.

    Order: a forced ``encoding``; a UTF-8/UTF-16/UTF-32 BOM; strict UTF-8; then legacy Arabic
    code pages (Windows-1256, ISO-8859-6) chosen by charset-normalizer when installed, else
    Windows-1256 when it yields Arabic text. Raises :class:`InputError` for binary data
    (NUL bytes without a UTF-16/32 BOM) or bytes no candidate decodes.
    """
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{name}: cannot decode as {encoding}: {exc.__class__.__name__}") from None
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc), enc, bom)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {enc} at byte {exc.start + len(bom)}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not a text draft")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    guess = _legacy_guess(data)
    if guess is not None:
        return Decoded(data.decode(guess), guess, fallback=True)
    raise InputError(
        f"{name}: not valid UTF-8 (byte {utf8_error.start}) and not a recognised Arabic code page; "
        "use --encoding to name it"
    )


def _legacy_guess(data: bytes) -> str | None:
    """Best legacy Arabic code page for ``data``, or ``None``."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6"]).best()
        if best is not None and _plausible(data.decode(str(best.encoding), errors="replace")):
            return str(best.encoding)
    for enc in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
        if arabic > len(text) * 0.2 and _plausible(text):
            return enc
    return None


def _plausible(text: str) -> bool:
    """True when ``text`` looks like prose: almost no control characters and, past 40
    characters, at least 3% whitespace (random bytes decoded by a single-byte code page
    have about 0.4% spaces and many controls)."""
    if not text:
        return True
    controls = sum(1 for ch in text if (ord(ch) < 0x20 and ch not in "\t\n\r\x0c") or 0x7F <= ord(ch) <= 0x9F
                   or ch == "\ufffd")
    if controls > len(text) * 0.01:
        return False
    return len(text) < 40 or sum(1 for ch in text if ch.isspace()) >= len(text) * 0.03


def read_bytes(path: Path, *, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Read at most ``max_size`` bytes of the file at ``path`` (read-only, bounded memory).

    The size is checked before reading and the read itself stops at ``max_size + 1`` bytes,
    so a growing file, a FIFO or a device such as ``/dev/zero`` cannot exhaust memory.
    Raises :class:`InputError` with a one-line message when the path is missing, a
    directory, unreadable or larger than ``max_size`` bytes.
    """
    too_big = f"is over the size limit of {max_size} bytes (raise it with --max-size)"
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory")
        size = path.stat().st_size
        if size > max_size:
            raise InputError(f"{path}: {size} bytes {too_big}")
        with path.open("rb") as fh:
            data = fh.read(max_size + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_size:
        raise InputError(f"{path}: {too_big}")
    return data


def read_draft(path: Path, *, max_size: int = DEFAULT_MAX_SIZE, encoding: str | None = None) -> Decoded:
    """Read and decode the draft at ``path`` (read-only); see :func:`read_bytes` and :func:`decode`.

    Raises :class:`InputError` with a one-line message when the path is missing, a
    directory, unreadable, larger than ``max_size`` bytes, binary or undecodable.
    """
    return decode(read_bytes(path, max_size=max_size), str(path), encoding)
