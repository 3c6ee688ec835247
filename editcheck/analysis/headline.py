"""Headline keys shared by the headline rules (label stripped, punctuation folded)."""

from __future__ import annotations

import re

from editcheck.text.normalize import normalize

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
