"""Turn decoded text into a :class:`~editcheck.document.model.Document` by format."""

from __future__ import annotations

from editcheck.document.model import Document
from editcheck.text.normalize import detect_language

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")
DRAFT_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES


def parse_text(path: str, text: str, lang: str = "auto") -> Document:
    """Parse ``text`` as Markdown (by suffix, or front matter / ``#`` heading for stdin)
    or plain text, and set the document language (``ar``/``en``, detected when ``auto``).

    Raises ``FrontMatterError`` for broken front matter.
    """
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        fmt = "markdown"
    elif lower.endswith(TEXT_SUFFIXES):
        fmt = "text"
    else:
        head = text.lstrip("\ufeff")[:4]
        fmt = "markdown" if head.startswith(("---", "# ")) else "text"
    if fmt == "markdown":
        from editcheck.document.markdown import parse_markdown

        doc = parse_markdown(path, text)
    else:
        from editcheck.document.plain import parse_plain

        doc = parse_plain(path, text)
    if lang == "auto":
        sample = " ".join(b.text for b in doc.blocks if b.kind not in ("code", "html"))[:20000]
        doc.lang = detect_language(sample)
    else:
        doc.lang = lang
    return doc
