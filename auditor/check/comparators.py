"""The built-in comparators. Each is a small function registered under the name rules use."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from auditor.check.registry import (AGREE, DISAGREE, FAR, NOT_COMPARABLE, NOTE, Comparator, Context, Outcome,
                                    RawFinding, register)
from auditor.check.spans import Span, base_span, date_span
from auditor.model import Claim
from auditor.ruleset import units
from auditor.ruleset.model import Rule

NUMERIC = ("quantity", "duration")
DAY_SECONDS = 86400.0


@lru_cache(maxsize=256)
def absolute_base(text: str) -> float:
    """A rule's absolute tolerance as a difference in base units ("2 delta_degC" -> 2 K)."""
    if not text:
        return 0.0
    q = units.parse_quantity(text)
    if q.dimensionless:
        return float(q.magnitude)
    return abs(units.delta_to_base(float(q.magnitude), str(q.units)))


def allowance(rule: Rule, a: Span, b: Span, unit: str = "") -> float:
    """How far apart two intervals may be under the rule: the larger of absolute and relative.

    The relative part is taken of the larger finite magnitude of the two intervals' ends, so it
    is symmetric in a and b. It does not apply to temperatures: a percentage of a temperature
    depends on where the scale puts its zero.
    """
    tol = rule.tolerance
    allowed = absolute_base(tol.absolute)
    if tol.relative and units.claim_dimensionality(unit) != "[temperature]":
        ends = [abs(x) for x in (a.low, a.high, b.low, b.high) if abs(x) != float("inf")]
        if ends:
            allowed = max(allowed, tol.relative * max(ends))
    return allowed


def within(gap: float, allowed: float, *spans: Span) -> bool:
    # Unit conversions are floating point: a gap equal to the tolerance must not flip with the unit.
    scale = max([1.0] + [abs(x) for s in spans for x in (s.low, s.high) if abs(x) != float("inf")])
    return gap <= allowed + 1e-9 * scale


def show_delta(base: float, unit: str) -> str:
    """A difference in base units shown in the claim's unit."""
    try:
        per_unit = abs(units.delta_to_base(1.0, unit)) if unit else 1.0
        return f"{base / per_unit:.4g} {unit_label(unit)}".strip()
    except Exception:
        return f"{base:.4g}"


@lru_cache(maxsize=1024)
def unit_label(unit: str) -> str:
    """A unit as people write it: degree_Celsius -> °C, kilometer ** 2 -> km²."""
    if not unit:
        return ""
    try:
        parsed = units.parse_units(unit)
        # pint abbreviates year to "a" and day to "d", which readers do not recognise
        return f"{parsed:P}" if str(parsed.dimensionality) == "[time]" else f"{parsed:~P}"
    except Exception:
        return unit


def same_dimension(a: Claim, b: Claim) -> bool:
    return units.claim_dimensionality(a.unit) == units.claim_dimensionality(b.unit)


# --------------------------------------------------------------------------- pair comparators


def _numeric_pair(a: Claim, b: Claim) -> bool:
    return a.kind in NUMERIC and b.kind in NUMERIC and "vague" not in (a.qualifier, b.qualifier)


def _compare_numbers(a: Claim, b: Claim, rule: Rule, rounding: bool) -> Outcome:
    if not same_dimension(a, b):
        return Outcome(NOT_COMPARABLE, reason=f"units differ: {a.unit or 'count'} / {b.unit or 'count'}")
    cap = rule.tolerance.max_rounding
    sa, sb = base_span(a, rounding, cap), base_span(b, rounding, cap)
    if sa is None or sb is None:
        return Outcome(NOT_COMPARABLE, reason="a figure has no numeric value")
    gap, allowed = sa.gap(sb), allowance(rule, sa, sb, a.unit)
    floors = _floors_apart(a, b, rule)
    if floors is not None:
        return floors
    if within(gap, allowed, sa, sb):
        return Outcome(AGREE)
    factor = ratio(sa, sb) if units.claim_dimensionality(a.unit) != "[temperature]" else None
    limit = rule.option("max_ratio")
    if limit and factor is not None and factor > float(limit):
        return Outcome(FAR, detail=f"a factor of {factor:.3g} apart, more likely different things than a "
                                   "disagreement", reason=f"figures more than {limit} times apart: probably "
                                                          "different things")
    return Outcome(DISAGREE, detail=f"apart by {show_delta(gap, a.unit)}")


