"""Run a function over items in worker processes: results in input order
(``storyline add --jobs N``, which links articles in the order given) or as they
finish (``storyline annotate --engine local``, whose parts are independent). Workers
are spawned (not forked) so they start clean; each keeps what it loads (the spaCy
pipeline) for all the items it gets. At most ``window`` items are in flight, so
memory stays bounded however many items come.

Workers never outlive this process: on Linux the kernel kills them when it dies
(``PR_SET_PDEATHSIG``), elsewhere a watchdog thread in each worker notices that its
parent is gone. When the caller stops early (an error, Ctrl+C, SIGTERM turned into an
exception by ``stop_on_sigterm``) the workers are killed, not waited for.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

K = TypeVar("K")
A = TypeVar("A")
R = TypeVar("R")

__all__ = ["ordered_map", "stop_on_sigterm", "unordered_map"]

_PR_SET_PDEATHSIG = 1


def ordered_map(
    fn: Callable[[A], R], items: Iterable[tuple[K, A]], jobs: int, window: int | None = None
) -> Iterator[tuple[K, R]]:
    """``(key, fn(arg))`` for each ``(key, arg)``, in order; ``fn`` runs in ``jobs``
    processes (in this one when ``jobs`` is 1). ``fn`` and ``arg`` must pickle."""
    if jobs <= 1:
        for key, arg in items:
            yield key, fn(arg)
        return
    # results wait here until every earlier one is in, so a slow item would soon leave
    # the other workers idle: keep a few items per worker queued behind it
    window = window or 4 * jobs
    pool = _pool(jobs)
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
    except BaseException:
        _kill(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def unordered_map(
    fn: Callable[[A], R], items: Iterable[A], jobs: int, window: int | None = None
) -> Iterator[R]:
    """``fn(item)`` for each item as it finishes, at most ``window`` in flight, so one slow
    item never keeps the other workers waiting (in this process when ``jobs`` is 1)."""
    if jobs <= 1:
        yield from map(fn, items)
        return
    window = window or 2 * jobs
    pool = _pool(jobs)
    running: set[Future[R]] = set()
    try:
        for item in items:
            running.add(pool.submit(fn, item))
            if len(running) >= window:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        for future in list(running):
            running.discard(future)
            yield future.result()
    except BaseException:
        _kill(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(jobs: int) -> ProcessPoolExecutor:
    # spawned, not forked: workers start clean, whatever threads this process has
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_tie_to_parent, initargs=(os.getpid(),))


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now: what they were doing is abandoned, nothing of it is stored."""
    # ProcessPoolExecutor has no public way to do this before Python 3.14 (terminate_workers)
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()


def _tie_to_parent(parent: int) -> None:
    """Worker initializer: die with the parent process."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    # the parent may have died before prctl took effect; and on other systems this is the guard
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watchdog").start()


def _watch_parent(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Within the block, SIGTERM raises ``SystemExit`` as Ctrl+C raises KeyboardInterrupt, so
    the open transaction rolls back and the workers are stopped (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
