"""The accuracy gates: PolNeAR dev attribution, who is who across its articles, and when its statements were said,
and French on real news (wikinews-fr), must not fall past the bounds pinned in
eval_baseline.json."""

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
def test_polnear_dev_stays_above_the_floor(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_polnear.py"), "--split", "dev", "--check", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # Who is who, on the same export (one store of the 84 articles): scripts/eval_identity.py.
    identity = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_identity.py"), "--check", "--export", str(tmp_path / "dev.jsonl")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert identity.returncode == 0, identity.stdout + identity.stderr


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


FRENCH = ROOT.parent / "shared" / "data" / "wikinews-fr"


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(
    not (FRENCH / "gold.json").is_file(), reason="wikinews-fr not found at ../shared/data (evaluation data is not shipped)"
)
def test_wikinews_fr_stays_above_the_floor() -> None:
    """French on real news: 20 French Wikinews articles annotated by hand (scripts/eval_french.py)."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_french.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_gate_fails_a_figure_below_its_floor_or_above_its_ceiling() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from gate import past_bounds
    finally:
        sys.path.pop(0)
    bounds = {"dated": 0.86, "after_publication": 0}
    assert past_bounds({"dated": 0.87, "after_publication": 0}, bounds, ceilings=("after_publication",)) == []
    failed = past_bounds({"dated": 0.85, "after_publication": 2}, bounds, ceilings=("after_publication",))
    assert failed == ["below the floor: dated = 0.850 < 0.860", "above the ceiling: after_publication = 2 > 0"]
    assert past_bounds({"after_publication": 2}, {"after_publication": 0}) == []  # (not named a ceiling: a floor)
