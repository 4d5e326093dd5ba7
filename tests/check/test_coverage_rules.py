"""Check rules added for coverage beyond the seeds, on hand-made claims shaped like real coverage."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, strategies as st

from auditor.check import check
from auditor.model import SEVERITY_RANK, Article, Group
from auditor.ruleset import load_ruleset
from tests.strategies import make_claim

RULES = load_ruleset()


def run(claims, texts=None):
    groups = [Group(id="G1", label="g", claim_ids=tuple(c.id for c in claims))]
    ids = dict.fromkeys(c.article_id for c in claims)
    arts = [Article(id=a, path=f"{a}.txt", text=(texts or {}).get(a, "")) for a in ids]
    return check(claims, groups, arts, RULES)


def loud(findings):
    return [f for f in findings if SEVERITY_RANK[f.severity] >= 2]


def wind(value, article, who="", **kw):
    return make_claim(value, "mile / hour", article=article, noun="wind speed", attribution=who, **kw)


# --- measurements that depend on who measures -------------------------------------------------


def test_two_agencies_wind_speeds_are_a_note_not_a_discrepancy():
    claims = [wind(195, "a", "Joint Typhoon Warning Center", id="j1"), wind(195, "b", id="u"),
              wind(147, "c", "weather bureau", id="p")]
    groups, findings = run(claims)
    assert not loud(findings)
    assert findings and all(f.severity == "info" for f in findings)
    assert groups[0].verdict != "discrepancy"


def test_one_agency_contradicting_itself_across_outlets_is_still_a_discrepancy():
    claims = [wind(195, "a", "Joint Typhoon Warning Center", id="j1"),
              wind(160, "b", "the Joint Typhoon Warning Center", id="j2"), wind(147, "c", "weather bureau", id="p")]
    _, findings = run(claims)
    assert [set(f.claim_ids) for f in loud(findings)] == [{"j1", "j2"}]


def test_magnitudes_a_tenth_apart_with_no_agency_named_disagree():
    a = make_claim(7.3, article="a", noun="magnitude", id="m1")
    b = make_claim(7.2, article="b", noun="magnitude", id="m2", time="2013-11-08")
    c = make_claim(7.2, article="c", noun="magnitude", id="m3", time="2013-10-16")
    _, findings = run([a, b, c])
    assert loud(findings) and loud(findings)[0].rule_id == "magnitude-exact"  # a magnitude does not age


def test_counts_on_different_days_stay_a_timeline():
    a = make_claim(300, article="a", noun="person", time="2014-08-04")
    b = make_claim(600, article="b", noun="person", time="2014-08-06")
    assert not run([a, b])[1]


# --- floors ------------------------------------------------------------------------------------


@given(st.integers(100, 10_000), st.floats(1.0, 2.0))
def test_floors_within_twice_each_other_agree(low, factor):
    a = make_claim(low, qualifier="lower_bound", article="a", noun="person", event="evacuated")
    b = make_claim(round(low * factor), qualifier="lower_bound", article="b", noun="person", event="evacuated")
    assert not loud(run([a, b])[1])


def test_floors_eight_times_apart_disagree_and_far_beyond_are_a_note():
    def floors(x, y):
        return [make_claim(x, qualifier="lower_bound", article="a", noun="person"),
                make_claim(y, qualifier="lower_bound", article="b", noun="person")]
    assert loud(run(floors(125_000, 1_000_000))[1])
    far = run(floors(10, 1_000))[1]
    assert far and not loud(far)


# --- options offered with "or" -------------------------------------------------------------------


def test_a_figure_matching_one_of_the_options_of_another_article_agrees():
    text = "Powell said 50 or 75 basis points would be next."
    offered = [replace(make_claim(v, "basis_point", article="a", noun="interest rate change", id=f"o{v}",
                                  sentence=text, sentence_start=0), start=a, end=b)
               for v, a, b in ((50, 12, 14), (75, 18, 33))]
    other = make_claim(50, "basis_point", article="b", noun="interest rate change", id="x")
    _, findings = run([*offered, other], texts={"a": text})
    assert not loud(findings)
    _, alone = run([make_claim(75, "basis_point", article="a", noun="interest rate change"), other])
    assert loud(alone)


# --- loose units ----------------------------------------------------------------------------------


def test_a_rate_change_written_in_percent_is_read_in_points():
    pct = make_claim(0.75, "percent", article="a", noun="interest rate change", dimension="dimensionless")
    bp = make_claim(75, "basis_point", article="b", noun="interest rate change", dimension="[percentage_point]")
    groups, findings = run([pct, bp])
    assert groups[0].verdict == "consistent" and not findings
    wrong = make_claim(0.5, "percent", article="a", noun="interest rate change", dimension="dimensionless")
    assert loud(run([wrong, bp])[1])


def test_share_moves_are_never_above_info():
    a = make_claim(38, "percent", "approx", article="a", noun="share price change of Activision")
    b = make_claim(31, "percent", article="b", noun="share price change of Activision")
    _, findings = run([a, b])
    assert findings and not loud(findings)


# --- running tallies ------------------------------------------------------------------------------


def _report(article, dead, injured, dead_q="lower_bound"):
    sentence = f"{article}: {dead} dead and {injured} injured"
    return (make_claim(dead, qualifier=dead_q, article=article, noun="person", event="killed", sentence=sentence,
                       id=f"{article}-k"),
            make_claim(injured, article=article, noun="person", event="injured", sentence=sentence,
                       id=f"{article}-i"))


def test_a_later_report_with_fewer_injured_is_the_discrepancy_and_a_rise_is_not():
    reports = [_report("a", 367, 1881), _report("b", 381, 1801), _report("c", 398, 1891, "exact")]
    claims = [c for r in reports for c in r]
    injured = [c for c in claims if c.event == "injured"]
    groups = [Group(id="K", label="k", claim_ids=tuple(c.id for c in claims if c.event == "killed")),
              Group(id="I", label="i", claim_ids=tuple(c.id for c in injured))]
    arts = [Article(id=a, path=a, text="") for a in "abc"]
    _, findings = check(claims, groups, arts, RULES)
    flagged = loud(findings)
    assert [set(f.claim_ids) for f in flagged] == [{"a-i", "b-i"}]
    assert "running tally cannot fall" in flagged[0].message
