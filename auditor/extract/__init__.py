"""Extract stage: every figure an article states, as Claims.

The only package that imports quantulum3 (through ``auditor.extract.units``). Quantities come
from ``quantities``; dates, durations, ages and clock times from ``temporal`` (another module, run
here too). A quantity that overlaps a temporal span is dropped: "61-year-old", "for a week" and
"8:00am" belong to the temporal reader.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from auditor.extract.links import link_claims
from auditor.extract.newsquant import newsquant_record
from auditor.extract.quantities import claim_fields, find_readings
from auditor.model import Article, Claim
from auditor.text import normalize_same_length

try:  # written in parallel by another engineer; extraction works without it
    from auditor.extract.temporal import BOUND_REACH, bound_to_figure
    from auditor.extract.temporal import find_temporal as _find_temporal
except ImportError:  # pragma: no cover - only while temporal.py does not exist yet
    _find_temporal = None

__all__ = ["extract_claims", "extract_text", "newsquant_record", "find_quantities"]

NOT_A_CLAIM = "not-a-claim"
_TIME_DIMENSION = "[time]"


def find_quantities(text: str, article_id: str = "text") -> list[Claim]:
    """The quantities of ``text`` (no dates or durations), linked, sorted by start."""
    norm = normalize_same_length(text)
    claims = []
    for reading, tokens, (a, b) in find_readings(norm):
        fields = claim_fields(reading, text, tokens)
        if fields["dimension"] == _TIME_DIMENSION and fields["noun"] != "age":
            continue  # durations are the temporal reader's, never ours; "Maddon, 66," is an age
        claims.append(
            Claim(
                id=f"{article_id}:{fields['start']}-{fields['end']}",
                article_id=article_id,
                sentence=text[a:b],
                sentence_start=a,
                **fields,
            )
        )
    claims.sort(key=lambda c: (c.start, c.end))
    return link_claims(claims, norm)


def extract_text(text: str, published: date | None = None, article_id: str = "text") -> list[Claim]:
    """All claims of one text: quantities and temporal claims, sorted by start.

    >>> [(c.surface, c.value, c.unit) for c in extract_text("It fell to minus 23C overnight.")]
    [('minus 23C', -23.0, 'degree_Celsius')]
    """
    quantities = find_quantities(text, article_id)
    temporal = _temporal(text, published, article_id)
    if not temporal:
        return quantities
    blocked = sorted((c.start, c.end) for c in temporal)
    kept = [q for q in quantities if not _overlaps(q, blocked)]
    kept = _own_dates(kept, temporal, normalize_same_length(text))
    claims = kept + [t for t in temporal if NOT_A_CLAIM not in " ".join(t.notes)]
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def extract_claims(article: Article) -> list[Claim]:
    """All claims of one article, sorted by start; ids are ``"{article.id}:{start}-{end}"``."""
    return extract_text(article.text, article.published, article.id)


def _temporal(text: str, published: date | None, article_id: str) -> list[Claim]:
    if _find_temporal is None:
        return []
    found = _find_temporal(text, published)
    # The temporal reader does not know the article id; claim ids must carry it.
    return [
        dataclasses.replace(c, article_id=article_id, id=f"{article_id}:{c.start}-{c.end}")
        for c in found
    ]


def _own_dates(quantities: list[Claim], temporal: list[Claim], norm: str) -> list[Claim]:
    """Dates a figure's own words give it: "the old record of 38.7C set in 2015" is 2015's,
    whatever else the sentence dates. The sentence's other figures do not take that date."""
    dates = [t for t in temporal if t.kind == "date" and t.low and t.high]
    out = []
    for q in quantities:
        own = next(
            (t for t in dates if 0 <= t.start - q.end <= BOUND_REACH and bound_to_figure(norm[q.end : t.start])),
            None,
        )
        if own is not None and not q.time:
            iso = own.low if own.low == own.high else f"{own.low}/{own.high}"
            q = dataclasses.replace(q, time=iso, notes=(*q.notes, f"dated by its own clause '{own.surface}'"))
        out.append(q)
    return out


def _overlaps(claim: Claim, spans: list[tuple[int, int]]) -> bool:
    return any(a < claim.end and claim.start < b for a, b in spans)
