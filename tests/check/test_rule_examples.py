"""Every shipped rule's own examples: "fire" cases must make a finding, "quiet" cases none."""

from __future__ import annotations

import pytest

from auditor.check import COMPARATORS
from auditor.check.examples import run_example
from auditor.ruleset import load_ruleset

RULESET = load_ruleset()
CASES = [(rule, i, example) for rule in RULESET.rules for i, example in enumerate(rule.examples)]


@pytest.mark.parametrize("rule,index,example", CASES, ids=[f"{r.id}-{i}-{e.expect}" for r, i, e in CASES])
def test_rule_example(rule, index, example):
    findings = run_example(rule, example)
    if example.expect == "fire":
        assert findings, f"{rule.id} example {index} should fire ({example.note})"
    else:
        assert not findings, f"{rule.id} example {index} should stay quiet: {[f.message for f in findings]}"


def test_every_comparator_has_a_shipped_rule_with_fire_and_quiet_examples():
    for name in COMPARATORS:
        rules = [r for r in RULESET.rules if r.kind == name]
        assert rules, f"no shipped rule uses comparator {name}"
        expects = {e.expect for r in rules for e in r.examples}
        assert expects == {"fire", "quiet"}, f"{name}: shipped rules need fire and quiet examples"


def test_the_rules_the_seeds_need_are_shipped_and_enabled():
    # Removing one of these would silently drop a discrepancy the seeds' audit must report.
    needed = {"temperature-tolerance", "count-exact", "date-agreement", "duration-span", "unit-conversion",
              "part-whole", "vague-quantifier", "duration-rounding"}
    assert needed <= {r.id for r in RULESET.enabled()}


def test_vague_rules_never_above_info():
    assert all(r.severity == "info" for r in RULESET.rules if r.kind == "vague")
