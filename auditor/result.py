"""``Audit``: what ``auditor.audit()`` returns — the raw records plus pandas views of them.

The DataFrames are built once, from the same sorted audit every report uses, so a notebook
shows claims and findings in the order the HTML report does.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cached_property

import pandas as pd

from auditor.model import Claim, Finding, Group, Problem, RawAudit
from auditor.report import render_html, render_json
from auditor.report.prepare import AuditView


class Audit:
    """The result of an audit: ``claims``, ``groups`` and ``findings`` as DataFrames.

    ``raw`` keeps the plain records (for the archive and the reports); ``problems`` lists the
    inputs that could not be used.
    """

    def __init__(self, raw: RawAudit) -> None:
        self.raw = raw
        self._view = AuditView(raw)

    @cached_property
    def claims(self) -> pd.DataFrame:
        """One row per claim: the Claim fields, then ``source`` and ``path`` of its article."""
        view = self._view
        rows = []
        for claim in view.raw.claims:
            row = {f.name: getattr(claim, f.name) for f in fields(Claim)}
            article = view.article_of(claim)
            row["source"] = view.source_of(claim)
            row["path"] = article.path if article else ""
            rows.append(row)
        return pd.DataFrame(rows, columns=[f.name for f in fields(Claim)] + ["source", "path"])

    @cached_property
    def groups(self) -> pd.DataFrame:
        """One row per group: the Group fields."""
        return _frame(self._view.raw.groups, Group)

    @cached_property
    def findings(self) -> pd.DataFrame:
        """One row per finding, worst first: the Finding fields."""
        return _frame(self._view.raw.findings, Finding)

    @property
    def problems(self) -> list[Problem]:
        return list(self._view.raw.problems)

    def to_html(self, generated_at: str | None = None) -> str:
        """The self-contained HTML report."""
        return render_html(self.raw, generated_at=generated_at)

    def to_json(self) -> str:
        """The JSON report (schema 1)."""
        return render_json(self.raw)

    def __repr__(self) -> str:
        counts = self._view.severity_counts()
        return (f"<Audit {len(self.raw.articles)} articles, {len(self.raw.claims)} claims, "
                f"{len(self.raw.groups)} groups; {counts['error']} errors, "
                f"{counts['warning']} warnings, {counts['info']} notes>")

    def _repr_html_(self) -> str:
        """A notebook summary: counts, then a small findings table (no script, all escaped)."""
        counts = self._view.severity_counts()
        head = (f"<p><b>auditor</b>: {len(self.raw.articles)} articles, {len(self.raw.claims)} "
                f"claims, {len(self.raw.groups)} groups — <b>{counts['error']}</b> errors, "
                f"<b>{counts['warning']}</b> warnings, <b>{counts['info']}</b> notes"
                f"{f', {len(self.problems)} problems' if self.problems else ''}</p>")
        if self.findings.empty:
            return head + "<p>No findings.</p>"
        table = self.findings[["id", "severity", "rule_id", "message", "tolerance"]]
        return head + table.to_html(index=False, escape=True, max_rows=20, border=0)


def _frame(records, cls) -> pd.DataFrame:
    columns = [f.name for f in fields(cls)]
    return pd.DataFrame([{c: getattr(r, c) for c in columns} for r in records], columns=columns)


__all__ = ["Audit"]
