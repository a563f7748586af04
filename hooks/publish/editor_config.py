"""The web editor at /bien-tap/ (Decap CMS): its form configuration, generated
from the content model at every build, and its page.

Nothing here is written by hand per field: the collections come from
`schema.DOCUMENT`, `schema.BODY`, `schema.FAQ` and the vocabularies, and every
place where the Markdown holds an id of another item (a clause a FAQ
explains, a task's `stated_in`, lead and support bodies, `implements`) is a
picker listing the current items by their Vietnamese names and citations. So
the forms never drift from what the build accepts; the build stays the real
check.

The editor's code is Decap CMS from npm (package.json, exact pin), copied from
node_modules into the built site; without node_modules the page says the
editor is not installed and the build still succeeds. The page is written
after MkDocs has finished, so it is no MkDocs page: not in the navigation,
the search index or the sitemap.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from hooks import contract
from hooks.derive.model import Model
from hooks.model import anchors, schema, vocab
from hooks.publish import csp, yaml_stream

FOLDER = "bien-tap"                 # /bien-tap/: the editor's page
BUNDLE = "decap-cms.js"             # Decap's single-file build (chunks beside it)
DIST = Path("node_modules") / "decap-cms" / "dist"
# Dates: our own widget "ngay" (docs/assets/javascripts/editor.js) shows and
# accepts dd/mm/yyyy whatever the browser's language, and stores them as the
# file needs: the model's dd/mm/yyyy, or ISO in news posts (the blog plugin's).
STORED_DATE = "dd/mm/yyyy"
POST_DATE = "yyyy-mm-dd"
DATE_PATTERNS = {STORED_DATE: r"^\d{2}/\d{2}/\d{4}$", POST_DATE: r"^\d{4}-\d{2}-\d{2}$"}
DATE_MESSAGE = "ngày dạng dd/mm/yyyy, ví dụ 28/11/2026"

# Vietnamese labels of the model's field names; hints come from schema.Field.doc.
LABELS = {
    "id": "Mã", "number": "Số hiệu", "type": "Loại văn bản", "issuer": "Cơ quan ban hành",
    "signer": "Người ký", "name": "Họ tên", "title": "Chức vụ", "on_behalf": "Thẩm quyền ký",
    "issued": "Ngày ban hành", "effective": "Ngày có hiệu lực", "legal_status": "Tình trạng hiệu lực",
    "summary": "Trích yếu", "fields": "Lĩnh vực", "implements": "Thực hiện văn bản, điều khoản",
    "based_on": "Căn cứ", "related": "Văn bản liên quan", "text": "Mức độ đầy đủ và nguồn",
    "completeness": "Mức độ đầy đủ", "source": "Nguồn", "missing": "Các phần chưa có",
    "redirects": "Mã tạm đã thay", "from": "Mã tạm cũ", "to": "Điều khoản thay thế",
    "tasks": "Nhiệm vụ", "what": "Nội dung nhiệm vụ", "stated_in": "Điều khoản nêu nhiệm vụ",
    "lead": "Cơ quan chủ trì", "support": "Cơ quan phối hợp", "deadline": "Thời hạn",
    "editor_implements": "Cụ thể hóa điều khoản (biên tập viên xác định)",
    "plain_summary": "Tóm tắt dễ hiểu", "short_name": "Tên ngắn", "level": "Cấp",
    "parent": "Cơ quan cấp trên", "group": "Là nhóm cơ quan", "question": "Câu hỏi",
    "audience": "Dành cho", "topic": "Chủ đề", "explains": "Điều khoản được giải thích",
    "reviewed": "Ngày rà soát",
}
# Body fields (the Markdown after the front matter).
BODY_LABELS = {"faq": "Câu trả lời", "body": "Giới thiệu cơ quan", "document": "Nội dung văn bản"}
BODY_HINTS = {
    "faq": ("Viết bằng lời dễ hiểu, dẫn chiếu điều khoản bằng [[kl-14#muc-2-4]] "
            "hoặc [[kl-14#muc-2-4|mục 2.4]]. Không chép lời văn pháp luật vào đây."),
    "body": "Vài câu về cơ quan; dẫn chiếu văn bản bằng [[mã]], ví dụ [[kh-116#noi-dung-7]].",
    "document": ("Mỗi điều khoản bắt đầu bằng một dòng mã riêng, ví dụ {#muc-2-4}, rồi đến nguyên văn. "
                 "Điều khoản chưa có: {#muc-3 .chua-co}. Chỉ chép đúng nguồn."),
}
LONG_TEXT = {"summary", "what", "plain_summary", "source"}
ID_HINT = "Chỉ chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ so-noi-vu."


@dataclass(frozen=True)
class Settings:
    """Where the editor saves. Read from the environment at build time so a
    provincial office sets its own git service without editing code."""
    backend: str = "gitlab"                 # gitlab | gitea | github
    repo: str = "so-tu-phap/kl14"           # owner/name on that service
    branch: str = "main"
    base_url: str | None = None             # the git service, e.g. https://git.thanhhoa.gov.vn
    api_root: str | None = None
    app_id: str | None = None               # OAuth application id (GitLab PKCE, Gitea)
    publish_mode: str = "editorial_workflow"   # each save a merge/pull request to review
    proxy_port: int = 8081                  # decap-server on this machine (make edit)
    local: bool = False                     # built by `make edit`: the local proxy is allowed

    @classmethod
    def from_env(cls, env=os.environ) -> Settings:
        default = cls()
        backend = env.get("EDITOR_BACKEND", default.backend)
        base = env.get("EDITOR_BASE_URL") or None
        api_root = env.get("EDITOR_API_ROOT") or None
        if base and not api_root:
            api_root = base.rstrip("/") + {"gitlab": "/api/v4", "gitea": "/api/v1"}.get(backend, "")
        return cls(backend=backend, repo=env.get("EDITOR_REPO", default.repo),
                   branch=env.get("EDITOR_BRANCH", default.branch), base_url=base, api_root=api_root,
                   app_id=env.get("EDITOR_APP_ID") or None,
                   # Decap's Gitea backend has no editorial workflow: there, saves go to
                   # EDITOR_BRANCH (e.g. bien-tap) and a pull request to main is the review.
                   publish_mode=env.get("EDITOR_PUBLISH_MODE",
                                        "simple" if backend == "gitea" else default.publish_mode),
                   proxy_port=int(env.get("EDITOR_PROXY_PORT", default.proxy_port)),
                   # Only `make edit` (scripts/edit.sh) sets it: a published site's
                   # editor never talks to a proxy on the reader's own machine.
                   local=env.get("EDITOR_LOCAL") == "1")

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}/api/v1"

    def backend_config(self) -> dict:
        out = {"name": self.backend, "repo": self.repo, "branch": self.branch,
               "commit_messages": {
                   "create": "Biên tập: tạo {{collection}} “{{slug}}”",
                   "update": "Biên tập: sửa {{collection}} “{{slug}}”",
                   "delete": "Biên tập: xóa {{collection}} “{{slug}}”",
                   "uploadMedia": "Biên tập: tải lên “{{path}}”",
                   "deleteMedia": "Biên tập: xóa “{{path}}”"}}
        if self.base_url:
            out["base_url"] = self.base_url
        if self.api_root:
            out["api_root"] = self.api_root
        if self.app_id:
            out["app_id"] = self.app_id
            if self.backend == "gitlab":
                out["auth_type"] = "pkce"
        return out

    def origins(self) -> list[str]:
        """Hosts the editor talks to besides the site: the git service's API
        and sign-in, and under `make edit` only, the local proxy."""
        hosted = {"gitlab": "https://gitlab.com", "github": "https://api.github.com"}.get(self.backend)
        out = [_origin(u) for u in (self.base_url, self.api_root) if u] or ([hosted] if hosted else [])
        if self.local:
            out += [f"http://127.0.0.1:{self.proxy_port}", f"http://localhost:{self.proxy_port}"]
        return list(dict.fromkeys(out))


def _origin(url: str) -> str:
    match = re.match(r"^(https?://[^/]+)", url)
    return match.group(1) if match else url


# --- Pickers: the current items by name and citation -----------------------------

def clause_label(model: Model, doc_id: str, anchor: str) -> str:
    """'Mục 2.4 Kết luận số 14-KL/TW — Nâng cao nhận thức, …': the citation
    an editor reads, then the clause's first words to recognise it."""
    doc = model.corpus.documents[doc_id]
    clause = doc.clauses[anchor]
    words = clause.own_text.split() or clause.text.split()
    start = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    label = f"{anchors.cited(anchor)} {doc.title}"
    return f"{label} — {start}" if start else label


