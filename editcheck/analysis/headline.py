"""Headline keys shared by the headline rules (label stripped, punctuation folded), and the
search for a copy of the headline in another block (EC101, EC602)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from editcheck.text.normalize import normalize

if TYPE_CHECKING:
    from editcheck.document.model import Block, Document

_LABEL_RE = re.compile(
    r"^\s*(?:(?:خبر\s+)?عاجل(?:\s+جدا)?|هام\s+وعاجل|عاجل\s+وهام|ورد\s+الان|breaking(?:\s+news)?|just\s+in|urgent)"
    r"\s*[:|\-–—!]+\s*",
    re.I,
)
_NONWORD_RE = re.compile(r"[^\w]+")


def headline_key(text: str) -> str:
    """Comparable form of a headline: normalised, leading urgency label removed, punctuation
    and spacing folded to single spaces. ``""`` when nothing is left."""
    return key_of_normalized(normalize(text).text)


def strip_label(norm: str) -> str:
    """``norm`` (text already normalised) without a leading urgency label and the
    punctuation after it (``عاجل: ``, ``BREAKING - ``); unchanged when it has none."""
    return _LABEL_RE.sub("", norm, count=1)


def key_of_normalized(norm: str) -> str:
    """:func:`headline_key` of text already normalised (``normalize(text).text``)."""
    norm = strip_label(norm)
    return " ".join(_NONWORD_RE.sub(" ", norm).split())


@dataclass(frozen=True)
class HeadlineCopy:
    """The headline found again in a block (:func:`find_headline_copy`).

    ``start``/``end`` are offsets into the draft: the copy, widened to the block's end when
    only punctuation follows it (a trailing "!" or "..." belongs to the copy); ``rest`` is
    the :func:`headline_key` of the block's text around the copy ("" when the block is
    nothing but the copy, a leading urgency label aside); ``at_end`` is true when nothing
    but punctuation follows the copy in the block.
    """

    start: int
    end: int
    rest: str
    at_end: bool


def headline_tokens(doc: Document) -> tuple[str, ...] | None:
    """The words of ``doc``'s headline key, or ``None`` when the draft has no headline or
    its key has fewer than three words (too short to tell a copy from a coincidence)."""
    head = doc.headline
    if head is None:
        return None
    tokens = tuple(headline_key(head.norm().text if head.kind != "front_matter" else head.text).split())
    return tokens if len(tokens) >= 3 else None


@functools.lru_cache(maxsize=64)
def _copy_pattern(tokens: tuple[str, ...]) -> regex.Pattern[str]:
    """The headline's words in order, separated by punctuation or spaces (~5 ms to compile)."""
    return regex.compile(r"(?<![\w])" + r"[\W_]+".join(regex.escape(t) for t in tokens) + r"(?![\w])")


def find_headline_copy(block: Block, tokens: Sequence[str]) -> HeadlineCopy | None:
    """The first copy of the headline (``tokens``, from :func:`headline_tokens`) in ``block``,
    matched on the normalised text (diacritics, tatweel, hamza seats folded), or ``None``.

    Shared by EC101 (which reports the copy) and EC602 (whose fix removes a breadcrumb line
    holding a copy), so the two rules agree on what repeats the headline.
    """
    nt = block.norm()
    if not all(t in nt.text for t in tokens):
        return None  # a copy contains every token verbatim; most blocks stop here
    m = _copy_pattern(tuple(tokens)).search(nt.text)
    if m is None:
        return None
    start, end = nt.span(m.start(), m.end())
    at_end = not headline_key(nt.text[m.end():])
    if at_end:
        end = block.end
    rest = headline_key(nt.text[: m.start()] + " " + nt.text[m.end():])
    return HeadlineCopy(start, end, rest, at_end)
