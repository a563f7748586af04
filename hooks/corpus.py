"""Collect: read every content file once, validate it, build the model.

The model holds documents with their clauses and bodies. Later stages
(rendering, references, export) read only this model, never the files.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import anchors, clauses as clause_parser, dates, frontmatter, schema, textnorm, vocab
from .errors import ErrorSink

DOCS_DIR = "van-ban"
BODIES_DIR = "co-quan"


@dataclass
class Clause:
    doc_id: str
    anchor: str
    heading: str          # 'Mục 2.4'
    phrase: str           # 'mục 2.4' as prose names it
    text: str             # plain words, children included
    own_text: str
    source: str           # own Markdown
    available: bool
    provisional: bool
    parent: str | None
    children: list[str]
    depth: int
    line: int

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.anchor}"


@dataclass
class Document:
    id: str
    path: Path
    meta: dict[str, Any]
    issued: dt.date | None   # None: not known yet
    effective: dt.date | None
    clauses: dict[str, Clause]
    blocks: list[clause_parser.Block]

    @property
    def type_label(self) -> str:
        return vocab.DOC_TYPES.get(self.meta["type"] or "", vocab.UNKNOWN_DOC_TYPE)

    @property
    def title(self) -> str:
        """'Kết luận số 14-KL/TW'."""
        if not self.meta["number"]:
            return f"{self.type_label} chưa rõ số hiệu ({self.id})"
        return f"{self.type_label} số {self.meta['number']}"

    @property
    def sort_key(self) -> tuple:
        # Documents whose date is not known yet come last.
        return (self.issued or dt.date.max, self.id)

    @property
    def summary(self) -> str:
        return self.meta["summary"] or vocab.UNKNOWN

    @property
    def url(self) -> str:
        return f"{DOCS_DIR}/{self.id}/"

    @property
    def completeness(self) -> str:
        return self.meta["text"]["completeness"]

    def links(self, kind: str) -> list[str]:
        return list(self.meta.get(kind) or [])


@dataclass
class Body:
    id: str
    path: Path
    meta: dict[str, Any]

    @property
    def name(self) -> str:
        return self.meta["name"]

    @property
    def short_name(self) -> str:
        return self.meta.get("short_name") or self.meta["name"]

    @property
    def url(self) -> str:
        return f"{BODIES_DIR}/{self.id}/"


@dataclass
class Corpus:
    root: Path
    docs_dir: Path
    documents: dict[str, Document] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)

    def citation_title(self, doc: Document) -> str:
        """'Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị'."""
        text = doc.title
        if doc.issued:
            text += f" ngày {dates.format_admin(doc.issued)}"
        if doc.meta["issuer"] in self.bodies:
            text += f" của {self.bodies[doc.meta['issuer']].name}"
        return text

    def citation(self, clause: Clause) -> str:
        return f"{anchors.cited(clause.anchor)} {self.citation_title(self.documents[clause.doc_id])}"

    def ids(self) -> dict[str, str]:
        """Every public id with its kind."""
        out = {i: "document" for i in self.documents}
        out.update({i: "body" for i in self.bodies})
        return out


def nearest(target: str, candidates: list[str], n: int = 3) -> list[str]:
    """The closest valid ids, for error messages."""
    close = difflib.get_close_matches(target, candidates, n=n, cutoff=0.0)
    return close[:n]


def _read(path: Path, sink: ErrorSink) -> frontmatter.Source | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        sink.add(path, None, f"tệp không phải UTF-8 ({exc.reason}).", f"file is not UTF-8 ({exc.reason}).",
                 "lưu lại tệp với mã hóa UTF-8.", "save the file as UTF-8.")
        return None
    bad = textnorm.first_non_nfc(text)
    if bad:
        sink.add(path, bad[0], f"văn bản không ở dạng chuẩn Unicode NFC (cột {bad[1]}); "
                 "trang từ chối tệp này thay vì tự sửa, để tệp gốc và trang luôn giống nhau.",
                 f"text is not in Unicode NFC (column {bad[1]}); the build rejects it rather than "
                 "normalising silently, so the file and the site never differ.",
                 "chạy 'make nfc' để chuẩn hóa mọi tệp trong docs/.",
                 "run 'make nfc' to normalise every file under docs/.")
        return None
    try:
        return frontmatter.split(text)
    except frontmatter.FrontMatterError as exc:
        sink.add(path, exc.line, f"phần đầu YAML không đọc được: {exc.problem}.",
                 f"the YAML front matter does not parse: {exc.problem}.",
                 "kiểm tra thụt lề, dấu ':' sau mỗi khóa và đặt chuỗi có ':' hoặc '#' trong ngoặc kép.",
                 "check indentation, the ':' after each key, and quote text containing ':' or '#'.")
        return None


def _validate(path: Path, src: frontmatter.Source, specs: tuple[schema.Field, ...],
              sink: ErrorSink) -> bool:
    problems = schema.validate(specs + schema.PAGE_KEYS, src.meta)
    problems = [p for p in problems if not (p.field in {s.name for s in schema.PAGE_KEYS}
                                            and p.vi == "thiếu trường bắt buộc.")]
    for p in problems:
        top = p.field.split(".")[0].split("[")[0]
        line = src.key_lines.get(top, 1)
        sink.add(path, line, f"trường '{p.field}': {p.vi}", f"field '{p.field}': {p.en}",
                 p.fix_vi, p.fix_en, field=p.field)
    return not problems


def _check_file_name(path: Path, src: frontmatter.Source, sink: ErrorSink) -> bool:
    """The id is the URL, so it must be the file's name."""
    if src.meta["id"] == path.stem:
        return True
    sink.add(path, src.key_lines.get("id"), f"mã {src.meta['id']!r} khác tên tệp {path.name!r}.",
             f"id {src.meta['id']!r} differs from the file name {path.name!r}.",
             f"đặt id: {path.stem} hoặc đổi tên tệp thành {src.meta['id']}.md.",
             f"set id: {path.stem} or rename the file to {src.meta['id']}.md.", field="id")
    return False


