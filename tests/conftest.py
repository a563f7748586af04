"""Shared fixtures: real builds of the site, a local server, system Chromium.

Tests live by kind in tests/unit, tests/build and tests/browser; each gets
the marker of its folder, so `-m unit` (seconds) or `-m "not browser"` picks
a kind. A test that asks for a fixture above its kind is refused."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hooks.cli import port

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SOURCES = ROOT / "sources"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep Chromium off the network and quiet on a closed machine.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run_build(project: Path, site_dir: Path | None = None, strict: bool = True,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` in a project folder, as an editor or CI runs it; `env`
    adds to the environment of this build only."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
    if strict:
        cmd.append("--strict")
    if site_dir is not None:
        cmd += ["-d", str(site_dir)]
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=environ, timeout=300)


def rebuilt(site: Path, tmp_path_factory, name: str, env: dict[str, str]) -> Path:
    """The project that built `site` (its parent folder) built again into a
    new folder with `env`: the reference a mechanism's switch gives, to
    compare `site` with."""
    out = tmp_path_factory.mktemp(name) / "site"
    result = run_build(site.parent, out, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def copy_project(dest: Path) -> Path:
    """A private copy of the site's sources to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def failed_build(tmp_path: Path, mutate) -> tuple[Path, str]:
    """Break a copy of the project with `mutate`, build it, and check the
    build stopped without writing a site or leaving a staging folder.
    Returns the project and the build's output."""
    project = copy_project(tmp_path / "project")
    mutate(project)
    site = tmp_path / "site"
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert not site.exists(), "a failed build must not write the site"
    assert not list(tmp_path.glob("site.*")), "no staging folder is left behind"
    return project, output


def built(project: Path, site: Path, env: dict[str, str] | None = None) -> Path:
    """A good build of `project` into `site`; its log is kept in site/.build-log."""
    result = run_build(project, site, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    site.joinpath(".build-log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    return built(ROOT, tmp_path_factory.mktemp("build") / "site")


@pytest.fixture(scope="session")
def evil_site(tmp_path_factory) -> Path:
    """The site built from a copy whose editor text carries script payloads
    (tests/tools/variants.py); shared by tests/build and tests/browser."""
    from tests.tools import variants
    project = variants.evil_project(tmp_path_factory.mktemp("evil"))
    return built(project, project / "site")


@pytest.fixture(scope="session")
def moved_site(tmp_path_factory) -> Path:
    """The site built with kh-116's noi-dung-1 renumbered muc-1 and redirected."""
    from tests.tools import variants
    project = variants.moved_project(tmp_path_factory.mktemp("redirect"))
    return built(project, project / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """A local HTTP server over a built site; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(tmp_path_factory) -> str:
    """The site served at the address it was built for (SITE_URL), as it is
    deployed. Material's instant navigation takes a link only to a page its
    sitemap lists, matched by port too: served at another port, every link
    loaded its page anew, and the browser tests never met the navigation
    readers meet."""
    site = tmp_path_factory.mktemp("served") / "site"
    with serve(site) as url:
        built(ROOT, site, env={"SITE_URL": url + "/"})
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


free_port = port.unused


KINDS = ("unit", "build", "browser")
# Fixtures a kind may not use: a unit test never builds, a build test never
# starts Chromium.
_ABOVE = {"unit": {"built_site", "evil_site", "moved_site", "site_url", "browser"}, "build": {"browser"}, "browser": set()}


def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = Path(item.path).resolve().relative_to(TESTS).parts
        kind = parts[0] if len(parts) > 1 else None
        if kind not in KINDS:
            raise pytest.UsageError(f"{item.nodeid}: tests live in tests/unit, tests/build or tests/browser")
        used = _ABOVE[kind] & set(item.fixturenames)
        if used:
            raise pytest.UsageError(f"{item.nodeid}: a {kind} test cannot use {sorted(used)}; move it to its kind")
        item.add_marker(kind)
