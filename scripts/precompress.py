"""Write a .gz beside every compressible file of the built site, for nginx's
gzip_static (deploy/nginx/kl14.conf): compressed once at build, at the best
level, instead of on every request. Usage: python scripts/precompress.py site
"""
from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".yml", ".txt", ".map", ".wasm"}
MIN_BYTES = 256   # below this the gzip header costs more than it saves


def precompress(site: Path) -> tuple[int, int, int]:
    """Returns (files, bytes before, bytes after)."""
    files = before = after = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES or path.stat().st_size < MIN_BYTES:
            continue
        target = path.with_name(path.name + ".gz")
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) >= len(data):
            continue
        target.write_bytes(packed)
        stat = path.stat()
        os.utime(target, (stat.st_atime, stat.st_mtime))
        files, before, after = files + 1, before + len(data), after + len(packed)
    return files, before, after


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    n, raw, packed = precompress(site)
    print(f"precompressed {n} files: {raw:,} B -> {packed:,} B gzip", file=sys.stderr)
