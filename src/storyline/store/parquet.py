"""Annotated articles as a partitioned Parquet dataset (``storyline annotate --out``).

Layout of ``OUT.parquet/``, one file per part in each folder::

    annotated/part-00000.parquet   one row per article: the article and, as nested
                                   lists, its sentences, timexes, entities, entity
                                   mentions, quotes and event mentions
    raw/part-00000.parquet         the raw input records (bytes as read)
    skipped/part-00000.parquet     inputs that could not be used, with the reason

Column types follow the dataclasses in ``storyline.types`` (see ``schema``). A part is
complete once its ``annotated`` file exists: files are written under a temporary name
and renamed, ``annotated`` last, so a killed run never leaves a half part behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from ..types import AnnotatedArticle, RawRecord, Skipped
from .parquet_schema import arrow_schema, from_row, to_row

__all__ = ["PartWriter", "part_numbers", "read_annotated", "read_raws", "read_skipped"]

_TABLES = {"annotated": AnnotatedArticle, "raw": RawRecord, "skipped": Skipped}


def _path(root: Path, table: str, number: int) -> Path:
    return root / table / f"part-{number:05d}.parquet"


class PartWriter:
    """Writes one part, streaming rows in as they come (memory stays bounded)."""

    def __init__(self, root: str | Path, number: int) -> None:
        self.root = Path(root)
        self.number = number
        self._writers: dict[str, pq.ParquetWriter] = {}

    def write(self, table: str, rows: Iterable[Any]) -> None:
        items = [to_row(r) for r in rows]
        if not items:
            return
        schema = arrow_schema(_TABLES[table])
        writer = self._writers.get(table)
        if writer is None:
            final = _path(self.root, table, self.number)
            final.parent.mkdir(parents=True, exist_ok=True)
            writer = pq.ParquetWriter(str(final) + ".tmp", schema, compression="zstd")
            self._writers[table] = writer
        writer.write_table(pa.Table.from_pylist(items, schema=schema))

    def close(self) -> None:
        """Finish the part: every table renamed into place, ``annotated`` last."""
        for table in ("raw", "skipped", "annotated"):
            if table not in self._writers:
                self._empty(table)
                continue
            self._writers.pop(table).close()
            final = _path(self.root, table, self.number)
            os.replace(str(final) + ".tmp", final)

    def _empty(self, table: str) -> None:
        final = _path(self.root, table, self.number)
        final.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(arrow_schema(_TABLES[table]).empty_table(), str(final) + ".tmp")
        os.replace(str(final) + ".tmp", final)


def part_numbers(root: str | Path) -> list[int]:
    """The complete parts of the dataset at ``root``, in order."""
    folder = Path(root) / "annotated"
    if not folder.is_dir():
        raise InputError(f"{root} is not an annotated Parquet dataset (no annotated/ folder)")
    return sorted(int(p.stem.split("-")[1]) for p in folder.glob("part-*.parquet"))


def _rows(root: str | Path, table: str, number: int, batch_rows: int = 64) -> Iterator[Any]:
    path = _path(Path(root), table, number)
    if not path.exists():
        return
    cls = _TABLES[table]
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        for row in batch.to_pylist():
            yield from_row(cls, row)


def read_annotated(root: str | Path, number: int) -> Iterator[AnnotatedArticle]:
    return _rows(root, "annotated", number)


def read_raws(root: str | Path, number: int) -> Iterator[RawRecord]:
    return _rows(root, "raw", number)


def read_skipped(root: str | Path, number: int) -> Iterator[Skipped]:
    return _rows(root, "skipped", number)