def clause_options(model: Model) -> list[dict]:
    """Every current clause, in reading order, as select options: label the
    citation, value 'doc#anchor'."""
    order = model.indexes.clause_order
    keys = sorted((c.key for d in model.corpus.documents.values() for c in d.clauses.values()),
                  key=lambda k: order.get(k, ()))
    return [{"label": clause_label(model, *key.split("#", 1)), "value": key} for key in keys]


def document_options(model: Model) -> list[dict]:
    docs = model.indexes.documents
    return [{"label": f"{d.title} ({d.id})", "value": d.id} for d in docs]


def body_options(model: Model) -> list[dict]:
    levels = list(vocab.BODY_LEVELS)
    bodies = sorted(model.corpus.bodies.values(),
                    key=lambda b: (levels.index(b.meta["level"]) if b.meta.get("level") in levels else 9, b.name))
    return [{"label": f"{b.name} ({b.id})", "value": b.id} for b in bodies]


def target_options(model: Model, clauses: list[dict] | None = None) -> list[dict]:
    """Documents and their clauses: what `implements` may name."""
    clauses = clause_options(model) if clauses is None else clauses
    by_doc: dict[str, list[dict]] = {}   # grouped once: a scan per document grows with documents × clauses
    for option in clauses:
        by_doc.setdefault(option["value"].partition("#")[0], []).append(option)
    out = []
    for doc in document_options(model):
        out.append(doc)
        out += by_doc.get(doc["value"], [])
    return out


