"""Loading rules: errors with file and line, layering, project config, overrides."""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path

import pytest

from auditor.model import Problem
from auditor.ruleset import RuleError, explain, load_ruleset, validate_file
from auditor.ruleset.yamlio import load_yaml


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip())
    return path


def test_unknown_key_names_line_and_suggests(tmp_path):
    f = write(tmp_path / "x.yaml", """
        rules:
          - id: temp
            kind: tolerance
            description: a
            tolernce: {absolute: 2 delta_degC}
        """)
    [problem] = validate_file(f)
    assert str(problem) == f"{f}:5: 'tolernce' is not a known key of a rule — did you mean 'tolerance'?"


def test_unknown_key_inside_tolerance(tmp_path):
    f = write(tmp_path / "x.yaml", """
        rules:
          - id: temp
            kind: tolerance
            tolerance:
              absolut: 2 delta_degC
        """)
    [problem] = validate_file(f)
    assert problem.line == 5 and "'absolut' is not a known key of 'tolerance'" in problem.message
    assert "absolute" in problem.hint


def test_one_error_per_bad_rule_and_good_rules_still_load(tmp_path):
    f = write(tmp_path / "x.yaml", """
        rules:
          - id: good
            kind: tolerance
          - id: bad-sev
            kind: tolerance
            severity: loud
          - id: bad-unit
            kind: tolerance
            tolerance: {absolute: 3 blorps}
        """)
    problems = validate_file(f)
    assert [p.line for p in problems] == [6, 9]
    with pytest.raises(RuleError) as err:
        load_ruleset([f])
    assert len(err.value.problems) == 2


def test_rule_error_is_picklable():
    err = RuleError([Problem("x.yaml", "bad", line=3)])
    again = pickle.loads(pickle.dumps(err))
    assert again.problems == err.problems and "x.yaml:3: bad" in str(again)


def test_builtins_have_origins_with_lines():
    rules = load_ruleset()
    rule = rules.get("temperature-tolerance")
    assert rule.origin.startswith("builtin:rules/tolerances.yaml:")
    line = int(rule.origin.rsplit(":", 1)[1])
    text = (Path(__file__).parents[2] / "rules" / "tolerances.yaml").read_text().splitlines()
    assert "temperature-tolerance" in text[line - 1]


def test_cli_rules_file_updates_a_builtin(tmp_path):
    f = write(tmp_path / "newsroom.yaml", """
        rules:
          - id: temperature-tolerance
            severity: error
            tolerance: {absolute: 3 delta_degC}
          - id: death-toll
            kind: tolerance
            match: {kind: quantity, noun: death}
        """)
    rules = load_ruleset([f])
    temp = rules.get("temperature-tolerance")
    assert temp.severity == "error" and temp.tolerance.absolute == "3 delta_degC"
    assert temp.match.dimension == "[temperature]"  # unchanged fields come from the built-in
    assert temp.origin.startswith("builtin:rules/tolerances.yaml:") and f"cli:--rules {f}:2" in temp.origin
    assert rules.get("death-toll").origin == f"cli:--rules {f}:5"


def test_rules_directory(tmp_path):
    write(tmp_path / "a.yaml", "rules:\n  - id: a-rule\n    kind: tolerance\n")
    write(tmp_path / "b.yaml", "rules:\n  - id: b-rule\n    kind: date\n")
    rules = load_ruleset([tmp_path])
    assert rules.get("a-rule") and rules.get("b-rule")


def test_missing_rules_path_is_a_problem(tmp_path):
    with pytest.raises(RuleError) as err:
        load_ruleset([tmp_path / "nope.yaml"])
    assert "no such rule file" in str(err.value)


def test_new_rule_without_kind(tmp_path):
    f = write(tmp_path / "x.yaml", "rules:\n  - id: lonely\n    severity: info\n")
    with pytest.raises(RuleError) as err:
        load_ruleset([f])
    assert f"{f}:2" in str(err.value) and "has no 'kind'" in str(err.value)


def test_duplicate_ids_across_layers_are_layering_not_errors(tmp_path):
    a = write(tmp_path / "a.yaml", "rules:\n  - id: r\n    kind: tolerance\n    severity: info\n")
    b = write(tmp_path / "b.yaml", "rules:\n  - id: r\n    severity: error\n")
    assert load_ruleset([a, b]).get("r").severity == "error"


def test_auditor_toml_project_config(tmp_path):
    write(tmp_path / "extra.yaml", "rules:\n  - id: house-rule\n    kind: tolerance\n")
    write(tmp_path / "auditor.toml", """
        rules = ["extra.yaml"]
        disable = ["count-exact"]

        [severity]
        temperature-tolerance = "error"

        [tolerance]
        temperature-tolerance = "3 delta_degC"
        measure-relative = {relative = "5 %"}
        """)
    rules = load_ruleset(project_dir=tmp_path)
    assert rules.get("house-rule").origin.startswith("project:")
    assert not rules.get("count-exact").enabled
    assert "count-exact" not in {r.id for r in rules.enabled()}
    temp = rules.get("temperature-tolerance")
    assert temp.severity == "error" and temp.tolerance.absolute == "3 delta_degC"
    assert "project:auditor.toml" in temp.origin
    assert rules.get("measure-relative").tolerance.relative == pytest.approx(0.05)


def test_pyproject_tool_auditor(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [project]
        name = "newsroom"

        [tool.auditor]
        disable = ["vague-quantifier"]
        """)
    assert not load_ruleset(project_dir=tmp_path).get("vague-quantifier").enabled


def test_project_config_unknown_rule_id(tmp_path):
    write(tmp_path / "auditor.toml", 'disable = ["temperature-tolerence"]\n')
    with pytest.raises(RuleError) as err:
        load_ruleset(project_dir=tmp_path)
    assert "did you mean 'temperature-tolerance'" in str(err.value)


def test_project_config_wrong_type(tmp_path):
    write(tmp_path / "auditor.toml", 'disable = "count-exact"\n')
    with pytest.raises(RuleError) as err:
        load_ruleset(project_dir=tmp_path)
    assert "auditor.toml:1" in str(err.value) and "must be a list" in str(err.value)


def test_overrides():
    rules = load_ruleset(overrides=["temperature-tolerance.severity=error", "count-exact.enabled=false",
                                    "temperature-tolerance.tolerance.absolute=5 delta_degF"])
    temp = rules.get("temperature-tolerance")
    assert temp.severity == "error" and temp.tolerance.absolute == "5 delta_degF"
    assert temp.origin.endswith("cli:--set")
    assert not rules.get("count-exact").enabled


@pytest.mark.parametrize("override,words", [
    ("temperature-tolerance.severity=loud", "not one of"),
    ("temperature-tolerance.enabled=maybe", "true or false"),
    ("temperature-tolerance.colour=red", "cannot be set"),
    ("no-such-rule.severity=info", "no rule has the id"),
    ("temperature-tolerance.tolerance.absolute=2 blorp", "not a pint quantity"),
    ("just text", "RULE_ID.field=value"),
])
def test_bad_overrides(override, words):
    with pytest.raises(RuleError) as err:
        load_ruleset(overrides=[override])
    assert words in str(err.value)


def test_explain_shows_everything():
    rule = load_ruleset().get("temperature-tolerance")
    text = explain(rule)
    for part in (rule.description, "Why:", "Tolerance: 2 delta_degC", "Fires on:", "Stays quiet on:",
                 "Defined in: builtin:rules/tolerances.yaml:"):
        assert part in text


def test_yaml_loader_is_safe():
    with pytest.raises(Exception):
        load_yaml("!!python/object/apply:os.system ['true']")