def _floors_apart(a: Claim, b: Claim, rule: Rule) -> Outcome | None:
    """The outcome for two floors far apart; None when they are not both floors far apart.

    "More than 125,000" and "more than one million" are both true of two million, but a reader
    takes "more than X" as "about X": floors further apart than the rule's ``floor_ratio``
    disagree. Beyond ``floor_max_ratio`` (default ``max_ratio``) they are more likely different
    things, a note.
    """
    limit = rule.option("floor_ratio")
    if not limit or a.qualifier != "lower_bound" or b.qualifier != "lower_bound":
        return None
    try:
        low, high = sorted((float(a.value), float(b.value)))
    except (TypeError, ValueError):
        return None
    if low <= 0 or high / low <= float(limit):
        return None
    far = rule.option("floor_max_ratio", rule.option("max_ratio"))
    if far and high / low > float(far):
        return Outcome(FAR, detail=f"a factor of {high / low:.3g} apart, more likely different things than a "
                                   "disagreement", reason=f"figures more than {far} times apart: probably "
                                                          "different things")
    return Outcome(DISAGREE, detail=f"'more than' is read as about the figure, and the floors are "
                                    f"{high / low:.3g} times apart")


def ratio(a: Span, b: Span) -> float | None:
    """How many times larger the nearer end of one interval is than the other's; None across zero.

    >>> ratio(Span(381, float("inf")), Span(9, 11)), ratio(Span(-3, -3), Span(5, 5))
    (34.63636363636363, None)
    """
    lo, hi = (a, b) if a.high < b.low else (b, a)
    near_low, near_high = lo.high, hi.low
    if near_low <= 0 or near_high <= 0:
        return None
    return near_high / near_low


register(Comparator(
    name="tolerance",
    scope="pair",
    summary="Two sources' figures for the same thing agree within an absolute or relative tolerance; "
            "qualified figures are intervals ('more than 1,170' is 1170 and up) and agree when the gap "
            "between the intervals is within the tolerance.",
    message="{minority}, but {majority}: {detail}, beyond the tolerance ({tolerance}){places}",
    applies=_numeric_pair,
    compare=lambda a, b, rule, ctx: _compare_numbers(a, b, rule, rule.tolerance.rounding),
))

register(Comparator(
    name="rounding",
    scope="pair",
    summary="Like tolerance, but each figure first stands for everything that rounds to it as written "
            "('four years' is 3.5 to 4.5 years, '3.6' is 3.55 to 3.65), capped by max_rounding.",
    message="{minority}, but {majority}: {detail}, beyond the tolerance ({tolerance}){places}",
    applies=_numeric_pair,
    compare=lambda a, b, rule, ctx: _compare_numbers(a, b, rule, True),
))


def _vague_pair(a: Claim, b: Claim) -> bool:
    return a.kind in NUMERIC and b.kind in NUMERIC and "vague" in (a.qualifier, b.qualifier)


def _compare_vague(a: Claim, b: Claim, rule: Rule, ctx: Context) -> Outcome:
    if a.qualifier == "vague" and b.qualifier == "vague":
        return Outcome(AGREE)  # two vague words cannot contradict each other
    if not same_dimension(a, b):
        return Outcome(NOT_COMPARABLE, reason=f"units differ: {a.unit or 'count'} / {b.unit or 'count'}")
    sa, sb = base_span(a), base_span(b)
    if sa is None or sb is None:
        return Outcome(AGREE)
    if within(sa.gap(sb), allowance(rule, sa, sb, a.unit), sa, sb):
        return Outcome(AGREE)
    vague, exact = (a, b) if a.qualifier == "vague" else (b, a)
    return Outcome(NOTE, detail=f"'{vague.surface}' does not cover {exact.surface!r}")


