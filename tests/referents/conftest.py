"""The seed articles as a fixture (helpers.py builds the claims)."""

from __future__ import annotations

import pytest
import yaml

from auditor.model import Article
from tests.referents.helpers import SEEDS, _seed_text


@pytest.fixture(scope="session")
def seeds() -> dict[str, Article]:
    """The five seed articles keyed by their three-digit prefix, with the gold publication dates."""
    d = SEEDS
    gold = yaml.safe_load((d / "gold.yaml").read_text(encoding="utf-8"))
    out = {}
    for name, meta in gold["articles"].items():
        prefix = name[:3]
        path = next(iter(sorted(d.glob(f"{prefix}_*"))), d / name)
        out[prefix] = Article(id=prefix, path=str(path), text=_seed_text(path),
                              published=meta["published"], source=meta.get("source", ""))
    return out
