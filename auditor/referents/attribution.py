"""Who says a figure (rules/vocabulary/attribution.yaml): "according to X", "X said", "said X".

The speaker is read by walking back from the speech verb over the words of its subject
("Kremlin spokesman Dmitry Peskov indicated"), jumping over an appositive between commas
("Trump, speaking during a Cabinet meeting, said"). A titled person is shortened to the surname
("Peskov") so that outlets that write the title differently still agree on who said it.
"""

from __future__ import annotations

import calendar

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas

from auditor.referents.context import Match, PhraseMatcher, Sentence, Token

_PUNCT = re.compile(r"^[^\w']+$")
_QUOTES = frozenset('"\'')


@dataclass(frozen=True)
class Attribution:
    name: str  # as it goes into Claim.attribution ("Peskov", "Ukraine's air force")
    start: int  # span of the speaker in the sentence, so places inside it are not the figure's
    end: int
    pronoun: bool = False  # "he said": to be resolved from the paragraph


@lru_cache(maxsize=1)
def _spec() -> dict:
    from auditor.resources import vocabulary

    return vocabulary("attribution")


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    spec = _spec()
    return {k: frozenset(str(w).lower() for w in spec.get(k, [])) for k in
            ("subject_stops", "skip_before_verb", "pronouns", "organisation_words", "roles", "noun_like",
             "contrast")}


@lru_cache(maxsize=1)
def _verbs() -> PhraseMatcher:
    """Past forms and, unless the verb is noun-like, the -s form: "said", "says", "claimed"."""
    noun_like = _sets()["noun_like"]
    forms: set[str] = set()
    for lemma in _spec().get("speech_verbs", []):
        infl = getAllInflections(lemma, upos="VERB")
        wanted = ("VBD", "VBN") if lemma in noun_like else ("VBD", "VBN", "VBZ")
        for tag in wanted:
            forms.update(infl.get(tag, ()))
        if not infl:
            forms.add(lemma)
    participles = {str(w).lower() for w in _spec().get("participle_verbs", [])}
    return PhraseMatcher({"speech": sorted(forms), "participle": sorted(participles)}, verbs=False,
                         plurals=False)


@lru_cache(maxsize=1)
def _sources() -> PhraseMatcher:
    return PhraseMatcher({"source": _spec().get("source_phrases", [])}, verbs=False, plurals=False)


def attribution_in(sent: Sentence, start: int) -> Attribution | None:
    """The source the sentence gives for a figure at ``start``; None if it names none.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("Yet, Kremlin spokesman Dmitry Peskov indicated that this pause was slated to end.")
    >>> attribution_in(s, 60).name
    'Peskov'
    >>> s = sentence("Russia launched 450 drones, according to Ukraine's air force.")
    >>> attribution_in(s, 16).name
    "Ukraine's air force"
    >>> s = sentence("The weather bureau had a lower reading, saying winds were 147 mph.")
    >>> attribution_in(s, 58).name
    'weather bureau'
    >>> attribution_in(sentence("Russia launched 450 drones overnight, saying nothing."), 16) is None
    True
    >>> attribution_in(sentence("The hike of 75 points was announced Wednesday."), 12) is None
    True
    """
    lo, hi = _contrast_side(sent, start)
    found = [a for a in (_after_source(sent, m) for m in _sources().find(sent.text) if lo <= m.start < hi) if a]
    if found:
        return min(found, key=lambda a: abs(a.start - start))
    candidates = []
    for m in _verbs().find(sent.text):
        if not lo <= m.start < hi:
            continue
        a = _speaker_of(sent, m)
        if a:
            candidates.append((abs(m.start - start), a))
    if not candidates:
        return None
    named = [c for c in candidates if not c[1].pronoun]
    return min(named or candidates, key=lambda c: c[0])[1]


