"""What a figure counts or measures, as a canonical name (rules/vocabulary/nouns.yaml and
properties.yaml).

Three readings, one per kind of figure:

- a count ("450 attack drones"): the counted noun phrase, singular, mapped through the synonyms
  and stripped of descriptive modifiers ("drone");
- a measure ("minus 26 degrees Celsius"): the measured property, from the dimension and cue words
  nearby ("temperature"; "wind gust" when "gusts" is near a speed);
- a date or a duration ("until February 1", "for a week"): the thing whose date or length it is,
  the nearest timed referent in the sentence ("this pause was slated to conclude by Sunday" ->
  "truce"), or the noun the duration qualifies ("three-day ceasefire", "four years of war").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getLemma

from auditor.referents.context import Match, PhraseMatcher, Sentence, clause_of
from auditor.resources import vocabulary

_DETERMINERS = frozenset("the a an these those this that its their his her our your my of".split())
_NUMBERISH = re.compile(r"^(?:\d[\d.,]*|[\d.,]+(?:mn|bn|m|k|tn)|minus|plus)$", re.IGNORECASE)
_PUNCT = re.compile(r"^[^\w']+$")


@dataclass(frozen=True)
class Referent:
    noun: str
    modifiers: tuple[str, ...] = ()
    written: str = ""  # the phrase as the text has it, for the report
    how: str = ""  # which rule found it, for Claim.notes


@lru_cache(maxsize=1)
def _spec() -> dict:
    return vocabulary("nouns")


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Every known way of writing a referent (singular, lower case) -> its canonical name."""
    out: dict[str, str] = {}
    for canonical, others in (_spec().get("synonyms") or {}).items():
        out.setdefault(str(canonical), str(canonical))
        for o in others or ():
            out.setdefault(str(o).lower(), str(canonical))
    return out


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    spec = _spec()
    numbers = vocabulary("numbers")
    number_words = set((numbers.get("units") or {}).keys()) | set((numbers.get("tens") or {}).keys())
    number_words |= set((numbers.get("scales") or {}).keys()) | set((numbers.get("magnitudes") or {}).keys())
    vague = {w for phrase in (vocabulary("vague") or {}) for w in str(phrase).split()}
    return {
        "descriptive": frozenset(spec.get("descriptive_modifiers", [])),
        "plural_only": frozenset(spec.get("plural_only", [])),
        "window": frozenset(spec.get("window_words", [])),
        "span": frozenset(spec.get("span_nouns", [])),
        "rounds": frozenset(spec.get("rounds", [])),
        "stops": frozenset(spec.get("phrase_stops", [])),
        "not_referents": frozenset(spec.get("not_referents", [])),
        "numbers": frozenset(str(w).lower() for w in number_words | vague) - {"of"},
    }


def singular(word: str) -> str:
    """The singular of a noun, leaving plural-only nouns alone.

    >>> singular("buildings"), singular("children"), singular("talks"), singular("high-rises")
    ('building', 'child', 'talks', 'high-rise')
    """
    low = word.lower()
    if low in _sets()["plural_only"]:
        return low
    head, sep, last = low.rpartition("-")
    if len(last) < 3:
        return low
    lemma = getLemma(last, upos="NOUN", lemmatize_oov=True)
    return head + sep + (lemma[0] if lemma else last)


def is_plural(word: str) -> bool:
    low = word.lower()
    return low in _sets()["plural_only"] or singular(low) != low


