"""A synthetic corpus in the site's own format, for benchmarks.

Base (scale 1): 10 documents × 30 clauses, 50 FAQs, 50 news posts and 1,000
[[…]] references; scale N multiplies every count. The text is filler made of
real Vietnamese words; it is never published.
"""
from __future__ import annotations

import compileall
import itertools
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "sources" / "ban-tin-pbgdpl-thanh-hoa-2022-12-10.txt"


def _vocabulary() -> tuple[list[str], list[float]]:
    """The syllables of the source article, drawn with Zipf weights (1/rank by
    frequency) so the filler has the spread of real Vietnamese text: a tiny
    vocabulary would put every word in every record and make search look
    far worse than it is on real pages."""
    words = re.findall(r"[^\W\d_]+", SOURCE.read_text(encoding="utf-8").lower())
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return ranked, list(itertools.accumulate(1 / (i + 1) for i in range(len(ranked))))


WORDS, _CUMULATIVE = _vocabulary()
BASE = {"documents": 10, "clauses": 30, "faqs": 50, "posts": 50, "references": 1000, "bodies": 10}


def _text(rng: random.Random, n: int) -> str:
    words = rng.choices(WORDS, cum_weights=_CUMULATIVE, k=n)
    return (" ".join(words)).capitalize() + "."


def _anchors() -> list[str]:
    """30 clauses: muc-1 … muc-10, each with two sub-clauses."""
    out = []
    for i in range(1, 11):
        out += [f"muc-{i}", f"muc-{i}-1", f"muc-{i}-2"]
    return out


def generate(dest: Path, scale: int, seed: int = 14) -> dict:
    """Write a whole project (config, hooks, templates, docs) into `dest`."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    # Bytecode written now, as pip writes Material's when it installs it: a
    # machine with PYTHONDONTWRITEBYTECODE set (this one) would otherwise
    # compile every module of the hooks again in every build timed.
    compileall.compile_dir(dest / "hooks", quiet=1)
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    shutil.copytree(ROOT / "docs" / "huong-dan", docs / "huong-dan")
    # Section index pages and the blog's authors; the content itself is generated.
    section_indexes = [p.relative_to(ROOT / "docs").as_posix() for p in sorted((ROOT / "docs").glob("*/index.md"))
                       if p.parent.name != "huong-dan"]
    for rel in ["index.md", "tin-tuc/.authors.yml", *section_indexes]:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        text = (ROOT / "docs" / rel).read_text(encoding="utf-8")
        if rel == "index.md":
            text = text.split("\n# ")[0] + "\n# Trang chủ thử\n"   # the real one cites the real documents
        (docs / rel).write_text(text, encoding="utf-8")
    counts = {k: v * scale for k, v in BASE.items()}
    counts["clauses"] = BASE["clauses"]

    bodies = [f"co-quan-{i}" for i in range(counts["bodies"])]
    for b in bodies:
        (docs / "co-quan" / f"{b}.md").write_text(
            f"---\nid: {b}\nname: Cơ quan thử {b[8:]}\nshort_name: null\nlevel: tinh\nparent: null\n---\n\n"
            f"{_text(rng, 30)}\n", encoding="utf-8")

    anchors = _anchors()
    doc_ids = [f"vb-{i}" for i in range(counts["documents"])]
    for i, doc in enumerate(doc_ids):
        year, day = 2000 + i // 300, 1 + i % 28
        month = 1 + (i // 28) % 12
        parent = doc_ids[(i - 1) // 5] if i else None   # a tree: each document implements an earlier one
        implements = f"[{parent}]" if parent else "[]"
        task_target = f"{parent}#muc-1" if parent else f"{doc}#muc-2"
        lines = [f"---\nid: {doc}\nnumber: {i + 1}/KH-UBND\ntype: ke-hoach\nissuer: {rng.choice(bodies)}\n"
                 f"signer: null\nissued: {day:02d}/{month:02d}/{year}\neffective: null\n"
                 f"legal_status: chua-xac-dinh\nsummary: {_text(rng, 12)}\nimplements: {implements}\n"
                 f"text:\n  completeness: toan-van\n  source: văn bản thử\n"
                 f"tasks:\n  - id: nhiem-vu-1\n    what: Nội dung thử\n    stated_in: muc-1\n"
                 f"    lead: {rng.choice(bodies)}\n    deadline: null\n    editor_implements: [{task_target}]\n"
                 f"---\n\n## Nội dung\n"]
        for a in anchors:
            number = a[4:].replace("-", ".")
            first = "Nội dung thử. " if a == "muc-1" else ""
            lines.append(f"\n{{#{a}}}\n{number}. {first}{_text(rng, 40)} Theo số {max(i, 1)}/KH-UBND.\n")
        (docs / "van-ban" / f"{doc}.md").write_text("".join(lines), encoding="utf-8")

    def refs(n: int) -> str:
        out = []
        for _ in range(n):
            doc = rng.choice(doc_ids)
            out.append(f"[[{doc}#{rng.choice(anchors)}]]" if rng.random() < .8 else f"[[{doc}]]")
        return ", ".join(out)

    per_page = counts["references"] // (counts["faqs"] + counts["posts"])
    (docs / "hoi-dap").mkdir(parents=True, exist_ok=True)
    for i in range(counts["faqs"]):
        doc = rng.choice(doc_ids)
        (docs / "hoi-dap" / f"hoi-{i}.md").write_text(
            f"---\nid: hoi-{i}\nquestion: {_text(rng, 10)[:-1]}?\naudience: [cong-dan]\ntopic: chung\n"
            f"explains: [{doc}#muc-1]\nreviewed: 01/01/2024\n---\n\n{_text(rng, 60)}\n\nXem {refs(per_page)}.\n",
            encoding="utf-8")
    posts = docs / "tin-tuc" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    for i in range(counts["posts"]):
        date = f"{2020 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        (posts / f"tin-{i}.md").write_text(
            f"---\ntitle: Tin thử {i}\ndate: {date}\nauthors: [tuan-lam]\ncategories: [Triển khai văn bản]\n"
            f"slug: tin-thu-{i}\n---\n\n# Tin thử {i}\n\n{_text(rng, 30)}\n\n<!-- more -->\n\n"
            f"{_text(rng, 80)}\n\nTrích dẫn: {refs(per_page)}.\n", encoding="utf-8")
    return counts


def with_material_search(config: str) -> str:
    """mkdocs.yml text with Material's own search plugin (lunr, Vietnamese),
    as a plain Material site has it; ours runs without it."""
    assert "\nplugins:\n" in config
    return config.replace("\nplugins:\n", "\nplugins:\n  - search:\n      lang: vi\n", 1)


def plain(dest: Path) -> None:
    """Turn a generated project into a plain Material build of the same pages:
    no hooks, no template overrides, Material's own search."""
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - hooks/site.py\n", "").replace("  custom_dir: overrides\n", "")
    (dest / "mkdocs.yml").write_text(with_material_search(config), encoding="utf-8")


