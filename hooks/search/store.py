"""The search index as static files: term postings in hashed shards, records
in chunks. Written by the build, read by `docs/assets/javascripts/search.js`
(loading) and `search-core.js` (ranking).

Vietnamese is written in syllables, and a few thousand syllables make the
whole language, so every syllable's list of records is long (a general
engine such as Pagefind, which keeps word positions, needed minutes to
answer "can bo nang dong" at 100× the corpus). Here a posting is only a
record number and one small score, and beside each folded syllable the index
holds:
- each pair of adjacent syllables ("can bo"): most words are two syllables,
  so records with the reader's words side by side rank first;
- each syllable with its diacritics ("=cán") when they differ from its
  folded form: the exact spelling ranks before "cân";
- the three commonest completions of every prefix ("^na" → "nam nang
  nhan"), for the word still being typed.
Each term lives in one of `shards` files chosen by a hash of its text, so a
query fetches a few small files whatever the size of the site; titles, links
and text come in chunks of consecutive records, only for the results shown.
Every file is a script calling `klSearchData(name, data)`, so the same files
load over http and from file:// (a USB stick), where fetch is not allowed.

Knows nothing of MkDocs; `site.py` passes the records.
"""
from __future__ import annotations

import functools
import json
import math
import shutil
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hooks.search import text as search_text
from hooks.search.records import KINDS, Record

OUTPUT = "assets/tim-kiem"
CALLBACK = "klSearchData"

# Field weights: a document's number and name outrank any mention of them in
# a clause, a post or a chain of links; a news post ranks after the legal
# text that says the same words, since results should land on the clause.
W_NAMES = 10.0
W_HEADING = 5.0
W_CONTEXT = 0.5
W_TEXT = {"news": 0.5}

# Every field weight is a multiple of 1/TF_SCALE, so a term's weighted
# frequency is kept exactly as an integer: 4 bytes a posting instead of 8.
TF_SCALE = 2

# BM25 saturation and length normalisation, applied at build time; the
# browser multiplies each stored level by the term's idf.
K1 = 1.2
B = 0.75
LEVELS = 63

EXACT = "="
PREFIX = "^"
COMPLETIONS = 3
MIN_PREFIX = 2              # one letter says too little to guess the word from
CHUNK = 8                   # records per chunk file
POSTINGS_PER_SHARD = 1000   # average; a common term's own list can be longer


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes; search-core.js's klHash is the same."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def fields(record: Record) -> list[tuple[str, float]]:
    return [(record.names, W_NAMES), (record.heading, W_HEADING),
            (record.text, W_TEXT.get(record.kind, 1.0)), (record.context, W_CONTEXT)]


def record_terms(record: Record) -> tuple[dict[str, float], int]:
    """Weighted term frequencies of one record, and its length in tokens.
    Pairs never cross a field: a name does not run on into the text."""
    weights: dict[str, float] = {}
    length = 0
    for text, weight in fields(record):
        tokens = search_text.tokens(text)
        length += len(tokens)
        previous = None
        for token in tokens:
            folded = search_text.fold(token)
            weights[folded] = weights.get(folded, 0.0) + weight
            if token != folded:
                key = EXACT + token
                weights[key] = weights.get(key, 0.0) + weight
            if previous is not None:
                key = f"{previous} {folded}"
                weights[key] = weights.get(key, 0.0) + weight
            previous = folded
    return weights, length


def level(tf: float, length: int, average: float) -> int:
    """BM25's term part, scaled to 1..LEVELS."""
    norm = 1 - B + B * (length / average if average else 1)
    return max(1, round(tf * (K1 + 1) / (tf + K1 * norm) / (K1 + 1) * LEVELS))


# A posting names its record by kind and place within the kind (kind << KIND_SHIFT
# | place): records arrive in page order, and are numbered by kind only at the end.
KIND_SHIFT = 24
_PLACE = (1 << KIND_SHIFT) - 1


