"""The audit of every fixture cluster, held against its human gold file.

Each test reads the cluster's ``gold.yaml``; nothing of the gold is restated here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from auditor import pipeline
from auditor.evaluate import GoldIndex, finding_covers_group, load_gold, score, value_matches
from auditor.model import SEVERITY_RANK

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CLUSTERS = sorted(p.parent.name for p in FIXTURES.glob("*/gold.yaml"))
MAX_LOUD_FINDINGS = 8  # a fact-checker reads every finding at warning or above


@lru_cache(maxsize=None)
def audited(cluster: str) -> tuple[GoldIndex, dict]:
    raw = pipeline.run([FIXTURES / cluster])
    return GoldIndex(raw), load_gold(FIXTURES / cluster)


def _gold_items(section: str):
    for cluster in CLUSTERS:
        for n, item in enumerate(load_gold(FIXTURES / cluster).get(section) or []):
            yield pytest.param(cluster, item, id=f"{cluster}-{section}-{item.get('id', n)}")


def _ids(index: GoldIndex, refs) -> set[str]:
    return {c.id for r in refs if "surface" in r for c in [index.find(r)] if c}


def test_there_are_fixture_clusters():
    assert "ukraine-energy-truce" in CLUSTERS


@pytest.mark.parametrize("cluster,group", [p for p in _gold_items("groups") if p.values[1]["verdict"] == "discrepancy"])
def test_every_gold_discrepancy_is_reported(cluster, group):
    index, gold = audited(cluster)
    ids = _ids(index, group["claims"])
    partner_id = group.get("detected_with")
    partner = _ids(index, next(g for g in gold["groups"] if g["id"] == partner_id)["claims"]) if partner_id else None
    hits = [f for f in index.loud_findings() if finding_covers_group(f, ids, partner)]
    assert hits, f"no finding at warning or above for {group['id']} ({group['referent']})"


@pytest.mark.parametrize("cluster,group", [p for p in _gold_items("groups") if p.values[1]["verdict"] != "discrepancy"])
def test_no_loud_finding_inside_an_agreeing_group(cluster, group):
    index, _ = audited(cluster)
    ids = _ids(index, group["claims"])
    wrong = [f for f in index.loud_findings() if len(f.claim_ids) >= 2 and set(f.claim_ids) <= ids]
    assert not wrong, f"{group['id']} is {group['verdict']} but flagged: {[f.message for f in wrong]}"


@pytest.mark.parametrize("cluster,trap", list(_gold_items("traps")))
def test_traps_are_never_flagged_together(cluster, trap):
    index, _ = audited(cluster)
    a, b = index.find(trap["a"]), index.find(trap["b"])
    if a is None or b is None:
        return  # a figure not extracted cannot be paired; must_read tests catch misses
    wrong = [f for f in index.loud_findings() if {a.id, b.id} <= set(f.claim_ids)]
    assert not wrong, f"trap ({trap['why']}) flagged: {[f.message for f in wrong]}"


@pytest.mark.parametrize("cluster,ref", list(_gold_items("must_read")))
def test_must_read_figures(cluster, ref):
    index, _ = audited(cluster)
    claim = index.find(ref)
    assert claim is not None, f"{ref['surface']!r} not extracted"
    ok, why = value_matches(claim, ref)
    assert ok, f"{ref['surface']!r}: {why}"
    if "qualifier" in ref:
        assert claim.qualifier == ref["qualifier"], f"{ref['surface']!r}: qualifier {claim.qualifier}"
    if "noun" in ref:
        assert ref["noun"] in claim.noun or claim.noun in ref["noun"] and claim.noun, (ref, claim.noun)


@pytest.mark.parametrize("cluster,ref", list(_gold_items("not_quantities")))
def test_not_quantities(cluster, ref):
    index, _ = audited(cluster)
    # A figure read from inside the surface is wrong; one that merely spans it is not
    # ("one Iskander-M ballistic missile" counts one missile, not the "M").
    wrong = index.quantities_in(ref, starting_inside=True)
    assert not wrong, f"{ref['surface']!r} read as quantity: {[(c.surface, c.value, c.unit) for c in wrong]}"


@pytest.mark.parametrize("cluster,conv", list(_gold_items("internal_conversions")))
def test_internal_conversions(cluster, conv):
    index, _ = audited(cluster)
    inside = sorted(index.quantities_in(conv), key=lambda c: c.start)
    assert len(inside) == 2, f"{conv['surface']!r}: expected a figure and its conversion, got {inside}"
    first, second = inside
    assert second.converts == first.id, f"{second.surface!r} is not linked to {first.surface!r}"
    assert first.group_id == second.group_id
    loud = [f for f in index.loud_findings() if {first.id, second.id} & set(f.claim_ids)
            and f.rule_id and "conversion" in f.rule_id]
    if conv["verdict"] == "consistent":
        assert not loud, [f.message for f in loud]
    else:
        assert loud, f"{conv['surface']!r} should be flagged as an inconsistent conversion"


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_few_loud_findings_and_vague_stays_quiet(cluster):
    index, _ = audited(cluster)
    loud = index.loud_findings()
    assert len(loud) <= MAX_LOUD_FINDINGS, [f.message for f in loud]
    by_id = {c.id: c for c in index.raw.claims}
    for f in loud:
        vague = [by_id[i].surface for i in f.claim_ids if by_id[i].qualifier == "vague"]
        assert not vague, f"vague figures {vague} in a {f.severity} finding: {f.message}"


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_grouping_f1(cluster):
    index, gold = audited(cluster)
    s = score(index.raw, gold)
    assert s.pair_f1 >= 0.9, f"pairwise grouping F1 {s.pair_f1:.2f} (P {s.pair_precision:.2f}, R {s.pair_recall:.2f})"


def test_severity_ranks_are_known():
    assert set(SEVERITY_RANK) == {"info", "warning", "error"}
