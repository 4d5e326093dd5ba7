"""Read rule files, validate them, and layer them into the effective :class:`RuleSet`.

Layers, later ones winning: built-in files (``*.yaml`` at the top of ``resources.rules_dir()``),
the project's configuration (``[tool.auditor]`` in pyproject.toml, or auditor.toml), ``--rules``
paths, then ``--set RULE_ID.field=value`` overrides. A later rule with an id that already exists
updates it field by field; the same id twice in one file is an error.
"""

from __future__ import annotations

import difflib
import json
import re
import string
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import jsonschema
import yaml

from auditor import resources
from auditor.model import Problem
from auditor.ruleset import units
from auditor.ruleset.model import Example, Match, Rule, RuleError, RuleSet, Tolerance
from auditor.ruleset.yamlio import LineDict, LineList, YamlSyntaxError, line_of, load_yaml, plain

PLACEHOLDERS = ("minority", "majority", "detail", "tolerance", "places", "noun", "rule")
_RULE_FIELDS = ("kind", "description", "rationale", "severity", "enabled", "match", "tolerance",
                "message", "options", "examples")


@lru_cache(maxsize=None)
def schema(name: str = "rules") -> dict:
    """The JSON Schema ``rules/schema/<name>.schema.json``."""
    path = resources.rules_dir() / "schema" / f"{name}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- one file


@dataclass
class _Entry:
    """A rule as read from one layer: its raw fields and where they came from."""

    fields: dict
    origin: str
    path: str
    line: int | None
    doc: Any = None  # the file's line-keeping document, to place later errors
    index: int = 0


