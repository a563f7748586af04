"""overrides/partials/palette.html is Material's palette partial with one
change: its form is `data-kl-palette`, so Material's palette component does
not mount and docs/assets/javascripts/palette.js runs the toggle. When an
upgrade of Material changes its partial, this fails: compare the two, and
the script with Material's component."""
from __future__ import annotations

import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]
COMMENT = re.compile(r"\{#-?.*?-?#\}\n?", re.S)


def test_the_palette_partial_is_materials_but_for_its_mark():
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "palette.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "palette.html").read_text(encoding="utf-8")
    assert 'data-md-component="palette"' in theirs
    assert COMMENT.sub("", ours) == COMMENT.sub("", theirs).replace('data-md-component="palette"', "data-kl-palette")
