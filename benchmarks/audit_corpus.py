"""The whole audit over a real news corpus: speed at scale, and how loud it is on unrelated stories.

The BBC and Reuters corpora are thousands of different stories, not coverage of one event, so
nearly every figure should end up single or not comparable: findings at warning or above here
are, almost all, false alarms a newsroom's CI would meet. Run:

    python benchmarks/audit_corpus.py [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from _results import write_section  # noqa: E402

from auditor import pipeline  # noqa: E402
from auditor.ingest import load_articles  # noqa: E402

CORPORA = ROOT.parent / "shared" / "data" / "corpus"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="first N articles of each corpus (0: all)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    rows = ["| corpus | articles | MB | jobs | seconds | articles/s | claims | groups of 2+ | warning+ findings | info |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for name in ("bbc", "reuters21578"):
        articles, _ = load_articles([CORPORA / name / "articles.jsonl"])
        if args.limit:
            articles = articles[: args.limit]
        mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
        for jobs in (1, 2):
            t = time.perf_counter()
            raw = pipeline.run(articles, jobs=jobs)
            seconds = time.perf_counter() - t
            sev = Counter(f.severity for f in raw.findings)
            multi = sum(len(g.claim_ids) > 1 for g in raw.groups)
            rows.append(f"| {name} | {len(articles)} | {mb:.1f} | {jobs} | {seconds:.1f} | {len(articles) / seconds:.0f} | "
                        f"{len(raw.claims)} | {multi} | {sev['warning'] + sev['error']} | {sev['info']} |")
            print(rows[-1], flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    body = ("## Whole audit over a corpus (benchmarks/audit_corpus.py)\n\n"
            "All stages, ingest to findings, in one process (jobs 1) or two worker processes for the "
            "per-article stages (jobs 2). The corpora are unrelated stories, so warning+ findings are "
            f"mostly false alarms. Peak resident memory of the benchmark process: {peak:.0f} MB.\n\n"
            + "\n".join(rows))
    print(body)
    if not args.no_write:
        write_section("audit_corpus", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
