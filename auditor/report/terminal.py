"""The terminal summary: counts by severity, then each finding with where its claims are."""

from __future__ import annotations

from auditor.model import RawAudit
from auditor.report.prepare import AuditView

_STYLE = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "dim": "\x1b[2m",
          "bold": "\x1b[1m"}
_RESET = "\x1b[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color and style in _STYLE else text


def render_terminal(raw: RawAudit, color: bool = False) -> str:
    """A plain-text report for a terminal; ``color`` adds ANSI colours."""
    view = AuditView(raw)
    counts = view.severity_counts()
    suppressed = sum(1 for f in view.raw.findings if f.suppressed)
    out = [_paint("auditor", "bold", color)
           + f": {len(view.raw.articles)} articles, {len(view.raw.claims)} claims, "
           f"{len(view.raw.groups)} groups", ""]
    out.append(f"  {'severity':<10}{'findings':>9}")
    for sev in ("error", "warning", "info"):
        out.append(f"  {_paint(f'{sev:<10}', sev, color)}{counts.get(sev, 0):>9}")
    if suppressed:
        out.append("  " + _paint(f"{'accepted':<10}", "dim", color) + f"{suppressed:>9}")
    for problem in view.raw.problems:
        out.append(_paint("problem", "warning", color) + f": {problem}")
    if view.raw.findings:
        out.append("")
    for finding in view.raw.findings:
        tag = _paint(f"{finding.severity:<7}", finding.severity, color)
        head = f"{tag} {finding.id} [{finding.rule_id}] {finding.message}"
        if finding.tolerance:
            head += _paint(f" (tolerance {finding.tolerance})", "dim", color)
        if finding.suppressed:
            head += _paint(f" — accepted: {finding.suppressed}", "dim", color)
        out.append(head)
        for claim in view.claims_of(finding):
            out.append(_paint(f"    {view.location(claim)}", "dim", color)
                       + f"  {view.source_of(claim)}: \"{claim.surface}\"")
    if not view.raw.findings:
        out += ["", "No findings."]
    return "\n".join(out) + "\n"
