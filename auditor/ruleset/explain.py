"""A rule explains itself: ``auditor rules explain RULE_ID`` prints this."""

from __future__ import annotations

from auditor.ruleset.model import Example, Rule


def explain(rule: Rule) -> str:
    """Description, rationale, what it matches, tolerance, examples (fire / quiet) and origin."""
    from auditor.check.registry import COMPARATORS  # noqa: PLC0415 - check imports ruleset

    comparator = COMPARATORS.get(rule.kind)
    lines = [f"{rule.id}  ({rule.kind}, {rule.severity}{'' if rule.enabled else ', disabled'})", ""]
    lines += [rule.description or "(no description)", ""]
    if rule.rationale:
        lines += ["Why: " + rule.rationale.strip(), ""]
    if comparator and comparator.summary:
        lines += [f"How '{rule.kind}' compares: {comparator.summary}", ""]
    lines.append(f"Matches: {_match_text(rule)}")
    lines.append(f"Tolerance: {rule.tolerance.describe()}")
    if rule.options:
        lines.append("Options: " + ", ".join(f"{k}={v}" for k, v in rule.options))
    lines.append(f"Message: {rule.message}")
    for expect in ("fire", "quiet"):
        cases = [e for e in rule.examples if e.expect == expect]
        if cases:
            lines += ["", "Fires on:" if expect == "fire" else "Stays quiet on:"]
            lines += [f"  - {_example_text(e)}" for e in cases]
    lines += ["", f"Defined in: {rule.origin or 'unknown'}"]
    return "\n".join(lines)


def _match_text(rule: Rule) -> str:
    m = rule.match
    parts = []
    if m.kinds:
        parts.append("kind " + "/".join(m.kinds))
    if m.dimension:
        parts.append(f"dimension {m.dimension}")
    if m.qualifiers:
        parts.append("qualifier " + "/".join(m.qualifiers))
    if m.events:
        parts.append("event " + "/".join(m.events))
    if m.noun:
        parts.append(f"noun ~ /{m.noun}/")
    return ", ".join(parts) or "every claim its comparator accepts"


def _example_text(example: Example) -> str:
    def claim(c) -> str:
        words = [str(c.get("article", "?")) + ":"]
        if c.get("surface"):
            words.append(repr(c["surface"]))
        else:
            q = c.get("qualifier", "")
            words.append(f"{q + ' ' if q and q != 'exact' else ''}{c.get('value')} {c.get('unit', '')}".strip())
        extra = [f"{k}={c[k]}" for k in ("event", "place", "time", "published") if c.get(k)]
        return " ".join(words) + (f" [{', '.join(extra)}]" if extra else "")

    text = " vs ".join(claim(c) for c in example.claims)
    return f"{text}  — {example.note}" if example.note else text
