"""The time a sentence ties its figures to, from the temporal extractor.

A thin guard around ``auditor.extract.temporal.time_anchor``: the referent stage must work
(with no time) while that module is missing or failing on one odd sentence, since a wrong or
absent time only makes grouping more cautious, while an exception would lose the article.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache


@lru_cache(maxsize=1)
def _anchor_function() -> Callable[[str, date | None], str | None] | None:
    try:
        from auditor.extract.temporal import time_anchor
    except Exception:  # absent or broken while being written: no anchors rather than no audit
        return None
    return time_anchor


@lru_cache(maxsize=8192)
def time_anchor(sentence: str, published: date | None) -> str | None:
    """ISO date or "start/end" interval the sentence's time words name; None if none or unknown.

    >>> time_anchor("", None) is None
    True
    """
    fn = _anchor_function()
    if fn is None or not sentence:
        return None
    try:
        anchor = fn(sentence, published)
    except Exception:
        return None
    if isinstance(anchor, tuple):  # (anchor, the words that gave it)
        anchor = anchor[0] if anchor else None
    return str(anchor) if anchor else None
