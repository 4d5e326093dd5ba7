"""Rules of auditor.extract.temporal, each on example sentences written for the rule."""

from __future__ import annotations

from datetime import date

import pytest

from auditor.extract.temporal import NOT_A_CLAIM, UNRESOLVED, find_temporal, time_anchor
from auditor.extract.temporal_resolve import month_day_date, period_interval, weekday_date
from auditor.extract.temporal_vocab import VocabularyError, build_vocab, load_vocab

FRI = date(2026, 1, 30)  # a Friday
SAT = date(2026, 1, 31)
TUE = date(2026, 2, 3)


def claims(text: str, published: date | None = FRI, kind: str | None = None) -> list:
    found = [c for c in find_temporal(text, published) if NOT_A_CLAIM not in c.notes]
    return [c for c in found if kind is None or c.kind == kind]


def one(text: str, published: date | None = FRI, kind: str | None = None):
    found = claims(text, published, kind)
    assert len(found) == 1, [(c.surface, c.kind) for c in found]
    return found[0]


# --- weekdays -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence,published,value",
    [
        ("The minister said on Wednesday that talks had stalled.", FRI, "2026-01-28"),
        ("The minister will travel to Paris on Wednesday.", FRI, "2026-02-04"),
        ("Negotiators are scheduled to meet on Monday.", FRI, "2026-02-02"),
        ("The strike happened last Saturday.", TUE, "2026-01-31"),
        ("The vote is next Thursday.", TUE, "2026-02-05"),
        ("On Friday the council voted.", FRI, "2026-01-30"),
        ("Rain is forecast from Sunday.", FRI, "2026-02-01"),
        ("The offer expires by Monday.", FRI, "2026-02-02"),
        ("The curfew ended on Monday.", TUE, "2026-02-02"),
        ("Officials announced on Thursday a new plan.", SAT, "2026-01-29"),
    ],
)
def test_weekday_direction(sentence: str, published: date, value: str) -> None:
    assert one(sentence, published, "date").value == value


def test_weekday_without_publication_date_is_unresolved() -> None:
    c = one("The minister said on Wednesday that talks had stalled.", None, "date")
    assert c.value is None and UNRESOLVED in c.notes


def test_midnight_starts_the_day() -> None:
    c = one("The curfew took hold on Saturday at midnight.", SAT, "date")
    assert (c.value, c.low, c.high) == ("2026-01-31", "2026-01-30", "2026-01-31")
    assert "Saturday at midnight" in c.surface


def test_named_night_is_two_days() -> None:
    c = one("Shelling went on through Tuesday night, residents said.", date(2026, 2, 4), "date")
    assert (c.low, c.high) == ("2026-02-03", "2026-02-04")


def test_weekday_to_weekday_night() -> None:
    c = one("From Saturday to Sunday nights, 40 shells fell.", date(2026, 2, 2), "date")
    assert (c.low, c.high, c.qualifier) == ("2026-01-31", "2026-02-01", "exact")


def test_future_chain_reads_the_whole_clause() -> None:
    text = "The summit is expected to open on Monday in Geneva, and carry on into Wednesday."
    values = [c.value for c in claims(text, FRI, "date")]
    assert values == ["2026-02-02", "2026-02-04"]


# --- roles ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence,event,surface",
    [
        ("The embargo runs until March 3.", "end", "until March 3"),
        ("The embargo runs through to 3 March.", "end", "through to 3 March"),
        ("The talks must conclude by Tuesday.", "end", "conclude by Tuesday"),
        ("A pause ending on Tuesday was agreed.", "end", "ending on Tuesday"),
        ("The operation commenced on Thursday at midnight.", "start", "commenced on Thursday at midnight"),
        ("Queues formed since yesterday.", "start", "since yesterday"),
        ("Voting is set to begin on Tuesday in the north.", "scheduled", "begin on Tuesday"),
        ("Crowds gathered ahead of a match on Sunday.", "scheduled", "Sunday"),
        ("The mayor said on Thursday it was calm.", "on", "Thursday"),
    ],
)
def test_roles(sentence: str, event: str, surface: str) -> None:
    c = one(sentence, FRI, "date")
    assert (c.event, c.surface) == (event, surface)


def test_end_beats_scheduled() -> None:
    assert one("The ban was slated to conclude by Wednesday.", FRI, "date").event == "end"


# --- month-days -----------------------------------------------------------------------------

def test_month_day_forms() -> None:
    text = "It runs from Feb. 2 to 5 March; on the 1st of April and on April 2nd, 2027 too."
    values = [c.value for c in claims(text, FRI, "date")]
    assert values == ["2026-02-02", "2026-03-05", "2026-04-01", "2027-04-02"]


def test_past_sentence_month_day_rolls_back_a_year() -> None:
    text = "He had promised a parade on 12 June, which never took place."
    assert one(text, date(2026, 2, 10), "date").value == "2025-06-12"


