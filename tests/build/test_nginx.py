"""The real nginx (Debian's package) with deploy/nginx/kl14.conf, on a local
port, serving a built site as `make release` prepares it: precompressed files,
the CSP and security headers as HTTP headers, caching, the 404 page."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx not installed (scripts/ensure-chromium.sh)")


def run(script: str, *args: str) -> str:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("nginx")
    site = root / "site"
    shutil.copytree(built_site, site)       # the session's site stays without .gz files
    run("precompress.py", str(site))
    (root / "site-csp.conf").write_text(run("nginx_csp.py", str(site)), encoding="utf-8")
    port = free_port()
    server = (ROOT / "deploy" / "nginx" / "kl14.conf").read_text(encoding="utf-8")
    server = server.replace("/srv/kl14", str(root)).replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("listen [::]:80;", "")
    (root / "kl14.conf").write_text(server, encoding="utf-8")
    for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (root / "tmp" / d).mkdir(parents=True)
    user = "user root;" if os.geteuid() == 0 else ""
    (root / "nginx.conf").write_text(f"""{user}
daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
    include {root}/kl14.conf;
}}
""", encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(root), "-c", str(root / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-p", str(root), "-c", str(root / "nginx.conf")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, (root / "error.log").read_text()
            time.sleep(0.1)
    yield base, site
    proc.terminate()
    proc.wait(10)


def get(url: str, gzip_ok: bool = False):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        resp = urllib.request.urlopen(req, timeout=5)
    except urllib.error.HTTPError as exc:
        resp = exc
    with resp:
        return resp.status, resp.headers, resp.read()


def test_pages_carry_the_csp_and_security_headers(nginx):
    base, site = nginx
    status, headers, body = get(base + "/van-ban/kl-14/")
    assert status == 200 and "Kết luận số 14-KL/TW" in body.decode()
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp and "file:" not in csp
    # every inline script of the page is allowed by the header, nothing else inline
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', body.decode()).group(1)
    for digest in re.findall(r"'sha256-[^']+'", meta.replace("&#x27;", "'")):
        assert digest in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0]
    assert "'unsafe-eval'" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] and headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "public, max-age=300"
    assert "nginx/" not in (headers["Server"] or "")


def test_only_the_editor_page_gets_the_relaxed_policy(nginx):
    base, _ = nginx
    _, headers, _ = get(base + "/bien-tap/")
    assert "'unsafe-eval'" in headers["Content-Security-Policy"]
    # the published editor talks to the git service only, never to a local proxy
    assert "127.0.0.1" not in headers["Content-Security-Policy"]
    assert "localhost" not in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-cache"
    status, headers, body = get(base + "/bien-tap/config.yml")
    assert status == 200 and headers["Content-Type"].startswith("text/yaml")


def test_precompressed_files_are_served(nginx):
    base, site = nginx
    css = next((site / "assets" / "stylesheets").glob("main.*.min.css"))
    assert css.with_name(css.name + ".gz").exists()
    status, headers, body = get(base + f"/assets/stylesheets/{css.name}", gzip_ok=True)
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert body == css.with_name(css.name + ".gz").read_bytes(), "the file written at build, not recompressed"
    assert gzip.decompress(body) == css.read_bytes()
    assert "Accept-Encoding" in headers["Vary"]
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    status, headers, body = get(base + "/", gzip_ok=True)
    assert headers["Content-Encoding"] == "gzip" and b"<html" in gzip.decompress(body)
    assert headers["Cache-Control"] == "public, max-age=300"


def test_versioned_search_index_is_cached_long(nginx):
    base, site = nginx
    shard = next((site / "assets" / "tim-kiem").rglob("*.js")).relative_to(site).as_posix()
    _, headers, _ = get(f"{base}/{shard}?v=abc")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    _, headers, _ = get(f"{base}/{shard}")
    assert headers["Cache-Control"] == "public, max-age=300"


def test_joined_scripts_named_by_content_are_cached_long(nginx):
    base, site = nginx
    joined = next((site / "assets" / "javascripts").glob("site.*.js")).name
    _, headers, _ = get(f"{base}/assets/javascripts/{joined}")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # The separate files keep their names whatever their content: briefly.
    _, headers, _ = get(f"{base}/assets/javascripts/cite.js")
    assert headers["Cache-Control"] == "public, max-age=300"


def test_missing_page_gets_the_site_404(nginx):
    base, site = nginx
    status, headers, body = get(base + "/khong-co-trang-nay/")
    assert status == 404
    assert body == (site / "404.html").read_bytes()
    assert "frame-ancestors" in headers["Content-Security-Policy"]


def test_dot_files_are_not_served(nginx):
    base, site = nginx
    (site / ".build-log").write_text("x")
    status, _, _ = get(base + "/.build-log")
    assert status == 404
