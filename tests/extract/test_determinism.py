"""The extraction must not depend on PYTHONHASHSEED (quantulum3 keeps units in sets)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import json, sys
from auditor.extract import extract_text
text = sys.stdin.read()
print(json.dumps([c.to_dict() for c in extract_text(text)], sort_keys=True))
"""
TEXT = (
    "It fell to minus 23C, then -5 C. Crews cut 5 kg, 3 m, 12 C and 4 F; a 30 g parcel, 7 mm rain, "
    "2 pc, 40 ft, 100 lb and 6 oz arrived. Some 4mn people, dozens of drones and $2bn in aid."
)


def _run(seed: str) -> list:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", SCRIPT], input=TEXT, capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def test_same_claims_for_different_hash_seeds():
    first, second = _run("1"), _run("4242")
    assert first == second
    assert len(first) >= 10