def canonical_noun(phrase: str) -> tuple[str, tuple[str, ...]]:
    """Canonical referent of a noun phrase and the modifiers left out of it.

    >>> canonical_noun("residential high-rise buildings")
    ('high-rise building', ('residential',))
    >>> canonical_noun("attack drones"), canonical_noun("drone strikes")
    (('drone', ('attack',)), ('drone attack', ()))
    >>> canonical_noun("tariff pause"), canonical_noun("new partial ceasefire")
    (('tariff truce', ()), ('truce', ('new',)))
    >>> canonical_noun("ballistic and cruise missiles")
    ('missile', ('ballistic', 'cruise'))
    """
    words = [w for w in phrase.lower().replace("\u2019", "'").split() if w]
    while words and words[0] in _DETERMINERS:
        words.pop(0)
    if not words:
        return "", ()
    modifiers: list[str] = []
    conj = [k for k, w in enumerate(words[:-1]) if w in ("and", "or", "&")]
    if conj:
        # "ballistic and cruise missiles": the figure counts both kinds; the kinds are modifiers.
        modifiers = [w for w in words[:-1] if w not in ("and", "or", "&")]
        words = words[-1:]
    words[-1] = singular(words[-1])
    variants = _variants()
    for k in range(len(words)):
        suffix = " ".join(words[k:])
        if suffix in variants:
            canonical = variants[suffix]
            # "attack drone" -> "drone": the variant's own leading words stay visible as modifiers
            extra = suffix.split()[: -len(canonical.split())] if suffix.endswith(" " + canonical) else []
            # A word before it that is not merely descriptive names another thing:
            # a "tariff pause" is not a ceasefire.
            descriptive = _sets()["descriptive"]
            kind = [w for w in words[:k] if w not in descriptive]
            key = " ".join(kind + [canonical])
            return variants.get(key, key), tuple(modifiers + [w for w in words[:k] if w in descriptive] + extra)
    descriptive = _sets()["descriptive"]
    kept = [w for w in words[:-1] if w not in descriptive]
    modifiers += [w for w in words[:-1] if w in descriptive]
    key = " ".join(kept + words[-1:])
    return variants.get(key, key), tuple(modifiers)


def _is_numberish(text: str) -> bool:
    low = text.lower()
    return bool(_NUMBERISH.match(low)) or low in _sets()["numbers"]


def _pos(word: str) -> set[str]:
    return set(getAllLemmas(word.lower()).keys())


def noun_phrase_after(sent: Sentence, i: int, max_words: int = 5) -> tuple[str, int]:
    """The noun phrase starting at token ``i``: ("residential high-rise buildings", end offset).

    Skips partitives and possessors ("38 of the missiles", "hundreds of Kyiv's apartment
    buildings"); ends after the first plural noun, before a stop word, a verb or punctuation;
    crosses "and" only between adjectives ("ballistic and cruise missiles").
    """
    toks = sent.tokens
    stops = _sets()["stops"]
    while i < len(toks) and (toks[i].lower in _DETERMINERS or _is_numberish(toks[i].text)):
        i += 1
    if i + 1 < len(toks) and toks[i + 1].text == "'s" and toks[i].text[:1].isupper():
        i += 2  # "Kyiv's apartment buildings": the possessor is a place, not the thing counted
    words: list[str] = []
    end = toks[i - 1].end if 0 < i <= len(toks) else 0
    while i < len(toks) and len(words) < max_words:
        t = toks[i]
        low = t.lower
        if _PUNCT.match(t.text) or low == "'s":
            break
        if low in ("and", "or"):
            adjectives_only = words and all(_pos(w) == {"ADJ"} for w in words)
            if not adjectives_only:
                break
            words.append(low)
            i += 1
            continue
        if low in stops:
            break
        pos = _pos(low)
        if pos and "NOUN" not in pos and "ADJ" not in pos and "PROPN" not in pos:
            break  # a verb or an adverb ends the phrase: "111 drones targeting", "buildings remained"
        words.append(t.text)
        end = t.end
        i += 1
        if is_plural(low) and ("NOUN" in pos or not pos):
            break
    while words and words[-1].lower() in ("and", "or"):
        words.pop()
    return " ".join(words), end


def counted_noun(sent: Sentence, start: int, end: int, given: str = "") -> Referent:
    """The counted noun of a count figure: the extractor's noun if it gave one, else the noun
    phrase after the number inside or after the surface."""
    scale = scale_reading(sent, start, end)
    if scale is not None:
        return scale
    counted = _counted_noun(sent, start, end, given)
    return measure_reading(sent, start, end, counted) or counted


