"""The build report for editors: every reference and where it points,
document numbers that match nothing, and things nothing points to."""
from __future__ import annotations

from hooks.derive.backlinks import Backlinks
from hooks.model.corpus import Corpus, Document
from hooks.resolve.resolver import Resolved

REPORT_PATH = "bao-cao/lien-ket.json"


def build(corpus: Corpus, resolved: Resolved, links: Backlinks, issued_by: dict[str, list[Document]]) -> dict:
    def url(target: str) -> str:
        doc_id, _, anchor = target.partition("#")
        return f"/{corpus.url_of(doc_id)}" + (f"#{anchor}" if anchor else "")

    orphans = []
    for doc in corpus.documents.values():
        if links.is_orphan(doc.id) and all(links.is_orphan(c.key) for c in doc.clauses.values()):
            orphans.append({"kind": "document", "id": doc.id})
        for clause in doc.clauses.values():
            if clause.available and links.is_orphan(clause.key):
                orphans.append({"kind": "clause", "id": clause.key})
    for body in corpus.bodies.values():
        if not (body.id in issued_by or links.leads.get(body.id) or links.supports.get(body.id)
                or not links.is_orphan(body.id)):
            orphans.append({"kind": "body", "id": body.id})
    return {
        "references": [{"file": f"docs/{o.src}", "line": o.line, "written": o.text, "target": o.target,
                        "how": o.how, "url": url(o.target)} for o in resolved.occurrences],
        "unknown_document_numbers": [{"file": f"docs/{src}", "line": line, "written": text}
                                     for src, line, text in resolved.unknown_numbers],
        "unreferenced": orphans,
        "counts": {"references": sum(o.how == "reference" for o in resolved.occurrences),
                   "linked_numbers": sum(o.how == "number" for o in resolved.occurrences),
                   "unknown_numbers": len(resolved.unknown_numbers), "unreferenced": len(orphans)},
    }


def summary(report: dict) -> str:
    c = report["counts"]
    lines = [f"Báo cáo liên kết / link report: {c['references']} tham chiếu [[…]], "
             f"{c['linked_numbers']} số hiệu văn bản được tự liên kết, "
             f"{c['unknown_numbers']} số hiệu chưa biết, {c['unreferenced']} mục chưa có gì trỏ đến "
             f"(chi tiết: /{REPORT_PATH})."]
    for item in report["unknown_document_numbers"]:
        lines.append(f"  số hiệu chưa biết / unknown number: {item['file']}:{item['line']} {item['written']}")
    return "\n".join(lines)
