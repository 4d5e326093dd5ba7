"""`auditor rules list | validate | explain` through the argparse wiring the lead's cli.py uses."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from auditor.ruleset import add_rules_cli
from auditor.ruleset.cli import EXIT_ERROR, EXIT_OK

CASES = Path(__file__).parent / "schema_cases"


def run(argv, capsys, cwd=None):
    parser = argparse.ArgumentParser(prog="auditor")
    add_rules_cli(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    if cwd is not None:
        args.project = cwd
    code = args.func(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_shows_rules_and_origins(capsys, tmp_path):
    code, out, _ = run(["rules", "list"], capsys, cwd=tmp_path)
    assert code == EXIT_OK
    assert "temperature-tolerance" in out and "builtin:rules/tolerances.yaml:" in out


def test_list_with_rules_and_set(capsys, tmp_path):
    extra = tmp_path / "x.yaml"
    extra.write_text("rules:\n  - id: house\n    kind: tolerance\n")
    code, out, _ = run(["rules", "list", "--rules", str(extra), "--set", "count-exact.enabled=false",
                        "--format", "json"], capsys, cwd=tmp_path)
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == EXIT_OK and rows["house"]["origin"].startswith("cli:--rules")
    assert rows["count-exact"]["enabled"] is False and rows["count-exact"]["origin"].endswith("cli:--set")


def test_list_with_bad_rules_exits_2(capsys, tmp_path):
    code, _, err = run(["rules", "list", "--rules", str(CASES / "unknown-key.fail.yaml")], capsys, cwd=tmp_path)
    assert code == EXIT_ERROR and "unknown-key.fail.yaml:4" in err


def test_validate(capsys):
    code, out, _ = run(["rules", "validate", str(CASES / "full-rule.ok.yaml")], capsys)
    assert code == EXIT_OK and out.startswith("ok")
    code, _, err = run(["rules", "validate", str(CASES / "bad-regex.fail.yaml")], capsys)
    assert code == EXIT_ERROR and "bad-regex.fail.yaml:4" in err


def test_validate_directory_of_shipped_rules(capsys):
    code, _, err = run(["rules", "validate", str(Path(__file__).parents[2] / "rules")], capsys)
    assert code == EXIT_OK, err


def test_explain(capsys, tmp_path):
    code, out, _ = run(["rules", "explain", "duration-span"], capsys, cwd=tmp_path)
    assert code == EXIT_OK and "Fires on:" in out and "duration_span" in out


def test_explain_unknown_rule_suggests(capsys, tmp_path):
    code, _, err = run(["rules", "explain", "temperature-tolerence"], capsys, cwd=tmp_path)
    assert code == EXIT_ERROR and "did you mean 'temperature-tolerance'" in err


def test_rules_needs_a_subcommand(capsys):
    with pytest.raises(SystemExit):
        run(["rules"], capsys)