def _counted_noun(sent: Sentence, start: int, end: int, given: str) -> Referent:
    if given.strip():
        noun, mods = canonical_noun(_drop_proper(given))
        if noun in _sets()["not_referents"]:
            return Referent("", written=given, how=f"'{noun}' counts occasions, not things")
        return Referent(noun, mods + _proper_words(given), given, "extractor noun")
    i, j = sent.token_span(start, end)
    last_number = i
    for k in range(i, j):
        if _is_numberish(sent.tokens[k].text):
            last_number = k
    phrase, _ = noun_phrase_after(sent, last_number)
    if not phrase:
        return Referent("", how="no counted noun")
    noun, mods = canonical_noun(_drop_proper(phrase))
    if noun in _sets()["not_referents"]:
        return Referent("", written=phrase, how=f"'{noun}' counts occasions, not things")
    return Referent(noun, mods + _proper_words(phrase), phrase, "noun after the figure")


SCALE_READING = "a reading on a named scale"
MEASURE_READING = "the size of a measure word before the figure"


def measure_reading(sent: Sentence, start: int, end: int, counted: Referent) -> Referent | None:
    """The measure a figure gives when a measure word and "of" stand right before it.

    "a capacity of 60 passengers" is how many the boat may carry, not how many it carried: the
    referent is the measure of the thing, "passenger capacity", never the people counted.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("The bus had a seating capacity of 52 riders.")
    >>> measure_reading(s, 34, 36, Referent("rider")).noun
    'rider capacity'
    >>> s = sentence("The hall has a guest capacity of 300.")
    >>> measure_reading(s, 32, 35, Referent("")).noun
    'guest capacity'
    >>> measure_reading(sentence("Police said 300 guests came."), 12, 15, Referent("guest")) is None
    True
    """
    words = frozenset(str(w).lower() for w in _spec().get("measure_words", ()))
    i, j = sent.token_span(start, end)
    toks = sent.tokens
    first = next((k for k in range(i, j) if _is_numberish(toks[k].text)), i)
    while first > 0 and toks[first - 1].lower in _DETERMINERS - {"of"}:
        first -= 1  # "a population of some 300": the determiner belongs to the figure
    if first < 2 or toks[first - 1].lower != "of" or singular(toks[first - 2].lower) not in words:
        return None
    measure = singular(toks[first - 2].lower)
    owner = toks[first - 3].lower if first >= 3 else ""
    if not owner or owner in _DETERMINERS or "NOUN" not in _pos(owner):
        owner = counted.noun
    thing = canonical_noun(owner)[0] if owner else ""
    name = f"{thing} {measure}" if thing else measure
    return Referent(name, counted.modifiers, f"{measure} of {counted.written}".strip(), MEASURE_READING)


def scale_reading(sent: Sentence, start: int, end: int) -> Referent | None:
    """The scale a unitless figure is read on, when a scale's name stands right beside it.

    >>> from auditor.referents.context import sentence
    >>> scale_reading(sentence("The USGS put the magnitude at 6.1 on Sunday."), 30, 33).noun
    'magnitude'
    >>> scale_reading(sentence("The 6.5-magnitude quake struck."), 4, 7).noun
    'magnitude'
    >>> scale_reading(sentence("Rescuers found 6 bodies near the magnitude sensor."), 15, 16) is None
    True
    """
    spec = _property_spec()
    window = int(spec.get("scale_window", 3))
    i, j = sent.token_span(start, end)
    toks = sent.tokens
    before = [t.lower for t in toks[max(0, i - window):i]]
    inside = [part for t in toks[i:j] for part in t.lower.split("-")[1:]]
    after = [toks[j].lower] if j < len(toks) else []
    for scale in spec.get("scales") or ():
        cues = {str(c).lower() for c in scale.get("cues", ())}
        if cues & set(before) or cues & set(inside) or cues & set(after):
            if cues & set(before) and any(t in {".", ",", ";"} for t in before):
                continue
            return Referent(str(scale["name"]), (), str(scale["name"]), SCALE_READING)
    return None


