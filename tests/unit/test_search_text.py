"""Folding, tokens, records and index files of search, without a browser."""
from __future__ import annotations

import json
import unicodedata

from hooks.search import records as search_index
from hooks.search import sections as search_sections
from hooks.search import store as search_store
from hooks.search import text as search_text


def test_tokens_strip_punctuation_and_lower_case():
    assert search_text.tokens("Luật, “Điều 5”; khoản 2.") == ["luật", "điều", "5", "khoản", "2"]
    assert search_text.tokens("14-KL/TW") == ["14", "kl", "tw"]
    assert search_text.tokens("73/2023/NĐ-CP") == ["73", "2023", "nđ", "cp"]
    assert search_text.tokens("…!?") == []


def test_tokens_of_nfd_input_equal_nfc():
    text = "Cán bộ năng động, sáng tạo; Đảng"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert search_text.tokens(nfd) == search_text.tokens(text) == ["cán", "bộ", "năng", "động", "sáng", "tạo", "đảng"]
    assert all(unicodedata.is_normalized("NFC", t) for t in search_text.tokens(nfd))


def test_fold_strips_tones_and_d():
    assert search_text.fold("Điều") == "dieu"
    assert search_text.fold("ĐỘNG") == "dong"
    assert search_text.fold("cán bộ năng động") == "can bo nang dong"
    assert search_text.fold(unicodedata.normalize("NFD", "Đổi mới")) == "doi moi"
    assert [search_text.fold(t) for t in search_text.tokens("Nghị định 73/2023/NĐ-CP")] == [
        "nghi", "dinh", "73", "2023", "nd", "cp"]


SAMPLE = """<html><body><nav>Menu Điều hướng</nav>
<article class="md-content__inner md-typeset">
<h1 class="kl-title">Kết luận số 14-KL/TW</h1><p>Phần đầu.</p>
<section class="kl-meta"><h2 id="kl-meta-title">Thông tin văn bản</h2><dl><dt>Số hiệu</dt><dd>14-KL/TW</dd></dl></section>
<details class="kl-toc"><summary>Danh sách</summary><a href="#muc-1">Mục 1</a></details>
<section class="kl-clause" data-clause="muc-1"><h2 id="muc-1">Mục 1<a class="headerlink" href="#muc-1">¶</a></h2>
<div class="kl-clause__tools"><button>Sao chép trích dẫn</button></div><p>1. Trong quá trình,<br>lãnh đạo.</p>
<section class="kl-clause" data-clause="muc-2-4-doan-2"><h3 id="muc-2-4-doan-2">Đoạn 2</h3><p>Con.</p></section></section>
</article><footer>Chân trang</footer></body></html>"""


def test_sections_split_at_headings_and_drop_furniture():
    sections = search_sections.split(SAMPLE)
    assert [(s.anchor, s.heading) for s in sections] == [
        (None, "Kết luận số 14-KL/TW"), ("muc-1", "Mục 1"), ("muc-2-4-doan-2", "Đoạn 2")]
    intro, clause, child = (s.body for s in sections)
    # The metadata panel belongs to the page; lists, buttons and permalinks do not.
    assert intro == "Phần đầu. Thông tin văn bản Số hiệu 14-KL/TW"
    assert clause == "1. Trong quá trình, lãnh đạo."
    assert child == "Con."


def test_records_of_a_document_page():
    from conftest import ROOT
    from hooks.collect import corpus
    model = corpus.load(ROOT / "docs", ROOT)
    records = search_index.page_records(model, "van-ban/kl-14/", "Kết luận số 14-KL/TW", SAMPLE)
    assert [(r.url, r.title, r.kind) for r in records] == [
        ("van-ban/kl-14/", "Kết luận 14-KL/TW", "document"),
        ("van-ban/kl-14/#muc-1", "Mục 1 · Kết luận 14-KL/TW", "clause"),
        ("van-ban/kl-14/#muc-2-4-doan-2", "Đoạn 2 mục 2.4 · Kết luận 14-KL/TW", "clause"),
    ]
    doc = records[0]
    for spelling in ("14-KL/TW", "kl 14", "kl14", "Kết luận số 14-KL/TW"):
        assert spelling in doc.names
    # The document's full title (number and summary) is named and shipped for ranking.
    summary = model.documents["kl-14"].meta["summary"]
    assert doc.alt_title == f"Kết luận số 14-KL/TW {summary}" and summary in doc.names
    assert not records[1].alt_title


