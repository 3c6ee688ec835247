"""Turn decoded text into a :class:`~editcheck.document.model.Document` by format."""

from __future__ import annotations

from editcheck.document.model import Document
from editcheck.text.normalize import detect_language

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Formats read as bytes (never decoded as text first).
BINARY_SUFFIXES = (".docx",)
DRAFT_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES + BINARY_SUFFIXES


def parse_text(path: str, text: str, lang: str = "auto") -> Document:
    """Parse ``text`` as Markdown (by suffix, or front matter / ``#`` heading for stdin)
    or plain text, and set the document language (``ar``/``en``, detected when ``auto``).

    Raises ``FrontMatterError`` for broken front matter.
    """
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        fmt = "markdown"
    elif lower.endswith(HTML_SUFFIXES):
        fmt = "html"
    elif lower.endswith(TEXT_SUFFIXES):
        fmt = "text"
    else:
        head = text.lstrip("\ufeff")[:4]
        fmt = "markdown" if head.startswith(("---", "# ")) else "text"
    if fmt == "html":
        from editcheck.document.html import parse_html

        doc = parse_html(path, text)
    elif fmt == "markdown":
        from editcheck.document.markdown import parse_markdown

        doc = parse_markdown(path, text)
    else:
        from editcheck.document.plain import parse_plain

        doc = parse_plain(path, text)
    return set_language(doc, lang)


def parse_binary(path: str, data: bytes, lang: str = "auto") -> Document:
    """Parse a draft in a binary format (``.docx``, see :data:`BINARY_SUFFIXES`) from its
    bytes and set its language. Raises :class:`~editcheck.errors.InputError` when the
    format's extra is not installed or the bytes are not such a file."""
    from editcheck.document.docx import parse_docx

    return set_language(parse_docx(path, data), lang)


def set_language(doc: Document, lang: str = "auto") -> Document:
    """Set ``doc.lang`` to ``lang``, or detect ``ar``/``en`` from the prose when ``auto``."""
    if lang == "auto":
        sample = " ".join(b.text for b in doc.blocks if b.kind not in ("code", "html"))[:20000]
        doc.lang = detect_language(sample)
    else:
        doc.lang = lang
    return doc
