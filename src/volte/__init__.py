"""volte: who said what, when, about whom — an attributed statement record from news articles.

    from volte import Store, ingest_paths
    with Store.open("volte.db") as store:
        report = ingest_paths(["articles/"], store)
        for statement, article in store.iter_statements(speaker="Dupont"):
            print(statement.said, statement.text)

`ingest_paths` (that is `volte.runner.ingest`; `volte.ingest` is the package of input readers, a name a function
cannot share), `iter_articles` and `extract_statements` are imported on first use: they bring in spaCy and the
input readers, which the commands that only read the store do not need.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from volte.errors import (
    IngestError,
    LimitExceeded,
    ModelNotFound,
    RayMissing,
    StoreError,
    UnsupportedFormat,
    UsageError,
    VolteError,
)
from volte.model import Article, Entity, Statement, TargetStance
from volte.store import Store

if TYPE_CHECKING:
    from volte.ingest import iter_articles
    from volte.nlp.extract import extract_statements
    from volte.runner import ingest as ingest_paths

try:
    __version__ = version("volte")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Article",
    "Entity",
    "IngestError",
    "LimitExceeded",
    "ModelNotFound",
    "RayMissing",
    "Statement",
    "Store",
    "StoreError",
    "TargetStance",
    "UnsupportedFormat",
    "UsageError",
    "VolteError",
    "__version__",
    "extract_statements",
    "ingest_paths",
    "iter_articles",
]

# name -> (module, attribute), imported on first use.
_LAZY = {
    "ingest_paths": ("volte.runner", "ingest"),
    "iter_articles": ("volte.ingest", "iter_articles"),
    "extract_statements": ("volte.nlp.extract", "extract_statements"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        value = getattr(import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'volte' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
