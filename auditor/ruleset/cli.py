"""``auditor rules list | validate PATH | explain RULE_ID``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from auditor.ruleset.explain import explain
from auditor.ruleset.loader import load_ruleset, validate_file
from auditor.ruleset.model import RuleError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def add_rules_cli(subparsers) -> None:
    """Register ``rules list|validate|explain`` on an argparse subparsers object.

    Each handler is set with ``set_defaults(func=...)``, takes the parsed namespace and returns
    an exit code: 0 fine, 2 unreadable rules or unknown rule id.
    """
    rules = subparsers.add_parser("rules", help="list, validate and explain the declarative rules")
    sub = rules.add_subparsers(dest="rules_command", required=True)

    def layering(p: argparse.ArgumentParser) -> None:
        p.add_argument("--rules", action="append", default=[], type=Path, metavar="PATH",
                       help="extra rule file or directory of *.yaml (repeatable)")
        p.add_argument("--set", action="append", default=[], dest="overrides", metavar="RULE_ID.FIELD=VALUE",
                       help="override one field of one rule, e.g. temperature-tolerance.severity=error")
        p.add_argument("--project", type=Path, default=Path.cwd(),
                       help="directory holding pyproject.toml or auditor.toml (default: current)")

    p_list = sub.add_parser("list", help="the effective rules and where each comes from")
    layering(p_list)
    p_list.add_argument("--format", choices=("table", "json"), default="table")
    p_list.set_defaults(func=run_list)

    p_val = sub.add_parser("validate", help="check rule files; print each problem with file and line")
    p_val.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p_val.set_defaults(func=run_validate)

    p_exp = sub.add_parser("explain", help="what a rule checks, why, its tolerance and examples")
    p_exp.add_argument("rule_id", metavar="RULE_ID")
    layering(p_exp)
    p_exp.set_defaults(func=run_explain)


def _load(args):
    try:
        return load_ruleset(args.rules, args.project, args.overrides)
    except RuleError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def run_list(args) -> int:
    ruleset = _load(args)
    if ruleset is None:
        return EXIT_ERROR
    if args.format == "json":
        rows = [{"id": r.id, "kind": r.kind, "severity": r.severity, "enabled": r.enabled,
                 "tolerance": r.tolerance.describe(), "origin": r.origin, "description": r.description}
                for r in ruleset.rules]
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    width = max((len(r.id) for r in ruleset.rules), default=2)
    print(f"{'id':<{width}}  {'kind':<13}  {'severity':<8}  {'on':<3}  origin")
    for r in ruleset.rules:
        print(f"{r.id:<{width}}  {r.kind:<13}  {r.severity:<8}  {'yes' if r.enabled else 'no':<3}  {r.origin}")
    return EXIT_OK


def run_validate(args) -> int:
    problems = []
    for path in args.paths:
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for f in files:
            problems += validate_file(f)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"ok: {', '.join(map(str, args.paths))}")
    return EXIT_ERROR if problems else EXIT_OK


def run_explain(args) -> int:
    ruleset = _load(args)
    if ruleset is None:
        return EXIT_ERROR
    rule = ruleset.get(args.rule_id)
    if rule is None:
        import difflib  # noqa: PLC0415

        close = difflib.get_close_matches(args.rule_id, [r.id for r in ruleset.rules], n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; see `auditor rules list`"
        print(f"no rule has the id '{args.rule_id}'{hint}", file=sys.stderr)
        return EXIT_ERROR
    print(explain(rule))
    return EXIT_OK
