"""A measure word before "of" and a figure makes the figure a measure, not a head count."""

from auditor.referents.context import sentence
from auditor.referents.nouns import Referent, counted_noun, measure_reading


def _span(text: str, figure: str) -> tuple[int, int]:
    start = text.index(figure)
    return start, start + len(figure)


def test_capacity_of_n_things_is_the_things_capacity():
    text = "The coach had a capacity of 48 pupils but carried 70."
    ref = counted_noun(sentence(text), *_span(text, "48 pupils"), "pupils")
    assert ref.noun == "pupil capacity"


def test_noun_before_capacity_names_a_bare_figure():
    text = "The stadium, with a spectator capacity of 20,000, was full."
    ref = counted_noun(sentence(text), *_span(text, "20,000"))
    assert ref.noun == "spectator capacity"


def test_a_plain_count_is_not_a_measure():
    text = "The coach carried 48 pupils to the museum."
    ref = counted_noun(sentence(text), *_span(text, "48 pupils"), "pupils")
    assert ref.noun == "pupil"
    assert measure_reading(sentence(text), *_span(text, "48 pupils"), Referent("pupil")) is None
