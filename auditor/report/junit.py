"""JUnit XML for CI dashboards: one testsuite per rule, one testcase per finding.

A rule that fired on nothing still appears, as a suite with one passing testcase, so that a
dashboard shows which checks ran. A finding at or above ``fail_on`` is a ``<failure>``; a finding
below it passes with its message in ``<system-out>``; a suppressed finding is ``<skipped>``.
Problems with inputs form a last suite ``auditor.inputs`` whose testcases are ``<error>``s.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from auditor.model import Finding, RawAudit
from auditor.report.prepare import AuditView, reaches


def render_junit(raw: RawAudit, fail_on: str = "warning") -> str:
    """The audit as JUnit XML; findings at ``fail_on`` or worse fail (``never`` fails none)."""
    reaches("info", fail_on)  # validates fail_on before anything is written
    view = AuditView(raw)
    root = ET.Element("testsuites", name="auditor")
    by_rule: dict[str, list[Finding]] = {rid: [] for rid in view.rule_ids}
    for finding in view.raw.findings:
        by_rule[finding.rule_id].append(finding)
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for rule_id, findings in by_rule.items():
        suite = ET.SubElement(root, "testsuite", name=f"auditor.{rule_id}")
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if not findings:
            ET.SubElement(suite, "testcase", classname=f"auditor.{rule_id}", name="no findings")
            counts["tests"] += 1
        for finding in findings:
            counts["tests"] += 1
            _testcase(view, suite, rule_id, finding, fail_on, counts)
        _set_counts(suite, counts)
        for k in totals:
            totals[k] += counts[k]
    if view.raw.problems:
        suite = ET.SubElement(root, "testsuite", name="auditor.inputs")
        for problem in view.raw.problems:
            case = ET.SubElement(suite, "testcase", classname="auditor.inputs", name=problem.path)
            ET.SubElement(case, "error", message=problem.message, type="input").text = str(problem)
        _set_counts(suite, {"tests": len(view.raw.problems), "failures": 0,
                            "errors": len(view.raw.problems), "skipped": 0})
        totals["tests"] += len(view.raw.problems)
        totals["errors"] += len(view.raw.problems)
    _set_counts(root, totals)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _testcase(view: AuditView, suite: ET.Element, rule_id: str, finding: Finding,
              fail_on: str, counts: dict[str, int]) -> None:
    claims = view.claims_of(finding)
    label = finding.group_id and view.groups.get(finding.group_id)
    name = f"{finding.id}: {label.label if label else ' vs '.join(c.surface for c in claims)}"
    case = ET.SubElement(suite, "testcase", classname=f"auditor.{rule_id}", name=name)
    where = "\n".join(f"{view.location(c)} {view.source_of(c)}: \"{c.surface}\"" for c in claims)
    detail = f"{finding.severity}: {finding.message}\n{where}"
    if finding.suppressed:
        ET.SubElement(case, "skipped", message=f"accepted: {finding.suppressed}")
        counts["skipped"] += 1
    elif reaches(finding.severity, fail_on):
        ET.SubElement(case, "failure", message=finding.message, type=finding.severity).text = detail
        counts["failures"] += 1
    else:
        ET.SubElement(case, "system-out").text = detail


def _set_counts(element: ET.Element, counts: dict[str, int]) -> None:
    for key, value in counts.items():
        element.set(key, str(value))
