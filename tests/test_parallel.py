"""The process-pool helpers behind add --jobs and annotate --engine local."""

from __future__ import annotations

from pathlib import Path

from storyline.pipeline.batch import AnnotateJob, plan_parts
from storyline.pipeline.pool import ordered_map, unordered_map
from storyline.pipeline.report import IngestReport


def test_ordered_map_keeps_input_order_across_processes() -> None:
    items = [(i, -i) for i in range(20)]
    assert list(ordered_map(abs, items, jobs=2)) == [(i, i) for i in range(20)]


def test_unordered_map_returns_every_result_once() -> None:
    values = [-i for i in range(25)]
    assert sorted(unordered_map(abs, values, jobs=2, window=3)) == list(range(25))
    assert list(unordered_map(abs, values, jobs=1)) == list(range(25))


def test_parts_know_their_input_bytes(tmp_path: Path) -> None:
    for name, size in (("a.txt", 10), ("b.txt", 300), ("c.txt", 5)):
        (tmp_path / name).write_text("x" * size)
    job = AnnotateJob(str(tmp_path / "out"), "en_core_web_sm")
    _, tasks = plan_parts(job, [str(tmp_path)], files_per_part=2, report=IngestReport())
    assert [len(t.paths) for t in tasks] == [2, 1]
    assert [t.size for t in tasks] == [310, 5]
