"""The site's own scripts reach every page as one file (hooks/publish/scripts.py):
the scripts mkdocs.yml lists, whole and in its order, after Material's bundle.
Before the bundle, only same-page.js, which must hear `popstate` before
Material does (overrides/main.html)."""
from __future__ import annotations

import re

from mkdocs.utils.yaml import yaml_load

from conftest import ROOT

_SRC = re.compile(r'<script src="([^"]+)"')


def test_every_page_loads_the_listed_scripts_as_one_file(built_site):
    listed = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra_javascript"]
    assert len(listed) > 1
    joined: set[str] = set()
    pages = 0
    for path in built_site.rglob("*.html"):
        if path.parent.name == "bien-tap":
            continue   # the editor's page loads its own scripts
        sources = [src.rsplit("/", 1)[-1] for src in _SRC.findall(path.read_text(encoding="utf-8"))]
        if not sources:
            continue   # redirect stubs
        assert sources[:1] == ["same-page.js"] and sources[1].startswith("bundle."), (path, sources)
        ours = sources[2:]
        assert len(ours) == 1 and re.fullmatch(r"site\.[0-9a-f]{8}\.js", ours[0]), (path, sources)
        joined.add(ours[0])
        pages += 1
    assert pages > 20 and len(joined) == 1
    text = (built_site / "assets" / "javascripts" / joined.pop()).read_text(encoding="utf-8")
    at = -1
    for script in listed:
        own = (ROOT / "docs" / script).read_text(encoding="utf-8").rstrip()
        assert text.find(own) > at, f"{script} is not whole, or out of mkdocs.yml's order"
        at = text.find(own)
