"""The editor's config.yml is written as it is walked (hooks/publish/yaml_stream.py):
the same text as yaml.dump, byte for byte, shared lists aliased as PyYAML
aliases them, without holding PyYAML's node graph."""
from __future__ import annotations

import io

import pytest
import yaml

from conftest import ROOT
from hooks import pipeline
from hooks.publish import editor_config, yaml_stream


def reference(data) -> str:
    return yaml.dump(data, Dumper=yaml_stream.DUMPER, allow_unicode=True, sort_keys=False, width=120)


def streamed(data) -> str:
    out = io.StringIO()
    yaml_stream.dump(data, out)
    return out.getvalue()


def test_scalars_that_look_like_other_types_and_shared_lists_match_yaml_dump():
    options = [{"label": "Mục 2.4 · Kết luận số 14-KL/TW", "value": "kl-14#muc-2-4"}]
    tricky = ["null", "~", "01/02/2020", "2022-01-14", "yes", "No", "", "a: b", "- x", "#c", "'q'", '"q"',
              "1.5", "0x1f", "line\nbreak", " lead", "trail ", "Tiếng Việt có dấu " * 12]
    counted = {"n": 1}
    # Anchors are numbered by their second meeting, not their first: `counted`
    # is met first, `options` is met again first.
    data = {"a": counted, "b": options, "c": [options, tricky, True, False, None, 0, -3],
            "d": {"again": counted, "tricky": tricky, "empty": [], "none": {}}, "e": options}
    text = streamed(data)
    assert text == reference(data)
    assert "&id001" in text and "*id001" in text and "*id003" in text


def test_the_real_editor_config_matches_yaml_dump():
    cfg = editor_config.config(pipeline.build(ROOT / "docs", ROOT), {"tuan-lam": "Tuấn Lâm"}, ["Thông báo"],
                               editor_config.Settings(), "https://example.org/")
    text = streamed(cfg)
    assert text == reference(cfg)
    assert text.count("&id") > 3     # the pickers are shared, and written once


def test_what_yaml_dump_would_tag_is_refused():
    with pytest.raises(TypeError):
        streamed({"when": object()})
