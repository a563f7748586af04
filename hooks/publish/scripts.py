"""The site's own scripts, joined into one file that every page loads.

mkdocs.yml lists them one by one (`extra_javascript`), each kept small and
named for what it does. Loaded one by one, a phone made six requests after
Material's bundle, and Lighthouse counted more blocking time on KL14: a
median of 96 against 99 for the same scripts in one file (issue 15). The build
loads them as one: the same text in the same order, each script's own
closure untouched (every one is a function called at once, in strict mode),
so what runs is what ran before. An entry with attributes (`defer`, `async`,
a `type`) or from another site keeps its own tag.
"""
from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path

FOLDER = "assets/javascripts"


def joinable(entry) -> bool:
    """An entry of `extra_javascript` that is a plain script of this site:
    a string, or an entry without attributes, of a relative `.js` path."""
    path = str(entry)
    if not isinstance(entry, str) and (entry.type or entry.defer or entry.async_):
        return False
    return path.endswith(".js") and "://" not in path and not path.startswith("/")


def runs(entries: list) -> list:
    """The entries with each run of two or more joinable ones next to each
    other as a list of their paths: joined, they still run in the order
    mkdocs.yml gives, between the same neighbours."""
    out: list = []
    for entry in entries:
        if joinable(entry) and out and isinstance(out[-1], list):
            out[-1].append(str(entry))
        else:
            out.append([str(entry)] if joinable(entry) else entry)
    return [item[0] if isinstance(item, list) and len(item) == 1 else item for item in out]


def join(sources: list[tuple[str, str]]) -> str:
    """One script from (path, text) pairs, in their order. A `;` line keeps
    a script that ends without one from running into the next."""
    return "".join(f"/* {path} */\n{text.rstrip()}\n;\n" for path, text in sources)


def joined_path(text: str) -> str:
    """Named by its content, like Material's bundle: a browser never keeps
    an old copy after the site changes."""
    return posixpath.join(FOLDER, f"site.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.js")


def joined(entries: list, docs_dir: Path) -> tuple[list, dict[str, str], list[str]]:
    """`extra_javascript` with each run of the site's own scripts as one
    file; the files to write (path -> text); the listed scripts that are
    not in `docs_dir`, whose run is left as it was."""
    out: list = []
    files: dict[str, str] = {}
    missing: list[str] = []
    for item in runs(entries):
        if not isinstance(item, list):
            out.append(item)
            continue
        absent = [path for path in item if not (docs_dir / path).is_file()]
        if absent:
            missing += absent
            out += item
            continue
        text = join([(path, (docs_dir / path).read_text(encoding="utf-8")) for path in item])
        path = joined_path(text)
        files[path] = text
        out.append(path)
    return out, files, missing
