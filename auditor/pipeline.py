"""The stages in order: ingest → extract → normalize → referents → group → check. Nothing else.

Everything up to referents is a pure function of one article (``analyze_article``), so a
newsroom archive can be mapped over worker processes, or a Dask bag, with the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from auditor.model import Article, Claim, Problem, RawAudit


def analyze_article(article: Article) -> tuple[list[Claim], list[Problem]]:
    """Extract, normalize and resolve the referents of one article's figures.

    An unexpected failure on one article becomes a problem for that article; the audit goes on.
    """
    from auditor.extract import extract_claims
    from auditor.normalize.intervals import normalize_claims
    from auditor.referents import resolve_referents

    try:
        claims = extract_claims(article)
        claims = normalize_claims(claims)
        claims = resolve_referents(article, claims)
    except Exception as exc:  # one article's bug must not hide every other article's findings
        return [], [Problem(article.path, f"internal error while reading figures: {type(exc).__name__}: {exc}",
                            hint="please report this article to the auditor maintainers")]
    return list(claims), []


def run(
    inputs: Iterable[str | Path | Article],
    ruleset=None,
    defaults=None,
    baseline: Path | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> RawAudit:
    """Run the whole audit and return every record it produced."""
    from auditor.check import check
    from auditor.group import apply_default_times, group_claims
    from auditor.ingest import load_articles
    from auditor.ruleset import load_ruleset

    articles, problems = load_articles(inputs, defaults)
    if ruleset is None:
        ruleset = load_ruleset()
    problems.extend(ruleset.problems)

    claims: list[Claim] = []
    for got, bad in _map_articles(articles, jobs, progress):
        claims.extend(got)
        problems.extend(bad)

    by_id = {a.id: a for a in articles}
    claims = apply_default_times(claims, by_id)
    claims, groups = group_claims(claims, articles)
    groups, findings = check(claims, groups, articles, ruleset, baseline=baseline)
    return RawAudit(
        articles=tuple(articles),
        claims=tuple(claims),
        groups=tuple(groups),
        findings=tuple(findings),
        problems=tuple(problems),
        rules=tuple(_rule_record(r) for r in ruleset.rules),
    )


def _map_articles(articles: Sequence[Article], jobs: int, progress):
    total = len(articles)
    if jobs > 1 and total > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for done, result in enumerate(pool.map(analyze_article, articles, chunksize=8), start=1):
                if progress:
                    progress(done, total)
                yield result
        return
    for done, article in enumerate(articles, start=1):
        result = analyze_article(article)
        if progress:
            progress(done, total)
        yield result


def _rule_record(rule) -> dict:
    import dataclasses

    from auditor.model import _plain

    return _plain(rule) if dataclasses.is_dataclass(rule) else dict(rule)
