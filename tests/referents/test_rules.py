"""Each referent rule on sentences of our own, including the readings that must not happen."""

from __future__ import annotations

import pytest

from auditor.referents.attribution import attribution_in, canonical_speaker
from auditor.referents.context import sentence
from auditor.referents.nouns import canonical_noun, dimension_of
from auditor.referents.places import place_for
from tests.referents.helpers import resolve_one

# --- nouns -----------------------------------------------------------------------------------


@pytest.mark.parametrize("phrase,noun", [
    ("drone strikes", "drone attack"),
    ("kamikaze drones", "drone"),
    ("cease-fire", "truce"),
    ("moratorium", "truce"),
    ("long-term ceasefire", "long-term ceasefire"),
    ("apartment buildings", "apartment building"),
    ("peace talks", "talks"),
    ("residential high-rise buildings", "high-rise building"),
    ("wounded civilians", "wounded civilian"),
])
def test_canonical_noun(phrase, noun):
    assert canonical_noun(phrase)[0] == noun


def test_counted_noun_of_plain_counts():
    assert resolve_one("Officials said 25 children remain in the town.", "25").noun == "child"
    assert resolve_one("Rescuers pulled 12 miners from the shaft.", "12").noun == "miner"
    # A partitive counts the noun after "of the".
    got = resolve_one("Police arrested 40 of the protesters on Monday.", "40")
    assert got.noun == "protester" and got.event == "arrested"


def test_figure_with_no_noun_has_no_referent():
    # No noun after the figure: grouping must not guess what it is about.
    assert resolve_one("The city, home to some 4mn, was dark.", "some 4mn").noun == ""


@pytest.mark.parametrize("text,surface,unit,dimension,prop", [
    ("Winds gusting to 130 km/h tore roofs off.", "130 km/h", "kilometer / hour", "", "wind gust"),
    ("Sustained winds of 200 km/h were recorded.", "200 km/h", "kilometer / hour", "", "wind speed"),
    ("The fire has burned 5,000 hectares of forest.", "5,000 hectares", "hectare", "", "burned area"),
    ("Up to 300 mm of rain fell in a day.", "300 mm", "millimeter", "[length]", "rainfall"),
    ("The house sold for $2m last year.", "$2m", "USD", "[currency]", "price"),
    ("It is expected to reach 40C on Tuesday.", "40C", "degree_Celsius", "", "temperature"),
])
def test_measured_property(text, surface, unit, dimension, prop):
    assert resolve_one(text, surface, unit=unit, dimension=dimension).noun == prop


def test_dimension_from_unit_when_missing():
    assert dimension_of("", "mile ** 2") == "area"
    assert dimension_of("[length] ** 2", "") == "area"
    assert dimension_of("", "furlong_per_fortnight") == ""


@pytest.mark.parametrize("text,surface,noun", [
    ("The curfew is set to end on Friday.", "on Friday", "curfew"),
    ("A ceasefire that took effect on Monday collapsed.", "on Monday", "truce"),
    ("Both sides agreed to stop shelling the city until March 3.", "until March 3", "truce"),
    ("Negotiators will convene in Geneva on Tuesday.", "on Tuesday", "talks"),
    ("The minister said on Monday that prices would fall.", "on Monday", "announcement by minister"),
])
def test_date_referents(text, surface, noun):
    got = resolve_one(text, surface, kind="date")
    if noun == "announcement by minister":
        assert got.noun.startswith("announcement")
    else:
        assert got.noun == noun


@pytest.mark.parametrize("text,surface,noun", [
    ("Lockdowns were ordered for two weeks across the region.", "for two weeks", "lockdown"),
    ("After a decade of drought, the lake is gone.", "a decade", "drought"),
    ("A 90-day tariff pause was announced.", "90-day", "tariff truce"),
    ("In the past 48 hours, 30 people died.", "past 48 hours", "period"),
    ("The 45-year-old driver was arrested.", "45-year-old", "driver"),
])
def test_duration_referents(text, surface, noun):
    got = resolve_one(text, surface, kind="duration", unit="day")
    assert got.noun == noun


