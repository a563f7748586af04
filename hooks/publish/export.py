"""Open data at /api/v1/ (DESIGN.md, "Open data"): the model as JSON files,
each with a JSON Schema beside it, every file validated before it is written.

    index.json                 every file below /api/v1/, with its schema
    van-ban/<id>.json          one per document: metadata, clauses, backlinks
    co-quan.json               bodies
    nhiem-vu.json              tasks the documents assign
    hoi-dap.json               FAQ pages with their front matter (may be empty)
    luoc-do.json               the relation graph between documents

Plain module: fed by the derived model (derive.model.Model), the site URLs MkDocs
assigned and the site's base URL; knows nothing of MkDocs.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hooks import contract
from hooks.derive.backlinks import Link
from hooks.derive.model import Model
from hooks.model import anchors, vocab
from hooks.model import schema as model_schema
from hooks.model.corpus import Corpus, Document
from hooks.publish import jsonschema_subset
from hooks.render import graph

OUTPUT = contract.API
DOCUMENT_SCHEMA = contract.api_schema(contract.api_document("van-ban"))
VERSION = 1
DRAFT = "https://json-schema.org/draft/2020-12/schema"

_ISO = r"^\d{4}-\d{2}-\d{2}$"
_ID = model_schema.ID_RE.pattern


class ExportError(ValueError):
    """A file the build was about to publish does not match its schema."""


# -- small schema builders ---------------------------------------------------
def _s(description: str, **kw) -> dict:
    return {"description": description, **kw}


def _obj(properties: dict[str, dict], optional: tuple[str, ...] = (), description: str | None = None) -> dict:
    node = {"type": "object", "additionalProperties": False,
            "required": [k for k in properties if k not in optional], "properties": properties}
    return ({"description": description} | node) if description else node


def _nullable(node: dict) -> dict:
    inner = {k: v for k, v in node.items() if k != "description"}
    return {"description": node.get("description", ""), "anyOf": [inner, {"type": "null"}]}


STR = {"type": "string"}
URL = _s("địa chỉ tuyệt đối của trang trên trang web", type="string", pattern=r"^https?://")
ISO_DATE = _s("ngày theo ISO 8601 (yyyy-mm-dd)", type="string", pattern=_ISO)

LINK = _obj({
    "kind": _s("loại trang liên kết đến", type="string",
               enum=["document", "task", "faq", "news", "page", "body"]),
    "basis": _s("'stated': chính văn bản nêu; 'editor': biên tập viên xác định; 'cites': trang nhắc đến",
                type="string", enum=["stated", "editor", "cites"]),
    "label": _s("tên trang hoặc nhiệm vụ liên kết đến", **STR),
    "detail": _s("thông tin kèm theo (ngày, cơ quan chủ trì…), có thể rỗng", **STR),
    "url": URL,
})
BACKLINKS = _obj({
    "implemented_by": _s("văn bản, nhiệm vụ cụ thể hóa", type="array", items={"$ref": "#/$defs/link"}),
    "explained_by": _s("hỏi đáp giải thích", type="array", items={"$ref": "#/$defs/link"}),
    "news": _s("tin tức nhắc đến", type="array", items={"$ref": "#/$defs/link"}),
    "cited_by": _s("trang khác nhắc đến hoặc lấy làm căn cứ", type="array", items={"$ref": "#/$defs/link"}),
}, description="những gì trỏ đến mục này")


def _root(title: str, description: str, node: dict, defs: dict | None = None) -> dict:
    out = {"$schema": DRAFT, "title": title, "description": description, **node}
    if defs:
        out["$defs"] = defs
    return out


def schemas() -> dict[str, dict]:
    """Schema file name (below /api/v1/) -> schema."""
    clause = _obj({
        "id": _s("mã điều khoản, cũng là neo trong địa chỉ trang", type="string", pattern=_ID),
        "number": _s("số của điều khoản theo văn bản: '2.4', 'a', 'I'", **STR),
        "heading": _s("nhãn ngắn: 'Mục 2.4', 'Đoạn 2'", **STR),
        "citation": _s("cách trích dẫn: 'Đoạn 2 mục 2.4'", **STR),
        "parent": _nullable(_s("mã điều khoản cha; null nếu ở cấp cao nhất", type="string", pattern=_ID)),
        "children": _s("mã các điều khoản con", type="array", items={"type": "string", "pattern": _ID}),
        "available": _s("false nếu nguồn hiện có chưa có lời văn của điều khoản", type="boolean"),
        "provisional": _s("true nếu là mã tạm của bản tóm tắt (noi-dung-N)", type="boolean"),
        "text": _s("lời văn riêng của điều khoản (không gồm điều khoản con), chữ thường không định dạng", **STR),
        "url": URL,
        "backlinks": {"$ref": "#/$defs/backlinks"},
    })
    document = _root("Văn bản", "Một văn bản: thông tin, các điều khoản và những gì trỏ đến nó.", _obj({
        "id": _s("mã văn bản", type="string", pattern=_ID),
        "title": _s("tên văn bản: 'Kết luận số 14-KL/TW'", **STR),
        "citation": _s("cách trích dẫn đầy đủ", **STR),
        "type_label": _s("loại văn bản bằng tiếng Việt", **STR),
        "url": URL,
        "issued": _nullable(ISO_DATE | {"description": "ngày ban hành (ISO); null nếu chưa rõ"}),
        "effective": _nullable(ISO_DATE | {"description": "ngày có hiệu lực (ISO); null nếu chưa rõ"}),
        "metadata": model_schema.json_schema(model_schema.DOCUMENT + model_schema.PAGE_KEYS,
                                             "Phần đầu tệp văn bản, đúng như biên tập viên ghi"),
        "clauses": _s("các điều khoản theo thứ tự trong văn bản", type="array", items={"$ref": "#/$defs/clause"}),
        "tasks": _s("mã các nhiệm vụ văn bản giao (chi tiết trong nhiem-vu.json)", type="array",
                    items={"type": "string"}),
        "backlinks": {"$ref": "#/$defs/backlinks"},
    }), defs={"clause": clause, "backlinks": BACKLINKS, "link": LINK})
    for sub in ("$schema", "title"):
        document["properties"]["metadata"].pop(sub)

    body = _obj({
        "id": _s("mã cơ quan", type="string", pattern=_ID),
        "name": _s("tên đầy đủ", **STR),
        "short_name": _s("tên ngắn", **STR),
        "level": _s("cấp", type="string", enum=list(vocab.BODY_LEVELS)),
        "level_label": _s("cấp bằng tiếng Việt", **STR),
        "parent": _nullable(_s("mã cơ quan cấp trên", type="string", pattern=_ID)),
        "group": _s("true nếu là một nhóm cơ quan", type="boolean"),
        "url": URL,
        "issued": _s("mã các văn bản cơ quan ban hành", type="array", items={"type": "string"}),
        "leads": _s("nhiệm vụ chủ trì ('văn bản#nhiệm vụ')", type="array", items={"type": "string"}),
        "supports": _s("nhiệm vụ phối hợp ('văn bản#nhiệm vụ')", type="array", items={"type": "string"}),
    })
    bodies = _root("Cơ quan", "Các cơ quan có trên trang.", _obj({"bodies": {"type": "array", "items": body}}))

    target = _obj({"target": _s("'văn bản' hoặc 'văn bản#điều khoản'", **STR), "url": URL})
    task = _obj({
        "key": _s("mã toàn cục: 'văn bản#nhiệm vụ'", **STR),
        "document": _s("mã văn bản giao nhiệm vụ", type="string", pattern=_ID),
        "id": _s("mã nhiệm vụ trong văn bản", type="string", pattern=_ID),
        "what": _s("nội dung nhiệm vụ, trích nguyên văn", **STR),
        "stated_in": _s("mã điều khoản nêu nhiệm vụ", type="string", pattern=_ID),
        "lead": _nullable(_s("mã cơ quan chủ trì; null nếu văn bản không nêu", type="string", pattern=_ID)),
        "support": _s("mã các cơ quan phối hợp", type="array", items={"type": "string", "pattern": _ID}),
        "deadline": _nullable(ISO_DATE | {"description": "thời hạn (ISO); null nếu văn bản không nêu"}),
        "implements": _s("điều khoản mà chính văn bản nêu là nhiệm vụ thực hiện", type="array", items=target),
        "editor_implements": _s("điều khoản do biên tập viên xác định", type="array", items=target),
        "url": URL,
    })
    tasks = _root("Nhiệm vụ", "Các nhiệm vụ do văn bản giao.", _obj({"tasks": {"type": "array", "items": task}}))

    faq = _obj({
        "id": _nullable(_s("mã hỏi đáp", type="string", pattern=_ID)),
        "title": _s("tiêu đề (câu hỏi)", **STR),
        "url": URL,
        "metadata": _s("phần đầu tệp đúng như biên tập viên ghi (ngày đổi sang ISO)", type="object"),
        "cites": _s("văn bản, điều khoản, cơ quan mà trang nhắc đến", type="array", items=target),
    })
    faqs = _root("Hỏi đáp", "Các trang hỏi đáp; danh sách rỗng nếu chưa có.",
                 _obj({"faqs": {"type": "array", "items": faq}}))

    relation = _root("Lược đồ quan hệ", "Các văn bản và quan hệ thực hiện, căn cứ, liên quan giữa chúng.", _obj({
        "nodes": {"type": "array", "items": _obj({
            "id": _s("mã văn bản", type="string", pattern=_ID), "title": STR,
            "issued": _nullable(ISO_DATE), "url": URL})},
        "edges": {"type": "array", "items": _obj({
            "source": _s("văn bản thực hiện, căn cứ hoặc liên quan", type="string", pattern=_ID),
            "target": _s("văn bản được thực hiện, làm căn cứ hoặc liên quan", type="string", pattern=_ID),
            "kind": _s("loại quan hệ", type="string", enum=list(graph.EDGE_LABELS)),
            "label": _s("tên quan hệ bằng tiếng Việt", type="string", enum=list(graph.EDGE_LABELS.values())),
        })},
    }))

    index = _root("Dữ liệu mở", "Mọi tệp dưới /api/v1/ và lược đồ JSON của từng tệp.", _obj({
        "version": {"const": VERSION},
        "site": URL,
        "files": {"type": "array", "items": _obj({
            "path": _s("đường dẫn tính từ /api/v1/", **STR),
            "kind": _s("loại tệp", type="string",
                       enum=["index", "document", "bodies", "tasks", "faqs", "graph", "schema"]),
            "schema": _nullable(_s("lược đồ JSON của tệp; null với chính tệp lược đồ", **STR)),
            "id": _s("mã văn bản, với tệp văn bản", **STR),
            "title": _s("tên văn bản, với tệp văn bản", **STR),
        }, optional=("id", "title"))},
    }))
    files = contract.API_FILES
    return {"index.schema.json": index, DOCUMENT_SCHEMA: document,
            contract.api_schema(files["bodies"]): bodies, contract.api_schema(files["tasks"]): tasks,
            contract.api_schema(files["faqs"]): faqs, contract.api_schema(files["graph"]): relation}


# -- data --------------------------------------------------------------------
def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _plain(value: Any) -> Any:
    """Front matter as JSON: YAML dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class _Urls:
    def __init__(self, site_url: str, urls: dict[str, str]):
        self.base = site_url.rstrip("/") + "/"
        self.urls = urls

    def abs(self, rel: str) -> str:
        return self.base + rel.lstrip("/")

    def target(self, corpus: Corpus, target: str) -> str:
        ident, _, anchor = target.partition("#")
        return self.abs(corpus.url_of(ident)) + (f"#{anchor}" if anchor else "")

    def link(self, link: Link) -> dict:
        return {"kind": link.kind, "basis": link.basis, "label": link.label, "detail": link.detail,
                "url": self.abs(contract.page_url(link.src, self.urls)) + (f"#{link.anchor}" if link.anchor else "")}


