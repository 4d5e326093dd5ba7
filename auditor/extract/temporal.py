"""Dates, durations, ages, clock times and time anchors in news text.

Candidates are found with compiled regexes over the whole text (most text holds no date, and a
regex scan costs almost nothing); only the matches are read further: the few words before a date
tell its role ("until" -> end) and which way a weekday points ("said on Thursday" -> the past
Thursday), and dateparser reads the month-day expressions found.

Rules, each tested in tests/extract/test_temporal*.py:

- A weekday is resolved against the publication date: the same weekday is the publication day;
  otherwise a future cue in the words around it ("will", "slated to", "ahead of", "forecast") or
  an end/start cue in a non-past form ("ending on", "until", "from") points forward, a past-tense
  verb points back, and with no cue news reports the past.
- "Friday at midnight" is the midnight that starts Friday: value Friday, interval Thursday/Friday.
  "Thursday night" and "Monday to Tuesday nights" are nights: the interval of the two days.
- A month-day without a year takes the publication year, except that in a past-tense sentence a
  day more than YEAR_ROLLOVER_DAYS after publication is last year's, and in a future sentence a
  day as far before publication is next year's.
- A date's role (Claim.event) comes from the cue words before it: a role preposition right before
  it ("until", "through to", "by", "from", "since"), a role verb before it or before "on"
  ("ending on", "commenced on", "began yesterday"), or a role phrase a few words earlier
  ("slated to", "set to", "ahead of"). When cues disagree, temporal.yaml's role_priority decides
  (end beats scheduled beats start: "slated to conclude by Sunday" is an end, "set to begin on
  Wednesday" is a scheduled date). Without a cue the role is "on".
- "N-year-old <noun>" is a duration when the noun is an event (temporal.yaml event_nouns: "a
  four-year-old war") and an age (kind quantity, noun "age") otherwise.
- Clock times, bare years, decades, copyright lines and datelines are returned with
  notes=("not-a-claim", ...) so that the quantity extractor drops the numbers inside them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import dateparser
from lemminflect import getAllInflections, getAllLemmas

from auditor.extract.temporal_resolve import (
    WEEKDAYS,
    is_past_tense,
    month_day_date,
    month_interval,
    period_interval,
    weekday_date,
)
from auditor.extract.temporal_vocab import TemporalVocab, alternation, load_vocab, month_number, patterns
from auditor.model import Claim
from auditor.resources import vocabulary
from auditor.text import normalize_same_length, sentence_spans

NOT_A_CLAIM = "not-a-claim"
UNRESOLVED = "unresolved: no publication date"
TIME_DIMENSION = "[time]"

# How many words around a date are read for its role and tense: enough for "was originally
# slated to convene on", few enough not to reach into the next clause.
WINDOW_BEFORE = 8
WINDOW_AFTER = 3
ROLE_PHRASE_WORDS = 6


@dataclass(frozen=True)
class _Hit:
    """A candidate before it becomes a Claim; ``start``/``end`` index the normalized text."""

    start: int
    end: int
    kind: str
    value: Any = None
    low: Any = None
    high: Any = None
    unit: str = ""
    qualifier: str = "exact"
    event: str = ""
    noun: str = ""
    dimension: str = ""
    modifiers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    # Where the surface may grow to the left to cover role cue words ("until", "ending on").
    cue_start: int | None = None
    anchor: bool = True  # usable as a sentence's time anchor


@dataclass(frozen=True)
class _Sentences:
    spans: tuple[tuple[int, int], ...]
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> "_Sentences":
        spans = sentence_spans(text) or ((0, len(text)),)
        return cls(spans, [a for a, _ in spans])

    def around(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.starts, pos) - 1, 0)
        a, b = self.spans[i]
        return (a, b) if a <= pos <= b else (pos, pos)


# ---------------------------------------------------------------------------------------------
# Public API


def find_temporal(text: str, published: date | None, *, article_id: str = "text") -> list[Claim]:
    """Every date, duration, age and blocking span (clock time, year, dateline) in ``text``.

    >>> [(c.surface, c.value, c.event) for c in find_temporal(
    ...     "Peskov said the pause would last until February 1.", date(2026, 1, 30))]
    [('until February 1', '2026-02-01', 'end')]
    >>> [(c.surface, c.value, c.unit, c.qualifier) for c in find_temporal(
    ...     "The war has lasted nearly four years.", None)]
    [('nearly four years', 4, 'year', 'approx')]
    """
    norm = normalize_same_length(text)
    if not _worth_scanning(norm):
        return []
    sentences = _Sentences.of(norm)
    hits = _scan(norm, published, sentences)
    claims = []
    for hit in hits:
        ss, se = sentences.around(hit.start)
        claims.append(_to_claim(text, hit, article_id, ss, se))
    return claims


def time_anchor(sentence: str, published: date | None) -> tuple[str | None, str]:
    """The time a sentence is anchored to: (ISO date or "start/end" interval, the words).

    The earliest time expression in the sentence wins; (None, "") when nothing anchors it, or
    when only relative words do and ``published`` is None.

    >>> time_anchor("Russia launched 111 drones overnight.", date(2026, 1, 30))
    ('2026-01-29/2026-01-30', 'overnight')
    >>> time_anchor("As of Friday, 378 buildings had no heating.", date(2026, 1, 30))
    ('2026-01-30', 'Friday')
    >>> time_anchor("No figure here.", date(2026, 1, 30))
    (None, '')
    """
    norm = normalize_same_length(sentence)
    sentences = _Sentences(((0, len(norm)),), [0])
    found: list[tuple[int, str, str]] = []
    for hit in _scan(norm, published, sentences):
        iso = _hit_anchor(hit, published)
        if iso and not bound_to_figure(norm[max(0, hit.start - BOUND_REACH) : hit.start], figure_before=True):
            found.append((hit.start, iso, sentence[hit.start : hit.end]))
    if published is not None:
        found.extend(_relative_anchors(norm, sentence, published))
    if not found:
        return None, ""
    _, iso, words = min(found, key=lambda f: (f[0], -len(f[2])))
    return iso, words


BOUND_REACH = 60  # characters before a date searched for "<figure> <unit> set in"
# Up to three words (unit, noun: "38.7C", "12.5 inches of rain") between a figure and the
# participle that dates it.
# An auxiliary makes the verb the sentence's own ("12 inches was measured in March"), so none.
_BETWEEN = r"(?:\s+(?!(?:is|are|was|were|be|been|being|has|have|had)\b)[^\s,;:()\d]+){0,3}?"


@lru_cache(maxsize=1)
def _bound_patterns() -> tuple[re.Pattern, re.Pattern]:
    lemmas = [str(w).lower() for w in vocabulary("temporal").get("bound_participles", [])]
    forms = {lemma for lemma in lemmas}
    for lemma in lemmas:
        for inflections in getAllInflections(lemma, upos="VERB").items():
            forms.update(f.lower() for f in inflections[1])
    cue = rf"{_BETWEEN}\s+(?:{alternation(sorted(forms))})\s+(?:in|on|during|at)\s+$"
    return re.compile(rf"\d[^\s,;:()]*{cue}", re.I), re.compile(rf"^[^\s,;:()]*{cue}", re.I)


def bound_to_figure(before: str, figure_before: bool = False) -> bool:
    """True when ``before`` (the text right before a date) ties the date to a figure: "38.7C
    recorded in" before "2015". With ``figure_before`` the figure is looked for inside
    ``before``; without it ``before`` starts right after the figure.

    >>> bound_to_figure(" set in ")
    True
    >>> bound_to_figure("the old mark of 38.7C set in ", figure_before=True)
    True
    >>> bound_to_figure(" of rain was measured in ")
    False
    >>> bound_to_figure(", the hottest day since records began in ")
    False
    """
    with_figure, after_figure = _bound_patterns()
    return bool((with_figure if figure_before else after_figure).search(before))


def _hit_anchor(hit: _Hit, published: date | None) -> str | None:
    """The ISO date or interval a hit anchors its sentence to, if it can anchor one."""
    if hit.kind == "date" and hit.anchor and hit.low:
        return hit.low if hit.low == hit.high else f"{hit.low}/{hit.high}"
    if hit.kind == "duration" and "offset: ago" in hit.notes and published and hit.qualifier == "exact":
        days = {"day": 1, "week": 7, "fortnight": 14}.get(hit.unit)
        if days:  # "two weeks ago"; months and years ago are too loose to pin to a day
            return (published - timedelta(days=hit.value * days)).isoformat()
    return None


# ---------------------------------------------------------------------------------------------
# Scanning


def _scan(t: str, published: date | None, sentences: _Sentences) -> list[_Hit]:
    pats, vocab = patterns(), load_vocab()
    hits: list[_Hit] = []
    ctx = _Context(t, published, sentences, vocab)
    hits += _month_days(ctx, pats.month_day)
    hits += _month_days(ctx, pats.day_month)
    hits += _month_years(ctx)
    hits += _weekday_ranges(ctx)
    hits += _weekdays(ctx)
    hits += _day_words(ctx)
    hits += _durations(ctx)
    hits += _blocking(ctx)
    kept = _without_overlaps(hits)
    kept = _mark_datelines(ctx, kept)
    return _grow_to_cues(kept)


def _worth_scanning(t: str) -> bool:
    """Cheap test: a digit, a month, or a day or unit word somewhere in the text."""
    pats = patterns()
    if re.search(r"\d", t) or any(k in t for k in pats.month_keys):
        return True
    low = t.lower()
    return any(k in low for k in pats.day_keys + pats.unit_keys)


# How far around a key the full patterns look: the longest prefix they match ("only for
# nearly", "at midnight on last") and suffix ("-year-old", ", 2026", "nights").
KEY_REACH_BEFORE = 60
KEY_REACH_AFTER = 40


@dataclass
class _Context:
    t: str
    published: date | None
    sentences: _Sentences
    vocab: TemporalVocab
    _low: str = ""
    _windows: dict = field(default_factory=dict)

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.sentences.around(pos)

    def near(self, pattern: re.Pattern, family: str):
        """Matches of ``pattern`` in the windows around the keys of ``family``."""
        for a, b in self.windows(family):
            yield from pattern.finditer(self.t, a, b)

    def windows(self, family: str) -> list[tuple[int, int]]:
        if family not in self._windows:
            self._windows[family] = self._find_windows(family)
        return self._windows[family]

    def _find_windows(self, family: str) -> list[tuple[int, int]]:
        pats = patterns()
        if family == "month":
            keys, text = pats.month_keys, self.t
        else:
            if not self._low:
                self._low = self.t.lower()
            keys, text = (pats.day_keys if family == "day" else pats.unit_keys), self._low
        spans = []
        for key in keys:
            at = text.find(key)
            while at >= 0:
                ss, se = self.sentence(at)
                spans.append((max(ss, at - KEY_REACH_BEFORE), min(max(se, at), at + len(key) + KEY_REACH_AFTER)))
                at = text.find(key, at + 1)
        return _merge(spans)

    def words_before(self, pos: int, n: int) -> list[re.Match]:
        ss, _ = self.sentence(pos)
        lo = max(ss, pos - 12 * n)
        return list(patterns().word.finditer(self.t, lo, pos))[-n:]

    def words_after(self, pos: int, n: int) -> list[re.Match]:
        _, se = self.sentence(max(pos - 1, 0))
        out = []
        for m in patterns().word.finditer(self.t, pos, max(se, pos)):
            out.append(m)
            if len(out) == n:
                break
        return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """
    >>> _merge([(5, 9), (0, 3), (2, 4), (9, 10)])
    [(0, 4), (5, 10)]
    """
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _without_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Keep the longest of overlapping candidates ("January 31, 2026" over "2026")."""
    kept: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if any(hit.start < b and a < hit.end for a, b in taken):
            continue
        kept.append(hit)
        taken.append((hit.start, hit.end))
    return sorted(kept, key=lambda h: (h.start, h.end))


