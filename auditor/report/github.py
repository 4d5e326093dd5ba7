"""GitHub Actions workflow commands: one annotation per live finding and article.

Problems with inputs become warnings on the input's file. A finding that spans three articles is annotated once in each (on its first claim there), so
that a pull request touching any of them shows it in its diff. Severities map to the
commands ``error``, ``warning`` and ``notice``; suppressed findings are left out.
"""

from __future__ import annotations

from auditor.model import RawAudit
from auditor.report.prepare import AuditView

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message the way the Actions runner unescapes it.

    >>> escape_data("50% up\\nnext")
    '50%25 up%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title), where ``:`` and ``,`` also delimit.

    >>> escape_property("a,b:c")
    'a%2Cb%3Ac'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(raw: RawAudit) -> str:
    """The audit as ``::error file=...,line=...,col=...::message`` lines, one per finding and article."""
    view = AuditView(raw)
    lines = []
    for finding in view.live_findings():
        claims = view.claims_of(finding)
        seen: set[str] = set()
        for claim in claims:
            if claim.article_id in seen:
                continue
            seen.add(claim.article_id)
            loc = view.location(claim)
            others = [f"{view.source_of(c)} \"{c.surface}\"" for c in claims if c.article_id != claim.article_id]
            message = finding.message + (f" (vs {'; '.join(others)})" if others else "")
            props = (f"file={escape_property(loc.path)},line={loc.line},col={loc.column},"
                     f"endLine={loc.end_line},endColumn={loc.end_column},"
                     f"title={escape_property(f'auditor {finding.rule_id} ({finding.id})')}")
            lines.append(f"::{COMMANDS.get(finding.severity, 'notice')} {props}::{escape_data(message)}")
    for problem in view.raw.problems:
        where = f"file={escape_property(problem.path)}" + (f",line={problem.line}" if problem.line else "")
        lines.append(f"::warning {where},title=auditor could not use an input::{escape_data(str(problem))}")
    return "\n".join(lines) + ("\n" if lines else "")
