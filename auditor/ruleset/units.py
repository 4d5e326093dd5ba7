"""Access to the process's one pint registry, and unit helpers the rules and the engine share.

The registry belongs to ``auditor.normalize.units``; it is imported lazily so that rules can be
loaded and validated even while that module is missing or broken, in which case pint's
application registry stands in.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import pint


@lru_cache(maxsize=1)
def ureg() -> pint.UnitRegistry:
    """The shared unit registry."""
    try:
        from auditor.normalize.units import ureg as shared  # noqa: PLC0415 - optional, lazy
    except Exception:  # the normalize stage is optional for loading rules
        return pint.get_application_registry()
    return shared


def parse_units(name: str) -> Any:
    """pint units for a claim's unit name; "" (a plain count) is dimensionless."""
    return ureg().parse_units(name) if name else ureg().dimensionless


def dimensionality(spec: str) -> str:
    """A rule's ``dimension`` as pint dimensionality text; raises ValueError when unknown.

    >>> dimensionality("[temperature]"), dimensionality("kilometer ** 2"), dimensionality("count")
    ('[temperature]', '[length] ** 2', 'count')
    >>> dimensionality("%")
    'percent'
    
    """
    if spec == "count":
        return "count"
    try:
        dims = ureg().get_dimensionality(spec) if spec.startswith("[") else parse_units(spec).dimensionality
    except Exception as exc:
        raise ValueError(f"{spec!r} is neither a pint unit nor a dimensionality like '[length]'") from exc
    if not dims and spec.startswith("[") and spec.strip("[]") not in ("", "dimensionless"):
        # pint answers {} for a bracketed name it does not know
        known = {str(d) for d in ureg()._dimensions}  # noqa: SLF001 - pint has no public list
        if spec not in known:
            raise ValueError(f"{spec!r} is not a pint dimension; try '[length]', '[temperature]', '[time]'")
    if not dims and not spec.startswith("["):
        return _dimensionless_name(spec)
    return str(dims) if dims else "count"


def _dimensionless_name(unit: str) -> str:
    # percent and a plain count are both dimensionless to pint, but 20 % is not 20 drones
    return "count" if not unit else f"{parse_units(unit)}"


@lru_cache(maxsize=1024)
def claim_dimensionality(unit: str) -> str:
    """Dimensionality text of a claim's unit; "count" for plain counts and unknown units."""
    try:
        dims = parse_units(unit).dimensionality
    except Exception:
        return "count" if not unit else f"?{unit}"
    return str(dims) if dims else _dimensionless_name(unit)


def parse_quantity(text: str | float | int) -> Any:
    """A tolerance such as "2 delta_degC" as a pint Quantity; raises ValueError when unknown."""
    try:
        q = ureg().Quantity(text) if isinstance(text, str) else ureg().Quantity(float(text))
    except Exception as exc:
        raise ValueError(f"{text!r} is not a pint quantity such as '2 delta_degC' or '1 day'") from exc
    if not isinstance(q, ureg().Quantity):
        q = ureg().Quantity(float(q))
    return q


@lru_cache(maxsize=65536)
def to_base(value: float, unit: str) -> float:
    """An absolute figure in base units (degC -> kelvin, km**2 -> m**2); infinities stay.

    >>> round(to_base(-15, "degree_Celsius"), 2), to_base(-math.inf, "degree_Celsius")
    (258.15, -inf)
    """
    if math.isinf(value) or not unit:
        return float(value)
    return float(ureg().Quantity(float(value), unit).to_base_units().magnitude)


@lru_cache(maxsize=4096)
def delta_to_base(value: float, unit: str) -> float:
    """A difference in base units: 2 delta_degC -> 2 K; 1 degF of difference -> 5/9 K.

    >>> round(delta_to_base(9, "degree_Fahrenheit"), 6)
    5.0
    """
    if not unit:
        return float(value)
    reg = ureg()
    q = reg.Quantity(float(value), unit) - reg.Quantity(0.0, unit)  # offsets cancel: a delta
    return float(q.to_base_units().magnitude)


def from_base(value: float, unit: str) -> float:
    """The inverse of :func:`to_base`."""
    if math.isinf(value) or not unit:
        return float(value)
    reg = ureg()
    base = reg.Quantity(1.0, unit).to_base_units().units
    return float(reg.Quantity(float(value), base).to(unit).magnitude)