def _grow_to_cues(hits: list[_Hit]) -> list[_Hit]:
    """Let a surface cover its role cue words unless that would overlap the previous hit."""
    out: list[_Hit] = []
    for hit in hits:
        if hit.cue_start is not None and hit.cue_start < hit.start:
            floor = out[-1].end if out else 0
            if hit.cue_start >= floor:
                hit = replace(hit, start=hit.cue_start)
        out.append(hit)
    return out


# ---------------------------------------------------------------------------------------------
# Roles and tense


@dataclass(frozen=True)
class _Reading:
    role: str
    cue_start: int | None
    tense: str  # "past" | "future" | ""


def _read_context(ctx: _Context, start: int, end: int) -> _Reading:
    """Role and tense of the date at [start, end) from the words around it."""
    pats, vocab = patterns(), ctx.vocab
    ss, _ = ctx.sentence(start)
    pre = ctx.t[max(ss, start - 120) : start]
    roles: set[str] = set()
    cue_start: int | None = None
    offset = start - len(pre)
    rest = pre
    m = pats.role_prep_tail.search(pre)
    prep_role = ""
    if m:
        prep_role = _role_of_prep(m.group("p"), vocab)
        roles.add(prep_role)
        cue_start = offset + m.start("p")
        rest = pre[: m.start("p")]
    else:
        n = pats.neutral_tail.search(pre)
        if n:
            rest = pre[: n.start("p")]
    # The word before the preposition, or right before the date: "ending on", "began yesterday".
    verb = re.search(r"([A-Za-z]+)\s+$", rest)
    cue_verb = ""
    if verb and verb.group(1).lower() in vocab.role_verbs:
        cue_verb = verb.group(1)
        roles.add(vocab.role_verbs[cue_verb.lower()])
        cue_start = offset + verb.start(1)
    window = ctx.words_before(start, ROLE_PHRASE_WORDS)
    if window:
        wtext = ctx.t[window[0].start() : start]
        for pm in pats.role_phrase.finditer(wtext):
            roles.add(_role_of_phrase(pm.group(0), vocab))
    role = next((r for r in vocab.role_priority if r in roles), "on")
    return _Reading(role, cue_start, _tense(ctx, start, end, cue_verb, prep_role))


