"""CSV, SARIF, JUnit, GitHub annotations and the terminal summary."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import jsonschema
import pytest

from auditor.report import (render_csv, render_findings_csv, render_github, render_junit,
                            render_sarif, render_terminal, write_reports)

# The parts of the SARIF 2.1.0 schema this report uses, written from the OASIS specification
# (the full schema is fetched from the network, which tests must not do).
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "maxItems": 1, "items": {
            "type": "object", "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name", "rules"],
                    "properties": {"name": {"const": "auditor"}, "rules": {"type": "array", "items": {
                        "type": "object", "required": ["id", "shortDescription", "help"],
                        "properties": {"shortDescription": {"$ref": "#/$defs/message"},
                                       "help": {"$ref": "#/$defs/message"}}}}}}}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["ruleId", "level", "message", "locations", "partialFingerprints"],
                    "properties": {
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": {"$ref": "#/$defs/message"},
                        "partialFingerprints": {"type": "object", "minProperties": 1,
                                                "additionalProperties": {"type": "string"}},
                        "locations": {"type": "array", "minItems": 1, "items": {
                            "type": "object", "required": ["physicalLocation"],
                            "properties": {"physicalLocation": {
                                "type": "object", "required": ["artifactLocation", "region"],
                                "properties": {
                                    "artifactLocation": {"type": "object", "required": ["uri"]},
                                    "region": {"type": "object",
                                               "required": ["startLine", "startColumn", "endLine", "endColumn"],
                                               "properties": {k: {"type": "integer", "minimum": 1} for k in
                                                              ("startLine", "startColumn", "endLine", "endColumn")}},
                                }}}}},
                        "suppressions": {"type": "array", "items": {"type": "object", "required": ["kind"]}},
                    }}},
            }}},
    },
    "$defs": {"message": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}},
}


def test_csv_has_one_row_per_claim_with_location(raw):
    rows = list(csv.DictReader(io.StringIO(render_csv(raw))))
    assert [r["id"] for r in rows] == ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"]
    c2 = rows[1]
    assert (c2["source"], c2["line"], c2["column"], c2["high"]) == ("Reuters", "2", "53", "inf")
    assert rows[0]["finding_ids"] == "F2 F4"


def test_findings_csv_lists_sources_and_surfaces(raw):
    rows = list(csv.DictReader(io.StringIO(render_findings_csv(raw))))
    assert [r["id"] for r in rows] == ["F1", "F2", "F4", "F3"]
    assert rows[0]["surfaces"] == "minus 26 degrees Celsius | minus 30 degrees Celsius"
    assert rows[0]["fingerprint"] == "fp-temperature"


def test_write_reports_writes_every_file(raw, tmp_path):
    paths = write_reports(raw, html=tmp_path / "r.html", json=tmp_path / "r.json", csv=tmp_path / "r.csv",
                          sarif=tmp_path / "r.sarif", junit=tmp_path / "sub" / "r.xml", generated_at="now")
    assert [p.name for p in paths] == ["r.html", "r.json", "r.csv", "r.findings.csv", "r.sarif", "r.xml"]
    assert all(p.stat().st_size > 0 for p in paths)


def test_sarif_structure(raw):
    log = json.loads(render_sarif(raw))
    jsonschema.Draft202012Validator(SARIF_SUBSET).validate(log)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "part-whole" in rule_ids  # rules that did not fire are still described
    by_id = {r["properties"]["findingId"]: r for r in run["results"]}
    f1 = by_id["F1"]
    assert f1["level"] == "error" and by_id["F3"]["level"] == "note"
    assert rule_ids[f1["ruleIndex"]] == "temperature-tolerance"
    regions = [loc["physicalLocation"]["region"] for loc in f1["locations"]]
    assert regions[0] == {"startLine": 2, "startColumn": 53, "endLine": 2, "endColumn": 77,
                          "snippet": {"text": "minus 26 degrees Celsius"}}
    assert f1["locations"][1]["physicalLocation"]["artifactLocation"]["uri"] == "fixtures/demo/afp.txt"
    assert f1["partialFingerprints"] == {"auditorFinding/v1": "fp-temperature"}
    assert by_id["F4"]["suppressions"][0]["justification"].startswith("baseline")
    assert "F2" in by_id and "suppressions" not in by_id["F2"]


def test_sarif_fingerprints_survive_renumbering(raw):
    renumbered = replace(raw, findings=tuple(replace(f, id=f"X{f.id}", group_id=None) for f in raw.findings))
    prints = lambda r: sorted(x["partialFingerprints"]["auditorFinding/v1"]
                              for x in json.loads(render_sarif(r))["runs"][0]["results"])
    assert prints(raw) == prints(renumbered)


@pytest.mark.parametrize("fail_on, failures", [("error", 1), ("warning", 2), ("info", 3), ("never", 0)])
def test_junit_failures_follow_the_threshold(raw, fail_on, failures):
    root = ET.fromstring(render_junit(raw, fail_on=fail_on))
    assert root.tag == "testsuites"
    assert len(root.findall(".//failure")) == failures == int(root.get("failures"))
    assert len(root.findall(".//skipped")) == 1  # the accepted finding
    assert root.find(".//testsuite[@name='auditor.part-whole']/testcase").get("name") == "no findings"
    assert root.find(".//testsuite[@name='auditor.inputs']/testcase/error") is not None


def test_junit_rejects_an_unknown_threshold(raw):
    with pytest.raises(ValueError, match="fail_on"):
        render_junit(raw, fail_on="fatal")


def test_github_annotations(raw):
    lines = render_github(raw).splitlines()
    assert lines[0].startswith("::error file=fixtures/demo/reuters.txt,line=2,col=53,endLine=2,endColumn=77,")
    assert sum(line.startswith("::notice ") for line in lines) == 2  # info finding, in both articles
    assert not any("(F4)" in line for line in lines)  # accepted findings stay quiet
    assert lines[-1].startswith("::warning file=fixtures/demo/broken.html,line=3,")


def test_github_escapes_newlines_and_percent(raw):
    finding = replace(raw.findings[1], message="up 5%\nnext line")
    out = render_github(replace(raw, findings=(finding,)))
    assert "up 5%25%0Anext line" in out and out.count("\n") == 3  # two articles, one problem


def test_terminal_summary_counts_and_lists(raw):
    out = render_terminal(raw, color=False)
    assert "\x1b[" not in out
    assert "error             1" in out and "accepted          1" in out
    assert out.index("F1 [temperature-tolerance]") < out.index("F3 [vague-quantity]")
    assert "fixtures/demo/afp.txt:1:31" in out
    assert "\x1b[1;31m" in render_terminal(raw, color=True)
