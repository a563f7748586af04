"""Split a Markdown file into YAML front matter and body, keeping line numbers."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from hooks.text import yamlerrors


@dataclass
class Source:
    meta: dict[str, Any]
    key_lines: dict[str, int]   # key path ('issued', 'tasks[1].lead') -> 1-based line in the file
    body: str
    body_line: int              # 1-based line where the body starts


class FrontMatterError(ValueError):
    def __init__(self, line: int | None, problem: str, problem_vi: str = "cú pháp YAML không đúng"):
        self.line = line
        self.problem = problem          # English, as the parser says it
        self.problem_vi = problem_vi    # what it means, for an editor
        super().__init__(problem)


# libyaml's parser when PyYAML was built with it: several times faster.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]  # chosen at import time
    """Safe loader that treats dates as plain text: the site reads dd/mm/yyyy
    itself, and an ISO date silently turned into a date object would hide
    the editor's format from validation."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def split(text: str) -> Source:
    """Parse `---` delimited front matter; a file without it has empty meta."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Source({}, {}, text, 1)
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise FrontMatterError(1, "front matter opened with '---' is never closed",
                               "phần đầu mở bằng '---' ở dòng 1 nhưng không có dòng '---' đóng lại")
    yaml_text = "\n".join(lines[1:end])
    loader = _Loader(yaml_text)
    try:
        # One parse: the node tree gives line numbers, then the values.
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        line, vi, en = yamlerrors.describe(exc, 2, yaml_text)   # the YAML starts after '---'
        raise FrontMatterError(line, en, vi) from None
    finally:
        loader.dispose()
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(2, "front matter must be a mapping of 'key: value' lines",
                               "phần đầu phải là các dòng 'tên-trường: giá trị'")
    key_lines: dict[str, int] = {}
    _walk(node, "", key_lines)
    return Source(meta, key_lines, "\n".join(lines[end + 1:]), end + 2)


def _walk(node, prefix: str, out: dict[str, int]) -> None:
    """Record the line of every key and list item, by its path."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            out[path] = key_node.start_mark.line + 2  # +1 for '---', +1 to count from 1
            _walk(value, path, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            path = f"{prefix}[{i}]"
            out[path] = item.start_mark.line + 2
            _walk(item, path, out)


def line_of(key_lines: dict[str, int], path: str, default: int = 1) -> int:
    """The line of a key path, or of its nearest recorded ancestor."""
    while path:
        if path in key_lines:
            return key_lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return default
