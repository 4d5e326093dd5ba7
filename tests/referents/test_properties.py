"""resolve_referents never raises and keeps every claim, whatever the text and offsets."""

from __future__ import annotations

import doctest
from datetime import date

from hypothesis import given, settings, strategies as st

import auditor.referents.attribution
import auditor.referents.context
import auditor.referents.events
import auditor.referents.nouns
import auditor.referents.places
import auditor.referents.timeanchor
from auditor.model import Article, Claim
from auditor.referents import resolve_referents

# News-like words, so that cues, places and speech verbs actually occur in the generated text.
WORDS = st.sampled_from(
    "Kyiv Ukraine Nice Reading said according to the a of 111 drones launched shot down minus 26C "
    "until February 1 for a week ceasefire talks on Sunday he she \" , . ; : - 's forecast "
    "residential high-rise buildings without heating Trump Peskov region of parts".split()
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=60).map(" ".join))


@st.composite
def articles_and_claims(draw):
    text = draw(TEXTS)
    claims = []
    for k in range(draw(st.integers(0, 4))):
        start = draw(st.integers(-5, len(text) + 5))
        end = draw(st.integers(start, start + 30))
        sentence_start = draw(st.integers(-3, len(text) + 3))
        claims.append(Claim(
            id=f"c{k}", article_id="a", surface=text[max(0, start):max(0, end)], start=start, end=end,
            sentence=draw(st.one_of(st.just(text), st.text(max_size=50))), sentence_start=sentence_start,
            kind=draw(st.sampled_from(["quantity", "date", "duration"])),
            unit=draw(st.sampled_from(["", "degree_Celsius", "day", "kilometer ** 2", "USD"])),
            dimension=draw(st.sampled_from(["", "[temperature]", "[time]", "weird"])),
            noun=draw(st.sampled_from(["", "drones", "age", "Kyiv pensioner", "and"])),
            event=draw(st.sampled_from(["", "end", "start"])),
        ))
    published = draw(st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2030, 1, 1))))
    return Article(id="a", path="<h>", text=text, published=published), claims


@settings(max_examples=300, deadline=None)
@given(articles_and_claims())
def test_never_raises_and_keeps_every_claim(case):
    article, claims = case
    out = resolve_referents(article, claims)
    assert [c.id for c in out] == [c.id for c in claims]
    assert not any(n.startswith("referents not read") for c in out for n in c.notes)
    for c in out:
        assert isinstance(c.noun, str) and isinstance(c.place, str) and isinstance(c.attribution, str)
        assert c.time is None or isinstance(c.time, str)


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40).map(" ".join))
def test_resolution_is_deterministic(text):
    article = Article(id="a", path="<h>", text=text, published=date(2026, 1, 30))
    claims = [Claim(id="c", article_id="a", surface=text[:5], start=0, end=min(5, len(text)), sentence=text)]
    assert resolve_referents(article, claims) == resolve_referents(article, claims)


def test_doctests():
    for module in (auditor.referents.attribution, auditor.referents.context, auditor.referents.events,
                   auditor.referents.nouns, auditor.referents.places, auditor.referents.timeanchor):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
