"""Errors volte raises. Every one carries a message a user can act on.

    VolteError
     ├── IngestError            an input file could not be read as an article
     │    ├── UnsupportedFormat  no reader for this kind of file
     │    └── LimitExceeded      an input over one of volte's limits (volte.settings): too big, too slow
     ├── StoreError             the database file cannot be opened or is not a volte store
     ├── ModelNotFound          no spaCy pipeline for the language, or not the pinned stance model, is installed
     └── UsageError             a command was given arguments that cannot work
          └── RayMissing         `--engine ray` where the ray extra is not installed
"""

from __future__ import annotations


class VolteError(Exception):
    """Base class of every error volte raises on purpose."""


class IngestError(VolteError):
    """An input could not be read as an article; the message says which file and why."""


class UnsupportedFormat(IngestError):
    """No reader knows this kind of file."""


class LimitExceeded(IngestError):
    """An input is over one of the limits in `volte.settings`: a page too big, an article too long or too slow."""


class StoreError(VolteError):
    """The store file cannot be opened, or it is not a volte store."""


class ModelNotFound(VolteError):
    """The language pipeline volte needs is not installed, or the stance model is missing or not the pinned file."""


class UsageError(VolteError):
    """Arguments that cannot work together."""


class RayMissing(UsageError):
    """`volte ingest --engine ray` where ray (the `ray` extra: `pip install 'volte[ray]'`) is not installed."""
