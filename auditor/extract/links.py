"""Links between claims of one article: conversions and parts of a whole.

"minus 15 degrees Celsius (5 degrees Fahrenheit)": the Fahrenheit figure restates the Celsius
one, so it ``converts`` it and must never be counted as a second figure. "shoot down 38 of the
missiles" after "71 ballistic and cruise missiles": 38 is ``part_of`` the 71.
"""

from __future__ import annotations

import dataclasses
import re

from auditor.extract.units import counterpart
from auditor.model import Claim
from auditor.normalize.units import dimension_of, ureg

_OPEN_PAREN = re.compile(r"\s*[(\[]\s*$")
_CLOSE_PAREN = re.compile(r"^\s*[)\]]")
_ABBREVIATION = re.compile(r"^\s*[(\[]\s*[A-Za-z.$%/]{1,8}\s*[)\]]")
_AND = re.compile(r"^\s*(?:and|,)\s*$")


def link_claims(claims: list[Claim], text: str) -> list[Claim]:
    """Fill ``converts`` and ``part_of`` on claims sorted by start; returns new claims."""
    out: list[Claim] = []
    for claim in claims:
        prev = out[-1] if out else None
        if prev is not None and _unit_from_bracket(prev, claim, text):
            # "40.2 (104.3F)": the bare figure is in the unit the bracket converts from.
            prev = out[-1] = _with_counterpart_unit(prev, claim)
        if prev is not None and is_conversion(prev, claim, text):
            # A restatement says what the figure before it says: "just under 296 hp (224 kW)".
            qualifier = claim.qualifier if claim.qualifier != "exact" else prev.qualifier
            change = claim.change if claim.change != "=" else prev.change
            claim = dataclasses.replace(
                claim, converts=prev.id, qualifier=qualifier, change=change, notes=(*claim.notes, "restates the figure before it")
            )
        whole = _whole_of(claim, out, text)
        if whole is not None:
            claim = dataclasses.replace(claim, part_of=whole.id)
        out.append(claim)
    return out


def is_conversion(first: Claim, second: Claim, text: str) -> bool:
    """True when ``second`` is ``first`` restated in other units, in brackets right after it."""
    if not first.unit or not second.unit or first.unit == second.unit:
        return False
    if first.dimension != second.dimension:
        return False
    if "[currency" in first.dimension:
        # Money is never converted ("£4.99 per month (£50 per year)" is a second price, an annual
        # plan, not the first restated), and two currencies are two dimensions anyway.
        return False
    # "75 basis points (bps) or three-quarters of a percentage point": the unit's abbreviation
    # in brackets does not separate a figure from its restatement.
    between = _ABBREVIATION.sub(" ", text[first.end : second.start], count=1)
    # "296 hp (224 kW / 300 PS)": a restatement may be followed by another one
    after = text[second.end : second.end + 3]
    return bool(_OPEN_PAREN.fullmatch(between) or between.strip() in ("(", "[", "or", "/")) and bool(
        _CLOSE_PAREN.match(after) or after.strip().startswith("/") or between.strip() in ("or", "/")
    )


def _unit_from_bracket(first: Claim, second: Claim, text: str) -> bool:
    """True when ``first`` is a bare number and ``second`` restates it in brackets, in the
    counterpart of a unit whose conversion gives ``second``'s number."""
    if first.unit or first.noun or first.kind != "quantity" or not isinstance(first.value, float):
        return False
    if second.kind != "quantity" or not isinstance(second.value, float):
        return False
    other = counterpart(second.unit) if second.unit else None
    if other is None or not _OPEN_PAREN.fullmatch(text[first.end : second.start]):
        return False
    if not _CLOSE_PAREN.match(text[second.end : second.end + 3]):
        return False
    try:
        converted = ureg.Quantity(first.value, other).to(second.unit).magnitude
    except Exception:  # pint refuses odd pairs; then the figure simply stays unitless
        return False
    # Papers round the restated figure, never by more than a unit's worth or two per cent.
    return abs(converted - second.value) <= max(0.02 * abs(second.value), 1.0)


def _with_counterpart_unit(first: Claim, second: Claim) -> Claim:
    unit = counterpart(second.unit) or ""
    return dataclasses.replace(
        first, unit=unit, dimension=dimension_of(unit), notes=(*first.notes, "unit from the bracketed conversion after it")
    )


def _whole_of(claim: Claim, earlier: list[Claim], text: str) -> Claim | None:
    """The earlier count this one is a part of ("38 of the missiles"), when the nouns match."""
    head = _head(claim.noun)
    if not head or claim.unit:
        return None
    says_part = " of the " in text[claim.start : claim.end] or (
        earlier and earlier[-1].part_of and _AND.match(text[earlier[-1].end : claim.start])
    )
    if not says_part:
        return None
    for whole in reversed(earlier):
        if whole.part_of or whole.unit or whole is claim:
            continue
        if _head(whole.noun) == head and isinstance(whole.value, float) and whole.value >= claim.value:
            return whole
    return None


def _head(noun: str) -> str:
    return noun.split()[-1].lower() if noun else ""
