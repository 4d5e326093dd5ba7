"""Text helpers shared by the stages: same-length normalization and sentence spans.

Claims point into ``Article.text`` by character offset, so every normalization here keeps the
length of the text: one character in, one character out. Pages deliver no-break spaces, U+2212
minus signs, curly quotes and thin spaces; the extractors read the normalized copy and report
offsets that are valid in the original.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One character for one character, so offsets survive.
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u202f": " ",  # narrow no-break space
        "\u200a": " ",  # hair space
        "\u2212": "-",  # minus sign
        "\u2012": "-",  # figure dash
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ad": " ",  # soft hyphen, invisible in pages but splits words in text
    }
)


def normalize_same_length(text: str) -> str:
    """Fold typographic variants to ASCII without changing the length of the text.

    >>> normalize_same_length("minus\\u00a023C, \\u221226 \\u2019s")
    "minus 23C, -26 's"
    """
    return text.translate(_SAME_LENGTH)


# Abbreviations after which a full stop does not end a sentence in news copy.
_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Lt Sgt Capt Adm Maj Cmdr St Mt Jr Sr Inc Corp Ltd Co "
    "Bros vs etc No Nos Fig Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S U.K U.N E.U "
    "a.m p.m approx est dept univ"
).split()
_ABBREV_RE = "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS, key=len, reverse=True))
# A sentence ends at . ! ? (and any closing quotes or brackets) before whitespace and an
# upper-case letter, digit or opening quote, or at a line break. Variable-width look-behinds are
# not allowed, so abbreviations are checked on each candidate afterwards.
_BOUNDARY = re.compile(r"""(?<=[.!?])["'\)\]]*\s+(?=["'\(\[]?[A-Z0-9])|\n+""")
_ABBREV_TAIL = re.compile(r"(?:^|[\s(])(?:%s)\.$|\b[A-Z]\.$" % _ABBREV_RE)


@lru_cache(maxsize=64)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Split text into sentences; return (start, end) offsets with surrounding space trimmed.

    >>> t = "Mr. Smith said 3. U.S. forces left.\\nNew line"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Mr. Smith said 3.', 'U.S. forces left.', 'New line']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start : m.start()]
        if "\n" not in m.group(0) and _ABBREV_TAIL.search(head.rstrip("\"')]")):
            continue
        _append_trimmed(text, start, m.start(), spans)
        start = m.end()
    _append_trimmed(text, start, len(text), spans)
    return tuple(spans)


def _append_trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``offset``; the whole text if none does."""
    for a, b in sentence_spans(text):
        if a <= offset < b:
            return a, b
    return 0, len(text)
