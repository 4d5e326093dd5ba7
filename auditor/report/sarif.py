"""SARIF 2.1.0: one run of the tool "auditor", for code-scanning dashboards.

Each finding is a result with one location per claim (the article's path and the claim's
region, columns in code points as ``run.columnKind`` says). ``partialFingerprints`` carry the
finding's stable fingerprint so a dashboard keeps a finding's history across runs. Suppressed
findings stay in the log with a ``suppressions`` entry, as SARIF intends, rather than vanishing.
"""

from __future__ import annotations

import json
from typing import Any

import auditor
from auditor.model import Claim, Finding, RawAudit
from auditor.report.prepare import AuditView, rule_text

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "auditorFinding/v1"


def render_sarif(raw: RawAudit) -> str:
    """The audit as a SARIF 2.1.0 log (JSON text)."""
    view = AuditView(raw)
    rule_ids = view.rule_ids
    index = {rid: i for i, rid in enumerate(rule_ids)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "auditor",
                "version": auditor.__version__,
                "informationUri": "https://pypi.org/project/auditor/",
                "rules": [_rule(view, rid) for rid in rule_ids],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(view, f, index[f.rule_id]) for f in view.raw.findings],
            "invocations": [{
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {"level": "warning", "message": {"text": str(p)}} for p in view.raw.problems
                ],
            }],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _rule(view: AuditView, rule_id: str) -> dict[str, Any]:
    rule = view.rules.get(rule_id, {})
    short = rule_text(rule, "description", "title") or rule_id
    help_text = rule_text(rule, "rationale", "help", "description") or short
    out: dict[str, Any] = {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": short.splitlines()[0]},
        "fullDescription": {"text": short},
        "help": {"text": help_text},
    }
    severity = rule.get("severity")
    if severity in LEVELS:
        out["defaultConfiguration"] = {"level": LEVELS[severity]}
    return out


def _location(view: AuditView, claim: Claim) -> dict[str, Any]:
    loc = view.location(claim)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": loc.path},
            "region": {
                "startLine": loc.line, "startColumn": loc.column,
                "endLine": loc.end_line, "endColumn": loc.end_column,
                "snippet": {"text": claim.surface},
            },
        },
        "message": {"text": f"{view.source_of(claim)}: \"{claim.surface}\""},
    }


def _result(view: AuditView, finding: Finding, rule_index: int) -> dict[str, Any]:
    claims = view.claims_of(finding)
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "note"),
        "message": {"text": finding.message or finding.rule_id},
        "locations": [_location(view, c) for c in claims],
        "partialFingerprints": {FINGERPRINT_KEY: view.fingerprint(finding)},
        "properties": {"verdict": finding.verdict, "tolerance": finding.tolerance,
                       "findingId": finding.id, "groupId": finding.group_id},
    }
    if finding.suppressed:
        result["suppressions"] = [{"kind": "external", "justification": finding.suppressed}]
    return result