def _role_of_prep(phrase: str, vocab: TemporalVocab) -> str:
    key = " ".join(phrase.lower().split())
    return next(r for p, r in vocab.role_prepositions if p == key)


def _role_of_phrase(phrase: str, vocab: TemporalVocab) -> str:
    key = " ".join(phrase.lower().split())
    return next(r for p, r in vocab.role_phrases if p == key)


def _tense(ctx: _Context, start: int, end: int, cue_verb: str, prep_role: str) -> str:
    """Which way the sentence points at the date: "future", "past" or "" (no evidence)."""
    before = ctx.words_before(start, WINDOW_BEFORE)
    after = ctx.words_after(end, WINDOW_AFTER)
    words = [m.group(0) for m in before + after]
    if _points_forward(words, ctx.vocab):
        return "future"
    if cue_verb:
        return "past" if is_past_tense(cue_verb) else "future"
    if any(is_past_tense(w) for w in words):
        return "past"
    if prep_role in ("end", "start"):
        return "future"
    # No cue near the date: the rest of the sentence before it ("is expected to begin on
    # Wednesday, and carry on into Thursday").
    ss, _ = ctx.sentence(start)
    earlier = [m.group(0) for m in patterns().word.finditer(ctx.t, ss, start)]
    if _points_forward(earlier, ctx.vocab):
        return "future"
    if any(is_past_tense(w) for w in earlier):
        return "past"
    return ""


