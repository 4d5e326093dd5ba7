"""NewsQuant (dev half): auditor's extraction against bare quantulum3, same sentences, same run.

    python benchmarks/newsquant.py [--gold PATH] [--scorer PATH] [--dump-errors FILE]

The predictions are made exactly as ``auditor extract --lines FILE --format newsquant`` makes
them: one line per sentence, ``extract_text(line)`` and ``newsquant_record`` per claim. quantulum3
runs without its classifier (which does not install) and is mapped the way the CQE paper's
adapter maps it: "dimensionless" becomes "-", other units keep their quantulum3 name; it reports
ranges as their mean, so it is scored with ``--average-gt-ranges`` as in the paper.
Both rows are written into benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from _results import write_section  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"  # ../shared beside the clone
DEFAULT_GOLD = SHARED / "data/newsquant/dev.json"
DEFAULT_SCORER = SHARED / "bench/newsquant_score.py"
KEYS = ("value_f1", "value_unit_f1", "value_change_f1", "value_concept_partial_f1", "value_concept_complete_f1")


def auditor_predictions(lines: list[str]) -> list[dict]:
    """What the CLI writes for ``--lines --format newsquant``."""
    from auditor.cli import newsquant_prediction

    return [newsquant_prediction(line) for line in lines]


def quantulum3_predictions(lines: list[str]) -> list[dict]:
    """Bare quantulum3 (no classifier), mapped as the paper's adapter does."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        out = []
        for line in lines:
            records = []
            for q in parser.parse(line):
                unit = "-" if q.unit.name == "dimensionless" else q.unit.name
                records.append({"value": q.value, "unit": unit, "normalized_unit": unit})
            out.append({"text": line, "quantities": records})
    return out


def score(gold: Path, scorer: Path, preds: list[dict], extra: list[str]) -> tuple[dict, str]:
    """Run the scorer on ``preds``; return its machine-readable last line as a dict, and its table."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        path = fh.name
    run = subprocess.run([sys.executable, str(scorer), str(gold), path, *extra], capture_output=True, text=True, check=True)
    last = run.stdout.strip().splitlines()[-1]
    return dict(kv.split("=", 1) for kv in last.split()), run.stdout


def table_row(name: str, result: dict, table: str, seconds: float) -> str:
    """One Markdown row: F1s, then value P/R read from the scorer's table."""
    p, r = result.get("value_p", "na"), result.get("value_r", "na")
    cells = [result.get(k, "na") for k in KEYS]
    return f"| {name} | {' | '.join(cells)} | {p} | {r} | {seconds:.1f} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--dump-errors", type=Path, help="write the scorer's error list for auditor here")
    ap.add_argument("--no-write", action="store_true", help="print, do not touch RESULTS.md")
    args = ap.parse_args(argv)

    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    # --lines reads one text per line: a sentence holding a line break would be split in two.
    lines = [" ".join(g["text"].split("\n")) for g in gold]

    t0 = time.perf_counter()
    ours = auditor_predictions(lines)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    base = quantulum3_predictions(lines)
    t_base = time.perf_counter() - t0

    dump = ["--dump-errors", str(args.dump_errors)] if args.dump_errors else []
    ours_res, ours_table = score(args.gold, args.scorer, ours, dump)
    base_res, base_table = score(args.gold, args.scorer, base, ["--average-gt-ranges"])
    print("auditor\n" + ours_table + "\nquantulum3 (no classifier, --average-gt-ranges)\n" + base_table)

    body = "\n".join(
        [
            "## NewsQuant, dev half (295 sentences, 461 quantities)",
            "",
            "Paper counting of `bench/newsquant_score.py`; F1 / P / R in %. quantulum3 is scored with",
            "`--average-gt-ranges` (it reports ranges as their mean), as in the CQE paper.",
            "",
            "| system | value F1 | value+unit F1 | value+change F1 | value+concept partial F1 "
            "| value+concept complete F1 | value P | value R | seconds |",
            "|---|---|---|---|---|---|---|---|---|",
            table_row("auditor (`extract --format newsquant`)", ours_res, ours_table, t_ours),
            table_row("bare quantulum3 `parser.parse`, no classifier", base_res, base_table, t_base),
            "",
            "Targets: value >= 93, value+unit >= 88, value+change >= 90. CQE published (full set):",
            "92.0 / 85.6 / 88.1; value+concept 76.1 (partial) and 57.0 (complete). Concepts are the",
            "referents stage's phrase for what a figure is about (`auditor/referents/concepts.py`).",
        ]
    )
    if not args.no_write:
        write_section("newsquant", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
