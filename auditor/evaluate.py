"""Hold an audit against a human gold file (the seeds' ``gold.yaml`` format).

Used by the project's golden tests and by ``benchmarks/grouping.py``; newsrooms can use it to
measure the auditor on their own annotated coverage. A gold claim names its article by the file
name's prefix (``file: '000'``) and its figure by an exact substring of the article
(``surface``); it matches the extracted claim whose span lies inside or around that substring
and whose kind fits the gold value (a date, or a number).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from auditor.model import SEVERITY_RANK, Article, Claim, Finding, RawAudit

# Gold files write units the way people do; pint reads these spellings directly.
_UNIT_ALIASES = {"percent": "percent", "%": "percent", "km**2": "kilometer ** 2", "mi**2": "mile ** 2"}


def load_gold(folder: Path) -> dict[str, Any]:
    with (Path(folder) / "gold.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass
class GoldIndex:
    """The audit's records arranged for lookups by gold references."""

    raw: RawAudit
    by_article: dict[str, list[Claim]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for c in self.raw.claims:
            self.by_article.setdefault(c.article_id, []).append(c)

    def article(self, prefix: str) -> Article | None:
        prefix = str(prefix)
        for a in self.raw.articles:
            if a.id == prefix or a.id.startswith(prefix + "_") or Path(a.path).stem.startswith(prefix):
                return a
        return None

    def find(self, ref: dict[str, Any]) -> Claim | None:
        """The extracted claim a gold reference points at, or None when it was not extracted."""
        art = self.article(ref["file"])
        if art is None:
            return None
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(ref["surface"]), art.text)]
        want_date = _is_date(ref.get("value"))
        best: tuple[int, Claim] | None = None
        for claim in self.by_article.get(art.id, []):
            for a, b in spans:
                if claim.end <= a or claim.start >= b:
                    continue
                if "value" in ref and want_date != (claim.kind == "date"):
                    continue
                # Prefer the claim that covers most of the gold surface.
                score = min(b, claim.end) - max(a, claim.start)
                if best is None or score > best[0]:
                    best = (score, claim)
        return best[1] if best else None

    def quantities_in(self, ref: dict[str, Any], *, starting_inside: bool = False) -> list[Claim]:
        """Quantity claims that overlap the gold surface, or only those whose figure begins in it."""
        art = self.article(ref["file"])
        if art is None:
            return []
        out = []
        for m in re.finditer(re.escape(ref["surface"]), art.text):
            for c in self.by_article.get(art.id, []):
                if c.kind != "quantity":
                    continue
                inside = m.start() <= c.start < m.end() if starting_inside else c.start < m.end() and c.end > m.start()
                if inside:
                    out.append(c)
        return out

    def loud_findings(self) -> list[Finding]:
        """Live findings at warning or above: what fails a build and what a reader must read."""
        return [f for f in self.raw.findings if SEVERITY_RANK.get(f.severity, 0) >= 2 and not f.suppressed]


def _is_date(value: Any) -> bool:
    return isinstance(value, date) or (isinstance(value, str) and bool(re.match(r"\d{4}-\d\d-\d\d", value)))


def value_matches(claim: Claim, ref: dict[str, Any]) -> tuple[bool, str]:
    """Whether an extracted claim reads the gold value (and unit, and qualifier when given)."""
    want = ref.get("value")
    if want is None:
        return True, ""
    if _is_date(want):
        got = str(claim.value)
        return got == str(want), f"date {got} != {want}"
    if isinstance(want, list):  # vague: [low, high] with null for open
        return claim.qualifier == "vague" or claim.low is not None, f"expected an interval, got {claim.value}"
    if not isinstance(claim.value, (int, float)):
        return False, f"value {claim.value!r} is not a number"
    got = float(claim.value)
    unit = ref.get("unit")
    if unit:
        try:
            got = convert(got, claim.unit, _UNIT_ALIASES.get(unit, unit))
        except Exception as exc:
            return False, f"unit {claim.unit!r} does not convert to {unit!r}: {exc}"
    ok = math.isclose(got, float(want), rel_tol=1e-6, abs_tol=1e-6)
    return ok, f"value {got} != {want}"


