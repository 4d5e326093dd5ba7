"""Referents: what each figure is about — noun, place, time, event, attribution.

``resolve_referents`` fills, for each claim, the fields the grouping stage blocks and compares
on. It reads only the claim's sentence (and, for the speaker and the time, the sentences of its
paragraph), so it stays a pure function of one article. All vocabulary is data in
``rules/vocabulary/`` (nouns, events, properties, attribution, places).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from auditor.model import Article, Claim
from auditor.referents.attribution import Attribution, attribution_in
from auditor.referents.context import Sentence, sentence
from auditor.referents.events import event_for, figure_class, is_recurring, people_events
from auditor.referents.nouns import (SCALE_READING, Referent, canonical_noun, counted_noun, measured_property,
                                     timed_referent)
from auditor.referents.places import place_for
from auditor.referents.timeanchor import time_anchor
from auditor.text import sentence_spans

__all__ = ["resolve_referents", "canonical_noun"]


@dataclass(frozen=True)
class _Paragraphs:
    """Sentence spans of an article grouped by paragraph (a run of text between line breaks)."""

    spans: tuple[tuple[int, int], ...]
    paragraph: tuple[int, ...]  # paragraph number of each sentence

    @classmethod
    def of(cls, text: str) -> "_Paragraphs":
        spans = sentence_spans(text)
        numbers, n, last_end = [], 0, 0
        for a, b in spans:
            if "\n" in text[last_end:a]:
                n += 1
            numbers.append(n)
            last_end = b
        return cls(spans, tuple(numbers))

    def index_of(self, start: int) -> int | None:
        for k, (a, b) in enumerate(self.spans):
            if a <= start < b:
                return k
        return None

    def neighbours(self, k: int) -> list[int]:
        """Other sentences of sentence k's paragraph, nearest first, earlier before later."""
        same = [i for i, p in enumerate(self.paragraph) if p == self.paragraph[k] and i != k]
        return sorted(same, key=lambda i: (abs(i - k), i > k))


def resolve_referents(article: Article, claims: Sequence[Claim]) -> list[Claim]:
    """The claims with noun, place, time, event, attribution and modifiers filled in.

    A claim that cannot be read is returned unchanged with a note, never raised: one odd
    sentence must not cost the article its other figures.
    """
    paragraphs = _Paragraphs.of(article.text)
    out = []
    for claim in claims:
        try:
            out.append(_resolve(article, claim, paragraphs))
        except Exception as exc:  # a bug on one figure must not lose the article
            out.append(dataclasses.replace(claim, notes=claim.notes + (f"referents not read: {type(exc).__name__}: {exc}",)))
    return _bare_counts_resolved(_others_resolved(_same_as_converted(out)), article.text)


@lru_cache(maxsize=1)
def _needs_place() -> frozenset[str]:
    from auditor.resources import vocabulary

    return frozenset(vocabulary("properties").get("needs_place", []))


FIXED = "fixed"  # prefix of a distance between two places, which does not change over time

_APPROXIMATE = frozenset("about some around nearly almost roughly approximately just".split())


def _describes_a_place(sent: Sentence, start: int) -> bool:
    """"Ludian county, about 370 kilometres northeast of Kunming": a distance set off by a comma
    after a noun says where that place is, which does not change (unlike "it was 130 miles from
    Guiuan", a storm on the move).

    >>> from auditor.referents.context import sentence
    >>> _describes_a_place(sentence("The quake hit Ludian county, about 370 km northeast of Kunming."), 35)
    True
    >>> _describes_a_place(sentence("At 2 pm it was 130 miles from Guiuan."), 15)
    False
    """
    k = sent.token_span(start, start + 1)[0] - 1
    while k >= 0 and sent.tokens[k].lower in _APPROXIMATE:
        k -= 1
    return k >= 1 and sent.tokens[k].text == "," and sent.tokens[k - 1].text[:1].isalpha()


