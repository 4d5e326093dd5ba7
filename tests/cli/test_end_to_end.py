"""The installed ``auditor`` console script on the seed fixtures: JSON report and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "ukraine-energy-truce"


def auditor_cmd() -> list[str]:
    exe = shutil.which("auditor")
    assert exe, "the console script 'auditor' is not installed: run pip install -e '.[test]'"
    return [exe]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*auditor_cmd(), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path_factory.mktemp("e2e") / "audit.json"
    proc = run("audit", str(SEEDS), "--json", str(out), "--fail-on", "warning", "--format", "none")
    return proc, json.loads(out.read_text(encoding="utf-8"))


def test_fail_on_warning_exits_1_with_the_seed_discrepancies(seed_report):
    proc, report = seed_report
    assert proc.returncode == EXIT_FINDINGS, proc.stderr
    assert any(f["severity"] in ("warning", "error") for f in report["findings"])


def test_json_report_follows_the_contract(seed_report):
    _, report = seed_report
    assert report["schema"] == 1
    assert {"articles", "claims", "groups", "findings"} <= set(report)
    assert len(report["articles"]) == 5
    claim_fields = {"id", "article_id", "surface", "start", "end", "sentence", "kind", "value", "low", "high",
                    "unit", "noun", "dimension", "qualifier", "place", "time", "group_id"}
    for claim in report["claims"]:
        assert claim_fields <= set(claim)
        assert isinstance(claim["id"], str) and isinstance(claim["article_id"], str)
    claims = {c["id"] for c in report["claims"]}
    for group in report["groups"]:
        assert {"id", "label", "claim_ids", "verdict"} <= set(group)
        assert group["verdict"] in {"consistent", "discrepancy", "not_comparable", "single"}
        assert set(group["claim_ids"]) <= claims
    for finding in report["findings"]:
        assert {"id", "rule_id", "severity", "verdict", "claim_ids", "group_id", "message"} <= set(finding)
        assert set(finding["claim_ids"]) <= claims
    published = {a["published"] for a in report["articles"]}
    assert "2026-01-30" in published  # dates are ISO strings


def test_surfaces_are_slices_of_the_articles(seed_report):
    _, report = seed_report
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for c in report["claims"]:
        assert texts[c["article_id"]][c["start"]:c["end"]] == c["surface"]


def test_fail_on_never_exits_0():
    proc = run("audit", str(SEEDS), "--fail-on", "never", "--format", "none")
    assert proc.returncode == EXIT_OK, proc.stderr


def test_malformed_rule_file_exits_2_naming_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x\n    kind: tolerance\n    tolernce: 3\n", encoding="utf-8")
    proc = run("audit", str(SEEDS), "--rules", str(bad), "--format", "none")
    assert proc.returncode == EXIT_USAGE
    assert "bad.yaml" in proc.stderr and ":4" in proc.stderr, proc.stderr


def test_missing_input_is_a_usage_error(tmp_path):
    proc = run("audit", str(tmp_path / "nope"), "--format", "none")
    assert proc.returncode == EXIT_USAGE
    assert "nope" in proc.stderr


def test_bad_input_is_reported_while_the_rest_is_audited(tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(SEEDS, folder)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "latin1.txt").write_bytes("Caf\xe9 prices rose 5%".encode("latin-1"))
    out = tmp_path / "a.json"
    proc = run("audit", str(folder), "--json", str(out), "--fail-on", "never", "--format", "none")
    assert proc.returncode == EXIT_OK, proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["articles"]) == 5
    messages = " ".join(p["path"] + " " + p["message"] for p in report["problems"])
    assert "binary.txt" in messages and "latin1.txt" in messages and "UTF-8" in messages


def test_extract_lines_writes_one_json_line_per_input_line(tmp_path):
    src = tmp_path / "lines.txt"
    src.write_text("Temperatures fell to minus 23C.\n\nShares rose 5% to $2bn.\n", encoding="utf-8")
    proc = run("extract", "--lines", str(src), "--format", "jsonl")
    assert proc.returncode == EXIT_OK, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Temperatures fell to minus 23C.", "", "Shares rose 5% to $2bn."]
    first = rows[0]["quantities"][0]
    assert first["value"] == -23 and first["unit"] == "degree_Celsius"
    keys = {"surface", "start", "end", "value", "low", "high", "unit", "noun", "dimension", "qualifier", "kind"}
    assert keys <= set(first)
    assert rows[1]["quantities"] == []


def test_extract_newsquant_format(tmp_path):
    src = tmp_path / "lines.txt"
    src.write_text("The club sold 13000 tickets, up 19 per cent.\n", encoding="utf-8")
    proc = run("extract", "--lines", str(src), "--format", "newsquant")
    assert proc.returncode == EXIT_OK, proc.stderr
    row = json.loads(proc.stdout)
    values = {q["value"] for q in row["quantities"]}
    assert {13000, 19} <= values
    assert all({"value", "unit", "normalized_unit", "change", "referred_concepts"} <= set(q)
               for q in row["quantities"])
    assert any("club" in q["referred_concepts"] for q in row["quantities"])


def test_module_entry_point_matches_console_script():
    proc = subprocess.run([sys.executable, "-m", "auditor.cli", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "auditor" in proc.stdout


def test_baseline_accepts_known_findings_but_a_new_one_still_fails(tmp_path):
    base = tmp_path / "baseline.yaml"
    proc = run("audit", str(SEEDS), "--write-baseline", str(base), "--format", "none")
    assert proc.returncode == EXIT_OK and base.is_file(), proc.stderr
    accepted = run("audit", str(SEEDS), "--baseline", str(base), "--fail-on", "warning", "--format", "none")
    assert accepted.returncode == EXIT_OK, accepted.stderr
    # Drop one accepted finding: it is live again and fails the build.
    lines = base.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("- fingerprint"))
    base.write_text("\n".join(lines[:first] + lines[first + 3:]) + "\n", encoding="utf-8")
    again = run("audit", str(SEEDS), "--baseline", str(base), "--fail-on", "warning", "--format", "none")
    assert again.returncode == EXIT_FINDINGS


def test_malformed_baseline_exits_2(tmp_path):
    base = tmp_path / "baseline.yaml"
    base.write_text("accepted:\n  - rule: x\n", encoding="utf-8")
    proc = run("audit", str(SEEDS), "--baseline", str(base), "--format", "none")
    assert proc.returncode == EXIT_USAGE and "baseline.yaml" in proc.stderr, proc.stderr
