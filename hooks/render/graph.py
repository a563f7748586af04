"""The document graph (lược đồ), laid out at build time and drawn as inline
SVG that reads without JavaScript by overrides/partials/kl-graph-svg.html:
documents in layers, the implemented above the implementing, related
documents beside what they relate to."""
from __future__ import annotations

from dataclasses import dataclass

from hooks.model import vocab
from hooks.model.corpus import Corpus, Document
from hooks.text import dates

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 270, 58, 40, 56, 12


@dataclass(frozen=True)
class Edge:
    source: str   # the implementing / citing document
    target: str
    kind: str     # implements | based_on | related


EDGE_LABELS = {"implements": "thực hiện", "based_on": "căn cứ", "related": "liên quan"}


def edges(corpus: Corpus, ids: set[str] | None = None) -> list[Edge]:
    out = []
    docs = corpus.documents.values() if ids is None else [corpus.documents[i] for i in sorted(ids)]
    for doc in docs:
        for kind in ("implements", "based_on", "related"):
            for target in doc.links(kind):
                if ids is None or (doc.id in ids and target in ids):
                    out.append(Edge(doc.id, target, kind))
    return out


def neighbourhood(corpus: Corpus, doc: Document, chain: list[Document]) -> set[str]:
    """The chain plus every document linked to this one directly."""
    ids = {d.id for d in chain} | {doc.id}
    for kind in ("implements", "based_on", "related"):
        ids.update(doc.links(kind))
        ids.update(corpus.linked_from(kind, doc.id))
    return ids


def layers(corpus: Corpus, ids: set[str]) -> dict[str, int]:
    """Layer = length of the longest implements/based_on path to a root; a
    document linked only by 'related' sits in the layer below its partner."""
    es = [e for e in edges(corpus, ids)]
    up = {i: [e.target for e in es if e.source == i and e.kind != "related"] for i in ids}
    memo: dict[str, int] = {}

    def depth(i: str) -> int:
        if i not in memo:
            memo[i] = 0
            memo[i] = max((depth(t) + 1 for t in up[i]), default=0)
        return memo[i]

    result = {i: depth(i) for i in ids}
    for e in es:
        if e.kind == "related" and not up[e.source] and not any(x.target == e.source for x in es if x.kind != "related"):
            result[e.source] = result[e.target] + 1
    return result


def layout(corpus: Corpus, ids: set[str], current: str | None = None, title: str = "") -> dict | None:
    """Where each document and edge of the graph goes, for the SVG partial
    (overrides/partials/kl-graph-svg.html) to draw: plain values only, so the
    template escapes every one of them."""
    if not ids:
        return None
    layer_of = layers(corpus, ids)
    rows: dict[int, list[Document]] = {}
    for i in ids:
        rows.setdefault(layer_of[i], []).append(corpus.documents[i])
    for row in rows.values():
        row.sort(key=lambda d: d.sort_key)
    width = max(len(r) for r in rows.values()) * (BOX_W + GAP_X) - GAP_X + 2 * PAD
    height = (max(rows) + 1) * (BOX_H + GAP_Y) - GAP_Y + 2 * PAD
    pos: dict[str, tuple[float, float]] = {}
    for layer, row in rows.items():
        row_w = len(row) * (BOX_W + GAP_X) - GAP_X
        x0 = (width - row_w) / 2
        for k, doc in enumerate(row):
            pos[doc.id] = (x0 + k * (BOX_W + GAP_X), PAD + layer * (BOX_H + GAP_Y))

    out_edges = []
    for e in edges(corpus, ids):
        (sx, sy), (tx, ty) = pos[e.source], pos[e.target]
        if e.kind == "related" and abs(sy - ty) < 1:
            x1, y1, x2, y2 = (sx, sy + BOX_H / 2, tx + BOX_W, ty + BOX_H / 2) if sx > tx else \
                (sx + BOX_W, sy + BOX_H / 2, tx, ty + BOX_H / 2)
        else:
            x1, y1 = sx + BOX_W / 2, sy if sy > ty else sy + BOX_H
            x2, y2 = tx + BOX_W / 2, ty + BOX_H if sy > ty else ty
        out_edges.append({"modifier": e.kind.replace("_", "-"), "label": EDGE_LABELS[e.kind],
                          "x1": round(x1), "y1": round(y1), "x2": round(x2), "y2": round(y2),
                          "label_x": round((x1 + x2) / 2 + 6), "label_y": round((y1 + y2) / 2 + 4)})
    nodes = []
    for doc_id, (x, y) in sorted(pos.items()):
        doc = corpus.documents[doc_id]
        nodes.append({"url": doc.url, "current": doc_id == current, "x": round(x), "y": round(y),
                      "title": doc.title,
                      "meta": f"{dates.format_dmy(doc.issued) if doc.issued else vocab.UNKNOWN} · "
                              f"{corpus.issuer_name(doc, short=True)}"})
    return {"width": round(width), "height": round(height), "box_w": BOX_W, "box_h": BOX_H,
            "label": title or "Lược đồ quan hệ giữa các văn bản", "edges": out_edges, "nodes": nodes}