def _points_forward(words: list[str], vocab: TemporalVocab) -> bool:
    """A future cue among ``words``: "will", "ahead of", "slated", "forecast to"."""
    if patterns().future_phrase.search(" ".join(words)):
        return True
    lower = [w.lower() for w in words]
    for i, w in enumerate(lower):
        if w in vocab.future_verbs:
            return True
        if w in vocab.future_lemmas and i + 1 < len(lower) and lower[i + 1] == "to":
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Dates


@lru_cache(maxsize=4096)
def _parse_month_day(expression: str) -> tuple[int, int] | None:
    """(month, day) of "February 1" / "1st of Feb." via dateparser; None if no such day."""
    try:
        parsed = dateparser.parse(
            expression,
            languages=["en"],
            # A leap year as the base lets "February 29" parse; the real year is chosen later.
            settings={"RELATIVE_BASE": datetime(2024, 1, 1), "REQUIRE_PARTS": ["day", "month"]},
        )
    except (ValueError, OverflowError):  # one odd expression must not stop the article
        return None
    return (parsed.month, parsed.day) if parsed else None


def _month_days(ctx: _Context, pattern: re.Pattern) -> list[_Hit]:
    hits = []
    for m in ctx.near(pattern, "month"):
        month = m.group("month")
        days = [("day", m.group("day"))]
        joined = m.group("day2")
        joiner = ctx.t[m.end("day") : m.start("day2")].strip().lower() if joined else ""
        if joined:
            days.append(("day2", joined))
        resolved = []
        for name, day in days:
            md = _parse_month_day(f"{month} {re.sub(r'[a-z]+$', '', day)}")
            if md is None or md[0] != month_number(month):
                break
            resolved.append((name, md))
        else:
            hits += _month_day_hits(ctx, m, resolved, joiner)
    return hits


_YEAR_AFTER = re.compile(r"\s+in\s+((?:1[89]|20)\d\d)\b(?![.,]\d)")


def _month_day_hits(ctx: _Context, m: re.Match, resolved: list, joiner: str) -> list[_Hit]:
    reading = _read_context(ctx, m.start(), m.end())
    year = int(m.group("year")) if m.group("year") else None
    end = m.end()
    later_year = _YEAR_AFTER.match(ctx.t, end) if year is None else None
    if later_year:  # "on 25 July in 2019": the year is written after "in"
        year, end = int(later_year.group(1)), later_year.end()
    dates: list[date | None] = []
    for _, (month, day) in resolved:
        if year is not None:
            dates.append(_safe(year, month, day))
        elif ctx.published is not None:
            dates.append(month_day_date(month, day, ctx.published, reading.tense))
        else:
            dates.append(None)
    notes = () if year is not None or ctx.published is not None else (UNRESOLVED,)
    base = dict(kind="date", event=reading.role, cue_start=reading.cue_start, notes=notes)
    if len(dates) == 1:
        d = dates[0]
        return [_Hit(m.start(), end, value=_iso(d), low=_iso(d), high=_iso(d), **base)]
    if joiner in ("and", "&", "or"):
        # "January 23 and 24" / "23 and 24 January": two days, two claims.
        first, second = dates
        return [
            _Hit(m.start(), m.end("day"), value=_iso(first), low=_iso(first), high=_iso(first), **base),
            _Hit(m.start("day2"), m.end(), value=_iso(second), low=_iso(second), high=_iso(second),
                 kind="date", event=reading.role, notes=notes),
        ]
    first, last = dates
    night = _night_before(ctx, m.start())
    qualifier = "exact" if night and first and last and (last - first).days == 1 else "range"
    extra = ("night",) if night else ()
    return [_Hit(m.start(), m.end(), value=_iso(first), low=_iso(first), high=_iso(last),
                 qualifier=qualifier, **{**base, "notes": notes + extra})]


