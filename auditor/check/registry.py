"""Named, registered comparators. A rule's ``kind`` names one; the YAML never holds code.

Three scopes:

- ``pair``: compares two claims of one group (tolerance, rounding, vague, date);
- ``article``: checks claims linked inside one article (conversion, part_whole);
- ``corpus``: relates claims across groups (duration_span).

Each comparator brings a default message template; ``tests/strategies.py`` holds one hypothesis
strategy per comparator name, and a test checks none is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Mapping, Sequence

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

    def __post_init__(self) -> None:
        self.by_id = {c.id: c for c in self.claims}

    def published(self, claim: Claim) -> date | None:
        article = self.articles.get(claim.article_id)
        return article.published if article else None


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
