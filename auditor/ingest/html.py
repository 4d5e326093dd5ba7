"""HTML pages → article text, with boilerplate (menus, ads, footers) dropped by trafilatura.

trafilatura is the maintained main-content extractor used in web-corpus work; it copes with the
malformed markup that real pages carry, and reads title, date and canonical URL from the page.
"""

from __future__ import annotations

from auditor.ingest.metadata import Defaults, coerce_date
from auditor.model import Article, Problem


def read_html(raw: str, path: str, stem: str, defaults: Defaults) -> tuple[list[Article], list[Problem]]:
    """One article from one page; a page with no main text is a problem, not an empty article."""
    import trafilatura
    from auditor.ingest.readers import build_article

    try:
        doc = trafilatura.bare_extraction(raw, include_comments=False, include_tables=False,
                                          with_metadata=True, favor_precision=True)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        return [], [Problem(path, f"cannot parse the HTML: {exc}", hint="check that the file is a complete page")]
    if doc is None:
        return [], [Problem(path, "no article text found in the HTML page",
                            hint="the page may be an index or need JavaScript; save the article text instead")]
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        return [], [Problem(path, "no article text found in the HTML page", hint="save the article text instead")]
    meta = {
        "title": data.get("title") or "",
        "source": data.get("sitename") or data.get("hostname") or "",
        "url": data.get("url") or "",
        "published": coerce_date(data.get("date")),
    }
    art, problems = build_article(stem, path, text, {k: v for k, v in meta.items() if v}, defaults)
    return [art], problems
