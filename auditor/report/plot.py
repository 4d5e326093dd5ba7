"""Geometry of the small per-group plot, drawn as inline SVG by ``templates/_plot.svg.j2``.

Why a Jinja-built SVG and not matplotlib: the report must be one offline file rendered in well
under a second and byte-identical for the same audit. A hand-built SVG is a few hundred bytes
per group, needs no extra dependency, escapes its labels through the same autoescaping
environment as the page, and has no generated ids or timestamps; matplotlib costs about a second
to import, embeds run-dependent ids and is not among the project's dependencies.

This module only computes numbers (pixel positions, tick labels); the template draws them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from auditor.report.values import Figure, format_number

WIDTH = 680
LABEL_WIDTH = 190
RIGHT_PAD = 24
ROW_HEIGHT = 24
TOP = 8
AXIS_HEIGHT = 26


@dataclass(frozen=True)
class PlotRow:
    label: str
    y: float
    x: float | None  # the stated value
    x_low: float | None  # interval, clipped to the plot
    x_high: float | None
    open_low: bool  # the interval runs off the plot (an open bound)
    open_high: bool
    band_low: float | None  # interval widened by the tolerance
    band_high: float | None
    flagged: bool  # claim named by a live finding
    title: str  # tooltip: source and figure


@dataclass(frozen=True)
class Plot:
    width: int
    height: int
    x0: float
    x1: float
    rows: tuple[PlotRow, ...]
    ticks: tuple[tuple[float, str], ...] = field(default=())
    axis_y: float = 0.0
    caption: str = ""


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering [lo, hi].

    >>> nice_ticks(-31, -25)
    [-30.0, -28.0, -26.0]
    >>> nice_ticks(0, 1000)
    [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]
    """
    span = hi - lo
    if span <= 0 or not math.isfinite(span):
        return [lo] if math.isfinite(lo) else []
    raw = span / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    value = first
    while value <= hi + step * 1e-9:
        ticks.append(round(value, 10) + 0.0)
        value += step
    return ticks


def _tolerance_band(fig: Figure, tolerance: tuple[tuple[str, float], ...]) -> tuple[float | None, float | None]:
    """The figure's interval widened by the most generous part of the tolerance."""
    low = fig.low if fig.low is not None else fig.value
    high = fig.high if fig.high is not None else fig.value
    if low is None or high is None or not tolerance:
        return None, None
    widen_low = max(abs(low) * amount if kind == "rel" else amount for kind, amount in tolerance)
    widen_high = max(abs(high) * amount if kind == "rel" else amount for kind, amount in tolerance)
    return low - widen_low, high + widen_high


def build_plot(items: list[tuple[str, Figure, bool]], tolerance: tuple[tuple[str, float], ...],
               caption: str = "") -> Plot | None:
    """A plot of (label, figure, flagged) rows; None when no figure has a finite number.

    A finding can pair figures of two kinds (a duration against end dates); one axis cannot show
    both, so only the kind most rows have is drawn.
    """
    dates = sum(fig.is_date for _, fig, _ in items)
    if 0 < dates < len(items):
        keep_dates = dates * 2 > len(items)
        items = [item for item in items if item[1].is_date == keep_dates]
    bands = [_tolerance_band(fig, tolerance) for _, fig, _ in items]
    finite = [v for _, fig, _ in items for v in (fig.value, fig.low, fig.high)
              if v is not None and math.isfinite(v)]
    finite += [v for band in bands for v in band if v is not None and math.isfinite(v)]
    if not finite:
        return None
    lo, hi = min(finite), max(finite)
    if lo == hi:
        lo, hi = lo - max(1.0, abs(lo) * 0.1), hi + max(1.0, abs(hi) * 0.1)
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    x0, x1 = float(LABEL_WIDTH), float(WIDTH - RIGHT_PAD)

    def sx(v: float | None) -> float | None:
        if v is None or math.isnan(v):
            return None
        v = min(max(v, lo), hi)  # open bounds run to the edge
        return round(x0 + (v - lo) / (hi - lo) * (x1 - x0), 2)

    rows = []
    for i, ((label, fig, flagged), (b_lo, b_hi)) in enumerate(zip(items, bands)):
        rows.append(PlotRow(
            label=label, y=TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2,
            x=sx(fig.value), x_low=sx(fig.low), x_high=sx(fig.high),
            open_low=fig.low is not None and fig.low < lo,
            open_high=fig.high is not None and fig.high > hi,
            band_low=sx(b_lo), band_high=sx(b_hi), flagged=flagged,
            title=f"{label}: {fig.text}",
        ))
    is_date = any(fig.is_date for _, fig, _ in items)
    tick_values = _date_ticks(lo, hi) if is_date else nice_ticks(lo, hi)
    ticks = tuple((sx(t) or x0, _tick_label(t, is_date)) for t in tick_values)
    axis_y = TOP + len(items) * ROW_HEIGHT + 4
    return Plot(WIDTH, int(axis_y + AXIS_HEIGHT), x0, x1, tuple(rows), ticks, axis_y, caption)


def _date_ticks(lo: float, hi: float) -> list[float]:
    step = max(1, math.ceil((hi - lo) / 6))
    first = math.ceil(lo)
    return [float(d) for d in range(first, math.floor(hi) + 1, step)]


def _tick_label(value: float, is_date: bool) -> str:
    if is_date:
        return date.fromordinal(int(value)).strftime("%b %d").replace(" 0", " ")
    return format_number(value)