register(Comparator(
    name="vague",
    scope="pair",
    summary="A vague quantity ('dozens', 'hundreds') against a figure it does not cover: a note, never "
            "more than info, because vague words are not meant as counts.",
    message="{minority} while {majority}: {detail} (a vague word, not a count){places}",
    applies=_vague_pair,
    compare=_compare_vague,
    max_severity="info",
))


def _compare_dates(a: Claim, b: Claim, rule: Rule, ctx: Context) -> Outcome:
    sa, sb = date_span(a), date_span(b)
    if sa is None or sb is None:
        return Outcome(NOT_COMPARABLE, reason="a date is not resolved to a calendar day")
    allowed = absolute_base(rule.tolerance.absolute) / DAY_SECONDS if rule.tolerance.absolute else 0.0
    gap = sa.gap(sb)
    if gap <= allowed + 1e-9:
        return Outcome(AGREE)
    return Outcome(DISAGREE, detail=f"{gap:g} day(s) apart")


register(Comparator(
    name="date",
    scope="pair",
    summary="Two sources' dates for the same event agree (within a tolerance in days). Plans "
            "('scheduled') reported by articles published on different days are not compared: "
            "schedules change.",
    message="{minority}, but {majority}: {detail}{places}",
    applies=lambda a, b: a.kind == "date" and b.kind == "date",
    compare=_compare_dates,
))


# --------------------------------------------------------------------------- article comparators


def _conversion(claims: Sequence[Claim], rule: Rule, ctx: Context) -> list[RawFinding]:
    found = []
    for claim in claims:
        original = ctx.by_id.get(claim.converts or "")
        if original is None or not same_dimension(claim, original):
            continue
        cap = rule.tolerance.max_rounding
        # A conversion restates the number itself, whatever qualifier surrounds both.
        sa = base_span(original, rule.tolerance.rounding, cap, point=True)
        sb = base_span(claim, rule.tolerance.rounding, cap, point=True)
        if sa is None or sb is None or within(sa.gap(sb), allowance(rule, sa, sb, claim.unit), sa, sb):
            continue
        converted = units.from_base((sa.low + sa.high) / 2, claim.unit)
        found.append(RawFinding(rule.id, (original, claim), original.group_id or claim.group_id, "discrepancy",
                                minority=(claim,), majority=(original,),
                                detail=f"{original.value:g} {unit_label(original.unit)} is {converted:.4g} "
                                       f"{unit_label(claim.unit)}, not {claim.value:g}"))
    return found


register(Comparator(
    name="conversion",
    scope="article",
    summary="A figure restated in other units inside one article ('5,000 sq km (1,900 sq miles)') "
            "matches its original after rounding as written.",
    message="{minority} restates {majority}, but {detail}",
    run=_conversion,
))