def test_template_headings_give_their_text_to_the_intro_wherever_they_are():
    # The metadata panel at the end of a document is the document's, not
    # the last section's ("Liên kết đến văn bản này" used to hold it).
    html = SAMPLE.replace("</article>", '<h2 id="lien-ket-den">Liên kết đến</h2><p>Cuối.</p>'
                          '<section class="kl-meta"><h2 id="kl-meta-title">Thông tin</h2><dd>Trích yếu</dd></section>'
                          "</article>")
    sections = search_sections.split(html)
    assert sections[-1].anchor == "lien-ket-den" and sections[-1].body == "Cuối."
    assert sections[0].body.endswith("Thông tin Trích yếu")


def test_generated_listings_and_editors_pages_are_not_indexed():
    assert search_index.indexed("van-ban/kl-14/")
    assert search_index.indexed("van-ban/kl-14/", "van-ban/kl-14.md")
    assert search_index.indexed("tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/")
    for url in ("404.html", "tin-tuc/", "tin-tuc/archive/2022/12/", "tin-tuc/category/trien-khai-van-ban/"):
        assert not search_index.indexed(url)
    # Readers' search holds neither the home page nor the editors' guide nor the open-data page.
    for url, src in (("", "index.md"), ("huong-dan/", "huong-dan/index.md"), ("huong-dan/dan-chieu/", "huong-dan/dan-chieu.md"),
                     ("du-lieu-mo/", "du-lieu-mo/index.md")):
        assert not search_index.indexed(url, src), src


def test_every_page_has_a_readers_kind():
    from conftest import ROOT
    from hooks.collect import corpus
    model = corpus.load(ROOT / "docs", ROOT)
    page = '<article class="md-content__inner"><h1>T</h1><p>Chữ.</p><h2 id="a">A</h2><p>Chữ.</p></article>'
    kinds = {url: {r.kind for r in search_index.page_records(model, url, "T", page)}
             for url in ("van-ban/kl-14/", "co-quan/so-noi-vu/", "hoi-dap/thi-diem-la-gi/", "hoi-dap/",
                         "tin-tuc/2022/12/10/x/", "luoc-do/", "van-ban/")}
    assert kinds == {"van-ban/kl-14/": {"document"}, "co-quan/so-noi-vu/": {"body"}, "hoi-dap/thi-diem-la-gi/": {"faq"},
                     "hoi-dap/": {"faq"}, "tin-tuc/2022/12/10/x/": {"news"}, "luoc-do/": {"page"}, "van-ban/": {"page"}}
    # A body's short name is its other title, as readers type it.
    body = search_index.page_records(model, "co-quan/ban-thuong-vu-tinh-uy/", "T", page)[0]
    assert body.alt_title == model.bodies["ban-thuong-vu-tinh-uy"].short_name == "Ban Thường vụ Tỉnh ủy"
    assert list(search_index.KINDS) == ["document", "clause", "excerpt", "faq", "news", "body", "page"]
    assert list(search_index.KINDS.values()) == ["Văn bản", "Điều khoản", "Đoạn trích", "Hỏi đáp", "Tin", "Cơ quan", "Trang"]


def _record(text, **fields):
    return search_index.Record(url=fields.pop("url", "x/"), title=fields.pop("title", "T"),
                               heading=fields.pop("heading", ""), text=text, **fields)


