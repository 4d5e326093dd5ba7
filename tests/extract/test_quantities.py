"""Quantity extraction on example sentences written for these tests (not benchmark sentences)."""

from __future__ import annotations

import math

import pytest

from auditor.extract import extract_text, find_quantities


def only(text: str, surface_part: str):
    """The one quantity claim whose surface holds ``surface_part``."""
    hits = [c for c in extract_text(text) if c.kind == "quantity" and surface_part in c.surface]
    assert len(hits) == 1, [c.surface for c in extract_text(text)]
    return hits[0]


def surfaces(text: str) -> list[str]:
    return [c.surface for c in extract_text(text) if c.kind == "quantity"]


@pytest.mark.parametrize(
    "text, part, value, unit",
    [
        ("The low overnight was minus 12 degrees Celsius in Lviv.", "minus 12", -12, "degree_Celsius"),
        ("Forecasters expect minus 8C by the weekend.", "minus 8C", -8, "degree_Celsius"),
        ("Thermometers showed \u221214C at dawn.", "14C", -14, "degree_Celsius"),
        ("The lake froze at -3 C on Monday.", "-3 C", -3, "degree_Celsius"),
        ("A town of some 2mn people.", "2mn", 2_000_000, ""),
        ("The bank raised $3bn in bonds.", "$3bn", 3e9, "dollar"),
        ("Sales reached 2.5 million units.", "2.5 million", 2_500_000, ""),
        ("The club paid £45m for him.", "£45m", 45e6, "pound_sterling"),
        ("It cost €12 and 40 euros later.", "€12", 12, "euro"),
        ("The deal was worth US$7.2bn.", "US$7.2bn", 7.2e9, "dollar"),
        ("Tickets cost Rs 300 each.", "Rs 300", 300, "indian_rupee"),
        ("The route covers 12 km of track.", "12 km", 12, "kilometer"),
        ("The farm spans 40 square miles.", "40 square miles", 40, "mile ** 2"),
        ("The train ran at 90 km/h.", "90 km/h", 90, "kilometer / hour"),
        ("Winds reached 70 mph on the coast.", "70 mph", 70, "mile / hour"),
        ("Crude traded at $81 per barrel.", "$81 per barrel", 81, "dollar / oil_barrel"),
        ("Turnout rose 4 percentage points.", "4 percentage points", 4, "percentage_point"),
        ("Turnout was 61 per cent.", "61 per cent", 61, "percent"),
        ("Inflation fell to 3.1%.", "3.1%", 3.1, "percent"),
    ],
)
def test_value_and_unit(text, part, value, unit):
    claim = only(text, part)
    assert claim.value == pytest.approx(value)
    assert claim.unit == unit


@pytest.mark.parametrize(
    "text, part, value, noun",
    [
        ("Rescuers found seven survivors in the rubble.", "seven", 7, "survivor"),
        ("Police detained twenty-eight protesters.", "twenty-eight", 28, "protester"),
        ("The army fired a cruise missile at the port.", "a cruise missile", 1, "cruise missile"),
        ("Officials counted 214 damaged apartment blocks.", "214", 214, "damaged apartment block"),
        ("The strike hit one power station near Odesa.", "one power station", 1, "power station"),
        ("Storms destroyed 12 wooden houses.", "12", 12, "wooden house"),
    ],
)
def test_counts_and_nouns(text, part, value, noun):
    claim = only(text, part)
    assert claim.value == value
    assert claim.noun == noun
    assert claim.unit == ""
    assert claim.dimension == ""


@pytest.mark.parametrize(
    "text, part, qualifier, change",
    [
        ("More than 40 people were hurt.", "40", "lower_bound", ">"),
        ("It flew over 300 km.", "300 km", "lower_bound", ">"),
        ("Nearly 90 buses were cancelled.", "90", "approx", "~"),
        ("The dam holds roughly 3 million cubic metres.", "3 million", "approx", "~"),
        ("Prices are below 5% this year.", "5%", "upper_bound", "<"),
        ("Fewer than 12 boats returned.", "12", "upper_bound", "<"),
        ("The night could get as low as minus 18 degrees Celsius.", "minus 18", "lower_bound", ">"),
        ("Up to 60 trucks crossed daily.", "60", "upper_bound", "<"),
        ("About 25 villages lost power.", "25", "approx", "~"),
        ("Shares rose 6% on Monday.", "6%", "exact", "up"),
        ("Exports fell 2.5 per cent.", "2.5", "exact", "down"),
    ],
)
def test_qualifier_and_change(text, part, qualifier, change):
    claim = only(text, part)
    assert (claim.qualifier, claim.change) == (qualifier, change)


def test_qualifier_is_part_of_the_surface():
    claim = only("Crews repaired more than 60 substations.", "60")
    assert claim.surface == "more than 60 substations"


@pytest.mark.parametrize(
    "text, part, ends",
    [
        ("Between 40 and 55 people were evacuated.", "40", (40, 55)),
        ("Lows of -12 C to -19 C are expected.", "-12 C", (-12, -19)),
        ("The convoy drove from 120 to 180 miles a day.", "120", (120, 180)),
        ("Rangers counted 5-8 wolves in the valley.", "5-8", (5, 8)),
        ("The budget is 1.5 to 2 million euros.", "1.5", (1.5e6, 2e6)),
    ],
)
def test_ranges_keep_text_order(text, part, ends):
    claim = only(text, part)
    assert claim.qualifier == "range"
    assert claim.as_written == pytest.approx(ends)
    assert (claim.low, claim.high) == pytest.approx((min(ends), max(ends)))