def _part_whole(claims: Sequence[Claim], rule: Rule, ctx: Context) -> list[RawFinding]:
    found = []
    parts: dict[str, list[Claim]] = {}
    for claim in claims:
        whole = ctx.by_id.get(claim.part_of or "")
        if whole is None or not same_dimension(claim, whole):
            continue
        parts.setdefault(whole.id, []).append(claim)
        sp, sw = base_span(claim), base_span(whole)
        if sp is None or sw is None:
            continue
        excess = sp.low - sw.high
        if excess > 0 and not within(excess, allowance(rule, sp, sw), sp, sw):
            found.append(RawFinding(rule.id, (claim, whole), whole.group_id or claim.group_id, "discrepancy",
                                    minority=(claim,), majority=(whole,),
                                    detail=f"a part cannot exceed its whole ({claim.surface!r} > {whole.surface!r})"))
    if rule.option("sums", False):
        for whole_id, members in parts.items():
            whole = ctx.by_id[whole_id]
            spans = [base_span(p) for p in members]
            sw = base_span(whole)
            if len(members) < 2 or sw is None or any(s is None for s in spans):
                continue
            total = sum(s.low for s in spans)
            if total - sw.high > 0 and not within(total - sw.high, allowance(rule, Span(total, total), sw), sw):
                found.append(RawFinding(rule.id, (*members, whole), whole.group_id, "discrepancy",
                                        minority=tuple(members), majority=(whole,),
                                        detail=f"the parts add up to {units.from_base(total, whole.unit):g}, "
                                               f"more than {whole.surface!r}"))
    return found


register(Comparator(
    name="part_whole",
    scope="article",
    summary="A part is no larger than its whole ('38 of the 71 missiles'); optionally the parts of one "
            "whole add up to no more than it.",
    message="{minority} is a part of {majority}, but {detail}",
    run=_part_whole,
))


# --------------------------------------------------------------------------- corpus comparators


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.article_id == b.article_id and a.sentence_start == b.sentence_start and a.sentence == b.sentence


def _noun(c: Claim) -> str:
    return c.noun.strip().lower()


def _duration_span(claims: Sequence[Claim], rule: Rule, ctx: Context) -> list[RawFinding]:
    start_event, end_event = rule.option("start_event", "start"), rule.option("end_event", "end")
    dates = [c for c in claims if c.kind == "date" and _noun(c)]
    starts = [c for c in dates if c.event == start_event]
    ends = [c for c in dates if c.event == end_event]
    allowed = absolute_base(rule.tolerance.absolute) / DAY_SECONDS
    found, seen = [], set()
    for d in claims:
        if d.kind != "duration" or d.qualifier == "vague" or not _noun(d):
            continue
        same_noun_ends = [e for e in ends if _noun(e) == _noun(d)]
        # "for a week until February 1": the end is stated with the duration, so the week simply
        # started earlier; the sentence contradicts nothing.
        if any(_same_sentence(d, e) for e in same_noun_ends):
            continue
        own_starts = [s for s in starts if s.article_id == d.article_id and _noun(s) == _noun(d)]
        if not own_starts:
            continue
        start = min(own_starts, key=lambda s: (abs(s.start - d.start), s.start))
        length, begin = base_span(d), date_span(start)
        if length is None or begin is None or (d.article_id, start.id) in seen:
            continue
        end = Span(begin.low + length.low / DAY_SECONDS, begin.high + length.high / DAY_SECONDS)
        against = tuple(e for e in same_noun_ends
                        if (s := date_span(e)) is not None and s.gap(end) > allowed + 1e-9)
        if not against:
            continue
        seen.add((d.article_id, start.id))
        from datetime import date  # noqa: PLC0415

        ends_on = date.fromordinal(int(end.low)).isoformat()
        if end.high != end.low:
            ends_on += f"/{date.fromordinal(int(end.high)).isoformat()}"
        begins = str(start.value) if start.low in (None, start.value) or start.low == start.high else \
            f"{start.low}/{start.high}"
        found.append(RawFinding(rule.id, (d, start, *against), d.group_id, "discrepancy",
                                minority=(d, start), majority=against,
                                detail=f"{ctx.source(d)}: \"{d.surface}\" counted from \"{start.surface}\" "
                                       f"({begins}) ends {ends_on}"))
    return found


register(Comparator(
    name="duration_span",
    scope="corpus",
    summary="A duration plus a start date stated in one article give an end date; end dates of the "
            "same thing in any article must agree with it. A duration stated with its own end date "
            "('for a week until February 1') is not used.",
    message="{detail}, but {majority}{places}",
    run=_duration_span,
))
