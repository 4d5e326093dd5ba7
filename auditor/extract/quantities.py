"""Quantities in news text: figures, their units, counted nouns, bounds and ranges.

The reader works sentence by sentence on the same-length normalized text, so every offset it
reports is valid in the original. A sentence is read only when one compiled regex finds
something in it that can start a figure (a digit, a number word, a vague amount, an article
before a countable noun): most news sentences hold no figure at all.

A figure is read outwards from its number: a currency sign or a sign word on the left, a
magnitude ("4mn", "1.5 million") and a unit or counted noun on the right, a qualifier ("more
than", "nearly") before it, a second figure after "to" or "-" for a range. All word lists are in
``rules/vocabulary``.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

from lemminflect import getAllLemmas

from auditor.extract.numerals import number_words, parse_digits, parse_spelled, spelled_prefix
from auditor.extract.nouns import NounPhrase, Token, counted_noun, countable, dotted_abbreviation, is_noun, noun_lemma
from auditor.extract.units import UnitInfo, lookup_unit, never_glued
from auditor.normalize.units import dimension_of, unit_name
from auditor.resources import vocabulary
from auditor.text import sentence_spans

_TOKEN = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w.])\.\d+)|(?P<word>[^\W\d_]+(?:['-][^\W\d_]+)*)|(?P<sym>\S)")
MAX_UNIT_WORDS = 4
MAX_QUALIFIER_WORDS = 4
# "three in ten" stands for anything from about 25% to 35%: how far a percentage in brackets may
# be from a share written in words and still state it, relative to the larger of the two.
SHARE_ROUNDING = 0.2
# A change of a percentage is rarely more than this many points; more is a move of an index.
MAX_PERCENTAGE_POINTS = 30
_TIME_ANCHORS = frozenset(["ago", "earlier", "later", "before", "after", "from", "since"])
_PERCENT = re.compile(r"%|\bper ?cent\b|\bpercentage\b", re.IGNORECASE)
_DETERMINERS = frozenset(["the", "its", "their", "this", "that", "these", "those", "his", "her", "our"])
_BOUND_CHANGE = {"upper_bound": "<", "lower_bound": ">", "approx": "~"}


@dataclass
class Reading:
    """A figure as it is being read; becomes a Claim. Mutable because it is built in steps."""

    first: int  # index of the first token of the surface
    last: int  # index after the last token of the surface
    value: float
    unit: str = ""
    newsquant_unit: str = ""
    unit_surface: str = ""
    noun: str = ""
    modifiers: tuple[str, ...] = ()
    head: str = ""
    qualifier: str = "exact"
    change: str = "="
    low: float | None = None
    high: float | None = None
    as_written: tuple[float, ...] = ()
    notes: list[str] = field(default_factory=list)
    of_the: bool = False  # "38 of the missiles": a part of a whole named earlier
    newsquant_value: tuple[float, float] | None = None
    magnitude: float = 1.0


@dataclass(frozen=True)
class _Words:
    before: dict[str, dict]
    after: dict[str, dict]
    changes: dict[str, str]
    change_window: int
    vague: dict[str, dict]
    currencies_prefix: dict[str, tuple[str, str]]  # written -> (pint unit, newsquant)
    currencies_suffix: dict[str, tuple[str, str]]
    glued_only: frozenset[str]
    currency_units: frozenset[str]
    date_words: frozenset[str]
    clock_words: frozenset[str]
    score_words: frozenset[str]
    particle_verbs: frozenset[str]
    label_words: frozenset[str]
    address_words: frozenset[str]
    glued_prefixes: dict[str, str]
    fraction_units: dict[str, str]
    codes_after: dict[str, frozenset[str]]  # pint currency -> codes written after its figures
    unit_systems: frozenset[str]
    year_event_nouns: frozenset[str]
    share_wholes: frozenset[float]
    index_words: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    quals = vocabulary("qualifiers")
    nums = vocabulary("numbers")
    changes = {w.lower(): label for label, ws in quals["changes"].items() for w in ws}
    prefix: dict[str, tuple[str, str]] = {}
    suffix: dict[str, tuple[str, str]] = {}
    glued_only: set[str] = set()
    for name, spec in vocabulary("currencies").items():
        for p in spec.get("glued_prefixes", []):
            prefix[p] = (name, spec["newsquant"])
            glued_only.add(p)
        for p in spec.get("prefixes", []):
            prefix[p.replace(" ", "")] = (name, spec["newsquant"])
        for s in spec.get("suffixes", []):
            suffix[s if s.isupper() else s.lower()] = (name, spec["newsquant"])
        sub = spec.get("subunit")
        if sub:
            for s in sub["words"]:
                suffix[s] = (sub["name"], sub["newsquant"])
    return _Words(
        before={k.lower(): v for k, v in quals["before"].items()},
        after={k.lower(): v for k, v in quals["after"].items()},
        changes=changes,
        change_window=int(quals.get("change_window", 3)),
        vague={k.lower(): v for k, v in vocabulary("vague").items()},
        currencies_prefix=prefix,
        currencies_suffix=suffix,
        glued_only=frozenset(glued_only),
        currency_units=frozenset(u for u, _ in [*prefix.values(), *suffix.values()]),
        date_words=frozenset(nums["date_words"]),
        clock_words=frozenset(nums["clock_words"]),
        score_words=frozenset(nums["score_words"]),
        particle_verbs=frozenset(quals.get("particle_verbs", [])),
        label_words=frozenset(str(w) for w in nums.get("label_words", [])),
        address_words=frozenset(str(w) for w in nums.get("address_words", [])),
        glued_prefixes=dict(nums.get("glued_prefixes", {})),
        fraction_units={str(k): str(v) for k, v in nums.get("fraction_units", {}).items()},
        unit_systems=frozenset(str(w).lower() for w in nums.get("unit_systems", [])),
        year_event_nouns=frozenset(str(w).lower() for w in nums.get("year_event_nouns", [])),
        share_wholes=frozenset(float(w) for w in nums.get("share_wholes", [])),
        index_words=frozenset(str(w).lower() for w in nums.get("index_words", [])),
        codes_after={name: frozenset(spec["codes_after"]) for name, spec in vocabulary("currencies").items() if spec.get("codes_after")},
    )


@lru_cache(maxsize=1)
def _has_figure() -> re.Pattern[str]:
    """One regex that finds whatever can start a figure; sentences without a match are skipped."""
    nw = number_words()
    words = set(nw.units) | set(nw.tens) | set(nw.fractions) | {"dozen", "hundred", "thousand"}
    words |= {v.split()[-1] for v in _words().vague}
    nouns = sorted(countable().article_nouns, key=len, reverse=True)
    return re.compile(
        r"\d|\b(?:%s)\b|\b(?:%s)\s+(?:[\w-]+\s+){0,3}?(?:%s)\b"
        % ("|".join(sorted(words, key=len, reverse=True)), "|".join(sorted(nw.articles)), "|".join(map(re.escape, nouns))),
        re.IGNORECASE,
    )


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split normalized text into number, word and symbol tokens with absolute offsets.

    >>> [t.text for t in tokenize("US$2bn, minus 23C")]
    ['US', '$', '2', 'bn', ',', 'minus', '23', 'C']
    """
    return [Token(m.group(), m.start() + offset, m.end() + offset, m.lastgroup or "sym") for m in _TOKEN.finditer(text)]