@dataclass
class _FileResult:
    entries: list[_Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def validate_file(path: Path) -> list[Problem]:
    """Every problem of one rule file, each with file, line and what to do; [] when it is fine.

    Rules that only update a rule of an earlier layer are checked as far as one file allows.
    """
    result = _read_file(Path(path), origin_prefix="cli:")
    problems = list(result.problems)
    for entry in result.entries:
        if "kind" in entry.fields:
            rule, rule_problems = _build(entry)
            problems += rule_problems or _failing_examples(rule, entry)
    return problems


def _failing_examples(rule: Rule, entry: _Entry) -> list[Problem]:
    """A rule's own examples that do not behave as they say: the rule does not do what it claims."""
    from auditor.check.examples import example_holds  # noqa: PLC0415 - check imports ruleset

    out = []
    for i, example in enumerate(rule.examples):
        try:
            holds = example_holds(rule, example)
        except Exception as exc:  # a broken example must not stop validation of the rest
            out.append(Problem(entry.path, f"rule '{rule.id}': example {i + 1} cannot run ({exc})",
                               line=line_of(entry.doc, ["rules", entry.index, "examples", i])))
            continue
        if not holds:
            verb = "does not fire" if example.expect == "fire" else "fires"
            out.append(Problem(entry.path, f"rule '{rule.id}': example {i + 1} ({example.expect}) {verb}",
                               line=line_of(entry.doc, ["rules", entry.index, "examples", i]),
                               hint="fix the example or the rule's tolerance"))
    return out


def _read_file(path: Path, origin_prefix: str) -> _FileResult:
    out = _FileResult()
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        out.problems.append(Problem(where, f"cannot read rule file: {exc.strerror or exc}",
                                    hint="check the path given to --rules or in the project config"))
        return out
    try:
        doc = load_yaml(text)
    except YamlSyntaxError as exc:
        out.problems.append(Problem(where, f"not valid YAML: {exc.failure.message}", line=exc.failure.line,
                                    hint="fix the YAML syntax (indentation, quotes, colons)"))
        return out
    if doc is None:
        doc = LineDict(rules=[])
        doc.line, doc.key_lines, doc.duplicates = 1, {}, []
    out.problems += _duplicate_keys(doc, where)
    bad_rules: set[int] = set()
    for err in _schema_errors(doc):
        problem, rule_index = _sentence(err, doc, where)
        out.problems.append(problem)
        if rule_index is None:
            return out  # the file's shape is wrong: nothing in it can be trusted
        bad_rules.add(rule_index)
    seen: dict[str, int] = {}
    for i, raw in enumerate(doc.get("rules") or []):
        line = line_of(doc, ["rules", i])
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(rule_id, str):
            if rule_id in seen:
                out.problems.append(Problem(where, f"rule id '{rule_id}' is defined twice in this file "
                                            f"(first on line {seen[rule_id]})", line=line,
                                            hint="rename one of them or merge them"))
                continue
            seen[rule_id] = line or 0
        if i in bad_rules:
            continue
        out.entries.append(_Entry(dict(raw), f"{origin_prefix}{where}:{line}", where, line, doc, i))
    return out


def _duplicate_keys(node: Any, where: str) -> list[Problem]:
    found: list[Problem] = []
    if isinstance(node, LineDict):
        for key, line in node.duplicates:
            found.append(Problem(where, f"key '{key}' is given twice in the same mapping", line=line,
                                 hint="keep one; YAML would silently use the last"))
        for value in node.values():
            found += _duplicate_keys(value, where)
    elif isinstance(node, LineList):
        for value in node:
            found += _duplicate_keys(value, where)
    return found


def _schema_errors(doc: Any) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft202012Validator(schema("rules"))
    errors = list(validator.iter_errors(plain(doc)))
    return sorted(errors, key=lambda e: [str(p) for p in e.absolute_path])


def _sentence(err: jsonschema.ValidationError, doc: Any, where: str) -> tuple[Problem, int | None]:
    """A schema error as a sentence naming the line, and the index of the rule it spoils."""
    path = list(err.absolute_path)
    rule_index = path[1] if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int) else None
    name = ".".join(str(p) for p in path[2:]) if rule_index is not None else ".".join(map(str, path))
    subject = f"'{name}'" if name else ("the rule" if rule_index is not None else "the file")
    line = line_of(doc, path)
    if err.validator == "additionalProperties":
        unknown = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        key = unknown[0] if unknown else "?"
        line = line_of(doc, path + [key])
        known = sorted(err.schema.get("properties", {}))
        close = difflib.get_close_matches(str(key), known, n=1)
        where_in = f"of {subject}" if name else ("of a rule" if rule_index is not None else "at the top of a rule file")
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
        return Problem(where, f"'{key}' is not a known key {where_in}", line=line, hint=hint), rule_index
    if err.validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message)
        return Problem(where, f"{subject} is missing '{missing[0] if missing else err.message}'", line=line,
                       hint="add it"), rule_index
    if err.validator == "enum":
        allowed = ", ".join(map(str, err.validator_value))
        close = difflib.get_close_matches(str(err.instance), list(map(str, err.validator_value)), n=1)
        return Problem(where, f"{subject} is {err.instance!r}, which is not one of: {allowed}", line=line,
                       hint=f"did you mean '{close[0]}'?" if close else "use one of the listed values"), rule_index
    if err.validator == "type":
        wanted = err.validator_value if isinstance(err.validator_value, str) else " or ".join(err.validator_value)
        return Problem(where, f"{subject} must be {_article(wanted)}, not {_type_name(err.instance)}",
                       line=line, hint="see rules/README.md for the format"), rule_index
    if err.validator == "pattern":
        return Problem(where, f"{subject} is {err.instance!r}, which has the wrong form",
                       line=line, hint=_pattern_hint(name)), rule_index
    if err.validator == "oneOf" and name.endswith("kind"):
        return Problem(where, f"{subject} is {err.instance!r}; use quantity, date or duration (or a list)",
                       line=line), rule_index
    return Problem(where, f"{subject}: {err.message}", line=line, hint="see rules/README.md"), rule_index


def _pattern_hint(name: str) -> str:
    if name == "id":
        return "use lower-case words joined by hyphens, e.g. 'temperature-tolerance'"
    if "relative" in name or "rounding" in name:
        return "write a percentage such as '5 %'"
    return "see rules/README.md"


def _article(word: str) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "text", "boolean": "true or false",
             "number": "a number", "integer": "a whole number", "null": "empty"}
    return " or ".join(names.get(w, w) for w in word.split(" or "))


def _type_name(value: Any) -> str:
    for kind, name in ((bool, "true/false"), (dict, "a mapping"), (list, "a list"), (str, "text"),
                       (int, "a number"), (float, "a number")):
        if isinstance(value, kind):
            return f"{name} ({value!r})" if kind in (str, int, float, bool) else name
    return "empty" if value is None else type(value).__name__


