"""A small validator for the subset of JSON Schema (draft 2020-12) the open
data uses: type, properties, required, additionalProperties (false or a
schema), items, enum, const, pattern, minimum, anyOf, $ref to $defs.

Chosen over the `jsonschema` package: that one pulls in attrs, referencing,
jsonschema-specifications and rpds-py (a compiled Rust extension) for
features we never emit. A keyword this module does not know is an error, so
a schema can never claim more than the build actually checks.
"""
from __future__ import annotations

import re
from typing import Any

ANNOTATIONS = {"$schema", "$id", "title", "description", "examples", "$comment", "$defs", "format"}
CHECKED = {"type", "properties", "required", "additionalProperties", "items", "enum", "const",
           "pattern", "minimum", "anyOf", "$ref"}
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class SchemaError(ValueError):
    """The schema uses a keyword outside the subset."""


def errors(instance: Any, schema: dict, root: dict | None = None, path: str = "$") -> list[str]:
    """Every violation as 'path: problem'; an empty list means valid."""
    root = schema if root is None else root
    unknown = set(schema) - ANNOTATIONS - CHECKED
    if unknown:
        raise SchemaError(f"{path}: unsupported keywords {sorted(unknown)}")
    out: list[str] = []
    if "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            raise SchemaError(f"{path}: only local $ref to #/$defs/ is supported, got {ref}")
        out += errors(instance, root["$defs"][ref[len("#/$defs/"):]], root, path)
    if "anyOf" in schema:
        if not any(not errors(instance, option, root, path) for option in schema["anyOf"]):
            out.append(f"{path}: matches none of anyOf")
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](instance) for t in types):
            return out + [f"{path}: expected {'/'.join(types)}, got {type(instance).__name__}"]
    if "const" in schema and instance != schema["const"]:
        out.append(f"{path}: expected {schema['const']!r}")
    if "enum" in schema and instance not in schema["enum"]:
        out.append(f"{path}: {instance!r} not in {schema['enum']}")
    if isinstance(instance, str) and "pattern" in schema and not re.search(schema["pattern"], instance):
        out.append(f"{path}: {instance!r} does not match {schema['pattern']}")
    if isinstance(instance, (int, float)) and "minimum" in schema and instance < schema["minimum"]:
        out.append(f"{path}: {instance} < {schema['minimum']}")
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            out += errors(item, schema["items"], root, f"{path}[{i}]")
    if isinstance(instance, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in instance:
                out.append(f"{path}: missing required {key!r}")
        extra = schema.get("additionalProperties", True)
        for key, value in instance.items():
            if key in props:
                out += errors(value, props[key], root, f"{path}.{key}")
            elif extra is False:
                out.append(f"{path}: unexpected property {key!r}")
            elif isinstance(extra, dict):
                out += errors(value, extra, root, f"{path}.{key}")
    return out
