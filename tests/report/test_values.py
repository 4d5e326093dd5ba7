import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.model import Claim
from auditor.report.values import convert, figure, format_number, parse_tolerance

PAIRS = [("degree_Celsius", "degree_Fahrenheit"), ("kilometer ** 2", "mile ** 2"), ("kilometer", "mile"),
         ("day", "week"), ("delta_degC", "degree_Fahrenheit")]


@pytest.mark.parametrize("a, b", PAIRS)
@given(x=st.floats(-1e6, 1e6, allow_nan=False))
def test_conversion_round_trips(a, b, x):
    back = convert(convert(x, a, b), b, a)
    assert back == pytest.approx(x, rel=1e-9, abs=1e-6)


def test_known_conversions():
    assert convert(5000, "kilometer ** 2", "mile ** 2") == pytest.approx(1930.5, abs=0.1)
    assert convert(5, "degree_Fahrenheit", "delta_degC") == pytest.approx(-15)  # shown as a reading
    assert convert(float("-inf"), "degree_Celsius", "degree_Fahrenheit") == -math.inf
    assert convert("2026-02-01", "day", "week") is None


def test_figure_in_the_group_unit():
    c = Claim("c", "a", "1,900 square miles", 0, 5, "", value=1900, low=1850, high=1950, unit="mile ** 2")
    fig = figure(c, "kilometer ** 2")
    assert fig.converted and fig.text.startswith("4,921") and fig.text.endswith("km²")
    date_claim = Claim("d", "a", "Feb 1", 0, 5, "", kind="date", value="2026-02-01", low="2026-02-01",
                       high="2026-02-01")
    assert figure(date_claim, "").text == "2026-02-01" and figure(date_claim, "").is_date


def test_counts_are_named_by_their_noun():
    one = Claim("c", "a", "one missile", 0, 5, "", value=1, low=1, high=1, noun="ballistic missile")
    many = Claim("c", "a", "71 missiles", 0, 5, "", value=71, low=71, high=71, noun="ballistic missile")
    assert figure(one, "").text == "1 ballistic missile"
    assert figure(many, "").text == "71 ballistic missiles"


def test_temperature_tolerance_scales_without_offset():
    assert parse_tolerance("2 delta_degC", "degree_Fahrenheit") == (("abs", 3.6),)
    assert parse_tolerance("exact match", "") == ()


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_format_number_never_fails(x):
    assert isinstance(format_number(x), str) and "-" not in format_number(x)
