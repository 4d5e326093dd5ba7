"""What every formatter needs before it writes: the sorted audit, lookups, locations, values.

All formatters are fed the same sorted audit (:func:`sort_audit`): claims by article id then
offset, findings by severity (worst first) then id, so that two formats of one audit list things
in the same order and a golden file does not change when a stage emits records in another order.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

from auditor.model import SEVERITY_RANK, Article, Claim, Finding, Group, RawAudit

FAIL_ON_CHOICES: tuple[str, ...] = ("never", "info", "warning", "error")


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that orders embedded numbers by value, so F2 comes before F10.

    >>> sorted(["F10", "F2", "F1"], key=natural_key)
    ['F1', 'F2', 'F10']
    """
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def severity_rank(severity: str) -> int:
    """Rank of a severity; unknown severities rank below ``info``.

    >>> severity_rank("error") > severity_rank("warning") > severity_rank("bogus")
    True
    """
    return SEVERITY_RANK.get(severity, 0)


def reaches(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` reaches the ``fail_on`` threshold.

    >>> reaches("warning", "warning"), reaches("info", "warning"), reaches("error", "never")
    (True, False, False)
    """
    if fail_on == "never":
        return False
    if fail_on not in SEVERITY_RANK:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON_CHOICES)}, not {fail_on!r}")
    return severity_rank(severity) >= SEVERITY_RANK[fail_on]


def sort_audit(raw: RawAudit) -> RawAudit:
    """The audit with its records in report order (a new RawAudit; the input is untouched)."""
    return replace(
        raw,
        articles=tuple(sorted(raw.articles, key=lambda a: natural_key(a.id))),
        claims=tuple(sorted(raw.claims, key=lambda c: (natural_key(c.article_id), c.start, c.end, natural_key(c.id)))),
        groups=tuple(sorted(raw.groups, key=lambda g: natural_key(g.id))),
        findings=tuple(sorted(raw.findings, key=lambda f: (-severity_rank(f.severity), natural_key(f.id)))),
        problems=tuple(sorted(raw.problems, key=lambda p: (p.path, p.line or 0, p.offset or 0, p.message))),
        rules=tuple(sorted(raw.rules, key=lambda r: natural_key(str(r.get("id", ""))))),
    )


@lru_cache(maxsize=256)
def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return tuple(starts)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset, columns counted in code points.

    >>> line_col("ab\\ncd", 0), line_col("ab\\ncd", 4), line_col("ab\\ncd", 99)
    ((1, 1), (2, 2), (2, 3))
    """
    offset = max(0, min(offset, len(text)))
    starts = _line_starts(text)
    lo, hi = 0, len(starts) - 1
    while lo < hi:  # last line start <= offset
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1, offset - starts[lo] + 1


@dataclass(frozen=True)
class Location:
    """Where a claim sits in its article; ``end_column`` is exclusive, as SARIF wants it."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}


def relative_path(path: str) -> str:
    """A path relative to the working directory when it lies under it, with forward slashes.

    >>> relative_path("fixtures/a.txt")
    'fixtures/a.txt'
    """
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            rel = path
        if not rel.startswith(".."):
            path = rel
    return path.replace(os.sep, "/")


def finding_fingerprint(finding: Finding, claims: list[Claim], articles: dict[str, Article]) -> str:
    """The finding's own fingerprint, or a hash of what does not change between runs.

    Claim and article ids are assigned per run, so the fallback hashes the rule id, the claims'
    surfaces and the articles' paths instead.
    """
    if finding.fingerprint:
        return finding.fingerprint
    paths = sorted(relative_path(articles[c.article_id].path) if c.article_id in articles else c.article_id
                   for c in claims)
    material = "\x1f".join([finding.rule_id, *sorted(c.surface for c in claims), *paths])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def encode_bound(value: Any) -> Any:
    """A JSON-safe value: ±inf become the strings "inf"/"-inf", NaN becomes null, dates ISO.

    Standard JSON has no Infinity, and null already means "unknown", so an open bound needs a
    value of its own that a reader can tell apart.

    >>> encode_bound(float("inf")), encode_bound(-math.inf), encode_bound(float("nan")), encode_bound(3)
    ('inf', '-inf', None, 3)
    """
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
    if isinstance(value, date):
        return value.isoformat()
    return value


def jsonable(obj: Any) -> Any:
    """Recursively apply :func:`encode_bound` to a structure of dicts, lists and scalars."""
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    return encode_bound(obj)


def article_dict(article: Article) -> dict[str, Any]:
    """An Article as a JSON-ready dict (the model gives Article no ``to_dict``)."""
    return {
        "id": article.id,
        "path": article.path,
        "text": article.text,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
    }


class AuditView:
    """A sorted audit with the lookups formatters share. Built once per render."""

    def __init__(self, raw: RawAudit) -> None:
        self.raw = sort_audit(raw)
        self.articles: dict[str, Article] = {a.id: a for a in self.raw.articles}
        self.claims: dict[str, Claim] = {c.id: c for c in self.raw.claims}
        self.groups: dict[str, Group] = {g.id: g for g in self.raw.groups}

    def article_of(self, claim: Claim) -> Article | None:
        return self.articles.get(claim.article_id)

    def source_of(self, claim: Claim) -> str:
        """The outlet's name, else the article's path, else its id: something a reader knows."""
        article = self.article_of(claim)
        if article is None:
            return claim.article_id
        return article.source or relative_path(article.path) or article.id

    def location(self, claim: Claim) -> Location:
        article = self.article_of(claim)
        text = article.text if article else ""
        path = relative_path(article.path) if article else claim.article_id
        line, col = line_col(text, claim.start)
        end_line, end_col = line_col(text, claim.end)
        # Lines of the file, not of the body: front matter comes before the text.
        shift = article.line_offset if article else 0
        return Location(path, line + shift, col, end_line + shift, end_col)

    def claims_of(self, finding: Finding) -> list[Claim]:
        """The finding's claims that exist in the audit, in report order."""
        wanted = set(finding.claim_ids)
        return [c for c in self.raw.claims if c.id in wanted]

    def fingerprint(self, finding: Finding) -> str:
        return finding_fingerprint(finding, self.claims_of(finding), self.articles)

    @cached_property
    def findings_by_group(self) -> dict[str | None, list[Finding]]:
        out: dict[str | None, list[Finding]] = {}
        for f in self.raw.findings:
            out.setdefault(f.group_id if f.group_id in self.groups else None, []).append(f)
        return out

    @cached_property
    def rule_ids(self) -> list[str]:
        """Every rule id the audit knows: the effective rules, then any only findings name."""
        ids = [str(r.get("id")) for r in self.raw.rules if r.get("id")]
        seen = set(ids)
        for f in self.raw.findings:
            if f.rule_id not in seen:
                ids.append(f.rule_id)
                seen.add(f.rule_id)
        return ids

    @cached_property
    def rules(self) -> dict[str, dict[str, Any]]:
        return {str(r.get("id")): r for r in self.raw.rules if r.get("id")}

    def severity_counts(self, *, include_suppressed: bool = False) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.raw.findings:
            if f.suppressed and not include_suppressed:
                continue
            counts[f.severity] = counts.get(f.severity, 0) + 1
        return counts

    def live_findings(self) -> list[Finding]:
        return [f for f in self.raw.findings if not f.suppressed]


def rule_text(rule: dict[str, Any], *keys: str) -> str:
    """The first non-empty text among ``keys`` of a rule dict (rule dicts vary by source)."""
    for key in keys:
        value = rule.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""
