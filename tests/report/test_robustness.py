"""Odd records from upstream stages never crash a report."""

import doctest
import json
from dataclasses import replace

import pytest

import auditor.report.csv_report
import auditor.report.github
import auditor.report.html
import auditor.report.plot
import auditor.report.prepare
import auditor.report.values
from auditor.model import Claim, Finding, Group
from auditor.report import (render_csv, render_findings_csv, render_github, render_html, render_json,
                            render_junit, render_sarif, render_terminal)

RENDERERS = [render_csv, render_findings_csv, render_github, render_html, render_json, render_junit,
             render_sarif, lambda raw: render_terminal(raw, color=True)]


@pytest.mark.parametrize("module", [auditor.report.csv_report, auditor.report.github, auditor.report.html,
                                    auditor.report.plot, auditor.report.prepare, auditor.report.values])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize("render", RENDERERS)
def test_odd_records(raw, render):
    odd_claims = (
        Claim("o1", "missing-article", "12 parsecs", 0, 10, "", value=12, unit="parsec_typo", group_id="go"),
        Claim("o2", "a1", "x", 10_000, 10_001, "", value="not a number", low=None, high=None, group_id="go"),
        Claim("o3", "a2", "soon", 3, 7, "soon", kind="date", value="someday", group_id="go"),
        Claim("o4", "a2", "5 km", 0, 4, "5 km", value=5, unit="kilometer", group_id="go"),
    )
    odd_group = Group("go", "a group of odd claims", ("o1", "o2", "o3", "o4", "nope"), "weird-verdict",
                      unit="furlong_typo")
    odd_findings = (
        Finding("Fo", "rule-nobody-declared", "catastrophic", "weird-verdict", ("o1", "gone"), "go", "m",
                tolerance="about 3"),
        Finding("Fp", "rule-nobody-declared", "error", "discrepancy", ("o4",), "no-such-group", "m2",
                tolerance="5 %"),
    )
    audit = replace(raw, claims=raw.claims + odd_claims, groups=raw.groups + (odd_group,),
                    findings=raw.findings + odd_findings)
    out = render(audit)
    assert isinstance(out, str) and out
    if render is render_json:
        json.loads(out)


def test_empty_audit_renders_everywhere(raw):
    empty = replace(raw, articles=(), claims=(), groups=(), findings=(), problems=(), rules=())
    for render in RENDERERS:
        assert isinstance(render(empty), str)
    assert "No findings." in render_terminal(empty, color=False)


def test_plot_of_a_finding_that_pairs_a_duration_with_dates():
    # Regression: a duration-span finding put days and calendar dates on one axis and crashed
    # when date ordinals were computed from a duration's small numbers.
    from auditor.report.plot import build_plot
    from auditor.report.values import Figure

    week = Figure(value=1.0, low=1.0, high=1.0, unit="week", text="1 week", converted=False, is_date=False)
    end = Figure(value=739648.0, low=739648.0, high=739648.0, unit="", text="2026-02-01", converted=False,
                 is_date=True)
    plot = build_plot([("A", week, False), ("B", end, True), ("C", week, True)], (("abs", 0.14),))
    assert plot is not None and len(plot.rows) == 2