def _drop_proper(phrase: str) -> str:
    """"Kyiv pensioner" -> "pensioner": a capitalised word before lower-case ones is a name."""
    words = phrase.split()
    keep = [w for k, w in enumerate(words) if not (w[:1].isupper() and k < len(words) - 1 and any(x[:1].islower() for x in words[k + 1 :]))]
    return " ".join(keep) or phrase


def _proper_words(phrase: str) -> tuple[str, ...]:
    dropped = set(phrase.split()) - set(_drop_proper(phrase).split())
    return tuple(w.lower() for w in phrase.split() if w in dropped)


# --- measured properties -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _property_spec() -> dict:
    return vocabulary("properties")


@lru_cache(maxsize=64)
def _property_matcher(dimension: str) -> PhraseMatcher:
    props = _property_spec()["dimensions"][dimension].get("properties") or []
    return PhraseMatcher({p["name"]: p["cues"] for p in props}, verbs=False)


def dimension_of(dimension: str, unit: str) -> str:
    """The properties.yaml dimension for a claim's dimension or, failing that, its unit.

    >>> dimension_of("[temperature]", ""), dimension_of("", "kilometer ** 2"), dimension_of("", "percent")
    ('temperature', 'area', 'percent')
    """
    spec = _property_spec()
    dims = spec["dimensions"]
    name = dimension.strip().strip("[]").strip()
    aliases = spec.get("aliases") or {}
    for candidate in (dimension.strip(), name):
        if candidate in dims:
            return candidate
        if candidate in aliases:
            return aliases[candidate]
    for dim, body in dims.items():
        if unit and unit in (body.get("units") or []):
            return dim
    return ""


def measured_property(sent: Sentence, start: int, end: int, dimension: str, unit: str) -> Referent:
    """The property a measure is about: the first properties.yaml cue near it, else the default.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("Winds gusting to 120 km/h hit the coast.")
    >>> measured_property(s, 17, 25, "", "kilometer / hour").noun
    'wind gust'
    >>> s = sentence("Microsoft agreed to acquire Activision Blizzard, the maker of popular games like "
    ...              "Call of Duty and Warcraft, for $68.7 billion.")
    >>> measured_property(s, 114, 127, "", "dollar").noun
    'deal value'
    """
    dim = dimension_of(dimension, unit)
    if not dim:
        return Referent("", how="unknown dimension")
    body = _property_spec()["dimensions"][dim]
    reach = int(_property_spec().get("cue_window", 8))
    i, j = sent.token_span(start, end)
    aside = _appositive_tokens(sent)
    lo_k = i
    for _ in range(reach):  # words inside an appositive do not use up the window
        lo_k -= 1
        while lo_k in aside:
            lo_k -= 1
    lo = sent.tokens[max(0, lo_k)].start if sent.tokens else 0
    hi = sent.tokens[min(len(sent.tokens), j + reach) - 1].end if sent.tokens else 0
    order = {p["name"]: k for k, p in enumerate(body.get("properties") or [])}
    a, b = sent.tokens[i].start if i < len(sent.tokens) else start, end
    # A cue written inside the figure after its number counts too: "$95.00 per share".
    digits = [t.end for t in sent.tokens[i:j] if any(ch.isdigit() for ch in t.text)]
    b = min(b, digits[-1]) if digits else b
    hits = [m for m in _property_matcher(dim).find(sent.text)
            if lo <= m.start and m.end <= hi and (m.end <= a or m.start >= b)]
    if hits:
        def rank(m: Match) -> tuple[int, int, int]:
            gap = (m.end, a) if m.end <= a else (b, m.start)
            words = sum(1 for k, t in enumerate(sent.tokens)
                        if gap[0] <= t.start and t.end <= gap[1] and k not in aside)
            return words, int(m.start >= b), order.get(m.label, 99)

        best = min(hits, key=rank)
        if best.label in _needs_owner():
            owner = owner_of(sent, best)
            if not owner:
                return Referent("", how=f"'{best.label}' of no named owner")
            return Referent(f"{best.label} of {owner}", how=f"property cue '{best.text}', owner {owner}")
        return Referent(best.label, how=f"property cue '{best.text}'")
    default = str(body.get("default") or "")
    return Referent(default, how="property by dimension" if default else "no property cue")


