"""Run a function over items in worker processes, results in input order.

Used by ``storyline add --jobs N`` and ``storyline annotate --engine local``. Workers
are spawned (not forked) so they start clean; each keeps what it loads (the spaCy
pipeline) for all the items it gets. At most ``window`` items are in flight, so
memory stays bounded however many items come.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

K = TypeVar("K")
A = TypeVar("A")
R = TypeVar("R")

__all__ = ["ordered_map"]


def ordered_map(
    fn: Callable[[A], R], items: Iterable[tuple[K, A]], jobs: int, window: int | None = None
) -> Iterator[tuple[K, R]]:
    """``(key, fn(arg))`` for each ``(key, arg)``, in order; ``fn`` runs in ``jobs``
    processes (in this one when ``jobs`` is 1). ``fn`` and ``arg`` must pickle."""
    if jobs <= 1:
        for key, arg in items:
            yield key, fn(arg)
        return
    window = window or 2 * jobs
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"))
    pending: deque[tuple[K, Future[R]]] = deque()
    try:
        for key, arg in items:
            pending.append((key, pool.submit(fn, arg)))
            if len(pending) >= window:
                done_key, future = pending.popleft()
                yield done_key, future.result()
        while pending:
            done_key, future = pending.popleft()
            yield done_key, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
