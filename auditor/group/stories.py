"""Stories: whether two articles report the same event, from the names they share.

A fact-checker compares figures across reports of one story; "5 years" in a trade story and
"3 years" in a court story are not a discrepancy, however alike their referents. Names (people,
places, agencies: capitalised words inside a sentence) are what reports of one event have in
common, so two articles tell the same story when they share enough names. The thresholds and the
capitalised words that name nothing are data in ``rules/vocabulary/stories.yaml``.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from auditor.resources import vocabulary
from auditor.text import normalize_same_length, sentence_spans

_NAME = re.compile(r"\b[A-Z][A-Za-z\-]{2,}(?:'s)?")


def names(text: str) -> frozenset[str]:
    """The lower-cased capitalised words of a text, except each sentence's first word.

    >>> sorted(names("Rescuers reached Ludian on Monday. The Red Cross's teams flew from Kunming."))
    ['cross', 'kunming', 'ludian', 'red']
    """
    text = normalize_same_length(text)
    ignore = _ignored()
    found: set[str] = set()
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        lead = re.match(r"""["'(\[]*""", sentence).end()
        for m in _NAME.finditer(sentence):
            word = m.group().lower().removesuffix("'s")
            if m.start() > lead and word not in ignore:
                found.add(word)
    return frozenset(found)


def same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two articles' names overlap enough to be reports of one event.

    A text with no names at all (a bare figure, a test) says nothing either way and is given the
    benefit of the doubt.

    >>> same_story(frozenset("haiyan philippines samar pagasa leyte".split()),
    ...            frozenset("haiyan philippines samar leyte manila tacloban".split()))
    True
    >>> same_story(frozenset("europe bush london".split()), frozenset("europe yukos russia gazprom".split()))
    False
    >>> same_story(frozenset("microsoft activision kotick".split()), frozenset("microsoft activision xbox".split()))
    True
    """
    if not a or not b:
        return True
    spec = vocabulary("stories")
    shared = len(a & b)
    shorter = min(len(a), len(b))
    # A short item names few things: half of its names, and at least two, are enough.
    needed = min(int(spec["min_shared"]), max(2, math.ceil(shorter * float(spec["short_share"]))))
    return shared >= needed and shared / shorter >= float(spec["min_overlap"])


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    return frozenset(str(w).lower() for w in vocabulary("stories").get("ignore", []))


class Stories:
    """Which articles of one audit tell the same story; names are read once per article."""

    def __init__(self, articles) -> None:
        self._names = {a.id: names(a.text) for a in articles}

    def same(self, a: str, b: str) -> bool:
        """Same article, or two articles sharing enough names; an unknown article is given the benefit."""
        if a == b or a not in self._names or b not in self._names:
            return True
        return same_story(self._names[a], self._names[b])

    def components(self, article_ids) -> list[list[str]]:
        """The articles split into stories: connected by ``same``, in first-seen order."""
        ids = list(dict.fromkeys(article_ids))
        parent = {i: i for i in ids}

        def root(i: str) -> str:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for n, a in enumerate(ids):
            for b in ids[n + 1:]:
                if root(a) != root(b) and self.same(a, b):
                    parent[root(b)] = root(a)
        out: dict[str, list[str]] = {}
        for i in ids:
            out.setdefault(root(i), []).append(i)
        return list(out.values())


__all__ = ["Stories", "names", "same_story"]
