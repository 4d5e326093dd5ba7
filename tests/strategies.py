"""Shared hypothesis strategies: claims, units, intervals, and one strategy per comparator.

Other test folders may import these (``from tests.strategies import quantity_claims``) or, under
pytest's importlib mode, load this file by path.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from hypothesis import strategies as st

from auditor.model import Claim

# Units that measure the same dimension, so a figure can be restated in each.
UNIT_FAMILIES: dict[str, tuple[str, ...]] = {
    "[temperature]": ("degree_Celsius", "degree_Fahrenheit", "kelvin"),
    "[length] ** 2": ("kilometer ** 2", "mile ** 2"),
    "[length]": ("kilometer", "mile"),
    "[time]": ("day", "week"),
    "count": ("",),
}
QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound", "range")

_counter = iter(range(10**9))


def _id(prefix: str = "c") -> str:
    return f"{prefix}{next(_counter)}"


def numbers(lo: float = -1e4, hi: float = 1e4) -> st.SearchStrategy[float]:
    """Finite figures as news prints them: rounded to at most two decimals."""
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 2))


def intervals(lo: float = -1e4, hi: float = 1e4) -> st.SearchStrategy[tuple[float, float]]:
    """(low, high) with low <= high; either end may be infinite (a bound)."""
    end = st.one_of(numbers(lo, hi), st.just(math.inf), st.just(-math.inf))
    return st.tuples(end, end).filter(lambda t: not (t[0] == t[1] and math.isinf(t[0]))).map(
        lambda t: (min(t), max(t)))


def unit_families() -> st.SearchStrategy[tuple[str, str]]:
    """(dimension, unit) pairs."""
    return st.sampled_from([(d, u) for d, us in UNIT_FAMILIES.items() for u in us])


def make_claim(value, unit: str = "", qualifier: str = "exact", low=None, high=None, kind: str = "quantity",
               article: str = "a", **extra) -> Claim:
    """A hand-made claim with the interval its qualifier implies (as the normalize stage would)."""
    if low is None and high is None and isinstance(value, (int, float)):
        low, high = {"lower_bound": (value, math.inf), "upper_bound": (-math.inf, value)}.get(
            qualifier, (value, value))
    surface = extra.pop("surface", f"{value} {unit}".strip())
    return Claim(id=extra.pop("id", _id()), article_id=article, surface=surface, start=extra.pop("start", 0),
                 end=len(surface), sentence=extra.pop("sentence", f"s-{surface}"), kind=kind, value=value,
                 low=low, high=high, unit=unit, qualifier=qualifier, **extra)


@st.composite
def quantity_claims(draw, unit: str | None = None, qualifiers=QUALIFIERS, article: str | None = None) -> Claim:
    """One quantity claim; its interval follows its qualifier."""
    if unit is None:
        _, unit = draw(unit_families())
    q = draw(st.sampled_from(qualifiers))
    if q == "range":
        low, high = draw(st.tuples(numbers(), numbers()).map(sorted))
        value = (low + high) / 2
        return make_claim(value, unit, q, low, high, article=article or draw(st.sampled_from("abc")))
    value = draw(numbers())
    return make_claim(value, unit, q, article=article or draw(st.sampled_from("abc")))


@st.composite
def same_dimension_pairs(draw, dimension: str | None = None) -> tuple[Claim, Claim]:
    """Two claims from different articles whose units measure the same dimension."""
    dim = dimension or draw(st.sampled_from(sorted(UNIT_FAMILIES)))
    units = UNIT_FAMILIES[dim]
    a = draw(quantity_claims(unit=draw(st.sampled_from(units)), article="a"))
    b = draw(quantity_claims(unit=draw(st.sampled_from(units)), article="b"))
    return a, b


def iso_dates() -> st.SearchStrategy[str]:
    return st.dates(date(2025, 1, 1), date(2027, 12, 31)).map(date.isoformat)


@st.composite
def date_pairs(draw) -> tuple[Claim, Claim]:
    event = draw(st.sampled_from(["end", "start", "on", "scheduled"]))
    return tuple(make_claim(draw(iso_dates()), kind="date", article=a, event=event) for a in "ab")


@st.composite
def vague_pairs(draw) -> tuple[Claim, Claim]:
    low = draw(st.integers(2, 500))
    vague = make_claim(low, qualifier="vague", low=low, high=draw(st.sampled_from([low * 5, math.inf])),
                       article="a", surface="dozens")
    return vague, make_claim(draw(st.integers(0, 5000)), article="b")


@st.composite
def duration_pairs(draw) -> tuple[Claim, Claim]:
    unit = draw(st.sampled_from(["year", "week", "day"]))
    return tuple(make_claim(draw(st.integers(1, 60)) / draw(st.sampled_from([1, 10])), unit, kind="duration",
                            article=a) for a in "ab")


@st.composite
def conversion_cases(draw) -> tuple[Claim, Claim]:
    """An original and its restatement in another unit, sometimes converted wrongly."""
    from auditor.ruleset.units import from_base, to_base

    dim = draw(st.sampled_from(["[temperature]", "[length] ** 2", "[length]"]))
    u1, u2 = draw(st.permutations(UNIT_FAMILIES[dim]))[:2]
    value = draw(numbers(-100, 10000))
    exact = from_base(to_base(value, u1), u2)
    stated = round(exact * draw(st.sampled_from([1, 1, 1.5, 0.5])), 1)
    original = make_claim(value, u1, id=_id("o"))
    return original, make_claim(stated, u2, converts=original.id)


@st.composite
def part_whole_cases(draw) -> tuple[Claim, Claim]:
    whole = make_claim(draw(st.integers(0, 1000)), id=_id("w"))
    return whole, make_claim(draw(st.integers(0, 1200)), part_of=whole.id)


@st.composite
def duration_span_cases(draw) -> tuple[Claim, ...]:
    start = draw(st.dates(date(2026, 1, 1), date(2026, 3, 1)))
    days = draw(st.integers(1, 14))
    end = start + timedelta(days=days + draw(st.integers(-3, 3)))
    return (make_claim(days, "day", kind="duration", noun="pause", sentence="s1", start=10),
            make_claim(start.isoformat(), kind="date", event="start", noun="pause", sentence="s2", start=50),
            make_claim(end.isoformat(), kind="date", event="end", noun="pause", article="b", sentence="s3"))


# One strategy per registered comparator: the cases that comparator is built to judge.
STRATEGIES = {
    "tolerance": same_dimension_pairs(),
    "rounding": duration_pairs(),
    "vague": vague_pairs(),
    "date": date_pairs(),
    "conversion": conversion_cases(),
    "part_whole": part_whole_cases(),
    "duration_span": duration_span_cases(),
}
