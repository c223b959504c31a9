"""What the accuracy gates share: the folder they ingest into, and their figures against the pinned bounds.

    from gate import workdir, past_bounds

The gates (eval_polnear.py, eval_dates.py, eval_french.py) and sample_realpages.py run volte into a fresh store in a
folder: `--keep DIR` keeps it for reading the misses, else a temporary one is removed after. Each gate's bounds are
in eval_baseline.json: a floor, or a ceiling for the figures named so (`after_publication`, `false_attributions`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def workdir(keep: Path | None) -> Iterator[Path]:
    """`keep` (made if absent) when given, else a temporary folder removed on leaving."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def past_bounds(figures: Mapping[str, float], bounds: Mapping[str, float], ceilings: Collection[str] = ()) -> list[str]:
    """One line per figure past its bound: below its floor, or above its ceiling for the names in `ceilings`."""
    return [
        f"above the ceiling: {name} = {figures[name]:g} > {bound:g}"
        if name in ceilings
        else f"below the floor: {name} = {figures[name]:.3f} < {bound:.3f}"
        for name, bound in bounds.items()
        if (figures[name] > bound if name in ceilings else figures[name] < bound)
    ]
