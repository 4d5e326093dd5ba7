"""Figures as a reader sees them: every claim of a group in the group's one unit, formatted.

Conversion uses the process's one pint registry (``auditor.normalize.units.ureg``); while that
module is missing a private registry stands in. Temperatures are shown as absolute degrees
Celsius even when a group compares them as differences (``delta_degC``): an editor reads
"−26 °C", not "−26 Δ°C".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from auditor.model import Claim

MINUS = "\u2212"


@lru_cache(maxsize=1)
def registry() -> Any:
    """The shared unit registry, or a private one until ``auditor.normalize.units`` exists."""
    try:
        from auditor.normalize.units import ureg
    except Exception:  # the module is being written concurrently; any import failure falls back
        import pint

        ureg = pint.UnitRegistry()
    return ureg


@lru_cache(maxsize=256)
def _unit(name: str) -> Any | None:
    try:
        return registry().Unit(name)
    except Exception:
        return None


def _is_temperature(name: str) -> bool:
    unit = _unit(name)
    return unit is not None and unit.dimensionality == registry().Unit("kelvin").dimensionality


def absolute_unit(name: str) -> str:
    """The absolute temperature unit behind a delta unit; other units unchanged.

    >>> absolute_unit("delta_degC"), absolute_unit("kilometer ** 2")
    ('degree_Celsius', 'kilometer ** 2')
    """
    if _is_temperature(name):
        unit = _unit(name)
        text = str(unit)
        if text.startswith("delta_"):
            return text[len("delta_"):]
        return text
    return name


def convert(value: Any, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None when it cannot be converted.

    Temperatures convert as absolute readings (−15 degC is 5 degF).

    >>> round(convert(-15, "degree_Celsius", "degree_Fahrenheit"), 9)
    5.0
    >>> convert(float("inf"), "kilometer", "meter")
    inf
    >>> convert(3, "day", "kilometer") is None
    True
    """
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if math.isinf(value) or from_unit == to_unit:
        return float(value)
    src, dst = absolute_unit(from_unit), absolute_unit(to_unit)
    if src == dst:
        return float(value)
    if _unit(src) is None or _unit(dst) is None:
        return None
    try:
        return float(registry().Quantity(value, src).to(dst).magnitude)
    except Exception:
        return None


def plural(noun: str) -> str:
    """The plural of a counted noun (its last word inflected), for "378 buildings".

    >>> plural("drone attack"), plural("residential building"), plural("")
    ('drone attacks', 'residential buildings', '')
    """
    words = noun.split()
    if not words:
        return noun
    from lemminflect import getInflection

    forms = getInflection(words[-1], "NNS")
    return " ".join(words[:-1] + [forms[0] if forms else words[-1]])


def unit_label(name: str, noun: str = "", one: bool = False) -> str:
    """How a unit is written after a number: symbols for most, words for time and counts.

    ``one`` asks for the singular ("1 week", "1 missile").

    >>> unit_label("degree_Celsius"), unit_label("kilometer ** 2"), unit_label("day"), unit_label("", "drone")
    ('°C', 'km²', 'days', 'drones')
    >>> unit_label("week", one=True), unit_label("", "ballistic missile", one=True)
    ('week', 'ballistic missile')
    """
    if not name:
        return noun if one else plural(noun)
    unit = _unit(absolute_unit(name))
    if unit is None:
        return name
    if unit.dimensionality == registry().Unit("second").dimensionality:
        # pint abbreviates a year to "a" and a day to "d", which readers do not recognise.
        long = f"{unit:P}"
        return long if one or long.endswith("s") else long + "s"
    return f"{unit:~P}"


def format_number(value: Any) -> str:
    """A number for reading: thousands separators, a real minus sign, ∞; at most 3 decimals and
    5 significant digits, so a converted figure does not pretend to a precision nobody wrote.

    >>> format_number(1170), format_number(-26.0), format_number(1930.4999), format_number(float("-inf"))
    ('1,170', '−26', '1,930.5', '−∞')
    >>> format_number(4920.9774), format_number(0.428571)
    ('4,921', '0.429')
    """
    if value is None:
        return "?"
    if isinstance(value, (date, str)):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "?"
        if math.isinf(value):
            return ("" if value > 0 else MINUS) + "∞"
        whole_digits = len(str(int(abs(value)))) if abs(value) >= 1 else 0
        value = round(value, max(0, min(3, 5 - whole_digits)))
        if value == int(value):
            value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.3f}".rstrip("0").rstrip(".")
    return text.replace("-", MINUS)


