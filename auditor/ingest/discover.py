"""Turn the paths a user gave into the files to read."""

from __future__ import annotations

from pathlib import Path

from auditor.model import Problem

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".rss", ".atom", ".xml"}
# Files that sit beside articles in a folder but are not articles: annotations, sidecars, docs.
_NOT_ARTICLES = {"readme", "license", "changelog", "contributing"}


def discover(item: str | Path) -> tuple[list[Path], list[Problem]]:
    """The article files under ``item`` (a file, a directory, or "-"), sorted for stable ids."""
    if str(item) == "-":
        return [Path("-")], []
    path = Path(item)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _is_article_file(p))
        if not files:
            return [], [Problem(str(path), "no article files found in this directory",
                                hint=f"articles end in one of {', '.join(sorted(ARTICLE_SUFFIXES))}")]
        return files, []
    if path.is_file():
        return [path], []
    return [], [Problem(str(path), "no such file or directory", hint="check the path")]


def _is_article_file(path: Path) -> bool:
    if path.name.startswith("."):
        return False
    if path.stem.lower() in _NOT_ARTICLES:
        return False
    # A sidecar such as "001.md.meta.yaml" holds metadata, not text; ".yaml" is not listed anyway.
    return path.suffix.lower() in ARTICLE_SUFFIXES
