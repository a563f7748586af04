from hooks.collect import clauses

BODY = """Lời dẫn.

{#muc-1}
1. Một.

{#muc-2}
2. Hai:

{#muc-2-1}
2.1. Hai một.

{#muc-2-2}

{#muc-2-2-doan-1}
2.2. Đoạn một.

{#muc-2-2-doan-2}
Đoạn **hai**.

```markdown
{#muc-9}
```

## Nơi nhận

{#muc-3 .chua-co}
"""


def test_parse_tree_and_text():
    parsed = clauses.parse(BODY, first_line=10)
    assert not parsed.problems
    assert list(parsed.clauses) == ["muc-1", "muc-2", "muc-2-1", "muc-2-2", "muc-2-2-doan-1",
                                    "muc-2-2-doan-2", "muc-3"]
    c = parsed.clauses
    assert c["muc-2-1"].parent == "muc-2" and c["muc-2-1"].depth == 1
    assert c["muc-2-2-doan-2"].parent == "muc-2-2" and c["muc-2-2-doan-2"].depth == 2
    assert c["muc-2"].children == ["muc-2-1", "muc-2-2"]
    assert c["muc-1"].line == 12
    assert not c["muc-3"].available
    assert clauses.full_text(parsed.clauses, "muc-2-2") == "2.2. Đoạn một.\n\nĐoạn hai."
    # The fenced example is not a clause, and the heading ended muc-2-2-doan-2.
    assert "muc-9" not in c
    assert "Nơi nhận" not in c["muc-2-2-doan-2"].source
    assert any("Nơi nhận" in (b.markdown or "") for b in parsed.blocks)


def test_problems_name_the_line():
    parsed = clauses.parse("{#muc-1}\nA\n\n{#muc-1}\nB\n\n{#Muc-2}\nC\n\n{#muc-4 .bold}\n", first_line=5)
    lines = [p[0] for p in parsed.problems]
    assert lines == [8, 11, 14]
    assert "trùng" in parsed.problems[0][1]
    assert "quy tắc đánh số" in parsed.problems[1][1]


def test_plain_text_drops_markup_only():
    assert clauses.plain_text("2\\.  Văn *bản* [liên kết](x.md)\n\nĐoạn  hai") == "2. Văn bản liên kết\n\nĐoạn hai"


def test_note_inside_a_clause_is_an_error():
    parsed = clauses.parse("{#muc-1}\n1. Một.\n\n!!! note \"Ghi chú\"\n    Lời biên tập.\n\n## Ghi chú\n\n!!! note\n    Được.\n",
                           first_line=3)
    assert [(line, vi[:7]) for line, vi, *_ in parsed.problems] == [(6, "ghi chú")]
    assert "'## Ghi chú'" in parsed.problems[0][3]


def test_code_hides_markers_and_headings_and_blocks_keep_their_lines():
    body = ("{#muc-1}\nMột.\n\n    {#muc-8} is code only if indented\n\n## Sau\n\nx\n\n{#muc-2}\nHai.\n\n"
            "```\n{#muc-9}\n## Not a heading\n```\n")
    parsed = clauses.parse(body, first_line=1)
    assert not parsed.problems
    assert list(parsed.clauses) == ["muc-1", "muc-2"]
    assert "{#muc-8}" in parsed.clauses["muc-1"].source
    free = [(b.line, b.markdown.split("\n")[0]) for b in parsed.blocks if b.clause is None]
    assert free == [(6, "## Sau"), (13, "```")]


def test_plain_text_keeps_code_as_shown():
    text = "Xem `[[kl-14]]` và `a*b*c` [[kl-14|Kết luận]] *đậm*\n\n    [[x]] *y*"
    assert clauses.plain_text(text) == "Xem [[kl-14]] và a*b*c Kết luận đậm\n\n[[x]] *y*"


def test_a_clause_text_is_held_once_where_it_is_the_same():
    # The model keeps each clause's Markdown, its plain words and its words
    # with its children's: where two of them are the same text, one string.
    from hooks.collect.corpus import _model_clauses
    model = _model_clauses("kl-14", clauses.parse(BODY, first_line=10).clauses)
    one, leaf, marked, parent = model["muc-1"], model["muc-2-1"], model["muc-2-2-doan-2"], model["muc-2"]
    assert one.own_text is one.source and one.text is one.source
    assert leaf.text is leaf.own_text is leaf.source
    assert marked.own_text == "Đoạn hai." and marked.source == "Đoạn **hai**." and marked.text is marked.own_text
    assert parent.text == "2. Hai:\n\n2.1. Hai một.\n\n2.2. Đoạn một.\n\nĐoạn hai."
