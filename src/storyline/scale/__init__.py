"""scale: annotate many articles in parallel (process pool or Dask) into Parquet, then
load the Parquet into a store. See docs/scaling.md."""

from __future__ import annotations

from .job import AnnotateJob, PartSummary, annotate_part, plan_parts
from .load import load_dataset
from .run import ENGINES, run_job

__all__ = ["ENGINES", "AnnotateJob", "PartSummary", "annotate_part", "load_dataset", "plan_parts", "run_job"]
