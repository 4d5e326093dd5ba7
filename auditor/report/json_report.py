"""The JSON report: the contract scripts and outside checks rely on (schema version 1).

Shape: ``{"schema": 1, "articles": [...], "claims": [...], "groups": [...], "findings": [...],
"problems": [...], "rules": [...]}``. Each record holds the fields of the data model
(``auditor/model.py``) with ids as strings and dates as ISO strings. Extras beside the model's
fields: every claim has ``source`` and ``location`` (path, 1-based line/column, exclusive
end_column); every finding has its ``fingerprint`` filled (the engine's, or a hash of rule id,
claim surfaces and article paths).

Open bounds: standard JSON has no Infinity and ``null`` already means "unknown", so ``low``/
``high`` (and ``value``) that are infinite are written as the strings ``"inf"`` and ``"-inf"``.
NaN is written as ``null``. The output always passes ``json.dumps(..., allow_nan=False)``.
``report.schema.json`` beside this module describes the whole document.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from auditor.model import RawAudit
from auditor.report.prepare import AuditView, article_dict, jsonable

SCHEMA_VERSION = 1


def report_dict(raw: RawAudit) -> dict[str, Any]:
    """The report as plain JSON-ready data (what :func:`render_json` serialises)."""
    view = AuditView(raw)
    claims = []
    for claim in view.raw.claims:
        row = claim.to_dict()
        row["source"] = view.source_of(claim)
        row["location"] = view.location(claim).to_dict()
        claims.append(row)
    findings = []
    for finding in view.raw.findings:
        row = finding.to_dict()
        row["fingerprint"] = view.fingerprint(finding)
        findings.append(row)
    data = {
        "schema": SCHEMA_VERSION,
        "articles": [article_dict(a) for a in view.raw.articles],
        "claims": claims,
        "groups": [g.to_dict() for g in view.raw.groups],
        "findings": findings,
        "problems": [p.to_dict() for p in view.raw.problems],
        "rules": [dict(r) for r in view.raw.rules],
    }
    return jsonable(data)


def render_json(raw: RawAudit) -> str:
    """The audit as a JSON document (UTF-8 text, 2-space indent, trailing newline)."""
    return json.dumps(report_dict(raw), ensure_ascii=False, indent=2, allow_nan=False, default=str) + "\n"


def report_schema() -> dict[str, Any]:
    """The JSON Schema of the report, as shipped in ``auditor/report/report.schema.json``."""
    text = resources.files("auditor.report").joinpath("report.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