_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s[^,;:]*,")


def _appositive_tokens(sent: Sentence) -> frozenset[int]:
    """Indices of the tokens of appositives (", the maker of Candy Crush,"), commas included:
    an aside between a verb and its object does not part the figure from its cue.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("Microsoft will buy Activision, the maker of Candy Crush, for $68.7 billion.")
    >>> [s.tokens[k].text for k in sorted(_appositive_tokens(s))][:3]
    [',', 'the', 'maker']
    """
    return frozenset(k for m in _APPOSITIVE.finditer(sent.text)
                     for k, t in enumerate(sent.tokens) if m.start() <= t.start and t.end <= m.end())


@lru_cache(maxsize=1)
def _needs_owner() -> frozenset[str]:
    return frozenset(str(p) for p in _property_spec().get("needs_owner") or ())


_LINKS = frozenset("of in".split())


def owner_of(sent: Sentence, cue: Match) -> str:
    """The name a property cue belongs to: "Microsoft shares", "shares of Activision" -> the name.

    The first word of the capitalised run right before the cue (legal suffixes and all), or
    right after it behind "of"/"in"; "" when the cue has no named owner ("shares fell").

    >>> from auditor.referents.context import sentence
    >>> s = sentence("Activision Blizzard shares skyrocketed, while shares of Microsoft fell 2%.")
    >>> owner_of(s, Match(20, 26, "share price change", "shares")), owner_of(s, Match(46, 52, "x", "shares"))
    ('Activision', 'Microsoft')
    """
    toks = sent.tokens
    i, j = sent.token_span(cue.start, cue.end)
    run: list[str] = []
    k = i - 1
    while k >= 0 and toks[k].text[:1].isupper() and toks[k].lower not in _DETERMINERS:
        run.insert(0, toks[k].text)
        k -= 1
    if run:
        return run[0]
    if j + 1 < len(toks) and toks[j].lower in _LINKS and toks[j + 1].text[:1].isupper():
        return toks[j + 1].text
    return ""


# --- referents of dates and durations --------------------------------------------------------


@lru_cache(maxsize=1)
def _timed_matcher() -> PhraseMatcher:
    spec = _spec()
    synonyms = spec.get("synonyms") or {}
    labelled: dict[str, list[str]] = {}
    for canonical in spec.get("timed_referents", []):
        labelled.setdefault(canonical, []).extend([canonical, *(synonyms.get(canonical) or [])])
    # Synonym phrases that name another canonical must win over their own last word:
    # "cabinet meeting" is not "talks", "long-term ceasefire" is not "truce".
    return PhraseMatcher(labelled, verbs=False)


@lru_cache(maxsize=1)
def _verb_matcher() -> PhraseMatcher:
    return PhraseMatcher(_spec().get("verb_referents") or {}, verbs=True, plurals=False)


@lru_cache(maxsize=1)
def _statement_matcher() -> PhraseMatcher:
    return PhraseMatcher({"announcement": _spec().get("statement_verbs", [])}, verbs=True, plurals=False)


@lru_cache(maxsize=1)
def _venue_matcher() -> PhraseMatcher:
    return PhraseMatcher({"venue": _spec().get("statement_venues", [])}, verbs=False)


def _is_adjectival(text: str) -> bool:
    """"one-week", "weeklong", "four-year-old": a duration written as an adjective before a noun."""
    low = text.lower()
    return "-" in low or low.endswith("long")


