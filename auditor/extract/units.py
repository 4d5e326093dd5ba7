"""Which unit is written after a figure: news fixes first, then quantulum3's unit lexicon.

quantulum3's parser reads news badly ("23C" as coulombs, "4mn" as metre-newtons, "5G" as gauss,
"An FT" as a foot), but its lexicon of unit names and symbols is good. This module looks a
written unit up in ``rules/vocabulary/units.yaml`` and then in that lexicon, and turns the result
into a pint unit name of the shared registry (``auditor.normalize.units``).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

from auditor.normalize.units import dimension_of, unit_name
from auditor.resources import vocabulary

with warnings.catch_warnings():
    # quantulum3 warns at import that its optional classifier is missing; we never use it.
    warnings.simplefilter("ignore")
    from quantulum3 import load as _q3_load


@dataclass(frozen=True)
class UnitInfo:
    """A unit as the extractor reports it."""

    unit: str  # pint unit name, "" when pint has none (the figure is then a count)
    newsquant: str  # NewsQuant's name for it
    name: str  # a readable name, for notes ("degree Celsius", "mile per hour")


@dataclass(frozen=True)
class _Vocab:
    surfaces: dict[str, UnitInfo]
    lower_surfaces: dict[str, UnitInfo]
    prefer: tuple[str, ...]
    never_glued: frozenset[str]
    pint_names: dict[str, str]
    ordinary: frozenset[str]
    newsquant_names: dict[str, str]
    powers: dict[str, tuple[int, str]]
    counterparts: dict[str, str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw = vocabulary("units")
    exact = set(raw.get("case_sensitive", []))
    surfaces: dict[str, UnitInfo] = {}
    lower: dict[str, UnitInfo] = {}
    for key, spec in raw["surfaces"].items():
        info = UnitInfo(unit_name(spec["unit"]) or "", spec["newsquant"], spec["newsquant"])
        (surfaces if key in exact else lower)[key if key in exact else key.lower()] = info
    return _Vocab(
        surfaces=surfaces,
        lower_surfaces=lower,
        prefer=tuple(raw.get("prefer", [])),
        never_glued=frozenset(raw.get("never_glued", [])),
        pint_names=dict(raw.get("pint_names", {})),
        ordinary=frozenset(w.lower() for w in raw.get("ordinary_words", [])),
        newsquant_names=dict(raw.get("newsquant_names", {})),
        powers={k.lower(): (int(v[0]), str(v[1])) for k, v in raw.get("powers", {}).items()},
        counterparts=_both_ways(raw.get("counterparts", {})),
    )


def _both_ways(pairs: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a, b in pairs.items():
        a, b = unit_name(a), unit_name(b)
        if a and b:
            out[a], out[b] = b, a
    return out


@lru_cache(maxsize=1)
def _q3_units():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _q3_load.units("en_US")


def counterpart(unit: str) -> str | None:
    """The unit news restates ``unit`` in, or None.

    >>> counterpart("degree_Fahrenheit")
    'degree_Celsius'
    >>> counterpart("kilometer")
    'mile'
    """
    return _vocab().counterparts.get(unit)


def never_glued(suffix: str) -> bool:
    """True for letters after digits that make a name, not a unit ("5G", "3D", "20th")."""
    return suffix in _vocab().never_glued


@lru_cache(maxsize=8192)
def lookup_unit(written: str, glued: bool = False) -> UnitInfo | None:
    """The unit named by ``written`` (one to four words as they stand after a figure).

    ``glued`` says the unit is written straight after the digits ("45g", "1lb"): a symbol then,
    even when the same letters are an ordinary word after a space.

    >>> lookup_unit("C").unit
    'degree_Celsius'
    >>> lookup_unit("square kilometers").unit
    'kilometer ** 2'
    >>> lookup_unit("per cent").newsquant
    'percentage'
    >>> lookup_unit("drones") is None
    True
    """
    vocab = _vocab()
    if written in vocab.surfaces:
        return vocab.surfaces[written]
    low = written.lower()
    if low in vocab.lower_surfaces:
        return vocab.lower_surfaces[low]
    powered = _powered_unit(written, vocab)
    if powered is not None:
        return powered
    q3 = _q3_units()
    # Ordinary words are checked as written: "W" after a figure is watts, "w" is not a unit.
    candidates = None if low in vocab.ordinary else q3.surfaces_lower.get(low)
    if not candidates and (glued or written not in vocab.ordinary):
        candidates = q3.symbols.get(written)
    if not candidates:
        return None
    chosen = _choose(candidates, vocab.prefer)
    if chosen is None:
        return None
    pint_unit = _q3_to_pint(chosen, vocab.pint_names)
    name = chosen.name
    newsquant = vocab.newsquant_names.get(name, name)
    if pint_unit is None:
        # pint has no such unit: keep the figure as a count of that thing rather than drop it.
        return UnitInfo("", newsquant, name)
    return UnitInfo(pint_unit, newsquant, name)


def _powered_unit(written: str, vocab: _Vocab) -> UnitInfo | None:
    """"square km", "cubic metres": a power word before a length unit names an area or volume."""
    first, _, rest = written.partition(" ")
    spec = vocab.powers.get(first.lower())
    if spec is None or not rest:
        return None
    base = lookup_unit(rest)
    if base is None or not base.unit or dimension_of(base.unit) != "[length]":
        return None  # only lengths square: "square meals" or "sq deg" are not areas we read
    power, prefix = spec
    pint_unit = unit_name(f"({base.unit}) ** {power}")
    if pint_unit is None:
        return None
    return UnitInfo(pint_unit, f"{prefix} {base.newsquant}", f"{prefix} {base.name}")


def _choose(candidates, prefer: tuple[str, ...]):
    # quantulum3 returns a set; sort it so the choice never depends on PYTHONHASHSEED.
    usable = [u for u in candidates if u.entity.name not in ("currency", "dimensionless")]
    if not usable:
        return None
    rank = {name: i for i, name in enumerate(prefer)}
    return sorted(usable, key=lambda u: (rank.get(u.name, len(rank)), u.name))[0]


def _q3_to_pint(unit, pint_names: dict[str, str]) -> str | None:
    # Built from quantulum3's dimensions first, so "square miles" and "sq mi" give the same
    # pint name ("mile ** 2"), then from the unit's own name.
    parts = []
    for dim in unit.dimensions or []:
        base = dim["base"]
        base = pint_names.get(base, base.replace(" ", "_").replace("-", "_"))
        parts.append(f"({base}) ** {dim['power']}")
    found = unit_name(" * ".join(parts)) if parts else None
    if found:
        return found
    return unit_name(pint_names.get(unit.name, unit.name.replace(" ", "_").replace("-", "_")))
