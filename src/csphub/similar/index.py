"""Nearest submissions by cosine similarity: a usearch index file over the stored vectors.

The file lives in `settings.CSPHUB_SIMILAR_INDEX_DIR` beside a small JSON description
(`index.json`: the file's name, how many vectors it holds, the highest `SubmissionVector.id`
among them, the model). Web processes memory-map it (`Index.restore(view=True)`), so the
operating system shares one copy between them, and map it again when the description changes.

Vectors stored after the file was written (ids above its highest) are its *tail*: they are
searched exactly, with numpy, beside the index. The worker writes a new file holding them once
the tail reaches `CSPHUB_SIMILAR_INDEX_BATCH` (`index_extend_if_due`), rather than rewriting a
large file for every submission. If the file is missing, or does not match the table (a
submission deleted, a vector replaced: the count of rows up to its highest id differs from the
count it holds), the search is exact over the whole table, in chunks, and a rebuild is queued.

Files are written whole under another name, then named in `index.json` by an atomic rename;
writers (the worker, the reindex command) take an exclusive lock on `index.lock` first.
"""

from __future__ import annotations

import contextlib
import fcntl
import heapq
import json
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q
from usearch.index import Index

from csphub.embeddings import DIMENSIONS

from .models import SubmissionVector, vectors_from_bytes
from .vectors import MODEL

logger = logging.getLogger(__name__)

# Candidates usearch keeps while searching (its default is 64). benchmarks/similar.py at 200,000
# clustered vectors: recall@10 0.995 at 64, 1.0 at 128, for p95 2.0 against 2.5 ms.
SEARCH_EXPANSION = 128

DESCRIPTION = "index.json"
LOCK = "index.lock"
CHUNK = 20_000
_REBUILD_KEY = "csphub-similar-index-rebuild"


@dataclass(frozen=True)
class Hit:
    submission_id: int
    similarity: float


@dataclass(frozen=True)
class _Mapped:
    stamp: tuple[int, int, int]
    index: Index
    count: int
    max_id: int


_mapped: _Mapped | None = None
_mapped_lock = threading.Lock()


def index_dir() -> Path:
    return Path(settings.CSPHUB_SIMILAR_INDEX_DIR)


def _description() -> tuple[tuple[int, int, int], dict[str, Any]] | None:
    path = index_dir() / DESCRIPTION
    try:
        stat = path.stat()
        described = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if described.get("model") != MODEL or described.get("ndim") != DIMENSIONS:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size), described


def _open() -> _Mapped | None:
    """The index file, memory-mapped, or None if there is none for this model."""
    global _mapped
    found = _description()
    if found is None:
        return None
    stamp, described = found
    held = _mapped
    if held is not None and held.stamp == stamp:
        return held
    with _mapped_lock:
        if _mapped is not None and _mapped.stamp == stamp:
            return _mapped
        try:
            index = Index.restore(str(index_dir() / described["file"]), view=True)
        except (OSError, RuntimeError, ValueError):
            index = None
        if index is None:
            return None
        # usearch defines this setter apart from its getter, which mypy reads as read-only.
        index.expansion_search = SEARCH_EXPANSION  # type: ignore[misc]
        _mapped = _Mapped(stamp, index, int(described["count"]), int(described["max_id"]))
        return _mapped


def forget_mapped() -> None:
    """Unmap the file (tests, and after this process rewrites it)."""
    global _mapped
    _mapped = None


def _current(mapped: _Mapped | None) -> tuple[bool, int]:
    """Whether `mapped` still matches the table, and how many vectors its tail has."""
    if mapped is None:
        return False, 0
    counts = SubmissionVector.objects.aggregate(
        held=Count("id", filter=Q(id__lte=mapped.max_id)),
        tail=Count("id", filter=Q(id__gt=mapped.max_id)),
    )
    return counts["held"] == mapped.count, counts["tail"]


def nearest(vector: np.ndarray, *, count: int) -> list[Hit]:
    """The `count` stored submissions most similar to `vector`, best first."""
    mapped = _open()
    fresh, _tail = _current(mapped)
    if mapped is None or not fresh:
        rebuild_soon()
        return exact_nearest(vector, count=count)
    hits = []
    if len(mapped.index):
        matches = mapped.index.search(vector.astype(np.float32), count)
        hits = [
            Hit(int(key), 1.0 - float(distance))
            for key, distance in zip(matches.keys, matches.distances, strict=True)
        ]
    hits += exact_nearest(vector, count=count, after_id=mapped.max_id)
    hits.sort(key=lambda hit: -hit.similarity)
    return hits[:count]