def test_terms_are_folded_words_pairs_and_exact_spellings():
    weights, length = search_store.record_terms(_record("Cán bộ năng động, đổi mới.", heading="Mục 2"))
    assert length == 8
    # Folded words, each pair of neighbours, each word with its diacritics.
    assert weights["can"] == weights["dong"] == 1.0
    assert weights["=cán"] == weights["=động"] == 1.0 and "=can" not in weights
    assert weights["can bo"] == weights["nang dong"] == weights["dong doi"] == 1.0
    # A pair never crosses fields: the heading does not run into the text.
    assert weights["muc"] == search_store.W_HEADING and "2 can" not in weights
    news = search_store.record_terms(_record("cán bộ", kind="news"))[0]
    names = search_store.record_terms(_record("", names="cán bộ"))[0]
    assert news["can"] == 0.5 and names["can"] == search_store.W_NAMES


def test_weighted_frequencies_are_kept_exactly():
    # Postings keep tf × TF_SCALE as an integer: every weight must be a multiple of 1/TF_SCALE.
    for weight in (search_store.W_NAMES, search_store.W_HEADING, search_store.W_CONTEXT, 1.0,
                   *search_store.W_TEXT.values()):
        assert (weight * search_store.TF_SCALE).is_integer(), weight


def test_levels_saturate_and_favour_short_records():
    assert search_store.level(1, 10, 10) < search_store.level(10, 10, 10) <= search_store.LEVELS
    assert search_store.level(1, 5, 10) > search_store.level(1, 40, 10) >= 1


def test_hash_is_fnv1a_over_utf8():
    # Published FNV-1a 32-bit test vectors, and a Vietnamese term.
    assert search_store.fnv1a("") == 0x811C9DC5
    assert search_store.fnv1a("a") == 0xE40C292C
    assert search_store.fnv1a("foobar") == 0xBF9CF968
    assert search_store.fnv1a("=cán") != search_store.fnv1a("=cân")


def test_index_files(tmp_path):
    records = [_record("cán bộ năng động", url="a/#x"), _record("cân nhắc năng lực", url="b/"),
               _record("năng động", url="c/", kind="news")]
    index = search_store.build(records)
    # Record numbers are gaps, each followed by its level.
    assert index.encoded("nang")[0::2] == [0, 1, 1]
    # Completions of a prefix: commonest first, at most three.
    assert index.completions["^na"] == ["nang"]
    assert index.completions["^nh"] == ["nhac"] and "^n" not in index.completions   # one letter is too little
    assert "^nang" not in index.completions and "^=c" not in index.completions
    out = search_store.write(index, tmp_path, "b1")
    shards = {}
    prefix = f"{search_store.CALLBACK}("
    for path in (out / "t").iterdir():
        text = path.read_text(encoding="utf-8")
        assert text.startswith(prefix)
        name, data = json.loads("[" + text[len(prefix):].rstrip().rstrip(");") + "]")
        assert name == f"t/{path.stem}"
        shards[int(path.stem)] = data
    assert len(shards) == index.shards
    for term in index.postings:
        assert term in shards[search_store.fnv1a(term) % index.shards]
    chunk = (out / "r" / "0.js").read_text(encoding="utf-8")
    assert '["a/#x","T","page","cán bộ năng động"]' in chunk
    meta = (out / "meta.js").read_text(encoding="utf-8")
    assert '"records":3' in meta and f'"shards":{index.shards}' in meta and '"version":"b1"' in meta


def test_records_are_kept_by_kind_and_meta_gives_each_kind_its_range(tmp_path):
    records = [_record("x", url="n/", kind="news"), _record("x", url="c1/", kind="clause"),
               _record("x", url="d/", kind="document", alt_title="Kết luận số 1 về x"),
               _record("x", url="c2/", kind="clause")]
    index = search_store.build(records)
    # Kinds in the order of KINDS, pages in their order within a kind.
    assert [r[0] for r in index.rows] == ["d/", "c1/", "c2/", "n/"]
    assert index.kinds == [["document", "Văn bản", 0, 1], ["clause", "Điều khoản", 1, 3], ["news", "Tin", 3, 4]]
    out = search_store.write(index, tmp_path, "b1")
    meta = (out / "meta.js").read_text(encoding="utf-8")
    assert '"kinds":[["document","Văn bản",0,1],["clause","Điều khoản",1,3],["news","Tin",3,4]]' in meta
    # Postings number records in that order.
    assert index.encoded("x")[0::2] == [0, 1, 1, 1]
    # A document's row carries its full title; other rows stay four long.
    chunk = (out / "r" / "0.js").read_text(encoding="utf-8")
    assert '["d/","T","document","x","Kết luận số 1 về x"]' in chunk and '["c1/","T","clause","x"]' in chunk