def test_to_last_for_a_week_is_not_a_reporting_window():
    got = resolve_one("The pause was intended to last for a full week.", "for a full week", kind="duration")
    assert got.noun == "truce"


def test_interval_after_an_event_is_not_the_length_of_it():
    got = resolve_one("The strikes resumed five days after the truce was agreed.", "five days", kind="duration")
    assert got.event == "interval"


def test_talks_rounds_are_kept():
    got = resolve_one("The second round of talks will begin on Wednesday.", "on Wednesday", kind="date")
    assert got.noun == "talks" and "second round" in got.modifiers


# --- events ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text,surface,event", [
    ("Russia fired 40 missiles overnight.", "40 missiles", "launched"),
    ("Air defences intercepted 35 missiles.", "35 missiles", "shot down"),
    ("The blast killed 12 people.", "12 people", "killed"),
    ("At least 30 people were wounded.", "30 people", "injured"),
    ("Authorities evacuated 2,000 residents.", "2,000 residents", "evacuated"),
    ("About 500 buildings were left without heating.", "500 buildings", "without heating"),
    ("Some 80,000 homes were without power on Sunday.", "80,000 homes", "without power"),
])
def test_count_events(text, surface, event):
    assert resolve_one(text, surface).event == event


def test_the_counted_noun_is_not_its_own_event():
    # "drone attacks" were launched; the word "attacks" in the noun does not make the event.
    got = resolve_one("Officials said the enemy carried out nine drone attacks.", "nine drone attacks")
    assert got.event == "launched" and got.noun == "drone attack"


def test_forecast_wins_over_a_nearer_observation_verb():
    text = "Forecasters predict a further plunge in temperatures, reaching as low as minus 20C."
    got = resolve_one(text, "minus 20C", unit="degree_Celsius")
    assert got.event == "forecast"


def test_observed_temperature():
    got = resolve_one("Temperatures plunged to minus 18C overnight.", "minus 18C", unit="degree_Celsius")
    assert got.event == "observed"


def test_a_clause_break_stops_an_event_cue():
    text = "Russia launched an attack; 300 residents remained in the village."
    assert resolve_one(text, "300 residents").event != "launched"


# --- places ----------------------------------------------------------------------------------


def _place(text: str, at: str) -> str:
    s = sentence(text)
    k = s.text.index(at)
    return place_for(s, k, k + len(at))[0]


@pytest.mark.parametrize("text,at,place", [
    ("A drone hit a building in Kyiv, injuring 3.", "3", "Kyiv"),
    ("Troops left 7 villages in the Kharkiv region.", "7", "Kharkiv region"),
    ("Frost reached minus 30C in parts of Ukraine.", "minus 30C", "Ukraine"),
    ("Temperatures in the Ukrainian capital could hit minus 26C.", "minus 26C", "Kyiv"),
    ("Fighting continued in the Donbas region, where 12 died.", "12", "Donbas region"),
    ("Floods in Nice killed 4 people.", "4", "Nice"),
])
def test_places(text, at, place):
    assert _place(text, at) == place


@pytest.mark.parametrize("text,at", [
    ("It was a nice day and 4 people came.", "4"),
    ("Reading the report, 12 analysts agreed.", "12"),
    ("Donald Trump said 3 deals were close.", "3"),
    ("Kyiv mayor Vitali Klitschko counted 40 fires.", "40"),  # a title, not where it happened
    ("Most of the 30 buildings were empty.", "30"),
])
def test_not_places(text, at):
    assert _place(text, at) in ("", "Ukraine")
    assert _place(text, at) == "" or "Kyiv" in text


def test_most_specific_place_of_the_clause_wins():
    assert _place("In Ukraine, 5 people died in Odesa.", "5") == "Odesa"


