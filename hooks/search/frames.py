"""What the page templates print around a page's content, as search reads it.

A document, body or FAQ page is its rendered content inside a template
(`overrides/partials/kl-document.html`, `kl-body.html`, `kl-faq.html`) that
presents the page's view. Search takes those words from the same view, in
the template's order, instead of cutting every finished page again; text
the templates mark as furniture (the clause list, the plain summary, the
chain and graph, backlinks, the change log) is left out as `sections` leaves
it out. Keep these in step with the templates:
tests/build/test_search_records_build.py compares the records with those
cut from the finished pages.
"""
from __future__ import annotations

from hooks.search.sections import Frame

# Template headings ("kl-…") label the page's own panels.
META = "kl-meta-title"
FAQ_ANSWER = "kl-faq-answer"

PROVISIONAL_NOTE = ("“Nội dung 1”, “Nội dung 2”… là cách trang đánh dấu từng ý của bản tóm tắt, không phải số "
                    "của văn bản; khi có toàn văn, liên kết cũ sẽ được chuyển đến điều khoản tương ứng.")
OFFICIAL = ("Bản chính thức: kênh công bố của cơ quan ban hành, như Tư liệu văn kiện Đảng, Cơ sở dữ liệu quốc "
            "gia về văn bản pháp luật, Công báo Chính phủ.")
UNDECIDED = "Chưa xác định"
EDITOR = "(liên kết do biên tập viên xác định)"
FAQ_INDEX_LINK = "Xem tất cả câu hỏi đáp"


def _words(*parts) -> str:
    return " ".join(" ".join(str(p) for p in parts).split())


def document(kl: dict) -> Frame:
    """kl-document.html: kicker, summary, key line, completeness; after the
    text, the metadata panel."""
    completeness = kl["completeness"]
    before = [kl["type_label"], kl["summary"], f"{kl['number']} · {kl['issued']} · {kl['issuer']['name']} · "
              "Thông tin văn bản", f"Mức độ đầy đủ: {completeness['label']}"]
    if completeness["missing"]:
        before.append(f"Chưa có: {'; '.join(completeness['missing'])}.")
    before += ["Nguồn văn bản", completeness["source"]]
    if kl["provisional"]:
        before.append(PROVISIONAL_NOTE)
    rows = [("Số hiệu", kl["number"]), ("Loại văn bản", kl["type_label"]), ("Cơ quan ban hành", kl["issuer"]["name"]),
            ("Người ký", kl["signer_name"]), ("Chức vụ", kl["signer_title"]), ("Ngày ban hành", kl["issued"]),
            ("Ngày có hiệu lực", kl["effective"]), ("Tình trạng hiệu lực", kl["status"]), ("Trích yếu", kl["summary"])]
    if kl["fields"]:
        rows.append(("Lĩnh vực", ", ".join(kl["fields"])))
    article = kl.get("article")
    source = (f"bài “{article['title']}”, {article['outlet']}, ngày {article['date']}." if article
              else completeness["source"])
    panel = _words("Thông tin văn bản", *(f"{k} {v}" for k, v in rows), f"Trích dẫn: {kl['citation']}",
                   f"Nguồn: {source}", OFFICIAL)
    return Frame([_words(p) for p in before], _words(kl["title"]), [(META, panel)])


def _tasks(tasks: list[dict]) -> str:
    rows = ["Nhiệm vụ Nội dung Chủ trì Phối hợp Thời hạn Điều khoản"]
    for t in tasks:
        rows += [t["label"], t["what"], t["lead"], ", ".join(t["support"]) if t["support"] else UNDECIDED,
                 t["deadline"], f"Nêu tại {t['stated_in']['text']}"]
        rows += [f"Thực hiện {x['text']}" for x in t["implements"]]
        rows += [f"Cụ thể hóa {x['text']} {EDITOR}" for x in t["editor_implements"]]
    return _words(*rows)


def body(kl: dict) -> Frame:
    """kl-body.html: kicker and the body's panel before the text; after it,
    bodies under it, documents issued, tasks and mentions, each a section."""
    panel = ["Thông tin cơ quan", f"Tên đầy đủ {kl['name']}", f"Tên ngắn {kl['short_name']}", f"Cấp {kl['level']}"]
    if kl["parent"]:
        panel.append(f"Cơ quan cấp trên {kl['parent']['name']}")
    kicker = f"{'Nhóm cơ quan' if kl['group'] else 'Cơ quan'} · cấp {kl['level'].lower()}"
    after: list[tuple] = []
    if kl["children"]:
        after.append(("co-quan-truc-thuoc", "Cơ quan trực thuộc trên trang", _words(*(b["name"] for b in kl["children"]))))
    if kl["issued"]:
        after.append(("van-ban-ban-hanh", "Văn bản ban hành",
                      _words(*(f"{d['title']} ngày {d['issued']} {d['summary']}" for d in kl["issued"]))))
    if kl["leads"]:
        after.append(("nhiem-vu-chu-tri", "Nhiệm vụ chủ trì", _tasks(kl["leads"])))
    if kl["supports"]:
        after.append(("nhiem-vu-phoi-hop", "Nhiệm vụ phối hợp", _tasks(kl["supports"])))
    if kl["cited_by"]:
        after.append(("duoc-nhac-den", "Được nhắc đến tại", _words(*(c["text"] for c in kl["cited_by"]))))
    return Frame([_words(kicker), _words(*panel)], _words(kl["name"]), after)


def faq(kl: dict) -> Frame:
    """kl-faq.html: kicker, question, the answer's label; after the answer,
    the link to every question (the notice, the clauses beside the answer
    and related questions are furniture)."""
    return Frame([_words(f"Hỏi đáp · {kl['topic']['label']}"), "Trả lời"], _words(kl["question"]),
                 [(None, FAQ_INDEX_LINK)])


FRAMES = {"document": document, "body": body, "faq": faq}


def of(kl: dict | None) -> Frame | None:
    """The frame of a page with a view of these kinds; None if its template
    is Material's own content (news posts, plain pages), whose article is
    the content alone."""
    if not kl or kl.get("kind") not in FRAMES:
        return None
    return FRAMES[kl["kind"]](kl)
