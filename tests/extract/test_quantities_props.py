"""Property tests: offsets survive any text, and written figures read back as their value."""

from __future__ import annotations

import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import extract_text
from auditor.extract.numerals import parse_digits

WORDS = st.sampled_from(
    "the drones minus about 12 3.5 1,170 % km $ £ C dozens of more than one a missile \u2212 \u00a0 - ( ) , . "
    "rose fell 4mn bn twenty-eight hundred between and to from F-16 2026 8:00am people".split(" ")
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30).map(" ".join))
def test_every_claim_is_an_exact_slice_of_the_text(text):
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # a skipped sentence is a bug here
        claims = extract_text(text, article_id="p")
    for claim in claims:
        assert text[claim.start : claim.end] == claim.surface
        assert claim.id == f"p:{claim.start}-{claim.end}"
        if claim.qualifier == "range":
            assert claim.low <= claim.high


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999_999_999))
def test_thousands_separators_read_back(n):
    assert parse_digits(f"{n:,}") == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=99_999), st.sampled_from(["buses", "ships", "schools", "workers"]))
def test_a_count_reads_back_with_its_noun(n, noun):
    text = f"Officials said {n:,} {noun} were affected."
    (claim,) = [c for c in extract_text(text) if c.kind == "quantity"]
    assert claim.value == n
    assert claim.noun == noun[:-1] if noun != "buses" else claim.noun == "bus"
