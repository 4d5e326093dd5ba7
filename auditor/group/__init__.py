"""Group: claims about the same thing, across articles, found by blocking (never all pairs).

Within a block, claims join one group, split by story (articles that share too few names report
different events, see ``stories.py``); a figure that cannot be placed in time at all (no time
words, no publication date) stays with its own article; the check stage then compares only the pairs whose
times can coincide, so a block that spans several days becomes a timeline rather than a
contradiction. A parenthetical conversion ("5 degrees Fahrenheit" after "minus 15 degrees
Celsius") always joins the group of the figure it restates.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence

from auditor.group.blocking import block_key, referent_key, value_kind
from auditor.group.stories import Stories
from auditor.group.times import apply_default_times
from auditor.model import Article, Claim, Group

__all__ = ["apply_default_times", "group_claims"]


def group_claims(claims: Sequence[Claim], articles: Sequence[Article] = ()) -> tuple[list[Claim], list[Group]]:
    """Assign every claim to a group; return (claims with ``group_id``, groups).

    Groups are numbered in the order of their first claim (articles in input order, then text
    order), so ids are stable for the same input.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    ordered = sorted(claims, key=lambda c: (order.get(c.article_id, len(order)), c.article_id, c.start))
    by_id = {c.id: c for c in ordered}
    undated = {a.id for a in articles if a.published is None}
    blocks: dict[object, list[Claim]] = defaultdict(list)
    for claim in ordered:
        blocks[_group_key(claim, by_id, undated)].append(claim)
    members = _split_by_story(blocks, Stories(articles))

    groups: list[Group] = []
    assigned: dict[str, str] = {}
    for number, (key, group_claims_) in enumerate(members.items(), start=1):
        gid = f"G{number}"
        for c in group_claims_:
            assigned[c.id] = gid
        groups.append(_make_group(gid, key, group_claims_))
    out = [dataclasses.replace(c, group_id=assigned[c.id]) for c in claims]
    return out, groups


def _split_by_story(blocks: dict[object, list[Claim]], stories: Stories) -> dict[object, list[Claim]]:
    # Figures of unrelated stories never share a group, however alike their referents.
    out: dict[object, list[Claim]] = {}
    for key, claims in blocks.items():
        parts = stories.components(c.article_id for c in claims)
        if len(parts) == 1:
            out[key] = claims
            continue
        story_of = {aid: n for n, part in enumerate(parts) for aid in part}
        for n in range(len(parts)):
            out[(*key, f"story{n}") if isinstance(key, tuple) else (key, n)] = \
                [c for c in claims if story_of[c.article_id] == n]
    return out


def _group_key(claim: Claim, by_id: dict[str, Claim], undated: set[str] = frozenset()) -> object:
    # A conversion restates its target: same figure, other unit, so same group.
    seen = set()
    while claim.converts and claim.converts in by_id and claim.id not in seen:
        seen.add(claim.id)
        claim = by_id[claim.converts]
    key = block_key(claim, by_id.get(claim.part_of or ""))
    if key is None:
        return ("single", claim.id)
    if claim.article_id in undated and not claim.time and claim.kind != "date":
        # Neither the article nor the sentence says when: "5% growth" could be any year's, so
        # holding it against another article's figure would be a guess.
        return (*key, "undated", claim.article_id)
    return key


def _make_group(gid: str, key: object, claims: list[Claim]) -> Group:
    units = Counter(c.unit for c in claims if not c.converts)
    unit = units.most_common(1)[0][0] if units else claims[0].unit
    first = claims[0]
    label = _label(first)
    key_text = "|".join(map(str, key)) if isinstance(key, tuple) and key and key[0] != "single" else ""
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
