"""CSV reports: one file of claims and one of findings, for spreadsheets and pandas.

``--csv FILE`` writes two files: ``FILE`` holds one row per claim and the sibling
``FILE`` with the suffix ``.findings.csv`` (``audit.csv`` → ``audit.findings.csv``) one row per
finding. Two files because claims and findings have different columns; one file with a
``record`` column would leave half of every row empty.

Claim columns: the data model's claim fields, then ``source``, ``path``, ``line``, ``column``,
``group_verdict`` and ``finding_ids`` (space-separated). Finding columns: the model's finding
fields, then ``fingerprint``, ``sources`` and ``surfaces`` (`` | ``-separated, in claim order).
Tuples are joined with spaces; infinite bounds are written ``inf``/``-inf``; None is empty.
"""

from __future__ import annotations

import csv
import io
from dataclasses import fields
from pathlib import Path
from typing import Any, Iterable

from auditor.model import Claim, Finding, RawAudit
from auditor.report.prepare import AuditView, encode_bound

CLAIM_EXTRAS = ("source", "path", "line", "column", "group_verdict", "finding_ids")
FINDING_EXTRAS = ("fingerprint", "sources", "surfaces")


def findings_csv_path(path: Path) -> Path:
    """Where the findings CSV goes, beside the claims CSV.

    >>> findings_csv_path(Path("out/audit.csv")).as_posix()
    'out/audit.findings.csv'
    """
    return path.with_name(path.stem + ".findings.csv")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return " ".join(str(_cell(v)) for v in value)
    value = encode_bound(value)
    return "" if value is None else value


def _write(header: Iterable[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(header), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def render_csv(raw: RawAudit, record: str = "claims") -> str:
    """The claims CSV (``record="claims"``) or the findings CSV (``record="findings"``)."""
    view = AuditView(raw)
    if record == "claims":
        return _write([f.name for f in fields(Claim)] + list(CLAIM_EXTRAS), _claim_rows(view))
    if record == "findings":
        return _write([f.name for f in fields(Finding)] + list(FINDING_EXTRAS), _finding_rows(view))
    raise ValueError(f"record must be 'claims' or 'findings', not {record!r}")


def render_findings_csv(raw: RawAudit) -> str:
    """The findings CSV; shorthand for ``render_csv(raw, record="findings")``."""
    return render_csv(raw, record="findings")


def _claim_rows(view: AuditView) -> Iterable[dict[str, Any]]:
    by_claim: dict[str, list[str]] = {}
    for finding in view.raw.findings:
        for cid in finding.claim_ids:
            by_claim.setdefault(cid, []).append(finding.id)
    for claim in view.raw.claims:
        loc = view.location(claim)
        group = view.groups.get(claim.group_id or "")
        row = {f.name: getattr(claim, f.name) for f in fields(Claim)}
        row.update(source=view.source_of(claim), path=loc.path, line=loc.line, column=loc.column,
                   group_verdict=group.verdict if group else "", finding_ids=by_claim.get(claim.id, []))
        yield row


def _finding_rows(view: AuditView) -> Iterable[dict[str, Any]]:
    for finding in view.raw.findings:
        claims = view.claims_of(finding)
        row = {f.name: getattr(finding, f.name) for f in fields(Finding)}
        row.update(fingerprint=view.fingerprint(finding),
                   sources=" | ".join(view.source_of(c) for c in claims),
                   surfaces=" | ".join(c.surface for c in claims))
        yield row
