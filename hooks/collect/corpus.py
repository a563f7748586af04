"""Collect: read every content file once, validate it, build the model.

The model holds documents with their clauses and bodies. Later stages
(rendering, references, export) read only this model, never the files.
"""
from __future__ import annotations

from pathlib import Path

from hooks import contract
from hooks.collect import clauses as clause_parser
from hooks.collect import faq as faq_mod
from hooks.collect import redirects
from hooks.model import anchors, schema
from hooks.model.corpus import Block, Body, Clause, Corpus, Document, Page, Task
from hooks.model.errors import ErrorSink, nearest, shown
from hooks.text import dates, docnumbers, frontmatter, markdown_scan, textnorm

KIND_NAMES = {"document": "văn bản", "body": "cơ quan", "faq": "hỏi đáp", "news": "tin tức", "page": "trang"}
# Front-matter keys only one kind has: which kind a file is, whatever its folder.
_OWN_KEYS = {"document": {"number", "issuer", "legal_status", "tasks"}, "body": {"level", "short_name"},
             "faq": {"question", "explains", "audience"}, "news": {"authors", "categories", "date"}}


def _belongs_elsewhere(kind: str, meta: dict) -> str | None:
    """The kind a file's keys say it is, when its folder says another."""
    if kind not in _OWN_KEYS:
        return None
    scores = {k: len(keys & set(meta)) for k, keys in _OWN_KEYS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if best != kind and scores[best] >= 2 and scores[kind] == 0 else None


def _read(path: Path, sink: ErrorSink) -> frontmatter.Source | None:
    try:
        text = markdown_scan.read(path)   # a byte-order mark dropped, as MkDocs does
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
        sink.add(path, exc.line, f"phần đầu YAML không đọc được: {exc.problem_vi}.",
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
        line = frontmatter.line_of(src.key_lines, p.field)
        sink.add(path, line, f"trường '{p.field}': {p.vi}", f"field '{p.field}': {p.en}",
                 p.fix_vi, p.fix_en, field=p.field)
    return not problems


def _check_file_name(path: Path, src: frontmatter.Source, sink: ErrorSink) -> bool:
    """The id is the URL, so it must be the file's name."""
    if src.meta["id"] == path.stem:
        return True
    if not schema.ID_RE.match(path.stem):
        # 'Sở Tài chính.md': the name becomes the page's address, so it must be an id itself.
        slug = textnorm.slugify(path.stem) or "ma-moi"
        sink.add(path, None, f"tên tệp “{path.name}” không dùng được làm địa chỉ trang (chỉ chữ thường không dấu, "
                 "số và dấu gạch ngang).", f"the file name “{path.name}” is not a valid id.",
                 f"đổi tên tệp thành {slug}.md và ghi id: {slug}.", f"rename it {slug}.md with id: {slug}.")
        return False
    sink.add(path, src.key_lines.get("id"), f"mã “{src.meta['id']}” khác tên tệp “{path.name}”.",
             f"id “{src.meta['id']}” differs from the file name “{path.name}”.",
             f"đặt id: {path.stem} hoặc đổi tên tệp thành {src.meta['id']}.md.",
             f"set id: {path.stem} or rename the file to {src.meta['id']}.md.", field="id")
    return False


def _content_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md") if folder.is_dir() else []


def load(docs_dir: Path, root: Path | None = None, sink: ErrorSink | None = None) -> Corpus:
    """Read and validate all content. Problems go to `sink`, and files that
    fail are left out of the corpus (their ids listed in `corpus.broken`), so
    later stages can go on and report their own errors in the same run.
    Without a sink, raise ContentErrors listing every problem."""
    docs_dir = Path(docs_dir)
    root = Path(root) if root else docs_dir.parent
    own_sink = sink is None
    sink = ErrorSink(root) if sink is None else sink
    corpus = Corpus(root, docs_dir)
    seen: dict[str, Path] = {}

    def claim(ident: str, path: Path, line: int | None) -> bool:
        if ident in seen:
            sink.add(path, line, f"mã {shown(ident)} đã được dùng ở {sink.rel(seen[ident])}.",
                     f"id {shown(ident)} is already used by {sink.rel(seen[ident])}.",
                     "mỗi văn bản, cơ quan, hỏi đáp cần một mã riêng trên toàn trang.",
                     "ids are unique across documents, bodies and FAQs.", field="id")
            return False
        seen[ident] = path
        return True

    sources: dict[str, frontmatter.Source] = {}
    # FAQs claim their ids last, so an FAQ that takes a document's or body's
    # id is the file reported, not the document.
    def claims_late(path: Path) -> tuple[bool, Path]:
        return contract.page_kind(path.relative_to(docs_dir).as_posix()) == "faq", path

    for path in sorted(docs_dir.rglob("*.md"), key=claims_late):
        src_uri = path.relative_to(docs_dir).as_posix()
        kind = contract.page_kind(src_uri)
        src = _read(path, sink)
        if src is None:
            continue
        if kind != "page" and src.body_line == 1:
            # No front matter at all: one error that says so, not one per missing field.
            first = src.body.split("\n", 1)[0]
            sink.add(path, 1, "tệp thiếu phần đầu: dòng đầu tiên phải là '---', rồi các dòng 'tên-trường: giá trị', "
                     "rồi một dòng '---' nữa.", "the file has no front matter: its first line must be '---'.",
                     f"thêm một dòng '---' trước dòng 1 (“{first[:40]}”), và kiểm tra có dòng '---' đóng phần đầu.",
                     "add a '---' line before line 1 and check the closing '---'.")
            continue
        elsewhere = _belongs_elsewhere(kind, src.meta)
        if elsewhere is not None:
            # One error for a file in the wrong folder, not one per field.
            right = f"docs/{contract.folder_of(elsewhere) if elsewhere != 'news' else contract.POSTS}/{path.name}"
            sink.add(path, 1, f"tệp này là {KIND_NAMES[elsewhere]} nhưng nằm trong thư mục của "
                     f"{KIND_NAMES[kind]}.", f"this file is a {elsewhere} but sits in the {kind} folder.",
                     f"chuyển tệp sang {right}.", f"move it to {right}.")
            continue
        blocks = [Block(markdown=src.body, line=src.body_line)]
        if kind == "body":
            if not (_validate(path, src, schema.BODY, sink) and claim(src.meta["id"], path, src.key_lines.get("id"))
                    and _check_file_name(path, src, sink)):
                continue
            corpus.bodies[src.meta["id"]] = Body(src.meta["id"], path, src.meta)
        elif kind == "document":
            if not (_validate(path, src, schema.DOCUMENT, sink)
                    and claim(src.meta["id"], path, src.key_lines.get("id")) and _check_file_name(path, src, sink)):
                continue
            parsed = clause_parser.parse(src.body, src.body_line)
            for line, vi, en, fix_vi, fix_en in parsed.problems:
                sink.add(path, line, vi, en, fix_vi, fix_en)
            meta = src.meta
            doc = Document(meta["id"], path, meta, dates.parse_dmy(meta["issued"]) if meta.get("issued") else None,
                           dates.parse_dmy(meta["effective"]) if meta.get("effective") else None,
                           _model_clauses(meta["id"], parsed.clauses), parsed.blocks)
            doc.tasks = _model_tasks(doc, src)
            corpus.documents[doc.id] = doc
            sources[doc.id] = src
            blocks = parsed.blocks
        elif kind == "faq":
            if not (_validate(path, src, schema.FAQ, sink) and claim(src.meta["id"], path, src.key_lines.get("id"))
                    and _check_file_name(path, src, sink) and faq_mod.check_own(path, src, sink)):
                continue
            corpus.faqs[src.meta["id"]] = faq_mod.from_source(src_uri, path, src)
        corpus.pages[src_uri] = Page(src_uri, path, kind, src.meta, blocks, src.key_lines)

    # Files that exist but failed validation are already reported; links to
    # them are not reported again as links to nothing.
    broken = {p.stem for folder in contract.ID_FOLDERS for p in _content_files(docs_dir / folder)}
    broken -= set(corpus.documents) | set(corpus.bodies) | set(corpus.faqs)
    corpus.broken = broken
    redirects.check(corpus, sources, sink)
    redirects.apply(corpus)
    _check_numbers(corpus, sources, sink)
    _check_links(corpus, sources, sink, broken)
    _check_tasks(corpus, sources, sink, broken)
    faq_mod.check_explains(corpus, sink, broken)
    for page in corpus.pages.values():
        page.title = _title(corpus, page)
    if own_sink:
        sink.raise_if_any()
    for doc in sorted(corpus.documents.values(), key=lambda d: d.sort_key):
        for kind in ("implements", "based_on", "related"):
            for target in doc.links(kind):
                corpus.reverse.setdefault(kind, {}).setdefault(target, []).append(doc.id)
    return corpus


def _title(corpus: Corpus, page: Page) -> str:
    stem = page.src.rpartition("/")[2][:-3]
    if page.kind == "document" and stem in corpus.documents:
        return corpus.documents[stem].title
    if page.kind == "body" and stem in corpus.bodies:
        return corpus.bodies[stem].name
    if page.kind == "faq" and stem in corpus.faqs:
        return corpus.faqs[stem].question
    if page.meta.get("title"):
        return str(page.meta["title"])
    for block in page.blocks:
        for line in markdown_scan.prose_lines(block.markdown):
            if line.text.startswith("# "):
                return line.text[2:].strip()
    return stem


def _model_tasks(doc: Document, src: frontmatter.Source) -> dict[str, Task]:
    tasks = {}
    for i, t in enumerate(src.meta.get("tasks") or []):
        tasks[t["id"]] = Task(doc.id, t["id"], t["what"], t["stated_in"], t.get("lead"), list(t.get("support") or []),
                              dates.parse_dmy(t["deadline"]) if t.get("deadline") else None,
                              list(t.get("implements") or []), list(t.get("editor_implements") or []),
                              frontmatter.line_of(src.key_lines, f"tasks[{i}]"))
    return tasks


def target_exists(corpus: Corpus, target: str) -> bool:
    """'kl-14' or 'kl-14#muc-2-4': a document or one of its clauses or tasks."""
    doc_id, _, anchor = target.partition("#")
    doc = corpus.documents.get(doc_id)
    return doc is not None and (not anchor or anchor in doc.clauses or anchor in doc.tasks)


def _check_tasks(corpus: Corpus, sources: dict[str, frontmatter.Source], sink: ErrorSink, broken: set[str]) -> None:
    """Tasks name real bodies and clauses, and quote the clause that states them."""
    body_ids = sorted(corpus.bodies)
    targets = sorted([d for d in corpus.documents] + [f"{d.id}#{a}" for d in corpus.documents.values()
                                                      for a in d.clauses])
    for doc in corpus.documents.values():
        lines = sources[doc.id].key_lines
        seen: set[str] = set()
        for i, task in enumerate(doc.tasks.values()):
            path = f"tasks[{i}]"

            def err(field_: str, vi: str, en: str, fix_vi: str, fix_en: str) -> None:
                sink.add(doc.path, frontmatter.line_of(lines, f"{path}.{field_}"), vi, en, fix_vi, fix_en,
                         field=f"{path}.{field_}")

            if task.id in seen:
                err("id", f"mã nhiệm vụ {shown(task.id)} bị trùng.", f"duplicate task id {shown(task.id)}.",
                    "đánh số nhiệm vụ lần lượt: nhiem-vu-1, nhiem-vu-2 …", "number tasks nhiem-vu-1, nhiem-vu-2 …")
            seen.add(task.id)
            for role, body_id in [("lead", task.lead)] + [(f"support[{j}]", b) for j, b in enumerate(task.support)]:
                if body_id and body_id not in corpus.bodies and body_id not in broken:
                    near = ", ".join(nearest(body_id, body_ids))
                    err(role, f"cơ quan {shown(body_id)} không tồn tại.", f"unknown body {shown(body_id)}.",
                        f"dùng mã trong docs/co-quan/, gần nhất: {near}.", f"use a body id; nearest: {near}.")
            clause = doc.clauses.get(task.stated_in)
            if clause is None:
                near = ", ".join(nearest(task.stated_in, list(doc.clauses)))
                err("stated_in", f"điều khoản {shown(task.stated_in)} không có trong văn bản này.",
                    f"clause {shown(task.stated_in)} is not in this document.",
                    f"các mã gần nhất: {near}.", f"nearest anchors: {near}.")
            elif _words(task.what).rstrip(";.") not in _words(clause.text):
                err("what", f"nội dung nhiệm vụ không trích nguyên văn từ {shown(task.stated_in)}.",
                    f"'what' is not quoted word for word from {shown(task.stated_in)}.",
                    "chép đúng lời văn của điều khoản nêu nhiệm vụ.", "copy the words of the stating clause exactly.")
            for kind in ("implements", "editor_implements"):
                for j, target in enumerate(getattr(task, kind)):
                    if not target_exists(corpus, target) and target.partition("#")[0] not in broken:
                        near = ", ".join(nearest(target, targets))
                        err(f"{kind}[{j}]", f"không có văn bản hoặc điều khoản {shown(target)}.",
                            f"{shown(target)} is neither a document nor a clause.",
                            f"các đích gần nhất: {near}.", f"nearest targets: {near}.")


def _words(text: str) -> str:
    return " ".join(text.split())


def _model_clauses(doc_id: str, parsed: dict[str, clause_parser.Clause]) -> dict[str, Clause]:
    own = {a: clause_parser.plain_text(c.source) for a, c in parsed.items()}
    return {
        a: Clause(doc_id, a, anchors.heading(a), anchors.phrase(a),
                  clause_parser.full_text(parsed, a, own), own[a], c.source,
                  c.available, c.provisional, c.parent, list(c.children), c.depth, c.line, c.source_line)
        for a, c in parsed.items()
    }


def _check_numbers(corpus: Corpus, sources: dict[str, frontmatter.Source], sink: ErrorSink) -> None:
    """One number, one document: a second file with a number already used
    (in any spelling: 14-KL/TW, 14-KL/TƯ) is a copy or a typo."""
    first: dict[str, Document] = {}
    for doc in sorted(corpus.documents.values(), key=lambda d: d.id):
        number = doc.meta["number"]
        if not number:
            continue
        key = docnumbers.canonical(number)
        if key not in first:
            first[key] = doc
            continue
        other = first[key]
        sink.add(doc.path, sources[doc.id].key_lines.get("number"),
                 f"số hiệu “{number}” đã là số của {other.id} ({sink.rel(other.path)}).",
                 f"number “{number}” already belongs to {other.id} ({sink.rel(other.path)}).",
                 f"mỗi văn bản một số hiệu: sửa số hiệu, hoặc bỏ tệp nếu là bản sao của {other.id}.",
                 f"one number per document: fix it, or remove the file if it copies {other.id}.", field="number")


def _check_links(corpus: Corpus, sources: dict[str, frontmatter.Source], sink: ErrorSink,
                 broken: set[str]) -> None:
    body_ids = sorted(corpus.bodies)
    doc_ids = sorted(corpus.documents)
    for body in corpus.bodies.values():
        parent = body.meta.get("parent")
        if parent and parent not in corpus.bodies and parent not in broken:
            near = ", ".join(nearest(parent, _other_ids(body_ids, body.id)))
            sink.add(body.path, corpus.pages[body.src].key_lines.get("parent"),
                     f"cơ quan cấp trên {shown(parent)} không tồn tại.",
                     f"parent body {shown(parent)} does not exist.",
                     f"các mã gần nhất: {near}.", f"nearest ids: {near}.", field="parent")
    _check_body_cycles(corpus, body_ids, sink)
    for doc in corpus.documents.values():
        lines = sources[doc.id].key_lines
        issuer = doc.meta["issuer"]
        if issuer is not None and issuer not in corpus.bodies and issuer not in broken:
            near = ", ".join(nearest(issuer, body_ids))
            sink.add(doc.path, lines.get("issuer"), f"cơ quan ban hành {shown(issuer)} không tồn tại.",
                     f"issuer {shown(issuer)} is not a known body.",
                     f"dùng mã trong docs/co-quan/, gần nhất: {near}.",
                     f"use an id from docs/co-quan/, nearest: {near}.", field="issuer")
        for kind in ("implements", "based_on", "related"):
            for target in doc.links(kind):
                if target == doc.id:
                    sink.add(doc.path, lines.get(kind), f"văn bản không thể tự liên kết với chính nó ({kind}).",
                             f"a document cannot point to itself ({kind}).",
                             f"bỏ {shown(target)} khỏi '{kind}'.", f"remove {shown(target)} from '{kind}'.", field=kind)
                elif target not in corpus.documents and target not in broken:
                    near = ", ".join(nearest(target, doc_ids))
                    sink.add(doc.path, lines.get(kind), f"văn bản {shown(target)} trong '{kind}' không tồn tại.",
                             f"document {shown(target)} in '{kind}' does not exist.",
                             f"các mã văn bản gần nhất: {near}.", f"nearest document ids: {near}.", field=kind)
    _check_cycles(corpus, sources, sink)


def _other_ids(ids: list[str], own: str) -> list[str]:
    """The ids a body's wrong parent may be fixed with: a body is never its
    own parent, so never the fix for one. Made only for a message."""
    return [i for i in ids if i != own]


def _check_body_cycles(corpus: Corpus, body_ids: list[str], sink: ErrorSink) -> None:
    """Parents must lead up to a body without one: a chain that comes back
    (a → a, a → b → a) is a typo, and each body would list itself or the
    other above and below it. Reported once per cycle, on its first body's
    'parent' line."""
    done: set[str] = set()
    for start in body_ids:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node in corpus.bodies and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = corpus.bodies[node].meta.get("parent")
        done.update(path)
        if node not in on_path:
            continue
        cycle = path[path.index(node):]
        first = corpus.bodies[min(cycle)]
        line = corpus.pages[first.src].key_lines.get("parent")
        if len(cycle) == 1:
            near = ", ".join(nearest(first.id, _other_ids(body_ids, first.id)))
            sink.add(first.path, line, "cơ quan không thể là cấp trên của chính nó.",
                     "a body cannot be its own parent.",
                     f"để null nếu không có cấp trên, hoặc dùng mã cơ quan cấp trên; gần nhất: {near}.",
                     f"null if it has none, or the parent's id; nearest: {near}.", field="parent")
            continue
        at = cycle.index(first.id)
        chain = " → ".join(cycle[at:] + cycle[:at] + [first.id])
        sink.add(first.path, line,
                 f"các cơ quan cấp trên tạo thành vòng: {chain}.", f"parent bodies form a cycle: {chain}.",
                 "cơ quan cao nhất để parent: null; sửa một mã trong vòng.",
                 "the topmost body has parent: null; fix one id of the cycle.", field="parent")


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