# --------------------------------------------------------------------------- building rules


def _build(entry: _Entry) -> tuple[Rule | None, list[Problem]]:
    """A :class:`Rule` from merged fields, or the problems that stop it."""
    f = entry.fields
    problems: list[Problem] = []

    def problem(keys: list, message: str, hint: str = "") -> None:
        line = line_of(entry.doc, ["rules", entry.index, *keys]) if entry.doc is not None else entry.line
        problems.append(Problem(entry.path, message, line=line, hint=hint))

    rule_id = f["id"]
    kind = f.get("kind")
    from auditor.check.registry import COMPARATORS  # noqa: PLC0415 - check imports ruleset

    if not kind:
        problem([], f"rule '{rule_id}' has no 'kind' and no earlier layer defines it",
                f"add kind: one of {', '.join(sorted(COMPARATORS))}")
        return None, problems
    if kind not in COMPARATORS:
        problem(["kind"], f"rule '{rule_id}': kind '{kind}' is not a registered comparator",
                f"use one of {', '.join(sorted(COMPARATORS))}")
        return None, problems
    m = f.get("match") or {}
    dimension = ""
    if m.get("dimension"):
        try:
            dimension = units.dimensionality(m["dimension"])
        except ValueError as exc:
            problem(["match", "dimension"], f"rule '{rule_id}': {exc}", "use e.g. '[temperature]', 'km**2' or 'count'")
    if m.get("noun"):
        try:
            re.compile(m["noun"])
        except re.error as exc:
            problem(["match", "noun"], f"rule '{rule_id}': match.noun is not a valid regular expression ({exc})",
                    "escape special characters such as ( [ + with a backslash")
    kinds = m.get("kind") or ()
    match = Match(kinds=(kinds,) if isinstance(kinds, str) else tuple(kinds), dimension=dimension,
                  qualifiers=tuple(m.get("qualifier") or ()), events=tuple(m.get("event") or ()),
                  noun=m.get("noun") or "")
    t = f.get("tolerance") or {}
    absolute = "" if t.get("absolute") is None else str(t["absolute"])
    if absolute:
        try:
            q = units.parse_quantity(absolute)
            if dimension and dimension not in ("count", "[time]") and not q.dimensionless:
                if str(q.dimensionality) != dimension:
                    problem(["tolerance", "absolute"],
                            f"rule '{rule_id}': tolerance {absolute!r} is {q.dimensionality}, but the rule "
                            f"matches {dimension}", "give the tolerance in a unit of the matched dimension")
        except ValueError as exc:
            problem(["tolerance", "absolute"], f"rule '{rule_id}': {exc}",
                    "temperatures take delta_degC or delta_degF; counts take a bare number")
    tolerance = Tolerance(absolute=absolute, relative=_percent(t.get("relative")),
                          rounding=bool(t.get("rounding", False)),
                          max_rounding=_percent(t.get("max_rounding")) if "max_rounding" in t else 0.125)
    message = f.get("message") or COMPARATORS[kind].message
    bad = _bad_placeholders(message)
    if bad:
        problem(["message"], f"rule '{rule_id}': the message uses unknown placeholder(s) {', '.join(bad)}",
                f"use only {{{'}, {'.join(PLACEHOLDERS)}}}")
    severity = f.get("severity", "warning")
    if COMPARATORS[kind].max_severity == "info" and severity != "info":
        problem(["severity"], f"rule '{rule_id}': a {kind} rule can be at most 'info' (got '{severity}')",
                "vague figures never make a discrepancy above info; set severity: info")
    examples = []
    for i, ex in enumerate(f.get("examples") or ()):
        for j, c in enumerate(ex.get("claims") or ()):
            if c.get("unit"):
                try:
                    units.parse_units(c["unit"])
                except Exception:
                    problem(["examples", i, "claims", j, "unit"],
                            f"rule '{rule_id}': example unit {c['unit']!r} is not a pint unit",
                            "use pint names such as degree_Celsius, kilometer ** 2, day")
        examples.append(Example(expect=ex["expect"], claims=tuple(plain(c) for c in ex["claims"]),
                                note=ex.get("note", "")))
    if problems:
        return None, problems
    rule = Rule(id=rule_id, kind=kind, description=f.get("description", ""), rationale=f.get("rationale", ""),
                severity=severity, enabled=bool(f.get("enabled", True)), match=match, tolerance=tolerance,
                message=message, examples=tuple(examples), options=tuple(sorted(plain(f.get("options") or {}).items())),
                origin=entry.origin)
    return rule, []


