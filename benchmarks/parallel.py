"""Parallel annotation: throughput and memory of add --jobs and annotate (local, Dask).

Every run is a fresh `storyline` process over the same Timeline17 articles (staged
with a manifest, as benchmarks/ingest.py does). A sampler reads the RSS of the process
and of every worker under it twice a second, so the table shows the peak of the main
process and the highest peak of any one worker.

Runs (pick with --runs):
  add1    storyline add --jobs 1             (the single-process baseline of add)
  add2    storyline add --jobs 2
  local1  storyline annotate --engine local --jobs 1   (single-process baseline of annotate)
  local2  storyline annotate --engine local --jobs 2
  dask2   storyline annotate --engine dask --jobs 2     (LocalCluster, 2 workers)
  load    storyline load of the last annotate run's Parquet

Usage: python benchmarks/parallel.py [--articles 2000] [--runs add1,add2,local1,dask2,load]
       python benchmarks/parallel.py --articles 500 --runs dask2   (memory at several sizes)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import sample, stage  # noqa: E402

MB = 1024 * 1024


class Sampler(threading.Thread):
    """Peak RSS of a process and, separately, of each process under it."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.main_peak = 0
        self.worker_peaks: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            try:
                self.main_peak = max(self.main_peak, self.root.memory_info().rss)
                for child in self.root.children(recursive=True):
                    rss = child.memory_info().rss
                    self.worker_peaks[child.pid] = max(self.worker_peaks.get(child.pid, 0), rss)
            except psutil.Error:
                continue


def command(run: str, folder: Path, work: Path) -> list[str]:
    base = [sys.executable, "-m", "storyline", "--db", str(work / f"{run}.db")]
    if run.startswith("add"):
        return [*base, "add", str(folder), "--jobs", run[-1], "--format", "json"]
    if run == "load":
        return [*base, "load", str(work / "last.parquet"), "--format", "json"]
    engine = "dask" if run.startswith("dask") else "local"
    return [*base, "annotate", str(folder), "--out", str(work / "last.parquet"), "--overwrite",
            "--engine", engine, "--jobs", run[-1], "--files-per-part", "25", "--format", "json"]


def sampled(name: str, args: list[str]) -> tuple[dict[str, Any], float, Sampler]:
    """Run a storyline command (``--format json``) in its own process while sampling its
    memory: its JSON result, the seconds it took and the sampler's peaks."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    if proc.returncode not in (0, 2):  # 2: some input was skipped
        raise SystemExit(f"{name} failed with status {proc.returncode}")
    return json.loads(out), seconds, sampler


def measure(run: str, folder: Path, work: Path, words: int) -> dict[str, float]:
    result, seconds, sampler = sampled(run, command(run, folder, work))
    articles = result["articles"] if isinstance(result["articles"], int) else result["added"]
    workers = sorted(sampler.worker_peaks.values(), reverse=True)
    return {
        "articles": articles, "seconds": seconds, "articles_per_s": articles / seconds,
        "words_per_s": words / seconds, "main_mb": sampler.main_peak / MB,
        "worker_mb": (workers[0] / MB) if workers else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", default="add1,add2,local1,dask2,load")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()

    files = sample(args.data / "t17", args.articles)
    words = sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        folder, work = Path(tmp) / "articles", Path(tmp)
        folder.mkdir()
        stage(files, folder)
        print(f"{len(files)} T17 articles, {words} words; {psutil.cpu_count()} cores")
        print(f"{'run':<7} {'articles':>8} {'seconds':>8} {'art/s':>7} {'words/s':>8} {'speedup':>8}"
              f" {'main MB':>8} {'worker MB':>9}")
        baseline: dict[str, float] = {}
        for run in args.runs.split(","):
            r = measure(run, folder, work, words)
            kind = "add" if run.startswith("add") else "annotate"
            if run.endswith("1"):
                baseline[kind] = r["articles_per_s"]
            speedup = r["articles_per_s"] / baseline[kind] if kind in baseline and run != "load" else 0
            print(f"{run:<7} {r['articles']:>8} {r['seconds']:>8.1f} {r['articles_per_s']:>7.2f}"
                  f" {r['words_per_s']:>8.0f} {speedup:>7.2f}x {r['main_mb']:>8.0f} {r['worker_mb']:>9.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
