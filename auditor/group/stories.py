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


def bridged(a: frozenset[str], b: frozenset[str], c: frozenset[str]) -> bool:
    """Whether ``a`` and ``b`` tell one story because each tells the story of ``c``.

    Reports of one event each pick different details: a short wire piece and a long feature may
    share only the place name, yet each clearly tells the story of a third report. Two articles
    that both match a third, and name at least ``bridge_min_shared`` things in common, are the
    same story; unrelated stories rarely both match a third one.

    >>> story = frozenset("toba sumatra medan ferry agency indonesia".split())
    >>> bridged(frozenset("toba indonesia sumatra agency".split()),
    ...         frozenset("toba indonesia medan ferry".split()), story)
    True
    >>> bridged(frozenset("toba indonesia sumatra agency".split()),
    ...         frozenset("london europe yukos".split()), story)
    False
    """
    shared = len(a & b)
    return (bool(shared) and shared >= int(vocabulary("stories").get("bridge_min_shared", 1))
            and same_story(a, c) and same_story(c, b))


class Stories:
    """Which articles of one audit tell the same story; names are read once per article."""

    def __init__(self, articles) -> None:
        self._names = {a.id: names(a.text) for a in articles}
        self._by_name: dict[str, set[str]] = {}
        for aid, found in self._names.items():
            for name in found:
                self._by_name.setdefault(name, set()).add(aid)
        self._direct: dict[str, frozenset[str]] = {}
        self._known: dict[tuple[str, str], bool] = {}  # the check asks about one pair many times

    def same(self, a: str, b: str) -> bool:
        """Same article, or two articles sharing enough names, directly or through a third article
        that tells the story of both (see ``bridged``); an unknown article is given the benefit."""
        if a == b or a not in self._names or b not in self._names:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self._known:
            self._known[key] = self._same(a, b)
        return self._known[key]

    def _same(self, a: str, b: str) -> bool:
        first, second = self._names[a], self._names[b]
        if same_story(first, second):
            return True
        if not first & second:
            return False
        bridges = self._neighbours(a) & self._neighbours(b)
        return any(bridged(first, second, self._names[c]) for c in bridges)

    def _neighbours(self, a: str) -> frozenset[str]:
        # Only articles sharing a name can match; the index keeps a large archive fast.
        if a not in self._direct:
            mine = self._names[a]
            candidates = set().union(*(self._by_name[n] for n in mine)) if mine else set()
            self._direct[a] = frozenset(c for c in candidates - {a} if mine and self._names[c]
                                        and same_story(mine, self._names[c]))
        return self._direct[a]

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


__all__ = ["Stories", "bridged", "names", "same_story"]
