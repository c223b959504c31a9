"""The public API: every name in volte.__all__ exists (httpx keeps its __all__ complete the same way)."""

from __future__ import annotations

import inspect

import volte
import volte.errors


def test_every_name_in_all_exists():
    for name in volte.__all__:
        assert getattr(volte, name) is not None, name


def test_all_is_sorted_and_unique():
    assert volte.__all__ == sorted(set(volte.__all__))


def test_every_error_is_exported():
    errors = {
        name
        for name, value in vars(volte.errors).items()
        if inspect.isclass(value) and issubclass(value, volte.VolteError)
    }
    assert errors <= set(volte.__all__)


def test_lazy_names_are_the_functions():
    from volte.ingest import iter_articles
    from volte.nlp.extract import extract_statements
    from volte.runner import ingest

    assert volte.ingest_paths is ingest
    assert volte.iter_articles is iter_articles
    assert volte.extract_statements is extract_statements
    # The reader package keeps its name: `volte.ingest` is not shadowed by a function.
    assert inspect.ismodule(volte.ingest)


def test_version():
    assert isinstance(volte.__version__, str) and volte.__version__[0].isdigit()
