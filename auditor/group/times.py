"""When a figure holds, for claims whose sentence names no time of its own.

A figure with no time words is read as current when the article was published; news reports
what happened since the previous day, so the window is [published - 1 day, published]. A forecast
with no time words is about the days after publication. Dates are their own time and get none.
The window lengths are data in ``rules/vocabulary/times.yaml``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache

from auditor.model import Article, Claim
from auditor.resources import vocabulary


def with_default_time(claim: Claim, published: date | None) -> Claim:
    """Give an un-anchored claim the window it is read in; leave anchored claims and dates alone.

    >>> c = Claim("c", "a", "111 drones", 0, 10, "")
    >>> with_default_time(c, date(2026, 1, 30)).time
    '2026-01-29/2026-01-30'
    >>> with_default_time(dataclasses.replace(c, event="forecast"), date(2026, 1, 30)).time
    '2026-01-30/2026-02-06'
    """
    if claim.kind == "date":
        return dataclasses.replace(claim, time=None) if claim.time else claim
    if claim.time or published is None:
        return claim
    spec = vocabulary("times")
    ahead = spec.get("looking_ahead_events", {})
    if claim.event in ahead:
        start, end = published, _shift(published, int(ahead[claim.event]))
    else:
        start, end = _shift(published, -int(spec["reported_window_days"])), published
    return dataclasses.replace(claim, time=f"{start.isoformat()}/{end.isoformat()}")


def _shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, held inside the calendar (a feed may say year 1 or 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def apply_default_times(claims: Iterable[Claim], articles: Mapping[str, Article]) -> list[Claim]:
    out = []
    for c in claims:
        art = articles.get(c.article_id)
        out.append(with_default_time(c, art.published if art else None))
    return out


def timeless(claim: Claim) -> bool:
    """Whether the claim's referent keeps its value over time (``timeless`` in times.yaml).

    >>> timeless(Claim("c", "a", "6.1", 0, 3, "", noun="magnitude")), timeless(Claim("c", "a", "", 0, 0, ""))
    (True, False)
    """
    noun = claim.noun.strip().lower()
    return bool(noun) and any(noun == p or noun.startswith(p + " ") for p in _timeless())


@lru_cache(maxsize=1)
def _timeless() -> tuple[str, ...]:
    return tuple(str(p).lower() for p in vocabulary("times").get("timeless") or ())
