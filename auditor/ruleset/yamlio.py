"""Load YAML with a safe loader that remembers the line of every mapping, key and list item.

Errors in rule files must name the line, and ``yaml.safe_load`` forgets it. This loader builds
:class:`LineDict` / :class:`LineList` (plain dict and list subclasses) carrying 1-based lines.
Duplicate keys in one mapping, which YAML silently collapses, are recorded as errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


class LineDict(dict):
    """A dict with ``line`` (where the mapping starts) and ``key_lines`` (where each key is)."""

    line: int = 0
    key_lines: dict
    duplicates: list  # (key, line) of keys given twice


class LineList(list):
    """A list with ``line`` and ``item_lines``."""

    line: int = 0
    item_lines: list


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    out.duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be plain text", key_node.start_mark
            )
        if key in out:
            out.duplicates.append((key, key_node.start_mark.line + 1))
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


@dataclass(frozen=True)
class YamlFailure:
    """Why a YAML text could not be parsed, and on which line."""

    message: str
    line: int | None


def load_yaml(text: str) -> Any:
    """Parse YAML text keeping lines; raise :class:`YamlSyntaxError` on bad YAML.

    >>> doc = load_yaml("a: 1\\nb:\\n  - x\\n")
    >>> doc.key_lines["b"], doc["b"].item_lines
    (2, [3])
    """
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError(YamlFailure(f"{exc.problem or exc}", line)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(YamlFailure(str(exc), None)) from None


class YamlSyntaxError(Exception):
    def __init__(self, failure: YamlFailure):
        self.failure = failure
        super().__init__(failure.message)


def line_of(doc: Any, path: tuple | list) -> int | None:
    """The line of the element at ``path`` (keys and indexes), or of its closest parent.

    >>> doc = load_yaml("rules:\\n  - id: a\\n    severity: loud\\n")
    >>> line_of(doc, ["rules", 0, "severity"])
    3
    """
    line = getattr(doc, "line", None)
    node = doc
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


def plain(obj: Any) -> Any:
    """Strip the line bookkeeping: LineDict/LineList back to dict/list (for schema validation)."""
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [plain(v) for v in obj]
    return obj
