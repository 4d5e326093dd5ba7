"""Run a rule's own examples: the "fire" and "quiet" cases written in the rule file.

The test suite runs every example of every shipped rule; ``auditor rules validate`` can run the
examples of a user's rules the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from auditor.check.engine import check
from auditor.model import Article, Claim, Finding, Group
from auditor.ruleset.model import Example, Rule, RuleSet

_CLAIM_FIELDS = ("surface", "kind", "value", "low", "high", "unit", "noun", "qualifier", "place", "time",
                 "event", "attribution", "converts", "part_of")


def example_records(example: Example) -> tuple[list[Claim], list[Group], list[Article]]:
    """Claims, groups and articles for one example; claims share group "G1" unless they say."""
    claims, members, published = [], {}, {}
    for i, raw in enumerate(example.claims, 1):
        claim = _claim(i, raw)
        claims.append(claim)
        members.setdefault(claim.group_id, []).append(claim.id)
        if raw.get("published"):
            published[claim.article_id] = date.fromisoformat(str(raw["published"]))
    groups = [Group(id=g, label=g, claim_ids=tuple(ids)) for g, ids in members.items()]
    articles = [Article(id=a, path=f"{a}.txt", text="", published=published.get(a))
                for a in dict.fromkeys(c.article_id for c in claims)]
    return claims, groups, articles


def _claim(i: int, raw: Mapping[str, Any]) -> Claim:
    fields = {k: raw[k] for k in _CLAIM_FIELDS if k in raw}
    if "surface" not in fields:
        fields["surface"] = f"{raw.get('value')} {raw.get('unit', '')}".strip()
    sentence = str(raw.get("sentence", f"sentence {i}"))
    start = int(raw.get("start", i * 10))
    return Claim(id=str(raw.get("id", f"x{i}")), article_id=str(raw.get("article", "a")), start=start,
                 end=start + len(fields["surface"]), sentence=sentence, group_id=str(raw.get("group", "G1")),
                 **fields)


def run_example(rule: Rule, example: Example) -> list[Finding]:
    """The findings ``rule`` alone makes on the example's claims."""
    claims, groups, articles = example_records(example)
    _, findings = check(claims, groups, articles, RuleSet(rules=(rule,)))
    return [f for f in findings if f.rule_id == rule.id]


def example_holds(rule: Rule, example: Example) -> bool:
    """True when a "fire" example makes a finding and a "quiet" one makes none."""
    fired = bool(run_example(rule, example))
    return fired == (example.expect == "fire")
