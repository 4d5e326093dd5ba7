"""Read one file (or standard input) into articles, by format."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from auditor.ingest.metadata import (
    KNOWN_KEYS,
    Defaults,
    coerce_date,
    detect_date_line,
    parse_front_matter,
    read_sidecar,
    split_front_matter,
)
from auditor.model import Article, Problem

# A news article is tens of kilobytes; anything this large is a dump or a mistake, and reading
# it whole would stall the audit of everything else.
MAX_BYTES = 20 * 1024 * 1024
_HTML_SUFFIXES = {".html", ".htm"}
_FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def read_path(path: Path, defaults: Defaults) -> tuple[list[Article], list[Problem]]:
    """Articles from one file; problems instead of exceptions for anything unreadable."""
    raw, problem = _read_text(path)
    if problem:
        return [], [problem]
    suffix = path.suffix.lower()
    shown = str(path)
    if suffix == ".jsonl":
        return _from_jsonl(raw, shown, defaults)
    if suffix in _FEED_SUFFIXES or (suffix == "" and raw.lstrip().startswith("<?xml")):
        from auditor.ingest.feeds import read_feed

        return read_feed(raw, shown, defaults)
    if suffix in _HTML_SUFFIXES or (suffix == "" and raw.lstrip()[:15].lower().startswith(("<!doctype", "<html"))):
        from auditor.ingest.html import read_html

        return read_html(raw, shown, path.stem, defaults)
    return _from_text(raw, path, defaults)


def _read_text(path: Path) -> tuple[str, Problem | None]:
    shown = str(path)
    if shown == "-":
        data = sys.stdin.buffer.read()
        shown = "<stdin>"
    else:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                return "", Problem(shown, f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MB limit for one article",
                                   hint="split it into one file per article, or use JSONL with one article per line")
            data = path.read_bytes()
        except OSError as exc:
            return "", Problem(shown, f"cannot read the file: {exc.strerror or exc}", hint="check its permissions")
    if b"\x00" in data[:8192]:
        return "", Problem(shown, "looks like a binary file (it contains NUL bytes), not an article",
                           hint="give text, Markdown, HTML, JSONL or a feed")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return "", Problem(shown, f"not valid UTF-8 at byte {exc.start}", line=line,
                           hint="re-save the file as UTF-8 (e.g. iconv -f cp1252 -t utf-8)")


def _from_text(raw: str, path: Path, defaults: Defaults) -> tuple[list[Article], list[Problem]]:
    shown = "<stdin>" if str(path) == "-" else str(path)
    block, body, line_offset = split_front_matter(raw)
    meta: dict[str, Any] = {}
    problems: list[Problem] = []
    if block is not None:
        meta, problems = parse_front_matter(block, shown)
    if str(path) != "-":
        side, side_problems = read_sidecar(path)
        problems.extend(side_problems)
        meta = {**side, **meta}  # what the file says about itself wins over a sidecar
    article_id = str(meta.get("id") or ("stdin" if str(path) == "-" else path.stem))
    art, meta_problems = build_article(article_id, shown, body, meta, defaults, line_offset)
    return [art], problems + meta_problems


def build_article(article_id: str, path: str, text: str, meta: dict[str, Any], defaults: Defaults,
                  line_offset: int = 0, line: int | None = None) -> tuple[Article, list[Problem]]:
    """An Article from text and whatever metadata was found, falling back to the CLI defaults."""
    problems: list[Problem] = []
    unknown = sorted(set(meta) - set(KNOWN_KEYS) - {"text", "body", "content", "category"})
    notes: list[str] = []
    if unknown:
        notes.append(f"metadata keys not used: {', '.join(map(str, unknown))}")
    published = None
    if meta.get("published") not in (None, ""):
        published = coerce_date(meta.get("published"))
        if published is None:
            problems.append(Problem(path, f"cannot read the publication date {meta.get('published')!r}", line=line,
                                    hint="write it as YYYY-MM-DD"))
    if published is None:
        published = defaults.published
    if published is None:
        published = detect_date_line(text)
        if published is not None:
            notes.append(f"publication date {published.isoformat()} read from a date line in the text")
    if published is None:
        notes.append("no publication date: relative dates ('on Friday') cannot be resolved")
    art = Article(
        id=article_id,
        path=path,
        text=text,
        source=str(meta.get("source") or defaults.source or ""),
        url=str(meta.get("url") or defaults.url or ""),
        published=published,
        title=str(meta.get("title") or defaults.title or ""),
        line_offset=line_offset,
        problems=tuple(notes),
    )
    return art, problems


def _from_jsonl(raw: str, path: str, defaults: Defaults) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    stem = Path(path).stem
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(path, f"not valid JSON: {exc.msg}", line=number, hint="one JSON object per line"))
            continue
        if not isinstance(obj, dict):
            problems.append(Problem(path, "a line is not a JSON object", line=number, hint='write {"text": ...}'))
            continue
        text = obj.get("text") or obj.get("body") or obj.get("content")
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(path, "the object has no 'text' (or 'body'/'content') string", line=number,
                                    hint='give each line a "text" field'))
            continue
        art, bad = build_article(str(obj.get("id") or f"{stem}-{number}"), path, text, obj, defaults, line=number)
        articles.append(art)
        problems.extend(bad)
    return articles, problems
