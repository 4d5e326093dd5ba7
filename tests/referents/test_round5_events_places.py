"""Round 5: each clause keeps its own event, rescue/aboard verbs, synonyms, and places that belong
to something else (a dateline, the speaker's agency, an effect in a participle clause)."""

from hypothesis import given, strategies as st

from auditor.group.blocking import block_key
from auditor.model import Claim
from tests.referents.helpers import resolve_one


def test_each_clause_keeps_its_own_event():
    c = resolve_one("Divers saved 12 climbers and one death was reported at the cave.", "12 climbers")
    assert c.event == "rescued"
    d = resolve_one("Divers saved 12 climbers and one death was reported at the cave.", "one death")
    assert d.event == "killed"


def test_rescued_people_and_survivors_share_a_block():
    rescued = resolve_one("Crews said 31 people were rescued from the flooded mine.", "31 people")
    survivors = resolve_one("Only 31 survivors were found after the mine flooded.", "31 survivors")
    assert block_key(rescued) == block_key(survivors)


def test_aboard_is_an_event_but_blocks_with_the_bare_count():
    aboard = resolve_one("The barge was packed with 40 bicycles when it capsized.", "40 bicycles")
    bare = resolve_one("Officials listed 40 bicycles among the cargo.", "40 bicycles")
    assert aboard.event == "aboard"
    assert block_key(aboard) == block_key(bare)


def test_people_aboard_are_not_passengers():
    # "300 people aboard" counts the crew too.
    people = resolve_one("The airliner carrying 300 people landed hard.", "300 people")
    passengers = resolve_one("The airliner carrying 280 passengers landed hard.", "280 passengers")
    assert block_key(people) != block_key(passengers)


def test_presumed_drowned_is_missing_not_dead():
    c = resolve_one("By Friday 27 fishermen were presumed drowned off the coast.", "27 fishermen")
    assert c.event == "missing"


def test_a_recovered_body_is_a_death():
    c = resolve_one("Searchers said one body was recovered near the dam.", "one body")
    assert (c.noun, c.event) == ("person", "killed")
    assert block_key(c) == block_key(resolve_one("Officials confirmed one death on Monday.", "one death", noun="death"))


def test_motorbike_is_motorcycle():
    assert resolve_one("Police seized 14 motorbikes at the border.", "14 motorbikes").noun == "motorcycle"


def test_a_plural_noun_is_counted_not_a_state():
    # "fires" is a launch cue as a verb; as a plural noun it is the thing counted.
    c = resolve_one("Firefighters tackled 12 fires overnight.", "12 fires")
    assert c.noun == "fire"


def test_a_city_dateline_with_a_colon_is_not_the_place():
    c = resolve_one("Lima: At least 12 people died in a landslide in the mountains.", "12 people")
    assert c.place != "Lima"


def test_a_country_headline_with_a_colon_is_the_place():
    c = resolve_one("Peru: At least 12 people died in a landslide.", "12 people")
    assert c.place == "Peru"


def test_the_speakers_agency_city_is_not_the_figures_place():
    text = "Rossi, the head of the coastguard in the nearby city of Naples, said the boat carried 60 people."
    assert resolve_one(text, "60 people").place != "Naples"


def test_a_place_before_a_non_appositive_speaker_still_counts():
    assert resolve_one("In Naples, police said 60 people were arrested.", "60 people").place == "Naples"


def test_effects_in_a_participle_clause_do_not_place_a_reading():
    text = "Spain hit 44C on Sunday, sparking a string of fires across Madrid."
    c = resolve_one(text, "44C", unit="degree_Celsius", dimension="[temperature]")
    assert c.place != "Madrid"


@given(st.integers(min_value=2, max_value=900))
def test_rescue_event_whatever_the_number(n):
    c = resolve_one(f"Lifeboats rescued {n} people and two bodies were recovered.", f"{n} people")
    assert c.event == "rescued"