def test_score_is_a_pair_not_a_subtraction():
    claim = only("The home side won 4-2 after extra time.", "4-2")
    assert claim.as_written == (4, 2)
    assert "score" in claim.notes


def test_change_then_new_level_is_not_a_range():
    found = surfaces("Unemployment rose 2% to 7% in March.")
    assert found == ["2%", "7%"]


@pytest.mark.parametrize(
    "text, part, low, high",
    [
        ("Dozens of drones hit the city.", "Dozens of drones", 24, math.inf),
        ("Hundreds of thousands of homes lost heat.", "Hundreds of thousands", 200_000, 999_999),
        ("A handful of shops reopened.", "handful", 2, 10),
        ("Scores of people queued.", "Scores", 40, math.inf),
        ("Tens of thousands of fans marched.", "Tens of thousands", 20_000, 99_999),
        ("Millions of people lack water.", "Millions", 2_000_000, math.inf),
    ],
)
def test_vague_amounts_are_intervals(text, part, low, high):
    claim = only(text, part)
    assert claim.qualifier == "vague"
    assert (claim.low, claim.high) == (low, high)


def test_vague_needs_of_when_the_word_has_other_meanings():
    assert surfaces("The team scores often.") == []


@pytest.mark.parametrize(
    "text, part, value",
    [
        ("A third of the wells ran dry.", "A third", 100 / 3),
        ("Half of the staff were furloughed.", "Half", 50),
        ("Two-thirds of voters agreed.", "Two-thirds", 200 / 3),
    ],
)
def test_fractions_are_shares(text, part, value):
    claim = only(text, part)
    assert claim.unit == "percent"
    assert claim.value == pytest.approx(value, rel=1e-3)


@pytest.mark.parametrize(
    "text",
    [
        "Pilots flew the F-16 and the Iskander-M was tested.",
        "The new 5G network launched with the Boeing 737 fleet.",
        "She bought an iPhone 11 while the S&P 500 slipped.",
        "An AP reporter saw a stark assessment of the Second World War.",
        "The minister wrote on X about it.",
        "Call 020 7946 0958 for details.",
        "He finished third and came second in the first round.",
        "Copyright Thomson Reuters 2026.",
        "Flight 370 vanished; category 4 storms followed.",
        "The office is at 575 Granby Road in Leeds.",
        "He lives at number 10 and won no one over.",
    ],
)
def test_names_ids_and_ordinals_are_not_quantities(text):
    assert surfaces(text) == []


def test_indefinite_article_counts_only_countable_things():
    assert surfaces("The minister gave a sober assessment of a development.") == []
    assert surfaces("A drone hit a warehouse.") == ["A drone", "a warehouse"]


def test_article_beside_a_figure_counts():
    claim = only("They launched a glide bomb and 40 drones.", "a glide bomb")
    assert claim.value == 1 and claim.noun == "glide bomb"


def test_pronoun_one_is_not_a_count():
    assert surfaces("No one was hurt and one of them left.") == []


def test_parenthetical_conversion_links_to_the_figure_it_restates():
    claims = find_quantities("It dropped to minus 20 degrees Celsius (minus 4 degrees Fahrenheit) overnight.", "a")
    celsius, fahrenheit = claims
    assert fahrenheit.converts == celsius.id
    assert celsius.converts is None


def test_conversion_inherits_the_qualifier():
    claims = find_quantities("The park covers about 300 square kilometers (116 square miles).", "a")
    assert claims[1].converts == claims[0].id
    assert claims[1].qualifier == "approx"


def test_part_of_an_earlier_whole_with_the_same_noun():
    claims = find_quantities("Russia fired 30 missiles and 90 drones. Defences downed 20 of the missiles and 80 drones.", "a")
    by_value = {c.value: c for c in claims}
    assert by_value[20].part_of == by_value[30].id
    assert by_value[80].part_of == by_value[90].id
    assert by_value[30].part_of is None


def test_offsets_point_into_the_original_text():
    text = "It fell to minus\u00a023C and \u221215\u00a0C overnight; some 4mn lost power."
    for claim in extract_text(text, article_id="x"):
        assert text[claim.start : claim.end] == claim.surface
        assert claim.id == f"x:{claim.start}-{claim.end}"
        assert text[claim.sentence_start :].startswith(claim.sentence)


def test_no_time_quantities_from_the_quantity_reader():
    assert all(c.dimension != "[time]" for c in find_quantities("The siege lasted 40 days and 3 hours.", "a"))


def test_apposed_age_is_an_age_not_a_count():
    claims = [c for c in extract_text("Maria, 44, said the queue was long.") if c.kind == "quantity"]
    assert [(c.value, c.unit, c.noun) for c in claims] == [(44.0, "year", "age")]


def test_range_after_from_the():
    claim = only("Sales fell from the $40 to $45 billion once forecast.", "$40")
    assert claim.as_written == (40e9, 45e9)


def test_years_in_a_range_are_not_quantities():
    assert surfaces("Between 1650 and 1850 glaciers grew.") == []


def test_one_of_the_most():
    claim = only("It was one of the most daring rescues.", "one")
    assert claim.noun == "daring rescue"
