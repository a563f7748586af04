"""The site's own scripts joined into one file (hooks/publish/scripts.py):
which entries join, in what order, and what the hook does with a script
that is not there."""
from __future__ import annotations

import logging
from types import SimpleNamespace

from mkdocs.config.config_options import ExtraScriptValue

from hooks import site
from hooks.publish import scripts


def _entry(path: str, **attrs) -> ExtraScriptValue:
    entry = ExtraScriptValue(path)
    for name, value in attrs.items():
        setattr(entry, name, value)
    return entry


def test_runs_of_own_scripts_join_and_keep_their_place():
    module, remote = _entry("assets/javascripts/m.mjs", type="module"), "https://example.org/x.js"
    entries = ["assets/javascripts/a.js", "assets/javascripts/b.js", module, "assets/javascripts/c.js",
               remote, _entry("assets/javascripts/d.js"), "assets/javascripts/e.js", _entry("f.js", defer=True)]
    assert scripts.runs(entries) == [["assets/javascripts/a.js", "assets/javascripts/b.js"], module,
                                     "assets/javascripts/c.js", remote,
                                     ["assets/javascripts/d.js", "assets/javascripts/e.js"], entries[-1]]


def test_joined_text_keeps_order_and_separates_each_script():
    text = scripts.join([("a.js", "(function () { a(); })()"), ("b.js", "(function () { b(); })();\n")])
    assert text.index("a();") < text.index("b();")
    # `})()` then `(function` would call the first script's result: a `;` line between.
    assert "})()\n;\n/* b.js */\n(function" in text


def test_the_file_is_named_by_its_content():
    one, two = scripts.join([("a.js", "a();")]), scripts.join([("a.js", "b();")])
    assert scripts.joined_path(one) != scripts.joined_path(two)
    assert scripts.joined_path(one) == scripts.joined_path(scripts.join([("a.js", "a();")]))
    assert scripts.joined_path(one).startswith("assets/javascripts/site.")


def test_the_hook_joins_what_exists_and_names_what_does_not(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(site, "STATE", site.State())
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / "a.js").write_text("a();", encoding="utf-8")
    (folder / "b.js").write_text("b();", encoding="utf-8")
    config = SimpleNamespace(docs_dir=str(tmp_path), extra_javascript=["assets/javascripts/a.js",
                                                                       "assets/javascripts/b.js"])
    [joined] = site.join_scripts(config)
    assert site.STATE.scripts[joined] == scripts.join([("assets/javascripts/a.js", "a();"),
                                                       ("assets/javascripts/b.js", "b();")])
    config.extra_javascript.append("assets/javascripts/c.js")
    config.extra_javascript.append("assets/javascripts/d.js")
    (folder / "c.js").unlink(missing_ok=True)
    with caplog.at_level(logging.WARNING):
        entries = site.join_scripts(config)
    # Left as they were, and said, in Vietnamese, with the file (a strict build stops on it).
    assert entries == config.extra_javascript
    assert "không có tệp docs/assets/javascripts/c.js" in caplog.text