@dataclass
class Index:
    rows: list[list]                # [url, title, kind, text(, other title)], in the order of KINDS
    lengths: list[int]              # tokens per record, in that order
    postings: dict[str, array]      # term -> [kind and place, tf × TF_SCALE, …]
    firsts: list[int]               # number of the first record of each kind, in the order of KINDS
    completions: dict[str, list[str]]

    @property
    def kinds(self) -> list[list]:
        """[kind, label, first record, end] of each kind present: a reader's
        filter keeps the record numbers of a range, with no record loaded."""
        out: list[list] = []
        for number, row in enumerate(self.rows):
            if not out or out[-1][0] != row[2]:
                out.append([row[2], KINDS[row[2]], number, number])
            out[-1][3] = number + 1
        return out

    @functools.cached_property
    def average(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 0.0

    @property
    def shards(self) -> int:
        total = sum(len(p) for p in self.postings.values()) // 2 + len(self.completions) * COMPLETIONS
        return max(1, math.ceil(total / POSTINGS_PER_SHARD))

    def encoded(self, term: str) -> list[int]:
        """A term's record numbers as gaps from the previous one, each
        followed by its level."""
        plist, average, lengths = self.postings[term], self.average, self.lengths
        keys, tfs = plist[0::2], plist[1::2]
        numbers = [self.firsts[key >> KIND_SHIFT] + (key & _PLACE) for key in keys]
        order: Iterable[int] = range(len(numbers))
        if any(a > b for a, b in zip(keys, keys[1:], strict=False)):   # kinds came interleaved
            order = sorted(order, key=numbers.__getitem__)
        out, previous = [], 0
        for i in order:
            number = numbers[i]
            out.append(number - previous)
            out.append(level(tfs[i] / TF_SCALE, lengths[number], average))
            previous = number
        return out


class Builder:
    """The index, record by record as pages are finished: each record
    becomes its terms and its row at once, so the build never holds every
    record until the end. Records are numbered by kind, in the order of
    KINDS, when the index is made (pages keep their order within a kind)."""

    def __init__(self) -> None:
        self._rows: dict[str, list[list]] = {kind: [] for kind in KINDS}
        self._lengths: dict[str, list[int]] = {kind: [] for kind in KINDS}
        self._postings: dict[str, array] = {}
        self._rank = {kind: rank for rank, kind in enumerate(KINDS)}
        self.count = 0

    def add(self, record: Record) -> None:
        rows = self._rows[record.kind]
        key = (self._rank[record.kind] << KIND_SHIFT) | len(rows)
        weights, length = record_terms(record)
        # A document's or body's other title rides along (search-core.js byTitle); other rows stay four long.
        rows.append([record.url, record.title, record.kind, record.text]
                    + ([record.alt_title] if record.alt_title else []))
        self._lengths[record.kind].append(length)
        for term, tf in weights.items():
            plist = self._postings.get(term)
            if plist is None:
                plist = self._postings[term] = array("I")
            plist.append(key)
            plist.append(round(tf * TF_SCALE))
        self.count += 1

    def index(self) -> Index:
        """The index of every record added; levels need the average length,
        so they are computed when written."""
        rows: list[list] = []
        lengths: list[int] = []
        firsts = []
        for kind in KINDS:
            firsts.append(len(rows))
            rows += self._rows[kind]
            lengths += self._lengths[kind]
        postings, self._postings = self._postings, {}
        self._rows = {kind: [] for kind in KINDS}
        self._lengths = {kind: [] for kind in KINDS}
        return Index(rows, lengths, postings, firsts, _completions(postings))


def build(records: list[Record]) -> Index:
    builder = Builder()
    for record in records:
        builder.add(record)
    return builder.index()


def _completions(postings: dict[str, array]) -> dict[str, list[str]]:
    """For each prefix of a folded syllable, its commonest completions."""
    words = sorted((t for t in postings if not t.startswith(EXACT) and " " not in t),
                   key=lambda t: (-len(postings[t]), t))
    out: dict[str, list[str]] = {}
    for word in words:   # commonest first, so the first three seen are kept
        for end in range(MIN_PREFIX, len(word)):
            found = out.setdefault(PREFIX + word[:end], [])
            if len(found) < COMPLETIONS:
                found.append(word)
    return out


def _script(name: str, data) -> str:
    # An external script: "</script>" cannot end it, and U+2028/9 are legal
    # in JS strings since ES2019, so plain JSON is safe here.
    return f"{CALLBACK}({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def write(index: Index, site_dir: Path, version: str) -> Path:
    output = Path(site_dir) / OUTPUT
    if output.exists():
        shutil.rmtree(output)
    (output / "t").mkdir(parents=True)
    (output / "r").mkdir()
    shards = index.shards
    # Terms by shard first, each shard's postings encoded only as it is
    # written: the encoded index is never held whole.
    members: list[list[str]] = [[] for _ in range(shards)]
    for term in index.postings:
        members[fnv1a(term) % shards].append(term)
    completions: list[dict] = [{} for _ in range(shards)]
    for prefix, words in index.completions.items():
        completions[fnv1a(prefix) % shards][prefix] = words
    for n in range(shards):
        terms = {term: index.encoded(term) for term in members[n]} | completions[n]
        (output / "t" / f"{n}.js").write_text(_script(f"t/{n}", terms), encoding="utf-8")
    for start in range(0, len(index.rows), CHUNK):
        n = start // CHUNK
        (output / "r" / f"{n}.js").write_text(_script(f"r/{n}", index.rows[start:start + CHUNK]), encoding="utf-8")
    meta = {"version": version, "records": len(index.rows), "shards": shards, "chunk": CHUNK, "levels": LEVELS,
            "exact": EXACT, "prefix": PREFIX, "minPrefix": MIN_PREFIX, "kinds": index.kinds}
    (output / "meta.js").write_text(_script("meta", meta), encoding="utf-8")
    return output
