"""One claim as a NewsQuant prediction (the CQE paper's news benchmark).

NewsQuant's conventions differ from the audit's: counted nouns are its units, vague amounts have
their own ranges ("dozens of" is 12-120), percentages are "percentage", ages "year of age", and
dates, years and clock times are not annotated. This module only translates; it reads nothing
that the claim does not already say.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas

from auditor.extract.nouns import noun_lemma
from auditor.extract.quantities import compound_unit
from auditor.extract.units import lookup_unit
from auditor.model import Claim
from auditor.resources import vocabulary

# NewsQuant leaves out a duration counted by an article ("for a century", "a year ago") and a
# duration used as an adjective ("a five-year award"); an age ("61-year-old") it keeps.
_UNANNOTATED_DURATION = re.compile(
    r"\b(?:an?|one)\s+(?:\w+\s+)?(?:second|minute|hour|day|week|month|year|decade|century)\b"
    r"|\w-(?:second|minute|hour|day|week|month|year|decade|century)\b(?!-old)",
    re.IGNORECASE,
)

# A bound or an approximation without a change word is written with these signs in NewsQuant.
_QUALIFIER_CHANGE = {"approx": "~", "lower_bound": ">", "upper_bound": "<"}

_DURATION_NAMES = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
}


@lru_cache(maxsize=1)
def _currency_names() -> dict[str, str]:
    names = {}
    for name, spec in vocabulary("currencies").items():
        names[name] = spec["newsquant"]
        if spec.get("subunit"):
            names[spec["subunit"]["name"]] = spec["subunit"]["newsquant"]
    return names


@lru_cache(maxsize=1)
def _surface_names() -> dict[tuple[str, str], str]:
    """(pint unit, written form) -> NewsQuant name, where NewsQuant names a form apart."""
    names = {}
    for spec in vocabulary("currencies").values():
        sub = spec.get("subunit") or {}
        for written, name in (sub.get("newsquant_surfaces") or {}).items():
            names[(sub["name"], written)] = name
    return names


def newsquant_record(claim: Claim) -> dict | None:
    """The NewsQuant prediction for ``claim``, or None when NewsQuant would not annotate it.

    >>> from auditor.model import Claim
    >>> c = Claim("t:0-3", "t", "5km", 0, 3, "5km", value=5.0, unit="kilometer", unit_surface="km")
    >>> newsquant_record(c)
    {'value': 5.0, 'unit': 'km', 'normalized_unit': 'kilometre', 'change': '='}
    """
    notes = " ".join(claim.notes)
    if claim.kind == "date" or "not-a-claim" in notes:
        return None
    if claim.kind == "duration" and _UNANNOTATED_DURATION.search(claim.surface) and not _coordinated(claim):
        return None
    value = _value(claim, notes)
    if value is None:
        return None
    unit = _unit(claim, notes)
    change = _change(claim)
    return {"value": value, "unit": claim.unit_surface or claim.noun or "-", "normalized_unit": unit, "change": change}


def _change(claim: Claim) -> str:
    """NewsQuant's change label: vague amounts are "=" there ("dozens of" is a range, not an
    estimate), and so is a range whose ends say where a change went ("from 240 to 273",
    "between 5% and 6%"); "fell by 1 to 1.5 degrees" keeps its fall."""
    if claim.qualifier == "vague":
        return "="
    if "approximate range" in claim.notes:
        return "~"
    if (claim.as_written or claim.qualifier == "range") and (
        claim.change not in ("up", "down") or _FROM_BEFORE.search(_text_before(claim))
    ):
        return "~" if claim.change == "~" else "="
    return claim.change if claim.change != "=" else _QUALIFIER_CHANGE.get(claim.qualifier, "=")


def _coordinated(claim: Claim) -> bool:
    """ "a five-year, 1.8 billion-mile journey": a hyphenated duration before a comma is one of
    two coordinated figures, which NewsQuant annotates."""
    after = claim.end - claim.sentence_start
    return "-" in claim.surface and claim.sentence[after : after + 1] == ","


_FROM_BEFORE = re.compile(r"\b(?:from|between)(?:\s+the)?\s*$", re.IGNORECASE)


def _text_before(claim: Claim) -> str:
    """The sentence up to the end of the claim's first word ("from 240" -> "from")."""
    head = claim.surface.split(" ", 1)[0]
    cut = claim.start - claim.sentence_start
    return claim.sentence[max(0, cut - 20) : cut] + (head if head.lower() in ("from", "between") else "")


def _value(claim: Claim, notes: str):
    if claim.qualifier == "vague":
        for phrase, spec in vocabulary("vague").items():
            if f"vague '{phrase}'" in notes:
                nq = spec.get("newsquant")
                return [float(nq[0]), float(nq[1])] if nq else None
        return None
    if claim.as_written:
        return [float(x) for x in claim.as_written]
    if claim.kind == "duration" and claim.qualifier == "range":
        return [float(claim.low), float(claim.high)]  # "three or four years"
    if not isinstance(claim.value, (int, float)):
        return None
    if "fraction" in notes:
        return round(claim.value / 100, 6)
    return float(claim.value)


def _unit(claim: Claim, notes: str) -> str:
    if "fraction" in notes:
        return f"% {_noun_name(claim.noun) if claim.noun else '-'}"
    if claim.kind == "duration" or (claim.unit in _DURATION_NAMES and claim.dimension == "[time]"):
        if "age" in notes.split() or claim.noun == "age":
            return f"{_DURATION_NAMES.get(claim.unit, claim.unit)} of age"
        return _DURATION_NAMES.get(claim.unit, claim.unit or "-")
    if claim.unit in _currency_names():
        base = _surface_names().get((claim.unit, claim.unit_surface), _currency_names()[claim.unit])
        per = claim.unit_surface.partition(" per ")[2] or claim.noun.partition("per ")[2]
        return f"{base} per {_per_name(per)}" if per else base
    if claim.unit.startswith(tuple(f"{c} / " for c in _currency_names())):
        base = _currency_names()[claim.unit.split(" / ")[0]]
        return f"{base} per {_per_name(claim.unit_surface.partition(' per ')[2])}"
    if claim.unit_surface:
        first, _, per = claim.unit_surface.partition(" per ")
        # the extractor already read it as a unit, so a symbol may be looked up as one ("45g")
        info = (lookup_unit(first) or lookup_unit(first, glued=True) or compound_unit(first)) if first else None
        if info is not None:
            return f"{info.newsquant} per {_per_name(per)}" if per else info.newsquant
    return _noun_name(claim.noun) if claim.noun else "-"


def _noun_name(noun: str) -> str:
    """A counted noun as NewsQuant normalizes it: conjunctions dropped, adjectives in their
    base form, every plural noun singular ("best wireless speakers" -> "good wireless speaker").

    >>> _noun_name("digital and physical sale"), _noun_name("largest dinosaur")
    ('digital physical sale', 'large dinosaur')
    """
    words = [w for w in noun.split() if w.lower() not in ("and", "or", "of", "the")]
    return " ".join([*(_adjective_base(w) for w in words[:-1]), noun_lemma(words[-1])]) if words else "-"


def _adjective_base(word: str) -> str:
    if not word.islower() or not word.endswith(("er", "est")):
        return word
    lemmas = getAllLemmas(word).get("ADJ")
    return lemmas[0] if lemmas else word


def _per_name(written: str) -> str:
    info = lookup_unit(written) if written else None
    if info is not None:
        return info.newsquant
    return noun_lemma(written) if written else "-"
