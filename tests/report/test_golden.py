"""Golden files: the reports of the demo audit, byte for byte.

After an intended change to a report, regenerate with
``AUDITOR_UPDATE_GOLDEN=1 python -m pytest tests/report/test_golden.py`` and read the diff.
"""

import os
from pathlib import Path

import pytest

from auditor.report import render_html, render_json, render_sarif

GOLDEN = Path(__file__).parent / "golden"
STAMP = "GENERATED-AT"


@pytest.mark.parametrize("name, render", [
    ("demo.html", lambda raw: render_html(raw, generated_at=STAMP)),
    ("demo.json", render_json),
    ("demo.sarif", render_sarif),
])
def test_matches_golden(raw, name, render):
    out = render(raw)
    path = GOLDEN / name
    if os.environ.get("AUDITOR_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with AUDITOR_UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    # The SARIF log names the package version; a release bump is not a report change.
    if name.endswith(".sarif"):
        import auditor

        expected = expected.replace('"version": "0.1.0"', f'"version": "{auditor.__version__}"')
    assert out == expected, f"{name} changed; if intended, regenerate (see this module's docstring)"