def _contrast_side(sent: Sentence, start: int) -> tuple[int, int]:
    """The side of a contrast (", while", ", whereas") that holds ``start``: "X, the CGT claimed,
    while the ministry counted Y" sets two sources against each other, so neither speaks for
    the other side's figure.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("Unions claimed 2 million, while police counted 900,000.")
    >>> s.text[slice(*_contrast_side(s, 47))]
    ' police counted 900,000.'
    """
    lo, hi = 0, len(sent.text)
    words = _sets()["contrast"]
    toks = sent.tokens
    for k in range(1, len(toks)):
        if toks[k].lower in words and toks[k - 1].text in (",", ";"):
            if toks[k].end <= start:
                lo = toks[k].end
            elif toks[k].start >= start:
                hi = toks[k - 1].start
                break
    return lo, hi


def _index(sent: Sentence, offset: int) -> int:
    for k, t in enumerate(sent.tokens):
        if t.start >= offset:
            return k
    return len(sent.tokens)


def _after_source(sent: Sentence, m: Match) -> Attribution | None:
    """"according to the Ukrainian air force" -> "Ukrainian air force"."""
    k = _index(sent, m.end)
    return _phrase(sent, _collect(sent.tokens, k, step=1))


def _speaker_of(sent: Sentence, m: Match) -> Attribution | None:
    toks = sent.tokens
    v = _index(sent, m.start)
    sets = _sets()
    if m.label == "participle":
        # "The local weather bureau had a lower reading, saying ...": the sentence's subject speaks.
        if v == 0 or toks[v - 1].text != ",":
            return None
        words = _collect(toks, 0, step=1)
        if words and all(w.text[:1].isupper() for w in words if w.text != "'s"):
            return _phrase(sent, words)
        # "The weather service gave a lower reading, saying": the subject ends at its head noun.
        heads = [k for k, w in enumerate(words) if w.lower in sets["organisation_words"] or w.lower in sets["roles"]]
        return _phrase(sent, words[:heads[0] + 1]) if heads else None
    k = v - 1
    if k >= 0 and toks[k].text == ")":
        # "The US Geological Survey (USGS) reported": the abbreviation restates the speaker.
        opening = next((j for j in range(k - 1, max(-1, k - 6), -1) if toks[j].text == "("), None)
        if opening is not None:
            k = opening - 1
    while k >= 0 and toks[k].lower in sets["skip_before_verb"]:
        k -= 1
    if k >= 0 and toks[k].text == ",":
        # "Trump, speaking during a Cabinet meeting, said" or "..., Zelensky said" after a quote
        k = _before_appositive(toks, k)
    if k >= 1 and toks[k].lower in ("which", "who") and toks[k - 1].text == ",":
        k -= 2  # "the Joint Typhoon Warning Center, which said ...": the antecedent speaks
    if k >= 0 and not _PUNCT.match(toks[k].text) and toks[k].lower not in sets["subject_stops"]:
        words = _collect(toks, k, step=-1)
        if words and _is_adjunct(words, toks):
            # "the Center shortly before Typhoon Haiyan's landfall said": skip the time phrase
            j = toks.index(words[0]) - 2 if toks.index(words[0]) >= 2 else -1
            while j >= 0 and (toks[j].lower.endswith("ly") or toks[j].lower in sets["skip_before_verb"]):
                j -= 1
            further = _collect(toks, j, step=-1) if j >= 0 and not _PUNCT.match(toks[j].text) else []
            if further:
                words = further
        if words:
            return _phrase(sent, words)
    # '"...," said Kostiantyn, a pensioner' and "confirmed by the Kremlin"
    after = v + 1
    if after < len(toks) and toks[after].lower == "by":
        after += 1
    if after < len(toks) and toks[after].lower in _CALENDAR:
        return None  # "was announced Wednesday": a date, not a speaker
    if after < len(toks) and (toks[after].text[:1].isupper() or toks[after].lower == "the"):
        return _phrase(sent, _collect(toks, after, step=1))
    return None


_CALENDAR = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)
_ADJUNCT_PREPOSITIONS = frozenset("before after during since until at in on".split())


