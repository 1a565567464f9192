"""Engines that run an annotate job's parts: a local process pool, or Dask.

``local`` runs the parts in ``jobs`` processes on this machine (in this process when
``jobs`` is 1). ``dask`` submits them to a ``dask.distributed`` cluster: the one at
``scheduler`` when given (workers need storyline and the spaCy model installed and
the input and output paths reachable), else a ``LocalCluster`` of ``jobs`` worker
processes with one thread each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..errors import ConfigError
from ..parallel import unordered_map
from .job import PartSummary, PartTask, annotate_part

__all__ = ["ENGINES", "run_job"]

ENGINES = ("local", "dask")

# Worker settings for annotation (used for the LocalCluster; docs/scaling.md gives them
# for a real cluster). Dask's monitoring wakes each worker every few milliseconds
# (profiler every 10 ms, event-loop tick every 20 ms), which costs while annotation holds
# the GIL; and Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc
# hand memory back to the system after nearly every free: for spaCy, which allocates
# and frees all the time, that is a stream of system calls (a worker's system time doubled).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None: not set
}


def run_job(
    tasks: list[PartTask], engine: str = "local", jobs: int = 1, scheduler: str | None = None
) -> Iterator[PartSummary]:
    """Each part's summary as it finishes. The biggest parts start first, so the last
    ones to run are small and no worker waits long for the others at the end."""
    tasks = sorted(tasks, key=lambda task: task.size, reverse=True)
    if engine == "local":
        if scheduler:
            raise ConfigError("--scheduler needs --engine dask")
        return unordered_map(annotate_part, tasks, jobs)
    if engine == "dask":
        return _run_dask(tasks, jobs, scheduler)
    raise ConfigError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def _run_dask(tasks: list[PartTask], jobs: int, scheduler: str | None) -> Iterator[PartSummary]:
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    connect: Callable[[], Client]
    if scheduler:
        connect = lambda: Client(scheduler)  # noqa: E731
    else:
        def connect() -> Client:
            # dashboard on any free port: a fixed one clashes with another cluster running
            with dask.config.set(QUIET_WORKERS):
                cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
            return Client(cluster)
    client = connect()
    try:
        # explicit priorities: the scheduler would otherwise order independent tasks by key
        futures = [client.submit(annotate_part, task, pure=False, priority=len(tasks) - i)
                   for i, task in enumerate(tasks)]
        for future in as_completed(futures):
            yield future.result()
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()
