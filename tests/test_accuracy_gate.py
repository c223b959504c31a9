"""The accuracy gates: PolNeAR dev attribution, and when its statements were said, must not fall below the floors
pinned in eval_baseline.json."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(not DATA.is_dir(), reason="PolNeAR dev not found at ../shared/data/polnear (evaluation data is not shipped)")
def test_polnear_dev_stays_above_the_floor() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_polnear.py"), "--split", "dev", "--check"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout + run.stderr


DATES = ROOT.parent / "shared" / "data" / "polnear-dates" / "dev-articles.jsonl"


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(not DATES.is_file(), reason="polnear-dates not found at ../shared/data (evaluation data is not shipped)")
def test_polnear_dev_dates_stay_above_the_floor() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_dates.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout + run.stderr
