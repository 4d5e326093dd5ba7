"""The seed audit's dates and durations (shared/seeds/gold.yaml) come out of find_temporal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pint
import pytest
import yaml

from auditor.extract.temporal import NOT_A_CLAIM, find_temporal
from auditor.ingest.metadata import split_front_matter

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "ukraine-energy-truce"

TEMPORAL_GROUPS = (
    "truce-end-date",
    "truce-duration",
    "war-length",
    "truce-start",
    "trump-announcement-day",
    "second-round-talks-date",
)
UREG = pint.UnitRegistry()
UNIT_NAMES = {"degC": "degree_Celsius"}


def _body(name: str) -> str:
    """The article text of a seed named as in gold.yaml ("000_....txt"), without front matter."""
    path = SEEDS / name.replace(".txt", ".md")
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


def _gold() -> dict:
    return yaml.safe_load((SEEDS / "gold.yaml").read_text(encoding="utf-8"))


def _file(prefix: str) -> tuple[str, date]:
    for name, meta in _gold()["articles"].items():
        if name.startswith(prefix):
            return name, meta["published"]
    raise KeyError(prefix)


_CACHE: dict[str, list] = {}


def _claims(prefix: str) -> list:
    if prefix not in _CACHE:
        name, published = _file(prefix)
        text = _body(name)
        _CACHE[prefix] = find_temporal(text, published, article_id=prefix)
    return _CACHE[prefix]


def _matching(prefix: str, surface: str, kinds: tuple[str, ...]) -> list:
    """Claims whose surface contains the gold surface or lies inside it, the containing first."""
    found = [
        c
        for c in _claims(prefix)
        if c.kind in kinds and NOT_A_CLAIM not in c.notes and (surface in c.surface or c.surface in surface)
    ]
    return sorted(found, key=lambda c: (surface not in c.surface, -len(c.surface)))


def _expected_claims() -> list[tuple[str, dict]]:
    gold = _gold()
    out = []
    for group in gold["groups"]:
        if group["id"] in TEMPORAL_GROUPS:
            out += [(group["id"], c) for c in group["claims"] if "surface" in c]
    temporal_units = {"day", "year", "week", "hour", "month"}
    for c in gold["must_read"]:
        if isinstance(c.get("value"), date) or c.get("unit") in temporal_units:
            out.append(("must_read", c))
    return out


def _fits(claim, want: dict) -> bool:
    value = want.get("value")
    if isinstance(value, date):
        return claim.kind == "date" and claim.value == value.isoformat()
    if want.get("qualifier") and claim.qualifier != want["qualifier"]:
        return False
    if value is None:
        return True
    unit = want.get("unit", "")
    if not unit or not claim.unit:
        return False
    have = UREG.Quantity(claim.value, claim.unit).to(UNIT_NAMES.get(unit, unit)).magnitude
    return abs(have - value) < 1e-6


@pytest.mark.parametrize(
    "group,want", _expected_claims(), ids=lambda x: x if isinstance(x, str) else f"{x['file']}:{x['surface']}"
)
def test_gold_temporal_claim(group: str, want: dict) -> None:
    kinds = ("date",) if isinstance(want.get("value"), date) else ("duration", "quantity")
    found = _matching(want["file"], want["surface"], kinds)
    assert found, f"{group}: nothing found for {want['surface']!r} in {want['file']}"
    assert any(_fits(c, want) for c in found), [
        (c.surface, c.value, c.unit, c.qualifier) for c in found
    ]


@pytest.mark.parametrize("surface", ["Thomson Reuters 2026", "8:00am", "11:32 AM"])
def test_not_quantities_are_blocked(surface: str) -> None:
    entry = next(e for e in _gold()["not_quantities"] if e["surface"] == surface)
    name, published = _file(entry["file"])
    text = _body(name)
    at = text.index(surface)
    digits = [i for i in range(at, at + len(surface)) if text[i].isdigit()]
    claims = find_temporal(text, published)
    for i in digits:
        covering = [c for c in claims if c.start <= i < c.end]
        assert covering and all(NOT_A_CLAIM in c.notes for c in covering), surface


def test_truce_start_readings_are_the_same_night() -> None:
    midnight = _matching("000", "Friday at midnight", ("date",))[0]
    yesterday = _matching("002", "The countdown began yesterday", ("date",))[0]
    assert (midnight.low, midnight.high) == ("2026-01-29", "2026-01-30")
    assert midnight.event == yesterday.event == "start"
    assert midnight.low <= yesterday.value <= midnight.high


def test_roles_of_seed_dates() -> None:
    events = {
        ("000", "conclude by Sunday"): "end",
        ("002", "ending on Sunday"): "end",
        ("004", "through to February 1"): "end",
        ("003", "until 3 February"): "end",
        ("000", "originally slated to convene on Sunday"): "scheduled",
        ("004", "begin on Wednesday in Abu Dhabi"): "scheduled",
        ("003", "ahead of talks on Sunday"): "scheduled",
        ("002", "Trump said on Thursday"): "on",
        ("004", "last Thursday"): "on",
    }
    for (prefix, surface), event in events.items():
        found = _matching(prefix, surface, ("date",))
        assert found and found[0].event == event, (surface, [(c.surface, c.event) for c in found])


def test_offset_after_announcement() -> None:
    (five,) = _matching("004", "five days after Donald Trump said", ("duration",))
    assert (five.value, five.unit, five.event) == (5, "day", "offset")


def test_age_and_war_length_differ_in_kind() -> None:
    (age,) = _matching("000", "61-year-old", ("quantity",))
    (war,) = _matching("000", "nearly four-year-old", ("duration",))
    assert (age.noun, age.value, age.unit) == ("age", 61, "year")
    assert war.qualifier == "approx" and war.modifiers == ("war",)


def test_january_23_and_24_are_two_dates() -> None:
    found = [c.value for c in _claims("004") if c.value in ("2026-01-23", "2026-01-24")]
    assert found == ["2026-01-23", "2026-01-24"]
