"""hooks/render/template_cache.py without a build: a rebuild's new
environment takes the templates the one before compiled, an edited template
is compiled anew, and an environment set up differently is not given
another's code."""
from __future__ import annotations

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


def build_env(sources: dict[str, str], **options) -> jinja2.Environment:
    """A new environment, as MkDocs makes one for every build, with the cache set as on_env sets it."""
    env = jinja2.Environment(loader=jinja2.DictLoader(sources), **options)
    env.bytecode_cache = template_cache.for_env(env)
    return env


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


def test_autoescaping_chosen_by_a_function_is_not_cached(compiled):
    sources = {"page.html": "<p>{{ title }}</p>"}
    for _ in range(2):
        assert build_env(sources, autoescape=jinja2.select_autoescape()).bytecode_cache is None
