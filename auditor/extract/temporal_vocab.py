"""The temporal vocabulary (rules/vocabulary/temporal.yaml) and the regexes built from it.

Loaded once per process; the compiled patterns live on a frozen dataclass so that workers that
unpickle nothing global still build the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from auditor.model import QUALIFIERS
from auditor.resources import rules_dir, vocabulary
from auditor.extract.temporal_resolve import MONTHS, WEEKDAYS, verb_forms

VOCAB_NAME = "temporal"


class VocabularyError(ValueError):
    """temporal.yaml is missing a key or has one of the wrong shape."""


@dataclass(frozen=True)
class TemporalVocab:
    """Phrase vocabulary, by role, ready for matching (lower-case)."""

    role_prepositions: tuple[tuple[str, str], ...]  # (phrase, role), longest first
    role_verbs: dict[str, str]  # inflected form -> role
    role_phrases: tuple[tuple[str, str], ...]
    role_priority: tuple[str, ...]
    neutral_prepositions: tuple[str, ...]
    future_words: tuple[str, ...]
    future_verbs: frozenset[str]  # inflected forms that differ from the lemma
    future_lemmas: frozenset[str]  # bare forms, which count only before "to"
    qualifiers: tuple[tuple[str, str], ...]  # (phrase, qualifier), longest first
    numbers: dict[str, float]
    units: dict[str, str]
    fixed_durations: dict[str, tuple[float, str]]
    vague_counts: dict[str, tuple[float, float]]
    event_nouns: frozenset[str]
    phrase_stops: frozenset[str]
    offset_words: frozenset[str]
    age_words: frozenset[str]
    age_links: frozenset[str]
    rate_words: frozenset[str]
    year_cues: tuple[str, ...]
    dateline_words: frozenset[str]
    night_words: tuple[str, ...]
    midnight_words: tuple[str, ...]
    anchors: dict[str, tuple[int, int]]
    calendar_anchors: dict[str, tuple[str, int, str]]


def _words(seq: Any, key: str) -> tuple[str, ...]:
    if seq is None:
        return ()
    if not isinstance(seq, list) or not all(isinstance(x, str) for x in seq):
        raise VocabularyError(
            f"{rules_dir() / 'vocabulary' / 'temporal.yaml'}: '{key}' must be a list of strings "
            "(quote words YAML reads as booleans or numbers: \"on\", \"no\", \"2026\")"
        )
    return tuple(x.lower() for x in seq)


def _need(data: dict, key: str) -> Any:
    if key not in data:
        raise VocabularyError(
            f"{rules_dir() / 'vocabulary' / 'temporal.yaml'}: missing key '{key}' — "
            "restore it (the file's header comment lists every key)"
        )
    return data[key]


def _longest_first(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


def build_vocab(data: dict, shared_qualifiers: dict[str, str] | None = None) -> TemporalVocab:
    """Check and shape the parsed YAML; errors name the file and the key to fix.

    ``shared_qualifiers`` (phrase -> qualifier) come from the quantity reader's qualifiers.yaml,
    so that "nearly four years" and "nearly 400 drones" are read alike; temporal.yaml's own
    qualifier phrases win where both name one.
    """
    roles = _need(data, "roles")
    preps, verbs, phrases = [], {}, []
    for role, cues in roles.items():
        for p in _words(cues.get("prepositions"), f"roles.{role}.prepositions"):
            preps.append((p, role))
        for v in _words(cues.get("verbs"), f"roles.{role}.verbs"):
            for form in verb_forms(v):
                verbs.setdefault(form, role)
        for p in _words(cues.get("phrases"), f"roles.{role}.phrases"):
            phrases.append((p, role))
    future = _need(data, "future")
    future_verbs: set[str] = set()
    future_lemmas = _words(future.get("verbs"), "future.verbs")
    for v in future_lemmas:
        future_verbs |= verb_forms(v) - {v}
    own = {
        p: q
        for q, words in _need(data, "qualifiers").items()
        for p in _words(words, f"qualifiers.{q}")
    }
    quals = list({**(shared_qualifiers or {}), **own}.items())
    return TemporalVocab(
        role_prepositions=_longest_first(preps),
        role_verbs=verbs,
        role_phrases=_longest_first(phrases),
        role_priority=_words(_need(data, "role_priority"), "role_priority"),
        neutral_prepositions=tuple(
            sorted(_words(_need(data, "neutral_prepositions"), "neutral_prepositions"), key=len, reverse=True)
        ),
        future_words=_words(future.get("words"), "future.words"),
        future_verbs=frozenset(future_verbs),
        future_lemmas=frozenset(future_lemmas),
        qualifiers=_longest_first(quals),
        numbers={str(k).lower(): float(v) for k, v in _need(data, "numbers").items()},
        units={str(k).lower(): str(v) for k, v in _need(data, "units").items()},
        fixed_durations={
            str(k).lower(): (float(v[0]), str(v[1])) for k, v in _need(data, "fixed_durations").items()
        },
        vague_counts={
            str(k).lower(): (float(v[0]), float(v[1])) for k, v in _need(data, "vague_counts").items()
        },
        event_nouns=frozenset(_words(_need(data, "event_nouns"), "event_nouns")),
        phrase_stops=frozenset(_words(_need(data, "phrase_stops"), "phrase_stops")),
        offset_words=frozenset(_words(_need(data, "offset_words"), "offset_words")),
        age_words=frozenset(_words(data.get("age_words"), "age_words")),
        age_links=frozenset(_words(data.get("age_links"), "age_links")),
        rate_words=frozenset(_words(_need(data, "rate_words"), "rate_words")),
        year_cues=_words(_need(data, "year_cues"), "year_cues"),
        dateline_words=frozenset(_words(_need(data, "dateline_words"), "dateline_words")),
        night_words=_words(_need(data, "night_words"), "night_words"),
        midnight_words=_words(_need(data, "midnight_words"), "midnight_words"),
        anchors={str(k).lower(): (int(v[0]), int(v[1])) for k, v in _need(data, "anchors").items()},
        calendar_anchors={
            str(k).lower(): (str(v[0]), int(v[1]), str(v[2] or ""))
            for k, v in _need(data, "calendar_anchors").items()
        },
    )


@lru_cache(maxsize=1)
def load_vocab() -> TemporalVocab:
    """The packaged temporal vocabulary, parsed once."""
    return build_vocab(vocabulary(VOCAB_NAME), _shared_qualifiers())


def _shared_qualifiers() -> dict[str, str]:
    """The "before" phrases of rules/vocabulary/qualifiers.yaml; {} if that file is absent or
    has another shape (temporal.yaml's own list is enough on its own)."""
    try:
        before = vocabulary("qualifiers").get("before", {})
        return {
            " ".join(str(p).lower().split()): str(v["qualifier"])
            for p, v in before.items()
            if isinstance(v, dict) and v.get("qualifier") in QUALIFIERS
        }
    except (OSError, AttributeError, TypeError, ValueError):
        return {}


def alternation(phrases: Any) -> str:
    """A regex alternation of phrases, longest first, spaces matching any white space.

    >>> alternation(["a few", "a"])
    'a\\\\s+few|a'
    """
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@dataclass(frozen=True)
class Patterns:
    """Compiled regexes; group names are read by :mod:`auditor.extract.temporal`."""

    month_day: re.Pattern
    day_month: re.Pattern
    month_year: re.Pattern
    weekday: re.Pattern
    weekday_range: re.Pattern
    day_word: re.Pattern
    duration: re.Pattern
    hyphen_duration: re.Pattern
    fixed_duration: re.Pattern
    vague_duration: re.Pattern
    clock: re.Pattern
    year: re.Pattern
    year_cue: re.Pattern
    copyright: re.Pattern
    anchor: re.Pattern
    # Literal keys, found with plain substring search, that every match of a pattern family
    # contains; the full patterns run only near them (the full patterns are slow per character).
    month_keys: tuple[str, ...]  # case-sensitive
    day_keys: tuple[str, ...]  # lower-case
    unit_keys: tuple[str, ...]  # lower-case
    role_prep_tail: re.Pattern
    neutral_tail: re.Pattern
    role_phrase: re.Pattern
    future_phrase: re.Pattern
    word: re.Pattern = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]