def _backlinks(groups: dict[str, list[Link]], u: _Urls) -> dict:
    return {name: [u.link(l) for l in groups.get(name, [])]
            for name in ("implemented_by", "explained_by", "news", "cited_by")}


def document_data(model: Model, doc: Document, u: _Urls) -> dict:
    corpus = model.corpus
    clauses = []
    for c in doc.clauses.values():
        parts = anchors.parse(c.anchor)
        assert parts, c.anchor   # collect refused anchors that break the rule
        clauses.append({
            "id": c.anchor, "number": parts[-1].display_number, "heading": c.heading,
            "citation": anchors.cited(c.anchor), "parent": c.parent, "children": list(c.children),
            "available": c.available, "provisional": c.provisional, "text": c.own_text,
            "url": u.abs(doc.url) + "#" + c.anchor, "backlinks": _backlinks(model.links.for_target(c.key), u),
        })
    return {
        "id": doc.id, "title": doc.title, "citation": corpus.citation_title(doc), "type_label": doc.type_label,
        "url": u.abs(doc.url), "issued": _iso(doc.issued), "effective": _iso(doc.effective),
        "metadata": _plain(doc.meta), "clauses": clauses, "tasks": list(doc.tasks),
        "backlinks": _backlinks(model.links.for_target(doc.id), u),
    }


