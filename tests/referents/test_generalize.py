"""Round-3 rules that must hold beyond the fixtures, each on a sentence of our own."""

from __future__ import annotations

from datetime import date

import dataclasses
import re

import pytest
from hypothesis import given, strategies as st

from auditor.group.blocking import block_key, referent_key
from auditor.model import Article, Claim
from auditor.referents import resolve_referents
from auditor.referents.attribution import attribution_in
from auditor.referents.context import sentence
from auditor.referents.events import event_for
from tests.referents.helpers import make_claim


def resolve_all(text: str, surfaces: list[str]) -> list[Claim]:
    """Resolve several figures of one text together (carry-over rules look at earlier figures)."""
    article = Article(id="t", path="<test>", text=text, published=date(2026, 1, 30))
    claims, pos = [], 0
    for s in surfaces:
        start = text.index(s, pos)
        c = make_claim(article, s, after=text[start:])
        digits = re.search(r"\d[\d,]*", s)
        c = dataclasses.replace(c, value=float(digits.group(0).replace(",", "")) if digits else None)
        claims.append(c)
        pos = c.end
    return resolve_referents(article, claims)


def _event(text: str, figure: str) -> str:
    a = text.index(figure)
    return event_for(sentence(text), a, a + len(figure), "count")[0]


# --- 2, 3: each clause of a list has its own verb; hospital and injury states are events ------

@pytest.mark.parametrize("figure,event", [
    ("three", "killed"), ("40", "hospitalized"), ("12", "uninjured"),
])
def test_each_listed_clause_has_its_own_verb(figure, event):
    text = "Officials said three had died, 40 were taken to hospital and 12 were unhurt."
    assert _event(text, figure) == event


def test_relative_where_clause_has_its_own_verb():
    text = "Five were detained in Lille, where 9,000 people marched."
    assert _event(text, "Five") == "arrested"
    assert _event(text, "9,000") != "arrested"


def test_reduced_relative_does_not_steal_the_object():
    # No auxiliary between "412 drones" and "launched": not the figure's own verb.
    assert _event("Air defences shot down 412 drones launched by Russia.", "412") == "shot down"


@pytest.mark.parametrize("text,figure,event", [
    ("Doctors said 14 were in critical condition.", "14", "critical condition"),
    ("Nine remain unaccounted for after the blast.", "Nine", "missing"),
    ("Seven workers were hospitalised overnight.", "Seven", "hospitalized"),
])
def test_hospital_and_injury_states_are_events(text, figure, event):
    assert _event(text, figure) == event


def test_state_adjective_in_the_noun_is_the_event():
    c = resolve_all("The ferry carried 80 other uninjured travellers home.", ["80 other uninjured travellers"])[0]
    assert c.event == "uninjured" and "uninjured" not in c.noun


# --- 5: the same people under different nouns ---------------------------------------------

@pytest.mark.parametrize("noun", ["passenger", "soul", "victim", "person"])
def test_people_nouns_meet_under_a_people_event(noun):
    c = Claim("c", "a", "", 0, 0, "", noun=noun, event="killed")
    assert referent_key(c) == "person"


def test_people_nouns_stay_apart_without_a_people_event():
    # 300 passengers aboard and 320 people aboard are not the same count.
    assert referent_key(Claim("c", "a", "", 0, 0, "", noun="passenger")) == "passenger"
    assert referent_key(Claim("c", "a", "", 0, 0, "", noun="crew", event="killed")) == "crew"


def test_bare_count_with_a_people_event_counts_people():
    c = resolve_all("Police said two were confirmed dead.", ["two"])[0]
    assert c.noun == "person" and c.event == "killed"


def test_bare_count_with_people_event_does_not_take_a_thing_noun():
    cs = resolve_all("The injured went to six clinics; 14 were in critical condition.", ["six clinics", "14"])
    assert cs[1].noun != "clinic"


# --- 1, 8: changes and "including" parts ----------------------------------------------------

def test_from_to_change_takes_no_carried_noun():
    cs = resolve_all("About 5,000 workers marched against raising the age from 60 to 62.", ["5,000 workers", "from 60 to 62"])
    assert cs[1].noun == ""


def test_including_part_takes_the_whole_that_can_hold_it():
    text = "Some 900,000 people joined 150 rallies nationwide, including about 70,000 in Lyon."
    cs = resolve_all(text, ["900,000 people", "150 rallies", "70,000"])
    assert cs[2].part_of == cs[0].id
    assert cs[2].noun == "person" and cs[2].place == "Lyon"


def test_total_does_not_take_its_parts_place():
    text = "Police put the number of marchers at 900,000, including 70,000 in Lyon."
    cs = resolve_all(text, ["900,000", "70,000"])
    assert cs[0].place != "Lyon"
    assert cs[0].noun == "protester"  # "number of marchers", a synonym
    assert block_key(cs[1], cs[0]) != block_key(cs[0])


# --- 9: attribution does not cross "while" ----------------------------------------------------

def test_attribution_does_not_cross_while():
    t = "About 50,000 people marched, the union said, while police counted 12,000 marchers."
    s = sentence(t)
    assert attribution_in(s, t.index("50,000")).name == "union"
    assert attribution_in(s, t.index("12,000")).name == "police"


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_including_part_is_never_larger_than_its_whole(whole, part):
    text = f"Organisers counted {whole:,} people, including {part:,} in Lyon."
    cs = resolve_all(text, [f"{whole:,} people", f"{part:,}"])
    if cs[1].part_of:
        assert part <= whole
    else:
        assert part > whole


# --- 10: places -------------------------------------------------------------------------------

def _place(text: str, figure: str) -> str:
    from auditor.referents.places import place_for

    a = text.index(figure)
    return place_for(sentence(text), a, a + len(figure))[0]


def test_short_alternate_names_and_codes_are_not_places():
    assert _place("For them, 300 people marched.", "300") == ""


def test_country_before_a_plural_noun_is_whose_not_where():
    assert _place("The crew included 12 Italians and 4 U.S. citizens.", "12") == ""
    assert _place("Sales in the US rose by 5 percent.", "5") == "United States"


def test_place_in_a_later_subordinate_clause_is_not_the_figures():
    assert _place("The ship had 300 people aboard after it stopped to refuel in Lisbon.", "300") == ""
    assert _place("Five were detained in Lille, where 9,000 marched.", "Five") == "Lille"


def test_place_does_not_cross_a_contrast():
    t = "Unions counted 50,000 in Lyon, while police counted 20,000 marchers."
    assert _place(t, "20,000") == ""


def test_bare_capital_is_the_capital_of_the_country_named():
    assert _place("Protests spread across Italy, with 30,000 in the capital alone.", "30,000") == "Rome"
    # Two countries named: "the capital" could be either.
    assert _place("Protests spread across Italy and Spain, with 30,000 in the capital.", "30,000") != "Rome"


def test_including_part_without_a_whole_takes_no_carried_noun():
    text = "Unions organised 150 rallies, including about 70,000 in Lyon."
    cs = resolve_all(text, ["150 rallies", "70,000"])
    assert cs[1].noun != "rally" and cs[1].part_of is None


def test_people_who_protested_block_with_protesters():
    marched = Claim("c", "a", "", 0, 0, "", noun="person", event="protested")
    demonstrators = Claim("d", "a", "", 0, 0, "", noun="demonstrator")
    from auditor.referents.nouns import canonical_noun

    demonstrators = dataclasses.replace(demonstrators, noun=canonical_noun("demonstrators")[0])
    assert block_key(marched) == block_key(demonstrators)
    assert _event("About 9,000 people marched through the city.", "9,000") == "protested"