def timed_referent(sent: Sentence, start: int, end: int, kind: str) -> Referent:
    """What a date or a duration is the date or the length of.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("Peskov indicated that this pause was slated to conclude by Sunday.")
    >>> timed_referent(s, 48, 65, "date").noun
    'truce'
    >>> s = sentence("After almost four years of grinding war, relief is short-lived.")
    >>> timed_referent(s, 6, 24, "duration").noun
    'war'
    """
    toks = sent.tokens
    i, j = sent.token_span(start, end)
    if i >= len(toks):
        return Referent("")
    i = _core_start(sent, i, j)
    if kind == "duration":
        found = _duration_pattern(sent, i, j)
        if found:
            return found
    if kind == "date":
        found = _statement_date(sent, i, j)
        if found:
            return found
    if kind == "date":
        found = _date_before_noun(sent, j)
        if found:
            return found
    return _nearest_timed(sent, i, j, adjacent_right=(kind == "date"), same_clause=(kind == "date"))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    names = [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr]
    return frozenset(n.lower() for n in names) | {"sept"}


_TIME_WORDS = frozenset("yesterday today tomorrow tonight overnight midnight noon last next this past "
                        "coming previous preceding recent a an several few".split())


def _core_start(sent: Sentence, i: int, j: int) -> int:
    """First token of the date or length itself, past cue words the surface may hold
    ("talks on Sunday", "Trump said on Thursday", "nears its four-year mark")."""
    for k in range(i, j):
        t = sent.tokens[k]
        low = t.lower.rstrip(".")
        if t.text[:1].isdigit() or low in _calendar_words() or low in _TIME_WORDS \
                or _is_numberish(t.text) or _is_adjectival(t.text) or low in _sets()["window"]:
            return k
    return i


def _duration_pattern(sent: Sentence, i: int, j: int) -> Referent | None:
    toks = sent.tokens
    sets = _sets()
    if _is_window(toks, i, j, sets["window"]):
        return Referent("period", how="reporting window ('past 24 hours')")
    adjectival = next((k for k in range(j - 1, i - 1, -1) if _is_adjectival(toks[k].text)), None)
    if adjectival is not None:
        phrase, _ = noun_phrase_after(sent, adjectival + 1, max_words=3)
        if phrase:
            noun, mods = canonical_noun(_drop_proper(phrase))
            if noun.split()[-1] in sets["span"]:
                # "invasion nears its four-year mark": the age of what came before
                left = _nearest_timed(sent, i, j, adjacent_right=False)
                if left.noun:
                    return Referent(left.noun, left.modifiers, left.written, f"age at a {noun}")
            return Referent(noun, mods + _proper_words(phrase), phrase, "noun the duration qualifies")
    if j < len(toks) and toks[j].lower == "of":
        phrase, _ = noun_phrase_after(sent, j + 1, max_words=3)
        if phrase and _pos(phrase.split()[-1]) & {"NOUN"} or phrase in _variants():
            noun, mods = canonical_noun(_drop_proper(phrase))
            return Referent(noun, mods, phrase, "'N years of X'")
    return None


def _is_window(toks, i: int, j: int, window: frozenset[str]) -> bool:
    """"in the past 24 hours", "the preceding 24 hours", "in recent weeks"; not "to last for a week"."""
    if _is_adjectival(toks[j - 1].text):
        return False
    for p in range(max(0, i - 1), min(j, i + 2)):
        if toks[p].lower in window and p + 1 < len(toks) and toks[p + 1].lower not in ("for", "until", "by", "through"):
            return True
    return False


