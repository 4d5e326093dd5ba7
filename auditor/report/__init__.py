"""Reports: one module per format, all fed the same sorted audit (see ``prepare.sort_audit``).

``write_reports`` is what the CLI calls; the ``render_*`` functions return text for callers that
write elsewhere. Formats: HTML for people (``html``), JSON (the versioned contract,
``json_report``), CSV (``csv_report``: claims in FILE, findings in FILE's ``.findings.csv``
sibling), SARIF 2.1.0 (``sarif``), JUnit XML (``junit``), GitHub Actions annotations (``github``)
and a terminal summary (``terminal``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from auditor.model import RawAudit
from auditor.report.csv_report import findings_csv_path, render_csv, render_findings_csv
from auditor.report.github import render_github
from auditor.report.html import render_html
from auditor.report.json_report import render_json, report_schema
from auditor.report.junit import render_junit
from auditor.report.sarif import render_sarif
from auditor.report.terminal import render_terminal

__all__ = [
    "render_csv", "render_findings_csv", "render_github", "render_html", "render_json",
    "render_junit", "render_sarif", "render_terminal", "report_schema", "write_reports",
]

PathLike = str | Path


def write_reports(raw: RawAudit, *, html: PathLike | None = None, json: PathLike | None = None,
                  csv: PathLike | None = None, sarif: PathLike | None = None,
                  junit: PathLike | None = None, fail_on: str = "warning",
                  generated_at: str | None = None) -> list[Path]:
    """Write each requested report; return the paths written, in the order above.

    ``csv`` writes two files (claims, and findings beside it as ``<stem>.findings.csv``).
    ``fail_on`` sets which findings are JUnit failures. ``generated_at`` defaults to now (UTC).
    Parent folders are created. An unwritable path raises ``OSError`` naming the path.
    """
    stamp = generated_at or datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    jobs: list[tuple[PathLike | None, object]] = [
        (html, lambda: render_html(raw, generated_at=stamp)),
        (json, lambda: render_json(raw)),
        (csv, lambda: render_csv(raw)),
        (csv and findings_csv_path(Path(csv)), lambda: render_findings_csv(raw)),
        (sarif, lambda: render_sarif(raw)),
        (junit, lambda: render_junit(raw, fail_on=fail_on)),
    ]
    written = []
    for target, render in jobs:
        if not target:
            continue
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(), encoding="utf-8")  # type: ignore[operator]
        written.append(path)
    return written