def test_a_place_inside_the_source_is_not_where_the_figure_is():
    got = resolve_one("Russia launched 90 drones, according to Ukraine's air force.", "90 drones")
    assert got.place == "" and got.attribution == "Ukraine's air force"


# --- attribution -----------------------------------------------------------------------------


@pytest.mark.parametrize("text,at,speaker", [
    ("Russia launched 50 drones, according to the Ukrainian air force.", "50", "Ukrainian air force"),
    ("Health Minister Jane Doe said 40 people were hurt.", "40", "Doe"),
    ('"We counted 40 bodies," said Omar Haddad, a local doctor.', "40", "Haddad"),
    ("The Kremlin later confirmed the pause would last 7 days.", "7", "Kremlin"),
    ("Trump, speaking at a rally, said 12 states had voted.", "12", "Trump"),
    ("The pause was confirmed by the Kremlin for 3 days.", "3", "Kremlin"),
])
def test_attribution(text, at, speaker):
    s = sentence(text)
    got = attribution_in(s, s.text.index(at))
    assert got is not None and got.name == speaker


def test_no_attribution_without_a_source():
    s = sentence("Their reports suggested 30 trains were delayed.")
    assert attribution_in(s, 24) is None


def test_pronoun_is_resolved_in_the_paragraph():
    text = 'Governor Anna Berg spoke on Monday. "We lost 12 homes," she said.'
    assert resolve_one(text, "12 homes").attribution == "Berg"


@pytest.mark.parametrize("phrase,name", [
    ("U.S. Secretary of State Marco Rubio", "Rubio"),
    ("Russian President Vladimir Putin", "Putin"),
    ("Ukraine's meteorological service", "Ukraine's meteorological service"),
    ("the Ukrainian Air Force", "Ukrainian Air Force"),
])
def test_canonical_speaker(phrase, name):
    assert canonical_speaker(phrase) == name


def test_a_habitual_pattern_is_not_one_nights_count():
    text = "Moscow deploys hundreds of drones in near-daily attacks on Ukrainian cities."
    got = resolve_one(text, "hundreds of drones")
    assert got.noun == "drone" and got.event != "launched" and "recurring" in got.modifiers
    assert resolve_one("Russia launched 111 drones overnight.", "111 drones").event == "launched"


def test_relative_clause_and_time_phrase_speakers():
    s = sentence("Data came from the Joint Typhoon Warning Center, which said winds were 195 mph.")
    assert attribution_in(s, s.text.index("195")).name == "Joint Typhoon Warning Center"
    s = sentence("The Joint Typhoon Warning Center shortly before Typhoon Haiyan's landfall said winds were 195 mph.")
    assert attribution_in(s, s.text.index("195")).name == "Joint Typhoon Warning Center"


def test_dateline_is_not_the_place():
    assert _place("BEIJING - More than 367 people died in Yunnan.", "367") == "Yunnan" or \
        _place("BEIJING - More than 367 people died in Yunnan.", "367") == ""
    assert _place("BEIJING - More than 367 people died.", "367") == ""


def test_people_counted_by_their_state():
    got = resolve_one("The toll rose to 398 people with more than 1,800 injured.", "more than 1,800")
    assert (got.noun, got.event) == ("person", "injured")


def test_others_are_more_of_the_noun_before():
    from auditor.model import Article
    from auditor.referents import resolve_referents
    from tests.referents.helpers import make_claim

    text = "The quake left at least 381 people dead and 1,801 others injured."
    a = Article(id="t", path="<t>", text=text)
    got = resolve_referents(a, [make_claim(a, "at least 381 people"), make_claim(a, "1,801 others")])
    assert got[1].noun == "person" and got[1].event == "injured" and got[0].event == "killed"


def test_a_distance_is_a_referent_only_with_its_place():
    got = resolve_one("Ludian is about 370 kilometres northeast of Kunming.", "370 kilometres", unit="kilometer")
    assert got.noun == "distance from Kunming"
    assert resolve_one("The convoy drove 370 kilometres.", "370 kilometres", unit="kilometer").noun == ""