def test_a_self_closed_tag_ends_nothing():
    # Markdown writes "<hr />" and "<br />": the rest of the article is still read.
    html = SAMPLE.replace("<p>Con.</p>", "<p>Con.<br />tiếp</p><hr /><p>Cuối.</p><blockquote><p>a<br />b</p></blockquote>")
    assert search_sections.split(html)[-1].body == "Con. tiếp Cuối."


CONTENT = ("<p>Mở đầu \ue0000\ue001.</p>\n<!--kl:clause muc-1 0-->\n<h2 id=\"muc-1\">Mục 1</h2>\n<p>Chữ.</p>\n"
           "<!--kl:html 1-->\n<!--kl:/clause-->\n<h2 id=\"lien-ket-den\">Liên kết đến</h2>\n<!--kl:html 1-->")


def test_content_is_cut_with_its_placeholders_and_the_template_around_it():
    fragments = ['<a href="kl-url:van-ban/kl-14/">Kết luận số 14-KL/TW</a>',
                 '<details class="kl-backlinks" data-search-exclude><p>Tin liên quan</p></details>']
    frame = search_sections.Frame(["Kết luận"], "Kết luận số 14-KL/TW",
                                  [("kl-meta-title", "Thông tin văn bản Số hiệu 14-KL/TW")])
    sections = search_sections.split_content(CONTENT, fragments, frame)
    assert [(s.anchor, s.heading, s.body) for s in sections] == [
        (None, "Kết luận số 14-KL/TW", "Kết luận Mở đầu Kết luận số 14-KL/TW. Thông tin văn bản Số hiệu 14-KL/TW"),
        ("muc-1", "Mục 1", "Chữ."), ("lien-ket-den", "Liên kết đến", "")]
    # After the content, a template's part continues the last section, or is a section of its own.
    frame.after = [(None, "Xem tất cả"), ("duoc-nhac-den", "Được nhắc đến tại", "Trang A")]
    sections = search_sections.split_content(CONTENT, fragments, frame)
    assert [(s.anchor, s.body) for s in sections[-2:]] == [("lien-ket-den", "Xem tất cả"), ("duoc-nhac-den", "Trang A")]
    # Without a frame, the content alone (a news post, a plain page).
    assert search_sections.split_content("<h1 id=\"t\">Tin</h1><p>Chữ.</p>", [])[0].heading == "Tin"


def test_postings_and_rows_spilled_to_disk_write_the_same_files(tmp_path, monkeypatch):
    # A build holds the index's postings up to spool.SPILL, then writes them
    # out in batches; rows wait on disk from the start. Read back, they must
    # make the very files the whole index in memory makes.
    syllables = "cán bộ năng động sáng tạo dám nghĩ dám làm vì lợi ích chung đổi mới kết luận mục khoản".split()
    kinds = ["clause", "news", "document", "faq", "clause", "page"]
    records = [_record(" ".join(syllables[(i * 7 + j * j) % len(syllables)] for j in range(3 + i % 40)),
                       url=f"p{i}/", kind=kinds[i % len(kinds)], heading=f"Mục {i}") for i in range(400)]
    monkeypatch.setattr(search_store.spool, "GROUPS", 4)   # several shards to a group, as at scale
    held, spilled = search_store.build(records), search_store.build(records, spill=97)
    assert held.postings.on_disk == 0 and spilled.postings.on_disk > 1
    assert held.shards == spilled.shards > 4 * 2
    assert spilled.completions == held.completions and list(spilled.postings) == list(held.postings)
    assert spilled.encoded("nang") == held.encoded("nang")
    one, two = search_store.write(held, tmp_path / "held", "v"), search_store.write(spilled, tmp_path / "spilled", "v")
    files = sorted(p.relative_to(one) for p in one.rglob("*.js"))
    assert files == sorted(p.relative_to(two) for p in two.rglob("*.js"))
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
