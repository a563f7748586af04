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
            if spec.kind == "date":   # our dd/mm/yyyy widget, stored as the model writes dates
                assert (f["widget"], f["storage"]) == ("ngay", "dd/mm/yyyy")
                assert re.match(f["pattern"][0], "28/11/2026")
    faq = collection(cfg, "hoi-dap")["fields"]
    assert [o["value"] for o in field(faq, "topic")["options"]] == list(vocab.FAQ_TOPICS)
    assert [o["label"] for o in field(faq, "audience")["options"]] == list(vocab.AUDIENCES.values())
    news = collection(cfg, "tin-tuc")["fields"]
    assert [o["value"] for o in field(news, "authors")["options"]] == ["tuan-lam"]
    date = field(news, "date")
    assert (date["widget"], date["storage"]) == ("ngay", "yyyy-mm-dd")   # what the blog plugin reads
    assert re.match(date["pattern"][0], "2026-11-28") and not re.match(date["pattern"][0], "28/11/2026")
    # the list shows a post's date as dd/mm/yyyy too
    assert "{{date | date('DD/MM/YYYY')}}" in collection(cfg, "tin-tuc")["summary"]


def test_every_date_field_uses_the_dd_mm_yyyy_widget():
    def walk(fields):
        for f in fields:
            yield f
            yield from walk(f.get("fields", []))
            if "field" in f:
                yield from walk([f["field"]])
    cfg = generated()
    for c in cfg["collections"]:
        for fields in [c.get("fields", [])] + [f["fields"] for f in c.get("files", [])]:
            for f in walk(fields):
                assert f.get("widget") != "datetime", (c["name"], f["name"])


def test_config_file_loads_to_the_same_structure_with_shared_pickers_written_once(tmp_path):
    cfg = generated()
    editor_config.write(tmp_path / "site", tmp_path, cfg, editor_config.Settings())
    text = (tmp_path / "site" / "bien-tap" / "config.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == cfg
    assert "Mục 2.4 Kết luận số 14-KL/TW" in text   # Vietnamese as written, not \u escapes
    assert cfg["locale"] == "vi"
    # every document's form offers the same clause list; the file holds it once
    forms = collection(cfg, "van-ban")["files"]
    shared = {id(field(field(f["fields"], "tasks")["fields"], "editor_implements")["options"]) for f in forms}
    assert len(shared) == 1 < len(forms)
    # (the list every clause picker offers, FAQs' and documents', and kl-14's own stated_in)
    assert text.count("Đoạn 1 mục 2.4 Kết luận số 14-KL/TW") == 2
    assert field(collection(cfg, "hoi-dap")["fields"], "explains")["options"] is field(
        field(forms[0]["fields"], "tasks")["fields"], "editor_implements")["options"]


def test_local_proxy_only_under_make_edit():
    live = editor_config.Settings.from_env({})
    local = editor_config.Settings.from_env({"EDITOR_LOCAL": "1", "EDITOR_PROXY_PORT": "8090"})
    assert not live.local and local.local
    assert "local_backend" not in generated_with(live)
    assert generated_with(local)["local_backend"]["url"] == "http://127.0.0.1:8090/api/v1"
    for settings, allowed in ((live, False), (local, True)):
        policy = editor_config.page_policy("<html></html>", settings)
        for directive in ("connect-src", "img-src"):
            sources = re.search(directive + r" ([^;]*)", policy).group(1)
            assert ("http://127.0.0.1:8090" in sources) is allowed, (directive, policy)
            assert ("localhost" in sources) is allowed, (directive, policy)


def generated_with(settings) -> dict:
    m = model()
    return editor_config.config(m, {}, [], settings)


def test_page_without_node_modules_says_not_installed(tmp_path):
    settings = editor_config.Settings()
    info = editor_config.write(tmp_path / "site", tmp_path, generated(), settings)
    page = (tmp_path / "site" / "bien-tap" / "index.html").read_text(encoding="utf-8")
    assert not info["installed"]
    assert "chưa được cài đặt" in page and "<script" not in page
    assert (tmp_path / "site" / "bien-tap" / "config.yml").exists()


def test_editor_policy_is_relaxed_only_as_needed():
    settings = editor_config.Settings(backend="gitlab", base_url="https://git.thanhhoa.example", local=True)
    policy = editor_config.page_policy("<html></html>", settings)
    script = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-eval'" in script and "'unsafe-inline'" not in script and "http" not in script
    connect = re.search(r"connect-src ([^;]*)", policy).group(1)
    assert "https://git.thanhhoa.example" in connect and "http://127.0.0.1:8081" in connect
    assert "object-src 'none'" in policy


def test_content_the_editor_saves_has_no_front_matter_comments():
    """Decap rewrites the YAML it saves and drops comments: notes for
    readers belong in a field or the body, notes for developers in
    sources/NOTES.md. (The editor also refuses to save a file with some.)"""
    cfg = generated()
    paths = [ROOT / f["file"] for c in cfg["collections"] for f in c.get("files", [])]
    for c in cfg["collections"]:
        if "folder" in c:
            paths += sorted((ROOT / c["folder"]).glob("*.md"))
    assert len(paths) > 20
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        head = text.split("---\n", 2)[1]
        for number, line in enumerate(head.splitlines(), start=2):
            unquoted = re.sub(r"\"[^\"]*\"|'[^']*'", "", line)
            if re.match(r"\s*#", line) or re.search(r"\s#(\s|$)", unquoted):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "YAML comments the web editor would drop:\n" + "\n".join(found)


def test_documents_are_not_created_in_the_editor_and_it_says_why():
    documents = collection(generated(), "van-ban")
    assert "files" in documents and not documents.get("create")
    assert "make new KIND=van-ban" in documents["description"]
    assert "Điều khoản nêu nhiệm vụ" in documents["description"]
