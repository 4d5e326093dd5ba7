"""Blocking: the key under which claims can possibly be about the same thing.

Claims meet only inside a block, so grouping costs one dictionary pass over the corpus instead of
comparing every pair. Two claims share a block when they have the same kind of value (a date, a
length of time, or a figure of one pint dimension), the same canonical referent, and the same
event class. A claim with no referent is in no block: with nothing to say what it is about, any
pairing would be a guess, and a guessed pairing is how false alarms are made.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from auditor.model import Claim
from auditor.resources import vocabulary


def value_kind(claim: Claim) -> str:
    """"date", "[time]", a pint dimensionality, or "count" for a figure with no unit.

    >>> value_kind(Claim("c", "a", "7", 0, 1, "", unit="", dimension=""))
    'count'
    >>> value_kind(Claim("c", "a", "week", 0, 4, "", kind="duration", unit="week", dimension="[time]"))
    '[time]'
    """
    if claim.kind == "date":
        return "date"
    if claim.kind == "duration":
        return "[time]"
    if claim.dimension:
        return claim.dimension
    return "unit:" + claim.unit if claim.unit else "count"


def referent_key(claim: Claim) -> str:
    """The referent's heads: the last word of the canonical noun, and of its complement after
    "of", "from" or "by" when it has one.

    Modifiers stay on the claim and in the report; in the key they would split one referent
    written two ways ("111 drones" and "111 attack drones", "the U.S. Federal Reserve" and "the
    Federal Reserve"), while the complement keeps apart what it names ("distance from Kunming"
    and "distance from Guiuan", Microsoft's and Activision's share moves).

    >>> [referent_key(Claim("c", "a", "", 0, 0, "", noun=n)) for n in
    ...  ("residential high-rise building", "distance from Kunming", "announcement by U.S. Federal Reserve")]
    ['building', 'distance from kunming', 'announcement by reserve']
    >>> referent_key(Claim("c", "a", "", 0, 0, "", noun="passenger", event="killed"))
    'person'
    """
    noun = claim.noun.strip().lower()
    if not noun:
        return ""
    head, link, rest = (re.split(r" (of|from|by) ", noun, maxsplit=1) + ["", ""])[:3]
    if rest:
        return f"{head.split()[-1]} {link} {rest.split()[-1]}"
    last = head.split()[-1]
    if last in _people_nouns() and event_key(claim.event) in _people_events():
        # "two passengers died", "two people were killed": under an event only people undergo,
        # passengers, souls and victims are the same people.
        return "person"
    return last


@lru_cache(maxsize=1)
def _personal_nouns() -> frozenset[str]:
    return frozenset(str(n).lower() for n in vocabulary("nouns").get("personal_nouns", []))


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(str(n).lower() for n in vocabulary("nouns").get("people_nouns", []))


@lru_cache(maxsize=1)
def _event_roles() -> dict[str, str]:
    return {str(k).lower(): str(v).lower() for k, v in (vocabulary("events").get("event_roles") or {}).items()}


@lru_cache(maxsize=1)
def _people_events() -> frozenset[str]:
    return frozenset(str(e).lower() for e in vocabulary("events").get("people_events", []))


def event_key(event: str) -> str:
    """The event as blocking sees it: an event that only says how a figure was got is no event.

    >>> event_key("observed"), event_key("Shot down")
    ('', 'shot down')
    """
    event = event.strip().lower()
    return "" if event in _unmarked() else event


@lru_cache(maxsize=1)
def _unmarked() -> frozenset[str]:
    return frozenset(str(e).lower() for e in vocabulary("events").get("unmarked", []))


def as_compared(claim: Claim) -> Claim:
    """The claim as grouping and checking read it: a change of a rate written in percent is in
    percentage points (``points_in_percent`` in rules/vocabulary/properties.yaml).

    >>> c = Claim("c", "a", "0.75%", 0, 5, "", value=0.75, unit="percent", dimension="dimensionless",
    ...           noun="interest rate change")
    >>> as_compared(c).unit, as_compared(c).dimension, c.unit
    ('percentage_point', '[percentage_point]', 'percent')
    """
    if claim.unit != "percent" or claim.noun not in _points_in_percent():
        return claim
    return dataclasses.replace(claim, unit="percentage_point", dimension="[percentage_point]",
                               notes=claim.notes + ("percent read as percentage points (a change of a rate)",))


@lru_cache(maxsize=1)
def _points_in_percent() -> frozenset[str]:
    return frozenset(str(p) for p in vocabulary("properties").get("points_in_percent") or ())


def block_key(claim: Claim, whole: Claim | None = None) -> tuple[str, str, str] | None:
    """(value kind, referent, event) or None when the claim has no referent. ``whole`` is the
    figure the claim is a part of, if any.

    >>> block_key(Claim("c", "a", "", 0, 0, "", noun="person", event="protested"))
    ('count', 'protester', '')
    """
    ref = referent_key(claim)
    if not ref or ref in _personal_nouns():
        return None
    if whole is not None and (claim.place != whole.place or not claim.place):
        # "1.2 million, including 80,000 in Paris": a part is about its own place (even one the
        # gazetteer cannot name: "in the capital"), never the total's.
        ref = f"{ref} in {claim.place or 'a part'}"
    event = event_key(claim.event)
    role = _event_roles().get(event)
    if role and ref in (role, *_people_nouns()):
        # "1.1 million people marched" and "1.1 million demonstrators": the event names the role.
        ref, event = role, ""
    return value_kind(as_compared(claim)), ref, event
