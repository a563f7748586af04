"""The public contract of DESIGN.md: where content lives and the URL it gets.

Folders under docs/ and site URLs are promises to editors, readers and other
programs; every module asks here instead of spelling a folder itself, so a
rule is written once. Clause anchors (the numbering rule) are the other half
of the contract and live in `hooks.model.anchors`; this module only joins
them into URLs.
"""
from __future__ import annotations

DOCUMENTS = "van-ban"          # /van-ban/<id>/
BODIES = "co-quan"             # /co-quan/<id>/
FAQS = "hoi-dap"               # /hoi-dap/<id>/
BLOG = "tin-tuc"               # the blog's own dated URLs below it
POSTS = f"{BLOG}/posts"        # where editors save posts
AUTHORS = f"{BLOG}/.authors.yml"   # the blog's authors, below docs/
GRAPH = "luoc-do"              # the document graph
OPEN_DATA_PAGE = "du-lieu-mo"  # the page that explains the open data
GUIDE = "huong-dan"            # the editors' guide
API = "api/v1"                 # open data files
API_DOCUMENTS = DOCUMENTS      # api/v1/van-ban/<id>.json

# Folders whose files are one thing each, named by its id.
ID_FOLDERS = {DOCUMENTS: "document", BODIES: "body", FAQS: "faq"}


def page_kind(src: str) -> str:
    """What a Markdown file under docs/ holds, from where it lives:
    document | body | faq | news | page."""
    folder, _, name = src.rpartition("/")
    if name == "index.md":
        return "page"
    if folder in ID_FOLDERS:
        return ID_FOLDERS[folder]
    if folder == POSTS or folder.startswith(POSTS + "/"):
        return "news"
    return "page"


def folder_of(kind: str) -> str:
    """The folder of a kind that has one file per id."""
    return {k: f for f, k in ID_FOLDERS.items()}[kind]


def src(kind: str, ident: str) -> str:
    """'van-ban/kl-14.md': the source file of a document, body or FAQ."""
    return f"{folder_of(kind)}/{ident}.md"


def url(kind: str, ident: str) -> str:
    """'van-ban/kl-14/': the page of a document, body or FAQ (site-relative)."""
    return f"{folder_of(kind)}/{ident}/"


def index_src(folder: str) -> str:
    return f"{folder}/index.md"


def clause_url(doc_id: str, anchor: str | None = None) -> str:
    """'van-ban/kl-14/#muc-2-4': a clause in place, the permanent link."""
    return url("document", doc_id) + (f"#{anchor}" if anchor else "")


def id_of_url(site_url: str) -> tuple[str, str] | None:
    """(kind, id) of a document, body or FAQ page URL, else None."""
    parts = site_url.strip("/").split("/")
    if len(parts) == 2 and parts[0] in ID_FOLDERS and parts[1] != "index":
        return ID_FOLDERS[parts[0]], parts[1]
    return None


def page_url(src_path: str, assigned: dict[str, str]) -> str:
    """Site URL of a source file: as MkDocs (and the blog) assigned it, else
    the directory URL its path implies ('hoi-dap/index.md' -> 'hoi-dap/')."""
    if src_path in assigned:
        return assigned[src_path]
    stem = src_path[:-3]
    return stem[:-5] if stem.endswith("index") else stem + "/"


# The other files below /api/v1/, by what they hold.
API_FILES = {"bodies": f"{BODIES}.json", "tasks": "nhiem-vu.json", "faqs": f"{FAQS}.json", "graph": f"{GRAPH}.json"}
# Feeds at the site root: /<key>.rss.xml and /<key>.atom.xml.
FEED_NEWS = BLOG
FEED_DOCUMENTS = DOCUMENTS


def api_schema(path: str) -> str:
    """'co-quan.json' -> 'co-quan.schema.json': each file's schema sits beside it."""
    return path.removesuffix(".json") + ".schema.json"


def api_document(doc_id: str) -> str:
    """Path below /api/v1/ of one document's data."""
    return f"{API_DOCUMENTS}/{doc_id}.json"


# A clause's own page: /van-ban/<document>/<anchor>/ (the text, its citation,
# its links and a way to its place in the document). The permanent link stays
# `clause_url`, the clause in place; this page is what a share points to.
def clause_page_src(doc_id: str, anchor: str) -> str:
    """'van-ban/kl-14/muc-2-4.md': the generated source of a clause's page."""
    return f"{folder_of('document')}/{doc_id}/{anchor}.md"


def clause_page_url(doc_id: str, anchor: str) -> str:
    """'van-ban/kl-14/muc-2-4/': a clause's own page (site-relative)."""
    return f"{folder_of('document')}/{doc_id}/{anchor}/"


def clause_of_src(src_path: str) -> tuple[str, str] | None:
    """(document id, anchor) of a clause page's source, else None."""
    parts = src_path.removesuffix(".md").split("/")
    if len(parts) == 3 and parts[0] == DOCUMENTS and src_path.endswith(".md") and parts[2] != "index":
        return parts[1], parts[2]
    return None


# Pages that are the site's own furniture, not places that cite the texts:
# their links are not shown to readers as "Được nhắc đến tại".
def reader_page(src_path: str) -> bool:
    return src_path != "index.md" and not src_path.startswith((f"{GUIDE}/", f"{OPEN_DATA_PAGE}/"))