def month_number(name: str) -> int:
    """1-12 for a month name or its news abbreviation.

    >>> month_number("Feb."), month_number("September"), month_number("Sept")
    (2, 9, 9)
    """
    key = name.rstrip(".")[:3].lower()
    return [m[:3].lower() for m in MONTHS].index(key) + 1


def _minimal_keys(words: list[str]) -> tuple[str, ...]:
    """The words none of which contains another, so each text position is found once.

    >>> _minimal_keys(["days", "day", "weeklong", "week", "a fortnight"])
    ('a fortnight', 'day', 'week')
    """
    words = sorted({w.lower() for w in words}, key=len)
    kept: list[str] = []
    for w in words:
        if not any(k in w for k in kept):
            kept.append(w)
    return tuple(sorted(kept))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """Build the regexes once from the calendar names and the vocabulary."""
    v = load_vocab()
    month = r"(?:%s)" % "|".join(
        sorted(list(MONTHS) + [a + r"\.?" for a in _MONTH_ABBR], key=len, reverse=True)
    )
    weekday = r"(?:%s)" % "|".join(WEEKDAYS)
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[89]\d\d|20\d\d)"
    # "Feb. 2 to 5 March" is two dates: a day right after a month name belongs to that month.
    not_after_month = "".join(
        rf"(?<!{re.escape(name)}\s)(?<!{re.escape(name)}\.\s)" for name in list(MONTHS) + _MONTH_ABBR
    )
    lead_weekday = rf"(?:{weekday},?\s+(?:the\s+)?)?"
    day_join = r"(?:\s*(?:-|–|/|and|&|or|to|into)\s*)"
    night = alternation(v.night_words)
    midnight = alternation(v.midnight_words)
    number = alternation(v.numbers) + r"|\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
    tens = alternation([w for w, n in v.numbers.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)])
    ones = alternation([w for w, n in v.numbers.items() if 1 <= n <= 9 and w not in ("a", "an")])
    num = rf"(?:(?:{tens})-(?:{ones})|{number})"
    unit = alternation(v.units)
    singular = alternation([w for w, u in v.units.items() if not w.endswith("s") or w == u])
    qual = alternation(p for p, _ in v.qualifiers)
    lead = r"(?:(?P<for>(?:only\s+)?for|lasting)\s+)?"
    span = r"(?:(?P<span>past|last|next|preceding|previous|coming|first|final|another|further)\s+)?"
    # "nears its four-year mark" lets a determiner follow the qualifier, but "over the past 24
    # hours" is not a lower bound: the span word takes it.
    quals = rf"(?:(?P<qual>{qual})(?:\s+|(?<=~))(?:(?:its|the|their|a|an|his|her)\s+(?!(?:past|last|next|preceding|previous|coming)\b))?)?"
    end = r"(?![\w-])"
    flags = re.IGNORECASE
    return Patterns(
        month_day=re.compile(
            rf"(?<![\w.]){lead_weekday}(?P<month>{month})\s+(?P<day>{day})"
            rf"(?:{day_join}(?P<day2>{day})(?!\s+(?:of\s+)?{month}))?(?:,?\s+(?P<year>{year}))?(?![\d,]\d|\w)"
        ),
        day_month=re.compile(
            rf"(?<![\w.,]){not_after_month}{lead_weekday}(?:the\s+)?(?P<day>{day})(?:{day_join}(?P<day2>{day}))?"
            rf"\s+(?:of\s+)?(?P<month>{month})(?:,?\s+(?P<year>{year}))?(?![\w])"
        ),
        month_year=re.compile(rf"(?<![\w.])(?P<month>{month}),?\s+(?P<year>{year})(?!\w)"),
        weekday=re.compile(
            rf"(?:(?P<mid1>(?:at\s+)?(?:{midnight})\s+(?:on\s+)?))?"
            rf"(?:(?P<rel>last|next|this\s+coming|this|coming|previous)\s+)?(?P<wd>{weekday})(?!\w)"
            rf"(?:\s+(?P<part>{night}|morning|afternoon))?(?:\s+at\s+(?P<mid2>{midnight}))?",
            flags,
        ),
        weekday_range=re.compile(
            rf"(?:(?P<from>from)\s+)?(?P<wd>{weekday})(?:\s+(?P<n1>{night}))?\s*(?:to|-|–|into|through)\s*"
            rf"(?P<wd2>{weekday})(?:\s+(?P<n2>{night}))?(?!\w)",
            flags,
        ),
        day_word=re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", flags),
        duration=re.compile(
            rf"(?<![\w/.,-]){lead}{quals}{span}(?P<num>{num})(?:\s*(?:to|or|-|–|—)\s*(?P<num2>{num}))?(?:\s+|(?<=\d))(?:(?:full|whole|long|straight|consecutive|more|previous)\s+)?"
            rf"(?P<unit>{unit})(?:(?P<old>\s+old\b|[-‐]old\b)|{end})",
            flags,
        ),
        hyphen_duration=re.compile(
            rf"(?<![\w/.,-]){lead}{quals}(?P<num>{num})[-‐](?P<unit>{singular})"
            rf"(?:[-‐](?P<suffix>long|old|olds)\b)?(?![\w-])",
            flags,
        ),
        fixed_duration=re.compile(rf"(?<![\w-]){lead}{quals}(?P<phrase>{alternation(v.fixed_durations)}){end}", flags),
        vague_duration=re.compile(
            rf"(?<![\w-]){lead}(?P<vague>{alternation(v.vague_counts)})\s+(?:more\s+)?(?P<unit>{unit}){end}",
            flags,
        ),
        clock=re.compile(
            r"(?<![\w:.,])(?:(?:[01]?\d|2[0-3])(?::[0-5]\d){1,2}(?:\s*(?:[ap]\.?\s?m\b\.?|hrs\b))?"
            r"|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*[ap]\.?\s?m\b\.?"
            r"|(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|hrs|local\s+time)\b)"
            r"(?:\s*\(?(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|CST|PST|PDT|ET|PT)\b\)?)?",
            flags,
        ),
        year=re.compile(
            rf"(?<![\w,.$£€#])(?P<y>{year})(?P<decade>s)?"
            rf"(?:\s*(?:-|–|to)\s*(?P<y2>{year}|\d\d)(?!\d))?(?![\w%]|[.,]\d)"
        ),
        year_cue=re.compile(rf"(?:^|[^\w])(?:{alternation(v.year_cues)})\s*-?\s*$", flags),
        copyright=re.compile(rf"(?:©|copyright\b)[^\n\d]{{0,60}}?{year}(?!\d)", flags),
        anchor=re.compile(
            rf"(?<!\w)(?:{alternation(list(v.anchors) + list(v.calendar_anchors))})(?!\w)", flags
        ),
        month_keys=tuple(sorted({m[:3] for m in MONTHS})),
        day_keys=("day", "tomorrow"),
        unit_keys=_minimal_keys(list(v.units) + list(v.fixed_durations)),
        role_prep_tail=re.compile(rf"(?<![\w'])(?P<p>{alternation(p for p, _ in v.role_prepositions)})\s+$", flags),
        neutral_tail=re.compile(rf"(?<![\w'])(?P<p>{alternation(v.neutral_prepositions)})\s+$", flags),
        role_phrase=re.compile(rf"(?<![\w'])(?:{alternation(p for p, _ in v.role_phrases)})(?!\w)", flags),
        future_phrase=re.compile(rf"(?<![\w'])(?:{alternation(v.future_words)})(?!\w)", flags),
    )
