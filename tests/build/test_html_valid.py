"""Valid HTML: the Nu Html Checker (vnu-jar, pinned in package-lock.json,
run with the system Java) reports no error on any built page, except the
few that come from Material's own templates, each filtered by message and
markup here and listed in the README."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message, the markup it points at): errors from Material 9.8.1's templates.
THEME_ERRORS = [
    # base.html: autocomplete="off" on the drawer and search toggle checkboxes.
    (r"^Attribute “autocomplete” is only allowed when the input type is", r'class="md-toggle"'),
    # partials/nav-item.html: tabindex="" on section labels of the pruned nav.
    (r"^Bad value “” for attribute “tabindex” on element “label”", r'class="md-nav__link'),
    # partials/toc.html: the table of contents title labels the __toc toggle,
    # which Material hides on wide screens.
    (r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r'class="md-nav__title" for="__toc"'),
]


def is_theme(message: dict) -> bool:
    return any(re.search(m, message["message"]) and re.search(x, message.get("extract", ""))
               for m, x in THEME_ERRORS)


def vnu(files: list[str]) -> list[dict]:
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


@pytest.fixture(scope="module")
def messages(built_site):
    assert shutil.which("java"), "Java 17 runs the Nu Html Checker"
    assert VNU.is_file(), "run `npm ci` (make test does)"
    files = sorted(str(p) for p in built_site.rglob("*.html"))
    assert len(files) > 20
    return vnu(files)


def test_no_html_error_from_our_templates_or_hooks(messages, built_site):
    ours = [f"{m['url'].rsplit(str(built_site), 1)[-1]}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '')}]"
            for m in messages if m["type"] == "error" and not is_theme(m)]
    assert ours == [], "\n".join(ours)


def test_every_theme_filter_still_matches_something(messages):
    # A filter that matches nothing is stale (Material fixed it): remove it.
    for pattern, extract in THEME_ERRORS:
        assert any(re.search(pattern, m["message"]) and re.search(extract, m.get("extract", ""))
                   for m in messages if m["type"] == "error"), pattern


def test_checker_reports_errors(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="vi"><head><title>x</title></head>'
                   '<body><div aria-label="x"><time>27/11/2026</time></div></body></html>', encoding="utf-8")
    errors = [m for m in vnu([str(bad)]) if m["type"] == "error"]
    assert len(errors) == 2 and not any(is_theme(m) for m in errors)
