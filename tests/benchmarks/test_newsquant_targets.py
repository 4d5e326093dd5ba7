"""Issue 3's extraction targets on the NewsQuant dev half, held in the test run.

The data and the scorer live in ../shared beside the repository (never copied into it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from auditor.cli import newsquant_prediction

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD = SHARED / "data" / "newsquant" / "dev.json"
SCORER = SHARED / "bench" / "newsquant_score.py"
TARGETS = {"value_f1": 93.0, "value_unit_f1": 88.0, "value_change_f1": 90.0}


def test_newsquant_dev_targets(tmp_path):
    assert GOLD.is_file() and SCORER.is_file(), f"NewsQuant data and scorer are expected in {SHARED}"
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    preds = tmp_path / "pred.jsonl"
    with preds.open("w", encoding="utf-8") as fh:
        for item in gold:
            fh.write(json.dumps(newsquant_prediction(" ".join(item["text"].split("\n"))), ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(preds)], capture_output=True, text=True,
                         check=True).stdout
    scores = dict(kv.split("=", 1) for kv in out.strip().splitlines()[-1].split())
    for key, floor in TARGETS.items():
        assert float(scores[key]) >= floor, f"{key} {scores[key]} < {floor}"