def _participle_event(ref: Referent) -> str:
    written = ref.written.strip().lower()
    if not written or " " in written or _is_plural_noun(written):
        # "10 fires" counts fires: a plural noun is the thing counted, never a state ("10 dead").
        return ""
    from auditor.referents.events import _matcher, classes

    for m in _matcher().find(written):
        if m.start == 0 and m.end == len(written) and "count" in classes()[m.label].applies_to:
            return m.label
    return ""


def _is_plural_noun(word: str) -> bool:
    """"fires", "strikes": a noun in the plural (not "dead", "injured", "missing").

    >>> _is_plural_noun("fires"), _is_plural_noun("dead"), _is_plural_noun("injured")
    (True, False, False)
    """
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word).get("NOUN", ())
    return bool(lemmas) and word not in lemmas and word.endswith("s")


def _state_in_noun(ref: Referent) -> tuple[str, str]:
    """(event, word) when a word before the head of the counted noun is a people event
    ("uninjured person", "injured passenger"); ("", "") otherwise."""
    words = ref.noun.split()
    if len(words) < 2:
        return "", ""
    for w in words[:-1]:
        found = _participle_event(Referent("", written=w))
        if found in people_events():
            return found, w
    return "", ""


def _others_resolved(claims: list[Claim]) -> list[Claim]:
    """"381 people dead and 1,801 others injured": "others" are more of the noun counted
    just before, in the same sentence."""
    out: list[Claim] = []
    for c in claims:
        if c.noun == "other":
            before = [p for p in out if p.sentence_start == c.sentence_start and p.sentence == c.sentence
                      and p.end <= c.start and p.kind == "quantity" and p.noun and p.noun != "other"]
            noun = before[-1].noun if before else ""
            c = dataclasses.replace(c, noun=noun, notes=c.notes + (f"'others' read as more of: {noun or '?'}",))
        out.append(c)
    return out


def _bare_counts_resolved(claims: list[Claim], text: str = "") -> list[Claim]:
    """What a figure written without a noun counts, from the sentence around it.

    - "Of the 12 members on the committee, 10 voted for": the noun of the figure before it;
    - "two were confirmed dead", "49 in critical condition": an event only people undergo
      counts people (events.yaml ``people_events``);
    - "put the number of protesters at 1.2 million": the noun of "number of";
    - "1.2 million, including 80,000 in Paris": a part of the nearest earlier figure that can
      hold it (not smaller than the part), whose noun it takes;
    - "raise the age from 62 to 64": a change has its own construction and takes no noun.
    """
    out: list[Claim] = []
    for c in claims:
        same = [p for p in out if p.sentence_start == c.sentence_start and p.sentence == c.sentence
                and p.end <= c.start and p.kind == "quantity" and not p.unit]
        including = _is_including(c, text)
        whole = _including_whole(c, same, text) if including else None
        if whole is not None:
            c = dataclasses.replace(c, part_of=c.part_of or whole.id,
                                    notes=c.notes + (f"part of {whole.surface!r} ('including')",))
        if c.event in people_events() and c.kind == "quantity" and not c.unit and (not c.noun or c.noun == "other"):
            people = [p for p in same if _is_people(p.noun)]
            if people:
                c = dataclasses.replace(c, noun=people[-1].noun, notes=c.notes + (f"more of: {people[-1].noun}",))
            elif not c.place:
                # "two were confirmed dead": people. With a place of its own ("504 were in Ludian
                # County") it is a local toll whose whole the sentence does not name: left alone.
                c = dataclasses.replace(c, noun="person", notes=c.notes + (f"counts people: '{c.event}'",))
            continue_bare = False
        else:
            continue_bare = True
        if continue_bare and c.kind == "quantity" and not c.unit and not c.noun and c.qualifier != "vague" \
                and _is_bare(c) and not _is_change(c, text):
            if whole is not None and whole.noun:
                noun, how = whole.noun, "part of a whole"
            else:
                noun, how = _number_of(c), "'number of'"
                if not noun and not including:
                    before = [p for p in same if p.noun]
                    noun, how = (before[-1].noun, "bare count read as more of") if before else ("", "")
            if noun:
                c = dataclasses.replace(c, noun=noun, notes=c.notes + (f"{how}: {noun}",))
        out.append(c)
    return out


