from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, strategies as st

from auditor.check.spans import times_compatible
from auditor.group import group_claims
from auditor.group.blocking import block_key
from auditor.group.times import with_default_time
from auditor.model import Article, Claim


DAY = date(2026, 1, 30)


def c(id_, art, noun, value=1.0, event="", unit="", kind="quantity", dimension="", converts=None, start=0):
    return Claim(id_, art, str(value), start, start + 1, "", kind=kind, value=value, unit=unit, noun=noun,
                 event=event, dimension=dimension, converts=converts)


def test_same_referent_and_event_across_articles_is_one_group():
    claims = [c("a1", "a", "drone", 111, "launched"), c("b1", "b", "attack drone", 111, "launched"),
              c("b2", "b", "drone", 412, "shot down"), c("a2", "a", "town", 7)]
    out, groups = group_claims(claims, [Article("a", "", "", published=DAY), Article("b", "", "", published=DAY)])
    gid = {x.id: x.group_id for x in out}
    assert gid["a1"] == gid["b1"]
    assert gid["b2"] != gid["a1"]  # shot down is another event
    assert gid["a2"] not in (gid["a1"], gid["b2"])
    assert sum(len(g.claim_ids) for g in groups) == 4


def test_claim_without_referent_stays_single():
    out, groups = group_claims([c("x", "a", "", 5), c("y", "b", "", 5)], [])
    assert len(groups) == 2 and all(g.verdict == "single" for g in groups)


def test_conversion_joins_the_group_of_what_it_converts():
    first = c("t1", "a", "temperature", -15, unit="degree_Celsius", dimension="[temperature]")
    conv = c("t2", "a", "", 5, unit="degree_Fahrenheit", dimension="[temperature]", converts="t1", start=5)
    out, groups = group_claims([first, conv], [Article("a", "", "")])
    assert out[0].group_id == out[1].group_id
    assert groups[0].unit == "degree_Celsius"


def test_dates_block_by_role():
    end = c("d1", "a", "truce", "2026-02-01", "end", kind="date")
    start = c("d2", "a", "truce", "2026-01-30", "start", kind="date")
    assert block_key(end) != block_key(start)


def test_default_time_windows():
    pub = date(2026, 2, 3)
    plain = with_default_time(c("x", "a", "building", 1170), pub)
    assert plain.time == "2026-02-02/2026-02-03"
    assert not times_compatible(plain, Claim("y", "b", "s", 0, 1, "", time="2026-01-30"))
    anchored = with_default_time(Claim("y", "a", "s", 0, 1, "", time="2026-01-30"), pub)
    assert anchored.time == "2026-01-30"


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from(["drone", "missile", ""]),
                          st.sampled_from(["", "launched"])), max_size=30))
def test_every_claim_gets_exactly_one_group(specs):
    claims = [c(f"k{i}", art, noun, i, event) for i, (art, noun, event) in enumerate(specs)]
    out, groups = group_claims(claims, [])
    listed = [cid for g in groups for cid in g.claim_ids]
    assert sorted(listed) == sorted(x.id for x in claims)
    assert all(x.group_id for x in out)


@given(st.dates(), st.dates(), st.dates(), st.dates())
def test_time_overlap_is_symmetric(a, b, x, y):
    s1, s2 = f"{min(a, b)}/{max(a, b)}", f"{min(x, y)}/{max(x, y)}"
    ca, cb = Claim("a", "a", "", 0, 0, "", time=s1), Claim("b", "b", "", 0, 0, "", time=s2)
    assert times_compatible(ca, cb) == times_compatible(cb, ca)


def test_undated_figure_of_an_undated_article_is_compared_with_nothing_else():
    # "GDP grew 5%" in two archive articles with no dates could be two different years.
    claims = [c("a1", "a", "growth", 5, unit="percent"), c("b1", "b", "growth", 3, unit="percent")]
    out, _ = group_claims(claims, [Article("a", "", ""), Article("b", "", "")])
    assert out[0].group_id != out[1].group_id
    anchored = [replace(x, time="2005-01-01/2005-12-31") for x in claims]
    out, _ = group_claims(anchored, [Article("a", "", ""), Article("b", "", "")])
    assert out[0].group_id == out[1].group_id


def test_articles_telling_different_stories_never_share_a_group():
    quake = "Rescuers in Ludian searched rubble. Officials in Kunming said Xinhua and Yunnan teams helped."
    quake2 = "Troops reached Ludian on foot. Reports from Xinhua said Kunming sent Yunnan medics and Zhaotong doctors."
    trade = "Shares in Boeing rose. Analysts at Airbus and Qantas said Emirates would order Dreamliners."
    arts = [Article(i, "", t, published=DAY) for i, t in (("q1", quake), ("q2", quake2), ("t", trade))]
    claims = [c("x", "q1", "person", 398), c("y", "q2", "person", 381), c("z", "t", "person", 398)]
    out, _ = group_claims(claims, arts)
    gid = {x.id: x.group_id for x in out}
    assert gid["x"] == gid["y"] != gid["z"]


def test_an_event_that_only_says_how_a_figure_was_got_does_not_split_a_group():
    measured = c("m", "a", "wind speed", 190, "observed", unit="mile / hour", dimension="[length] / [time]")
    plain = c("p", "b", "wind speed", 195, "", unit="mile / hour", dimension="[length] / [time]")
    assert block_key(measured) == block_key(plain)


def test_the_key_keeps_the_complement_that_names_what_is_measured():
    kunming = c("k", "a", "distance from Kunming", 370, unit="kilometer", dimension="[length]")
    guiuan = c("g", "b", "distance from Guiuan", 130, unit="kilometer", dimension="[length]")
    assert block_key(kunming) != block_key(guiuan)
    fed = c("f1", "a", "announcement by U.S. Federal Reserve", kind="date", dimension="")
    fed2 = c("f2", "b", "announcement by Federal Reserve", kind="date", dimension="")
    assert block_key(fed) == block_key(fed2)


def test_a_rate_change_in_percent_blocks_with_one_in_basis_points():
    pct = c("p", "a", "interest rate change", 0.75, unit="percent", dimension="dimensionless")
    bp = c("b", "b", "interest rate change", 75, unit="basis_point", dimension="[percentage_point]")
    assert block_key(pct) == block_key(bp)
    assert pct.unit == "percent"  # the record keeps the unit as written


def test_ages_of_people_are_never_grouped():
    # "Mr Jones, 57" and "the 29-year-old" in two articles are two people, not rival figures.
    ages = [c("x", "a", "age", 57, unit="year", dimension="[time]"), c("y", "b", "age", 29, unit="year",
                                                                          dimension="[time]")]
    out, groups = group_claims(ages, [Article("a", "", ""), Article("b", "", "")])
    assert out[0].group_id != out[1].group_id
