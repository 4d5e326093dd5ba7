"""Group: claims about the same thing, across articles, found by blocking (never all pairs).

Within a block, claims join one group; the check stage then compares only the pairs whose
times can coincide, so a block that spans several days becomes a timeline rather than a
contradiction. A parenthetical conversion ("5 degrees Fahrenheit" after "minus 15 degrees
Celsius") always joins the group of the figure it restates.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence

from auditor.group.blocking import block_key, referent_key, value_kind
from auditor.group.times import apply_default_times, times_overlap
from auditor.model import Article, Claim, Group

__all__ = ["apply_default_times", "group_claims", "times_overlap"]


def group_claims(claims: Sequence[Claim], articles: Sequence[Article] = ()) -> tuple[list[Claim], list[Group]]:
    """Assign every claim to a group; return (claims with ``group_id``, groups).

    Groups are numbered in the order of their first claim (articles in input order, then text
    order), so ids are stable for the same input.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    ordered = sorted(claims, key=lambda c: (order.get(c.article_id, len(order)), c.article_id, c.start))
    by_id = {c.id: c for c in ordered}
    members: dict[object, list[Claim]] = defaultdict(list)
    for claim in ordered:
        members[_group_key(claim, by_id)].append(claim)

    groups: list[Group] = []
    assigned: dict[str, str] = {}
    for number, (key, group_claims_) in enumerate(members.items(), start=1):
        gid = f"G{number}"
        for c in group_claims_:
            assigned[c.id] = gid
        groups.append(_make_group(gid, key, group_claims_))
    out = [dataclasses.replace(c, group_id=assigned[c.id]) for c in claims]
    return out, groups


def _group_key(claim: Claim, by_id: dict[str, Claim]) -> object:
    # A conversion restates its target: same figure, other unit, so same group.
    seen = set()
    while claim.converts and claim.converts in by_id and claim.id not in seen:
        seen.add(claim.id)
        claim = by_id[claim.converts]
    key = block_key(claim)
    return key if key is not None else ("single", claim.id)


def _make_group(gid: str, key: object, claims: list[Claim]) -> Group:
    units = Counter(c.unit for c in claims if not c.converts)
    unit = units.most_common(1)[0][0] if units else claims[0].unit
    first = claims[0]
    label = _label(first)
    key_text = "|".join(key) if isinstance(key, tuple) and key and key[0] != "single" else ""
    return Group(
        id=gid,
        label=label,
        claim_ids=tuple(c.id for c in claims),
        verdict="single" if len(claims) == 1 else "consistent",
        dimension=value_kind(first),
        unit=unit,
        key=key_text,
    )


def _label(claim: Claim) -> str:
    noun = claim.noun or referent_key(claim) or claim.surface
    what = {"date": "date", "duration": "length"}.get(claim.kind, "")
    parts = [f"{noun} {what}".strip()]
    if claim.event:
        parts.append(claim.event)
    return " · ".join(parts)
