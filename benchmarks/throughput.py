"""Throughput: auditor's full extraction against bare quantulum3 on the same news texts.

    python benchmarks/throughput.py [--articles 300] [--corpus bbc|reuters21578 ...]

Both run in this process on the same texts (the first N articles of each corpus). Reported:
sentences/s, MB/s (UTF-8 bytes of text), and peak memory of each run (tracemalloc, so the
numbers are Python allocations, not the process's resident size). Written into
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from _results import write_section  # noqa: E402

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus"  # ../shared beside the clone


def load(corpus: str, n: int) -> list[str]:
    """The texts of the first ``n`` articles of a JSONL corpus."""
    texts = []
    with (CORPORA / corpus / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    return texts


def measure(run, texts: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MB, number of figures found) for ``run`` over ``texts``.

    Timed without tracemalloc (which slows allocation-heavy code), then run again under it for
    the peak.
    """
    t0 = time.perf_counter()
    found = sum(run(t) for t in texts)
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    for t in texts:
        run(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1e6, found


def auditor_run(text: str) -> int:
    from auditor.extract import extract_text

    return len(extract_text(text))


def quantulum3_run(text: str) -> int:
    from quantulum3 import parser

    return len(parser.parse(text))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--corpus", action="append", default=None, help="bbc, reuters21578 (default: both)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    from auditor.text import sentence_spans

    # Warm both up (vocabulary, pint registry, quantulum3's lexicon) outside the timed runs.
    auditor_run("Some 4mn people and 12 km.")
    quantulum3_run("Some 4mn people and 12 km.")

    rows = []
    for corpus in args.corpus or ["bbc", "reuters21578"]:
        texts = load(corpus, args.articles)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        sentences = sum(len(sentence_spans(t)) for t in texts)
        for name, run in (("auditor extract_text", auditor_run), ("bare quantulum3 parser.parse", quantulum3_run)):
            seconds, peak, found = measure(run, texts)
            rows.append((corpus, name, len(texts), sentences, mb, seconds, peak, found))
            print(f"{corpus:12} {name:30} {seconds:7.2f}s {sentences / seconds:9.0f} sent/s {mb / seconds:7.3f} MB/s peak {peak:6.1f} MB, {found} figures")

    lines = [
        "## Throughput",
        "",
        f"First {args.articles} articles of each corpus, one process, both systems on the same texts.",
        "Peak memory is tracemalloc's peak of Python allocations during a second, untimed run.",
        "",
        "| corpus | system | articles | sentences | MB | seconds | sentences/s | MB/s | peak MB | figures | speed-up |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for k, (corpus, name, n, sents, mb, sec, peak, found) in enumerate(rows):
        base = rows[k - k % 2 + 1][5]
        lines.append(
            f"| {corpus} | {name} | {n} | {sents} | {mb:.2f} | {sec:.2f} | {sents / sec:.0f} | {mb / sec:.3f} | {peak:.1f} | {found} | {base / sec:.1f}x |"
        )
    body = "\n".join(lines)
    if not args.no_write:
        write_section("throughput", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
