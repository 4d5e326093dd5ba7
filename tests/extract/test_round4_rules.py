"""Round 4 rules: a figure's own date, bracketed conversions, powered units, ranks, "a dozen"."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from auditor.extract import extract_text
from auditor.extract.temporal import time_anchor
from auditor.extract.units import lookup_unit

PUBLISHED = date(2024, 8, 10)


def quantities(text: str):
    return [c for c in extract_text(text, PUBLISHED) if c.kind == "quantity"]


def test_a_date_bound_to_one_figure_dates_that_figure_only():
    text = "Valencia hit 44.6C on Friday, beating the previous record of 42.9C set in 2012."
    new, old = quantities(text)
    assert old.time == "2012-01-01/2012-12-31"
    assert new.time is None  # the sentence's own anchor (Friday) is the referent stage's
    assert time_anchor(text, PUBLISHED)[1] == "Friday"


def test_a_bound_date_does_not_anchor_the_sentence():
    text = "Temperatures reached 44.6C, topping the 42.9C recorded in 2012."
    assert time_anchor(text, PUBLISHED) == (None, "")


def test_a_date_after_an_auxiliary_is_the_sentence_s_own():
    assert time_anchor("Rainfall of 12 inches was measured in 2015.", PUBLISHED)[0] == "2015-01-01/2015-12-31"


def test_day_month_then_in_year_keeps_the_year():
    assert time_anchor("The old mark was set on 14 August in 2012.", PUBLISHED) == ("2012-08-14", "14 August in 2012")
    assert time_anchor("It fell on March 3 in 1999.", PUBLISHED)[0] == "1999-03-03"


def test_bare_figure_takes_the_counterpart_of_its_bracketed_conversion():
    bare, converted = quantities("Seville reached 46.2 (115.2F), breaking the record.")
    assert (bare.unit, converted.unit) == ("degree_Celsius", "degree_Fahrenheit")
    assert converted.converts == bare.id


def test_bracket_with_disagreeing_numbers_leaves_the_figure_alone():
    bare, other = quantities("Seville recorded 12 (115.2F) readings.")[:2]
    assert bare.unit == "" and other.converts is None


def test_bare_distance_takes_kilometres_from_miles():
    bare, converted = quantities("The storm moved 80 (50 miles) inland.")
    assert bare.unit == "kilometer" and converted.converts == bare.id


@given(st.floats(min_value=0, max_value=55).map(lambda x: round(x, 1)))
def test_any_celsius_reading_with_its_fahrenheit_links(celsius):
    fahrenheit = round(celsius * 9 / 5 + 32, 1)
    claims = quantities(f"The station logged {celsius} ({fahrenheit}F) at noon.")
    assert claims[0].unit == "degree_Celsius" and claims[1].converts == claims[0].id


def test_power_words_before_a_length_make_an_area_or_volume():
    assert [(c.value, c.unit) for c in quantities("The fire burned about 2,310 square km of scrub.")] == [
        (2310.0, "kilometer ** 2")
    ]
    assert lookup_unit("cubic metres").unit == "meter ** 3"
    assert lookup_unit("sq. miles").unit == "mile ** 2"
    assert lookup_unit("square meals") is None


def test_a_dozen_is_twelve_with_loose_edges():
    (claim,) = quantities("Police detained a dozen fans.")
    assert (claim.value, claim.low, claim.high, claim.noun) == (12.0, 10.0, 14.0, "fan")
