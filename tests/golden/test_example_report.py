"""The committed example report of the seeds is what the code produces now.

When this fails after an intended change, regenerate the example with the README's first command
and commit it with the change, so the example in reports/ never drifts from the code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from auditor import pipeline
from auditor.report import render_html, render_json

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "reports" / "ukraine-energy-truce.html"
JSON = ROOT / "reports" / "ukraine-energy-truce.json"
STAMP = re.compile(r" · generated ([^<]+)</p>")


def _audit(monkeypatch):
    # Paths in the report are as the README's command gives them: relative to the repository.
    monkeypatch.chdir(ROOT)
    return pipeline.run([Path("fixtures/ukraine-energy-truce")])


def test_committed_html_report_is_current(monkeypatch):
    committed = HTML.read_text(encoding="utf-8")
    stamp = STAMP.search(committed)
    assert stamp, "the committed report has no generation stamp"
    fresh = render_html(_audit(monkeypatch), generated_at=stamp.group(1))
    assert fresh == committed, "reports/ukraine-energy-truce.html is stale: regenerate it (README, first command)"


def test_committed_json_report_is_current(monkeypatch):
    fresh = json.loads(render_json(_audit(monkeypatch)))
    assert fresh == json.loads(JSON.read_text(encoding="utf-8")), "reports/ukraine-energy-truce.json is stale"