_CLAUSE = re.compile(r"^\{#([\w-]+)\}\n(.+)$", re.M)


def plain_clause_pages(dest: Path) -> int:
    """Add to a plain project the pages the hooks make for every clause, as
    plain Markdown pages at the same addresses (/van-ban/<doc>/<anchor>/),
    outside the navigation as ours are: the same output pages on both sides."""
    count = 0
    for doc in sorted((dest / "docs" / "van-ban").glob("*.md")):
        if doc.name == "index.md":
            continue
        folder = doc.with_suffix("")
        folder.mkdir(exist_ok=True)
        for anchor, text in _CLAUSE.findall(doc.read_text(encoding="utf-8")):
            (folder / f"{anchor}.md").write_text(
                f"# {text.split('. ')[0]} · {doc.stem}\n\n{text}\n\n[Xem trong toàn văn](../{doc.name}#{anchor})\n",
                encoding="utf-8")
            count += 1
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    assert "not_in_nav: |\n" in config
    (dest / "mkdocs.yml").write_text(config.replace("not_in_nav: |\n", "not_in_nav: |\n  /van-ban/*/*.md\n", 1),
                                     encoding="utf-8")
    return count


@dataclass
class Projects:
    """The projects of one size a build benchmark compares."""
    hooks: Path
    plain: Path
    same_output: Path | None   # plain, with the clause pages too
    counts: dict               # what `generate` made
    clause_pages: int          # the clause pages plain was given (0 without same_output)
    pages: int                 # the Markdown pages of the corpus


def projects(folder: Path, scale: int, same_output: bool) -> Projects:
    """In `folder`: the corpus at `scale` with the hooks (site-hooks/), as
    plain Material (site-plain/) and, with `same_output`, as plain Material
    with the clause pages (site-plain-clauses/)."""
    hooks, plain_project = folder / "site-hooks", folder / "site-plain"
    same = folder / "site-plain-clauses" if same_output else None
    counts = generate(hooks, scale)
    for project in filter(None, (plain_project, same)):
        generate(project, scale)
        plain(project)
    return Projects(hooks, plain_project, same, counts, plain_clause_pages(same) if same else 0,
                    sum(1 for _ in (hooks / "docs").rglob("*.md")))
