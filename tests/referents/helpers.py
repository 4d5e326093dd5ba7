"""Claims built by hand where their surface is, so these tests do not depend on the extractor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from auditor.model import Article, Claim
from auditor.referents import resolve_referents
from auditor.text import sentence_at

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "ukraine-energy-truce"


def make_claim(article: Article, surface: str, kind: str = "quantity", unit: str = "", dimension: str = "",
               after: str = "", noun: str = "", event: str = "") -> Claim:
    """A claim for the first ``surface`` in the article (after the text ``after``, if given)."""
    text = article.text
    base = text.index(after) if after else 0
    start = text.index(surface, base)
    end = start + len(surface)
    a, b = sentence_at(text, start)
    return Claim(id=f"{article.id}:{start}-{end}", article_id=article.id, surface=surface, start=start, end=end,
                 sentence=text[a:b], sentence_start=a, kind=kind, unit=unit, dimension=dimension, noun=noun,
                 event=event)


def resolve_one(text: str, surface: str, published: date | None = date(2026, 1, 30), **kw) -> Claim:
    """Resolve one figure of a text of one's own."""
    article = Article(id="t", path="<test>", text=text, published=published)
    return resolve_referents(article, [make_claim(article, surface, **kw)])[0]


def _seed_text(path: Path) -> str:
    """The article body, without the fixture's YAML front matter."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return text[end + 5 :]
    return text