def _percent(text: Any) -> float:
    """A percentage as a fraction.

    >>> _percent("5 %"), _percent(None)
    (0.05, 0.0)
    """
    if not text:
        return 0.0
    return float(str(text).strip().rstrip("%").strip()) / 100


def _bad_placeholders(template: str) -> list[str]:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        return ["(unbalanced braces)"]
    return sorted({n for n in names if n not in PLACEHOLDERS})


# --------------------------------------------------------------------------- layering


def load_ruleset(extra_paths: Sequence[Path] = (), project_dir: Path | None = None,
                 overrides: Sequence[str] = ()) -> RuleSet:
    """The effective rules: built-ins, then project config, then ``extra_paths``, then overrides.

    Raises :class:`RuleError` listing every problem (file and line each) when a rule file or an
    override is malformed.
    """
    problems: list[Problem] = []
    layers: dict[str, _Entry] = {}
    order: list[str] = []

    def add(entries: Iterable[_Entry]) -> None:
        for entry in entries:
            rule_id = entry.fields["id"]
            if rule_id in layers:
                earlier = layers[rule_id]
                merged = {**earlier.fields, **entry.fields}
                layers[rule_id] = _Entry(merged, f"{earlier.origin} + {entry.origin}", entry.path, entry.line,
                                         entry.doc, entry.index)
            else:
                layers[rule_id] = entry
                order.append(rule_id)

    builtin = resources.rules_dir()
    for path in sorted(builtin.glob("*.yaml")):
        result = _read_file(path, "builtin:")
        for e in result.entries:
            e.origin = f"builtin:rules/{path.name}:{e.line}"
        problems += result.problems
        add(result.entries)

    post: list[tuple[str, Any, str]] = []  # (rule id, (field path, value), origin) applied last
    if project_dir is not None:
        cfg, cfg_name, cfg_problems = _project_config(Path(project_dir))
        problems += cfg_problems
        for raw in cfg.get("rules", []):
            for path in _yaml_files(Path(project_dir) / raw, problems, cfg_name):
                result = _read_file(path, "project:")
                problems += result.problems
                add(result.entries)
        for rule_id in cfg.get("disable", []):
            post.append((rule_id, ("enabled", False), f"project:{cfg_name}"))
        for rule_id in cfg.get("enable", []):
            post.append((rule_id, ("enabled", True), f"project:{cfg_name}"))
        for rule_id, sev in (cfg.get("severity") or {}).items():
            post.append((rule_id, ("severity", sev), f"project:{cfg_name}"))
        for rule_id, tol in (cfg.get("tolerance") or {}).items():
            tol = {"absolute": tol} if isinstance(tol, (str, int, float)) else dict(tol)
            post.append((rule_id, ("tolerance", tol), f"project:{cfg_name}"))
    for raw in extra_paths:
        for path in _yaml_files(Path(raw), problems, "--rules"):
            result = _read_file(path, "cli:--rules ")
            problems += result.problems
            add(result.entries)
    for text in overrides:
        parsed = _parse_override(text)
        if isinstance(parsed, Problem):
            problems.append(parsed)
        else:
            post.append((*parsed, "cli:--set"))
    for rule_id, (key, value), origin in post:
        if rule_id not in layers:
            close = difflib.get_close_matches(rule_id, order, n=1)
            problems.append(Problem(origin.split(":", 1)[1], f"no rule has the id '{rule_id}'",
                                    hint=f"did you mean '{close[0]}'?" if close else "see `auditor rules list`"))
            continue
        entry = layers[rule_id]
        merged = dict(entry.fields)
        if key == "tolerance":
            merged["tolerance"] = {**(merged.get("tolerance") or {}), **value}
        elif "." in key:
            head, sub = key.split(".", 1)
            merged[head] = {**(merged.get(head) or {}), sub: value}
        else:
            merged[key] = value
        problems += _check_override_value(rule_id, merged, origin)
        layers[rule_id] = _Entry(merged, f"{entry.origin} + {origin}", entry.path, entry.line, entry.doc,
                                 entry.index)
    rules: list[Rule] = []
    for rule_id in order:
        rule, rule_problems = _build(layers[rule_id])
        problems += rule_problems
        if rule is not None:
            rules.append(rule)
    if problems:
        raise RuleError(problems)
    return RuleSet(rules=tuple(rules))


