"""`make check` on the real site, and the guide's table of allowed values
as the build writes it."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_make_check_passes_on_the_site_and_says_so_in_vietnamese():
    result = subprocess.run([sys.executable, "-m", "hooks.cli.check"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓ Kiểm tra xong" in result.stdout and "0 liên kết hỏng" in result.stdout


def test_the_guide_lists_every_allowed_value_from_the_vocabularies(built_site):
    from hooks.model import vocab
    page = (built_site / "huong-dan/gia-tri-hop-le/index.html").read_text(encoding="utf-8")
    for values in (vocab.DOC_TYPES, vocab.STATUSES, vocab.COMPLETENESS, vocab.BODY_LEVELS, vocab.AUDIENCES,
                   vocab.FAQ_TOPICS):
        for key, label in values.items():
            assert f"<code>{key}</code>" in page and label in page, key
    assert "kl:allowed-values" not in page
    assert "<code>Triển khai văn bản</code>" in page
