"""What a figure is about, read without a parser (NewsQuant's referred_concepts)."""

from __future__ import annotations

from hypothesis import given, strategies as st

from auditor.referents.concepts import referred_concepts


def concepts(sentence: str, figure: str, counted: bool = False) -> list[str]:
    start = sentence.index(figure)
    return referred_concepts(sentence, start, start + len(figure), counted=counted)


def test_property_before_the_figure():
    # the measured phrase first, then the clause's subject
    assert concepts("Storm surge raised the water level by about 4 metres.", "4 metres") == ["water level",
                                                                                        "Storm surge"]


def test_noun_after_a_rate():
    assert "levy" in concepts("The city will charge a 2 per cent levy on hotel rooms.", "2 per cent")[0]


def test_subject_of_the_nearest_verb_in_a_list():
    text = "Brent rose 2% while Siemens lost 1.5% in Frankfurt."
    assert concepts(text, "1.5%") == ["Siemens"]


def test_introductory_phrase_is_not_the_subject():
    assert concepts("Meanwhile, imports from Norway fell 7% to $2 billion.", "7%") == ["imports Norway"]


def test_counted_figure_takes_its_subject_not_the_words_after():
    assert concepts("The striker has scored 14 goals this season.", "14 goals", counted=True) == ["striker"]


def test_a_pronoun_names_nothing():
    assert concepts("It climbed 3% on Monday.", "3%") == []


@given(st.text(max_size=120), st.integers(0, 120), st.integers(0, 20))
def test_never_raises(text, start, width):
    start = min(start, len(text))
    out = referred_concepts(text, start, min(len(text), start + width))
    assert all(isinstance(c, str) and c for c in out)