def interval_text(low: float, high: float) -> str:
    """An interval with open ends where a bound is infinite.

    >>> interval_text(-26.0, float("inf")), interval_text(1850, 1950)
    ('[−26, ∞)', '[1,850, 1,950]')
    """
    left = "(" if math.isinf(low) else "["
    right = ")" if math.isinf(high) else "]"
    return f"{left}{format_number(low)}, {format_number(high)}{right}"


@dataclass(frozen=True)
class Figure:
    """One claim's value and bounds in the group's display unit, ready to print or plot.

    Numbers for quantities and durations; for dates ``value/low/high`` are day ordinals so
    that dates can be plotted on the same kind of axis, and ``is_date`` is set.
    """

    value: float | None
    low: float | None
    high: float | None
    unit: str
    text: str  # "−26 °C", "[1,170, ∞) buildings", "2026-02-01"
    converted: bool  # shown in a unit other than the one written
    is_date: bool = False


def _iso_ordinal(value: Any) -> float | None:
    if isinstance(value, date):
        return float(value.toordinal())
    if isinstance(value, str):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return float(date(int(m[1]), int(m[2]), int(m[3])).toordinal())
            except ValueError:
                return None
    return None


def _date_text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value not in (None, "") else "?"


def figure(claim: Claim, display_unit: str) -> Figure:
    """The claim's figure in ``display_unit`` (its own unit when that is empty or unconvertible)."""
    if claim.kind == "date":
        return _date_figure(claim)
    target = absolute_unit(display_unit) if display_unit else absolute_unit(claim.unit)
    values = [convert(v, claim.unit, target) for v in (claim.value, claim.low, claim.high)]
    if claim.value is not None and values[0] is None:  # unconvertible: keep the written unit
        target = absolute_unit(claim.unit)
        values = [convert(v, claim.unit, target) for v in (claim.value, claim.low, claim.high)]
    value, low, high = values
    label = unit_label(target, claim.noun, one=value == 1 and low in (None, 1) and high in (None, 1))
    text = format_number(value)
    if low is not None and high is not None and (low != value or high != value):
        span = interval_text(low, high)
        text = f"{text} {span}" if value is not None else span
    if label:
        text = f"{text} {label}"
    converted = absolute_unit(claim.unit) != target and claim.unit != ""
    return Figure(value, low, high, target, text, converted)


def _date_figure(claim: Claim) -> Figure:
    value, low, high = (_iso_ordinal(v) for v in (claim.value, claim.low, claim.high))
    text = _date_text(claim.value)
    if claim.low not in (None, "") and claim.high not in (None, "") and (claim.low, claim.high) != (claim.value, claim.value):
        text = f"{text} [{_date_text(claim.low)} – {_date_text(claim.high)}]"
    return Figure(value, low, high, "", text, False, is_date=True)


def parse_tolerance(text: str, display_unit: str) -> tuple[tuple[str, float], ...]:
    """The parts of a tolerance in words: ("abs", amount in display unit) or ("rel", fraction).

    Rules describe a tolerance as parts joined by "or" (figures agree when any part holds);
    parts that are not an amount ("rounding as written", "exact match") are left out.

    >>> parse_tolerance("2 delta_degC or 5 %", "degree_Fahrenheit")
    (('abs', 3.6), ('rel', 0.05))
    >>> parse_tolerance("rounding as written", "")
    ()
    """
    parts = []
    for piece in re.split(r"\s+or\s+", text or ""):
        part = _parse_part(piece, display_unit)
        if part is not None:
            parts.append(part)
    return tuple(parts)


def _parse_part(text: str, display_unit: str) -> tuple[str, float] | None:
    m = re.match(r"^\s*([-+]?\d+(?:\.\d+)?)\s*(.*?)\s*$", text)
    if not m:
        return None
    amount, unit = float(m[1]), m[2]
    if unit in ("%", "percent", "pct"):
        return "rel", amount / 100
    if not unit or not display_unit:
        return ("abs", amount) if not unit else None
    if _is_temperature(unit) or _is_temperature(display_unit):
        # A tolerance on temperatures is a difference: scale it, never offset it.
        try:
            size = registry().Quantity(amount, _delta(unit)).to(_delta(display_unit)).magnitude
        except Exception:
            return None
        return "abs", round(float(size), 9)
    size = convert(amount, unit, display_unit)
    return ("abs", size) if size is not None else None


def _delta(name: str) -> str:
    unit = absolute_unit(name)
    return {"degree_Celsius": "delta_degC", "degree_Fahrenheit": "delta_degF"}.get(unit, unit)
