import pytest

from hooks.text import frontmatter


def test_lines_and_dates_stay_text():
    src = frontmatter.split("---\nid: kl-14\nissued: 2021-09-22\nx:\n  y: 1\n---\n\nBody\n")
    assert src.meta == {"id": "kl-14", "issued": "2021-09-22", "x": {"y": 1}}
    assert src.key_lines == {"id": 2, "issued": 3, "x": 4, "x.y": 5}
    assert frontmatter.line_of(src.key_lines, "x.z[0]") == 4
    assert src.body_line == 7 and src.body.strip() == "Body"


def test_yaml_error_has_file_line():
    with pytest.raises(frontmatter.FrontMatterError) as err:
        frontmatter.split("---\nid: kl-14\nsummary: [unclosed\nnext: 1\n---\n")
    # Where the list opens, not where the parser gave up; the reason in Vietnamese.
    assert err.value.line == 3 and "danh sách [...]" in err.value.problem_vi


def test_unclosed_front_matter():
    with pytest.raises(frontmatter.FrontMatterError):
        frontmatter.split("---\nid: x\n")


def test_no_front_matter():
    assert frontmatter.split("# Title\n").meta == {}
