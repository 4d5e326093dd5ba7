"""Referent rules added for coverage beyond the seeds, each on sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from auditor.model import Article
from auditor.referents import resolve_referents
from auditor.referents.attribution import attribution_in
from auditor.referents.context import sentence
from tests.referents.helpers import make_claim, resolve_one

# --- readings on a named scale ---------------------------------------------------------------


@pytest.mark.parametrize("text,surface", [
    ("The survey put the magnitude at 5.8 on Tuesday.", "5.8"),
    ("Officials said a magnitude 5.8 tremor shook the valley and killed four people.", "5.8"),
    ("The 5.8-magnitude tremor destroyed 300 homes.", "5.8"),
    ("Seismologists measured the quake at a magnitude of 5.8.", "5.8"),
])
def test_a_figure_beside_a_scale_name_is_a_reading_on_that_scale(text, surface):
    claim = resolve_one(text, surface)
    assert claim.noun == "magnitude"
    assert claim.event == ""  # "killed", "destroyed" are about the people and the homes


def test_a_scale_word_elsewhere_in_the_sentence_does_not_make_a_magnitude():
    claim = resolve_one("Rescuers pulled 14 people from rubble after the magnitude 6 quake.", "14 people")
    assert claim.noun == "person"


# --- bare counts -----------------------------------------------------------------------------


def _resolve_all(text: str, *surfaces: str) -> list:
    article = Article(id="t", path="<test>", text=text, published=date(2026, 1, 30))
    return resolve_referents(article, [make_claim(article, s) for s in surfaces])


def test_a_bare_count_takes_the_noun_of_the_figure_before_it():
    _, six = _resolve_all("Of the nine judges on the panel, six voted to uphold the ruling.", "nine judges", "six")
    assert six.noun == "judge" and six.event == "voted"


def test_a_count_with_its_own_noun_keeps_it():
    _, six = _resolve_all("Of the nine judges on the panel, six lawyers objected.", "nine judges", "six lawyers")
    assert six.noun == "lawyer"


def test_a_bare_count_alone_in_its_sentence_stays_without_a_noun():
    assert resolve_one("In the end, six voted to uphold the ruling.", "six").noun == ""


# --- attribution -----------------------------------------------------------------------------


def test_an_abbreviation_in_brackets_does_not_hide_the_speaker():
    s = sentence("The European Space Agency (ESA) reported the debris at 40 km altitude.")
    assert attribution_in(s, 54).name == "European Space Agency"


def test_a_participle_after_a_comma_is_said_by_the_sentence_subject():
    s = sentence("The weather service gave a lower reading, saying winds were 120 km/h.")
    assert attribution_in(s, 60).name == "weather service"


def test_a_participle_does_not_make_a_speaker_of_a_whole_clause():
    s = sentence("Rebels fired 40 rockets at dawn, saying nothing about targets.")
    assert attribution_in(s, 13) is None


def test_a_weekday_after_a_passive_verb_is_not_a_speaker():
    assert attribution_in(sentence("The 2% cut was announced Tuesday."), 4) is None


# --- measured properties ---------------------------------------------------------------------


def test_a_share_move_belongs_to_the_company_named_with_the_shares():
    text = "Shares of Nokia jumped 12% while Ericsson shares fell 3%."
    assert resolve_one(text, "12%", unit="percent", dimension="dimensionless").noun == "share price change of Nokia"
    assert resolve_one(text, "3%", unit="percent", dimension="dimensionless").noun == \
        "share price change of Ericsson"


def test_shares_with_no_named_owner_are_no_referent():
    claim = resolve_one("Shares fell 3% in early trading.", "3%", unit="percent", dimension="dimensionless")
    assert claim.noun == ""


def test_a_cue_written_inside_the_figure_counts():
    claim = resolve_one("The buyer will pay $12.50 per share in cash.", "$12.50 per share", unit="dollar",
                        dimension="[currency]")
    assert claim.noun == "price per share"


def test_a_closing_price_is_not_the_offer_price():
    claim = resolve_one("The offer is $40 a share for a stock that closed at $31.20 on Friday.", "$31.20",
                        unit="dollar", dimension="[currency]")
    assert claim.noun == "closing price"


def test_an_appositive_does_not_part_a_figure_from_its_cue():
    text = ("Oracle agreed to acquire Cerner, the medical records company based in Kansas City, for $28.3 "
            "billion.")
    claim = resolve_one(text, "$28.3 billion", unit="dollar", dimension="[currency]")
    assert claim.noun == "deal value"


def test_a_distance_set_off_after_a_place_is_a_fixed_distance():
    text = "The quake struck Lushan county, about 115 kilometres from Chengdu, on Saturday."
    claim = resolve_one(text, "115 kilometres", unit="kilometer", dimension="[length]")
    assert claim.noun.startswith("fixed distance from ")
    moving = resolve_one("At noon the storm was 115 kilometres from Chengdu.", "115 kilometres", unit="kilometer",
                         dimension="[length]")
    assert moving.noun == "distance from Chengdu"


# --- events ----------------------------------------------------------------------------------


def test_voting_for_a_figure_is_a_proposal_voting_for_the_figure_is_the_decision():
    text = "Seven members voted for the 0.25% cut, while two voted for a 0.5% cut."
    adopted = resolve_one(text, "0.25%", unit="percent", dimension="dimensionless")
    proposed = resolve_one(text, "0.5%", unit="percent", dimension="dimensionless")
    assert adopted.event == "" and proposed.event == "hypothetical"


def test_options_for_the_next_meeting_are_a_forecast():
    text = "A 25 basis point rise seems most likely at the next meeting, the governor said."
    claim = resolve_one(text, "25 basis point", unit="basis_point", dimension="[percentage_point]")
    assert claim.event == "forecast"