def _night_before(ctx: _Context, pos: int) -> bool:
    words = [w.group(0).lower() for w in ctx.words_before(pos, 3)]
    return any(w in ctx.vocab.night_words for w in words)


def _month_years(ctx: _Context) -> list[_Hit]:
    hits = []
    for m in ctx.near(patterns().month_year, "month"):
        year, month = int(m.group("year")), month_number(m.group("month"))
        first, last = month_interval(year, month)
        reading = _read_context(ctx, m.start(), m.end())
        hits.append(_Hit(m.start(), m.end(), "date", value=first.isoformat(), low=first.isoformat(),
                         high=last.isoformat(), qualifier="range", event=reading.role,
                         cue_start=reading.cue_start, notes=("month",)))
    return hits


def _weekday_index(name: str) -> int:
    return [w.lower() for w in WEEKDAYS].index(name.lower())


def _weekdays(ctx: _Context) -> list[_Hit]:
    hits = []
    for m in ctx.near(patterns().weekday, "day"):
        if not m.group("wd")[0].isupper() or _is_title(ctx.t, m):
            continue
        reading = _read_context(ctx, m.start(), m.end())
        rel = " ".join((m.group("rel") or "").lower().split()).replace("previous", "last")
        d = _weekday(ctx, m.group("wd"), reading.tense, rel)
        midnight = bool(m.group("mid1") or m.group("mid2"))
        part = (m.group("part") or "").lower()
        value = _iso(d)
        low = high = value
        notes: tuple[str, ...] = () if d else (UNRESOLVED,)
        if d and midnight:
            # The midnight that starts the day: "Friday at midnight" is the night Thursday/Friday.
            low, notes = _iso(d - timedelta(days=1)), ("midnight at the start of the day",)
        elif d and part in ctx.vocab.night_words:
            high, notes = _iso(d + timedelta(days=1)), ("night",)
        hits.append(_Hit(m.start(), m.end(), "date", value=value, low=low, high=high,
                         event=reading.role, cue_start=reading.cue_start, notes=notes))
    return hits


def _is_title(t: str, m: re.Match) -> bool:
    """"The Sunday Express", "the Monday Club": a weekday inside a name, not a date."""
    before = t[max(0, m.start() - 4) : m.start()]
    return bool(re.search(r"(?:^|\W)[Tt]he\s$", before) and re.match(r"\s+[A-Z]", t[m.end() : m.end() + 2]))


def _weekday(ctx: _Context, name: str, tense: str, rel: str = "") -> date | None:
    if ctx.published is None:
        return None
    # The tense goes through as it is: "" (no evidence) reads "this Thursday" forward but a
    # bare "Thursday" back, while a past tense turns "this Thursday" back too.
    return weekday_date(ctx.published, _weekday_index(name), tense, rel)


def _weekday_ranges(ctx: _Context) -> list[_Hit]:
    hits = []
    for m in ctx.near(patterns().weekday_range, "day"):
        if not (m.group("wd")[0].isupper() and m.group("wd2")[0].isupper()):
            continue
        reading = _read_context(ctx, m.start(), m.end())
        d1 = _weekday(ctx, m.group("wd"), reading.tense)
        d2 = _weekday(ctx, m.group("wd2"), reading.tense)
        if d1 and d2 and d2 < d1:
            if reading.tense == "future":
                d2 += timedelta(days=7)
            else:
                d1 -= timedelta(days=7)
        night = bool(m.group("n1") or m.group("n2"))
        single_night = night and d1 and d2 and (d2 - d1).days == 1
        notes = (("night",) if night else ()) + (() if d1 else (UNRESOLVED,))
        hits.append(_Hit(m.start(), m.end(), "date", value=_iso(d1), low=_iso(d1), high=_iso(d2),
                         qualifier="exact" if single_night else "range", event="on", notes=notes))
    return hits


def _day_words(ctx: _Context) -> list[_Hit]:
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}
    hits = []
    for m in ctx.near(patterns().day_word, "day"):
        reading = _read_context(ctx, m.start(), m.end())
        d = ctx.published + timedelta(days=shift[m.group("word").lower()]) if ctx.published else None
        hits.append(_Hit(m.start(), m.end(), "date", value=_iso(d), low=_iso(d), high=_iso(d),
                         event=reading.role, cue_start=reading.cue_start,
                         notes=() if d else (UNRESOLVED,)))
    return hits


# ---------------------------------------------------------------------------------------------
# Durations and ages