# --- Fields from the schema --------------------------------------------------------

def _options(enum: dict[str, str]) -> list[dict]:
    return [{"label": label, "value": key} for key, label in enum.items()]


def _hint(spec: schema.Field) -> str:
    doc = re.sub(r";\s*null nếu [^;.]*", "", spec.doc)
    doc = re.sub(r",?\s*dd/mm/yyyy", "", doc) if spec.kind == "date" else doc
    parts = [doc[:1].upper() + doc[1:].rstrip(".") + "."]
    if spec.kind == "date":
        parts.append("Ngày dạng dd/mm/yyyy.")
    if spec.kind == "id":
        parts.append(ID_HINT)
    if spec.nullable:
        parts.append("Để trống nếu chưa rõ.")
    return " ".join(parts)


def widget(spec: schema.Field, pickers: dict[str, list[dict]], name: str | None = None) -> dict:
    """A Decap field for one schema field. `pickers` maps a field name to the
    options of the items it names (bodies, documents, clauses)."""
    name = name or spec.name
    out: dict = {"name": name, "label": LABELS.get(name, name), "hint": _hint(spec),
                 "required": spec.required and not spec.nullable}
    kind = spec.kind
    if name in pickers and kind in ("ref", "str", "list"):
        multiple = kind == "list"
        out.update(widget="select", options=pickers[name], multiple=multiple)
        if multiple and spec.required:
            out["min"] = 1
        return out
    if kind == "id":
        out.update(widget="string", pattern=[schema.ID_RE.pattern, ID_HINT])
    elif kind == "ref":
        out.update(widget="string", pattern=[schema.ID_RE.pattern, ID_HINT])
    elif kind == "str":
        out["widget"] = "text" if name in LONG_TEXT else "string"
    elif kind == "date":
        out.update(date_field(STORED_DATE))
    elif kind == "enum":
        out.update(widget="select", options=_options(spec.enum or {}))
    elif kind == "bool":
        out.update(widget="boolean", default=bool(spec.example))
    elif kind == "list":
        assert spec.item is not None
        item = spec.item
        if item.kind == "enum":
            out.update(widget="select", multiple=True, options=_options(item.enum or {}))
            if spec.required:
                out["min"] = 1
        elif item.kind == "object":
            out.update(widget="list", fields=[widget(f, pickers) for f in item.fields],
                       summary="{{fields.id}}" if any(f.name == "id" for f in item.fields) else "")
        else:
            out.update(widget="list", field=widget(item, pickers, name="item") | {"label": out["label"]})
    elif kind == "object":
        out.update(widget="object", collapsed=False, fields=[widget(f, pickers) for f in spec.fields])
    return out


