"""Named, registered comparators. A rule's ``kind`` names one; the YAML never holds code.

Three scopes:

- ``pair``: compares two claims of one group (tolerance, rounding, vague, date);
- ``article``: checks claims linked inside one article (conversion, part_whole);
- ``corpus``: relates claims across groups (duration_span).

Each comparator brings a default message template; ``tests/strategies.py`` holds one hypothesis
strategy per comparator name, and a test checks none is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Mapping, Sequence

from auditor.group.stories import Stories
from auditor.model import Article, Claim

# Outcome statuses of a pair comparison.
AGREE, DISAGREE, NOTE, NOT_COMPARABLE = "agree", "disagree", "note", "not_comparable"
# Disagree by so large a factor that they are more likely different things: an info note.
FAR = "far"


@dataclass(frozen=True)
class Outcome:
    """What a pair comparator says about two claims, and why (for the group's reasons)."""

    status: str
    detail: str = ""
    reason: str = ""


@dataclass(frozen=True)
class RawFinding:
    """A finding before it gets its id, fingerprint, message and suppression."""

    rule_id: str
    claims: tuple[Claim, ...]
    group_id: str | None
    verdict: str
    minority: tuple[Claim, ...] = ()
    majority: tuple[Claim, ...] = ()
    detail: str = ""
    severity: str | None = None  # a cap below the rule's severity, e.g. for scattered groups


@dataclass
class Context:
    """What comparators may look up: every claim and article by id."""

    claims: Sequence[Claim]
    articles: Mapping[str, Article]
    by_id: dict[str, Claim] = field(default_factory=dict)
    stories: Stories | None = None
    _options: dict[str, tuple[Claim, ...]] | None = None
    _sentences: dict[tuple, list[Claim]] | None = None

    def __post_init__(self) -> None:
        self.by_id = {c.id: c for c in self.claims}
        if self.stories is None:
            self.stories = Stories(self.articles.values())

    def same_story(self, a: Claim, b: Claim) -> bool:
        """Whether two claims' articles report the same event (see auditor/group/stories.py)."""
        return self.stories.same(a.article_id, b.article_id)

    def alternatives(self, claim: Claim) -> tuple[Claim, ...]:
        """The other figures offered with this one as options: "50 or 75 basis points"."""
        if self._options is None:
            self._options = alternatives_of(self.claims, self.articles)
        return self._options.get(claim.id, ())

    def companions(self, claim: Claim) -> tuple[Claim, ...]:
        """The other figures of the claim's sentence ("367 killed and 1,881 injured")."""
        if self._sentences is None:
            self._sentences = {}
            for c in self.claims:
                self._sentences.setdefault((c.article_id, c.sentence_start, c.sentence), []).append(c)
        same = self._sentences.get((claim.article_id, claim.sentence_start, claim.sentence), [])
        return tuple(c for c in same if c.id != claim.id and c.kind == "quantity")

    def source(self, claim: Claim) -> str:
        """Who published the claim: the article's outlet, or its id when the outlet is unknown."""
        article = self.articles.get(claim.article_id)
        return (article.source.strip() if article and article.source else "") or claim.article_id

    def published(self, claim: Claim) -> date | None:
        article = self.articles.get(claim.article_id)
        return article.published if article else None


_OR = re.compile(r"^[\s,]*(?:[a-z%]+\s+){0,2}or(?:\s+(?:a|an|by))?\s*$", re.IGNORECASE)


def alternatives_of(claims: Sequence[Claim], articles: Mapping[str, Article]) -> dict[str, tuple[Claim, ...]]:
    """For each claim, the figures of its sentence joined to it by "or" (in either order).

    >>> t = "Powell said 50 or 75 basis points was likely."
    >>> a, b = Claim("a", "x", "50", 12, 14, t), Claim("b", "x", "75 basis points", 18, 33, t)
    >>> [c.id for c in alternatives_of([a, b], {"x": Article("x", "", t)})["a"]]
    ['b']
    """
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        if c.kind == "quantity" and c.article_id in articles:
            by_sentence.setdefault((c.article_id, c.sentence_start), []).append(c)
    links: dict[str, list[Claim]] = {}
    for (article_id, _), members in by_sentence.items():
        text = articles[article_id].text
        members.sort(key=lambda c: c.start)
        for first, second in zip(members, members[1:]):
            if first.end <= second.start and _OR.match(text[first.end:second.start]):
                links.setdefault(first.id, []).append(second)
                links.setdefault(second.id, []).append(first)
    return {k: tuple(v) for k, v in links.items()}


@dataclass(frozen=True)
class Comparator:
    """A registered comparison: how it is scoped, its default message, its severity cap."""

    name: str
    scope: str  # pair | article | corpus
    message: str
    applies: Callable[[Claim, Claim], bool] | None = None  # pair scope: may it compare these two?
    compare: Callable | None = None  # pair: (a, b, rule, ctx) -> Outcome
    run: Callable | None = None  # article/corpus: (claims, rule, ctx) -> list[RawFinding]
    max_severity: str = "error"
    summary: str = ""


COMPARATORS: dict[str, Comparator] = {}


def register(comparator: Comparator) -> Comparator:
    """Add a comparator under its name; a second one with the same name is a programming error."""
    if comparator.name in COMPARATORS:
        raise ValueError(f"comparator {comparator.name!r} is registered twice")
    COMPARATORS[comparator.name] = comparator
    return comparator


from auditor.check import comparators as _comparators  # noqa: E402,F401 - fills COMPARATORS
