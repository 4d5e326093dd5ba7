"""Calendar arithmetic for dates and anchors: pure functions of a publication date.

Nothing here reads text; :mod:`auditor.extract.temporal` decides which direction a weekday
points in and calls these with plain values, so every rule is testable on its own.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas

# A month-day without a year that lands further than this after the publication date in a
# past-tense sentence belongs to the previous year ("failed to observe ... 9 May" written in
# January); the same distance before the publication date in a future sentence means next year.
YEAR_ROLLOVER_DAYS = 60

WEEKDAYS: tuple[str, ...] = tuple(calendar.day_name)  # Monday first, as date.weekday()
MONTHS: tuple[str, ...] = tuple(calendar.month_name)[1:]


def weekday_date(published: date, weekday: int, direction: str, relative: str = "") -> date:
    """The date of ``weekday`` (0 = Monday) that a sentence published on ``published`` means.

    ``relative`` is the word written before the weekday ("last", "next", "this"); otherwise a
    weekday equal to the publication day is that day, and ``direction`` ("past" or "future")
    picks the nearest other one. "this" points forward unless ``direction`` is "past" (a
    past-tense sentence); "" (no evidence) reads a bare weekday as past, "this" as forward.

    >>> fri = date(2026, 1, 30)
    >>> weekday_date(fri, 6, "future"), weekday_date(fri, 3, "past")
    (datetime.date(2026, 2, 1), datetime.date(2026, 1, 29))
    >>> weekday_date(date(2026, 2, 3), 3, "past", "last")
    datetime.date(2026, 1, 29)
    >>> weekday_date(fri, 4, "past")
    datetime.date(2026, 1, 30)
    >>> weekday_date(fri, 3, "past", "this"), weekday_date(fri, 3, "", "this")
    (datetime.date(2026, 1, 29), datetime.date(2026, 2, 5))
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if relative == "last":
        return published - timedelta(days=back or 7)
    if relative == "next":
        # "next Wednesday" said on a Monday is usually this week's Wednesday in news copy.
        return published + timedelta(days=ahead or 7)
    if relative == "this" and direction == "past":
        # "unions marched this Thursday" in Friday's paper: this week's Thursday, already gone
        return published - timedelta(days=back)
    if relative in ("this", "coming", "this coming"):
        return published + timedelta(days=ahead)
    if back == 0:
        return published
    return published + timedelta(days=ahead) if direction == "future" else published - timedelta(days=back)


def month_day_date(month: int, day: int, published: date, tense: str) -> date | None:
    """The year-resolved date of a month-day written without a year; None if no such day.

    The publication year, unless the rollover rule (YEAR_ROLLOVER_DAYS) says otherwise.

    >>> jan31 = date(2026, 1, 31)
    >>> month_day_date(5, 9, jan31, "past"), month_day_date(2, 3, jan31, "past")
    (datetime.date(2025, 5, 9), datetime.date(2026, 2, 3))
    >>> month_day_date(5, 9, jan31, "future"), month_day_date(1, 5, date(2026, 12, 20), "future")
    (datetime.date(2026, 5, 9), datetime.date(2027, 1, 5))
    >>> month_day_date(2, 30, jan31, "past") is None
    True
    """
    year = published.year
    guess = _safe_date(year, month, day)
    if guess is None:
        return None
    gap = (guess - published).days
    if tense == "past" and gap > YEAR_ROLLOVER_DAYS:
        year -= 1
    elif tense == "future" and gap < -YEAR_ROLLOVER_DAYS:
        year += 1
    return _safe_date(year, month, day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def period_interval(published: date, period: str, offset: int, cut: str = "") -> tuple[date, date]:
    """First and last day of a calendar period counted from the one holding ``published``.

    Weeks run Monday to Sunday; a weekend is the Saturday and Sunday of a week.

    >>> tue = date(2026, 2, 3)
    >>> period_interval(tue, "week", -1)
    (datetime.date(2026, 1, 26), datetime.date(2026, 2, 1))
    >>> period_interval(tue, "week", 0, "to_date")
    (datetime.date(2026, 2, 2), datetime.date(2026, 2, 3))
    >>> period_interval(date(2026, 1, 30), "weekend", 0)
    (datetime.date(2026, 1, 31), datetime.date(2026, 2, 1))
    >>> period_interval(tue, "month", -1), period_interval(tue, "year", -1)[0]
    ((datetime.date(2026, 1, 1), datetime.date(2026, 1, 31)), datetime.date(2025, 1, 1))
    """
    if period in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        first, last = monday, monday + timedelta(days=6)
        if period == "weekend":
            first = monday + timedelta(days=5)
    elif period == "month":
        index = published.year * 12 + published.month - 1 + offset
        year, month = divmod(index, 12)
        first = date(year, month + 1, 1)
        last = date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    elif period == "year":
        first, last = date(published.year + offset, 1, 1), date(published.year + offset, 12, 31)
    else:
        raise ValueError(f"unknown calendar period {period!r}: use week, weekend, month or year")
    if cut == "to_date" and first <= published < last:
        last = published
    return first, last


def month_interval(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month.

    >>> month_interval(2024, 2)
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def is_past_tense(word: str) -> bool:
    """True when ``word`` is the simple past of a verb (lemminflect's lexicon).

    >>> [is_past_tense(w) for w in ("said", "had", "announced", "say", "ending", "Friday")]
    [True, True, True, False, False, False]
    """
    lower = word.lower()
    for upos in ("VERB", "AUX"):
        for lemma in getAllLemmas(lower, upos=upos).get(upos, ()):
            if lower in getAllInflections(lemma, upos=upos).get("VBD", ()):
                return True
    return False


@lru_cache(maxsize=1024)
def verb_forms(lemma: str) -> frozenset[str]:
    """Every inflection of a verb lemma, the lemma included.

    >>> sorted(verb_forms("conclude"))
    ['conclude', 'concluded', 'concludes', 'concluding']
    """
    forms = {lemma}
    for values in getAllInflections(lemma, upos="VERB").values():
        forms.update(values)
    return frozenset(forms)