def test_near_month_day_keeps_the_year_in_past_sentence() -> None:
    assert one("Officials said the order ran until 20 February.", FRI, "date").value == "2026-02-20"


def test_future_sentence_month_day_rolls_forward() -> None:
    assert one("Elections will be held on January 12.", date(2026, 12, 1), "date").value == "2027-01-12"


def test_two_days_joined_by_and_are_two_claims() -> None:
    found = claims("Talks were held on March 4 and 5 in Oslo.", FRI, "date")
    assert [(c.surface, c.value) for c in found] == [("March 4", "2026-03-04"), ("5", "2026-03-05")]


def test_night_of_two_days() -> None:
    c = one("Attacks on the night of March 4/5 hit the port.", FRI, "date")
    assert (c.low, c.high, c.qualifier) == ("2026-03-04", "2026-03-05", "exact")


def test_month_day_without_year_or_publication_is_unresolved() -> None:
    c = one("Voting ends on March 4.", None, "date")
    assert c.value is None and UNRESOLVED in c.notes


def test_impossible_day_is_not_a_date() -> None:
    assert claims("It happened on February 30 apparently.", FRI, "date") == []


def test_month_year_is_a_month_interval() -> None:
    c = one("Prices peaked in March 2025 before falling.", FRI, "date")
    assert (c.low, c.high, c.qualifier) == ("2025-03-01", "2025-03-31", "range")


def test_day_words() -> None:
    c = one("The shelling resumed yesterday.", FRI, "date")
    assert (c.value, c.event, c.surface) == ("2026-01-29", "start", "resumed yesterday")


# --- durations ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text,value,unit,qualifier",
    [
        ("The strikes stopped for a week.", 1, "week", "exact"),
        ("Power was out for a full week.", 1, "week", "exact"),
        ("A truce of over 90 days was rejected.", 90, "day", "lower_bound"),
        ("The siege lasted nearly three years.", 3, "year", "approx"),
        ("Talks stalled for twenty-one days.", 21, "day", "exact"),
        ("A two-week ceasefire was announced.", 2, "week", "exact"),
        ("A monthlong strike ended.", 1, "month", "exact"),
        ("The army needs under 48 hours to redeploy.", 48, "hour", "upper_bound"),
        ("A fortnight of rain followed.", 2, "week", "exact"),
    ],
)
def test_durations(text: str, value: float, unit: str, qualifier: str) -> None:
    c = one(text, FRI, "duration")
    assert (c.value, c.unit, c.qualifier, c.dimension) == (value, unit, qualifier, "[time]")


def test_vague_duration() -> None:
    c = one("The calm held only for a few days.", FRI, "duration")
    assert (c.qualifier, c.low, c.high, c.unit) == ("vague", 2, 5, "day")


def test_hyphenated_duration_names_its_noun() -> None:
    assert one("A three-week blockade began.", FRI, "duration").modifiers == ("blockade",)


def test_offset_duration() -> None:
    c = one("Fighting resumed two days after the deal.", FRI, "duration")
    assert (c.value, c.event) == (2, "offset")


@pytest.mark.parametrize(
    "text",
    ["Trains run twice a week.", "The shop is open 24 hours a day now.", "One day, he said, it would end."],
)
def test_not_durations(text: str) -> None:
    assert claims(text, FRI, "duration") == []


def test_span_word_is_not_a_bound() -> None:
    c = one("Over the past 24 hours, 12 towns were hit.", FRI, "duration")
    assert (c.surface, c.value, c.qualifier) == ("past 24 hours", 24, "exact")


def test_numbers_with_commas_and_fractions() -> None:
    assert one("Settlers came some 10,000 years ago.", FRI, "duration").value == 10000
    assert claims("He served a record 3-1/2 years.", FRI, "duration") == []


def test_weekday_in_a_title_is_not_a_date() -> None:
    assert claims("The Sunday Express printed the poll.", FRI, "date") == []


def test_person_age_vs_event_length() -> None:
    age = one("A 34-year-old nurse was hurt.", FRI)
    assert (age.kind, age.noun, age.value, age.unit, age.modifiers) == ("quantity", "age", 34, "year", ("nurse",))
    war = one("The decade-old dispute and the nearly ten-year-old conflict go on.", FRI, "duration")
    assert (war.value, war.unit, war.qualifier) == (10, "year", "approx")


def test_age_written_with_years_old() -> None:
    c = one("The driver, who is 52 years old, survived.", FRI)
    assert (c.kind, c.noun, c.value) == ("quantity", "age", 52)