def find_readings(text: str) -> list[tuple[Reading, list[Token], tuple[int, int]]]:
    """Every figure in ``text`` (already normalized), with its sentence's tokens and span."""
    out = []
    pattern = _has_figure()
    previous = 0  # start of the sentence before, for percentages compared across sentences
    for a, b in sentence_spans(text):
        if not pattern.search(text, a, b):
            previous = a
            continue
        tokens = tokenize(text[a:b], a)
        try:
            readings = _Sentence(text, tokens, _PERCENT.search(text, previous, b) is not None).read_all()
        except Exception as exc:  # noqa: BLE001 - one odd sentence must not stop the article
            warnings.warn(f"auditor.extract: sentence at char {a} skipped ({exc!r}); please report it", RuntimeWarning, stacklevel=2)
            continue
        out.extend((reading, tokens, (a, b)) for reading in readings)
        previous = a
    return out


class _Sentence:
    """Reads the figures of one sentence, left to right."""

    def __init__(self, text: str, tokens: list[Token], percent_near: bool = False) -> None:
        self.text = text
        self.percent_near = percent_near  # a percentage in this sentence or the one before
        self.toks = tokens
        self.low = [t.text.lower() for t in tokens]
        self.nw = number_words()
        self.w = _words()

    # -- helpers -------------------------------------------------------------------------
    def glued(self, i: int) -> bool:
        """True when token i follows token i-1 with no space between."""
        return 0 < i < len(self.toks) and self.toks[i - 1].end == self.toks[i].start

    def span_text(self, i: int, j: int) -> str:
        return " ".join(self.text[self.toks[i].start : self.toks[j - 1].end].split())

    def read_all(self) -> list[Reading]:
        found: list[Reading] = []
        i = 0
        while i < len(self.toks):
            reading = self.read_at(i, found)
            if reading is None:
                i += 1
                continue
            self.unit_from_start(reading, found)
            found.append(reading)
            i = max(reading.last, i + 1)
        for k in range(len(found) - 2, -1, -1):  # from the end, so a series passes its unit back
            self.suspended_hyphen(found[k], found[k + 1])
        return found

    def suspended_hyphen(self, reading: Reading, later: Reading) -> None:
        """ "four-, five- and six-cylinder engines", "10- to 12-inch screens": a figure whose
        hyphen is left hanging takes the unit the series ends with."""
        j = reading.last
        if reading.unit or reading.noun or j + 1 >= len(self.toks) or self.toks[j].text != "-" or not self.glued(j):
            return
        if self.glued(j + 1) and self.toks[j + 1].text != ",":
            return  # "four-, five-" hangs; "five-star" does not
        if later.first - j > 6 or not any("hyphenated adjective" in n or "suspended hyphen" in n for n in later.notes):
            return
        reading.unit, reading.newsquant_unit, reading.unit_surface = later.unit, later.newsquant_unit, later.unit_surface
        reading.noun, reading.modifiers, reading.head = later.noun, later.modifiers, later.head
        reading.notes.append("unit from a suspended hyphen")

    def unit_from_start(self, reading: Reading, found: list[Reading]) -> None:
        """ "from 14-18 mpg to 24": a bare end point after "to" has the unit of the start point."""
        if reading.unit or reading.noun or reading.newsquant_unit or not found or reading.first == 0 or self.low[reading.first - 1] != "to":
            return
        start = found[-1]
        if not start.unit or reading.first - start.last > 6:
            return
        opener = start.first - 1 if self.low[start.first] != "from" else start.first
        if opener < 0 or self.low[opener] != "from" or any(self.low[k] in (",", ";", "and") for k in range(start.last, reading.first)):
            return
        reading.unit, reading.newsquant_unit, reading.unit_surface = start.unit, start.newsquant_unit, start.unit_surface
        reading.notes.append("unit of the start point")

    # -- one figure ----------------------------------------------------------------------
    def read_at(self, i: int, found: list[Reading]) -> Reading | None:
        tok = self.toks[i]
        share = self.read_out_of(i)
        if share is not None:
            return share
        if tok.kind == "num" and self.is_apposed_age(i):
            age = Reading(first=i, last=i + 1, value=float(tok.text), unit="year", newsquant_unit="year of age", noun="age")
            age.notes.append("age in apposition")
            return age
        if tok.kind == "num" or (tok.kind == "sym" and tok.text in "$€£¥₹₪₽₴-+") or (
            tok.kind == "word" and self.currency_prefix_at(i)
        ):
            return self.read_figure(i)
        if tok.kind != "word":
            return None
        low = self.low[i]
        return (
            self.read_vague(i)
            or self.read_fraction(i)
            or self.read_spelled(i)
            or self.read_article(i, found)
            or (self.read_figure(i) if low in ("minus", "negative") else None)
        )

    def currency_prefix_at(self, i: int) -> tuple[int, str, str] | None:
        """A currency written before a figure starting at token i: (number index, unit, nq)."""
        for n in (3, 2, 1):
            j = i + n
            if j + 1 < len(self.toks) and self.toks[j].text in "-+" and self.glued(j + 1) and self.toks[j + 1].kind == "num":
                pass  # "$-50.8bn": the sign after the currency
            elif j >= len(self.toks) or self.toks[j].kind != "num":
                continue
            # "US$", "HK $" (a country code may stand apart from its dollar sign)
            if any(not self.glued(k) and not (self.toks[k].text == "$" and self.toks[k - 1].text.isupper()) for k in range(i + 1, j)):
                continue
            written = "".join(t.text for t in self.toks[i:j])
            hit = self.w.currencies_prefix.get(written)
            if hit and written in self.w.glued_only and not (self.glued(j) and self.toks[j].kind == "num"):
                continue
            if hit and (n > 1 or self.toks[i].kind == "sym" or written.isupper() or written in ("Rs",)):
                if self.toks[i].kind == "word" and self.glued(i) and self.toks[i - 1].kind == "word":
                    return None
                return j, hit[0], hit[1]
        return None

    def read_figure(self, i: int) -> Reading | None:
        """A figure in digits (or after "minus"), with everything around it."""
        start = i
        first = self.read_core(i)
        if first is None:
            return None
        reading, j = first
        reading.first = start
        self.read_qualifier_before(reading)
        j = self.read_range(reading, j)
        if not reading.unit and not reading.newsquant_unit:
            j = self.read_noun(reading, j)
        j = self.read_qualifier_after(reading, j)
        reading.last = j
        self.read_change(reading)
        self.points_of_percentage(reading)
        return reading

    def points_of_percentage(self, reading: Reading) -> None:
        """ "rose five points to 42%": points that change a percentage are percentage points.

        Only for a change (a level of "12 points" is a score, "the index rose 40 points" is
        index points) beside a percentage in this sentence or the one before.
        """
        if reading.unit or reading.head != "point" or reading.change not in ("up", "down") or not self.percent_near:
            return
        if abs(reading.value) > MAX_PERCENTAGE_POINTS or any(w in self.w.index_words for w in self.low):
            return  # "the index rose 225.79 points": points of an index
        after = [w for w in self.low[reading.last : reading.last + 2] if w != ","]
        if after[:1] in (["or"], ["("]):
            return  # "rose 40 points, or 0.5%": index points, with the percentage they make
        info = lookup_unit("percentage points")
        if info is None:
            return
        reading.noun, reading.head, reading.modifiers = "", "", ()
        self.set_unit(reading, info, self.span_text(reading.last - 1, reading.last))
        reading.notes.append("points of a percentage")

    def read_core(self, i: int, second_end: bool = False) -> tuple[Reading, int] | None:
        """Sign, currency, number, magnitude and unit: the figure without its context.

        ``second_end`` is set for the second figure of a range, which may follow a dash.
        """
        notes: list[str] = []
        sign = 1.0
        currency: tuple[str, str] | None = None
        j = i
        plus = False
        if self.low[j] in ("minus", "negative") and j + 1 < len(self.toks):
            sign, j = -1.0, j + 1
            notes.append(f"sign from '{self.toks[i].text}'")
            if self.toks[j].text == "-" and self.glued(j) and j + 1 < len(self.toks):
                j += 1  # "minus-130 degrees"
        prefix = self.currency_prefix_at(j)
        if prefix:
            j, cur_unit, cur_nq = prefix
            currency = (cur_unit, cur_nq)
        if j + 1 < len(self.toks) and self.toks[j].text in ("-", "+") and self.glued(j + 1) and self.toks[j + 1].kind == "num" and (
            j == 0 or not self.glued(j) or currency is not None
        ) and not self.after_name(j):
            if self.toks[j].text == "-":
                sign = -1.0
                notes.append("sign from '-'")
            else:
                plus = True
            j += 1
        if j >= len(self.toks) or self.toks[j].kind != "num":
            return None
        split = self.digit_fraction(j)
        if split is not None:
            value, after = split  # "3/4 percentage point", "1/16 of a pint"
        elif not second_end and not self.plausible_number(j, signed=j > i):
            return None
        else:
            value, after = parse_digits(self.toks[j].text), j + 1
        if value is None:
            return None
        value *= sign
        j = after
        if split is not None and self.low[j] == "of" and j + 1 < len(self.toks) and self.low[j + 1] in ("a", "an"):
            j += 2
        if split is not None:
            j = self.skip_system(j)
        reading = Reading(first=i, last=j, value=value, notes=notes)
        if plus:
            reading.change = "up"
        j = self.read_magnitude(reading, j, currency is not None)
        if j is None:
            return None
        if currency:
            reading.unit, reading.newsquant_unit = currency
            reading.unit_surface = self.span_text(i, i + 1) if self.toks[i].kind == "sym" else self.toks[i].text
            j = self.read_code_after(currency[0], j)
            j = self.read_per(reading, j)
        else:
            j = self.read_unit(reading, j)
            if j is None:
                return None
        reading.last = j
        return reading, j

    def plausible_number(self, j: int, signed: bool = False) -> bool:
        """False for digits that are part of a name, an ID, a phone number, a date or a time.

        ``signed`` says a sign or currency read before the digits already belongs to the figure.
        """
        tok = self.toks[j]
        if not signed and self.glued(j) and self.toks[j - 1].kind == "word":
            return False  # "MH17", "G7"
        if not signed and self.glued(j) and self.toks[j - 1].text in "-/." and j >= 2 and self.glued(j - 1) and self.toks[j - 2].kind in ("word", "num"):
            if not (self.toks[j - 1].text == "-" and self.low[j - 2] in self.w.glued_prefixes):
                return False  # "F-16", "Covid-19", "24/7", second half of "3-1" (read as a range)
        if self.glued(j) and self.toks[j - 1].text in "#":
            return False  # "#5"
        if self.glued(j) and self.toks[j - 1].text == "-" and self.after_name(j - 1):
            return False  # "COVID -19": a name, not minus 19
        if j > 0 and self.low[j - 1] in self.w.label_words and "," not in tok.text:
            return False  # "category 4", "Game 7": a label
        if self.is_address(j) or (j + 2 < len(self.toks) and self.toks[j + 1].text == "-" and self.glued(j + 1) and self.glued(j + 2) and self.is_address(j + 2)):
            return False  # "575 Wilbraham Road", "16-18 Mill Street"
        if len(tok.text) > 1 and tok.text.startswith("0") and not tok.text.startswith("0."):
            return False  # "0207", phone and ID numbers
        if self.digit_group(j - 1, j) or self.digit_group(j, j + 1):
            return False  # "020 7946 0958": groups of a phone or account number
        if self.hyphen_chain_length(j) >= 3:
            return False  # "555-123-4567", "1-800-555-0199": a phone or reference number
        nxt = self.low[j + 1] if j + 1 < len(self.toks) else ""
        prev = self.low[j - 1] if j > 0 else ""
        if nxt in self.w.date_words or prev.rstrip(".") in self.w.date_words:
            return False
        if prev == "." and j >= 2 and self.low[j - 2] in self.w.date_words:
            return False  # "Feb. 1"
        if nxt in (":", "/") and j + 2 < len(self.toks) and self.toks[j + 2].kind == "num" and self.glued(j + 1):
            return False  # clock time or ratio "8:00", "3:1"
        if prev == ":" and self.glued(j) and j >= 2 and self.toks[j - 2].kind == "num":
            return False
        if nxt in self.w.clock_words or (j + 2 < len(self.toks) and nxt == "." and self.low[j + 2] in ("a", "p")):
            return False
        if not signed and re.fullmatch(r"(1\d|20|21)\d\d", tok.text) and nxt not in ("%",) and not self.unit_follows(j + 1):
            after_year = prev in ("and", "to", "-") and j >= 2 and re.fullmatch(r"(1\d|20|21)\d\d", self.toks[j - 2].text)
            money = self.currency_suffix(j + 1) is not None  # "at 1112 p", "1999 euros"
            if after_year or prev in ("in", "since", "until", "by") or (not money and counted_noun(self.toks, j + 1, plural=True) is None):
                return False  # a year ("in 2026", "Thomson Reuters 2026"): the temporal extractor's
            if self.year_as_adjective(j) or dotted_abbreviation(self.toks, j + 1) is not None:
                return False  # "the 2019 protests", "1986 U.S. crop prices"
        if self.is_model_number(j) or (not signed and self.name_follows(j)) or self.is_apposed_age(j):
            return False
        return True

    def year_as_adjective(self, j: int) -> bool:
        """ "the 2019 protests": a year naming which events, not a count of them; "the 2000
        troops" stays a count, since troops are not something a year names."""
        if j == 0 or self.low[j - 1] not in _DETERMINERS or not 1900 <= float(self.toks[j].text) <= 2100:
            return False
        phrase = counted_noun(self.toks, j + 1, plural=True)
        return phrase is not None and phrase.end - 1 < len(self.toks) and self.low[phrase.end - 1] in self.w.year_event_nouns

    def read_code_after(self, currency: str, j: int) -> int:
        """Skip a country code after a figure with a currency sign: "$76 US a barrel"."""
        codes = self.w.codes_after.get(currency, frozenset())
        for n in (4, 3, 2, 1):
            if j + n <= len(self.toks) and all(self.glued(k) for k in range(j + 1, j + n)) and self.span_text(j, j + n) in codes:
                return j + n
        return j

    def digit_fraction(self, j: int) -> tuple[float, int] | None:
        """ "3/4 percentage point", "1/16 of a pint": (value, index after the denominator).

        Only before a unit: "24/7", "9/11" and "3/1" odds stay names and ratios.
        """
        if j + 2 >= len(self.toks) or self.toks[j + 1].text not in "/\u2044" or not (self.glued(j + 1) and self.glued(j + 2)):
            return None
        top, bottom = self.toks[j].text, self.toks[j + 2].text
        if not (top.isdigit() and bottom.isdigit() and 0 < int(top) < int(bottom) <= 128):
            return None
        k = j + 3
        if k + 2 < len(self.toks) and self.low[k] == "of" and self.low[k + 1] in ("a", "an"):
            k += 2
        if self.match_unit(self.skip_system(k)) is None:
            return None
        return int(top) / int(bottom), j + 3

    def skip_system(self, k: int) -> int:
        """Past a measurement system before a unit: "a US gallon", "an imperial pint", "42,000
        U.S. gallons"."""
        dotted = dotted_abbreviation(self.toks, k)
        if dotted is not None and dotted[1] < len(self.toks) and dotted[0].replace(".", "").lower() in self.w.unit_systems:
            return dotted[1]
        return k + 1 if k + 1 < len(self.toks) and self.low[k] in self.w.unit_systems else k

    def is_apposed_age(self, j: int) -> bool:
        """ "Maddon, 66, has ...": a bare number between commas after a name is an age, which
        the temporal reader owns; read as a count it would be a figure about nothing."""
        if not (1 <= len(self.toks[j].text) <= 3 and self.toks[j].text.isdigit()):
            return False
        if j < 2 or j + 1 >= len(self.toks) or self.low[j - 1] != "," or self.low[j + 1] != ",":
            return False
        name = self.toks[j - 2]
        return name.kind == "word" and name.text[:1].isupper()

    def after_name(self, j: int) -> bool:
        """True when the "-" at j follows a name in capitals ("COVID -19"): not a sign."""
        prev = self.toks[j - 1] if j > 0 else None
        return prev is not None and prev.kind == "word" and prev.text.isupper() and len(prev.text) > 1 and not self.currency_prefix_at(j - 1)

    def is_address(self, j: int) -> bool:
        """ "575 Wilbraham Road": a number, up to three capitalized words, a street word."""
        k = j + 1
        while k < len(self.toks) and k <= j + 3 and self.toks[k].kind == "word" and self.toks[k].text[:1].isupper():
            if self.low[k] in self.w.address_words and k > j + 1:
                return True
            k += 1
        return False

    def digit_group(self, a: int, b: int) -> bool:
        """True when tokens a and b are numbers separated by one space only."""
        if a < 0 or b >= len(self.toks):
            return False
        ta, tb = self.toks[a], self.toks[b]
        return ta.kind == tb.kind == "num" and tb.start == ta.end + 1

    def hyphen_chain_length(self, j: int) -> int:
        """How many digit groups are glued by hyphens around token j ("555-123-4567" -> 3)."""
        a = j
        while a >= 2 and self.toks[a - 1].text == "-" and self.toks[a - 2].kind == "num" and self.glued(a) and self.glued(a - 1):
            a -= 2
        b = j
        while b + 2 < len(self.toks) and self.toks[b + 1].text == "-" and self.toks[b + 2].kind == "num" and self.glued(b + 1) and self.glued(b + 2):
            b += 2
        return (b - a) // 2 + 1

    def unit_follows(self, j: int) -> bool:
        if j + 1 < len(self.toks) and self.toks[j].text == "'" and self.low[j + 1] == "s" and self.glued(j + 1):
            return False  # a possessive "'s", not feet
        return j < len(self.toks) and self.match_unit(j) is not None

    def is_model_number(self, j: int) -> bool:
        """"Boeing 737", "iPhone 11", "S&P 500": a name with a number, no quantity."""
        if j == 0 or self.toks[j - 1].kind != "word" or "," in self.toks[j].text or "." in self.toks[j].text:
            return False
        prev = self.toks[j - 1].text
        if not any(c.isupper() for c in prev) or self.low[j - 1] in self.w.before or self.low[j - 1] in countable().stop:
            return False
        if j - 1 == 0 or self.currency_prefix_at(j - 1):
            return False
        return not self.unit_follows(j + 1)

    def name_follows(self, j: int) -> bool:
        """ "11 Pro Max", "90049 ZIP Code": a capitalized word after the number and no counted
        noun: the number is part of a name."""
        if j + 1 >= len(self.toks) or self.toks[j + 1].kind != "word" or not self.toks[j + 1].text[:1].isupper():
            return False
        if self.glued(j + 1):
            return False  # "4.3M", "23C": a magnitude or unit, read later
        if self.unit_follows(j + 1) or self.currency_suffix(j + 1):
            return False
        return counted_noun(self.toks, j + 1, plural=True) is None

    def read_magnitude(self, reading: Reading, j: int, after_currency: bool) -> int | None:
        """ "4mn", "$2bn", "1.5 million": multiply; "5G", "20th", "1990s": not a figure."""
        if j >= len(self.toks):
            return j
        tok = self.toks[j]
        low = self.low[j]
        if tok.kind == "word" and self.glued(j) and tok.text in self.nw.glued_upper:
            reading.magnitude = self.nw.glued_upper[tok.text]
            reading.value *= reading.magnitude
            reading.notes.append(f"magnitude '{tok.text}'")
            return j + 1
        if tok.kind == "word" and self.glued(j):
            if low in self.nw.glued or (after_currency and low in self.nw.currency_glued):
                reading.magnitude = self.nw.magnitudes[low]
                reading.value *= reading.magnitude
                reading.notes.append(f"magnitude '{tok.text}'")
                return j + 1
            if never_glued(tok.text) or low in ("s", "th", "st", "nd", "rd"):
                return None
            return j
        while j < len(self.toks) and self.toks[j].kind == "word" and self.low[j] in self.nw.magnitudes and len(self.low[j]) > 1:
            # "1.5 million", "4 hundred million": each scale word multiplies
            factor = self.nw.magnitudes[self.low[j]]
            reading.magnitude *= factor
            reading.value *= factor
            reading.notes.append(f"magnitude '{self.toks[j].text}'")
            j += 1
        if j < len(self.toks) and self.toks[j].kind == "word" and "-" in self.low[j]:
            head, _, tail = self.low[j].partition("-")
            if head in self.nw.magnitudes and len(head) > 1 and compound_unit(tail):
                # "1.8 billion-mile journey": the magnitude and the unit in one compound
                reading.magnitude *= self.nw.magnitudes[head]
                reading.value *= self.nw.magnitudes[head]
                reading.notes.append(f"magnitude '{head}'")
                self.set_unit(reading, compound_unit(tail), self.toks[j].text.partition("-")[2])
                if tail.endswith("-old"):
                    reading.noun, reading.newsquant_unit = "age", f"{compound_unit(tail).newsquant} of age"
                return j + 1
        return j

    def match_unit(self, j: int) -> tuple[int, UnitInfo, str] | None:
        """The longest unit written from token j: (end index, unit, surface)."""
        if j >= len(self.toks):
            return None
        if self.toks[j].kind == "num":
            return None
        for n in range(min(MAX_UNIT_WORDS, len(self.toks) - j), 0, -1):
            if any(self.toks[k].kind == "num" and not self.glued(k) for k in range(j, j + n)) or self.toks[j].kind == "num":
                continue  # digits glued inside a unit are a power ("m2", "A/cm2")
            written = self.span_text(j, j + n)
            info = lookup_unit(written, glued=n == 1 and self.glued(j) and self.toks[j - 1].kind == "num")
            if info is not None:
                return j + n, info, written
        return None

    def read_unit(self, reading: Reading, j: int) -> int | None:
        """Unit or currency after the figure; None when the letters make it a name."""
        if j >= len(self.toks):
            return j
        if self.toks[j].text == "-" and self.glued(j) and j + 1 < len(self.toks) and self.glued(j + 1) and self.toks[j + 1].kind == "word":
            # "5-km race", "61-year-old", "195-mile-per-hour winds": a unit as a compound adjective
            info = compound_unit(self.toks[j + 1].text)
            if info is not None:
                self.set_unit(reading, info, self.toks[j + 1].text)
                reading.notes.append("unit from a hyphenated adjective")
                return j + 2
            return j + 2 if self.compound_count(reading, self.toks[j + 1].text, j + 2) else j
        cur = self.currency_suffix(j)
        if cur:
            end, unit, nq = cur
            reading.unit, reading.newsquant_unit = unit, nq
            reading.unit_surface = self.span_text(j, end)
            return self.read_per(reading, end)
        hit = self.match_unit(j)
        if hit is None and self.skip_system(j) > j:
            hit = self.match_unit(self.skip_system(j))  # "5 US gallons", "one imperial pint"
        if hit is None and self.toks[j].kind == "word" and "-" in self.low[j]:
            info = compound_unit(self.low[j])  # "a 50 year-old man", "52,000 barrel-a-day"
            if info is not None:
                self.set_unit(reading, info, self.toks[j].text)
                return j + 1
        if hit is None:
            return j
        end, info, written = hit
        if written == "'" and end < len(self.toks) and self.glued(end) and self.low[end] == "s":
            return j  # "the iPhone 14's screen": a possessive, not feet
        if len(written) == 1 and end + 1 < len(self.toks) and self.toks[end].text == "-" and self.glued(end) and self.glued(end + 1) and self.toks[end + 1].kind == "num":
            return j  # "three C-130 planes", "two F-16s": a model name, not a unit
        if self.glued(j) is False and len(written) == 1 and written in ("C", "F", "m"):
            # "30 C" is fine, but a lone capital after a space may be an initial ("won 2 C Smith")
            if end < len(self.toks) and self.toks[end].kind == "word" and self.toks[end].text[:1].isupper():
                return j
        self.set_unit(reading, info, written)
        return self.read_per(reading, end)

    def set_unit(self, reading: Reading, info: UnitInfo, written: str) -> None:
        reading.unit, reading.newsquant_unit, reading.unit_surface = info.unit, info.newsquant, written
        if not info.unit and info.newsquant not in ("count",):
            reading.notes.append(f"unit '{info.name}' unknown to pint")
            reading.noun = info.name

    def currency_suffix(self, j: int) -> tuple[int, str, str] | None:
        for n in (5, 2, 1):  # five tokens: "U.S. dollars"
            if j + n > len(self.toks):
                continue
            written = self.span_text(j, j + n)
            hit = self.w.currencies_suffix.get(written) or self.w.currencies_suffix.get(written.lower())
            if hit and (written.isupper() or written.lower() == written or n > 1):
                if written == "p" and not self.glued(j) and not (j + 1 == len(self.toks) or self.toks[j + 1].kind == "sym" or self.low[j + 1] in ("at", "to")):
                    continue  # "68 p at 1112 p" is a price; "2 p" before a word is an initial
                return j + n, hit[0], hit[1]
        return None

    def read_per(self, reading: Reading, j: int) -> int:
        """ "$70 per barrel", "$5 a gallon", "10 tests per day": a rate."""
        if j + 1 >= len(self.toks) or self.low[j] not in ("per", "a", "an", "/", "each"):
            return j
        if self.low[j] in ("a", "an") and not reading.unit:
            return j
        if self.low[j] in ("a", "an") and j + 2 < len(self.toks) and self.low[j + 2] in _TIME_ANCHORS:
            return j  # "$6.78 billion a year earlier": a time anchor, not a rate
        hit = self.match_unit(j + 1)
        if hit is not None:
            end, info, written = hit
            combined = unit_name(f"({reading.unit}) / ({info.unit})") if reading.unit and info.unit else None
            if combined:
                reading.unit = combined
            reading.newsquant_unit = f"{reading.newsquant_unit or reading.head or '-'} per {info.newsquant}"
            reading.unit_surface = f"{reading.unit_surface} per {self.span_text(j + 1, end)}".strip()
            return end
        if self.low[j] in ("per", "/") and self.toks[j + 1].kind == "word" and self.low[j + 1] not in countable().stop:
            lemma = noun_lemma(self.toks[j + 1].text)
            reading.newsquant_unit = f"{reading.newsquant_unit or '-'} per {lemma}"
            reading.noun = (reading.noun + " " if reading.noun else "") + f"per {lemma}"
            reading.unit_surface = f"{reading.unit_surface} per {self.toks[j + 1].text}".strip()
            return j + 2
        return j

    def read_noun(self, reading: Reading, j: int) -> int:
        """The counted noun after a bare figure, or after "of the" ("38 of the missiles")."""
        k = j
        if k + 1 < len(self.toks) and self.low[k] == "of" and self.low[k + 1] in ("the", "these", "those", "its", "their"):
            k += 2
            reading.of_the = True
            if k < len(self.toks) and self.low[k] == "most":
                k += 1  # "one of the most spectacular catches"
        phrase = counted_noun(self.toks, k, plural=abs(reading.value) != 1 or reading.of_the)
        if phrase is None and not reading.of_the:
            phrase = self.named_model_noun(k, plural=abs(reading.value) != 1)
        if phrase is None:
            reading.of_the = False
            return j
        reading.noun, reading.modifiers, reading.head = phrase.noun, phrase.modifiers, phrase.head
        if not reading.newsquant_unit:
            reading.newsquant_unit = phrase.noun
        return self.read_count_rate(reading, phrase.end)

    def read_count_rate(self, reading: Reading, j: int) -> int:
        """ "3,000 tests per day", "40 flights a week": a count per unit of time."""
        if j + 1 >= len(self.toks) or self.low[j] not in ("per", "a", "an", "each"):
            return j
        hit = self.match_unit(j + 1)
        if hit is None or dimension_of(hit[1].unit) != "[time]":
            return j
        if hit[0] < len(self.toks) and self.low[hit[0]] in _TIME_ANCHORS:
            return j  # "40 cars a year ago": a time anchor, not a rate
        end, info, _ = hit
        reading.noun = f"{reading.noun} per {info.newsquant}"
        reading.newsquant_unit = reading.noun
        return end

    def read_qualifier_before(self, reading: Reading) -> None:
        i = reading.first
        if i >= 2 and self.toks[i - 1].text == "-" and self.glued(i) and self.glued(i - 1) and self.low[i - 2] in self.w.glued_prefixes:
            # "sub-7 nm chips": the prefix bounds the figure
            reading.qualifier = self.w.glued_prefixes[self.low[i - 2]]
            reading.change = _BOUND_CHANGE.get(reading.qualifier, "=")
            reading.first = i - 2
            reading.notes.append(f"qualifier '{self.low[i - 2]}-'")
            return
        for n in range(min(MAX_QUALIFIER_WORDS, i), 0, -1):
            phrase = " ".join(self.low[i - n : i])
            spec = self.w.before.get(phrase)
            if spec:
                reading.qualifier, reading.change = spec["qualifier"], spec["change"]
                reading.first = i - n
                reading.notes.append(f"qualifier '{phrase}'")
                return

    def read_qualifier_after(self, reading: Reading, j: int) -> int:
        for n in (2, 1):
            phrase = " ".join(self.low[j : j + n])
            spec = self.w.after.get(phrase)
            if spec and (n == 2 or (self.glued(j) and phrase == "plus") or phrase != "plus"):
                if phrase == "plus" and not (j < len(self.toks) and self.text[self.toks[j].start - 1] in "-"):
                    continue
                if reading.qualifier == "exact":
                    reading.qualifier, reading.change = spec["qualifier"], spec["change"]
                    reading.notes.append(f"qualifier '{phrase}'")
                return j + n
        if j + 1 < len(self.toks) and self.toks[j].text == "-" and self.glued(j) and self.low[j + 1] == "plus":
            reading.qualifier, reading.change = "lower_bound", ">"
            return j + 2
        return j

    def read_change(self, reading: Reading) -> None:
        """ "rose 5%", "fell 0.4 per cent": NewsQuant's up/down, from the words before.

        A verb of change beats a qualifier ("up nearly 57%" is a rise); the new level after
        "to" is a level, not a change ("rose 18 sen to RM23.50": RM23.50 is "=").
        """
        i = reading.first
        for k in range(i - 1, max(-1, i - 1 - self.w.change_window), -1):
            if self.low[k] == "at" and k > 0 and self.low[k - 1] in ("up", "down", "higher", "lower"):
                break  # "the index was up at 96.1": the level it stands at, not the change
            label = change_label(self.low[k], self.w.changes)
            if label and self.low[k] in ("up", "down") and k > 0 and self.low[k - 1] in self.w.particle_verbs:
                label = None
            if label:
                reading.change = label
                return
            if self.toks[k].kind == "num" or self.low[k] in (",", ";", "and", "to"):
                break
        if reading.change != "=":
            return
        if reading.value < 0 and "sign from '-'" in reading.notes and (
            reading.unit in ("percent", "percentage_point") or reading.unit in self.w.currency_units
        ):
            reading.change = "down"  # "-1.3%", "$-50.8bn": a fall written as a sign

    def read_range(self, reading: Reading, j: int) -> int:
        """ "between 13 and 20", "-20 C to -27 C", "from 252 to 287 miles", "3-1"."""
        if j + 1 >= len(self.toks):
            return j
        link = self.low[j]
        before = self.low[reading.first - 1] if reading.first > 0 else ""
        if before in ("the", "a") and reading.first > 1 and self.low[reading.first - 2] in ("from", "between"):
            before = self.low[reading.first - 2]  # "down from the US$89 to $93 billion"
        dash = link in ("-", "–", "—")
        if link == "and" and before != "between":
            return j
        if link not in ("to", "and", "-", "–", "—"):
            return j
        if dash and not (self.glued(j) and self.glued(j + 1)) and link == "-":
            return j
        second = self.read_core(j + 1, second_end=True)
        if second is None:
            return j
        other, end = second
        if link == "to" and before not in ("from", "between") and reading.unit and other.unit != reading.unit:
            return j
        if link == "to" and before not in ("from", "between") and self.has_change_before(reading.first) and (reading.unit or not other.unit):
            return j  # "rose 2% to 5%": a change and a new level, not a range
        if (not reading.unit and other.unit) or (" per " in other.unit_surface and other.unit_surface.startswith(f"{reading.unit_surface} per ")):
            # "between $62 and $68 per share": the rate written once applies to both ends
            reading.unit, reading.newsquant_unit, reading.unit_surface = other.unit, other.newsquant_unit, other.unit_surface
            reading.noun = reading.noun or other.noun
        if not reading.unit and reading.magnitude == other.magnitude == 1 and all(
            float(v).is_integer() and 1000 <= v <= 2199 for v in (reading.value, other.value)
        ) and "," not in self.toks[j - 1].text:
            return j  # "between 1600 and 1900": years
        if reading.magnitude == 1 and other.magnitude != 1 and abs(reading.value) < abs(other.value / other.magnitude) + 1:
            # "1.5 to 2 million": the magnitude written once applies to both ends
            reading.value *= other.magnitude
        ends = (reading.value, other.value)
        if dash and self.score_context(reading.first):
            reading.notes.append("score")
            reading.noun = "score"
        reading.as_written = ends
        reading.low, reading.high = min(ends), max(ends)
        reading.value = (ends[0] + ends[1]) / 2
        reading.qualifier = "range"
        reading.notes.extend(other.notes)
        if before in ("from", "between"):
            reading.first -= 1
        return end

    def has_change_before(self, i: int) -> bool:
        return any(self.low[k] in self.w.changes for k in range(max(0, i - self.w.change_window), i))

    def score_context(self, i: int) -> bool:
        return any(self.low[k] in self.w.score_words for k in range(max(0, i - 3), min(len(self.toks), i + 6)))

    # -- figures without digits ----------------------------------------------------------
    def read_vague(self, i: int) -> Reading | None:
        """ "dozens of drones", "hundreds of thousands of residents", "a handful of"."""
        for n in (3, 2, 1):
            if i + n > len(self.toks):
                continue
            phrase = " ".join(self.low[i : i + n])
            spec = self.w.vague.get(phrase)
            if not spec:
                continue
            j = i + n
            has_of = j < len(self.toks) and self.low[j] == "of"
            if spec.get("needs_of") and not has_of:
                return None
            if i > 0 and self.toks[i - 1].kind == "num":
                return None  # "2 dozen": a figure, read elsewhere
            low, high = spec["interval"]
            value = float(spec.get("value", low))
            reading = Reading(first=i, last=j, value=value, qualifier="vague", change="~")
            reading.low, reading.high = float(low), math.inf if high is None else float(high)
            nq = spec.get("newsquant")
            reading.newsquant_value = tuple(nq) if nq else None
            reading.notes.append(f"vague '{phrase}'")
            k = j + 1 if has_of else j
            if has_of and k < len(self.toks) and self.low[k] in ("the", "these", "those"):
                k += 1
            phrase_np = counted_noun(self.toks, k, plural=True)
            if phrase_np:
                reading.noun, reading.modifiers, reading.head = phrase_np.noun, phrase_np.modifiers, phrase_np.head
                reading.newsquant_unit = phrase_np.noun
                reading.last = phrase_np.end
            elif not has_of and n == 1 and phrase in ("hundreds", "thousands", "millions", "dozens", "billions"):
                return None if self.low[i - 1:i] == ["the"] else reading
            return reading
        return None

    def read_fraction(self, i: int) -> Reading | None:
        """ "a third of", "half of the", "two-thirds of": a share, as a percentage."""
        nw = self.nw
        word = self.low[i]
        numerator, frac_index = None, None
        if word in nw.fractions and (i == 0 or self.low[i - 1] not in ("first", "second", "the", "this", "last", "final", "top", "bottom", "upper", "lower", "middle", "other")):
            numerator, frac_index = 1.0, i
        elif word in ("a", "an", "one") or word in nw.units:
            if i + 1 < len(self.toks) and self.low[i + 1] in nw.fractions and self.low[i + 1] not in ("second",):
                numerator = 1.0 if word in ("a", "an") else float(nw.units[word])
                frac_index = i + 1
            elif word in ("a", "an") and i + 1 < len(self.toks) and "-" in self.low[i + 1]:
                numerator, frac_index = 1.0, i + 1  # "a quarter-point"
        elif "-" in word:
            split = spelled_prefix(word)
            if split and split[1] in nw.fractions:
                numerator, frac_index = split[0], i
        if frac_index is None:
            return None
        compound = self.fraction_compound(i, frac_index, numerator)
        if compound is not None:
            return compound
        frac_word = self.low[frac_index].split("-")[-1]
        if frac_word not in nw.fractions:
            return None
        j = frac_index + 1
        if j >= len(self.toks) or self.low[j] not in ("of", "the", "a", "an"):
            return None
        of_unit = self.fraction_of_unit(i, j, numerator * nw.fractions[frac_word])
        if of_unit is not None:
            return of_unit
        share = numerator * nw.fractions[frac_word] * 100
        reading = Reading(first=i, last=j, value=round(share, 4), unit="percent", newsquant_unit="-")
        reading.notes.append("fraction")
        self.read_qualifier_before(reading)  # "nearly two-thirds of"
        k = j + 1 if self.low[j] == "of" else j
        if k < len(self.toks) and self.low[k] in ("the", "these", "those", "its", "their", "a"):
            k += 1
        phrase = counted_noun(self.toks, k, plural=True) or counted_noun(self.toks, k, plural=False)
        if phrase:
            reading.noun, reading.modifiers, reading.head = phrase.noun, phrase.modifiers, phrase.head
            reading.last = phrase.end
        return self.bracketed_share(reading)

    def bracketed_share(self, reading: Reading) -> Reading:
        """ "nearly three in ten voters (29.5%)": the percentage in brackets states the share in
        words precisely, so the two are one figure, with the bracket's value.

        Kept apart when the two are far apart: that is the article's own inconsistency.
        """
        k = reading.last
        if k + 3 >= len(self.toks) or self.toks[k].text not in "([" or self.toks[k + 1].kind != "num":
            return reading
        end = k + 3 if self.toks[k + 2].text == "%" or self.low[k + 2] == "percent" else k + 4 if self.low[k + 2 : k + 4] == ["per", "cent"] else None
        if end is None or end >= len(self.toks) or self.toks[end].text not in ")]":
            return reading
        value = parse_digits(self.toks[k + 1].text)
        if value is None or abs(value - reading.value) > SHARE_ROUNDING * max(value, reading.value):
            return reading
        reading.value, reading.qualifier, reading.last = value, "exact", end + 1
        if reading.change in _BOUND_CHANGE.values():
            reading.change = "="  # the bound was the words' ("less than a quarter"), not the figure's
        reading.notes.append("share in words, stated in brackets as a percentage")
        return reading

    def named_model_noun(self, k: int, plural: bool) -> NounPhrase | None:
        """ "three C-130 cargo planes", "two new 737 Max jets": a model name inside the counted
        noun phrase; its digits are part of the noun, never a figure of their own."""
        d = k
        while d < k + 2 and d < len(self.toks) and self.toks[d].kind == "word" and self.toks[d].text.islower() and self.low[d] not in countable().stop:
            d += 1  # "new", "used"
        if d + 2 < len(self.toks) and self.toks[d].kind == "word" and self.toks[d].text[:1].isupper() and self.toks[d + 1].text == "-" and self.glued(d + 1) and self.glued(d + 2) and self.toks[d + 2].kind == "num":
            end = d + 3  # "C-130", "F-16"
        elif d + 1 < len(self.toks) and self.toks[d].kind == "num" and self.toks[d + 1].kind == "word" and self.toks[d + 1].text[:1].isupper() and not self.glued(d + 1):
            end = d + 2  # "737 Max"
        else:
            return None
        if end < len(self.toks) and self.toks[end].kind == "word" and self.glued(end):
            end += 1  # "C-130J"
        phrase = counted_noun(self.toks, end, plural=plural)
        if phrase is None or self.toks[end].start - self.toks[end - 1].end > 1:
            return None
        name = self.span_text(k, end)
        return NounPhrase(end=phrase.end, noun=f"{name} {phrase.noun}", modifiers=(name, *phrase.modifiers), head=phrase.head)

    def compound_count(self, reading: Reading, tail: str, j: int) -> Reading | None:
        """ "an eight-member committee", "a 12-seat council": the figure counts the noun in the
        compound adjective, and the noun after it names what has them.

        Only for a noun the compound ends in, before another word: "a two-way street" counts
        ways, but "one-off", "two-thirds" and "three-day" are read elsewhere.
        """
        if "-" in tail or reading.value == 1 or not is_noun(tail) or tail.lower() in countable().stop:
            return None
        if j >= len(self.toks) or self.toks[j].kind != "word" or not self.glued(j) and self.toks[j].start != self.toks[j - 1].end + 1:
            return None
        after = counted_noun(self.toks, j, plural=False) or counted_noun(self.toks, j, plural=True)
        if after is None:
            return None
        reading.noun, reading.head = noun_lemma(tail.lower()), noun_lemma(tail.lower())
        reading.modifiers = (after.noun,)
        reading.newsquant_unit = reading.noun
        reading.notes.append("count from a hyphenated adjective")
        reading.last = j
        return reading

    def small_number(self, i: int) -> float | None:
        """A count written in one token, in digits or a word ("3", "three")."""
        if i >= len(self.toks):
            return None
        if self.toks[i].kind == "num":
            return parse_digits(self.toks[i].text)
        parsed = parse_spelled([self.toks[i].text])
        return parsed[0] if parsed else None

    def read_out_of(self, i: int) -> Reading | None:
        """ "one out of three Germans", "9 out of 10 doctors", "three in ten voters": a share,
        as a percentage."""
        if i + 2 < len(self.toks) and self.low[i + 1] == "in" and self.share_in(i):
            whole_at = i + 2
        elif i + 3 < len(self.toks) and self.low[i + 1 : i + 3] == ["out", "of"]:
            whole_at = i + 3
        else:
            return None
        part, whole = self.small_number(i), self.small_number(whole_at)
        if part is None or not whole or part > whole:
            return None
        reading = Reading(first=i, last=whole_at + 1, value=round(part / whole * 100, 6), unit="percent", newsquant_unit="-")
        reading.notes.append("fraction")
        phrase = counted_noun(self.toks, whole_at + 1, plural=whole != 1)
        if phrase:
            reading.noun, reading.modifiers, reading.head = phrase.noun, phrase.modifiers, phrase.head
            reading.last = phrase.end
        self.read_qualifier_before(reading)
        return self.bracketed_share(reading)

    def share_in(self, i: int) -> bool:
        """ "three in ten", "1 in 5": "in" between two numbers makes a share only when the whole
        is one news uses for shares and no unit or date follows it ("2 in 10 minutes")."""
        part, whole = self.small_number(i), self.small_number(i + 2)
        if part is None or whole is None or not part < whole or whole not in self.w.share_wholes:
            return False
        if self.toks[i + 2].kind == "num" and (self.glued(i + 3) or self.unit_follows(i + 3)):
            return False
        nxt = self.low[i + 3] if i + 3 < len(self.toks) else ""
        if nxt in self.w.date_words or self.nw.is_number_word(nxt) or nxt in self.nw.magnitudes:
            return False
        if self.toks[i + 2].kind == "word" and lookup_unit(nxt) is not None:
            return False  # "two in ten minutes"
        return i == 0 or self.toks[i - 1].kind != "num"

    def fraction_of_unit(self, i: int, j: int, share: float) -> Reading | None:
        """ "three-quarters of a percentage point", "half a mile": a share of one unit."""
        k = j + 1 if self.low[j] == "of" else j
        if k >= len(self.toks) or self.low[k] not in ("a", "an"):
            return None
        hit = self.match_unit(self.skip_system(k + 1))
        if hit is None or not hit[1].unit:
            return None
        end, info, written = hit
        reading = Reading(first=i, last=end, value=round(share, 6), notes=["share of a unit"])
        self.set_unit(reading, info, written)
        return self.finish(reading, end, with_noun=False)

    def fraction_compound(self, i: int, frac_index: int, numerator: float) -> Reading | None:
        """ "a quarter-point", "a half-point increase": a fraction glued to its unit."""
        head, _, tail = self.low[frac_index].partition("-")
        unit = self.w.fraction_units.get(tail)
        if head not in self.nw.fractions or unit is None or (frac_index == i and numerator != 1):
            return None
        info = lookup_unit(unit)
        if info is None:
            return None
        reading = Reading(first=i, last=frac_index + 1, value=round(numerator * self.nw.fractions[head], 6))
        reading.notes.append("share of a unit")
        self.set_unit(reading, info, unit)
        return self.finish(reading, frac_index + 1, with_noun=False)

    def read_spelled(self, i: int) -> Reading | None:
        """ "seven drone attacks", "twenty-eight", "one Iskander-M ballistic missile", "three-day"."""
        words = [t.text for t in self.toks[i : i + 12]]
        if self.low[i] in self.nw.articles and len(words) > 1 and words[1].lower() in self.nw.scales and words[1].lower() != "dozen":
            words[0] = "one"  # "a million dollar house", "a hundred people"
        cut = 0
        while cut < len(words) and self.toks[i + cut].kind == "word":
            cut += 1
        parsed = parse_spelled(words[:cut])
        tok = self.toks[i]
        if tok.text[:1].isupper() and i > 0 and self.toks[i - 1].kind == "word" and self.toks[i - 1].text[:1].isupper():
            return None  # "Formula One", "Apollo Eleven": part of a name
        if parsed is None:
            split = spelled_prefix(tok.text)
            if split is None:
                return None
            value, tail = split
            info = compound_unit(tail)
            if info is None:
                return self.compound_count(Reading(first=i, last=i + 1, value=value, notes=["spelled number"]), tail, i + 1)
            reading = Reading(first=i, last=i + 1, value=value, notes=["spelled number"])
            self.set_unit(reading, info, tail)
            return self.finish(reading, i + 1, with_noun=False)
        value, used = parsed
        if self.low[i] == "dozen" or (used == 1 and self.low[i] in ("hundred", "thousand")):
            return None
        if i > 0 and self.low[i - 1] in ("the", "top", "bottom", "last", "first", "those", "these", "all"):
            probe = counted_noun(self.toks, i + used, plural=value != 1)
            if probe is None and lookup_unit(self.toks[i + used].text if i + used < len(self.toks) else "") is None:
                return None  # "the bottom three", "all three": a group named by its size
        j = i + used
        if value == 1 and used == 1 and not self.one_is_count(i):
            return None
        reading = Reading(first=i, last=j, value=value, notes=["spelled number"])
        j2 = self.read_magnitude(reading, j, False)
        if j2 is None:
            return None
        unit_end = self.read_unit(reading, j2)
        if unit_end is None:
            return None
        if value == 1 and not reading.unit and not reading.newsquant_unit:
            noun_end = self.read_noun(reading, unit_end)
            if noun_end == unit_end:
                return None  # "one" with no noun after it is a pronoun
            reading.last = noun_end
            return self.finish(reading, noun_end, with_noun=False)
        return self.finish(reading, unit_end, with_noun=not reading.unit and not reading.newsquant_unit)

    def one_is_count(self, i: int) -> bool:
        cv = countable()
        prev = self.low[i - 1] if i > 0 else ""
        nxt = self.low[i + 1] if i + 1 < len(self.toks) else ""
        return prev not in cv.pronoun_one and nxt not in cv.after_one and "-" not in self.low[i]

    def read_article(self, i: int, found: list[Reading]) -> Reading | None:
        """ "a ballistic missile" = 1, only before a countable thing or beside another count."""
        if self.low[i] not in self.nw.articles:
            return None
        phrase = counted_noun(self.toks, i + 1, plural=False)
        if phrase is None:
            return None
        coordinated = self.coordinated(i, phrase.end, found)
        if phrase.head not in countable().article_nouns and not coordinated:
            return None
        if i > 0 and self.low[i - 1] in countable().article_not_after and not coordinated:
            return None  # "treated at a hospital", "smoke from a jet": a place, not a count
        reading = Reading(first=i, last=phrase.end, value=1.0, noun=phrase.noun, modifiers=phrase.modifiers, head=phrase.head)
        reading.newsquant_unit = phrase.noun
        reading.notes.append("indefinite article as a count of one")
        return reading

    def coordinated(self, i: int, end: int, found: list[Reading]) -> bool:
        """ "a ballistic missile and 111 drones": an article before "and" and a figure counts.

        Only this order: after a figure ("80 million followers and a fan base") the article
        mostly starts a new noun phrase that is no count.
        """
        if end + 1 < len(self.toks) and self.low[end] == "and":
            k = end + 1
            if k < len(self.toks) and self.low[k] in ("a", "an", "staggering", "further", "another"):
                k += 1
            while k < len(self.toks) and self.low[k] in ("a", "staggering", "further", "total", "of"):
                k += 1
            if k < len(self.toks) and (self.toks[k].kind == "num" or self.nw.is_number_word(self.toks[k].text)):
                return True
        return False

    def finish(self, reading: Reading, j: int, with_noun: bool) -> Reading:
        self.read_qualifier_before(reading)
        j = self.read_range(reading, j)
        if with_noun:
            j = self.read_noun(reading, j)
        j = self.read_qualifier_after(reading, j)
        reading.last = max(j, reading.last)
        self.read_change(reading)
        self.points_of_percentage(reading)
        return reading


