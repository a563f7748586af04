"""FAQ entries (hỏi đáp): the model and the checks that need the whole corpus.

One file per question under docs/hoi-dap/. The front matter follows
`schema.FAQ`; the body is the answer in plain Vietnamese. An entry is an
explanation, never law: it names the clauses it explains (`explains`), and
the pages show those clauses' own text beside the answer.
"""
from __future__ import annotations

import re
from pathlib import Path

from hooks.model import vocab
from hooks.model.corpus import Corpus, Faq
from hooks.model.errors import ErrorSink, nearest, shown
from hooks.text import dates, frontmatter

_COMMENT = re.compile(r"<!--.*?-->", re.S)


def from_source(src_uri: str, path: Path, src: frontmatter.Source) -> Faq:
    """The entry of a file whose front matter already passed `schema.FAQ`."""
    meta = src.meta
    audience = list(dict.fromkeys(meta["audience"]))   # keep order, drop repeats
    return Faq(meta["id"], path, src_uri, " ".join(str(meta["question"]).split()), audience, meta["topic"],
               list(dict.fromkeys(meta["explains"])),
               dates.parse_dmy(meta["reviewed"]) if meta.get("reviewed") else None, dict(src.key_lines))


def has_answer(body: str) -> bool:
    """An answer is any text left once comments and blank lines are gone."""
    return bool(_COMMENT.sub("", body).strip())


def check_own(path: Path, src: frontmatter.Source, sink: ErrorSink) -> bool:
    """What one file can get wrong on its own: empty lists, an empty answer."""
    ok = True
    lines = src.key_lines
    if not src.meta["audience"]:
        ok = False
        sink.add(path, lines.get("audience"), "chưa ghi hỏi đáp này dành cho ai.",
                 "the entry names no audience.",
                 f"ghi ít nhất một trong: {', '.join(vocab.AUDIENCES)}, ví dụ 'audience: [cong-dan]'.",
                 f"name at least one of: {', '.join(vocab.AUDIENCES)}, e.g. 'audience: [cong-dan]'.",
                 field="audience")
    if not src.meta["explains"]:
        ok = False
        sink.add(path, lines.get("explains"), "hỏi đáp phải giải thích ít nhất một điều khoản.",
                 "an FAQ entry must explain at least one clause.",
                 "ghi điều khoản được giải thích, ví dụ 'explains: [kl-14#muc-2-4]'.",
                 "list the clauses it explains, e.g. 'explains: [kl-14#muc-2-4]'.", field="explains")
    if not has_answer(src.body):
        ok = False
        sink.add(path, src.body_line, "chưa có câu trả lời: phần thân tệp (sau dòng '---' thứ hai) đang trống.",
                 "no answer: the body of the file (after the second '---') is empty.",
                 "viết câu trả lời bằng lời dễ hiểu dưới phần đầu tệp, dẫn chiếu điều khoản bằng [[kl-14#muc-2-4]].",
                 "write the answer in plain Vietnamese below the front matter, citing clauses with [[kl-14#muc-2-4]].",
                 field="answer")
    return ok


def check_explains(corpus: Corpus, sink: ErrorSink, broken: set[str]) -> None:
    """Every `explains` entry is a clause of a document that exists."""
    clause_keys = sorted(c.key for d in corpus.documents.values() for c in d.clauses.values())
    for entry in corpus.faqs.values():
        for i, target in enumerate(entry.explains):
            doc_id, sep, anchor = target.partition("#")
            if doc_id in broken:
                continue   # the document itself is already reported
            doc = corpus.documents.get(doc_id)
            if sep and anchor and doc is not None and anchor in doc.clauses:
                continue
            if doc is not None and not anchor:
                vi = f"{shown(target)} là cả văn bản; 'explains' cần một điều khoản của văn bản."
                en = f"{shown(target)} is a whole document; 'explains' needs one of its clauses."
                near = [c for c in clause_keys if c.startswith(doc_id + "#")][:5] or nearest(target, clause_keys)
            else:
                vi = f"không có điều khoản {shown(target)}."
                en = f"there is no clause {shown(target)}."
                near = nearest(target, clause_keys)
            sink.add(entry.path, frontmatter.line_of(entry.key_lines, f"explains[{i}]"), vi, en,
                     f"ghi 'mã-văn-bản#mã-điều-khoản'; các điều khoản gần nhất: {', '.join(near)}.",
                     f"write 'document-id#clause-anchor'; nearest clauses: {', '.join(near)}.",
                     field=f"explains[{i}]")
