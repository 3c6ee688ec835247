"""The parsed draft: front matter, blocks with original offsets, and lazy normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editcheck.text.lines import LineIndex
from editcheck.text.normalize import NormText, normalize, strip
from editcheck.text.segment import quote_spans, sentence_spans

#: Block kinds. ``headline`` is the draft's headline (front-matter title, first ``#``
#: heading, or first line of plain text); ``title`` is a ``#`` heading repeating the
#: front-matter title; ``breadcrumb`` and ``byline`` are detected lines.
BLOCK_KINDS = ("headline", "title", "heading", "standfirst", "byline", "breadcrumb", "paragraph",
               "quote", "list_item", "caption", "table", "code", "html", "front_matter")


@dataclass(eq=False)
class Block:
    """A block of the draft (paragraph, heading, ...) at ``source[start:end]``.

    ``drop`` holds absolute ranges of markup hidden from matching (``**``, ``[``, ``](url)``,
    ``# ``); ``mask`` holds non-prose ranges (code spans, HTML comments) that are replaced
    by one placeholder each. ``scopes`` are the news scopes the block belongs to.
    """

    kind: str
    start: int
    end: int
    source: str
    drop: tuple[tuple[int, int], ...] = ()
    mask: tuple[tuple[int, int], ...] = ()
    scopes: frozenset[str] = frozenset()
    index: int = 0
    _norm: dict[str, NormText] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        """The block's original text (with markup)."""
        return self.source[self.start : self.end]

    def norm(self, level: str = "match") -> NormText:
        """Normalised text of the block (computed once per level; the levels share the
        removal of marks and markup, :func:`~editcheck.text.normalize.strip`)."""
        nt = self._norm.get(level)
        if nt is None:
            stripped = self._norm.get("_stripped")
            if stripped is None:
                stripped = self._norm["_stripped"] = strip(self.source, self.start, self.end,  # type: ignore[assignment]
                                                           drop=self.drop, mask=self.mask)
            nt = normalize(self.source, self.start, self.end, level=level, drop=self.drop, mask=self.mask,
                           stripped=stripped)  # type: ignore[arg-type]
            self._norm[level] = nt
        return nt

    def sentences(self) -> list[tuple[int, int]]:
        """Absolute sentence spans within the block."""
        cached = self._norm.get("_sent")
        if cached is None:
            spans = sentence_spans(self.source, self.start, self.end)
            self._norm["_sent"] = spans  # type: ignore[assignment]
            return spans
        return cached  # type: ignore[return-value]

    def quotes(self) -> list[tuple[int, int]]:
        """Absolute spans of direct quotations within the block (quote marks included)."""
        cached = self._norm.get("_quotes")
        if cached is None:
            spans = quote_spans(self.source, self.start, self.end)
            self._norm["_quotes"] = spans  # type: ignore[assignment]
            return spans
        return cached  # type: ignore[return-value]

    def in_quote(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside a direct quotation of this block."""
        return any(qs < start and end <= qe for qs, qe in self.quotes()) or "quote" in self.scopes


@dataclass(eq=False)
class Document:
    """A decoded, parsed draft.

    ``text`` is the whole decoded text exactly as on disk (minus a BOM). ``front_matter``
    is the parsed YAML mapping (``{}`` when absent); ``fm_spans`` maps each top-level key to
    the absolute ``(start, end)`` span of its value. ``headline`` is the block that holds
    the headline (may be a ``front_matter`` pseudo-block for the ``title`` value).
    """

    path: str
    text: str
    format: str
    blocks: list[Block]
    front_matter: dict[str, Any] = field(default_factory=dict)
    fm_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    fm_range: tuple[int, int] | None = None
    #: ``(message, offset)`` when the front matter could not be parsed
    fm_error: tuple[str, int] | None = None
    headline: Block | None = None
    lang: str = "en"
    encoding: str = "utf-8"
    notes: list[tuple[str, str]] = field(default_factory=list)
    _lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        """Line index of :attr:`text` (built on first use)."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def blocks_in(self, *scopes: str) -> list[Block]:
        """Blocks that belong to any of ``scopes``."""
        wanted = set(scopes)
        return [b for b in self.blocks if b.scopes & wanted]

    @property
    def body(self) -> list[Block]:
        """Prose blocks of the body (paragraphs, quotes, list items), in order."""
        return [b for b in self.blocks if "body" in b.scopes]
