"""The rule records. They know nothing about YAML: the loader builds them, the engine reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from auditor.model import Problem


@dataclass(frozen=True)
class Match:
    """Which claims a rule looks at. An empty field means "any"."""

    kinds: tuple[str, ...] = ()  # claim kinds: quantity, date, duration
    dimension: str = ""  # a pint dimensionality ("[temperature]") or "count" for plain counts
    qualifiers: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    noun: str = ""  # regular expression searched in the claim's noun

    def specificity(self) -> int:
        """How many constraints the match sets; the most specific rule wins a pair.

        >>> Match(kinds=("quantity",), dimension="[temperature]").specificity()
        2
        """
        return sum(bool(x) for x in (self.kinds, self.dimension, self.qualifiers, self.events, self.noun))


@dataclass(frozen=True)
class Tolerance:
    """How far two figures may differ and still agree.

    ``absolute`` is a pint quantity as text ("2 delta_degC", "1 day", "0"); ``relative`` a
    fraction (0.05 for "5 %"). Figures agree when the gap between their intervals is at most the
    larger of the two allowances.
    """

    absolute: str = ""
    relative: float = 0.0
    rounding: bool = False  # widen a figure by the precision it is written with ("four" = 3.5..4.5)
    max_rounding: float = 0.125  # cap on that widening, as a fraction of the figure

    def describe(self) -> str:
        """The tolerance in words, as findings show it.

        >>> Tolerance(absolute="2 delta_degC", relative=0.05).describe()
        '2 delta_degC or 5 %'
        >>> Tolerance(absolute="0 day", rounding=True).describe(), Tolerance().describe()
        ('rounding as written', 'exact match')
        """
        parts = []
        if self.absolute and not re.match(r"0*(\.0*)?(\s|$)", self.absolute.strip()):
            parts.append(self.absolute)
        if self.relative:
            parts.append(f"{self.relative * 100:g} %")
        if self.rounding:
            parts.append("rounding as written")
        return " or ".join(parts) or "exact match"


@dataclass(frozen=True)
class Example:
    """Claims a rule must fire on (``expect="fire"``) or stay quiet on (``expect="quiet"``).

    Each claim is a mapping of :class:`auditor.model.Claim` fields plus ``article`` (the article
    id) and ``published`` (that article's date); tests turn them into records.
    """

    expect: str
    claims: tuple[Mapping[str, Any], ...]
    note: str = ""


@dataclass(frozen=True)
class Rule:
    """One declarative check: which claims, how they are compared, how loud a failure is."""

    id: str
    kind: str  # the registered comparator's name
    description: str = ""
    rationale: str = ""
    severity: str = "warning"
    enabled: bool = True
    match: Match = field(default_factory=Match)
    tolerance: Tolerance = field(default_factory=Tolerance)
    message: str = ""
    examples: tuple[Example, ...] = ()
    options: tuple[tuple[str, Any], ...] = ()
    origin: str = ""

    def option(self, name: str, default: Any = None) -> Any:
        """The value of one comparator option, or ``default``."""
        for key, value in self.options:
            if key == name:
                return value
        return default


@dataclass(frozen=True)
class RuleSet:
    """The effective rules after layering, and what went wrong without stopping the load."""

    rules: tuple[Rule, ...] = ()
    problems: tuple[Problem, ...] = ()

    def get(self, rule_id: str) -> Rule | None:
        """The rule with this id, or None."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def enabled(self) -> tuple[Rule, ...]:
        """The rules that run."""
        return tuple(r for r in self.rules if r.enabled)


class RuleError(Exception):
    """Rule files that cannot be used; ``problems`` says where and what to do."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # picklable, like every error value in auditor
        return (RuleError, (self.problems,))
