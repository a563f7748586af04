"""`mkdocs serve` on a copy of the project, as an editor runs it (make serve),
and the small waits a test of it needs."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from hooks.cli import port

WAIT = 90  # seconds: an upper bound for waiting, never a timed assertion


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition, what: str):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting for {what}")


@contextlib.contextmanager
def mkdocs_serve(project: Path, log_path: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """The server's base URL once its first build is served, and its process;
    stopped on the way out."""
    address = f"127.0.0.1:{port.unused()}"
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", str(project / "mkdocs.yml"),
             "--dev-addr", address],
            cwd=project, stdout=log, stderr=subprocess.STDOUT, text=True,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        try:
            url = f"http://{address}/"
            wait_for(lambda: fetch(url), "the first build to be served")
            yield url, server
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=20)
