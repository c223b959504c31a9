"""Stance over time as plain SVG shapes, computed here and drawn by the templates (no script, no inline style).

One chart per target: a bar per month (per year when the statements span more than eight years), favor
upward from the middle line, against downward, neutral stacked above favor in grey; the time axis runs over
whole years, a tick at each year's start and its label in its middle (fewer labels when there are many years). Each bar has a `<title>` giving its counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?")
# Beyond this many months, one bar per year.
_MAX_MONTHS = 96
# At most this many year labels on the axis.
_MAX_TICKS = 12


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str  # favor | against | neutral
    title: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float  # where the year starts
    label_x: float  # the middle of the year, where its label goes
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    middle: float
    left: float
    right: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    peak: int
    by_year: bool
    dated: int  # statements drawn (the undated ones cannot be)


def _index(key: str) -> int | None:
    m = _MONTH.match(key)
    if not m:
        return None
    return int(m.group(1)) * 12 + (int(m.group(2)) - 1 if m.group(2) else 0)


def stance_chart(
    months: dict[str, dict[str, int]], *, span: tuple[str, str] | None = None, width: int = 720, height: int = 120
) -> Chart | None:
    """The chart of stance counts by month (`{"2022-03": {"favor": 2, "against": 1, "neutral": 0}}`); None when
    no statement is dated. `span` (first and last month) puts several charts on one time axis."""
    points: dict[int, dict[str, int]] = {}
    for key, counts in months.items():
        index = _index(key)
        if index is not None:
            bucket = points.setdefault(index, {"favor": 0, "against": 0, "neutral": 0})
            for stance in bucket:
                bucket[stance] += counts.get(stance, 0)
    if not points:
        return None
    first, last = min(points), max(points)
    if span is not None:
        ends = [i for i in (_index(span[0]), _index(span[1])) if i is not None]
        first, last = min([first, *ends]), max([last, *ends])
    dated = sum(sum(c.values()) for c in points.values())
    by_year = last - first + 1 > _MAX_MONTHS
    if by_year:
        merged: dict[int, dict[str, int]] = {}
        for index, counts in points.items():
            bucket = merged.setdefault(index // 12, {"favor": 0, "against": 0, "neutral": 0})
            for stance in bucket:
                bucket[stance] += counts[stance]
        points = merged
        first, last = first // 12, last // 12
    if by_year:  # one empty slot either side: a single year is a bar in the middle, not a line at the edge
        first, last = first - 1, last + 1
    else:  # whole years, so each year's January has a tick and a label
        first, last = first // 12 * 12, last // 12 * 12 + 11
    left, right, top, axis = 8.0, float(width - 8), 6.0, 18.0
    middle = top + (height - top - axis) / 2
    half = middle - top
    slots = last - first + 1
    slot = (right - left) / slots
    peak = max(max(c["favor"] + c["neutral"], c["against"]) for c in points.values()) or 1
    bars: list[Bar] = []
    gap = min(2.0, slot * 0.2)
    for index, counts in sorted(points.items()):
        x = left + (index - first) * slot + gap / 2
        label = str(index) if by_year else f"{index // 12}-{index % 12 + 1:02d}"
        title = f"{label}: {counts['favor']} favor, {counts['against']} against, {counts['neutral']} neutral"
        up = 0.0
        for stance in ("favor", "neutral"):
            if counts[stance]:
                h = half * counts[stance] / peak
                bars.append(Bar(round(x, 1), round(middle - up - h, 1), round(slot - gap, 1), round(h, 1), stance, title))
                up += h
        if counts["against"]:
            h = half * counts["against"] / peak
            bars.append(Bar(round(x, 1), round(middle, 1), round(slot - gap, 1), round(h, 1), "against", title))
    years = list(range(first + 1, last)) if by_year else list(range(first // 12, last // 12 + 1))
    step = max(1, -(-len(years) // _MAX_TICKS))
    ticks = []
    for year in years[::step]:
        start = left + ((year - first) if by_year else (year * 12 - first)) * slot
        width_of_year = slot if by_year else slot * 12
        ticks.append(Tick(round(start, 1), round(start + width_of_year / 2, 1), str(year)))
    return Chart(width, height, round(middle, 1), left, right, tuple(bars), tuple(ticks), peak, by_year, dated)


def common_span(months: list[dict[str, dict[str, int]]]) -> tuple[str, str] | None:
    """The first and last month of several charts' data, to draw them on one time axis."""
    keys = [key for m in months for key in m if _index(key) is not None]
    if not keys:
        return None
    return min(keys, key=lambda k: _index(k) or 0), max(keys, key=lambda k: _index(k) or 0)
