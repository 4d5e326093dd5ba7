"""Words of a sentence with their offsets, and matchers for vocabulary phrases.

Every referent rule looks at the words around a figure, so a sentence is tokenized once
(cached) and vocabulary phrases are compiled once per process into one regular expression per
vocabulary section, with the inflections of their verbs and nouns spelled out (lemminflect), so
that matching costs one regex scan of the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllInflections

from auditor.text import normalize_same_length

# "U.S." stays one word; "Kyiv's" splits into "Kyiv" and "'s"; "high-rise" and "Iskander-M" stay whole.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*(?:-[^\W\d_]+)+|\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W_]+)*|'s\b|\S")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Sentence:
    """A sentence folded to ASCII punctuation (same length as written) and its words."""

    text: str
    tokens: tuple[Token, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def index_at(self, offset: int) -> int:
        """Index of the first token that ends after ``offset`` (the token holding it, or the next)."""
        return bisect_right(self.ends, offset)

    def token_span(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [i, j) that overlap the character span [start, end)."""
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end)
        return i, max(i, j)

    def words(self, i: int, j: int) -> list[str]:
        return [t.text for t in self.tokens[max(0, i) : max(0, j)]]


@lru_cache(maxsize=4096)
def sentence(text: str) -> Sentence:
    """Tokenize once; claims from one sentence share the result.

    >>> [t.text for t in sentence("Kyiv's 378 high-rise buildings.").tokens]
    ['Kyiv', "'s", '378', 'high-rise', 'buildings', '.']
    """
    norm = normalize_same_length(text)
    tokens = tuple(Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(norm))
    return Sentence(norm, tokens, tuple(t.start for t in tokens), tuple(t.end for t in tokens))


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    label: str
    text: str


def _word_forms(word: str, inflect: str) -> set[str]:
    forms = {word}
    if inflect in ("verb", "all"):
        for tup in getAllInflections(word, upos="VERB").values():
            forms.update(tup)
    return forms


def _last_word_forms(word: str) -> set[str]:
    forms = {word}
    for tup in getAllInflections(word, upos="NOUN").values():
        forms.update(tup)
    if not word.endswith("s"):
        forms.add(word + "s")
    return forms


def phrase_variants(phrase: str, verbs: bool = True, plurals: bool = True) -> set[str]:
    """The written forms of a vocabulary phrase: verb inflections, and the plural of its last word.

    >>> sorted(phrase_variants("shoot down", plurals=False))[:3]
    ['shoot down', 'shoot downed', 'shoot downing']
    >>> "drone attacks" in phrase_variants("drone attack")
    True
    """
    words = phrase.lower().split()
    if not words:
        return set()
    options: list[set[str]] = []
    for k, w in enumerate(words):
        forms = _word_forms(w, "verb") if verbs and w not in ("not", "to", "the", "a", "of") else {w}
        if plurals and k == len(words) - 1:
            forms |= _last_word_forms(w)
        options.append(forms)
    out = {""}
    for forms in options:
        out = {f"{a} {b}".strip() for a in out for b in forms}
    return out


NAME = "NAME"  # in a vocabulary phrase: any one capitalised word ("per NAME share")


def _named_pattern(phrase: str) -> re.Pattern:
    parts = [r"(?-i:[A-Z])[\w&'.-]*" if w == NAME else re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<![\w-])%s(?![\w-])" % r"\s+".join(parts), re.IGNORECASE)


class PhraseMatcher:
    """Find vocabulary phrases in a sentence, longest first, each mapped back to its label.

    >>> m = PhraseMatcher({"shot down": ["shoot down", "intercept"]}, plurals=False)
    >>> [(x.label, x.text) for x in m.find("Air defences shot down 38 and intercepted 412.")]
    [('shot down', 'shot down'), ('shot down', 'intercepted')]
    >>> [x.text for x in PhraseMatcher({"price": ["per NAME share"]}).find("$95 per Activision share")]
    ['per Activision share']
    """

    def __init__(self, labelled: Mapping[str, Iterable[str]], verbs: bool = True, plurals: bool = True):
        self._label: dict[str, str] = {}
        # Phrases holding NAME stand for any capitalised word there: "per NAME share".
        self._named: list[tuple[re.Pattern, str]] = []
        for label, phrases in labelled.items():
            for phrase in phrases:
                if NAME in str(phrase).split():
                    self._named.append((_named_pattern(str(phrase)), label))
                    continue
                for form in phrase_variants(str(phrase), verbs=verbs, plurals=plurals):
                    self._label.setdefault(form, label)
        alternatives = sorted(self._label, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alternatives)
        # (?<![\w-]) keeps "war" out of "post-war" and "fire" out of "ceasefire".
        self._re = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % body, re.IGNORECASE) if body else None
        # Claims of one sentence ask about the same sentence: remember the last few answers.
        self.find = lru_cache(maxsize=1024)(self._find)  # type: ignore[method-assign]

    def find(self, text: str) -> tuple[Match, ...]:
        """Every phrase in ``text``, left to right, the longest at each position."""
        return self._find(text)

    def _find(self, text: str) -> tuple[Match, ...]:
        out = []
        for m in self._re.finditer(text) if self._re is not None else ():
            written = " ".join(m.group(0).lower().split())
            out.append(Match(m.start(), m.end(), self._label.get(written, written), m.group(0)))
        for pattern, label in self._named:
            for m in pattern.finditer(text):
                if not any(o.start < m.end() and m.start() < o.end for o in out):
                    out.append(Match(m.start(), m.end(), label, m.group(0)))
        return tuple(sorted(out, key=lambda x: x.start))

    def label_of(self, phrase: str) -> str | None:
        return self._label.get(" ".join(phrase.lower().split()))


_CLAUSE_BREAK = re.compile(r";|:|\s[-\u2013\u2014]\s|\u2014|,\s(?:and|but|while|whereas|as|yet)\s")


def clause_of(sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause holding [start, end): between semicolons, colons, dashes
    and ", and" / ", but" joins; a comma alone does not end a clause.

    >>> s = sentence("Ukraine agreed, and today 3 died; more later.")
    >>> s.text[slice(*clause_of(s, 26, 27))]
    'today 3 died'
    """
    a, b = 0, len(sent.text)
    for m in _CLAUSE_BREAK.finditer(sent.text):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b
