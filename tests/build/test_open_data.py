"""Open data at /api/v1/ (DESIGN.md): complete, listed, valid against the
schemas published beside it, and true to the model and the pages (the
writer and its validator alone: tests/unit/test_export.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.cli import linkcheck
from hooks.publish import export, jsonschema_subset

API = "api/v1"


@pytest.fixture(scope="module")
def api(built_site) -> Path:
    return built_site / API


@pytest.fixture(scope="module")
def model():
    return pipeline.build(ROOT / "docs", ROOT)


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_index_lists_every_file_below_it(api):
    index = load(api / "index.json")
    listed = {f["path"] for f in index["files"]}
    on_disk = {p.relative_to(api).as_posix() for p in api.rglob("*") if p.is_file()}
    assert listed == on_disk
    assert {"index.json", "co-quan.json", "nhiem-vu.json", "hoi-dap.json", "luoc-do.json"} <= listed


def test_every_file_has_a_schema_beside_it_and_matches_it(api):
    index = load(api / "index.json")
    checked = 0
    for entry in index["files"]:
        if entry["kind"] == "schema":
            assert entry["schema"] is None
            continue
        schema_path = api / entry["schema"]
        assert schema_path.parent == (api / entry["path"]).parent, "schema must sit beside its file"
        schema = load(schema_path)
        assert schema["$schema"] == export.DRAFT
        assert jsonschema_subset.errors(load(api / entry["path"]), schema) == [], entry["path"]
        checked += 1
    assert checked >= 9


# -- an independent validator ---------------------------------------------------
# The build checks its files with its own validator (hooks/publish/
# jsonschema_subset.py), so the test above cannot fail unless the build
# already did. The `jsonschema` package (a test-only pin) reads the same files
# as a consumer of the data would: every file under api/v1/ against the
# schema beside it, every schema against the draft 2020-12 meta-schema.

def schema_of(api: Path, data_path: Path) -> Path:
    """The schema published beside a data file: x.json -> x.schema.json, and
    one schema for the documents folder (van-ban/van-ban.schema.json)."""
    beside = data_path.with_name(data_path.name.replace(".json", ".schema.json"))
    folder = data_path.with_name(f"{data_path.parent.name}.schema.json")
    return beside if beside.is_file() else folder


def test_every_file_is_valid_for_an_independent_validator(api):
    import jsonschema
    files = sorted(api.rglob("*.json"))
    schemas = [p for p in files if p.name.endswith(".schema.json")]
    data = [p for p in files if not p.name.endswith(".schema.json")]
    assert len(schemas) >= 6 and len(data) >= 9
    for path in schemas:
        schema = load(path)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", path
        jsonschema.Draft202012Validator.check_schema(schema)
    listed = {e["path"]: e["schema"] for e in load(api / "index.json")["files"]}
    for path in data:
        rel = path.relative_to(api).as_posix()
        schema_path = schema_of(api, path)
        assert schema_path.is_file() and schema_path.parent == path.parent, rel
        assert listed[rel] == schema_path.relative_to(api).as_posix(), rel
        validator = jsonschema.Draft202012Validator(load(schema_path))
        problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(load(path))]
        assert problems == [], (rel, problems[:5])


@pytest.mark.parametrize("break_it, where", [
    (lambda d: d.pop("title"), []),                                        # required field gone
    (lambda d: d.update(issued="22/09/2021"), ["issued"]),                 # a date not in ISO form
    (lambda d: d.update(extra="x"), []),                                   # property not in the schema
    (lambda d: d["clauses"][0].update(id=14), ["clauses", 0, "id"]),       # wrong type
    (lambda d: d["metadata"].update(type="ket-luan-hoi-nghi"), ["metadata", "type"]),  # not in the vocabulary
    (lambda d: d["clauses"][0]["backlinks"].update(x=[]), ["clauses", 0, "backlinks"]),
])
def test_independent_validator_rejects_a_broken_record(api, break_it, where):
    import jsonschema
    record = load(api / "van-ban" / "kl-14.json")
    validator = jsonschema.Draft202012Validator(load(api / "van-ban" / "van-ban.schema.json"))
    assert list(validator.iter_errors(record)) == []
    break_it(record)
    errors = list(validator.iter_errors(record))
    assert errors and any(list(e.absolute_path) == where for e in errors), [
        (list(e.absolute_path), e.message) for e in errors]


def test_one_file_per_document_with_every_clause(api, model):
    for doc in model.corpus.documents.values():
        data = load(api / "van-ban" / f"{doc.id}.json")
        assert data["id"] == doc.id and data["title"] == doc.title
        assert data["metadata"]["number"] == doc.meta["number"]
        assert [c["id"] for c in data["clauses"]] == list(doc.clauses)
        for c in data["clauses"]:
            assert c["text"] == doc.clauses[c["id"]].own_text
            assert c["url"].endswith(f"/van-ban/{doc.id}/#{c['id']}")


def test_clause_numbers_and_backlinks(api):
    kl14 = {c["id"]: c for c in load(api / "van-ban" / "kl-14.json")["clauses"]}
    assert kl14["muc-2-4"]["number"] == "2.4"
    assert kl14["muc-2-4"]["children"][:2] == ["muc-2-4-doan-1", "muc-2-4-doan-2"]
    assert kl14["muc-2-4-doan-2"]["citation"] == "Đoạn 2 mục 2.4"
    # kh-116's first task is judged by an editor to implement mục 2.1.
    implemented = kl14["muc-2-1"]["backlinks"]["implemented_by"]
    assert any(l["kind"] == "task" and l["basis"] == "editor" and "/van-ban/kh-116/#nhiem-vu-1" in l["url"]
               for l in implemented)
    news = kl14["muc-2-4-doan-2"]["backlinks"]["news"]
    assert news and all("/tin-tuc/" in l["url"] for l in news)


def test_bodies_tasks_graph_and_faqs(api, model):
    bodies = {b["id"]: b for b in load(api / "co-quan.json")["bodies"]}
    assert set(bodies) == set(model.corpus.bodies)
    assert bodies["bo-chinh-tri"]["issued"] == ["kl-14"]
    tasks = load(api / "nhiem-vu.json")["tasks"]
    assert {t["key"] for t in tasks} == {t.key for t in model.corpus.tasks()}
    graph = load(api / "luoc-do.json")
    assert {"source": "ctr-26", "target": "kl-14", "kind": "implements", "label": "thực hiện"} in graph["edges"]
    assert {n["id"] for n in graph["nodes"]} == set(model.corpus.documents)
    faq_pages = [p for p in model.corpus.pages.values() if p.kind == "faq" and not p.draft]
    assert len(load(api / "hoi-dap.json")["faqs"]) == len(faq_pages)


def test_every_url_in_the_data_resolves_to_a_page_and_anchor(api, built_site):
    site_url = load(api / "index.json")["site"]
    pages: dict[str, linkcheck.Page] = {}
    found = 0

    def walk(value):
        nonlocal found
        if isinstance(value, dict):
            for k, v in value.items():
                if k == "url" and isinstance(v, str) and v.startswith(site_url):
                    path, _, anchor = v[len(site_url):].partition("#")
                    page_file = built_site / path / "index.html"
                    assert page_file.is_file(), v
                    if anchor:
                        page = pages.setdefault(path, linkcheck.parse(page_file))
                        assert anchor in page.ids, v
                    found += 1
                else:
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in api.rglob("*.json"):
        if not path.name.endswith(".schema.json"):
            walk(load(path))
    assert found > 50


def test_open_data_page_links_to_the_files(built_site):
    html = (built_site / "du-lieu-mo" / "index.html").read_text(encoding="utf-8")
    assert "Dữ liệu mở" in html
    for name in ("index.json", "co-quan.json", "nhiem-vu.json", "hoi-dap.json", "luoc-do.json",
                 "van-ban/kl-14.json", "van-ban/van-ban.schema.json"):
        assert f'href="../api/v1/{name}"' in html
