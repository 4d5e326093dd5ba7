"""The engine on hand-made claims shaped like real coverage: verdicts, findings, messages."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from auditor.check import check, fingerprint
from auditor.model import Article, Group
from auditor.ruleset import RuleError, RuleSet, load_ruleset
from tests.strategies import make_claim

RULES = load_ruleset()


def articles(*ids, published=None, text=""):
    return [Article(id=a, path=f"{a}.txt", text=text, published=(published or {}).get(a)) for a in ids]


def run(claims, ruleset=RULES, arts=None, baseline=None, groups=None):
    groups = groups or [Group(id="G1", label="g", claim_ids=tuple(c.id for c in claims))]
    arts = arts or articles(*dict.fromkeys(c.article_id for c in claims))
    return check(claims, groups, arts, ruleset, baseline)


def forecast_claims():
    return [
        make_claim(-26, "degree_Celsius", "lower_bound", article="000", place="Kyiv", id="t0",
                   surface="minus 26 degrees Celsius"),
        make_claim(-30, "degree_Celsius", article="001", place="parts of Ukraine", id="t1", surface="minus 30C"),
        make_claim(-30, "degree_Celsius", "upper_bound", article="002", place="Ukraine", id="t2",
                   surface="below minus 30 degrees Celsius"),
    ]


def test_forecast_low_is_one_discrepancy_naming_places():
    groups, findings = run(forecast_claims())
    assert groups[0].verdict == "discrepancy"
    assert len(findings) == 1
    f = findings[0]
    assert f.rule_id == "temperature-tolerance" and f.severity == "warning"
    assert set(f.claim_ids) == {"t0", "t1", "t2"}
    assert "places differ" in f.message and "Kyiv" in f.message
    assert "places differ: Kyiv / parts of Ukraine / Ukraine" in groups[0].reasons


def test_minus_30_and_below_minus_30_agree():
    groups, findings = run(forecast_claims()[1:])
    assert groups[0].verdict == "consistent" and not findings


def test_finding_names_only_the_claims_that_disagree():
    claims = [make_claim(111, article=a, id=f"d{a}") for a in "abc"] + [make_claim(150, article="d", id="dd")]
    _, findings = run(claims)
    assert len(findings) == 1
    assert findings[0].claim_ids[-1] == "dd" or "dd" in findings[0].claim_ids
    assert "d says 150" in findings[0].message and "3 claims in 3 articles" in findings[0].message


def test_unrelated_agreeing_claim_is_not_named():
    # c agrees with both a and b (its interval spans them); only a and b disagree.
    a = make_claim(10, article="a", id="A")
    b = make_claim(14, article="b", id="B")
    c = make_claim(12, "", "range", low=9, high=15, article="c", id="C")
    _, findings = run([a, b, c])
    assert [set(f.claim_ids) for f in findings] == [{"A", "B"}]


def test_truce_end_date_names_the_attribution():
    ends = [make_claim("2026-02-01", kind="date", event="end", article=a, attribution=who, id=f"e{i}",
                       surface=s)
            for i, (a, who, s) in enumerate([("000", "Peskov", "until February 1"), ("000", "Peskov", "by Sunday"),
                                              ("001", "Peskov", "until Feb. 1"), ("002", "Kremlin", "ending on Sunday"),
                                              ("004", "Kremlin", "through to February 1")])]
    odd = make_claim("2026-02-03", kind="date", event="end", article="003", id="odd",
                     attribution="Russian military bloggers", surface="until 3 February")
    groups, findings = run(ends + [odd])
    assert groups[0].verdict == "discrepancy" and len(findings) == 1
    msg = findings[0].message
    assert msg.startswith("003, citing Russian military bloggers, says 2026-02-03")
    assert "5 claims in 4 articles (000, 001, 002, ...; citing Peskov, Kremlin) say 2026-02-01" in msg


def test_messages_name_the_outlet_not_the_article_id():
    a = make_claim(111, article="000_a", id="a", surface="111 drones", attribution="Ukraine's air force")
    b = make_claim(112, article="001_b", id="b", surface="112 drones")
    arts = [Article(id="000_a", path="a.txt", text="", source="Reuters"), Article(id="001_b", path="b.txt", text="")]
    _, findings = run([a, b], arts=arts)
    msg = findings[0].message
    assert "Reuters, citing Ukraine's air force, says 111" in msg
    assert "001_b says 112" in msg  # no outlet known: the id stands in


def test_different_times_are_a_timeline_not_a_discrepancy():
    a = make_claim(378, article="000", time="2026-01-30")
    b = make_claim(1170, qualifier="lower_bound", article="004", time="2026-02-03")
    groups, findings = run([a, b])
    assert groups[0].verdict == "not_comparable" and not findings
    assert any("times differ" in r for r in groups[0].reasons)


def test_unknown_time_is_compared():
    a = make_claim(378, article="000", time="2026-01-30")
    b = make_claim(1170, qualifier="lower_bound", article="004")
    groups, _ = run([a, b])
    assert groups[0].verdict == "discrepancy"


def test_vague_quantity_is_an_info_note_and_keeps_group_consistent():
    claims = [make_claim(111, article="000"), make_claim(111, article="001"),
              make_claim(24, qualifier="vague", low=24, high=99, article="002", surface="dozens of drones")]
    groups, findings = run(claims)
    assert groups[0].verdict == "consistent"
    assert [f.severity for f in findings] == ["info"]


def test_vague_rule_set_to_error_is_refused():
    with pytest.raises(RuleError) as err:
        load_ruleset(overrides=["vague-quantifier.severity=error"])
    assert "at most 'info'" in str(err.value)


def test_scheduled_dates_from_different_days_are_not_comparable():
    claims = [make_claim("2026-02-01", kind="date", event="scheduled", article="000"),
              make_claim("2026-02-04", kind="date", event="scheduled", article="004")]
    pub = {"000": date(2026, 1, 30), "004": date(2026, 2, 3)}
    groups, findings = run(claims, arts=articles("000", "004", published=pub))
    assert groups[0].verdict == "not_comparable" and not findings
    # The same plans compared when the rule option says so.
    compare = load_ruleset(overrides=[]).rules
    rules = RuleSet(tuple(replace(r, options=(("plans_across_days", "compare"),)) if r.id == "date-agreement"
                          else r for r in compare))
    groups, findings = run(claims, ruleset=rules, arts=articles("000", "004", published=pub))
    assert groups[0].verdict == "discrepancy"


def test_restatements_in_one_article_are_not_compared_as_sources():
    c = make_claim(-15, "degree_Celsius", article="000", id="c")
    f = make_claim(5, "degree_Fahrenheit", article="000", converts="c")
    groups, findings = run([c, f])
    assert not findings and groups[0].verdict == "not_comparable"


def test_conversions_inside_one_article():
    km = make_claim(5000, "kilometer ** 2", low=4500, high=5500, article="000", id="km")
    mi = make_claim(1900, "mile ** 2", low=1850, high=1950, article="000", converts="km")
    c = make_claim(-15, "degree_Celsius", "upper_bound", article="000", id="c")
    f = make_claim(5, "degree_Fahrenheit", article="000", converts="c")
    _, findings = check([km, mi, c, f], [], articles("000"), RULES)
    assert not findings
    wrong = replace(f, value=50.0, low=50.0, high=50.0)
    _, findings = check([km, mi, c, wrong], [], articles("000"), RULES)
    assert [x.rule_id for x in findings] == ["unit-conversion"] and findings[0].severity == "error"


def test_part_larger_than_whole():
    whole = make_claim(71, article="004", id="w")
    ok = make_claim(38, article="004", part_of="w")
    _, findings = check([whole, ok], [], articles("004"), RULES)
    assert not findings
    bad = make_claim(80, article="004", part_of="w")
    _, findings = check([whole, bad], [], articles("004"), RULES)
    assert [x.rule_id for x in findings] == ["part-whole"]


def test_part_sums_only_when_asked():
    whole = make_claim(71, article="004", id="w")
    parts = [make_claim(40, article="004", part_of="w"), make_claim(40, article="004", part_of="w")]
    _, findings = check([whole, *parts], [], articles("004"), RULES)
    assert not findings
    rules = RuleSet(tuple(replace(r, options=(("sums", True),)) if r.id == "part-whole" else r
                          for r in RULES.rules))
    _, findings = check([whole, *parts], [], articles("004"), rules)
    assert len(findings) == 1 and len(findings[0].claim_ids) == 3


def _week_claims():
    return [
        make_claim(7, "day", kind="duration", noun="pause", article="000", sentence="Z", start=500, id="wk",
                   surface="for a full week"),
        make_claim("2026-01-30", kind="date", event="start", noun="pause", article="000", sentence="Z", start=450,
                   id="st", surface="Friday at midnight"),
        make_claim(7, "day", kind="duration", noun="pause", article="000", sentence="P", start=900, id="wk2",
                   surface="for a week"),
        make_claim("2026-02-01", kind="date", event="end", noun="pause", article="000", sentence="P", start=912,
                   id="e0", attribution="Peskov", surface="until February 1"),
        make_claim("2026-02-01", kind="date", event="end", noun="pause", article="001", id="e1",
                   surface="until Feb. 1"),
    ]


def test_duration_from_start_contradicts_end_date():
    _, findings = check(_week_claims(), [], articles("000", "001"), RULES)
    spans = [f for f in findings if f.rule_id == "duration-span"]
    assert len(spans) == 1
    assert set(spans[0].claim_ids) == {"wk", "st", "e0", "e1"}
    assert "2026-02-06" in spans[0].message


def test_duration_stated_with_its_end_is_not_self_contradictory():
    claims = [c for c in _week_claims() if c.id not in ("wk", "e1")]
    _, findings = check(claims, [], articles("000"), RULES)
    assert not [f for f in findings if f.rule_id == "duration-span"]


def test_rounding_of_years():
    four = make_claim(4, "year", kind="duration", article="a")
    nearly = make_claim(4, "year", "approx", low=3.5, high=4, kind="duration", article="b")
    point = make_claim(3.6, "year", kind="duration", article="c")
    groups, findings = run([four, nearly, point])
    assert groups[0].verdict == "consistent" and not findings


def test_disabled_rule_makes_no_finding():
    rules = load_ruleset(overrides=["temperature-tolerance.enabled=false"])
    _, findings = run(forecast_claims(), ruleset=rules)
    assert "temperature-tolerance" not in {f.rule_id for f in findings}
    assert "temperature-tolerance" in {f.rule_id for f in run(forecast_claims())[1]}


def test_relative_tolerance_never_applies_to_temperatures():
    # 2 % of 243 kelvin would let -26 and -30 degC agree; a percentage of a temperature is meaningless.
    rules = RuleSet(tuple(r for r in RULES.rules if r.id != "temperature-tolerance"))
    _, findings = run(forecast_claims(), ruleset=rules)
    assert [f.rule_id for f in findings] == ["measure-relative"]


def test_single_claim_group():
    groups, findings = run([make_claim(3)])
    assert groups[0].verdict == "single" and not findings


def test_ids_order_and_fingerprints_are_stable():
    claims = forecast_claims() + [make_claim(111, article="000", id="x1"), make_claim(112, article="001", id="x2")]
    groups = [Group("G1", "t", ("t0", "t1", "t2")), Group("G2", "d", ("x1", "x2"))]
    _, first = run(claims, groups=groups)
    renamed = [replace(c, id=c.id + "r") for c in claims]
    groups_r = [Group("H2", "d", ("x1r", "x2r")), Group("H1", "t", ("t0r", "t1r", "t2r"))]
    _, second = run(list(reversed(renamed)), groups=groups_r)
    assert [f.id for f in first] == ["F1", "F2"]
    assert [f.fingerprint for f in first] == [f.fingerprint for f in second]
    assert first[0].fingerprint == fingerprint("temperature-tolerance", claims[:3])


def test_baseline_suppresses_by_fingerprint(tmp_path: Path):
    _, findings = run(forecast_claims())
    path = tmp_path / "baseline.yaml"
    path.write_text(f"accepted:\n  - fingerprint: {findings[0].fingerprint}\n    reason: two places\n")
    _, again = run(forecast_claims(), baseline=path)
    assert again[0].suppressed == "baseline: two places"


def test_malformed_baseline_names_file_and_line(tmp_path: Path):
    path = tmp_path / "baseline.yaml"
    path.write_text("accepted:\n  - fingerprint: abcdef12\n    reasn: typo\n")
    with pytest.raises(RuleError) as err:
        run(forecast_claims(), baseline=path)
    text = str(err.value)
    assert f"{path}:3" in text and "did you mean 'reason'" in text


def test_inline_marker_suppresses_only_its_rule_and_surface():
    text = 'Forecast. <!-- auditor: accept temperature-tolerance "minus 26" -->'
    arts = articles("000", "001", "002", text=text)
    _, findings = run(forecast_claims(), arts=arts)
    assert findings[0].suppressed.startswith("inline marker")
    other = 'auditor-accept: count-exact'
    _, findings = run(forecast_claims(), arts=articles("000", "001", "002", text=other))
    assert not findings[0].suppressed
    wrong_surface = '<!-- auditor: accept temperature-tolerance "minus 99" -->'
    _, findings = run(forecast_claims(), arts=articles("000", "001", "002", text=wrong_surface))
    assert not findings[0].suppressed


def test_events_differ_are_not_compared():
    claims = [make_claim(450, article="001", event="launched"), make_claim(412, article="004", event="shot down")]
    groups, findings = run(claims)
    assert not findings and groups[0].verdict == "not_comparable"
    assert "events differ: launched / shot down" in groups[0].reasons


def test_same_article_pairs_only_when_the_rule_says_so():
    claims = [make_claim("2026-01-23", kind="date", article="004", event="end"),
              make_claim("2026-01-29", kind="date", article="004", event="end")]
    groups, findings = run(claims)
    assert not findings and groups[0].reasons == ("same article",)
    rules = RuleSet(tuple(replace(r, options=r.options + (("within_article", True),)) if r.id == "date-agreement"
                          else r for r in RULES.rules))
    groups, findings = run(claims, ruleset=rules)
    assert len(findings) == 1 and groups[0].verdict == "discrepancy"


def test_each_outlier_is_named_with_what_it_disagrees_with():
    claims = [make_claim(10, article="a", id="A"), make_claim(12, article="b", id="B"),
              make_claim(15, article="c", id="C"), make_claim(15, article="d", id="D")]
    rules = RuleSet(tuple(replace(r, options=()) if r.id == "count-exact" else r for r in RULES.rules))
    _, findings = run(claims, ruleset=rules)
    assert [set(f.claim_ids) for f in findings] == [{"A", "B", "C", "D"}, {"B", "C", "D"}]
    assert findings[0].message.startswith("a says 10")
    assert findings[1].message.startswith("b says 12")


def test_agreeing_claims_are_not_named_together_without_a_shared_outlier():
    # 381 and 398 as lower bounds agree; only the 1,881 outlier disagrees with them.
    claims = [make_claim(381, "", "lower_bound", article="a", id="A"), make_claim(398, "", "lower_bound", article="b", id="B")]
    _, findings = run(claims)
    assert not findings


def test_scatter_limit_turns_a_scattered_group_into_a_note():
    claims = [make_claim(130, "mile", article="a"), make_claim(195, "mile", article="b"),
              make_claim(405, "mile", article="c")]
    groups, findings = run(claims)
    assert groups[0].verdict == "not_comparable"
    assert findings and all(f.severity == "info" for f in findings)
    assert "scatter" in findings[0].message
    two = claims[:2]
    groups, findings = run(two)
    assert groups[0].verdict == "discrepancy" and findings[0].severity == "warning"


def test_missing_claim_ids_in_a_group_do_not_crash():
    groups, findings = check([make_claim(1, id="k")], [Group("G", "g", ("k", "gone"))], articles("a"), RULES)
    assert groups[0].verdict == "single"


def test_infinite_bounds_in_messages():
    claims = [make_claim(1170, qualifier="lower_bound", article="a"), make_claim(378, article="b")]
    _, findings = run(claims)
    assert "at least 1,170" in findings[0].message and not math.isnan(len(findings[0].message))


def test_figures_far_apart_are_an_info_note():
    claims = [make_claim(10, article="a", id="A", place="Qujing"), make_claim(381, "", "lower_bound", article="b", id="B"),
              make_claim(398, article="c", id="C")]
    groups, findings = run(claims)
    assert [f.severity for f in findings] == ["info"] and groups[0].verdict == "consistent"
    assert "factor of" in findings[0].message
    assert any("probably different things" in r for r in groups[0].reasons)
    # Without the option the same figures are a discrepancy.
    rules = RuleSet(tuple(replace(r, options=()) if r.id == "count-exact" else r for r in RULES.rules))
    groups, findings = run(claims, ruleset=rules)
    assert groups[0].verdict == "discrepancy" and findings[0].severity == "warning"


def test_far_apart_never_applies_to_temperatures():
    claims = [make_claim(1, "degree_Celsius", article="a"), make_claim(20, "degree_Celsius", article="b")]
    _, findings = run(claims)
    assert findings[0].severity == "warning"


def test_scattered_happening_dates_are_a_note_and_two_dates_a_discrepancy():
    on = [make_claim(d, kind="date", event="on", article=a) for a, d in
          (("a", "2026-01-30"), ("b", "2026-02-01"), ("c", "2025-05-09"))]
    groups, findings = run(on)
    assert [f.severity for f in findings] == ["info"] and groups[0].verdict == "not_comparable"
    groups, findings = run(on[:2])
    assert [f.severity for f in findings] == ["warning"] and findings[0].rule_id == "occurrence-date"


def test_two_named_sources_counting_one_march_differently_is_only_a_note():
    # per_source: named on count-exact: police and organisers are each quoted rightly.
    from auditor.check import check
    from auditor.model import Article, Claim, Group
    from auditor.ruleset import load_ruleset

    story = " Unions led by the CGT and Force Ouvriere marched against the Macron pension reform in Marseille."
    arts = [Article("a", "a", "Police said 80,000 marched." + story, source="A"),
            Article("b", "b", "Organisers said 250,000 marched." + story, source="B")]
    claims = [Claim("c1", "a", "80,000", 12, 18, arts[0].text, value=80000.0, low=80000.0, high=80000.0,
                    noun="person", event="protested", attribution="police", group_id="G1"),
              Claim("c2", "b", "250,000", 16, 23, arts[1].text, value=250000.0, low=250000.0, high=250000.0,
                    noun="person", event="protested", attribution="organisers", group_id="G1")]
    _, findings = check(claims, [Group("G1", "person", ("c1", "c2"))], arts, load_ruleset())
    assert findings and all(f.severity == "info" for f in findings)
    named_once = [claims[0], replace_attr(claims[1], "")]
    _, findings = check(named_once, [Group("G1", "person", ("c1", "c2"))], arts, load_ruleset())
    assert any(f.severity == "warning" for f in findings)


def replace_attr(claim, who):
    import dataclasses

    return dataclasses.replace(claim, attribution=who)


def test_an_article_that_also_gives_the_other_figure_does_not_contradict_it():
    from auditor.check import check
    from auditor.model import Article, Claim, Group
    from auditor.ruleset import load_ruleset

    story = " The Grand Slam champion Roger Federer beat Andy Roddick at Wimbledon in London on Sunday."
    arts = [Article("a", "a", "He has won 3 titles and lost 2 titles." + story, source="A"),
            Article("b", "b", "He has won 3 titles this year." + story, source="B")]

    def claim(cid, art, surface, value):
        start = art.text.index(surface)
        return Claim(cid, art.id, surface, start, start + len(surface), art.text, value=float(value),
                     low=float(value), high=float(value), noun="title", group_id="G1")

    claims = [claim("a3", arts[0], "3 titles", 3), claim("a2", arts[0], "2 titles", 2),
              claim("b3", arts[1], "3 titles", 3)]
    _, findings = check(claims, [Group("G1", "title", ("a3", "a2", "b3"))], arts, load_ruleset())
    assert not [f for f in findings if f.severity != "info"]
    alone = [claims[1], claims[2]]  # without its own 3, A's 2 does contradict B's 3
    _, findings = check(alone, [Group("G1", "title", ("a2", "b3"))], arts, load_ruleset())
    assert any(f.severity == "warning" for f in findings)
