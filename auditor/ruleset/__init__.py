"""Declarative rules: the rule model, the loader that keeps line numbers, layering, explain, CLI."""

from auditor.ruleset.cli import add_rules_cli
from auditor.ruleset.explain import explain
from auditor.ruleset.loader import load_ruleset, validate_file
from auditor.ruleset.model import Example, Match, Rule, RuleError, RuleSet, Tolerance

__all__ = ["Rule", "RuleSet", "RuleError", "Match", "Tolerance", "Example", "load_ruleset",
           "validate_file", "explain", "add_rules_cli"]
