"""The document graph (lược đồ) drawn at build time as inline SVG that reads
without JavaScript: documents in layers, the implemented above the
implementing, related documents beside what they relate to."""
from __future__ import annotations

import html
from dataclasses import dataclass

from hooks.text import dates
from hooks.model import vocab
from hooks.model.corpus import Corpus, Document
from hooks.resolve.references import URL_PREFIX

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


def svg(corpus: Corpus, ids: set[str], current: str | None = None, title: str = "") -> str:
    if not ids:
        return ""
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

    esc = html.escape
    label = title or "Lược đồ quan hệ giữa các văn bản"
    parts = [f'<svg class="kl-graph" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
             f'role="group" aria-labelledby="kl-graph-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="kl-graph-title">{esc(label)}</title>',
             '<defs><marker id="kl-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="kl-graph__head"/>'
             '</marker></defs>']
    for e in edges(corpus, ids):
        (sx, sy), (tx, ty) = pos[e.source], pos[e.target]
        if e.kind == "related" and abs(sy - ty) < 1:
            x1, y1, x2, y2 = (sx, sy + BOX_H / 2, tx + BOX_W, ty + BOX_H / 2) if sx > tx else \
                (sx + BOX_W, sy + BOX_H / 2, tx, ty + BOX_H / 2)
        else:
            x1, y1 = sx + BOX_W / 2, sy if sy > ty else sy + BOX_H
            x2, y2 = tx + BOX_W / 2, ty + BOX_H if sy > ty else ty
        cls = f"kl-graph__edge kl-graph__edge--{e.kind.replace('_', '-')}"
        parts.append(f'<g class="{cls}"><line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                     f'marker-end="url(#kl-arrow)"/>'
                     f'<text x="{(x1 + x2) / 2 + 6:.0f}" y="{(y1 + y2) / 2 + 4:.0f}">{EDGE_LABELS[e.kind]}</text></g>')
    for doc_id, (x, y) in sorted(pos.items()):
        doc = corpus.documents[doc_id]
        cls = "kl-graph__node" + (" kl-graph__node--current" if doc_id == current else "")
        href = esc(URL_PREFIX + doc.url, quote=True)
        # xlink:href, not href: Material's instant navigation rewrites every
        # [href] it finds and fails on an SVG link's read-only href; with
        # xlink:href the browser follows the link as a plain navigation.
        parts.append(f'<a xlink:href="{href}" class="{cls}"><rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" '
                     f'height="{BOX_H}" rx="6"/>'
                     f'<text x="{x + 10:.0f}" y="{y + 23:.0f}" class="kl-graph__title">{esc(doc.title)}</text>'
                     f'<text x="{x + 10:.0f}" y="{y + 43:.0f}" class="kl-graph__meta">'
                     f'{dates.format_dmy(doc.issued) if doc.issued else vocab.UNKNOWN} · '
                     f'{esc(corpus.issuer_name(doc, short=True))}</text></a>')
    parts.append("</svg>")
    return "".join(parts)
