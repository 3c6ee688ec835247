"""parse_front_matter parses the YAML once: the same data, spans and errors as composing
and loading it separately (yaml.compose + yaml.load, the previous code)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from editcheck.document.frontmatter import FrontMatterError, parse_front_matter, value_spans

_SAMPLES = [
    'title: "عاجل: خبر"\nauthor: أمجد\ndate: 2025-12-20\nsection: شؤون محلية\nsources: []\n',
    "title: 'quoted'\nsources:\n  - وكالة الأنباء\n  - https://example.com\n",
    "title: >\n  folded\n  text\nsummary: |\n  block\n  text\n",
    "a: &x 1\nb: *x\nc: {d: [1, 2, 3]}\n",
    "when: 2025-12-20 10:00:00\nn: 1.5\nyes: yes\nnull_value:\n",
    "- a list\n- not a mapping\n",
    "just a string",
    "title: [unclosed\n",
    "title: \"unterminated\n",
    "a: 1\n  b: 2\n",
    "a: *missing\n",
    "a: 1\na: 2\n",
    "? complex key\n: value\n",
    "t: !!str 12\nu: !unknown x\n",
    "# only a comment\n",
    "---\n",
    "\t\n",
]


def _old(text: str, yaml_start: int, yaml_end: int) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    """The front matter through yaml.compose then yaml.load (two parses), spans by the module's own value_spans."""
    src = text[yaml_start:yaml_end]
    if not src.strip():
        return {}, {}
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(src, Loader=loader_cls)
        data = yaml.load(src, Loader=loader_cls)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        offset = yaml_start + (mark.index if mark is not None else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"invalid YAML front matter: {problem}", offset) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise FrontMatterError("front matter must be a mapping of keys to values", yaml_start)
    spans = value_spans(src, node, yaml_start)
    return {str(k): v for k, v in data.items()}, spans


def _outcome(fn: Any, text: str, start: int, end: int) -> Any:
    try:
        return fn(text, start, end)
    except FrontMatterError as exc:
        return ("error", str(exc), exc.offset)


@pytest.mark.parametrize("yaml_text", _SAMPLES)
def test_one_parse_equals_compose_and_load(yaml_text: str) -> None:
    text = "---\n" + yaml_text + "---\n# body\n"
    start, end = 4, 4 + len(yaml_text)
    assert _outcome(parse_front_matter, text, start, end) == _outcome(_old, text, start, end)
