"""Fractions of a unit, hyphenated compounds, model names, bounds: round-2 reading rules.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from auditor.extract import extract_text, newsquant_record
from auditor.extract.quantities import compound_unit


def quantities(text: str):
    return [c for c in extract_text(text) if c.kind == "quantity"]


def only(text: str, part: str):
    hits = [c for c in extract_text(text) if part in c.surface]
    assert len(hits) == 1, [c.surface for c in extract_text(text)]
    return hits[0]


@pytest.mark.parametrize(
    "text, part, value, unit",
    [
        ("The bank lifted its rate by a quarter-point on Tuesday.", "quarter-point", 0.25, "percentage_point"),
        ("Two governors wanted a half-point cut instead.", "half-point", 0.5, "percentage_point"),
        ("Yields rose three-quarters of a percentage point this week.", "three-quarters", 0.75, "percentage_point"),
        ("The runners covered half a mile before the rain.", "half a mile", 0.5, "mile"),
        ("The board moved the rate by 3/4 percentage point.", "3/4", 0.75, "percentage_point"),
        ("The crack was 1/8 of an inch wide.", "1/8", 0.125, "inch"),
    ],
)
def test_share_of_a_unit(text, part, value, unit):
    claim = only(text, part)
    assert claim.value == pytest.approx(value)
    if unit:
        assert claim.unit == unit


def test_a_share_of_people_stays_a_percentage():
    claim = only("A third of the 90 nurses quit.", "third")
    assert claim.value == pytest.approx(33.3333, abs=1e-3)
    assert claim.unit == "percent"


@pytest.mark.parametrize("text", ["The shop opens 24/7 now.", "The 9/11 memorial reopened."])
def test_slashed_numbers_without_a_unit_are_no_fraction(text):
    assert not [c for c in quantities(text) if c.value is not None and 0 < c.value < 1]


def test_compound_units_read_whole():
    assert compound_unit("kilometre-per-hour").unit == "kilometer / hour"
    assert compound_unit("tonne-a-year").newsquant == "tonne per year"
    assert compound_unit("mile-long").unit == "mile"
    assert compound_unit("seat") is None


def test_hyphenated_speed_is_a_speed():
    claim = only("Forecasters warned of 140-mile-per-hour gusts on the coast.", "140")
    assert claim.unit == "mile / hour"
    assert newsquant_record(claim)["normalized_unit"] == "mile per hour"


def test_rate_in_a_compound():
    claim = only("The port runs a 30,000 tonne-a-day terminal.", "30,000")
    assert claim.unit == "metric_ton / day"


@pytest.mark.parametrize(
    "text, part, value, noun",
    [
        ("Of the nine-member board, six backed the plan.", "nine-member", 9, "member"),
        ("A 15-seat council was elected in May.", "15-seat", 15, "seat"),
    ],
)
def test_count_inside_a_compound_adjective(text, part, value, noun):
    claim = only(text, part)
    assert (claim.value, claim.noun, claim.unit) == (value, noun, "")


def test_one_in_a_compound_is_no_count():
    assert not [c for c in quantities("It was a one-man show.") if c.noun == "man"]


@pytest.mark.parametrize(
    "text, value, noun_part",
    [
        ("The navy sent four C-130 transport planes to the island.", 4, "transport plane"),
        ("The carrier parked two new 787 Dreamliner jets for checks.", 2, "Dreamliner jet"),
    ],
)
def test_model_name_inside_a_counted_noun(text, value, noun_part):
    found = quantities(text)
    assert len(found) == 1, [(c.surface, c.value) for c in found]
    assert found[0].value == value and noun_part in found[0].noun


def test_single_letter_before_a_dash_number_is_no_unit():
    found = quantities("Crews flew three C-17 loads of tents.")
    assert all(c.unit != "degree_Celsius" for c in found)


def test_another_counts_one_more():
    claim = only("Officials later confirmed another death in the valley.", "another")
    assert (claim.value, claim.noun) == (1.0, "death")


def test_another_before_an_uncounted_noun_is_no_figure():
    assert quantities("They will try another approach next year.") == []


@pytest.mark.parametrize(
    "text, part",
    [
        ("Waves as tall as 9 metres hit the pier.", "9 metres"),
        ("Hail stones as big as 5 cm fell.", "5 cm"),
        ("Gusts as strong as 120 km/h are likely.", "120 km/h"),
    ],
)
def test_as_adjective_as_is_an_upper_bound(text, part):
    assert only(text, part).qualifier == "upper_bound"


def test_within_the_next_bounds_a_duration():
    claim = only("Rain should reach the city within the next 6 hours.", "6 hours")
    assert (claim.kind, claim.qualifier, claim.value) == ("duration", "upper_bound", 6)


def test_over_the_past_is_still_exact():
    claim = only("Over the past 48 hours the river rose.", "48 hours")
    assert claim.qualifier == "exact"


@pytest.mark.parametrize(
    "text, value",
    [("The museum showed a 40 year-old car.", 40), ("A 3,000 year-old jar was found.", 3000)],
)
def test_spaced_age_compound_is_an_age(text, value):
    claim = only(text, "year-old")
    assert claim.value == value and claim.noun == "age"


def test_abbreviation_between_a_figure_and_its_restatement():
    claims = quantities("The bank cut by 50 basis points (bps) or half a percentage point.")
    assert len(claims) == 2
    assert claims[1].converts == claims[0].id
