import json

from auditor.result import Audit


def test_frames_follow_report_order(raw):
    audit = Audit(raw)
    assert list(audit.claims["id"]) == ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"]
    assert {"source", "path", "value", "low", "high", "unit"} <= set(audit.claims.columns)
    assert audit.claims.set_index("id").loc["c5", "source"] == "AFP"
    assert list(audit.findings["id"]) == ["F1", "F2", "F4", "F3"]
    assert list(audit.groups["verdict"]) == ["discrepancy", "discrepancy", "consistent", "not_comparable"]
    assert [p.path for p in audit.problems] == ["fixtures/demo/broken.html"]


def test_reports_from_the_wrapper(raw):
    audit = Audit(raw)
    assert json.loads(audit.to_json())["schema"] == 1
    assert audit.to_html(generated_at="x").startswith("<!DOCTYPE html>")


def test_notebook_repr_is_small_escaped_and_scriptless(hostile_raw):
    html = Audit(hostile_raw)._repr_html_()
    assert "<script" not in html and "<img" not in html and "&lt;img" in html
    assert "<b>1</b> errors" in html and "<table" in html
    assert len(html) < 10_000
    assert "1 errors, 1 warnings, 1 notes" in repr(Audit(hostile_raw))


def test_empty_audit(raw):
    from dataclasses import replace

    audit = Audit(replace(raw, claims=(), groups=(), findings=(), problems=()))
    assert audit.findings.empty and list(audit.claims.columns)[:2] == ["id", "article_id"]
    assert "No findings." in audit._repr_html_()
    assert "no findings" in audit.to_html()