def _content_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md") if folder.is_dir() else []


def load(docs_dir: Path, root: Path | None = None) -> Corpus:
    """Read and validate all content; raise ContentErrors listing every problem."""
    docs_dir = Path(docs_dir)
    root = Path(root) if root else docs_dir.parent
    sink = ErrorSink(root)
    corpus = Corpus(root, docs_dir)
    seen: dict[str, Path] = {}

    def claim(ident: str, path: Path, line: int | None) -> bool:
        if ident in seen:
            sink.add(path, line, f"mã {ident!r} đã được dùng ở {sink.rel(seen[ident])}.",
                     f"id {ident!r} is already used by {sink.rel(seen[ident])}.",
                     "mỗi văn bản, cơ quan, hỏi đáp cần một mã riêng trên toàn trang.",
                     "ids are unique across documents, bodies and FAQs.", field="id")
            return False
        seen[ident] = path
        return True

    for path in _content_files(docs_dir / BODIES_DIR):
        src = _read(path, sink)
        if (src and _validate(path, src, schema.BODY, sink)
                and claim(src.meta["id"], path, src.key_lines.get("id")) and _check_file_name(path, src, sink)):
            corpus.bodies[src.meta["id"]] = Body(src.meta["id"], path, src.meta)

    sources: dict[str, frontmatter.Source] = {}
    for path in _content_files(docs_dir / DOCS_DIR):
        src = _read(path, sink)
        if not (src and _validate(path, src, schema.DOCUMENT, sink)
                and claim(src.meta["id"], path, src.key_lines.get("id")) and _check_file_name(path, src, sink)):
            continue
        parsed = clause_parser.parse(src.body, src.body_line)
        for line, vi, en, fix_vi, fix_en in parsed.problems:
            sink.add(path, line, vi, en, fix_vi, fix_en)
        meta = src.meta
        corpus.documents[meta["id"]] = Document(
            meta["id"], path, meta, dates.parse_dmy(meta["issued"]) if meta.get("issued") else None,
            dates.parse_dmy(meta["effective"]) if meta.get("effective") else None,
            _model_clauses(meta["id"], parsed.clauses), parsed.blocks)
        sources[meta["id"]] = src

    # Other Markdown pages are checked for encoding and NFC too.
    for path in sorted(docs_dir.rglob("*.md")):
        if path.parent.name not in (DOCS_DIR, BODIES_DIR) or path.name == "index.md":
            _read(path, sink)

    # Files that exist but failed validation are already reported; links to
    # them are not reported again as links to nothing.
    broken = {p.stem for p in _content_files(docs_dir / DOCS_DIR) + _content_files(docs_dir / BODIES_DIR)}
    _check_links(corpus, sources, sink, broken - set(corpus.documents) - set(corpus.bodies))
    sink.raise_if_any()
    return corpus


