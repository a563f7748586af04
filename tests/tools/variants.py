"""Copies of the project changed on purpose, built once per session by the
fixtures of tests/conftest.py and checked by build and browser tests alike."""
from __future__ import annotations

from pathlib import Path

import yaml

from conftest import copy_project
from tests.tools.project import edit

# -- escaping: every editor text field carries markup that breaks out -------

MARK = "KLX"  # a word to search for, next to the payload
ABBREVIATION = "Ủy ban nhân dân"


def payload(field: str) -> str:
    # Breaks out of text, double- and single-quoted attributes, <script>
    # blocks and JSON strings if any of them is left unescaped.
    return (f'{MARK} {field} "><script>window.__pwned="{field}"</script>'
            f"'></title></textarea><img src=x onerror=\"window.__pwned='{field}'\"></script><script>alert(1)</script> &amp; \\\" }}")


def rewrite(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    meta = yaml.safe_load(head)
    change(meta)
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


def poison_document(meta: dict) -> None:
    meta["number"] = payload("number")
    meta["summary"] = payload("summary")
    meta["signer"] = {"name": payload("signer.name"), "title": payload("signer.title"),
                      "on_behalf": payload("signer.on_behalf")}
    meta["fields"] = [payload("fields")]
    meta["text"]["source"] = payload("text.source")
    meta["text"]["missing"] = [payload("text.missing")]
    meta["description"] = payload("description")
    # tasks[].what must quote the clause's text word for word, so it is
    # only as unsafe as the Markdown body, which is the editor's HTML anyway.


def evil_project(base: Path) -> Path:
    """A copy of the project whose editor text fields all carry `payload`."""
    project = copy_project(base / "project")
    docs = project / "docs"
    for n, doc in enumerate(("kl-14", "kh-116"), 1):
        rewrite(docs / "van-ban" / f"{doc}.md", poison_document)
        # One number, one document: the two payloads differ by a digit.
        rewrite(docs / "van-ban" / f"{doc}.md", lambda m, n=n: m.update(number=f"{n} " + m["number"]))
    rewrite(docs / "co-quan" / "so-noi-vu.md",
            lambda m: m.update(name=payload("body.name"), short_name=payload("body.short_name"),
                               description=payload("body.description")))
    post = next((docs / "tin-tuc" / "posts").glob("*.md"))
    rewrite(post, lambda m: m.update(title=payload("post.title"), description=payload("post.description")))
    authors = docs / "tin-tuc" / ".authors.yml"
    data = yaml.safe_load(authors.read_text(encoding="utf-8"))
    for author in data["authors"].values():
        author.update(name=payload("author.name"), description=payload("author.description"))
    authors.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # An abbreviation defined in one clause marks words in every clause of the
    # page: kh-116's clause pages are not put together from units converted
    # alone (hooks/render/clause_units.py) but converted whole, and
    # tests/build/test_clause_shell.py compares them too.
    edit(project, "docs/van-ban/kh-116.md", "trong việc thực hiện về chủ trương khuyến khích và bảo vệ cán bộ năng "
         "động, sáng tạo vì lợi ích chung.\n", "trong việc thực hiện về chủ trương khuyến khích và bảo vệ cán bộ "
         f"năng động, sáng tạo vì lợi ích chung.\n\n*[UBND]: {ABBREVIATION}\n")
    # A heading whose id, made from its words, is a clause's: the toc makes
    # it unique across the page, so ctr-26's page is converted whole, not
    # put together from its units (hooks/render/clause_units.py), and
    # tests/build/test_shared_markdown_build.py compares it too.
    edit(project, "docs/van-ban/ctr-26.md", "## Toàn văn\n", "## Nội dung 1\n\nĐoạn thử.\n\n## Toàn văn\n")
    (docs / "hoi-dap").mkdir(exist_ok=True)
    (docs / "hoi-dap" / "cau-hoi-thu.md").write_text(
        "---\n" + yaml.safe_dump({"id": "cau-hoi-thu", "title": payload("faq.title"),
                                  "description": payload("faq.description"),
                                  "question": payload("faq.question"), "audience": ["cong-dan"],
                                  "topic": "chung", "explains": ["kl-14#muc-2"], "reviewed": None},
                                 allow_unicode=True) +
        "---\n\nTrang thử cho kiểm tra thoát ký tự, xem [[kl-14#muc-2-4]].\n", encoding="utf-8")
    return project


# -- redirects: the day kh-116's official text arrives -----------------------

KH = "docs/van-ban/kh-116.md"


def moved_project(base: Path) -> Path:
    """kh-116 with its first provisional item renumbered as 'muc-1'."""
    project = copy_project(base / "project")
    edit(project, KH, "{#noi-dung-1}", "{#muc-1}")
    edit(project, KH, "tasks:\n", "redirects:\n  - from: noi-dung-1\n    to: muc-1\ntasks:\n")
    return project
