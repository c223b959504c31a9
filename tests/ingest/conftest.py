from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.fixture
def data() -> Path:
    """The folder of small fictional articles written for these tests."""
    return DATA
