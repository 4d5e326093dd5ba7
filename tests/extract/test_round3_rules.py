"""Round-3 reading rules: "N in M" shares, nationality nouns, dotted abbreviations, places after
a preposition, labels and years that are no counts, percentage points, "this <weekday>" in a
past sentence, and ranges of ages.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from auditor.extract import extract_text

FRIDAY = date(2025, 3, 14)


def surfaces(text: str, published: date | None = None) -> list[str]:
    return [c.surface for c in extract_text(text, published)]


def only(text: str, part: str, published: date | None = None):
    hits = [c for c in extract_text(text, published) if part in c.surface]
    assert len(hits) == 1, surfaces(text, published)
    return hits[0]


# -- 7: "N in M" shares ------------------------------------------------------------------------


def test_n_in_m_is_one_share_with_its_noun():
    claim = only("Roughly four in ten nurses said they would quit.", "four")  # no bracket
    assert (claim.value, claim.unit, claim.noun, claim.qualifier) == (40.0, "percent", "nurse", "approx")
    assert surfaces("Roughly four in ten nurses said they would quit.") == ["Roughly four in ten nurses"]


def test_n_in_m_in_digits():
    claim = only("Only 1 in 5 households can pay the new rent.", "1 in 5")
    assert claim.value == 20.0 and claim.unit == "percent" and claim.noun == "household"


def test_bracketed_percentage_states_a_share_in_words_precisely():
    claims = extract_text("About one in four drivers (26%) broke the limit.")
    assert len(claims) == 1, [c.surface for c in claims]
    claim = claims[0]
    assert claim.surface == "About one in four drivers (26%)" and claim.value == 26.0
    assert (claim.unit, claim.noun, claim.qualifier, claim.change) == ("percent", "driver", "exact", "=")


def test_bracketed_percentage_after_a_fraction_in_words():
    claim = only("Fewer than a third of firms (31 per cent) replied.", "third")
    assert claim.value == 31.0 and claim.change == "="


def test_a_far_percentage_in_brackets_is_a_second_figure():
    claims = extract_text("About one in four drivers (41%) broke the limit.")
    assert [c.value for c in claims] == [25.0, 41.0]


def test_in_before_a_unit_or_an_odd_whole_is_no_share():
    assert [c.unit for c in extract_text("She ran 2 in 10 minutes flat.")] != ["percent"]
    assert all(c.unit != "percent" for c in extract_text("Storms killed 2 in 7 villages."))
    assert all(c.unit != "percent" for c in extract_text("Inflation was 5 in 2020."))


@given(st.integers(1, 9), st.sampled_from([10, 20, 100]))
def test_every_share_in_words_is_part_over_whole(part, whole):
    claim = only(f"Officials said {part} in {whole} pupils were absent.", f"{part} in")
    assert claim.unit == "percent" and abs(claim.value - part / whole * 100) < 1e-6


# -- 11: nationality nouns, dotted abbreviations, "a" after a preposition ------------------------


def test_invariant_nationality_noun_is_a_count_of_people():
    claim = only("The ferry carried 38 Portuguese and 12 Dutch.", "38")
    assert claim.value == 38 and claim.noun == "Portuguese"
    assert only("The ferry carried 38 Portuguese and 12 Dutch.", "12").noun == "Dutch"


def test_one_before_a_singular_nationality_noun_counts_one_person():
    claim = only("Among the injured was one Kenyan, police said.", "one")
    assert claim.value == 1 and claim.noun == "Kenyan"


def test_nationality_before_a_noun_is_a_modifier():
    claim = only("The bus carried 19 Swiss tourists.", "19")
    assert claim.noun == "Swiss tourist"


def test_lower_case_nationality_word_is_no_noun():
    assert all(c.noun != "french" for c in extract_text("She ordered 3 french fries."))


def test_dotted_abbreviation_inside_the_counted_noun():
    claim = only("The convoy evacuated 53 U.K. nationals overnight.", "53")
    assert claim.noun == "U.K. national" and claim.surface == "53 U.K. nationals"


def test_article_after_a_preposition_of_place_is_no_count():
    assert surfaces("She was treated at a hospital near the port.") == []
    assert surfaces("Flames rose from a helicopter on the deck.") == []


def test_article_after_by_still_counts():
    assert only("The depot was hit by a missile overnight.", "missile").value == 1


def test_coordinated_article_after_a_preposition_still_counts():
    found = surfaces("Rockets fell on a school and 4 houses.")
    assert "a school" in found and "4 houses" in found


# -- 12: labels and years ----------------------------------------------------------------------


def test_runway_taxiway_and_bay_numbers_are_labels():
    assert surfaces("The jet taxied from runway 17 right to bay 4.") == []


def test_year_before_an_event_noun_is_no_count():
    assert surfaces("Unions recalled the 2016 protests against the law.") == []
    assert surfaces("Turnout beat the 1998 elections easily.") == []


def test_year_like_count_of_people_stays_a_count():
    assert only("The 2000 troops left.", "2000").noun == "troop"


# -- 13: "this <weekday>" ----------------------------------------------------------------------


def test_this_weekday_in_a_past_sentence_is_this_week_already_gone():
    claim = only("Nurses walked out across the country this Tuesday, the union said.", "Tuesday", FRIDAY)
    assert claim.value == "2025-03-11"


def test_this_weekday_in_a_future_sentence_points_forward():
    assert only("Nurses will walk out this Tuesday.", "Tuesday", FRIDAY).value == "2025-03-18"


@given(st.integers(0, 6), st.sampled_from(["Monday", "Wednesday", "Thursday", "Saturday"]))
def test_this_weekday_when_past_is_never_after_publication(shift, weekday):
    published = FRIDAY + timedelta(days=shift)
    claim = only(f"Crowds gathered in the square this {weekday}, organisers said.", weekday, published)
    day = date.fromisoformat(claim.value)
    assert published - timedelta(days=6) <= day <= published and day.strftime("%A") == weekday


# -- 14: percentage points, ranges of ages -------------------------------------------------------


def test_points_changing_a_percentage_are_percentage_points():
    claim = only("Approval rose six points to 47%.", "six points")
    assert claim.unit == "percentage_point" and claim.noun == "" and claim.change == "up"


def test_points_compared_with_a_percentage_in_the_sentence_before():
    text = "Turnout fell to 31%. That is a drop of four points on last year."
    assert only(text, "four points").unit == "percentage_point"


def test_points_without_a_percentage_or_a_change_stay_points():
    assert only("The index rose 40 points to 7,500.", "40").unit == ""
    assert only("He scored 12 points, shooting 45% from the field.", "12").unit == ""
    assert only("The index rose 40 points, or 0.5%, to 7,500.", "40").unit == ""


def test_years_after_an_age_word_are_a_range_of_ages():
    claim = only("The plan lifts the retirement age from 60 to 63 years.", "years")
    assert (claim.kind, claim.noun, claim.unit, claim.low, claim.high) == ("quantity", "age", "year", 60, 63)


def test_aged_before_a_range_is_an_age():
    assert only("Recruits aged 18 to 25 years may apply.", "years").noun == "age"


def test_years_without_an_age_word_stay_a_duration():
    claim = only("The works will last 2 to 3 years.", "years")
    assert claim.kind == "duration" and claim.noun == ""


def test_nationality_before_adjectives_and_a_noun_is_a_modifier():
    assert only("They met two Chinese state-owned lenders.", "two").noun == "Chinese state-owned lender"


def test_dollars_after_a_dotted_country_code_are_money():
    claim = only("The fine came to 75 U.S. dollars.", "75")
    assert claim.unit == "dollar" and claim.surface == "75 U.S. dollars"


def test_points_of_an_index_are_never_percentage_points():
    assert only("Bond yields fell to 3%. The index lost 12 points.", "12").unit == ""
    assert only("Support fell to 3%. It then rose 225.5 points.", "225.5").unit == ""


def test_seat_as_a_verb_keeps_its_figure():
    assert only("The new jet will seat 180 in two classes.", "180").value == 180


def test_dotted_measurement_system_before_a_unit():
    claim = only("The tank holds 9,000 U.S. gallons.", "9,000")
    assert claim.unit == "gallon" and claim.noun == ""


def test_year_before_a_dotted_abbreviation_is_no_count():
    assert surfaces("Weak 1994 U.K. export figures hurt the pound.") == []
