"""The seed audit's quantities (shared/seeds/gold.yaml): must_read, not_quantities, links."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from auditor.extract import extract_claims
from auditor.model import Article
from auditor.ingest.metadata import split_front_matter
from auditor.normalize.units import unit_name

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "ukraine-energy-truce"


@lru_cache(maxsize=1)
def gold() -> dict:
    return yaml.safe_load((SEEDS / "gold.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def claims_of(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.md"))
    meta = gold()["articles"][path.stem + ".txt"]  # the gold names the seeds as first delivered
    published = meta["published"] if isinstance(meta["published"], date) else date.fromisoformat(meta["published"])
    body = split_front_matter(path.read_text(encoding="utf-8"))[1]
    article = Article(id=path.stem, path=str(path), text=body, published=published)
    return article, extract_claims(article)


def _gold_items(section: str, kind: str):
    items = []
    for item in gold()[section]:
        is_date = isinstance(item.get("value"), (date, str))
        if (kind == "quantity") != is_date and item.get("unit") not in ("year", "day"):
            items.append(item)
    return items


QUANTITY_MUST_READ = [i for i in _gold_items("must_read", "quantity")]


@pytest.mark.parametrize("item", QUANTITY_MUST_READ, ids=lambda i: f"{i['file']}:{i['surface']}")
def test_must_read(item):
    _, claims = claims_of(item["file"])
    hits = [c for c in claims if c.kind == "quantity" and (item["surface"] in c.surface or c.surface in item["surface"])]
    assert hits, f"no claim for {item['surface']!r}"
    claim = hits[0]
    assert claim.value == pytest.approx(item["value"])
    if "unit" in item:
        assert claim.unit == unit_name(item["unit"].replace("**", " ** "))
    if "qualifier" in item:
        assert claim.qualifier == item["qualifier"]
    if "noun" in item:
        assert claim.noun == item["noun"]


@pytest.mark.parametrize("item", gold()["not_quantities"], ids=lambda i: i["surface"])
def test_not_quantities(item):
    article, claims = claims_of(item["file"])
    where = article.text.index(item["surface"])
    span = (where, where + len(item["surface"]))
    for claim in claims:
        if claim.kind != "quantity" or claim.noun == "age":
            continue
        inside = span[0] <= claim.start and claim.end <= span[1]
        covers_number = claim.start < span[1] and span[0] < claim.end and claim.surface in item["surface"]
        assert not (inside or covers_number), f"{claim.surface!r} read from {item['surface']!r}"


@pytest.mark.parametrize("conv", gold()["internal_conversions"], ids=lambda c: c["surface"])
def test_internal_conversions_are_linked(conv):
    _, claims = claims_of(conv["file"])
    inside = [c for c in claims if c.kind == "quantity" and c.surface.split()[-1] in conv["surface"] and any(
        part in conv["surface"] for part in (c.surface, c.surface.partition(" ")[2]))]
    linked = [c for c in inside if c.converts]
    assert linked, [c.surface for c in inside]
    assert any(c.id == linked[0].converts for c in claims)


def test_part_of_the_missiles_launched():
    _, claims = claims_of("004")
    part = next(c for c in claims if c.surface.startswith("38 of the missiles"))
    whole = next(c for c in claims if c.id == part.part_of)
    assert whole.value == 71


def test_vague_dozens_is_at_least_24():
    _, claims = claims_of("002")
    dozens = next(c for c in claims if c.surface.startswith("dozens of drones"))
    assert dozens.qualifier == "vague" and dozens.low == 24 and dozens.value >= 24


def test_a_ballistic_missile_is_one():
    _, claims = claims_of("000")
    missile = next(c for c in claims if c.surface == "a ballistic missile")
    assert missile.value == 1 and missile.noun == "ballistic missile"
