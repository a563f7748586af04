"""The clause page shell (hooks/render/shell.py) on hand-made template
output: parts go back where the prototype had them, and a shell that would
print a wrong page is refused. The real templates are compared with the full
render in tests/build/test_clause_shell.py."""
from __future__ import annotations

import html

import pytest

from hooks.publish import csp
from hooks.render import shell
from hooks.render.shell import SEP, Shell, ShellError, marker


def parts(**values: str) -> list[str]:
    return [values[name] for name in shell.PARTS]


PROTOTYPE = dict(content="<p>KL-SHELL-text</p>", toc='<nav>KL-SHELL-heading</nav>', head='<meta content="og">',
                 end="<div>end</div>", title=marker("title"), description=marker("description"),
                 canonical=marker("canonical"), skip=f"#{shell.SKIP_ID}")


def page(values: dict[str, str], extra: str = "") -> str:
    """A page laid out as main.html lays out the real one."""
    return (f"<head><title>{values['title']} - Site</title>{values['head']}"
            f'<meta name="description" content="{values["description"]}">'
            f'<link rel="canonical" href="{values["canonical"]}"></head>'
            f'<a href="{values["skip"]}">skip</a><header>{values["title"]}</header>{extra}'
            f"{values['toc']}<article class=\"md-content__inner md-typeset\">{values['content']}</article>{values['end']}")


def rendered(values: dict[str, str], extra: str = "") -> str:
    return SEP.join([page(values, extra), *parts(**values)])


def test_a_page_is_the_shell_with_its_own_parts():
    made = Shell(rendered(PROTOTYPE))
    mine = dict(content="<p>Điều 1 &amp; 2</p>", toc="<nav>Điều 1</nav>", head='<meta content="Điều 1">',
                end="<div>cuối</div>", title="Điều 1 &lt;b&gt;", description="Mô tả “x”",
                canonical="https://x/van-ban/a/dieu-1/", skip="#dieu-1")
    assert made.join(made.parts(SEP.join(parts(**mine)))) == page(mine)
    # Each part goes through `finish` (placeholders, hook links) once.
    assert made.join(made.parts(SEP.join(parts(**mine)), str.upper)) == page({k: v.upper() for k, v in mine.items()})
    with pytest.raises(ShellError, match="parts"):
        made.parts(SEP.join(parts(**mine)[:-1]))


def test_a_page_without_scripts_beside_its_article_has_the_bare_shells_policy():
    theme = "<script>var theme = 1</script>"
    made = Shell(rendered(PROTOTYPE, extra=theme))
    mine = dict(PROTOTYPE, content="<p>Điều 1</p><script>in the article</script>", title="Điều 1",
                description="Mô tả", canonical="https://x/", skip="#dieu-1")
    own = made.parts(SEP.join(parts(**mine)))
    assert not any(map(csp.changes_policy, Shell.beside_content(own)))
    assert csp.meta(made.bare()) == csp.meta(made.join(own)) == csp.meta(page(mine, extra=theme))
    # A script, or the article's end, in any other part: the page's own policy is made instead.
    for name, held in (("head", "<script>x()</script>"), ("end", "</article><p>"), ("toc", "<SCRIPT src=x>")):
        beside = made.parts(SEP.join(parts(**(mine | {name: held}))))
        assert any(map(csp.changes_policy, Shell.beside_content(beside))), name


def test_a_value_printed_escaped_elsewhere_stops_the_shell():
    # A template that prints the title escaped would get the raw title: refused.
    with pytest.raises(ShellError, match="marker"):
        Shell(rendered(PROTOTYPE, extra=f"<p>{html.escape(marker('title'))}</p>"))


def test_a_region_found_twice_or_missing_stops_the_shell():
    with pytest.raises(ShellError, match="toc"):
        Shell(rendered(PROTOTYPE, extra=PROTOTYPE["toc"]))
    with pytest.raises(ShellError, match="parts"):
        Shell(page(PROTOTYPE))


def test_a_shell_holding_a_placeholder_or_hook_link_is_refused():
    # Those are finished per part only; one in the shell would reach readers unfinished.
    for held in ("<!--kl:html 3-->", '<a href="kl-url:van-ban/kl-14/">'):
        with pytest.raises(ShellError, match="holds"):
            Shell(rendered(PROTOTYPE, extra=held))
