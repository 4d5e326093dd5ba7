"""Every rule written in rules/README.md is a valid rule whose examples hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.ruleset import load_ruleset, validate_file

README = Path(__file__).parents[2] / "rules" / "README.md"
BLOCKS = [b for b in re.findall(r"```yaml\n(.*?)```", README.read_text(), re.S) if "id:" in b and "kind:" in b]


@pytest.mark.parametrize("block", BLOCKS, ids=[re.search(r"id: ([\w-]+)", b).group(1) for b in BLOCKS])
def test_readme_rule_is_valid(block, tmp_path):
    text = block if block.startswith("rules:") else "rules:\n" + block
    path = tmp_path / "readme-rule.yaml"
    path.write_text(text)
    assert validate_file(path) == []
    load_ruleset([path])  # layered over the built-ins as a newsroom would


def test_readme_has_every_kind():
    from auditor.check import COMPARATORS

    for name in COMPARATORS:
        assert f"`{name}`" in README.read_text(), name
