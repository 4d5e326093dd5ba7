"""The records that flow through the pipeline.

Every record is a frozen dataclass of plain values (str, float, int, tuple, None) so that it can
be pickled to a worker, stored in a claim archive and written to JSON without custom encoders.
Stages never mutate a record: they return a new one with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Kind = Literal["quantity", "date", "duration"]
Qualifier = Literal["exact", "approx", "lower_bound", "upper_bound", "range", "vague"]
Verdict = Literal["consistent", "discrepancy", "not_comparable", "single"]
Severity = Literal["error", "warning", "info"]

KINDS: tuple[str, ...] = ("quantity", "date", "duration")
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "lower_bound", "upper_bound", "range", "vague")
VERDICTS: tuple[str, ...] = ("consistent", "discrepancy", "not_comparable", "single")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Article:
    """One news text as ingested. ``text`` is exactly what claims' offsets point into."""

    id: str
    path: str
    text: str
    source: str = ""
    url: str = ""
    published: date | None = None
    title: str = ""
    # Where ``text`` starts in the file (front matter comes first), so reports can point at the
    # file's own line and column: line = line_offset + text[:start].count("\n") + 1.
    line_offset: int = 0
    problems: tuple[str, ...] = ()  # what ingest noticed but could use anyway (guessed date, ...)


@dataclass(frozen=True)
class Claim:
    """One figure stated in one article.

    ``value``/``low``/``high`` are numbers in ``unit`` for quantities and durations, and ISO date
    strings for dates. ``low``/``high`` bound what the words allow: "more than 1,170" has
    ``low=1170, high=inf``; "1,900" written to two significant figures has ``low=1850,
    high=1950``. ``unit`` is a pint unit name ("degree_Celsius", "kilometer ** 2", "day") or ""
    for a plain count, whose counted noun is in ``noun``.
    """

    id: str
    article_id: str
    surface: str
    start: int
    end: int
    sentence: str
    kind: str = "quantity"
    value: Any = None
    low: Any = None
    high: Any = None
    unit: str = ""
    noun: str = ""
    dimension: str = ""
    qualifier: str = "exact"
    place: str = ""
    time: str | None = None
    group_id: str | None = None
    # Beyond the documented contract, filled by the stages that know them.
    sentence_start: int = 0  # offset of ``sentence`` in the article text
    change: str = "="  # direction words around the figure: = ~ > < up down
    as_written: tuple[float, ...] = ()  # a range's ends in text order ("from 252 to 287")
    unit_surface: str = ""  # the unit as written ("degrees Celsius", "C", "square miles")
    converts: str | None = None  # id of the claim this one restates in other units
    part_of: str | None = None  # id of the whole this claim is a part of ("38 of the 71")
    event: str = ""  # predicate: "launched", "shot down", "without heating", "forecast"
    attribution: str = ""  # who says so: "Peskov", "Ukraine's air force"
    modifiers: tuple[str, ...] = ()  # "residential", "high-rise" for "residential high-rise building"
    notes: tuple[str, ...] = ()  # how the extractor read it, for the report and debugging

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class Group:
    """Claims from one or more articles that are about the same thing."""

    id: str
    label: str
    claim_ids: tuple[str, ...]
    verdict: str = "single"
    dimension: str = ""
    unit: str = ""  # the one unit the group's figures are shown in
    key: str = ""  # blocking key the group was formed under
    reasons: tuple[str, ...] = ()  # why the verdict, e.g. "places differ: Kyiv / Ukraine"

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class Finding:
    """One thing a reader should look at: a rule that fired on some claims."""

    id: str
    rule_id: str
    severity: str
    verdict: str
    claim_ids: tuple[str, ...]
    group_id: str | None
    message: str
    tolerance: str = ""  # the tolerance as applied, in words: "2 delta_degC", "5 %"
    fingerprint: str = ""  # stable across runs, for SARIF and baselines
    suppressed: str = ""  # why it is accepted (baseline, inline marker), "" when it is live

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class Problem:
    """An input the audit could not use, with where and what to do. Shown in every report."""

    path: str
    message: str
    line: int | None = None
    offset: int | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        elif self.offset is not None:
            where += f" (char {self.offset})"
        text = f"{where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


def _plain(obj: Any) -> Any:
    """Dataclass → JSON-ready dict: tuples become lists, dates ISO strings, inf stays float."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


@dataclass(frozen=True)
class RawAudit:
    """Everything an audit produced, as plain records; ``auditor.audit.Audit`` wraps it."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    groups: tuple[Group, ...]
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...] = ()
    rules: tuple[dict[str, Any], ...] = field(default=())  # effective rules, as shown by `rules list`