def date_field(storage: str) -> dict:
    return {"widget": "ngay", "storage": storage, "pattern": [DATE_PATTERNS[storage], DATE_MESSAGE]}


def _body(kind: str) -> dict:
    # Raw Markdown: the rich-text mode would rewrite [[…]] references and
    # clause lines ({#muc-2-4}) that the build reads.
    return {"name": "body", "label": BODY_LABELS[kind], "hint": BODY_HINTS[kind],
            "widget": "markdown", "modes": ["raw"]}


def _folder(kind: str) -> str:
    return f"docs/{contract.folder_of(kind)}"


def news_collection(authors: dict[str, str], categories: list[str]) -> dict:
    return {
        "name": "tin-tuc", "label": "Tin tức", "label_singular": "tin",
        "description": ("Bài đăng ở /tin-tuc/. Lưu xong, bản dựng kiểm tra bài: lỗi hiện trong yêu cầu "
                        "duyệt (merge request), hoặc ngay trong trang xem trước khi biên tập trên máy "
                        "(make edit), kèm tệp, dòng và cách sửa."),
        "folder": f"docs/{contract.POSTS}", "create": True, "extension": "md", "format": "frontmatter",
        # The post's own date (stored ISO): Decap's {{year}} is the date field's
        # only for its own datetime widget, otherwise today's.
        "slug": "{{fields.date}}-{{slug}}", "summary": "{{title}} ({{date | date('DD/MM/YYYY')}})",
        "sortable_fields": ["date", "title"],
        "fields": [
            {"name": "title", "label": "Tiêu đề", "widget": "string", "hint": "Tiêu đề bài, viết đủ dấu."},
            {"name": "date", "label": "Ngày đăng", **date_field(POST_DATE), "default_today": True,
             "hint": "Ngày đăng bài, dd/mm/yyyy."},
            {"name": "authors", "label": "Tác giả", "widget": "select", "multiple": True, "min": 1,
             "options": [{"label": name, "value": key} for key, name in authors.items()],
             "hint": f"Tác giả có trong danh sách tác giả của trang (docs/{contract.AUTHORS})."},
            {"name": "categories", "label": "Chuyên mục", "widget": "select", "multiple": True, "min": 1,
             "options": [{"label": c, "value": c} for c in categories],
             "hint": "Một hoặc nhiều chuyên mục có sẵn."},
            {"name": "description", "label": "Mô tả ngắn", "widget": "text", "required": False,
             "hint": "Một hai câu, hiện trong kết quả tìm kiếm và khi chia sẻ."},
            {"name": "draft", "label": "Bản nháp", "widget": "boolean", "default": False, "required": False,
             "hint": "Bản nháp chỉ hiện khi xem trước, không được xuất bản."},
            # Raw Markdown only: Decap opens in rich text when allowed, and its
            # rich text saves a reference as \[[kl-14#muc-2-4]], which the build
            # no longer reads as one.
            {"name": "body", "label": "Nội dung", "widget": "markdown", "modes": ["raw"],
             "hint": ("Đoạn mở đầu, rồi một dòng <!-- more --> để tách phần tóm tắt hiện ở trang "
                      "Tin tức. Dẫn chiếu điều khoản bằng [[kl-14#muc-2-4]]; chữ đậm **như thế này**.")},
        ],
    }


def faq_collection(model: Model, clauses: list[dict]) -> dict:
    pickers = {"explains": clauses}
    return {
        "name": "hoi-dap", "label": "Hỏi đáp", "label_singular": "câu hỏi",
        "description": "Mỗi câu hỏi một tệp docs/hoi-dap/<mã>.md, trang /hoi-dap/<mã>/.",
        "folder": _folder("faq"), "create": True, "extension": "md", "format": "frontmatter",
        "identifier_field": "id", "slug": "{{slug}}", "summary": "{{question}}",
        "fields": [widget(f, pickers) for f in schema.FAQ] + [_body("faq")],
    }


def body_collection(model: Model) -> dict:
    pickers = {"parent": body_options(model)}
    return {
        "name": "co-quan", "label": "Cơ quan", "label_singular": "cơ quan",
        "description": "Mỗi cơ quan một tệp docs/co-quan/<mã>.md, trang /co-quan/<mã>/.",
        "folder": _folder("body"), "create": True, "extension": "md", "format": "frontmatter",
        "identifier_field": "id", "slug": "{{slug}}", "summary": "{{name}}",
        "fields": [widget(f, pickers) for f in schema.BODY] + [_body("body")],
    }


