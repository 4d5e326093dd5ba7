"""The gold files themselves: every surface they name is in the article they name."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.evaluate import load_gold
from auditor.ingest import load_articles

ROOT = Path(__file__).resolve().parents[2]
# The held-out clusters of benchmarks/ are measured, not held to targets, but their gold files
# must be as sound as the fixtures'.
CLUSTERS = sorted(p.parent for base in (ROOT / "fixtures", ROOT / "benchmarks" / "heldout")
                  for p in base.glob("*/gold.yaml"))


def references(gold):
    for g in gold.get("groups", []):
        yield from (c for c in g["claims"] if "surface" in c)
    for key in ("internal_conversions", "internal_relations", "not_quantities", "must_read"):
        yield from gold.get(key) or []
    for trap in gold.get("traps") or []:
        yield trap["a"]
        yield trap["b"]


@pytest.mark.parametrize("folder", CLUSTERS, ids=lambda p: p.name)
def test_gold_surfaces_occur_in_their_articles(folder):
    gold = load_gold(folder)
    articles, problems = load_articles([folder])
    assert not problems, problems
    by_prefix = {a.id.split("_", 1)[0]: a for a in articles}
    assert set(by_prefix) == {name.split("_", 1)[0] for name in gold["articles"]}
    missing = [(r["file"], r["surface"]) for r in references(gold)
               if r["surface"] not in by_prefix[str(r["file"])].text]
    assert not missing


@pytest.mark.parametrize("folder", CLUSTERS, ids=lambda p: p.name)
def test_gold_publication_dates_match_the_articles(folder):
    gold = load_gold(folder)
    articles, _ = load_articles([folder])
    by_prefix = {a.id.split("_", 1)[0]: a for a in articles}
    for name, meta in gold["articles"].items():
        assert str(by_prefix[name.split("_", 1)[0]].published) == str(meta["published"]), name
