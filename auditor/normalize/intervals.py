"""Normalize: the interval [low, high] each figure allows, from its qualifier and its rounding."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable

from auditor.model import Claim
from auditor.resources import vocabulary

INF = math.inf


def with_interval(claim: Claim) -> Claim:
    """Fill ``low``/``high`` of a quantity or duration from its qualifier and rounding.

    Dates, ranges and vague figures arrive with their interval from extraction and pass through.

    >>> c = Claim("c", "a", "1,900 square miles", 0, 18, "", value=1900.0, unit="mile ** 2")
    >>> with_interval(c).low, with_interval(c).high
    (1850.0, 1950.0)
    >>> c = Claim("c", "a", "more than 1,170", 0, 15, "", value=1170.0, qualifier="lower_bound")
    >>> with_interval(c).low, with_interval(c).high
    (1170.0, inf)
    """
    if claim.kind == "date" or not isinstance(claim.value, (int, float)):
        return claim
    if claim.low is not None and claim.high is not None:
        return claim
    low, high = interval_for(claim)
    return dataclasses.replace(claim, low=low, high=high)


def interval_for(claim: Claim) -> tuple[float, float]:
    v = float(claim.value)
    q = claim.qualifier
    if q == "lower_bound":
        return v, INF
    if q == "upper_bound":
        return -INF, v
    if q == "approx":
        half = _approx_half_width(v, claim.dimension, claim.unit)
        return v - half, v + half
    half = rounding_half_unit(claim.surface, v)
    return v - half, v + half


def normalize_claims(claims: Iterable[Claim]) -> list[Claim]:
    """The normalize stage over one article's claims."""
    return [with_interval(c) for c in claims]


def _approx_half_width(value: float, dimension: str, unit: str) -> float:
    spec = vocabulary("intervals")["approx"]
    fixed = (spec.get("absolute") or {}).get(dimension)
    if fixed and unit:
        from auditor.normalize.units import ureg

        width = ureg.Quantity(fixed["width"], fixed["unit"])
        try:
            return float(width.to(_delta_unit(unit)).magnitude)
        except Exception:  # a unit pint cannot relate to the width: fall back to relative
            pass
    return abs(value) * float(spec["relative"])


def _delta_unit(unit: str) -> str:
    # An offset unit's width is a difference: degC -> delta_degC.
    return {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit",
            "kelvin": "kelvin"}.get(unit, unit)


_LEADING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def rounding_half_unit(surface: str, value: float) -> float:
    """Half the unit a written figure is rounded to, when its trailing zeros say it is rounded.

    Only whole numbers with at least ``rounding.min_trailing_zeros`` trailing zeros count, and
    the figure must be written in digits (a magnitude word such as "4mn" scales it).

    >>> rounding_half_unit("1,900 square miles", 1900.0)
    50.0
    >>> rounding_half_unit("450 drones", 450.0), rounding_half_unit("378", 378.0)
    (0.0, 0.0)
    >>> rounding_half_unit("5,000 square kilometers", 5000.0)
    500.0
    """
    m = _LEADING_NUMBER.search(surface)
    if not m or "." in m.group(0):
        return 0.0
    digits = m.group(0).replace(",", "")
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if not stripped or zeros < int(vocabulary("intervals")["rounding"]["min_trailing_zeros"]):
        return 0.0
    written = float(digits)
    scale = abs(value) / written if written else 1.0  # "1.5 million" style magnitudes scale the unit
    return 0.5 * (10 ** zeros) * scale