def convert(value: float, unit: str, to: str) -> float:
    from auditor.normalize.units import ureg

    if (unit or "") == (to or ""):
        return value
    return float(ureg.Quantity(value, unit or "dimensionless").to(to).magnitude)


# --- measures ------------------------------------------------------------------------------


@dataclass
class GroupingScore:
    pairs_gold: int
    pairs_predicted: int
    pairs_correct: int
    discrepancies_gold: int
    discrepancies_found: int
    loud_findings: int
    loud_findings_correct: int

    @property
    def pair_precision(self) -> float:
        return self.pairs_correct / self.pairs_predicted if self.pairs_predicted else 1.0

    @property
    def pair_recall(self) -> float:
        return self.pairs_correct / self.pairs_gold if self.pairs_gold else 1.0

    @property
    def pair_f1(self) -> float:
        p, r = self.pair_precision, self.pair_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def finding_precision(self) -> float:
        return self.loud_findings_correct / self.loud_findings if self.loud_findings else 1.0

    @property
    def finding_recall(self) -> float:
        return self.discrepancies_found / self.discrepancies_gold if self.discrepancies_gold else 1.0


def finding_covers_group(finding: Finding, group_ids: set[str], partner_ids: set[str] | None = None) -> bool:
    """A finding reports a gold group when it names two of its claims, or one of them and one of
    the partner group's (``detected_with``: a duration flagged against an end date)."""
    inside = set(finding.claim_ids) & group_ids
    if len(inside) >= 2:
        return True
    return bool(inside) and bool(partner_ids) and bool(set(finding.claim_ids) & partner_ids)


def score(raw: RawAudit, gold: dict[str, Any]) -> GroupingScore:
    """Pairwise grouping and discrepancy-finding precision/recall of one audit against its gold."""
    index = GoldIndex(raw)
    matched: dict[str, set[str]] = {}
    for g in gold.get("groups", []):
        ids = {c.id for ref in g["claims"] if "surface" in ref for c in [index.find(ref)] if c}
        matched[g["id"]] = ids
    gold_pairs: set[frozenset[str]] = set()
    universe: set[str] = set()
    for ids in matched.values():
        universe |= ids
        gold_pairs |= {frozenset(p) for p in itertools.combinations(sorted(ids), 2)}
    group_of = {c.id: c.group_id for c in raw.claims}
    predicted = {frozenset(p) for p in itertools.combinations(sorted(universe), 2)
                 if group_of.get(min(p)) and group_of.get(min(p)) == group_of.get(max(p))}
    loud = index.loud_findings()
    discrepancy_groups = [g for g in gold.get("groups", []) if g.get("verdict") == "discrepancy"]
    found = 0
    correct_findings: set[str] = set()
    for g in discrepancy_groups:
        partner = matched.get(g.get("detected_with", ""), set())
        hits = [f for f in loud if finding_covers_group(f, matched[g["id"]], partner)]
        found += bool(hits)
        correct_findings |= {f.id for f in hits}
    return GroupingScore(
        # Every gold reference counts, matched or not: a figure never extracted is a missed pair.
        pairs_gold=_gold_pair_count(gold),
        pairs_predicted=len(predicted),
        pairs_correct=len(predicted & gold_pairs),
        discrepancies_gold=len(discrepancy_groups),
        discrepancies_found=found,
        loud_findings=len(loud),
        loud_findings_correct=len(correct_findings),
    )


def _gold_pair_count(gold: dict[str, Any]) -> int:
    """Distinct gold same-group pairs, by (file, surface), so nested gold groups are not counted twice."""
    pairs = set()
    for g in gold.get("groups", []):
        refs = sorted({(str(r["file"]), r["surface"]) for r in g["claims"] if "surface" in r})
        pairs |= {frozenset(p) for p in itertools.combinations(refs, 2)}
    return len(pairs)
