"""The interval a claim allows, as plain floats in base units (or day ordinals for dates).

Comparing in base units (kelvin, square metres, seconds) makes every verdict independent of the
units the articles wrote in: a tolerance check on degF figures is the same check on degC ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from auditor.model import Claim
from auditor.ruleset import units

INF = math.inf


@dataclass(frozen=True)
class Span:
    """A closed interval; either end may be infinite."""

    low: float
    high: float

    def gap(self, other: "Span") -> float:
        """Distance between two intervals; 0 when they overlap or touch.

        >>> Span(-26, INF).gap(Span(-30, -30)), Span(1, 2).gap(Span(2, 5))
        (4, 0)
        """
        return max(0, self.low - other.high, other.low - self.high)

    def widen(self, by: float) -> "Span":
        return Span(self.low - by, self.high + by)

    def union(self, other: "Span") -> "Span":
        return Span(min(self.low, other.low), max(self.high, other.high))


def _number(x: Any) -> float | None:
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        try:
            return float(x.replace(",", ""))
        except ValueError:
            return None
    return None


def written_span(claim: Claim) -> Span | None:
    """The claim's [low, high] in its own unit, from the normalize stage or its qualifier.

    >>> written_span(Claim("c", "a", "", 0, 0, "", value=-26, qualifier="lower_bound"))
    Span(low=-26.0, high=inf)
    """
    value = _number(claim.value)
    low, high = _number(claim.low), _number(claim.high)
    if value is None and low is None and high is None:
        return None
    if low is None:
        low = -INF if claim.qualifier == "upper_bound" else (value if value is not None else -INF)
    if high is None:
        high = INF if claim.qualifier in ("lower_bound", "vague") else (value if value is not None else INF)
    if low > high:
        low, high = high, low
    return Span(low, high)


def rounding_half(value: float, cap: float) -> float:
    """Half a unit of the last digit ``value`` is written to, at most ``cap`` times the value.

    A figure written as "four" may stand for anything from 3.5 to 4.5; "3.6" for 3.55 to 3.65.
    Trailing zeros of a whole number are read as rounding, but never below two significant
    figures: "10,000" is 9,500 to 10,500, not 5,000 to 15,000.

    >>> rounding_half(4, 0.5), rounding_half(3.6, 0.5), rounding_half(1900, 0.5), rounding_half(10000, 0.5)
    (0.5, 0.05, 50.0, 500.0)
    >>> rounding_half(4, 0.1)
    0.4
    """
    try:
        d = Decimal(repr(float(value))).normalize()
    except InvalidOperation:
        return 0.0
    if d == 0 or not d.is_finite():
        return 0.0
    last_digit = d.as_tuple().exponent
    leading = d.adjusted()  # power of ten of the first digit
    exponent = min(last_digit, leading - 1) if leading >= 1 else last_digit
    half = 0.5 * 10.0 ** exponent
    return min(half, abs(float(value)) * cap)


def base_span(claim: Claim, rounding: bool = False, cap: float = 0.125, point: bool = False) -> Span | None:
    """The claim's interval in base units.

    ``rounding`` widens a figure by the precision it is written with; ``point`` takes the stated
    value itself (what a conversion restates) instead of what its qualifier allows.
    """
    own = written_span(claim)
    value = _number(claim.value)
    if point and value is not None:
        own = Span(value, value)
    if own is None:
        return None
    # A restated figure ("over seven feet (2.1 metres)") is rounded as written whatever its qualifier.
    if rounding and value is not None and (point or claim.qualifier in ("exact", "approx")):
        own = own.union(Span(value, value).widen(rounding_half(value, cap)))
    try:
        a, b = units.to_base(own.low, claim.unit), units.to_base(own.high, claim.unit)
    except Exception:
        return None
    return Span(min(a, b), max(a, b))


def date_of(text: Any) -> date | None:
    """An ISO date (or the date part of an ISO datetime); None when it is not one.

    >>> date_of("2026-02-01"), date_of("Sunday")
    (datetime.date(2026, 2, 1), None)
    """
    if isinstance(text, date):
        return text
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def date_span(claim: Claim) -> Span | None:
    """A date claim as an interval of day ordinals."""
    value = date_of(claim.value)
    low = date_of(claim.low) or value
    high = date_of(claim.high) or value
    if low is None or high is None:
        return None
    a, b = low.toordinal(), high.toordinal()
    return Span(min(a, b), max(a, b))


def time_span(time: str | None) -> Span | None:
    """A claim's time ("2026-01-30" or "2026-01-30/2026-02-03") as day ordinals; None if unknown.

    >>> time_span("2026-01-30/2026-02-01") == Span(739646, 739648)
    True
    """
    if not time:
        return None
    parts = str(time).split("/")
    start, end = date_of(parts[0]), date_of(parts[-1])
    if start is None or end is None:
        return None
    return Span(min(start, end).toordinal(), max(start, end).toordinal())


def times_compatible(a: Claim, b: Claim) -> bool:
    """Times overlap, or at least one is unknown.

    >>> c = lambda t: Claim("c", "a", "", 0, 0, "", time=t)
    >>> times_compatible(c("2026-01-30"), c(None)), times_compatible(c("2026-01-30"), c("2026-02-03"))
    (True, False)
    """
    sa, sb = time_span(a.time), time_span(b.time)
    return sa is None or sb is None or sa.gap(sb) == 0