_INCLUDING = re.compile(r"(?:,|\()\s*(?:including|of which|of whom|among them)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _including_whole(claim: Claim, earlier: list[Claim], text: str) -> Claim | None:
    """The whole an "including" figure is a part of: the nearest earlier count of the sentence
    that is not smaller than it ("200 marches ... including 400,000 in Paris" is a part of
    "two million people", not of the 200 marches).

    >>> w = Claim("w", "a", "1.2 million", 0, 11, "", value=1.2e6, kind="quantity", noun="protester")
    >>> p = Claim("p", "a", "80,000", 23, 29, "", value=8e4, kind="quantity")
    >>> _including_whole(p, [w], "1.2 million, including 80,000 in Paris").id
    'w'
    >>> _including_whole(p, [w], "1.2 million and 80,000 in Paris") is None
    True
    """
    if claim.kind != "quantity" or claim.unit or not isinstance(claim.value, (int, float)):
        return None
    if not _is_including(claim, text):
        return None
    for whole in reversed(earlier):
        if isinstance(whole.value, (int, float)) and whole.value >= claim.value and whole is not claim:
            return whole
    return None


def _is_including(claim: Claim, text: str) -> bool:
    """"..., including around 400,000 in Paris": the figure is a part of something before it."""
    return bool(_INCLUDING.search(text[max(0, claim.start - 40):claim.start]))


_NUMBER_OF = re.compile(r"\bnumber of ([a-z][a-z-]+)", re.IGNORECASE)


def _number_of(claim: Claim) -> str:
    """"The ministry put the total number of protesters at 1.2 million": the noun of "number of"
    earlier in the sentence, when only one is there.

    >>> _number_of(Claim("c", "a", "1.2 million", 49, 60, "Police put the number of protesters "
    ...                  "marching at 1.2 million.", sentence_start=0))
    'protester'
    """
    offset = claim.start - claim.sentence_start
    found = _NUMBER_OF.findall(claim.sentence[:max(0, offset)])
    if len(found) != 1:
        return ""
    return canonical_noun(found[0])[0]


_CHANGE = re.compile(r"\bfrom\s+(?:\S+\s+to\s+)?$", re.IGNORECASE)


def _is_change(claim: Claim, text: str) -> bool:
    """"raise the retirement age from 62 to 64": a from/to change of something named before
    "from", never more of the count before it.

    >>> _is_change(Claim("c", "a", "from 62 to 64", 10, 23, ""), "")
    True
    >>> _is_change(Claim("c", "a", "64", 20, 22, ""), "raise it from 62 to 64")
    True
    >>> _is_change(Claim("c", "a", "64", 13, 15, ""), "62 marched to 64")
    False
    """
    if claim.surface.lower().startswith("from "):
        return True
    return bool(_CHANGE.search(text[max(0, claim.start - 24):claim.start]))


def _is_bare(claim: Claim) -> bool:
    # The figure ends the surface: "10", "seven", "nearly 2,000", "1.2 million" (not "10 of them").
    words = claim.surface.split()
    return bool(words) and (any(ch.isdigit() for ch in words[-1]) or len(words) == 1
                            or words[-1].lower() in _SCALES)


_SCALES = frozenset("hundred thousand million billion trillion".split())


def _is_people(noun: str) -> bool:
    from auditor.resources import vocabulary

    return bool(noun) and noun.split()[-1] in set(vocabulary("nouns").get("people_nouns", []))


def _same_as_converted(claims: list[Claim]) -> list[Claim]:
    """"315 kph (195 mph)": a conversion is about what the figure it restates is about, whatever
    cue happens to stand nearer to the parenthesis."""
    by_id = {c.id: c for c in claims}
    out = []
    for c in claims:
        src = by_id.get(c.converts) if c.converts else None
        if src is not None and src is not c:
            c = dataclasses.replace(c, noun=src.noun, event=src.event, place=c.place or src.place,
                                    attribution=c.attribution or src.attribution)
        out.append(c)
    return out


def _locate(article: Article, claim: Claim) -> tuple[str, int]:
    """The claim's sentence and its offset, re-found in the text if the claim's copy is stale."""
    text = article.text
    if claim.sentence and text[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence \
            and claim.sentence_start <= claim.start <= claim.sentence_start + len(claim.sentence):
        return claim.sentence, claim.sentence_start
    for a, b in sentence_spans(text):
        if a <= claim.start < b:
            return text[a:b], a
    if claim.sentence and claim.surface and claim.surface in claim.sentence:
        return claim.sentence, claim.start - claim.sentence.index(claim.surface)
    return claim.sentence or claim.surface, claim.start


def _resolve(article: Article, claim: Claim, paragraphs: _Paragraphs) -> Claim:
    raw, offset = _locate(article, claim)
    sent = sentence(raw)
    start = min(max(0, claim.start - offset), len(raw))
    end = min(max(start, claim.end - offset), len(raw))
    fclass = figure_class(claim.kind, claim.unit)
    notes: list[str] = []

    ref, phrase_end = _referent(sent, start, end, claim, fclass)
    if ref.how == SCALE_READING:
        # "a magnitude of 6.1" measures the quake; "killed" or "damaged" nearby is not its event.
        fclass = "measure"
    participle = _participle_event(ref) if fclass == "count" else ""
    if participle:
        # "1,891 injured", "10 dead": the figure counts people, and the word is the event.
        ref = dataclasses.replace(ref, noun="person", how=f"people who are '{ref.written}'")
    state = _state_in_noun(ref) if fclass == "count" and not participle else ""
    if state:
        # "123 other uninjured people": the adjective is what happened to them, not a kind of person.
        kept = " ".join(w for w in ref.noun.split() if w != state[1])
        ref = dataclasses.replace(ref, noun=kept, how=f"people who are '{state[1]}'")
        participle = state[0]
    if ref.how:
        notes.append(f"referent: {ref.how}")
    if ref.written and ref.written.lower() != ref.noun:
        notes.append(f"noun as written: {ref.written}")

    event = claim.event
    if ref.how == SCALE_READING:
        # A quake's magnitude is a property of the quake: nothing happens to it ("is expecting",
        # "killed" nearby are about the region and the people).
        pass
    elif fclass != "date" or not event:
        found, cue = event_for(sent, start, end, fclass, phrase_end)
        if found:
            event = found
            notes.append(f"event cue: {cue}")
        elif fclass != "date":
            event = claim.event

    if participle:
        event = participle
    recurring = fclass == "count" and is_recurring(sent, start, end)
    if recurring:
        # A habitual pattern ("hundreds of drones in near-daily attacks") is not one night's
        # figure: a different event class keeps it out of the night's group.
        event = f"{event} (recurring)" if event else "recurring"

    said = attribution_in(sent, start)
    k = paragraphs.index_of(claim.start)
    quoted = '"' in sent.text
    if k is not None and ((said is None and quoted) or (said is not None and said.pronoun)):
        # A quote's speaker or "he" is named in a neighbouring sentence of the paragraph.
        said = _from_paragraph(article.text, paragraphs, k)
    speaker = said.name if said and not said.pronoun else ""
    if ref.noun == "announcement" and speaker:
        # Different people state things on different days: a statement's date is only
        # comparable with the same speaker's ("Trump said on Thursday" vs "the Kremlin on Friday").
        ref = dataclasses.replace(ref, noun=f"announcement by {speaker}")
    excluded = ((said.start, said.end),) if said and _in_sentence(said, raw) else ()
    place, partial = place_for(sent, start, end, excluded + _parts_after(sent.text, end), measure=fclass == "measure")
    if fclass == "measure" and ref.noun in _needs_place():
        # "370 kilometres northeast of Kunming" and "130 miles from Guiuan" are different distances.
        head = f"{FIXED} {ref.noun}" if place and _describes_a_place(sent, start) else ref.noun
        ref = dataclasses.replace(ref, noun=f"{head} from {place}" if place else "")

    time = claim.time or time_anchor(raw, article.published)
    if not time and k is not None and fclass != "date":
        time = _time_from_paragraph(article, paragraphs, k)
        if time:
            notes.append("time from an earlier sentence of the paragraph")

    modifiers = list(claim.modifiers)
    seen = {m.lower() for m in modifiers}
    extra = ref.modifiers + ((partial,) if partial else ()) + (("recurring",) if recurring else ())
    for m in extra:
        if m and m.lower() not in seen and m.lower() != ref.noun:
            modifiers.append(m)
            seen.add(m.lower())
    return dataclasses.replace(
        claim,
        noun=ref.noun or claim.noun,
        place=place or claim.place,
        time=time or None,
        event=event,
        attribution=speaker or claim.attribution,
        modifiers=tuple(modifiers),
        notes=claim.notes + tuple(notes),
    )


def _referent(sent: Sentence, start: int, end: int, claim: Claim, fclass: str) -> tuple[Referent, int]:
    """The referent and where the figure's own noun phrase ends."""
    if fclass == "count":
        ref = counted_noun(sent, start, end, claim.noun)
        return ref, _phrase_end(sent, end, ref)
    if fclass == "measure":
        return measured_property(sent, start, end, claim.dimension, claim.unit), end
    ref = timed_referent(sent, start, end, fclass)
    given = claim.noun.strip()
    if given and (not ref.noun or ref.how.startswith("nearest")) and given != "age":
        noun, mods = canonical_noun(given)
        return Referent(noun, mods, given, "extractor noun"), end
    if given == "age":
        return Referent("age", (ref.noun,) if ref.noun else (), "", "age of a person or thing"), end
    return ref, end


_PART_AFTER = re.compile(r"\s*[^,;.()]{0,30}?[,(]\s*(?:including|of which|of whom|among them)\b(?:[^,;)]|,(?=\d))*", re.IGNORECASE)


def _parts_after(text: str, end: int) -> tuple[tuple[int, int], ...]:
    """The span of an "including ..." part right after a figure: "1.2 million, including 80,000
    in Paris" is not a figure for Paris.

    >>> t = "Police counted 1.2 million, including 80,000 in Paris, on Thursday."
    >>> [t[a:b] for a, b in _parts_after(t, 26)]
    [', including 80,000 in Paris']
    """
    m = _PART_AFTER.match(text, end)
    return ((m.start(), m.end()),) if m else ()


def _phrase_end(sent: Sentence, end: int, ref: Referent) -> int:
    if not ref.written:
        return end
    at = sent.text.find(ref.written, max(0, end - len(ref.written) - 40))
    return max(end, at + len(ref.written)) if at >= 0 else end


def _in_sentence(said: Attribution, raw: str) -> bool:
    return 0 <= said.start < said.end <= len(raw)


def _from_paragraph(text: str, paragraphs: _Paragraphs, k: int) -> Attribution | None:
    """The nearest named speaker in the same paragraph ("he said" or the paragraph's quote)."""
    for i in paragraphs.neighbours(k):
        a, b = paragraphs.spans[i]
        found = attribution_in(sentence(text[a:b]), 0)
        if found and not found.pronoun:
            # Its span points into another sentence: keep only the name.
            return Attribution(found.name, -1, -1)
    return None


def _time_from_paragraph(article: Article, paragraphs: _Paragraphs, k: int) -> str | None:
    """News carries a time forward: "On Monday night Russia launched 450 drones. Air defences
    shot down 412." The second figure is about Monday night too. Earlier sentences only."""
    for i in range(k - 1, -1, -1):
        if paragraphs.paragraph[i] != paragraphs.paragraph[k]:
            break
        a, b = paragraphs.spans[i]
        found = time_anchor(article.text[a:b], article.published)
        if found:
            return found
    return None
