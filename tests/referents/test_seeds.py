"""The seed audit's referent requirements (fixtures/ukraine-energy-truce/gold.yaml), on claims
built by hand at the gold surfaces: what must share a referent, and what must not."""

from __future__ import annotations

import pytest

from auditor.referents import resolve_referents

from tests.referents.helpers import make_claim


def resolve(article, surface, **kw):
    return resolve_referents(article, [make_claim(article, surface, **kw)])[0]


TEMPERATURE = dict(unit="degree_Celsius", dimension="[temperature]")


def test_launched_and_shot_down_differ_in_event(seeds):
    a = seeds["004"]
    launched = resolve(a, "450 attack drones")
    downed = resolve(a, "412 drones")
    missiles = resolve(a, "71 ballistic and cruise missiles")
    missiles_down = resolve(a, "38 of the missiles")
    assert (launched.noun, launched.event) == ("drone", "launched")
    assert (downed.noun, downed.event) == ("drone", "shot down")
    assert missiles.event == "launched" and missiles_down.event == "shot down"
    assert missiles.noun == missiles_down.noun == "missile"
    assert set(missiles.modifiers) >= {"ballistic", "cruise"}


def test_drones_of_one_night_share_noun_and_event(seeds):
    got = [resolve(seeds["000"], "111 drones"), resolve(seeds["001"], "111 attack drones"),
           resolve(seeds["002"], "dozens of drones")]
    assert {(c.noun, c.event) for c in got} == {("drone", "launched")}
    assert "attack" in got[1].modifiers


def test_drone_attacks_and_strikes_are_one_noun_and_towns_another(seeds):
    attacks = resolve(seeds["000"], "seven drone attacks")
    strikes = resolve(seeds["002"], "seven drone strikes")
    towns = resolve(seeds["002"], "seven towns")
    assert attacks.noun == strikes.noun == "drone attack"
    assert attacks.event == strikes.event == "launched"
    assert towns.noun == "town" and towns.event == "evacuated"


def test_forecast_lows_share_noun_and_event(seeds):
    kyiv = resolve(seeds["000"], "as low as minus 26 degrees Celsius", **TEMPERATURE)
    parts = resolve(seeds["001"], "minus 30C", **TEMPERATURE)
    national = resolve(seeds["002"], "below minus 30 degrees Celsius", **TEMPERATURE)
    assert {(c.noun, c.event) for c in (kyiv, parts, national)} == {("temperature", "forecast")}
    assert kyiv.place == "Kyiv"  # "in the Ukrainian capital"
    assert parts.place == national.place == "Ukraine"
    assert "parts of" in parts.modifiers


def test_observed_temperatures_are_not_forecasts(seeds):
    recent = resolve(seeds["000"], "below minus 15 degrees Celsius", **TEMPERATURE)
    night = resolve(seeds["004"], "minus\u00a023C" if "minus\u00a023C" in seeds["004"].text else "minus 23C", **TEMPERATURE)
    assert recent.noun == night.noun == "temperature"
    assert recent.event == night.event == "observed"


@pytest.mark.parametrize("file,surface,speaker", [
    ("000", "until February 1", "Peskov"),
    ("000", "conclude by Sunday", "Peskov"),
    ("001", "until Feb. 1", "Peskov"),
    ("002", "ending on Sunday", "Kremlin"),
    ("002", "until February 1", "Peskov"),
    ("003", "until 3 February", "Russian military bloggers"),
    ("004", "through to February 1", "Kremlin"),
])
def test_truce_end_dates_are_the_truce_with_their_source(seeds, file, surface, speaker):
    got = resolve(seeds[file], surface, kind="date")
    assert got.noun == "truce"
    assert got.attribution == speaker


@pytest.mark.parametrize("file,surface,after", [
    ("000", "for a week", "refrain from striking"),
    ("000", "for a full week", ""),
    ("001", "for a week", "hold fire"),
    ("002", "for one week", ""),
    ("002", "for a week", "halt to strikes"),
    ("003", "one-week", ""),
    ("003", "week-long", ""),
    ("004", "weeklong", ""),
    ("004", "only for a few days", ""),
])
def test_truce_lengths_are_the_truce(seeds, file, surface, after):
    got = resolve(seeds[file], surface, kind="duration", unit="day", after=after)
    assert got.noun == "truce"
    assert got.event == ""


def test_long_term_ceasefire_threshold_is_not_the_truce(seeds):
    got = resolve(seeds["003"], "over 60 days", kind="duration", unit="day")
    assert got.noun != "truce"
    assert got.noun.split()[-1] != "truce"


def test_the_truce_of_may_2025_is_a_truce(seeds):
    assert resolve(seeds["003"], "three-day", kind="duration", unit="day").noun == "truce"


@pytest.mark.parametrize("file,surface", [
    ("000", "nearly four-year-old"),
    ("001", "four-year"),
    ("002", "nearly four years"),
    ("003", "almost four years"),
])
def test_war_length(seeds, file, surface):
    got = resolve(seeds[file], surface, kind="duration", unit="year")
    assert got.noun == "war"
    assert got.event == ""


def test_age_of_a_person_is_not_the_war(seeds):
    got = resolve(seeds["000"], "61-year-old", kind="duration", unit="year")
    assert got.noun not in ("war", "")


@pytest.mark.parametrize("file,surface", [("002", "Trump said on Thursday"), ("003", "announced on Thursday"),
                                          ("004", "last Thursday")])
def test_trump_announcement_day(seeds, file, surface):
    got = resolve(seeds[file], surface, kind="date")
    assert got.noun == "announcement by Trump"


@pytest.mark.parametrize("file,surface", [("000", "originally slated to convene on Sunday"),
                                          ("003", "talks on Sunday"), ("004", "begin on Wednesday")])
def test_talks_dates(seeds, file, surface):
    assert resolve(seeds[file], surface, kind="date").noun == "talks"


def test_buildings_without_heating(seeds):
    kyiv = resolve(seeds["000"], "378 residential high-rise buildings")
    later = resolve(seeds["004"], "more than 1,170 high-rise buildings")
    assert kyiv.noun == later.noun == "high-rise building"
    assert kyiv.event == later.event == "without heating"
    assert "residential" in kyiv.modifiers
    assert any("residential high-rise buildings" in n for n in kyiv.notes)


def test_air_force_attribution(seeds):
    assert resolve(seeds["004"], "450 attack drones").attribution == "Ukraine's air force"
    assert resolve(seeds["000"], "111 drones").attribution == "Ukrainian Air Force"
    assert resolve(seeds["001"], "111 attack drones").attribution == "Ukrainian air force"


def test_time_anchors_from_the_temporal_reader(seeds):
    jan30 = resolve(seeds["000"], "111 drones")
    feb3 = resolve(seeds["004"], "450 attack drones")
    assert jan30.time and feb3.time and jan30.time != feb3.time
    # "Air defences managed to shoot down ... 412 drones." names no time: it is the night before's.
    assert resolve(seeds["004"], "412 drones").time == feb3.time
