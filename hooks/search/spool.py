"""What the search index gathers as pages are finished, on disk until it is
written: its rows and its postings were the largest things a build held to
its end (47 and 64 MiB at 100× of the corpus), beside every page. Both are
read back once, in the order `store.write` writes them, and come back as
they went in: the files written are the same as from memory.

Unnamed temporary files: gone with their object or the process, whatever
happens to the build."""
from __future__ import annotations

import marshal
import tempfile
from array import array
from collections.abc import Callable, Iterator
from typing import IO

SPILL = 2_000_000   # postings held before they go to disk as a batch (16 MB of them; 10× holds 0.7 million)
GROUPS = 64       # spilled postings come back a 64th of the shards at a time


class Rows:
    """The records' rows, [url, title, kind, text(, other title)], a file
    per kind, read back kind by kind in the order given."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self._files: dict[str, IO[bytes]] = {}
        self.counts = dict.fromkeys(kinds, 0)

    def append(self, row: list) -> None:
        kind = row[2]
        if kind not in self._files:
            self._files[kind] = tempfile.TemporaryFile()
        _put(self._files[kind], row)
        self.counts[kind] += 1

    def __len__(self) -> int:
        return sum(self.counts.values())

    def __iter__(self) -> Iterator[list]:
        for kind, count in self.counts.items():
            spool = self._files.get(kind)
            if spool is None:
                continue
            spool.seek(0)
            for _ in range(count):
                yield _get(spool)

    def close(self) -> None:
        for spool in self._files.values():
            spool.close()
        self._files.clear()


class Postings:
    """Each term's postings, [record key, weight, …] as unsigned 32-bit
    numbers, in the order the records came. Up to `spill` are held; then
    they go to disk as a batch."""

    def __init__(self, scale: int, counted: Callable[[str], bool], spill: int = SPILL) -> None:
        self.held: dict[str, array] = {}
        self._held_count = 0   # postings in `held`
        self._scale = scale
        self._spill = spill
        self._spool: IO[bytes] | None = None
        self._batches = 0
        # Tallied as each batch goes out, so they are not read back for it.
        self._counted = counted
        self._total = 0
        self._counts: dict[str, int] = {}

    def add(self, key: int, weights: dict[str, float]) -> None:
        """A record's terms; each weight is kept as an integer, × scale."""
        held, scale = self.held, self._scale
        for term, weight in weights.items():
            plist = held.get(term)
            if plist is None:
                plist = held[term] = array("I")
            plist.append(key)
            plist.append(round(weight * scale))
        self._held_count += len(weights)
        if self._held_count >= self._spill:
            if self._spool is None:
                self._spool = tempfile.TemporaryFile()
            self._total = self._tally(held, self._total, self._counts)
            _dump(self._spool, list(held.items()))
            self._batches += 1
            self.held, self._held_count = {}, 0

    @property
    def on_disk(self) -> int:
        """Batches written out so far."""
        return self._batches

    def batches(self) -> Iterator[dict[str, array]]:
        """The batches on disk, then the one held."""
        if self._spool is not None:
            self._spool.seek(0)
            for _ in range(self._batches):
                yield dict(_load(self._spool))
        yield self.held

    def tally(self) -> tuple[int, dict[str, int]]:
        """The number of postings, and how many each `counted` term has."""
        counts = dict(self._counts)
        return self._tally(self.held, self._total, counts), counts

    def _tally(self, batch: dict[str, array], total: int, counts: dict[str, int]) -> int:
        for term, plist in batch.items():
            count = len(plist) // 2
            total += count
            if self._counted(term):
                counts[term] = counts.get(term, 0) + count
        return total

    def __iter__(self) -> Iterator[str]:
        """Every term, in the order first seen."""
        seen: dict[str, None] = {}
        for batch in self.batches():
            seen.update(dict.fromkeys(batch))
        return iter(seen)

    def get(self, term: str) -> array:
        """One term's postings, whole (a scan of every batch: for checks)."""
        out = array("I")
        for batch in self.batches():
            out.extend(batch.get(term, ()))
        return out

    def by_shard(self, shards: int, shard_of: Callable[[str], int]) -> Iterator[dict[str, array]]:
        """Every shard's terms, shard by shard, each with its whole postings,
        in the order first seen. Spilled postings are sorted into groups of
        shards on disk first, so only a group is ever held."""
        groups = [_Group(self._batches > 0) for _ in range(min(GROUPS, shards) if self._batches else 1)]
        members: list[list[str]] = [[] for _ in range(shards)]
        shard_by_term: dict[str, int] = {}
        for batch in self.batches():
            parts: list[list] = [[] for _ in groups]
            for term, data in batch.items():
                shard = shard_by_term.get(term)
                if shard is None:
                    shard = shard_by_term[term] = shard_of(term)
                    members[shard].append(term)
                parts[shard * len(groups) // shards].append((term, data))
            for group, part in zip(groups, parts, strict=True):
                group.add(part)
        del shard_by_term
        merged: dict[str, array] = {}
        current = -1
        for shard in range(shards):
            at = shard * len(groups) // shards
            if at != current:
                merged, current = groups[at].merged(), at
            yield {term: merged[term] for term in members[shard]}

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None


def _put(file: IO[bytes], value) -> None:
    """A value with its length first: marshal.load reads a file in many
    small reads (45 µs a search row), one read of its bytes is faster."""
    data = marshal.dumps(value)
    file.write(len(data).to_bytes(4, "little"))
    file.write(data)


def _get(file: IO[bytes]):
    return marshal.loads(file.read(int.from_bytes(file.read(4), "little")))


def _dump(file: IO[bytes], items: list[tuple[str, array]]) -> None:
    """Terms and their lengths, then each array's bytes straight from it."""
    _put(file, [(term, len(plist)) for term, plist in items])
    for _, plist in items:
        plist.tofile(file)


def _load(file: IO[bytes]) -> list[tuple[str, array]]:
    out = []
    for term, length in _get(file):
        plist = array("I")
        plist.fromfile(file, length)
        out.append((term, plist))
    return out


class _Group:
    """The postings of some shards, batch by batch: on disk when the
    postings were spilled, held otherwise."""

    def __init__(self, on_disk: bool) -> None:
        self._file: IO[bytes] | None = tempfile.TemporaryFile() if on_disk else None
        self._held: list[list[tuple[str, array]]] = []
        self._written = 0

    def add(self, part: list[tuple[str, array]]) -> None:
        if self._file is None:
            self._held.append(part)
        else:
            _dump(self._file, part)
            self._written += 1

    def _parts(self) -> Iterator[list[tuple[str, array]]]:
        if self._file is None:
            yield from self._held
            return
        self._file.seek(0)
        for _ in range(self._written):
            yield _load(self._file)

    def merged(self) -> dict[str, array]:
        """Each term's postings, joined in the order of the batches."""
        out: dict[str, array] = {}
        for part in self._parts():
            for term, data in part:
                plist = out.get(term)
                if plist is None:
                    # Taken as it is: read back from disk, or, held, the
                    # group's only part (nothing was spilled).
                    out[term] = data
                else:
                    plist.extend(data)
        if self._file is not None:
            self._file.close()
        self._held = []
        return out
