"""`python -m hooks.cli.nfc DIR`: rewrite Markdown and YAML files in Unicode NFC.

A file that is not UTF-8 is named and left alone; every other file is still
normalised, and the command exits 1 so the editor sees it."""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path


def normalise_tree(root: Path) -> tuple[list[Path], list[Path]]:
    """(files rewritten in NFC, files that are not UTF-8)."""
    changed, unreadable = [], []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".md", ".yml", ".yaml") and path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                unreadable.append(path)
                continue
            nfc = unicodedata.normalize("NFC", text)
            if nfc != text:
                path.write_text(nfc, encoding="utf-8")
                changed.append(path)
    return changed, unreadable


def main(argv: list[str]) -> int:
    changed, unreadable = normalise_tree(Path(argv[0] if argv else "docs"))
    for p in changed:
        print(f"đã chuẩn hóa / normalised: {p}")
    for p in unreadable:
        print(f"{p}: tệp không phải UTF-8, chưa chuẩn hóa. Cách sửa: mở tệp và lưu lại với mã hóa UTF-8, "
              "rồi chạy lại 'make nfc'.\n    (en) not UTF-8, left as it is: save it as UTF-8 and run 'make nfc' again.",
              file=sys.stderr)
    return 1 if unreadable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
