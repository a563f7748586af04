"""Open data writer (hooks/publish/export.py) and the build's own schema
validator (hooks/publish/jsonschema_subset.py), without a build (the built
files: tests/build/test_open_data.py)."""
from __future__ import annotations

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.publish import export, jsonschema_subset

API = "api/v1"


@pytest.fixture(scope="module")
def model():
    return pipeline.build(ROOT / "docs", ROOT)


def test_build_refuses_data_that_breaks_its_schema(model, tmp_path, monkeypatch):
    real = export.document_data
    monkeypatch.setattr(export, "document_data", lambda *a: real(*a) | {"issued": "22/09/2021"})
    with pytest.raises(export.ExportError, match=r"van-ban/kl-14.json: \$.issued"):
        export.write(model, "https://example.test/", {}, tmp_path)
    assert not (tmp_path / API).exists()


# -- the validator itself ------------------------------------------------------
SCHEMA = {"type": "object", "additionalProperties": False, "required": ["id", "n"],
          "properties": {"id": {"type": "string", "pattern": "^[a-z]+$"},
                         "n": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}]},
                         "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}}},
          "$defs": {"tag": {"type": "string", "enum": ["a", "b"]}}}


@pytest.mark.parametrize("instance, problem", [
    ({"id": "x", "n": 1}, None),
    ({"id": "x", "n": None, "tags": ["a"]}, None),
    ({"id": "X", "n": 1}, "does not match"),
    ({"id": "x"}, "missing required 'n'"),
    ({"id": "x", "n": 0}, "anyOf"),
    ({"id": "x", "n": True}, "anyOf"),
    ({"id": "x", "n": 1, "extra": 1}, "unexpected property 'extra'"),
    ({"id": "x", "n": 1, "tags": ["c"]}, "not in"),
    ([], "expected object"),
])
def test_validator(instance, problem):
    found = jsonschema_subset.errors(instance, SCHEMA)
    if problem is None:
        assert found == []
    else:
        assert any(problem in f for f in found), found


def test_validator_follows_a_definition_that_refers_to_itself():
    tree = {"$ref": "#/$defs/node",
            "$defs": {"node": {"type": "object", "properties": {"kids": {"type": "array",
                                                                        "items": {"$ref": "#/$defs/node"}}}}}}
    check = jsonschema_subset.validator(tree)
    assert check({"kids": [{"kids": []}, {}]}) == []
    assert check({"kids": [{"kids": [1]}]}) == ["$.kids[0].kids[0]: expected object, got int"]


def test_validator_refuses_keywords_it_does_not_check():
    with pytest.raises(jsonschema_subset.SchemaError):
        jsonschema_subset.errors("x", {"type": "string", "maxLength": 3})


def test_schemas_use_only_the_checked_subset(model):
    # Validating real data walks every branch the data reaches; an unknown
    # keyword anywhere in a schema would raise here.
    schemas = {}
    for path, data, schema_path in export.files(model, "https://example.test/", {}):
        if schema_path is None:
            schemas[path] = data
        else:
            assert jsonschema_subset.errors(data, schemas[schema_path]) == [], path
