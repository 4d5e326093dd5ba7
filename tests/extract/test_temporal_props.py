"""Properties of find_temporal and time_anchor on arbitrary text and publication dates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.temporal import find_temporal, time_anchor
from auditor.model import KINDS, QUALIFIERS

# Pieces that reach every pattern, so that generated text exercises the parsers and not only
# the fast "nothing here" path.
PIECES = (
    "Monday", "Friday", "Sunday", "night", "nights", "at midnight", "midnight", "on", "until",
    "by", "from", "to", "last", "next", "this", "week", "weeks", "a", "for", "over", "nearly",
    "three-day", "-year-old", "year-old", "four", "24", "hours", "days", "February", "Feb.", "1",
    "31", "29", "2026", "1999", "1990s", "8:00am", "11:32 AM", "3 p.m.", "©", "yesterday",
    "today", "overnight", "ending", "slated to", "set to", "began", "and", "/", "-", ",", ".",
    "\n", "\u00a0", "\u2019", "weeklong", "a few", "old", "war", "man", "ago", "after",
)
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join),
)
published = st.one_of(st.none(), st.dates())


@settings(max_examples=400, deadline=None)
@given(texts, published)
def test_find_temporal_never_raises_and_surfaces_are_slices(text, pub) -> None:
    for c in find_temporal(text, pub):
        assert 0 <= c.start < c.end <= len(text)
        assert c.surface == text[c.start : c.end]
        assert text[c.sentence_start : c.sentence_start + len(c.sentence)] == c.sentence
        assert c.kind in KINDS and c.qualifier in QUALIFIERS
        if c.kind == "duration":
            assert c.dimension == "[time]" and c.unit and c.low <= c.high


@settings(max_examples=200, deadline=None)
@given(texts, published)
def test_claims_do_not_overlap(text, pub) -> None:
    spans = sorted((c.start, c.end) for c in find_temporal(text, pub))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@settings(max_examples=200, deadline=None)
@given(texts, published)
def test_time_anchor_never_raises(text, pub) -> None:
    iso, words = time_anchor(text, pub)
    assert (iso is None) == (words == "")
    if words:
        assert words in text