def _statement_date(sent: Sentence, i: int, j: int) -> Referent | None:
    """"Trump said on Thursday", "During a cabinet meeting last Thursday, Trump said", "On
    Thursday, Trump said".

    >>> from auditor.referents.context import sentence
    >>> _statement_date(sentence("On June 16, Fed Chairman Powell said that inflation rose."), 1, 3).noun
    'announcement'
    >>> _statement_date(sentence("On June 16, prices rose, analysts said."), 1, 3) is None
    True
    >>> _statement_date(sentence("A storm hit the coast early Friday, and one expert warned."), 6, 7) is None
    True
    """
    toks = sent.tokens
    date_start = toks[i].start
    for m in _statement_matcher().find(sent.text):
        if m.end > date_start:
            break
        gap = [t for t in toks if m.end <= t.start and t.end <= date_start]
        if len(gap) <= 5 and not any(t.text in (",", ";", ":", '"') or t.lower == "that" for t in gap):
            if not (i > 1 and toks[i - 2].lower == "as" and toks[i - 1].lower == "of"):
                return Referent("announcement", written=m.text, how=f"date of a statement ('{m.text}')")
    date_end = toks[j - 1].end if j > 0 else date_start
    heads = i == 0 or (i == 1 and toks[0].lower in ("on", "last", "early", "late"))
    if heads and j < len(toks) and toks[j].text == ",":
        # "On June 16, Fed Chairman Powell said": a date heading the clause of a statement.
        for m in _statement_matcher().find(sent.text):
            if m.start < date_end:
                continue
            gap = [t for t in toks if date_end <= t.start and t.end <= m.start]
            if len(gap) <= 6 and not any(t.text in (";", ":", '"') or t.lower == "that" for t in gap[1:]) \
                    and sum(t.text == "," for t in gap) == 1:
                return Referent("announcement", written=m.text, how=f"date heading a statement ('{m.text}')")
            break
    venue_before = [m for m in _venue_matcher().find(sent.text) if m.end <= date_start]
    if venue_before:
        v = venue_before[-1]
        gap = [t for t in toks if v.end <= t.start and t.end <= date_start]
        later_statement = any(m.start >= toks[j - 1].end for m in _statement_matcher().find(sent.text))
        if len(gap) <= 2 and later_statement:
            return Referent("announcement", written=v.text, how=f"date of a statement made at a {v.text}")
    return None


def _date_before_noun(sent: Sentence, j: int) -> Referent | None:
    """"the 9 May commemorations", "a March moratorium": a date written as a modifier dates
    the noun after it."""
    toks = sent.tokens
    if j >= len(toks) or toks[j].lower in _sets()["stops"] or _PUNCT.match(toks[j].text):
        return None
    pos = _pos(toks[j].lower)
    if not pos or "NOUN" not in pos or "VERB" in pos and not is_plural(toks[j].lower):
        return None
    phrase, _ = noun_phrase_after(sent, j, max_words=3)
    if not phrase:
        return None
    noun, mods = canonical_noun(_drop_proper(phrase))
    return Referent(noun, mods, phrase, "noun the date qualifies")


def _nearest_timed(sent: Sentence, i: int, j: int, adjacent_right: bool, same_clause: bool = False) -> Referent:
    toks = sent.tokens
    a, b = toks[i].start, toks[j - 1].end
    lo, hi = clause_of(sent, a, b) if same_clause else (0, len(sent.text))
    hits: list[Match] = [m for m in _timed_matcher().find(sent.text) + _verb_matcher().find(sent.text)
                         if (m.end <= a or m.start >= b) and lo <= m.start and m.end <= hi]
    if not hits:
        return Referent("", how="no timed referent")

    def words_between(m: Match) -> int:
        lo, hi = (m.end, a) if m.end <= a else (b, m.start)
        return sum(1 for t in toks if lo <= t.start and t.end <= hi)

    left = sorted((m for m in hits if m.end <= a), key=words_between)
    right = sorted((m for m in hits if m.start >= b), key=words_between)
    chosen = None
    if adjacent_right and right and words_between(right[0]) == 0:
        chosen = right[0]  # "a March moratorium", "Sunday talks"
    elif left and words_between(left[0]) <= 6:
        chosen = left[0]
    elif right and words_between(right[0]) <= 4:
        chosen = right[0]
    else:
        chosen = (left or right)[0]
    mods = _round_of(sent, chosen) if chosen.label == "talks" else ()
    return Referent(chosen.label, mods, chosen.text, f"nearest timed referent '{chosen.text}'")


def _round_of(sent: Sentence, m: Match) -> tuple[str, ...]:
    """"the second round of trilateral talks" -> ("second round",)."""
    head = sent.text[max(0, m.start - 60) : m.end].lower()
    words = _sets()["rounds"]
    found = re.findall(r"\b(\w+)[ -](?:round|session)\b", head)
    return tuple(f"{w} round" for w in found[-1:] if w in words)
