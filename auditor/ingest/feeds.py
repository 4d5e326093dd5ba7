"""RSS and Atom feeds → one article per entry (feedparser: tolerant of the feeds found in the wild)."""

from __future__ import annotations

from auditor.ingest.metadata import Defaults, coerce_date
from auditor.model import Article, Problem


def read_feed(raw: str, path: str, defaults: Defaults) -> tuple[list[Article], list[Problem]]:
    import feedparser
    import trafilatura
    from auditor.ingest.readers import build_article

    feed = feedparser.parse(raw)
    problems: list[Problem] = []
    if feed.get("bozo") and not feed.entries:
        return [], [Problem(path, f"not a readable RSS/Atom feed: {feed.get('bozo_exception')}",
                            hint="check that the file is a complete feed")]
    articles: list[Article] = []
    source = feed.feed.get("title", "") if feed.get("feed") else ""
    for number, entry in enumerate(feed.entries, start=1):
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        text = trafilatura.extract(f"<html><body><article>{html}</article></body></html>") if "<" in html else html
        if not text:
            problems.append(Problem(path, f"feed entry {number} has no text", hint="the feed may carry only titles"))
            continue
        published = None
        if entry.get("published_parsed"):
            published = coerce_date("%04d-%02d-%02d" % tuple(entry.published_parsed[:3]))
        meta = {"title": entry.get("title", ""), "url": entry.get("link", ""), "source": source,
                "published": published}
        art, bad = build_article(str(entry.get("id") or f"{path}#{number}"), path, text,
                                 {k: v for k, v in meta.items() if v}, defaults)
        articles.append(art)
        problems.extend(bad)
    return articles, problems
