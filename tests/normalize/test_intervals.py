from __future__ import annotations

import math

from hypothesis import given, strategies as st

from auditor.model import Claim
from auditor.normalize.intervals import rounding_half_unit, with_interval


def claim(surface, value, **kw):
    return Claim("c", "a", surface, 0, len(surface), surface, value=value, **kw)


def test_bounds_are_open_on_one_side():
    assert (with_interval(claim("more than 1,170", 1170.0, qualifier="lower_bound")).high) == math.inf
    low = with_interval(claim("below minus 30 degrees Celsius", -30.0, qualifier="upper_bound",
                              unit="degree_Celsius", dimension="[temperature]")).low
    assert low == -math.inf


def test_approx_temperature_uses_an_absolute_width():
    c = with_interval(claim("about minus 26 degrees", -26.0, qualifier="approx", unit="degree_Celsius",
                            dimension="[temperature]"))
    assert (c.low, c.high) == (-27.0, -25.0)


def test_approx_relative_elsewhere():
    c = with_interval(claim("nearly four years", 4.0, qualifier="approx", unit="year", dimension="[time]"))
    assert c.low <= 3.6 <= c.high


def test_rounded_figures_cover_what_rounds_to_them():
    c = with_interval(claim("1,900 square miles", 1900.0, unit="mile ** 2"))
    assert c.low <= 1930.5 <= c.high
    assert rounding_half_unit("1.5 million", 1_500_000.0) == 0.0
    assert rounding_half_unit("4,000,000", 4e6) == 500_000.0


def test_existing_interval_and_dates_pass_through():
    d = Claim("c", "a", "until February 1", 0, 16, "", kind="date", value="2026-02-01")
    assert with_interval(d) is d
    v = claim("dozens of", 24.0, qualifier="vague", low=24.0, high=99.0)
    assert (with_interval(v).low, with_interval(v).high) == (24.0, 99.0)


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["exact", "approx", "lower_bound", "upper_bound"]))
def test_interval_always_holds_the_value(n, qualifier):
    c = with_interval(claim(f"{n:,}", float(n), qualifier=qualifier))
    assert c.low <= n <= c.high
