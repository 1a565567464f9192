"""Imports every command module so that its commands attach to the CLI.

Add one line per module.
"""

from __future__ import annotations

from . import (
    core,  # noqa: F401
    edit,  # noqa: F401
    extract_eval,  # noqa: F401
    quotes_eval,  # noqa: F401
    scale,  # noqa: F401
    serve,  # noqa: F401
    stories,  # noqa: F401
    timex,  # noqa: F401
    tls_eval,  # noqa: F401
)