def change_label(word: str, changes: dict[str, str]) -> str | None:
    """The change a word says, from its own form or its verb lemma ("plummeting" -> "down").

    >>> change_label("plummeting", {"plummet": "down"}), change_label("table", {"plummet": "down"})
    ('down', None)
    """
    label = changes.get(word)
    if label is None and word.endswith(("ing", "ed")):  # not "-s": "rebounds" is mostly a noun
        label = next((changes[lemma] for lemma in _verb_lemmas(word) if lemma in changes), None)
    return label


@lru_cache(maxsize=16384)
def _verb_lemmas(word: str) -> tuple[str, ...]:
    return getAllLemmas(word).get("VERB", ())


def compound_unit(word: str) -> UnitInfo | None:
    """The unit of a hyphenated compound after a figure, the longest that names one.

    >>> compound_unit("mile-per-hour").unit, compound_unit("year-old").unit
    ('mile / hour', 'year')
    >>> compound_unit("barrel-a-day").newsquant
    'barrel per day'
    >>> compound_unit("member") is None
    True
    """
    parts = word.split("-")
    for n in range(len(parts), 0, -1):
        info = lookup_unit(" ".join(parts[:n]))
        if info is not None:
            if n + 2 <= len(parts) and parts[n].lower() in ("a", "an", "per"):
                rate = _rate_unit(info, lookup_unit(" ".join(parts[n + 1 :])))
                if rate is not None:
                    return rate
            return info
    return None


def _rate_unit(top: UnitInfo, bottom: UnitInfo | None) -> UnitInfo | None:
    """ "barrel-a-day": one unit per another, None when pint cannot divide them."""
    if bottom is None or not top.unit or not bottom.unit:
        return None
    combined = unit_name(f"({top.unit}) / ({bottom.unit})")
    if combined is None:
        return None
    return UnitInfo(combined, f"{top.newsquant} per {bottom.newsquant}", f"{top.name} per {bottom.name}")


def claim_fields(reading: Reading, text: str, tokens: list[Token]) -> dict:
    """The Claim fields a reading fills (everything but ids, sentence and links)."""
    start, end = tokens[reading.first].start, tokens[reading.last - 1].end
    unit = reading.unit
    return dict(
        surface=text[start:end],
        start=start,
        end=end,
        kind="quantity",
        value=reading.value,
        low=reading.low,
        high=reading.high,
        unit=unit,
        unit_surface=reading.unit_surface,
        noun=reading.noun,
        modifiers=reading.modifiers,
        dimension=dimension_of(unit) if unit else "",
        qualifier=reading.qualifier,
        change=reading.change,
        as_written=reading.as_written,
        notes=tuple(reading.notes),
    )
