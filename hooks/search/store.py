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
import itertools
import json
import math
import shutil
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hooks.search import spool
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


def length_norm(length: int, average: float) -> float:
    """BM25's length part of a record."""
    return 1 - B + B * (length / average if average else 1)


def level(tf: float, length: int, average: float) -> int:
    """BM25's term part, scaled to 1..LEVELS."""
    return _level(tf, length_norm(length, average))


def _level(tf: float, norm: float) -> int:
    return max(1, round(tf * (K1 + 1) / (tf + K1 * norm) / (K1 + 1) * LEVELS))


# A posting names its record by kind and place within the kind (kind << KIND_SHIFT
# | place): records arrive in page order, and are numbered by kind only at the end.
KIND_SHIFT = 24
_PLACE = (1 << KIND_SHIFT) - 1


@dataclass
class Index:
    rows: spool.Rows                # in the order of KINDS
    lengths: list[int]              # tokens per record, in that order
    postings: spool.Postings        # term -> [kind and place, tf × TF_SCALE, …]
    count: int                      # postings in all
    firsts: list[int]               # number of the first record of each kind, in the order of KINDS
    completions: dict[str, list[str]]

    @property
    def kinds(self) -> list[list]:
        """[kind, label, first record, end] of each kind present: a reader's
        filter keeps the record numbers of a range, with no record loaded."""
        return [[kind, KINDS[kind], first, first + self.rows.counts[kind]]
                for kind, first in zip(KINDS, self.firsts, strict=True) if self.rows.counts[kind]]

    @functools.cached_property
    def average(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 0.0

    @functools.cached_property
    def norms(self) -> list[float]:
        """Each record's length part, once: a record has a posting for every term it holds."""
        average = self.average
        return [length_norm(length, average) for length in self.lengths]

    @property
    def shards(self) -> int:
        total = self.count + len(self.completions) * COMPLETIONS
        return max(1, math.ceil(total / POSTINGS_PER_SHARD))

    def encoded(self, term: str) -> list[int]:
        return self.encode(self.postings.get(term))

    def encode(self, plist: array) -> list[int]:
        """A term's record numbers as gaps from the previous one, each
        followed by its level."""
        norms = self.norms
        keys, tfs = plist[0::2], plist[1::2]
        numbers = [self.firsts[key >> KIND_SHIFT] + (key & _PLACE) for key in keys]
        order: Iterable[int] = range(len(numbers))
        if any(a > b for a, b in zip(keys, keys[1:], strict=False)):   # kinds came interleaved
            order = sorted(order, key=numbers.__getitem__)
        out, previous = [], 0
        for i in order:
            number = numbers[i]
            out.append(number - previous)
            out.append(_level(tfs[i] / TF_SCALE, norms[number]))
            previous = number
        return out


class Builder:
    """The index, record by record as pages are finished: each record
    becomes its terms and its row at once, so the build never holds every
    record until the end, and both wait on disk (spool.py). Records are
    numbered by kind, in the order of KINDS, when the index is made (pages
    keep their order within a kind)."""

    def __init__(self, spill: int = spool.SPILL) -> None:
        self._spill = spill
        self._rows = spool.Rows(tuple(KINDS))
        self._lengths: dict[str, list[int]] = {kind: [] for kind in KINDS}
        self._postings = spool.Postings(TF_SCALE, _is_word, spill)
        self._rank = {kind: rank for rank, kind in enumerate(KINDS)}
        self.count = 0

    def add(self, record: Record) -> None:
        key = (self._rank[record.kind] << KIND_SHIFT) | self._rows.counts[record.kind]
        weights, length = record_terms(record)
        # A document's or body's other title rides along (search-core.js byTitle); other rows stay four long.
        self._rows.append([record.url, record.title, record.kind, record.text]
                          + ([record.alt_title] if record.alt_title else []))
        self._lengths[record.kind].append(length)
        self._postings.add(key, weights)
        self.count += 1

    def index(self) -> Index:
        """The index of every record added; levels need the average length,
        so they are computed when written."""
        lengths: list[int] = []
        firsts = []
        for kind in KINDS:
            firsts.append(len(lengths))
            lengths += self._lengths[kind]
        rows, self._rows = self._rows, spool.Rows(tuple(KINDS))
        postings, self._postings = self._postings, spool.Postings(TF_SCALE, _is_word, self._spill)
        self._lengths = {kind: [] for kind in KINDS}
        count, words = postings.tally()
        return Index(rows, lengths, postings, count, firsts, _completions(words))


def build(records: list[Record], spill: int = spool.SPILL) -> Index:
    builder = Builder(spill)
    for record in records:
        builder.add(record)
    return builder.index()


def _is_word(term: str) -> bool:
    """A folded syllable: not a pair, not an exact spelling."""
    return not term.startswith(EXACT) and " " not in term


def _completions(sizes: dict[str, int]) -> dict[str, list[str]]:
    """For each prefix of a folded syllable (`sizes`: each one's postings),
    its commonest completions."""
    out: dict[str, list[str]] = {}
    for word in sorted(sizes, key=lambda t: (-sizes[t], t)):   # commonest first, so the first three seen are kept
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
    # Shard by shard, each one's postings encoded only as it is written:
    # the encoded index is never held whole.
    completions: list[dict] = [{} for _ in range(shards)]
    for prefix, words in index.completions.items():
        completions[fnv1a(prefix) % shards][prefix] = words
    for n, postings in enumerate(index.postings.by_shard(shards, lambda term: fnv1a(term) % shards)):
        terms = {term: index.encode(plist) for term, plist in postings.items()} | completions[n]
        (output / "t" / f"{n}.js").write_text(_script(f"t/{n}", terms), encoding="utf-8")
    index.postings.close()
    rows = iter(index.rows)
    for n in range(math.ceil(len(index.rows) / CHUNK)):
        (output / "r" / f"{n}.js").write_text(_script(f"r/{n}", list(itertools.islice(rows, CHUNK))),
                                              encoding="utf-8")
    index.rows.close()
    meta = {"version": version, "records": len(index.rows), "shards": shards, "chunk": CHUNK, "levels": LEVELS,
            "exact": EXACT, "prefix": PREFIX, "minPrefix": MIN_PREFIX, "kinds": index.kinds}
    (output / "meta.js").write_text(_script("meta", meta), encoding="utf-8")
    return output
