"""Lighthouse on the home page, a document and an FAQ page (if any), mobile.

Accessibility, best practices and SEO must score 95 or more. Performance is
reported (bench-out/lighthouse.json, test output) but not asserted: it is a
timing under simulated throttling, and the suite has no timed assertions.
Behind the `lighthouse` marker, which `make test` and CI include."""
from __future__ import annotations

import json
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import lighthouse  # noqa: E402

pytestmark = pytest.mark.lighthouse


def test_lighthouse_scores(built_site, capsys):
    assert lighthouse.LIGHTHOUSE.is_file(), "run `npm ci` (make test does)"
    results = lighthouse.run(built_site)
    assert {"home", "document"} <= set(results)
    out = ROOT / "bench-out"
    out.mkdir(exist_ok=True)
    (out / "lighthouse.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    with capsys.disabled():
        for kind, s in results.items():
            print(f"\nLighthouse {kind}: " + ", ".join(f"{c} {v}" for c, v in s.items()))
    low = {kind: {c: v for c, v in s.items() if c != "performance" and v < lighthouse.TARGET}
           for kind, s in results.items()}
    assert all(not v for v in low.values()), low