def bodies_data(model: Model, u: _Urls) -> dict:
    corpus, links = model.corpus, model.links
    return {"bodies": [{
        "id": b.id, "name": b.name, "short_name": b.short_name, "level": b.meta["level"],
        "level_label": vocab.BODY_LEVELS[b.meta["level"]], "parent": b.meta.get("parent"),
        "group": bool(b.meta.get("group")), "url": u.abs(b.url),
        "issued": [d.id for d in model.indexes.issued_by.get(b.id, [])],
        "leads": [t.key for t in links.leads.get(b.id, [])],
        "supports": [t.key for t in links.supports.get(b.id, [])],
    } for b in corpus.bodies.values()]}


def tasks_data(model: Model, u: _Urls) -> dict:
    corpus = model.corpus

    def targets(ts: list[str]) -> list[dict]:
        return [{"target": t, "url": u.target(corpus, t)} for t in ts]

    return {"tasks": [{
        "key": t.key, "document": t.doc_id, "id": t.id, "what": t.what, "stated_in": t.stated_in,
        "lead": t.lead, "support": list(t.support), "deadline": _iso(t.deadline),
        "implements": targets(t.implements), "editor_implements": targets(t.editor_implements),
        "url": u.abs(corpus.documents[t.doc_id].url) + "#" + t.id,
    } for t in corpus.tasks()]}


