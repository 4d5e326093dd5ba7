"""Blocking: the key under which claims can possibly be about the same thing.

Claims meet only inside a block, so grouping costs one dictionary pass over the corpus instead of
comparing every pair. Two claims share a block when they have the same kind of value (a date, a
length of time, or a figure of one pint dimension), the same canonical referent, and the same
event class. A claim with no referent is in no block: with nothing to say what it is about, any
pairing would be a guess, and a guessed pairing is how false alarms are made.
"""

from __future__ import annotations

from auditor.model import Claim


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
    """The referent's head: the canonical noun's last word ("residential high-rise building" → "building").

    Modifiers stay on the claim and in the report; in the key they would split one referent
    written two ways ("111 drones" and "111 attack drones").
    """
    noun = claim.noun.strip().lower()
    return noun.split()[-1] if noun else ""


def block_key(claim: Claim) -> tuple[str, str, str] | None:
    """(value kind, referent head, event) or None when the claim has no referent."""
    ref = referent_key(claim)
    if not ref:
        return None
    return value_kind(claim), ref, claim.event.strip().lower()
