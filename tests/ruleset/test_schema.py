"""Schemas tested with example files, and every shipped rule file validated."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from auditor import resources
from auditor.check import COMPARATORS
from auditor.ruleset import validate_file
from auditor.ruleset.loader import schema

CASES = Path(__file__).parent / "schema_cases"
OK = sorted(CASES.glob("*.ok.yaml"))
FAIL = sorted(CASES.glob("*.fail.yaml"))
SHIPPED = sorted(resources.rules_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", OK, ids=[p.name for p in OK])
def test_ok_cases_validate(path):
    assert validate_file(path) == []


@pytest.mark.parametrize("path", FAIL, ids=[p.name for p in FAIL])
def test_fail_cases_do_not_validate_and_name_file_and_line(path):
    problems = validate_file(path)
    assert problems
    for problem in problems:
        assert problem.path == str(path)
        assert problem.line is not None and problem.line >= 1


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_rule_files_validate(path):
    assert validate_file(path) == []
    jsonschema.validate(yaml.safe_load(path.read_text()), schema("rules"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_rule_files_explain_their_format_at_the_top(path):
    assert path.read_text().startswith("# ")


def test_there_are_cases_on_both_sides():
    assert len(OK) >= 3 and len(FAIL) >= 10


def test_schema_kinds_are_the_registered_comparators():
    kinds = schema("rules")["$defs"]["rule"]["properties"]["kind"]["enum"]
    assert set(kinds) == set(COMPARATORS)


@pytest.mark.parametrize("name", ["rules", "baseline"])
def test_every_schema_field_has_title_and_description(name):
    def walk(node, path):
        if isinstance(node, dict):
            for key, sub in (node.get("properties") or {}).items():
                assert "title" in sub or "$ref" in sub, f"{name}: {path}.{key} has no title"
                assert "description" in sub or "$ref" in sub, f"{name}: {path}.{key} has no description"
            for key, sub in node.items():
                walk(sub, f"{path}.{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{path}[{i}]")

    doc = schema(name)
    jsonschema.Draft202012Validator.check_schema(doc)
    walk(doc, "")


def test_baseline_schema_accepts_and_rejects():
    validator = jsonschema.Draft202012Validator(schema("baseline"))
    assert validator.is_valid({"accepted": [{"fingerprint": "0123abcd", "reason": "ok"}]})
    assert not validator.is_valid({"accepted": [{"fingerprint": "not hex"}]})
    assert not validator.is_valid({"accept": []})


def test_schema_files_are_json():
    for path in (resources.rules_dir() / "schema").glob("*.json"):
        json.loads(path.read_text())