def faqs_data(model: Model, u: _Urls) -> dict:
    corpus = model.corpus
    out = []
    for page in sorted(corpus.pages.values(), key=lambda p: p.src):
        if page.kind != "faq" or page.draft:
            continue
        cited = model.indexes.targets.get(page.src, [])
        out.append({"id": str(page.meta["id"]) if page.meta.get("id") else None, "title": page.title,
                    "url": u.abs(contract.page_url(page.src, u.urls)), "metadata": _plain(page.meta),
                    "cites": [{"target": t, "url": u.target(corpus, t)} for t in cited]})
    return {"faqs": out}


def graph_data(model: Model, u: _Urls) -> dict:
    corpus = model.corpus
    docs = model.indexes.documents
    return {"nodes": [{"id": d.id, "title": d.title, "issued": _iso(d.issued), "url": u.abs(d.url)} for d in docs],
            "edges": [{"source": e.source, "target": e.target, "kind": e.kind, "label": graph.EDGE_LABELS[e.kind]}
                      for e in graph.edges(corpus)]}


def files(model: Model, site_url: str, urls: dict[str, str]) -> Iterator[tuple[str, Any, str | None]]:
    """Every file below /api/v1/ as (path, data, path of its schema), one at a
    time: the schemas first, the index last, so nothing is held but the file
    being written and the list of entries."""
    u = _Urls(site_url, urls)
    entries: list[dict[str, Any]] = [{"path": "index.json", "kind": "index", "schema": "index.schema.json"}]
    for path, schema in schemas().items():
        yield path, dict(schema, **{"$id": u.abs(f"{OUTPUT}/{path}")}), None
        entries.append({"path": path, "kind": "schema", "schema": None})
    for doc in model.indexes.documents:
        path = contract.api_document(doc.id)
        yield path, document_data(model, doc, u), DOCUMENT_SCHEMA
        entries.append({"path": path, "kind": "document", "schema": DOCUMENT_SCHEMA,
                        "id": doc.id, "title": doc.title})
    for kind, make in (("bodies", bodies_data), ("tasks", tasks_data), ("faqs", faqs_data), ("graph", graph_data)):
        path = contract.API_FILES[kind]
        yield path, make(model, u), contract.api_schema(path)
        entries.append({"path": path, "kind": kind, "schema": contract.api_schema(path)})
    yield "index.json", {"version": VERSION, "site": u.base, "files": entries}, "index.schema.json"


def write(model: Model, site_url: str, urls: dict[str, str], site_dir: Path) -> list[str]:
    """Build, validate and write each file in one pass, into a folder beside
    the real one that replaces it only when every file matched its schema:
    a file that breaks its own schema is never published (ExportError)."""
    out = Path(site_dir) / OUTPUT
    temp = out.with_name(out.name + ".tmp")
    shutil.rmtree(temp, ignore_errors=True)
    known: dict[str, Callable[[Any], list[str]]] = {}   # each schema's validator, read once
    problems: list[str] = []
    written = []
    for path, data, schema_path in files(model, site_url, urls):
        if schema_path is None:
            known[path] = jsonschema_subset.validator(data)
        else:
            problems += [f"{path}: {e}" for e in known[schema_path](data)]
        target = temp / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as handle:   # encoded as written: never one whole string
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        written.append(path)
    if problems:
        shutil.rmtree(temp)
        raise ExportError("open data does not match its schema:\n  " + "\n  ".join(problems))
    shutil.rmtree(out, ignore_errors=True)
    temp.rename(out)
    return sorted(written)