def _is_adjunct(words: list[Token], toks: tuple[Token, ...]) -> bool:
    """Whether the words walked back over are a time phrase's object, not a speaker: they follow
    a temporal preposition and end in a common noun ("before Typhoon Haiyan's landfall")."""
    k = toks.index(words[0])
    if k == 0 or toks[k - 1].lower not in _ADJUNCT_PREPOSITIONS:
        return False
    last = words[-1]
    sets = _sets()
    return last.text[:1].islower() and last.lower not in sets["organisation_words"] and last.lower not in sets["roles"]


def _before_appositive(toks: tuple[Token, ...], comma: int) -> int:
    """Index of the word before an appositive that ends at ``comma``; the comma itself if none."""
    for k in range(comma - 1, max(-1, comma - 12), -1):
        if toks[k].text in _QUOTES or toks[k].text in ".;:":
            return comma
        if toks[k].text == ",":
            return k - 1
    return comma


def _collect(toks: tuple[Token, ...], k: int, step: int) -> list[Token]:
    """The speaker's words from token ``k`` walking by ``step`` until a stop word or punctuation."""
    sets = _sets()
    limit = int(_spec().get("max_words", 6))
    words: list[Token] = []
    while 0 <= k < len(toks) and len(words) < limit:
        t = toks[k]
        if t.text == "'s" or (not _PUNCT.match(t.text) and t.lower not in sets["subject_stops"]):
            words.append(t)
        elif t.lower == "the" and step == 1 and not words:
            pass
        else:
            break
        k += step
    if step < 0:
        words.reverse()
    while words and words[0].lower in ("the", "a", "an", "'s"):
        words.pop(0)
    while words and words[-1].text == "'s":
        words.pop()
    return words


def _phrase(sent: Sentence, words: list[Token]) -> Attribution | None:
    if not words:
        return None
    sets = _sets()
    start, end = words[0].start, words[-1].end
    if len(words) == 1 and words[0].lower in sets["pronouns"]:
        return Attribution(words[0].lower, start, end, pronoun=True)
    # A source is named (a capitalised word) or is a group that speaks ("officials said",
    # "military bloggers claimed"); "the predicted path" or "its reports" are not sources.
    named = any(w.text[:1].isupper() for w in words)
    group = words[-1].lower in sets["organisation_words"] or words[-1].lower in sets["roles"] \
        or words[-1].lower.rstrip("s") in sets["roles"]
    if not (named or group):
        return None
    return Attribution(canonical_speaker(sent.text[start:end]), start, end)


def canonical_speaker(phrase: str) -> str:
    """One name per speaker: titled and full personal names shortened to the surname.

    >>> canonical_speaker("Kremlin spokesman Dmitry Peskov"), canonical_speaker("Donald Trump")
    ('Peskov', 'Trump')
    >>> canonical_speaker("the Ukrainian Air Force"), canonical_speaker("Russian military bloggers")
    ('Ukrainian Air Force', 'Russian military bloggers')
    """
    sets = _sets()
    words = phrase.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    if not words:
        return ""
    lows = [w.lower().strip(",.") for w in words]
    after_role = _after_last_role(lows)
    if 0 < after_role < len(words):
        rest = words[after_role:]
        if all(w[:1].isupper() for w in rest):
            return rest[-1]
    if any(w in sets["organisation_words"] for w in lows):
        return " ".join(words)
    # "Volodymyr Zelensky", "former meteorologist Jeff Masters" -> the surname, when the name
    # ends the phrase and its first word is not an English word ("Federal Reserve" stays whole).
    run = 0
    while run < len(words) and words[-1 - run][:1].isupper() and "'" not in words[-1 - run]:
        run += 1
    if run >= 2 and not getAllLemmas(lows[-run]):
        from auditor.referents.places import gazetteer

        if " ".join(lows[-run:]) not in gazetteer():
            return words[-1]
    return " ".join(words)


@lru_cache(maxsize=1)
def _roles() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(r.lower().split()) for r in _spec().get("roles", [])), key=len, reverse=True))


def _after_last_role(lows: list[str]) -> int:
    """Index of the first word after the last title ("U.S. Secretary of State Marco Rubio" -> 4)."""
    best = 0
    for k in range(len(lows)):
        for role in _roles():
            if tuple(lows[k : k + len(role)]) == role:
                best = max(best, k + len(role))
                break
    return best