def _model_clauses(doc_id: str, parsed: dict[str, clause_parser.Clause]) -> dict[str, Clause]:
    return {
        a: Clause(doc_id, a, anchors.heading(a), anchors.phrase(a),
                  clause_parser.full_text(parsed, a), clause_parser.plain_text(c.source), c.source,
                  c.available, c.provisional, c.parent, list(c.children), c.depth, c.line)
        for a, c in parsed.items()
    }


def _check_links(corpus: Corpus, sources: dict[str, frontmatter.Source], sink: ErrorSink,
                 broken: set[str]) -> None:
    body_ids = sorted(corpus.bodies)
    doc_ids = sorted(corpus.documents)
    for body in corpus.bodies.values():
        parent = body.meta.get("parent")
        if parent and parent not in corpus.bodies and parent not in broken:
            sink.add(body.path, None, f"cơ quan cấp trên {parent!r} không tồn tại.",
                     f"parent body {parent!r} does not exist.",
                     f"các mã gần nhất: {', '.join(nearest(parent, body_ids))}.",
                     f"nearest ids: {', '.join(nearest(parent, body_ids))}.", field="parent")
    for doc in corpus.documents.values():
        lines = sources[doc.id].key_lines
        issuer = doc.meta["issuer"]
        if issuer is not None and issuer not in corpus.bodies and issuer not in broken:
            sink.add(doc.path, lines.get("issuer"), f"cơ quan ban hành {issuer!r} không tồn tại.",
                     f"issuer {issuer!r} is not a known body.",
                     f"dùng mã trong docs/co-quan/, gần nhất: {', '.join(nearest(issuer, body_ids))}.",
                     f"use an id from docs/co-quan/, nearest: {', '.join(nearest(issuer, body_ids))}.",
                     field="issuer")
        for kind in ("implements", "based_on", "related"):
            for target in doc.links(kind):
                if target == doc.id:
                    sink.add(doc.path, lines.get(kind), f"văn bản không thể tự liên kết với chính nó ({kind}).",
                             f"a document cannot point to itself ({kind}).",
                             f"bỏ {target!r} khỏi '{kind}'.", f"remove {target!r} from '{kind}'.", field=kind)
                elif target not in corpus.documents and target not in broken:
                    near = ", ".join(nearest(target, doc_ids))
                    sink.add(doc.path, lines.get(kind), f"văn bản {target!r} trong '{kind}' không tồn tại.",
                             f"document {target!r} in '{kind}' does not exist.",
                             f"các mã văn bản gần nhất: {near}.", f"nearest document ids: {near}.", field=kind)
    _check_cycles(corpus, sources, sink)


def _check_cycles(corpus: Corpus, sources: dict[str, frontmatter.Source], sink: ErrorSink) -> None:
    """'implements' and 'based_on' must form a DAG: a cycle means a typo."""
    edges = {d.id: [t for k in ("implements", "based_on") for t in d.links(k)
                    if t in corpus.documents and t != d.id] for d in corpus.documents.values()}
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    doc = corpus.documents[node]
                    chain = " → ".join(cycle)
                    sink.add(doc.path, sources[node].key_lines.get("implements"),
                             f"quan hệ thực hiện/căn cứ tạo thành vòng: {chain}.",
                             f"implements/based_on form a cycle: {chain}.",
                             "một văn bản chỉ thực hiện văn bản ban hành trước nó; bỏ một liên kết trong vòng.",
                             "a document implements only earlier ones; remove one link of the cycle.",
                             field="implements")
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for doc_id in sorted(edges):
        if doc_id not in state:
            visit(doc_id, [doc_id])
