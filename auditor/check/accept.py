"""Accepted findings: a baseline file of fingerprints, and inline markers in article text.

Baseline (YAML or JSON, schema ``rules/schema/baseline.schema.json``)::

    accepted:
      - fingerprint: 3f2a9c0d1e4b5a67
        rule: temperature-tolerance
        reason: forecasts for Kyiv and for all of Ukraine, both right

Inline marker, anywhere in an article (an HTML comment survives in Markdown and HTML sources;
the plain line form suits text files)::

    <!-- auditor: accept temperature-tolerance "minus 26 degrees Celsius" -->
    auditor-accept: date-agreement

The quoted surface is optional: with it, only findings that include a claim of this article whose
surface contains that text are accepted; without it, every finding of that rule that includes a
claim of this article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import jsonschema

from auditor.model import Article, Claim, Finding, Problem
from auditor.ruleset.model import RuleError
from auditor.ruleset.yamlio import YamlSyntaxError, load_yaml, plain

MARKER = re.compile(r"auditor(?::\s*|-)accept:?\s+(?P<rule>[a-z0-9][a-z0-9-]*)(?:\s+\"(?P<surface>[^\"]+)\")?")


@dataclass(frozen=True)
class Marker:
    """One inline acceptance in one article."""

    article_id: str
    rule_id: str
    surface: str = ""


def inline_markers(article: Article) -> list[Marker]:
    """The acceptance markers written in an article's text.

    >>> a = Article("a1", "", 'x <!-- auditor: accept date-agreement "3 February" --> y\\nauditor-accept: t-1')
    >>> [(m.rule_id, m.surface) for m in inline_markers(a)]
    [('date-agreement', '3 February'), ('t-1', '')]
    """
    return [Marker(article.id, m.group("rule"), m.group("surface") or "") for m in MARKER.finditer(article.text)]


def load_baseline(path: Path) -> dict[str, str]:
    """Fingerprint -> reason; raises :class:`RuleError` naming file and line when malformed."""
    from auditor.ruleset.loader import _sentence, schema  # noqa: PLC0415 - shares the error wording

    where = str(path)
    try:
        doc = load_yaml(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError([Problem(where, f"cannot read baseline: {exc.strerror or exc}",
                                 hint="check the --baseline path")]) from None
    except YamlSyntaxError as exc:
        raise RuleError([Problem(where, f"not valid YAML or JSON: {exc.failure.message}", line=exc.failure.line,
                                 hint="fix the syntax")]) from None
    errors = list(jsonschema.Draft202012Validator(schema("baseline")).iter_errors(plain(doc)))
    if errors:
        raise RuleError([_sentence(e, doc, where)[0] for e in errors])
    return {str(e["fingerprint"]): str(e.get("reason", "")) for e in doc["accepted"]}


def suppression(finding: Finding, claims: Iterable[Claim], baseline: dict[str, str],
                markers: Iterable[Marker]) -> str:
    """Why a finding is accepted, or "" when it is live."""
    if finding.fingerprint in baseline:
        reason = baseline[finding.fingerprint]
        return f"baseline: {reason}" if reason else "baseline"
    claims = list(claims)
    for marker in markers:
        if marker.rule_id != finding.rule_id:
            continue
        mine = [c for c in claims if c.article_id == marker.article_id]
        if mine and (not marker.surface or any(marker.surface in c.surface for c in mine)):
            return f"inline marker in {marker.article_id}"
    return ""


__all__ = ["Marker", "inline_markers", "load_baseline", "suppression"]