def _number(text: str, vocab: TemporalVocab) -> float | None:
    """A figure written in digits or words: "60", "four", "twenty-four", "a".

    >>> _number("twenty-four", load_vocab()), _number("a", load_vocab()), _number("2.5", load_vocab())
    (24, 1, 2.5)
    >>> _number("10,000", load_vocab())
    10000
    """
    key = " ".join(text.lower().split())
    if key in vocab.numbers:
        return _tidy(vocab.numbers[key])
    if "-" in key:
        parts = [vocab.numbers.get(p) for p in key.split("-")]
        return _tidy(sum(parts)) if all(p is not None for p in parts) else None
    try:
        return _tidy(float(key.replace(",", "")))
    except ValueError:
        return None


def _tidy(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _bounds(value: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "lower_bound":
        return value, float("inf")
    if qualifier == "upper_bound":
        return 0, value
    return value, value


def _qualifier(m: re.Match, vocab: TemporalVocab) -> str:
    q = m.group("qual")
    if not q:
        return "exact"
    key = " ".join(q.lower().split())
    return next(kind for p, kind in vocab.qualifiers if p == key)


def _durations(ctx: _Context) -> list[_Hit]:
    pats, vocab = patterns(), ctx.vocab
    hits: list[_Hit] = []
    for m in ctx.near(pats.duration, "unit"):
        hit = _plain_duration(ctx, m)
        if hit:
            hits.append(hit)
    for m in ctx.near(pats.hyphen_duration, "unit"):
        hit = _hyphen_duration(ctx, m)
        if hit:
            hits.append(hit)
    for m in ctx.near(pats.fixed_duration, "unit"):
        value, unit = vocab.fixed_durations[" ".join(m.group("phrase").lower().split())]
        value = _tidy(value)
        qual = _qualifier(m, vocab)
        low, high = _bounds(value, qual)
        head, head_end = _head(ctx, m.end())
        hits.append(_Hit(m.start(), head_end, "duration", value=value, low=low, high=high,
                         unit=unit, qualifier=qual, dimension=TIME_DIMENSION,
                         modifiers=head, **_offset(ctx, m.end())))
    for m in ctx.near(pats.vague_duration, "unit"):
        low, high = vocab.vague_counts[" ".join(m.group("vague").lower().split())]
        hits.append(_Hit(m.start(), m.end(), "duration", value=_tidy(low), low=_tidy(low),
                         high=_tidy(high), unit=vocab.units[m.group("unit").lower()], qualifier="vague",
                         dimension=TIME_DIMENSION, **_offset(ctx, m.end())))
    return hits


def _plain_duration(ctx: _Context, m: re.Match) -> _Hit | None:
    vocab = ctx.vocab
    num_text = m.group("num")
    value = _number(num_text, vocab)
    if value is None or value == 0:
        return None
    unit = vocab.units[m.group("unit").lower()]
    if m.group("unit").lower() == "second" and not num_text[:1].isdigit():
        return None  # "a second round", "one second-half goal": an ordinal
    offset = _offset(ctx, m.end())
    article = num_text.lower() in ("a", "an", "one")
    filler = ctx.t[m.end("num2") if m.group("num2") else m.end("num") : m.start("unit")].strip()
    if article and not (m.group("for") or m.group("qual") or m.group("span") or filler or offset):
        # "a week" alone is too often a rate ("twice a week") or an idiom ("one day"): a
        # duration needs a cue ("for a week", "a full week", "a week after").
        return None
    period = _is_period(ctx, m.start("num"))
    if not period and _is_rate(ctx, m.start("num") if not m.group("for") else m.start()):
        return None
    if re.match(rf"\s+(?:a|an|per|each|every)\s+(?:{'|'.join(map(re.escape, vocab.units))})\b",
                ctx.t[m.end() : m.end() + 20], re.I):
        return None  # "24 hours a day" is a rate
    if m.group("old"):
        return _age(ctx, m, value, unit)
    qual = _qualifier(m, vocab)
    low, high = _bounds(value, qual)
    second = _number(m.group("num2"), vocab) if m.group("num2") else None
    if not offset and _after_age_word(ctx, m.start()):
        return _age_range(ctx, m, value, second, unit)
    extra: tuple[str, ...] = ("period: every",) if period else ()
    if second is not None and not article and second > value:
        # "three or four years", "5-7 days": the duration lies between the two
        extra += ("approximate range",) if qual == "approx" else ()
        value, low, high, qual = _tidy((value + second) / 2), value, second, "range"
    notes = (*offset.pop("notes", ()), *extra)
    return _Hit(m.start(), m.start("old") if m.group("old") else m.end(), "duration", value=value,
                low=low, high=high, unit=unit, qualifier=qual, dimension=TIME_DIMENSION, notes=notes,
                anchor=not period, **offset)


def _is_period(ctx: _Context, pos: int) -> bool:
    """ "every 33 years": the length of a cycle, a duration, unlike "twice a week"."""
    before = ctx.words_before(pos, 1)
    return bool(before) and before[0].group(0).lower() == "every"


def _is_rate(ctx: _Context, pos: int) -> bool:
    before = ctx.words_before(pos, 1)
    if before and before[0].group(0).lower() in ctx.vocab.rate_words | set(ctx.vocab.units):
        return True
    return bool(re.search(r"\d\s*$", ctx.t[max(0, pos - 4) : pos]))


def _offset(ctx: _Context, end: int) -> dict:
    after = ctx.words_after(end, 1)
    if after and after[0].start() - end <= 2 and after[0].group(0).lower() in ctx.vocab.offset_words:
        return {"event": "offset", "notes": (f"offset: {after[0].group(0).lower()}",)}
    return {}


def _hyphen_duration(ctx: _Context, m: re.Match) -> _Hit | None:
    vocab = ctx.vocab
    value = _number(m.group("num"), vocab)
    if value is None or value == 0 or m.group("num").lower() in ("a", "an"):
        return None
    unit = vocab.units[m.group("unit").lower()]
    suffix = (m.group("suffix") or "").lower()
    # The surface runs to the noun described ("three-day ceasefire", "four-year mark").
    head, head_end = _head(ctx, m.end())
    if suffix.startswith("old") and not (head and head[0].lower() in vocab.event_nouns):
        return replace(_age(ctx, m, value, unit, head), end=head_end)
    qual = _qualifier(m, vocab)
    low, high = _bounds(value, qual)
    return _Hit(m.start(), head_end, "duration", value=value, low=low, high=high, unit=unit,
                qualifier=qual, dimension=TIME_DIMENSION, modifiers=head, **_offset(ctx, m.end()))


def _age(ctx: _Context, m: re.Match, value: float, unit: str, head: tuple[str, ...] = ()) -> _Hit:
    qual = _qualifier(m, ctx.vocab)
    low, high = _bounds(value, qual)
    return _Hit(m.start(), m.end(), "quantity", value=value, low=low, high=high, unit=unit,
                qualifier=qual, noun="age", dimension=TIME_DIMENSION, modifiers=head, anchor=False)


def _after_age_word(ctx: _Context, pos: int) -> bool:
    """ "the retirement age from 62 to 64 years", "aged 18 to 25 years": an age word before
    the figure, with only linking words between, makes the years an age."""
    for word in reversed(ctx.words_before(pos, 5)):
        low = word.group(0).lower()
        if low in ctx.vocab.age_words:
            return True
        if low not in ctx.vocab.age_links:
            return False
    return False


def _age_range(ctx: _Context, m: re.Match, value: float, second: float | None, unit: str) -> _Hit:
    """An age, or a range of ages when a second figure is written ("from 62 to 64 years")."""
    hit = _age(ctx, m, value, unit)
    if second is None or second <= value:
        return replace(hit, end=m.end())
    return replace(hit, end=m.end(), value=_tidy((value + second) / 2), low=value, high=second,
                   qualifier="range", notes=("range of ages",))


def _head_noun(ctx: _Context, end: int) -> tuple[str, ...]:
    """The noun a hyphenated figure describes: "three-day ceasefire" -> ("ceasefire",)."""
    return _head(ctx, end)[0]


def _head(ctx: _Context, end: int) -> tuple[tuple[str, ...], int]:
    """(the head noun, where it ends) of the noun phrase that starts at ``end``."""
    head, head_end = "", end
    pos = end
    for m in patterns().word.finditer(ctx.t, end, min(len(ctx.t), end + 60)):
        gap = ctx.t[pos : m.start()]
        if gap.strip() or len(gap) > 2 or m.group(0).lower() in ctx.vocab.phrase_stops:
            break
        word = m.group(0)
        tags = _tags(word.lower())
        if head and "VERB" in tags:
            break  # "a ten-year-old conflict goes on": the noun phrase has ended
        if "NOUN" in tags:
            head, head_end = word, m.end()
        elif not ("ADJ" in tags or (not tags and word[0].isupper())):
            break
        pos = m.end()
        if m.start() - end > 40:
            break
    return ((head,) if head else ()), head_end


# ---------------------------------------------------------------------------------------------
# Spans that are not claims


def _blocking(ctx: _Context) -> list[_Hit]:
    pats = patterns()
    hits = [_Hit(m.start(), m.end(), "date", notes=(NOT_A_CLAIM, "clock time"), anchor=False)
            for m in pats.clock.finditer(ctx.t)]
    hits += [_Hit(m.start(), m.end(), "date", notes=(NOT_A_CLAIM, "copyright"), anchor=False)
             for m in pats.copyright.finditer(ctx.t)]
    for m in pats.year.finditer(ctx.t):
        if _is_year(ctx, m):
            y = int(m.group("y"))
            last = y + 9 if m.group("decade") else y
            kind = "decade" if m.group("decade") else "year"
            hits.append(_Hit(m.start(), m.end(), "date", low=f"{y:04d}-01-01", high=f"{last:04d}-12-31",
                             qualifier="range", notes=(NOT_A_CLAIM, kind), anchor=not m.group("y2")))
    return hits


def _is_year(ctx: _Context, m: re.Match) -> bool:
    """A bare four-digit number is a year after a year cue ("in 1999"), as a decade ("1990s"),
    as a span of years ("2014-2022"), or at the end of a clause ("Thomson Reuters 2026.")."""
    if m.group("decade"):
        return True
    if m.group("y2"):
        y, y2 = m.group("y"), m.group("y2")
        second = int(y[:2] + y2) if len(y2) == 2 else int(y2)
        return second > int(y)
    follows = ctx.t[m.end() : m.end() + 30]
    nxt = re.match(r"\s*([A-Za-z]+)", follows)
    next_is_noun = bool(nxt and nxt.group(1).islower() and nxt.group(1) not in ctx.vocab.phrase_stops)
    before = ctx.t[max(0, m.start() - 20) : m.start()]
    if patterns().year_cue.search(before):
        return not next_is_noun
    if next_is_noun and re.search(r"(?:^|\W)(?:the|its|their|this|that|his|her)\s+$", before, re.I):
        # "the 2026 budget" names a year; "the 2000 troops" counts (a plural noun follows).
        return not _is_plural(nxt.group(1))
    return bool(re.match(r"\s*(?:[.,;:!?)\]]|'s\b|$)", follows))


@lru_cache(maxsize=8192)
def _tags(word: str) -> frozenset[str]:
    """Parts of speech lemminflect knows for a word (cached: the lexicon copies its answers)."""
    return frozenset(getAllLemmas(word))


@lru_cache(maxsize=4096)
def _is_plural(word: str) -> bool:
    """
    >>> _is_plural("troops"), _is_plural("people"), _is_plural("budget")
    (True, True, False)
    """
    for lemma in getAllLemmas(word, upos="NOUN").get("NOUN", ()):
        if word in getAllInflections(lemma, upos="NOUN").get("NNS", ()):
            return True
    return False


def _mark_datelines(ctx: _Context, hits: list[_Hit]) -> list[_Hit]:
    """A line that holds only a full date (and a time) is a dateline, not a claim."""
    out = []
    for hit in hits:
        if hit.kind == "date" and NOT_A_CLAIM not in hit.notes and _is_dateline(ctx, hit, hits):
            hit = replace(hit, notes=(NOT_A_CLAIM, "dateline") + hit.notes, anchor=False)
        out.append(hit)
    return out


def _is_dateline(ctx: _Context, hit: _Hit, hits: list[_Hit]) -> bool:
    a = ctx.t.rfind("\n", 0, hit.start) + 1
    b = ctx.t.find("\n", hit.end)
    b = len(ctx.t) if b < 0 else b
    line = list(ctx.t[a:b])
    for other in hits:
        if other.start >= a and other.end <= b:
            line[other.start - a : other.end - a] = " " * (other.end - other.start)
    rest = "".join(line)
    words = re.findall(r"[A-Za-z]+", rest)
    return all(w.lower() in ctx.vocab.dateline_words for w in words) and re.search(r"\d", ctx.t[hit.start:hit.end]) is not None


# ---------------------------------------------------------------------------------------------
# Anchors that are not dates of their own


def _relative_anchors(norm: str, original: str, published: date) -> list[tuple[int, str, str]]:
    vocab = load_vocab()
    found = []
    for m in patterns().anchor.finditer(norm):
        key = " ".join(m.group(0).lower().split())
        if key in vocab.anchors:
            lo, hi = vocab.anchors[key]
            first, last = published + timedelta(days=lo), published + timedelta(days=hi)
        else:
            period, offset, cut = vocab.calendar_anchors[key]
            first, last = period_interval(published, period, offset, cut)
        iso = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
        found.append((m.start(), iso, original[m.start() : m.end()]))
    return found


# ---------------------------------------------------------------------------------------------
# Claims


def _to_claim(text: str, hit: _Hit, article_id: str, ss: int, se: int) -> Claim:
    return Claim(
        id=f"{article_id}:{hit.start}-{hit.end}",
        article_id=article_id,
        surface=text[hit.start : hit.end],
        start=hit.start,
        end=hit.end,
        sentence=text[ss:se],
        sentence_start=ss,
        kind=hit.kind,
        value=hit.value,
        low=hit.low,
        high=hit.high,
        unit=hit.unit,
        noun=hit.noun,
        dimension=hit.dimension,
        qualifier=hit.qualifier,
        event=hit.event,
        modifiers=hit.modifiers,
        notes=hit.notes,
    )


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