def _chunks(after_id: int = 0) -> Iterator[tuple[list[int], list[int], np.ndarray]]:
    """Stored vectors above `after_id`, CHUNK at a time: (ids, submission ids, matrix)."""
    last = after_id
    while True:
        rows = list(
            SubmissionVector.objects.filter(id__gt=last)
            .order_by("id")
            .values_list("id", "submission_id", "vector")[:CHUNK]
        )
        if not rows:
            return
        last = rows[-1][0]
        yield (
            [row[0] for row in rows],
            [row[1] for row in rows],
            vectors_from_bytes([bytes(row[2]) for row in rows]),
        )


def exact_nearest(vector: np.ndarray, *, count: int, after_id: int = 0) -> list[Hit]:
    """Exhaustive search over the table (vectors above `after_id`), one chunk in memory at a
    time."""
    best: list[tuple[float, int]] = []  # a min-heap of the best `count` so far
    query = vector.astype(np.float32)
    for _ids, submission_ids, matrix in _chunks(after_id):
        scores = matrix @ query
        top = np.argsort(-scores)[:count]
        for i in top:
            item = (float(scores[i]), submission_ids[i])
            if len(best) < count:
                heapq.heappush(best, item)
            elif item > best[0]:
                heapq.heapreplace(best, item)
    return [Hit(submission_id, score) for score, submission_id in sorted(best, reverse=True)]


def rebuild_soon() -> None:
    """Queue a rebuild of the index file for the worker, at most once in ten minutes from
    this process."""
    if cache.add(_REBUILD_KEY, 1, timeout=600):
        from .tasks import similar_index_rebuild

        transaction.on_commit(similar_index_rebuild.enqueue)


@contextlib.contextmanager
def _writing(*, wait: bool = True) -> Iterator[bool]:
    """Hold the writers' lock; with wait=False, yield False at once if another holds it."""
    directory = index_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / LOCK, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _new_index() -> Index:
    return Index(ndim=DIMENSIONS, metric="cos", dtype=settings.CSPHUB_SIMILAR_INDEX_DTYPE)


def _add(index: Index, after_id: int) -> tuple[int, int]:
    """Add the vectors above `after_id`; return how many and the highest id added."""
    added, max_id = 0, after_id
    for ids, submission_ids, matrix in _chunks(after_id):
        index.add(np.asarray(submission_ids, dtype=np.uint64), matrix)
        added, max_id = added + len(ids), ids[-1]
    return added, max_id


def _publish(index: Index, *, count: int, max_id: int) -> None:
    """Write `index` under a new name, then name it in the description (atomically), and
    remove older files (processes that map them keep their copy until they map again)."""
    directory = index_dir()
    name = f"submissions-{uuid.uuid4().hex}.usearch"
    index.save(str(directory / name))
    described = {
        "file": name,
        "count": count,
        "max_id": max_id,
        "model": MODEL,
        "ndim": DIMENSIONS,
        "dtype": str(settings.CSPHUB_SIMILAR_INDEX_DTYPE),
    }
    partial = directory / f"{DESCRIPTION}.{os.getpid()}.tmp"
    partial.write_text(json.dumps(described))
    os.replace(partial, directory / DESCRIPTION)
    for old in directory.glob("submissions-*.usearch"):
        if old.name != name:
            old.unlink(missing_ok=True)
    forget_mapped()


def index_rebuild(*, wait: bool = True) -> int | None:
    """Build the index file from every stored vector; the number it holds, or None when
    another writer held the lock (wait=False)."""
    with _writing(wait=wait) as held:
        if not held:
            return None
        count = _rebuild_locked()
        cache.delete(_REBUILD_KEY)
        logger.info("similar-reports index rebuilt with %s vectors", count)
        return count


def index_rebuild_if_needed() -> int | None:
    """Rebuild unless the file is current (several processes may have asked at once)."""
    fresh, _tail = _current(_open())
    if fresh:
        return None
    return index_rebuild(wait=False)


def _rebuild_locked() -> int:
    index = _new_index()
    count, max_id = _add(index, 0)
    _publish(index, count=count, max_id=max_id)
    return count


def index_extend_if_due() -> int:
    """After a vector is stored: once the tail is `CSPHUB_SIMILAR_INDEX_BATCH` long, write a
    file that holds it too. Returns how many vectors were added (0 if not yet due; a whole
    rebuild if the file is missing or stale)."""
    fresh, tail = _current(_open())
    if fresh and tail < settings.CSPHUB_SIMILAR_INDEX_BATCH:
        return 0
    with _writing():
        forget_mapped()  # another writer may have published while we waited
        mapped, described = _open(), _description()
        fresh, tail = _current(mapped)
        if fresh and tail < settings.CSPHUB_SIMILAR_INDEX_BATCH:
            return 0
        copy = None
        if mapped is not None and fresh and described is not None:
            copy = Index.restore(str(index_dir() / described[1]["file"]))  # writable
        if mapped is None or copy is None:
            return _rebuild_locked()
        added, max_id = _add(copy, mapped.max_id)
        _publish(copy, count=mapped.count + added, max_id=max_id)
        return added
