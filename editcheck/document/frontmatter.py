"""YAML front matter: the mapping and the original span of each top-level value."""

from __future__ import annotations

import re
from typing import Any

_FM_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n|\A)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_EMPTY_FM_RE = re.compile(r"\A---[ \t]*\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")


class FrontMatterError(ValueError):
    """The front matter is not valid YAML or not a mapping; ``offset`` is where (absolute)."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def find_front_matter(text: str) -> tuple[int, int, int, int] | None:
    """Locate front matter at the very start of ``text``.

    Returns ``(block_start, block_end, yaml_start, yaml_end)`` absolute offsets, where the
    block includes both ``---`` fences, or ``None`` when the draft has none.
    """
    m = _EMPTY_FM_RE.match(text)
    if m:
        return 0, m.end(), m.start(), m.start()
    m = _FM_RE.match(text)
    if not m:
        return None
    return 0, m.end(), m.start(1), m.end(1)


def value_spans(src: str, node: Any, yaml_start: int) -> dict[str, tuple[int, int]]:
    """For each top-level key of the mapping ``node`` (a ``yaml.MappingNode`` composed from
    ``src``), the absolute ``(start, end)`` code-point span of its value text: quotes
    excluded, a block scalar from its first content line, trailing white space dropped.
    ``yaml_start`` is ``src``'s offset in the draft."""
    import yaml

    spans: dict[str, tuple[int, int]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        s, e = value_node.start_mark.index, value_node.end_mark.index
        if isinstance(value_node, yaml.ScalarNode) and value_node.style in ("'", '"'):
            s, e = s + 1, e - 1
        if isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">"):
            s = src.find("\n", s) + 1 or s
        while e > s and src[e - 1] in " \t\r\n":
            e -= 1
        spans[key] = (yaml_start + s, yaml_start + e)
    return spans


def parse_front_matter(text: str, yaml_start: int, yaml_end: int) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    """Parse the YAML between the fences.

    Returns ``(data, spans)``: the mapping, and for each top-level key whose value is a
    scalar or a flow/block sequence, the absolute ``(start, end)`` span of the value text
    (quotes excluded). Raises :class:`FrontMatterError` for invalid YAML or a non-mapping.
    """
    import yaml

    src = text[yaml_start:yaml_end]
    if not src.strip():
        return {}, {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(src)
    try:
        # one parse: the node (for the spans) and the data built from it, as yaml.compose
        # and yaml.load (get_single_node, then construct_document) would each make
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        offset = yaml_start + (mark.index if mark is not None else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"invalid YAML front matter: {problem}", offset) from None
    finally:
        loader.dispose()
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise FrontMatterError("front matter must be a mapping of keys to values", yaml_start)
    spans = value_spans(src, node, yaml_start)
    return {str(k): v for k, v in data.items()}, spans