def _yaml_files(path: Path, problems: list[Problem], origin: str) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
    if path.is_file():
        return [path]
    problems.append(Problem(str(path), "no such rule file or directory", hint=f"check the path given in {origin}"))
    return []


def _project_config(project_dir: Path) -> tuple[dict, str, list[Problem]]:
    """``[tool.auditor]`` of pyproject.toml, else auditor.toml (top level or [tool.auditor])."""
    for name, nested in (("auditor.toml", False), ("pyproject.toml", True)):
        path = project_dir / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            return {}, name, [Problem(str(path), f"cannot read project config: {exc}", hint="fix the TOML syntax")]
        cfg = data.get("tool", {}).get("auditor")
        if cfg is None and not nested:
            cfg = data
        if cfg is None:
            continue
        return cfg, name, _check_config(cfg, path)
    return {}, "", []


_CONFIG_KEYS = {"rules": list, "disable": list, "enable": list, "severity": dict, "tolerance": dict}


def _check_config(cfg: dict, path: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8").splitlines()
    problems = []
    for key, value in cfg.items():
        if key not in _CONFIG_KEYS:
            continue  # other engineers' settings live in the same table
        if not isinstance(value, _CONFIG_KEYS[key]):
            line = next((i + 1 for i, t in enumerate(text) if re.match(rf"\s*{re.escape(key)}\s*=", t)), None)
            kind = "a list" if _CONFIG_KEYS[key] is list else "a table"
            problems.append(Problem(str(path), f"'{key}' must be {kind}", line=line, hint="see rules/README.md"))
    for key in [k for k in cfg if k in _CONFIG_KEYS]:
        if not isinstance(cfg[key], _CONFIG_KEYS[key]):
            cfg.pop(key)
    return problems


_SETTABLE = {"severity", "enabled", "message", "description", "rationale", "tolerance.absolute",
             "tolerance.relative", "tolerance.rounding", "tolerance.max_rounding"}


def _parse_override(text: str) -> tuple[str, tuple[str, Any]] | Problem:
    """``RULE_ID.field=value`` as (rule id, (field, value)); a Problem when malformed.

    >>> _parse_override("temperature-tolerance.enabled=false")
    ('temperature-tolerance', ('enabled', False))
    >>> _parse_override("x.tolerance.absolute=3 delta_degC")
    ('x', ('tolerance', {'absolute': '3 delta_degC'}))
    """
    m = re.fullmatch(r"\s*([a-z0-9][a-z0-9-]*)\.([a-z_.]+)\s*=(.*)", text, re.S)
    if not m:
        return Problem("--set", f"cannot read override {text!r}", hint="write RULE_ID.field=value, e.g. "
                       "temperature-tolerance.severity=error")
    rule_id, key, raw = m.group(1), m.group(2), m.group(3).strip()
    if key not in _SETTABLE and not key.startswith("options."):
        close = difflib.get_close_matches(key, sorted(_SETTABLE), n=1)
        return Problem("--set", f"'{key}' cannot be set from the command line ({text!r})",
                       hint=f"did you mean '{close[0]}'?" if close else f"settable: {', '.join(sorted(_SETTABLE))}")
    try:
        value = yaml.safe_load(raw) if raw else ""
    except yaml.YAMLError:
        value = raw
    if key.startswith("tolerance."):
        return rule_id, ("tolerance", {key.split(".", 1)[1]: value})
    return rule_id, (key, value)


def _check_override_value(rule_id: str, fields: dict, origin: str) -> list[Problem]:
    """Run the schema over the rule as overridden, so a bad --set value is named plainly."""
    doc = {"rules": [{k: v for k, v in fields.items() if k == "id" or k in _RULE_FIELDS}]}
    where = origin.split(":", 1)[1] if ":" in origin else origin
    out = []
    for err in jsonschema.Draft202012Validator(schema("rules")).iter_errors(doc):
        problem, _ = _sentence(err, doc, where)
        out.append(replace(problem, message=f"rule '{rule_id}': {problem.message}", line=None))
    return out
