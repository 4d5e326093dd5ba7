"""The predicate class of a figure (rules/vocabulary/events.yaml): launched, shot down, forecast...

Without a parser, the verb governing a figure is approximated by the nearest event cue in the
figure's clause, within a window of words; a mood cue (forecast, hypothetical) anywhere before
the figure in its clause wins, because it changes what every verb after it means
("forecasters predicting a further plunge ... as low as minus 26" is a forecast, not a reading).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from auditor.referents.context import Match, PhraseMatcher, Sentence, clause_of
from auditor.resources import vocabulary


@dataclass(frozen=True)
class EventClass:
    name: str
    applies_to: frozenset[str]
    mood: bool
    left: int
    right: int


@lru_cache(maxsize=1)
def _spec() -> dict:
    return vocabulary("events")


@lru_cache(maxsize=1)
def classes() -> dict[str, EventClass]:
    spec = _spec()
    window = spec.get("window") or {}
    out = {}
    for c in spec["classes"]:
        reach = c.get("reach") or {}
        out[c["name"]] = EventClass(
            name=c["name"],
            applies_to=frozenset(c.get("applies_to", ["count"])),
            mood=bool(c.get("mood")),
            left=int(reach.get("left", window.get("left", 10))),
            right=int(reach.get("right", window.get("right", 6))),
        )
    return out


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    return PhraseMatcher({c["name"]: c["cues"] for c in _spec()["classes"]}, verbs=True, plurals=True)


@lru_cache(maxsize=1)
def _breaks() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _spec().get("clause_breaks", []))


@lru_cache(maxsize=1)
def _recurring() -> PhraseMatcher:
    return PhraseMatcher({"recurring": _spec().get("recurring", [])}, verbs=False, plurals=False)


def _cues(text: str) -> tuple[Match, ...]:
    return _matcher().find(text)


def figure_class(kind: str, unit: str) -> str:
    """count, measure, duration or date: which event classes can apply.

    >>> figure_class("quantity", ""), figure_class("quantity", "degree_Celsius"), figure_class("date", "")
    ('count', 'measure', 'date')
    """
    if kind in ("date", "duration"):
        return kind
    return "measure" if unit else "count"


def event_for(sent: Sentence, start: int, end: int, kind: str, phrase_end: int | None = None) -> tuple[str, str]:
    """(event, cue as written) for the figure at [start, end); ("", "") when no cue governs it.

    ``phrase_end`` is where the figure's noun phrase ends: cues inside it name the thing counted,
    not what happened to it ("seven drone attacks" were launched, not attacked).

    >>> from auditor.referents.context import sentence
    >>> s = sentence("Air defences managed to shoot down 38 of the missiles and 412 drones.")
    >>> event_for(s, 56, 59, "count", 66)
    ('shot down', 'shoot down')
    """
    toks = sent.tokens
    if not toks:
        return "", ""
    own_end = max(end, phrase_end or end)
    i, j = sent.token_span(start, own_end)
    breaks = _breaks()
    table = classes()
    mood_reach = int(_spec().get("mood_reach", 25))
    best: tuple[int, int, Match] | None = None
    mood: tuple[int, Match] | None = None
    subject: Match | None = None
    for m in _cues(sent.text):
        cls = table.get(m.label)
        if cls is None or kind not in cls.applies_to:
            continue
        if m.end <= start:
            between = [t for t in toks[:i] if t.start >= m.end]
            side, limit = 0, cls.left
        elif m.start >= own_end:
            between = [t for t in toks[j:] if t.end <= m.start]
            side, limit = 1, cls.right
        else:
            continue
        if any(t.lower in breaks for t in between):
            continue
        if side == 1 and _crosses_other_figure(between):
            continue  # "Of the 12 members, 10 voted": "voted" is about the 10
        if side == 1 and subject is None and not cls.mood and _is_own_verb(between, m):
            subject = m
        distance = len(between)
        if cls.mood and side == 0 and distance <= mood_reach:
            if mood is None or distance < mood[0]:
                mood = (distance, m)
            continue
        if distance > limit:
            continue
        if side == 0 and any(t.lower in ("and", "or") for t in between):
            # "367 were killed and 1,881 people were injured": a verb before a coordinator
            # belongs to the first conjunct; one right after the figure is its own.
            distance += 3
        rank = (distance, side)
        if best is None or rank < best[:2]:
            best = (distance, side, m)
    if mood is not None:
        return mood[1].label, mood[1].text
    if subject is not None:
        # "two had died, 181 were transported to hospitals": a figure that is the subject of
        # its own verb is about that verb, whatever cue the clause before it ends on.
        return subject.label, subject.text
    if best is not None:
        return best[2].label, best[2].text
    return "", ""


@lru_cache(maxsize=1)
def _links() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _spec().get("subject_links", []))


def people_events() -> frozenset[str]:
    """Events only people undergo (events.yaml ``people_events``): killed, injured, hospitalized..."""
    return frozenset(str(e) for e in _spec().get("people_events", []))


def _is_own_verb(between: list, cue: Match) -> bool:
    """The cue after a figure is the figure's own verb: only auxiliaries stand between them,
    and at least one is there ("181 were transported", "60 remain unaccounted for"); a cue right
    after the figure with no auxiliary ("412 drones launched by Russia") may be a reduced
    relative clause and proves nothing."""
    links = _links()
    if not all(t.lower in links for t in between):
        return False
    return bool(between) or cue.text.split()[0].lower() in links


def _crosses_other_figure(between: list) -> bool:
    """A number stands between the figure and a cue after it, other than one coordinated with
    the figure ("111 attack drones and one missile launched from ...")."""
    for k, t in enumerate(between):
        if t.text[:1].isdigit():
            prev = between[k - 1].lower if k > 0 else ""
            if prev not in ("and", "or"):
                return True
    return False


def is_recurring(sent: Sentence, start: int, end: int) -> bool:
    """"hundreds of drones in near-daily attacks": a pattern over many nights, not one night.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("Moscow sends hundreds of drones in near-daily attacks; 111 came overnight.")
    >>> is_recurring(s, 13, 21), is_recurring(s, 55, 58)
    (True, False)
    """
    lo, hi = clause_of(sent, start, end)
    return any(lo <= m.start and m.end <= hi for m in _recurring().find(sent.text))
