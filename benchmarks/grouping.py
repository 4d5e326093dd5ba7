"""Grouping and discrepancy-finding quality on every gold file in fixtures/ and benchmarks/heldout/.

fixtures/ are held to the targets by the golden tests; benchmarks/heldout/ are real clusters
built after the rules, to see how far the auditor generalizes: measured here, not asserted. Each
cluster's README gives its first-look score, taken before any change was made in its light.

Pairwise precision/recall of same-group decisions over the gold claims, and precision/recall of
findings at warning or above against the gold discrepancy groups. Run:

    python benchmarks/grouping.py            # prints the table and updates RESULTS.md
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from _results import write_section  # noqa: E402

from auditor import pipeline  # noqa: E402
from auditor.evaluate import load_gold, score  # noqa: E402


def table(folder: Path) -> tuple[list[str], float]:
    """Rows of the score table for every gold file under ``folder``, and the worst pairwise F1."""
    rows = ["| cluster | pairs P | pairs R | pairs F1 | discrepancies found | loud findings | of them correct | s |",
            "|---|---|---|---|---|---|---|---|"]
    worst = 1.0
    for gold_file in sorted(folder.glob("*/gold.yaml")):
        folder = gold_file.parent
        t = time.perf_counter()
        raw = pipeline.run([folder])
        s = score(raw, load_gold(folder))
        worst = min(worst, s.pair_f1)
        rows.append(f"| {folder.name} | {s.pair_precision:.2f} | {s.pair_recall:.2f} | {s.pair_f1:.2f} | "
                    f"{s.discrepancies_found}/{s.discrepancies_gold} | {s.loud_findings} | "
                    f"{s.loud_findings_correct} | {time.perf_counter() - t:.1f} |")
    return rows, worst


def main() -> int:
    fixtures, worst = table(ROOT / "fixtures")
    heldout, _ = table(Path(__file__).parent / "heldout")
    print("\n".join(fixtures + [""] + heldout))
    write_section("grouping", "## Grouping (benchmarks/grouping.py)\n\nfixtures/ (held to the targets by the "
                  "golden tests):\n\n" + "\n".join(fixtures) + "\n\nbenchmarks/heldout/ (real clusters built "
                  "after the rules; measured, not asserted; first-look scores in each cluster's README):\n\n" + "\n".join(heldout) + "\n\n"
                  "Pairs: same-group decisions over the gold claims. Findings: live findings at warning or "
                  "above; correct = naming two claims of a gold discrepancy group (or a duration and the end "
                  "date it contradicts).")
    return 0 if worst >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