# --- blocking spans -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text,blocked",
    [
        ("Sirens sounded at 3 p.m. local time.", "3 p.m."),
        ("The update came at 07:45 GMT.", "07:45 GMT"),
        ("Trading opened at 9.30am sharp.", "9.30am"),
        ("The law was passed in 1999 by parliament.", "1999"),
        ("Copyright 2025 Example News.", "Copyright 2025"),
        ("The 1990s were calmer.", "1990s"),
        ("The plan covers 2024-2030 in full.", "2024-2030"),
    ],
)
def test_blocking_spans(text: str, blocked: str) -> None:
    spans = [(c.start, c.end) for c in find_temporal(text, FRI) if NOT_A_CLAIM in c.notes]
    at = text.index(blocked)
    assert any(a <= at and at + len(blocked) <= b for a, b in spans), spans


@pytest.mark.parametrize("text", ["About 2000 people marched.", "The team scored 1500 points."])
def test_counts_are_not_years(text: str) -> None:
    assert find_temporal(text, FRI) == []


def test_dateline_is_not_a_claim() -> None:
    text = "Updated March 3, 2026 · 4:05 PM\nOfficials met on March 3, 2026 to sign."
    found = find_temporal(text, FRI)
    dateline = [c for c in found if "dateline" in c.notes]
    in_prose = [c for c in found if c.kind == "date" and NOT_A_CLAIM not in c.notes]
    assert len(dateline) == 1 and dateline[0].start < text.index("\n")
    assert [c.value for c in in_prose] == ["2026-03-03"]


# --- offsets, sentences, ids ----------------------------------------------------------------

def test_offsets_survive_typography() -> None:
    text = "\u201cWe\u2019ll wait,\u201d he said.\u00a0The truce lasts until\u00a0March\u00a04."
    c = one(text, FRI, "date")
    assert text[c.start : c.end] == c.surface == "until\u00a0March\u00a04"
    assert text[c.sentence_start : c.sentence_start + len(c.sentence)] == c.sentence
    assert c.sentence.startswith("The truce")


def test_article_id_and_claim_id() -> None:
    (c,) = find_temporal("It ended on March 4.", FRI, article_id="a1")
    assert (c.article_id, c.id) == ("a1", f"a1:{c.start}-{c.end}")


def test_text_without_triggers_costs_nothing() -> None:
    assert find_temporal("No figures in this line at all.", FRI) == []


# --- time anchors ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence,published,iso,words",
    [
        ("Shelling went on overnight.", TUE, "2026-02-02/2026-02-03", "overnight"),
        ("As of Monday, 40 schools were shut.", TUE, "2026-02-02", "Monday"),
        ("In the past 24 hours, 12 towns were hit.", FRI, "2026-01-29/2026-01-30", "past 24 hours"),
        ("Last week, 30 roads closed.", TUE, "2026-01-26/2026-02-01", "Last week"),
        ("Earlier this week he spoke.", TUE, "2026-02-02/2026-02-03", "Earlier this week"),
        ("In recent weeks prices rose.", FRI, "2026-01-02/2026-01-30", "recent weeks"),
        ("The mayor said today that 5 bridges fell.", FRI, "2026-01-30", "today"),
        ("On March 4 and 5, talks were held.", FRI, "2026-03-04", "March 4"),
        ("In 2019, 40 mines closed.", None, "2019-01-01/2019-12-31", "2019"),
        ("Two weeks ago, 40 mines closed.", FRI, "2026-01-16", "Two weeks"),
    ],
)
def test_time_anchor(sentence: str, published: date | None, iso: str, words: str) -> None:
    assert time_anchor(sentence, published) == (iso, words)


def test_time_anchor_none() -> None:
    assert time_anchor("Forty schools were shut.", TUE) == (None, "")
    assert time_anchor("Shelling went on overnight.", None) == (None, "")


# --- calendar helpers and vocabulary --------------------------------------------------------

def test_weekday_date_same_day_is_publication_day() -> None:
    assert weekday_date(TUE, 1, "future") == TUE
    assert weekday_date(TUE, 1, "past", "last") == date(2026, 1, 27)


def test_rollover_boundary() -> None:
    published = date(2026, 1, 1)
    assert month_day_date(3, 2, published, "past").year == 2026  # 60 days later
    assert month_day_date(3, 3, published, "past").year == 2025  # 61 days later


def test_period_unknown_raises_with_hint() -> None:
    with pytest.raises(ValueError, match="week, weekend, month or year"):
        period_interval(TUE, "fortnight", 0)


def test_vocabulary_error_names_file_and_key() -> None:
    from auditor.resources import vocabulary

    data = dict(vocabulary("temporal"))
    del data["units"]
    with pytest.raises(VocabularyError, match=r"temporal\.yaml: missing key 'units'"):
        build_vocab(data)
    data = dict(vocabulary("temporal"), event_nouns=[True])
    with pytest.raises(VocabularyError, match="event_nouns"):
        build_vocab(data)


def test_vocabulary_loads() -> None:
    vocab = load_vocab()
    assert vocab.role_verbs["concluded"] == "end" and "slated" in vocab.future_verbs
