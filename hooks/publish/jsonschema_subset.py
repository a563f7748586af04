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
from collections.abc import Callable
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


Check = Callable[[Any, str], list[str]]


def validator(schema: dict) -> Callable[[Any], list[str]]:
    """`errors` for one schema, read once: each node of it becomes a check,
    so the files a build writes for one schema (a hundred documents at 10×)
    do not read it again at every value."""
    check = _Compiler(schema).node(schema, "$")
    return lambda instance: check(instance, "$")


def errors(instance: Any, schema: dict) -> list[str]:
    """Every violation as 'path: problem'; an empty list means valid."""
    return validator(schema)(instance)


class _Compiler:
    def __init__(self, root: dict):
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, ref: str, at: str) -> Check:
        if not ref.startswith("#/$defs/"):
            raise SchemaError(f"{at}: only local $ref to #/$defs/ is supported, got {ref}")
        if ref not in self.refs:
            # Bound before it is made: a definition may refer to itself.
            self.refs[ref] = lambda instance, path: made(instance, path)
            made = self.node(self.root["$defs"][ref[len("#/$defs/"):]], f"{at} {ref}")
            self.refs[ref] = made
        return self.refs[ref]

    def node(self, schema: dict, at: str) -> Check:
        """A check of one schema node; `at` names it in a SchemaError."""
        unknown = set(schema) - ANNOTATIONS - CHECKED
        if unknown:
            raise SchemaError(f"{at}: unsupported keywords {sorted(unknown)}")
        # Each step adds its problems; a wrong type ends the node's after `first`.
        first: list[Check] = []
        steps: list[Check] = []
        if "$ref" in schema:
            first.append(self.ref(schema["$ref"], at))
        if "anyOf" in schema:
            options = [self.node(option, f"{at} anyOf") for option in schema["anyOf"]]
            first.append(lambda v, path: [] if any(not o(v, path) for o in options)
                         else [f"{path}: matches none of anyOf"])
        test: Callable[[Any], bool] | None = None
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            tests = [_TYPES[t] for t in types]
            test = tests[0] if len(tests) == 1 else lambda v: any(t(v) for t in tests)
            expected = "/".join(types)
        if "const" in schema:
            const = schema["const"]
            steps.append(lambda v, path: [f"{path}: expected {const!r}"] if v != const else [])
        if "enum" in schema:
            enum = schema["enum"]
            steps.append(lambda v, path: [f"{path}: {v!r} not in {enum}"] if v not in enum else [])
        if "pattern" in schema:
            pattern = re.compile(schema["pattern"])
            steps.append(lambda v, path: [f"{path}: {v!r} does not match {pattern.pattern}"]
                         if isinstance(v, str) and not pattern.search(v) else [])
        if "minimum" in schema:
            minimum = schema["minimum"]
            steps.append(lambda v, path: [f"{path}: {v} < {minimum}"]
                         if isinstance(v, (int, float)) and v < minimum else [])
        if "items" in schema:
            item = self.node(schema["items"], f"{at}[]")
            steps.append(lambda v, path: [e for i, x in enumerate(v) for e in item(x, f"{path}[{i}]")]
                         if isinstance(v, list) else [])
        props = {key: self.node(sub, f"{at}.{key}") for key, sub in schema.get("properties", {}).items()}
        required = list(schema.get("required", []))
        extra = schema.get("additionalProperties", True)
        other = self.node(extra, f"{at}.*") if isinstance(extra, dict) else None

        def members(v, path):
            if not isinstance(v, dict):
                return []
            out = [f"{path}: missing required {key!r}" for key in required if key not in v]
            for key, value in v.items():
                if key in props:
                    out += props[key](value, f"{path}.{key}")
                elif extra is False:
                    out.append(f"{path}: unexpected property {key!r}")
                elif other is not None:
                    out += other(value, f"{path}.{key}")
            return out
        if props or required or extra is not True:
            steps.append(members)

        def wrong_type(v, path) -> list[str]:
            return [f"{path}: expected {expected}, got {type(v).__name__}"]

        if test is not None and not first and not steps:   # most nodes: a string, a number
            return lambda v, path: [] if test(v) else wrong_type(v, path)

        def check(v, path):
            out: list[str] = []
            for step in first:
                out += step(v, path)
            if test is not None and not test(v):
                return out + wrong_type(v, path)
            for step in steps:
                out += step(v, path)
            return out
        return check