# Why a new document is not created here (the editor's help; the guide says
# the same): its clauses exist only once it is built, its id becomes its
# address and every reference's target, and its text must be checked against
# the official source before anything cites it.
NEW_DOCUMENT = (
    "Thông tin, nhiệm vụ và nguyên văn các văn bản đã có. Văn bản mới không tạo ở đây mà do "
    "người quản trị tạo bằng lệnh make new KIND=van-ban ID=<mã>, vì: ô “Điều khoản nêu nhiệm vụ” "
    "chỉ liệt kê được điều khoản của văn bản sau khi văn bản được dựng; mã văn bản thành địa chỉ "
    "trang và đích của mọi dẫn chiếu, không đổi được về sau; nguyên văn, mức độ đầy đủ và nguồn "
    "phải được đối chiếu với bản chính thức trước khi trang khác dẫn chiếu. Sau đó văn bản hiện "
    "ở đây để biên tập tiếp.")


def document_collection(model: Model, clauses: list[dict]) -> dict:
    """Existing documents, one form each, so a task's `stated_in` lists that
    document's own clauses. A new document starts with `make new`
    (NEW_DOCUMENT says why, in the editor)."""
    # One list object per picker, shared by every form: config.yml writes it once.
    bodies, docs, targets = body_options(model), document_options(model), target_options(model, clauses)
    # A document's own clauses, by anchor, with the labels of the shared list
    # (in the same reading order): each label is made and held once.
    own: dict[str, list[dict]] = {}
    for option in clauses:
        doc_id, _, anchor = option["value"].partition("#")
        own.setdefault(doc_id, []).append({"label": option["label"], "value": anchor})
    files = []
    for doc in model.indexes.documents:
        pickers = {"issuer": bodies, "lead": bodies, "support": bodies, "implements": targets,
                   "based_on": docs, "related": docs, "editor_implements": clauses,
                   "stated_in": own.get(doc.id, [])}
        fields = [widget(f, pickers) for f in schema.DOCUMENT]
        for f in fields:   # a document's own implements/based_on/related name documents
            if f["name"] in ("implements", "based_on", "related"):
                f["options"] = docs
        files.append({"name": doc.id, "label": doc.title, "file": f"{_folder('document')}/{doc.id}.md",
                      "fields": fields + [_body("document")]})
    return {"name": "van-ban", "label": "Văn bản", "label_singular": "văn bản",
            "description": NEW_DOCUMENT,
            "extension": "md", "format": "frontmatter", "files": files}


def config(model: Model, authors: dict[str, str], categories: list[str], settings: Settings,
           site_url: str = "") -> dict:
    clauses = clause_options(model)
    out = {
        "locale": "vi",
        "backend": settings.backend_config(),
        "publish_mode": settings.publish_mode,
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": True},
        # Every clause picker offers one list, written once in config.yml.
        "collections": [news_collection(authors, categories), faq_collection(model, clauses),
                        body_collection(model), document_collection(model, clauses)],
    }
    if settings.local:
        out["local_backend"] = {"url": settings.proxy_url}
    if site_url:
        out["site_url"] = out["display_url"] = site_url
    return out


# --- The page ---------------------------------------------------------------------

def bundle_dir(root: Path) -> Path | None:
    dist = root / DIST
    return dist if (dist / BUNDLE).exists() else None


def copy_bundle(dist: Path, dest: Path) -> int:
    """Decap's main file, its chunks and wasm (no source maps, no second
    build under other names); returns the bytes copied."""
    total = 0
    for src in dist.iterdir():
        name = src.name
        if name == BUNDLE or name.endswith("." + BUNDLE) or name.endswith(".wasm"):
            target = dest / name
            if not target.exists() or target.stat().st_size != src.stat().st_size:
                shutil.copyfile(src, target)
            total += src.stat().st_size
    return total


def nullable_shape(specs: tuple[schema.Field, ...]) -> dict:
    """Which fields are written as null when left empty: true for a
    nullable field, a nested shape for objects and lists of objects."""
    out: dict = {}
    for spec in specs:
        if spec.kind == "object" and spec.fields:
            sub = nullable_shape(spec.fields)
            if spec.nullable:
                sub["_null"] = True
            out[spec.name] = sub
        elif spec.kind == "list" and spec.item is not None and spec.item.kind == "object":
            out[spec.name] = nullable_shape(spec.item.fields)
        elif spec.nullable:
            out[spec.name] = True
    return out


PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Biên tập nội dung</title>
<link rel="icon" href="../assets/images/favicon.png">
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<link href="../assets/stylesheets/editor.css" rel="stylesheet">
</head>
<body>
%s
</body>
</html>
"""

NOT_INSTALLED = """<main style="max-width:40rem;margin:3rem auto;font-family:system-ui,sans-serif;line-height:1.5">
<h1>Trình biên tập chưa được cài đặt</h1>
<p>Bản dựng này không có trình biên tập nội dung (Decap CMS). Người quản trị
cài bằng lệnh <code>npm ci --ignore-scripts</code> (hoặc <code>make edit</code>
trên máy biên tập) rồi dựng lại trang.</p>
<p><a href="../huong-dan/">Hướng dẫn biên tập</a></p>
</main>"""


def page_policy(page_html: str, settings: Settings) -> str:
    """The site's policy (csp.policy), relaxed only as far as Decap needs:
    it compiles its config schema at run time ('unsafe-eval'), shows images
    it has just read as blob: and data: URLs, and talks to the git service
    and, on a local machine, to decap-server."""
    extra = " ".join(settings.origins())
    parts = []
    for part in csp.policy(page_html).split("; "):
        name = part.split(" ", 1)[0]
        if name == "script-src":
            part += " 'unsafe-eval'"
        elif name == "connect-src":
            part += f" {extra} blob: data:"
        elif name == "img-src":
            part += f" blob: {extra}"
        elif name == "form-action":
            part = "form-action 'self'"
        parts.append(part)
    return "; ".join(parts)


def write_config(path: Path, cfg: dict) -> None:
    """config.yml. YAML rather than JSON (which is YAML too, and faster to
    write): a picker list shared by every document's form is written once
    and referred to by an alias; JSON would repeat it in each form, a file
    growing with documents times clauses. Streamed (hooks/publish/yaml_stream.py):
    the file is the largest the build writes, at the end, when memory peaks."""
    with path.open("w", encoding="utf-8") as out:
        out.write("# Generated at build time from hooks/model/schema.py and the content; do not edit.\n")
        yaml_stream.dump(cfg, out)


def editor_data(site_dir: Path) -> dict:
    """What docs/assets/javascripts/editor.js needs from this build."""
    styles = sorted(f"../assets/stylesheets/{p.name}" for p in (site_dir / "assets" / "stylesheets").glob("*.css")
                    if p.name.startswith(("main.", "palette.")))
    styles.append("../assets/stylesheets/site.css")
    return {"styles": styles,
            "nullable": {"hoi-dap": nullable_shape(schema.FAQ), "co-quan": nullable_shape(schema.BODY),
                         "van-ban": nullable_shape(schema.DOCUMENT)},
            # collections of items whose folder also holds the section page (index.md)
            "items": ["hoi-dap", "co-quan"]}


def write(site_dir: Path, root: Path, cfg: dict, settings: Settings) -> dict:
    """Write /bien-tap/: config.yml, the page and (when installed) Decap's
    files. Returns what was written, for the build log."""
    out_dir = site_dir / FOLDER
    out_dir.mkdir(parents=True, exist_ok=True)
    write_config(out_dir / "config.yml", cfg)
    dist = bundle_dir(root)
    if dist is None:
        body = NOT_INSTALLED
        size = 0
    else:
        size = copy_bundle(dist, out_dir)
        (out_dir / "editor-data.js").write_text(
            "// Generated by hooks/publish/editor_config.py for ../assets/javascripts/editor.js.\n"
            f"window.KL_EDITOR = {json.dumps(editor_data(site_dir), ensure_ascii=False)};\n", encoding="utf-8")
        body = "\n".join(f'<script src="{src}"></script>' for src in
                         (BUNDLE, "editor-data.js", "../assets/javascripts/editor.js"))
    page = PAGE % body
    tag = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(page_policy(page, settings))}">'
    page = page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n' + tag, 1)
    (out_dir / "index.html").write_text(page, encoding="utf-8")
    return {"installed": dist is not None, "bytes": size}
