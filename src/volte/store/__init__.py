"""The embedded store: articles, entities and statements in one SQLite file."""

from volte.store.sqlite import SpeakerSummary, Store

__all__ = ["SpeakerSummary", "Store"]
