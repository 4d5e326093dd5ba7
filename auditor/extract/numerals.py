"""Reading written numbers: digits with separators, spelled numbers, magnitudes, fractions.

The word lists live in ``rules/vocabulary/numbers.yaml``; this module only combines them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from auditor.resources import vocabulary


@dataclass(frozen=True)
class NumberWords:
    """The number vocabulary, loaded once."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    magnitudes: dict[str, float]
    glued: frozenset[str]
    glued_upper: dict[str, float]
    currency_glued: frozenset[str]
    fractions: dict[str, float]
    ordinals: frozenset[str]
    articles: frozenset[str]

    def is_number_word(self, word: str) -> bool:
        w = word.lower()
        return w in self.units or w in self.tens or w in self.scales


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    """The parsed ``numbers.yaml``."""
    raw = vocabulary("numbers")
    return NumberWords(
        units=dict(raw["units"]),
        tens=dict(raw["tens"]),
        scales=dict(raw["scales"]),
        magnitudes={str(k).lower(): float(v) for k, v in raw["magnitudes"].items()},
        glued=frozenset(str(x).lower() for x in raw["glued_magnitudes"]),
        glued_upper={str(k): float(v) for k, v in raw.get("glued_magnitudes_upper", {}).items()},
        currency_glued=frozenset(str(x).lower() for x in raw["currency_glued_magnitudes"]),
        fractions=dict(raw["fractions"]),
        ordinals=frozenset(raw["ordinals"]),
        articles=frozenset(raw["article_counts"]),
    )


def parse_digits(token: str) -> float | None:
    """A figure written in digits, with thousands commas; None if it is not one.

    >>> parse_digits("1,170")
    1170.0
    >>> parse_digits("4.5")
    4.5
    >>> parse_digits("1,2") is None
    True
    """
    if "," in token:
        head, *groups = token.split(".")[0].split(",")
        if not (1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)):
            return None
        token = token.replace(",", "")
    try:
        return float(token)
    except ValueError:
        return None


def parse_spelled(words: list[str]) -> tuple[float, int] | None:
    """Read a spelled number from the start of ``words``; return (value, words used).

    Hyphenated words ("twenty-eight") count as one word. "and" is read inside a number only
    between a scale word and what follows ("one hundred and five").

    >>> parse_spelled(["twenty-eight", "thousand", "six", "hundred", "forty-two", "people"])
    (28642.0, 5)
    >>> parse_spelled(["one", "hundred", "and", "five"])
    (105.0, 4)
    >>> parse_spelled(["seven", "drone", "attacks"])
    (7.0, 1)
    >>> parse_spelled(["hundred"]) is None
    True
    """
    nw = number_words()
    total = current = 0.0
    used = 0
    seen_small = False
    for i, word in enumerate(words):
        w = word.lower()
        value = _small_number(w, nw)
        if value is not None:
            if seen_small and current % 100 != 0 and value < 100:
                break  # "seven eight" is two numbers, not 15
            current += value
            seen_small = True
        elif w in nw.scales and seen_small:
            scale = nw.scales[w]
            if scale == 100 or scale == 12:
                current *= scale
            else:
                total += current * scale
                current = 0.0
        elif w == "and" and _and_inside(words, i, nw):
            continue
        else:
            break
        used = i + 1
    if not used:
        return None
    return total + current, used


def _and_inside(words: list[str], i: int, nw: NumberWords) -> bool:
    """True when "and" at ``i`` joins a scale word to a smaller number ("hundred and five")."""
    if i == 0 or i + 1 >= len(words) or words[i - 1].lower() not in nw.scales:
        return False
    return _small_number(words[i + 1].lower(), nw) is not None


def _small_number(word: str, nw: NumberWords) -> int | None:
    if word in nw.units:
        return nw.units[word]
    if word in nw.tens:
        return nw.tens[word]
    if "-" in word:
        ten, _, unit = word.partition("-")
        if ten in nw.tens and unit in nw.units and nw.units[unit] < 10:
            return nw.tens[ten] + nw.units[unit]
    return None


def spelled_prefix(word: str) -> tuple[float, str] | None:
    """Split a hyphenated word that starts with a number: "three-day" -> (3, "day").

    >>> spelled_prefix("four-year-old")
    (4.0, 'year-old')
    >>> spelled_prefix("twenty-eight") is None
    True
    >>> spelled_prefix("one-off")
    (1.0, 'off')
    """
    parts = word.split("-")
    nw = number_words()
    for cut in range(len(parts) - 1, 0, -1):
        head, tail = "-".join(parts[:cut]), "-".join(parts[cut:])
        value = _small_number(head.lower(), nw)
        if value is not None and _small_number(word.lower(), nw) is None:
            return float(value), tail
    return None
