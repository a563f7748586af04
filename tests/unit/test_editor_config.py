"""The web editor's forms are generated from the model: every current clause
and body is offered, fields mirror the schema, and /bien-tap/ stays out of
readers' navigation, search and sitemap."""
from __future__ import annotations

import re

import yaml

from conftest import ROOT
from hooks import contract, pipeline
from hooks.model import schema, vocab
from hooks.publish import editor_config


def model():
    return pipeline.build(ROOT / "docs", ROOT)


def generated(m=None) -> dict:
    m = m or model()
    # The site's authors as the blog loads them: id -> name.
    authors = yaml.safe_load((ROOT / "docs" / contract.AUTHORS).read_text(encoding="utf-8"))["authors"]
    return editor_config.config(m, {key: a["name"] for key, a in authors.items()},
                                ["Triển khai văn bản", "Thông báo"], editor_config.Settings())


def collection(cfg: dict, name: str) -> dict:
    return next(c for c in cfg["collections"] if c["name"] == name)


def field(fields: list[dict], name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def test_faq_picker_lists_every_current_clause_by_citation():
    m = model()
    cfg = generated(m)
    options = field(collection(cfg, "hoi-dap")["fields"], "explains")["options"]
    clauses = {c.key for d in m.corpus.documents.values() for c in d.clauses.values()}
    assert {o["value"] for o in options} == clauses
    labels = {o["value"]: o["label"] for o in options}
    assert labels["kl-14#muc-2-4"].startswith("Mục 2.4 Kết luận số 14-KL/TW")
    assert labels["kl-14#muc-2-4-doan-1"].startswith("Đoạn 1 mục 2.4 Kết luận số 14-KL/TW")
    # reading order: kl-14's clauses in document order
    kl14 = [o["value"] for o in options if o["value"].startswith("kl-14#")]
    assert kl14 == [c.key for c in m.corpus.documents["kl-14"].clauses.values()]


def test_body_pickers_list_every_body():
    m = model()
    cfg = generated(m)
    bodies = set(m.corpus.bodies)
    parent = field(collection(cfg, "co-quan")["fields"], "parent")
    assert {o["value"] for o in parent["options"]} == bodies
    for doc in collection(cfg, "van-ban")["files"]:
        tasks = field(doc["fields"], "tasks")["fields"]
        assert {o["value"] for o in field(tasks, "lead")["options"]} == bodies
        assert {o["value"] for o in field(tasks, "support")["options"]} == bodies
        # a task's stated_in lists the clauses of its own document only
        own = set(m.corpus.documents[doc["name"]].clauses)
        assert {o["value"] for o in field(tasks, "stated_in")["options"]} == own
        assert {o["value"] for o in field(doc["fields"], "issuer")["options"]} == bodies
    assert {d["name"] for d in collection(cfg, "van-ban")["files"]} == set(m.corpus.documents)


def test_fields_mirror_the_schema():
    cfg = generated()
    for name, specs in (("hoi-dap", schema.FAQ), ("co-quan", schema.BODY)):
        fields = collection(cfg, name)["fields"]
        assert [f["name"] for f in fields] == [s.name for s in specs] + ["body"]
        for spec in specs:
            f = field(fields, spec.name)
            assert f["required"] == (spec.required and not spec.nullable), spec.name
            assert f["label"] and f["hint"]
            if spec.kind == "id":
                assert f["pattern"][0] == schema.ID_RE.pattern
            if spec.kind == "date":
                assert (f["widget"], f["format"]) == ("datetime", "DD/MM/YYYY")
    faq = collection(cfg, "hoi-dap")["fields"]
    assert [o["value"] for o in field(faq, "topic")["options"]] == list(vocab.FAQ_TOPICS)
    assert [o["label"] for o in field(faq, "audience")["options"]] == list(vocab.AUDIENCES.values())
    news = collection(cfg, "tin-tuc")["fields"]
    assert [o["value"] for o in field(news, "authors")["options"]] == ["tuan-lam"]
    assert field(news, "date")["format"] == "YYYY-MM-DD"          # what the blog plugin reads
    assert field(news, "date")["date_format"] == "DD/MM/YYYY"


def test_config_yaml_round_trips_and_speaks_vietnamese(tmp_path):
    cfg = generated()
    text = yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)
    assert yaml.safe_load(text) == cfg
    assert cfg["locale"] == "vi"
    assert cfg["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"


def test_page_without_node_modules_says_not_installed(tmp_path):
    settings = editor_config.Settings()
    info = editor_config.write(tmp_path / "site", tmp_path, generated(), settings)
    page = (tmp_path / "site" / "bien-tap" / "index.html").read_text(encoding="utf-8")
    assert not info["installed"]
    assert "chưa được cài đặt" in page and "<script" not in page
    assert (tmp_path / "site" / "bien-tap" / "config.yml").exists()


def test_editor_policy_is_relaxed_only_as_needed():
    settings = editor_config.Settings(backend="gitlab", base_url="https://git.thanhhoa.example")
    policy = editor_config.page_policy("<html></html>", settings)
    script = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-eval'" in script and "'unsafe-inline'" not in script and "http" not in script
    connect = re.search(r"connect-src ([^;]*)", policy).group(1)
    assert "https://git.thanhhoa.example" in connect and "http://127.0.0.1:8081" in connect
    assert "object-src 'none'" in policy
