"""hooks/render/template_cache.py without a build: a rebuild's new
environment takes the templates the one before compiled, from memory in the
same process and from the project's .cache/jinja/ in the next; an edited
template is compiled anew, an environment set up differently (or another
Jinja) is not given another's code, and a cache that cannot be read or
written leaves the build compiling. tests/build/test_template_cache_build.py
edits a template between two real builds."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from hooks import site
from hooks.render import template_cache


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from now on."""
    names: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        names.append(name)
        return compile_(self, source, name, *args, **kwargs)
    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    monkeypatch.setattr(template_cache, "_CACHES", {})
    return names


def build_env(sources: dict[str, str], project: Path | None = None, **options) -> jinja2.Environment:
    """A new environment, as MkDocs makes one for every build, with the cache set as on_env sets it."""
    env = jinja2.Environment(loader=jinja2.DictLoader(sources), **options)
    env.bytecode_cache = template_cache.for_env(env, project)
    return env


def next_process(monkeypatch) -> None:
    """What a new `mkdocs build` starts from: nothing in memory."""
    monkeypatch.setattr(template_cache, "_CACHES", {})


def cached_files(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes()
            for p in sorted((project / template_cache.FOLDER).glob("*/*.cache"))}


def test_a_rebuild_reuses_what_the_build_before_compiled(compiled):
    sources = {"page.html": "<p>{{ title }}</p>{% include 'part.html' %}", "part.html": "<i>{{ 1 + 1 }}</i>"}
    assert build_env(sources).get_template("page.html").render(title="Một") == "<p>Một</p><i>2</i>"
    assert sorted(compiled) == ["page.html", "part.html"]
    compiled.clear()
    assert build_env(sources).get_template("page.html").render(title="Hai") == "<p>Hai</p><i>2</i>"
    assert compiled == []


def test_an_edited_template_is_compiled_anew(compiled):
    sources = {"page.html": "<p>{{ title }}</p>"}
    build_env(sources).get_template("page.html").render(title="x")
    compiled.clear()
    edited = {"page.html": "<h1>{{ title }}</h1>"}
    assert build_env(edited).get_template("page.html").render(title="x") == "<h1>x</h1>"
    assert compiled == ["page.html"]


def test_an_environment_set_up_differently_has_its_own_cache(compiled):
    sources = {"page.html": "<p>{{ title }}</p>"}
    build_env(sources).get_template("page.html")
    compiled.clear()
    other = build_env(sources, autoescape=True)
    assert other.get_template("page.html").render(title="<b>") == "<p>&lt;b&gt;</p>"
    assert compiled == ["page.html"]


def test_the_hook_gives_every_build_environment_the_cache(compiled):
    sources = {"page.html": "<p>{{ title }}</p>"}
    for _ in range(2):   # two builds of `mkdocs serve`, each with a new environment
        env = site.on_env(jinja2.Environment(loader=jinja2.DictLoader(sources)), config=None, files=None)
        env.get_template("page.html")
    assert compiled == ["page.html"]


def test_the_hook_keeps_the_cache_in_the_project_folder(compiled, tmp_path):
    sources = {"page.html": "<p>{{ title }}</p>"}
    config = type("Config", (), {"config_file_path": str(tmp_path / "mkdocs.yml")})()
    site.on_env(jinja2.Environment(loader=jinja2.DictLoader(sources)), config=config, files=None) \
        .get_template("page.html")
    assert len(cached_files(tmp_path)) == 1


def test_the_next_build_takes_the_templates_from_the_project_folder(compiled, tmp_path, monkeypatch):
    sources = {"page.html": "<p>{{ title }}</p>{% include 'part.html' %}", "part.html": "<i>{{ 1 + 1 }}</i>"}
    build_env(sources, tmp_path).get_template("page.html").render(title="Một")
    written = cached_files(tmp_path)
    assert len(written) == 2
    next_process(monkeypatch)
    compiled.clear()
    assert build_env(sources, tmp_path).get_template("page.html").render(title="Hai") == "<p>Hai</p><i>2</i>"
    assert compiled == []
    assert cached_files(tmp_path) == written   # nothing written again


def test_the_next_build_compiles_an_edited_template_and_keeps_the_new_code(compiled, tmp_path, monkeypatch):
    build_env({"page.html": "<p>{{ title }}</p>"}, tmp_path).get_template("page.html")
    before = cached_files(tmp_path)
    next_process(monkeypatch)
    compiled.clear()
    edited = {"page.html": "<h1>{{ title }}</h1>"}
    assert build_env(edited, tmp_path).get_template("page.html").render(title="x") == "<h1>x</h1>"
    assert compiled == ["page.html"]
    after = cached_files(tmp_path)
    assert after.keys() == before.keys() and after != before
    next_process(monkeypatch)
    compiled.clear()
    assert build_env(edited, tmp_path).get_template("page.html").render(title="y") == "<h1>y</h1>"
    assert compiled == []


def test_another_jinja_has_a_folder_of_its_own(compiled, tmp_path, monkeypatch):
    sources = {"page.html": "<p>{{ title }}</p>"}
    build_env(sources, tmp_path).get_template("page.html")
    next_process(monkeypatch)
    monkeypatch.setattr(jinja2, "__version__", "0.0.0")
    compiled.clear()
    build_env(sources, tmp_path).get_template("page.html")
    assert compiled == ["page.html"]
    assert len({name.split("/")[2] for name in cached_files(tmp_path)}) == 2


def test_a_damaged_cache_file_is_compiled_again(compiled, tmp_path, monkeypatch):
    sources = {"page.html": "<p>{{ title }}</p>"}
    build_env(sources, tmp_path).get_template("page.html")
    [name] = cached_files(tmp_path)
    whole = (tmp_path / name).read_bytes()
    (tmp_path / name).write_bytes(whole[: len(whole) // 2])   # cut short, as by a full disk
    next_process(monkeypatch)
    compiled.clear()
    assert build_env(sources, tmp_path).get_template("page.html").render(title="x") == "<p>x</p>"
    assert compiled == ["page.html"]
    assert (tmp_path / name).read_bytes() == whole


def test_a_folder_that_cannot_be_written_leaves_the_build_compiling(compiled, tmp_path, monkeypatch):
    (tmp_path / ".cache").write_text("not a folder", encoding="utf-8")
    sources = {"page.html": "<p>{{ title }}</p>"}
    for _ in range(2):
        next_process(monkeypatch)
        assert build_env(sources, tmp_path).get_template("page.html").render(title="x") == "<p>x</p>"
    assert compiled == ["page.html", "page.html"]
    assert list(tmp_path.iterdir()) == [tmp_path / ".cache"]   # no temporary file left


def test_autoescaping_chosen_by_a_function_is_not_cached(compiled):
    sources = {"page.html": "<p>{{ title }}</p>"}
    for _ in range(2):
        assert build_env(sources, autoescape=jinja2.select_autoescape()).bytecode_cache is None
