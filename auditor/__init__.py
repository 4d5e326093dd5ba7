"""auditor: cross-check the figures that several news articles state about the same event.

>>> import auditor
>>> [c.surface for c in auditor.extract("Forecasters expect minus 26 degrees Celsius.")]
['minus 26 degrees Celsius']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

# The stage package is imported before the function of the same name is defined, so that
# `auditor.extract` stays the function: Python only binds a subpackage onto its parent when the
# subpackage is first imported.
import auditor.extract as _extract_stage  # noqa: F401
from auditor.model import Article, Claim, Finding, Group, Problem, RawAudit

__all__ = ["Article", "Audit", "Claim", "Finding", "Group", "Problem", "audit", "extract", "load_rules"]
__version__ = "0.1.0"


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Every figure in ``text``: quantities, dates and durations, with their intervals and referents.

    ``published`` resolves relative dates ("by Sunday", "last Thursday").
    """
    from auditor.pipeline import analyze_article

    article = Article(id="text", path="<text>", text=text, published=published)
    claims, problems = analyze_article(article)
    if problems:
        raise RuntimeError(str(problems[0]))
    return claims


def load_rules(paths: Sequence[str | Path] = (), overrides: Sequence[str] = ()):
    """The effective rule set: built-in rules, the project's config, then ``paths`` and ``overrides``."""
    from auditor.ruleset import load_ruleset

    return load_ruleset(extra_paths=[Path(p) for p in paths], project_dir=Path.cwd(), overrides=overrides)


def audit(paths_or_articles: Iterable[str | Path | Article] | str | Path, rules=None) -> "Audit":
    """Audit files, directories or :class:`Article` objects; return an :class:`Audit`.

    ``rules`` is None (the effective defaults), a rule set from :func:`load_rules`, or a list of
    rule file paths. The result's ``claims``, ``groups`` and ``findings`` are pandas DataFrames.
    """
    from auditor.pipeline import run
    from auditor.result import Audit

    if isinstance(paths_or_articles, (str, Path, Article)):
        paths_or_articles = [paths_or_articles]
    if rules is not None and not hasattr(rules, "rules"):
        rules = load_rules(rules)
    return Audit(run(list(paths_or_articles), ruleset=rules))


def __getattr__(name: str):
    if name == "Audit":
        from auditor.result import Audit

        return Audit
    raise AttributeError(name)
