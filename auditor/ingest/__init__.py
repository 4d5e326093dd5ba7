"""Ingest: files, directories, HTML, Markdown with front matter, JSONL and feeds → ``Article``s.

Every input either becomes articles or a :class:`~auditor.model.Problem` naming the file, the line
and what to do; one bad file never stops the audit of the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from auditor.ingest.discover import discover
from auditor.ingest.readers import MAX_BYTES, read_path
from auditor.ingest.metadata import Defaults
from auditor.model import Article, Problem

__all__ = ["Defaults", "MAX_BYTES", "load_articles"]


def load_articles(
    inputs: Iterable[str | Path | Article], defaults: Defaults | None = None
) -> tuple[list[Article], list[Problem]]:
    """Read every input; return the articles (ids unique, in input order) and the problems.

    ``inputs`` may mix paths (files or directories, "-" for standard input) and ready-made
    :class:`Article` objects, which pass through untouched.
    """
    defaults = defaults or Defaults()
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in inputs:
        if isinstance(item, Article):
            articles.append(item)
            continue
        files, found_problems = discover(item)
        problems.extend(found_problems)
        for path in files:
            got, bad = read_path(path, defaults)
            articles.extend(got)
            problems.extend(bad)
    return _unique_ids(articles), problems


def _unique_ids(articles: Sequence[Article]) -> list[Article]:
    """Make ids unique by suffixing repeats (two folders may both hold "001.md")."""
    import dataclasses

    seen: dict[str, int] = {}
    out = []
    for art in articles:
        n = seen.get(art.id, 0)
        seen[art.id] = n + 1
        out.append(art if n == 0 else dataclasses.replace(art, id=f"{art.id}~{n + 1}"))
    return out
