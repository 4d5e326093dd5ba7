"""Round-2 reading rules: codes after a currency, shares, rates of a count, change words,
ages, series, durations, and how NewsQuant records name them.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from auditor.extract import extract_text, find_quantities, newsquant_record
from auditor.extract.links import is_conversion
from auditor.normalize.units import dimension_of


def claims(text: str):
    return list(extract_text(text))


def only(text: str, part: str):
    hits = [c for c in extract_text(text) if part in c.surface]
    assert len(hits) == 1, [c.surface for c in extract_text(text)]
    return hits[0]


def record(text: str, part: str) -> dict:
    rec = newsquant_record(only(text, part))
    assert rec is not None
    return rec


# -- reading ---------------------------------------------------------------------------------


def test_country_code_after_a_dollar_figure_is_part_of_the_currency():
    claim = only("Brent settled at $64 US a barrel on Friday.", "$64")
    assert claim.unit == "dollar / oil_barrel" and "US" in claim.surface


def test_possessive_after_a_model_number_is_no_foot():
    assert [c for c in claims("The Pixel 7's camera is sharp.") if c.unit == "foot"] == []


def test_house_number_range_is_an_address():
    assert [c for c in claims("The shop at 12-14 Mill Street reopened.") if c.kind == "quantity"] == []


def test_out_of_is_a_share():
    claim = only("Four out of five voters backed the plan.", "out of")
    assert claim.value == pytest.approx(80.0) and claim.unit == "percent" and claim.noun == "voter"


def test_count_per_unit_of_time():
    assert only("The lab now runs 2,000 tests a day.", "2,000").noun == "test per day"


def test_count_before_a_time_anchor_is_no_rate():
    assert only("They sold 40 cars a year ago.", "40").noun == "car"


def test_rate_written_once_for_a_range():
    claim = only("Bids came in between $10 and $12 per share.", "$10")
    assert claim.unit_surface.endswith("per share") and claim.as_written == (10.0, 12.0)


@pytest.mark.parametrize(
    "text, part, change",
    [
        ("The shares kept plunging 12% in May.", "12%", "down"),
        ("He scored 3.7 rebounds while shooting 47% overall.", "47%", "="),
        ("The index was up at 1,250 points.", "1,250", "="),
        ("She has been averaging 12.5 points.", "12.5", "~"),
        ("Profit was revised upward by $3 million.", "$3 million", "up"),
        ("It rose 5% to $40.", "$40", "="),
    ],
)
def test_change_words(text, part, change):
    assert only(text, part).change == change


def test_glued_prefix_bounds_the_figure():
    claim = only("Foundries are racing to make sub-5 nanometre chips.", "5")
    assert (claim.qualifier, claim.change) == ("upper_bound", "<")


def test_barely_is_an_approximation():
    assert only("The stock trades at barely 4.2 times earnings.", "4.2").qualifier == "approx"


def test_magnitude_age_compound():
    claim = only("Miners cut into 250 million-year-old rock.", "250")
    assert (claim.value, claim.noun) == (250e6, "age")


def test_end_point_takes_the_unit_of_the_start_point():
    claim = only("Economy improved from about 20-22 mpg to 30 for vans.", "30")
    assert claim.unit == "mile / gallon"


def test_end_point_after_a_comma_keeps_no_unit():
    claim = only("It went from 5 km, they say, to 9 sites.", "9")
    assert claim.unit != "kilometer"


def test_suspended_hyphen_series():
    found = [c for c in claims("Buyers chose two-, three- and four-bedroom homes.") if c.kind == "quantity"]
    assert [(c.value, c.noun) for c in found] == [(2, "bedroom"), (3, "bedroom"), (4, "bedroom")]


def test_measurement_system_before_a_unit():
    assert only("They shipped 5 US gallons of water.", "5").unit == "gallon"


def test_capitalized_abbreviation_in_a_counted_noun():
    assert only("About 40 UN peacekeepers left.", "40").noun == "UN peacekeeper"


def test_year_like_amount_of_money():
    assert only("The ticket cost 1999 euros.", "1999").unit == "euro"
    assert [c for c in claims("In 2018 euros were scarce.") if c.kind == "quantity"] == []


def test_price_in_spaced_pence():
    claim = only("Shares slid 12 p at 1480 p.", "1480")
    assert claim.unit == "penny"


def test_million_btu():
    assert only("Gas traded at $3.10 per MMBtu.", "$3.10").unit == "dollar / megabritish_thermal_unit"


def test_dimensions_print_in_one_order():
    assert dimension_of("horsepower") == dimension_of("kilowatt")


def test_restatement_followed_by_another():
    text = "The engine makes 150 hp (112 kW / 152 PS) at peak."
    a, b, c = find_quantities(text)
    assert is_conversion(a, b, text) and b.converts == a.id and c.converts == b.id


# -- durations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Repairs will take two to three weeks.", 2, 3),
        ("The talks ran for 5-7 days.", 5, 7),
        ("The sea level rose over the past three or four decades.", 3, 4),
    ],
)
def test_duration_ranges(text, low, high):
    claim = next(c for c in claims(text) if c.kind == "duration")
    assert (claim.qualifier, claim.low, claim.high) == ("range", low, high)


def test_approximate_duration_range():
    claim = next(c for c in claims("Bake it ~20 – 30min.") if c.kind == "duration")
    assert claim.qualifier == "range" and "approximate range" in claim.notes
    assert newsquant_record(claim)["change"] == "~"


def test_every_is_a_period():
    claim = next(c for c in claims("The festival returns every 4 years.") if c.kind == "duration")
    assert claim.value == 4 and "period: every" in claim.notes


@pytest.mark.parametrize("text, value", [("Rest it for 5min.", 5), ("Wait 10 mins.", 10)])
def test_minute_abbreviations(text, value):
    claim = next(c for c in claims(text) if c.kind == "duration")
    assert (claim.value, claim.unit) == (value, "minute")


def test_singular_second_after_digits():
    claim = next(c for c in claims("She ran a 9.8 second sprint.") if c.kind == "duration")
    assert (claim.value, claim.unit) == (9.8, "second")


def test_second_as_an_ordinal_is_no_duration():
    assert [c for c in claims("They met for a second time.") if c.unit == "second"] == []


def test_previous_years_is_a_duration():
    claim = next(c for c in claims("It joins the 20 previous years of archives.") if c.kind == "duration")
    assert claim.value == 20


# -- NewsQuant records -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, part, change",
    [
        ("Hundreds of fans queued.", "Hundreds", "="),
        ("Output jumped from 40 to 55 tonnes.", "40", "="),
        ("Costs went up between 3% and 4%.", "3%", "="),
        ("Temperatures fell by 2 to 3 degrees Celsius.", "2 to 3", "down"),
    ],
)
def test_newsquant_change_conventions(text, part, change):
    assert record(text, part)["change"] == change


@pytest.mark.parametrize(
    "text, part, unit",
    [
        ("It fell 4p at 210p.", "210p", "point"),
        ("A third of the nurses quit.", "third", "% nurse"),
        ("Half of them left.", "Half", "% -"),
        ("It is one of the tallest towers here.", "one", "tall tower"),
        ("They sold 300 red and blue kites.", "300", "red blue kite"),
        ("It weighs 45g.", "45g", "gram"),
    ],
)
def test_newsquant_unit_names(text, part, unit):
    assert record(text, part)["normalized_unit"] == unit


def test_newsquant_fraction_value_is_precise():
    assert record("A third of the nurses quit.", "third")["value"] == pytest.approx(1 / 3, rel=1e-5)


def test_newsquant_duration_range_value():
    (rec,) = [r for r in (newsquant_record(c) for c in claims("Delivery takes 3-5 weeks.")) if r]
    assert rec["value"] == [3.0, 5.0]


def test_newsquant_keeps_a_coordinated_hyphen_duration():
    rec = record("After a ten-year, 4 billion-km flight it arrived.", "ten-year")
    assert (rec["value"], rec["normalized_unit"]) == (10.0, "year")
    assert newsquant_record(only("They signed a ten-year lease.", "ten-year")) is None


def test_hyphenated_phone_numbers_are_not_ranges():
    from auditor.extract import extract_text

    claims = extract_text("For tickets call 555-123-4567 or 1-800-555-0199; 30-40 seats remain.")
    assert [c.surface for c in claims if c.kind == "quantity"] == ["30-40 seats"]


def test_a_second_price_in_brackets_is_not_a_conversion():
    from auditor.extract import extract_text

    claims = extract_text("The service costs £4.99 per month (£50 per year).")
    assert all(c.converts is None for c in claims)
    metres = extract_text("The wall is 10 feet (3 metres) high.")
    assert metres[1].converts == metres[0].id
