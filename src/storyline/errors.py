"""One exception hierarchy. Messages say what went wrong and what to do next."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class for every error storyline raises on purpose."""


class ConfigError(StorylineError):
    """A setting has an unusable value."""


class ModelNotFoundError(ConfigError):
    """The spaCy model named in the settings is not installed."""


class InputError(StorylineError):
    """An input could not be read or understood."""


class ManifestError(InputError):
    """A manifest file is malformed."""


class StoreError(StorylineError):
    """The database cannot be opened or is in an unexpected state."""


class MigrationError(StoreError):
    """The database schema is newer than this version of storyline, or a migration failed."""


class NotFoundError(StorylineError):
    """A requested article, entity or event does not exist."""


class EvaluationError(StorylineError):
    """Evaluation data is missing or malformed."""
