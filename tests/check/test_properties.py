"""Properties of the comparators and the engine, over generated claims."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from auditor.check import COMPARATORS, check
from auditor.check.engine import compare_pair
from auditor.check.registry import Context
from auditor.model import Article, Group
from auditor.ruleset import RuleSet, Tolerance, load_ruleset
from auditor.ruleset.units import from_base, to_base
from tests.strategies import STRATEGIES, make_claim, quantity_claims, same_dimension_pairs

RULES = load_ruleset()
PAIR_RULES = [r for r in RULES.enabled() if COMPARATORS[r.kind].scope == "pair"]
PAIR_COMPARATORS = [n for n, c in COMPARATORS.items() if c.scope == "pair"]


def ctx(*claims):
    return Context(claims=list(claims), articles={c.article_id: Article(c.article_id, "", "") for c in claims})


def test_every_comparator_has_a_strategy():
    assert set(STRATEGIES) == set(COMPARATORS)


@pytest.mark.parametrize("name", PAIR_COMPARATORS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_symmetry(name, data):
    a, b = data.draw(STRATEGIES[name])
    c = ctx(a, b)
    ab, ba = compare_pair(a, b, PAIR_RULES, c), compare_pair(b, a, PAIR_RULES, c)
    assert ab[1].status == ba[1].status
    assert (ab[0] and ab[0].id) == (ba[0] and ba[0].id)


def restate(claim, unit):
    """The same claim written in another unit."""
    conv = lambda x: x if x is None or (isinstance(x, float) and math.isinf(x)) else \
        from_base(to_base(x, claim.unit), unit)  # noqa: E731
    return replace(claim, unit=unit, value=conv(claim.value), low=conv(claim.low), high=conv(claim.high))


FAMILIES = [("degree_Celsius", "degree_Fahrenheit"), ("kilometer ** 2", "mile ** 2"), ("kilometer", "mile")]


@pytest.mark.parametrize("units", FAMILIES, ids=["degC-degF", "km2-sqmi", "km-mi"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_unit_invariance(units, data):
    u1, u2 = units
    a = data.draw(quantity_claims(unit=u1, article="a"))
    b = data.draw(quantity_claims(unit=u1, article="b"))
    before = compare_pair(a, b, PAIR_RULES, ctx(a, b))[1].status
    a2, b2 = restate(a, u2), data.draw(st.sampled_from([restate(b, u2), b]))
    assert compare_pair(a2, b2, PAIR_RULES, ctx(a2, b2))[1].status == before


def _with_tolerance(rule, absolute=None, relative=None):
    tol = rule.tolerance
    return replace(rule, tolerance=Tolerance(absolute if absolute is not None else tol.absolute,
                                             relative if relative is not None else tol.relative,
                                             tol.rounding, tol.max_rounding))


@settings(max_examples=150, deadline=None)
@given(claims=st.lists(quantity_claims(unit="degree_Celsius"), min_size=2, max_size=5),
       t1=st.floats(0, 20), extra=st.floats(0, 20), rel=st.floats(0, 0.3), rel_extra=st.floats(0, 0.3))
def test_wider_tolerance_never_adds_findings(claims, t1, extra, rel, rel_extra):
    claims = [replace(c, id=f"c{i}") for i, c in enumerate(claims)]
    rule = RULES.get("temperature-tolerance")
    group = [Group("G", "g", tuple(c.id for c in claims))]
    arts = [Article(a, "", "") for a in "abc"]

    def named(absolute, relative):
        r = _with_tolerance(rule, f"{absolute} delta_degC", relative)
        groups, findings = check(claims, group, arts, RuleSet((r,)))
        return groups[0].verdict, {i for f in findings for i in f.claim_ids}

    narrow_verdict, narrow = named(t1, rel)
    wide_verdict, wide = named(t1 + extra, rel + rel_extra)
    assert wide <= narrow
    assert not (wide_verdict == "discrepancy" and narrow_verdict != "discrepancy")


@settings(max_examples=200, deadline=None)
@given(bound=st.integers(-50, 50), x=st.integers(-60, 60), tol=st.integers(0, 5),
       which=st.sampled_from(["lower_bound", "upper_bound"]))
def test_qualifiers_are_intervals(bound, x, tol, which):
    rule = _with_tolerance(RULES.get("temperature-tolerance"), f"{tol} delta_degC")
    q = make_claim(bound, "degree_Celsius", which, article="a")
    e = make_claim(x, "degree_Celsius", article="b")
    status = compare_pair(q, e, [rule], ctx(q, e))[1].status
    inside = x >= bound - tol if which == "lower_bound" else x <= bound + tol
    assert status == ("agree" if inside else "disagree")


@settings(max_examples=150, deadline=None)
@given(pair=same_dimension_pairs())
def test_a_claim_always_agrees_with_itself_restated(pair):
    a, _ = pair
    b = replace(a, id="copy", article_id="z")
    status = compare_pair(a, b, PAIR_RULES, ctx(a, b))[1].status
    assert status in ("agree", "not_comparable")


@settings(max_examples=100, deadline=None)
@given(case=STRATEGIES["conversion"])
def test_conversion_fires_only_on_wrong_conversions(case):
    original, restated = case
    assume(restated.value != 0)  # a written 0 says nothing of its precision
    exact = from_base(to_base(original.value, original.unit), restated.unit)
    _, findings = check([original, restated], [], [Article("a", "", "")], RULES)
    off = abs(restated.value - exact)
    if off <= 0.05 + 1e-9:
        assert not findings
    elif off > 0.2 * max(abs(exact), 1) + 1:
        assert [f.rule_id for f in findings] == ["unit-conversion"]


@settings(max_examples=100, deadline=None)
@given(case=STRATEGIES["part_whole"])
def test_part_whole_fires_exactly_when_part_exceeds_whole(case):
    whole, part = case
    _, findings = check([whole, part], [], [Article("a", "", "")], RULES)
    assert bool(findings) == (part.value > whole.value)


@settings(max_examples=100, deadline=None)
@given(case=STRATEGIES["duration_span"])
def test_duration_span_fires_when_end_is_more_than_a_day_off(case):
    from datetime import date, timedelta

    duration, start, end = case
    expected = date.fromisoformat(start.value) + timedelta(days=duration.value)
    off = abs((date.fromisoformat(end.value) - expected).days)
    _, findings = check(list(case), [], [Article("a", "", ""), Article("b", "", "")], RULES)
    assert bool(findings) == (off > 1)


@settings(max_examples=100, deadline=None)
@given(pair=STRATEGIES["vague"])
def test_vague_is_never_above_info(pair):
    groups, findings = check(list(pair), [Group("G", "g", tuple(c.id for c in pair))],
                             [Article("a", "", ""), Article("b", "", "")], RULES)
    assert all(f.severity == "info" for f in findings)
    assert groups[0].verdict == "consistent"


@settings(max_examples=150, deadline=None)
@given(claims=st.lists(quantity_claims(unit=""), min_size=2, max_size=5), t1=st.integers(0, 50),
       extra=st.integers(0, 50))
def test_wider_tolerance_never_names_more_claims_with_a_scatter_limit(claims, t1, extra):
    # scatter_limit may turn a scattered note into one louder finding when the tolerance widens,
    # but the claims named in findings only ever shrink.
    claims = [replace(c, id=f"c{i}") for i, c in enumerate(claims)]
    rule = RULES.get("count-exact")
    assert rule.option("scatter_limit")
    group = [Group("G", "g", tuple(c.id for c in claims))]
    arts = [Article(a, "", "") for a in "abc"]

    def named(absolute):
        _, findings = check(claims, group, arts, RuleSet((_with_tolerance(rule, str(absolute)),)))
        return {i for f in findings for i in f.claim_ids}

    assert named(t1 + extra) <= named(t1)


ODD_VALUES = st.one_of(st.none(), st.text(max_size=12), st.floats(allow_nan=True), st.integers(-10**6, 10**6),
                       st.just("2026-02-30"), st.just("2026-02-01"))


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(ODD_VALUES, ODD_VALUES, ODD_VALUES,
                               st.sampled_from(["", "degree_Celsius", "mile", "blorp", "percent", "day"]),
                               st.sampled_from(["quantity", "date", "duration", "weird"]),
                               st.sampled_from(["exact", "vague", "lower_bound", "upper_bound", "range", "?"]),
                               st.one_of(st.none(), st.just("2026-01-30"), st.just("junk/also junk"))),
                     min_size=1, max_size=6))
def test_odd_claims_never_crash_the_check(rows):
    claims = [make_claim(v, u, q, low=lo, high=hi, kind=k, article="ab"[i % 2], id=f"o{i}", time=t,
                         converts=f"o{i - 1}" if i else None, part_of="o0" if i > 1 else None)
              for i, (v, lo, hi, u, k, q, t) in enumerate(rows)]
    groups, findings = check(claims, [Group("G", "g", tuple(c.id for c in claims))],
                             [Article("a", "", ""), Article("b", "", "")], RULES)
    assert groups[0].verdict in ("consistent", "discrepancy", "not_comparable", "single")
    assert all(f.id.startswith("F") for f in findings)
