"""`python -m hooks.cli.nfc DIR`: rewrite Markdown and YAML files in Unicode NFC."""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path


def normalise_tree(root: Path) -> list[Path]:
    changed = []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".md", ".yml", ".yaml") and path.is_file():
            text = path.read_text(encoding="utf-8")
            nfc = unicodedata.normalize("NFC", text)
            if nfc != text:
                path.write_text(nfc, encoding="utf-8")
                changed.append(path)
    return changed


if __name__ == "__main__":
    for p in normalise_tree(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")):
        print(f"đã chuẩn hóa / normalised: {p}")
