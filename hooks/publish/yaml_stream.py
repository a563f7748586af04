"""YAML written as it is walked, without PyYAML's node graph.

`yaml.dump` first represents the whole object as nodes, then writes them:
for the editor's config.yml, whose pickers list every clause, that graph
holds several times the file's size at once, at the end of the build when
memory peaks. Here the same events the serializer would make go straight
to PyYAML's emitter, so the text is the same, byte for byte
(tests/unit/test_yaml_stream.py compares it with `yaml.dump`), and only
the path being written is held.

Only what `yaml.SafeDumper` represents as plain scalars, lists and dicts is
accepted (str, bool, int, None); a list or dict reached twice is
written once with an anchor and then as an alias, numbered as PyYAML
numbers them.
"""
from __future__ import annotations

from typing import IO

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

# libyaml's emitter when PyYAML has it (its wheels do): several times faster.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_STR, _NULL, _BOOL, _INT = (f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool", "int"))


def _anchors(data) -> dict[int, str]:
    """The anchor of each list and dict reached more than once (scalars are
    never aliased), named as PyYAML names them: in the order of their
    second meeting on a walk in writing order."""
    seen: set[int] = set()
    anchors: dict[int, str] = {}

    def walk(item) -> None:
        if not isinstance(item, (list, dict)):
            return
        if id(item) in seen:
            anchors.setdefault(id(item), f"id{len(anchors) + 1:03d}")
            return
        seen.add(id(item))
        for value in (_items(item) if isinstance(item, dict) else item):
            walk(value)

    walk(data)
    return anchors


def _items(mapping: dict):
    for key, value in mapping.items():
        yield key
        yield value


def dump(data, stream: IO[str], *, width: int = 120) -> None:
    """As yaml.dump(data, stream, Dumper=DUMPER, allow_unicode=True,
    sort_keys=False, width=width)."""
    dumper = DUMPER(stream, allow_unicode=True, width=width)
    anchors = _anchors(data)
    written: set[int] = set()

    def scalar(tag: str, value: str) -> ScalarEvent:
        implicit = (dumper.resolve(ScalarNode, value, (True, False)) == tag,
                    dumper.resolve(ScalarNode, value, (False, True)) == tag)
        return ScalarEvent(None, tag, implicit, value)

    def walk(item) -> None:
        if isinstance(item, (list, dict)):
            anchor = anchors.get(id(item))
            if anchor is not None:   # only what is reached twice is looked for again
                if id(item) in written:
                    dumper.emit(AliasEvent(anchor))
                    return
                written.add(id(item))
            if isinstance(item, dict):
                dumper.emit(MappingStartEvent(anchor, None, True, flow_style=False))
                for key, value in item.items():
                    walk(key)
                    walk(value)
                dumper.emit(MappingEndEvent())
            else:
                dumper.emit(SequenceStartEvent(anchor, None, True, flow_style=False))
                for value in item:
                    walk(value)
                dumper.emit(SequenceEndEvent())
        elif item is None:
            dumper.emit(scalar(_NULL, "null"))
        elif isinstance(item, bool):
            dumper.emit(scalar(_BOOL, "true" if item else "false"))
        elif isinstance(item, int):
            dumper.emit(scalar(_INT, str(item)))
        elif isinstance(item, str):
            dumper.emit(scalar(_STR, item))
        else:
            raise TypeError(f"not written as YAML here: {type(item).__name__}")

    try:
        dumper.emit(StreamStartEvent())
        dumper.emit(DocumentStartEvent(explicit=False))
        walk(data)
        dumper.emit(DocumentEndEvent(explicit=False))
        dumper.emit(StreamEndEvent())
    finally:
        dumper.dispose()   # as yaml.emit does, also when a value is refused
