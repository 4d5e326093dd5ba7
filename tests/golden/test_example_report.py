"""The committed example reports (one per fixture cluster) are what the code produces now.

When this fails after an intended change, regenerate the example with the README's first command
and commit it with the change, so the example in reports/ never drifts from the code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from auditor import pipeline
from auditor.report import render_html, render_json

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLUSTERS = sorted(p.parent.name for p in (ROOT / "fixtures").glob("*/gold.yaml"))
STAMP = re.compile(r" · generated ([^<]+)</p>")


def _audit(monkeypatch, cluster):
    # Paths in the report are as the README's command gives them: relative to the repository.
    monkeypatch.chdir(ROOT)
    return pipeline.run([Path("fixtures") / cluster])


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_committed_html_report_is_current(monkeypatch, cluster):
    committed = (ROOT / "reports" / f"{cluster}.html").read_text(encoding="utf-8")
    stamp = STAMP.search(committed)
    assert stamp, "the committed report has no generation stamp"
    fresh = render_html(_audit(monkeypatch, cluster), generated_at=stamp.group(1))
    assert fresh == committed, f"reports/{cluster}.html is stale: regenerate it (README, first command)"


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_committed_json_report_is_current(monkeypatch, cluster):
    fresh = json.loads(render_json(_audit(monkeypatch, cluster)))
    committed = json.loads((ROOT / "reports" / f"{cluster}.json").read_text(encoding="utf-8"))
    assert fresh == committed, f"reports/{cluster}.json is stale: regenerate it (README, first command)"
