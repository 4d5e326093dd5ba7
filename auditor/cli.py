"""The ``auditor`` command: audit, extract, rules."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from auditor.model import SEVERITY_RANK

EXIT_OK = 0  # nothing reached --fail-on
EXIT_FINDINGS = 1  # a live finding reached --fail-on
EXIT_USAGE = 2  # bad arguments, unreadable rules, or nothing to audit


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except BrokenPipeError:  # `auditor extract ... | head` is a normal use
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from auditor import __version__

    parser = argparse.ArgumentParser(prog="auditor", description=__doc__)
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    sub = parser.add_subparsers(dest="command")
    _add_audit(sub)
    _add_extract(sub)
    from auditor.ruleset import add_rules_cli

    add_rules_cli(sub)
    return parser


def _add_metadata_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("metadata for inputs that do not state it")
    g.add_argument("--source", default="", help="outlet name")
    g.add_argument("--published", type=_iso_date, default=None, help="publication date, YYYY-MM-DD")
    g.add_argument("--url", default="")
    g.add_argument("--title", default="")


def _add_audit(sub) -> None:
    p = sub.add_parser("audit", help="audit articles and report figures that disagree")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    p.add_argument("--rules", action="append", type=Path, default=[], metavar="PATH",
                   help="extra rule file or directory (repeatable; later ones override)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="RULE.FIELD=VALUE",
                   help="override one rule field, e.g. temperature-tolerance.severity=error")
    p.add_argument("--html", type=Path, metavar="FILE")
    p.add_argument("--json", type=Path, metavar="FILE")
    p.add_argument("--csv", type=Path, metavar="FILE")
    p.add_argument("--sarif", type=Path, metavar="FILE")
    p.add_argument("--junit", type=Path, metavar="FILE")
    p.add_argument("--format", choices=["terminal", "github", "json", "none"], default="terminal",
                   help="what to print on standard output (default: a terminal summary)")
    p.add_argument("--fail-on", choices=["never", "info", "warning", "error"], default="error",
                   help="exit 1 when a finding of this severity or above is not accepted (default: error)")
    p.add_argument("--baseline", type=Path, metavar="FILE", help="accepted findings that must not fail the run")
    p.add_argument("--write-baseline", type=Path, metavar="FILE",
                   help="accept every live finding of this run: write them to FILE for --baseline")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for extraction")
    p.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    _add_metadata_flags(p)
    p.set_defaults(func=cmd_audit)


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="print the figures found in a text")
    p.add_argument("path", metavar="PATH", help="a file, or - for standard input")
    p.add_argument("--format", choices=["table", "json", "jsonl", "newsquant"], default="table")
    p.add_argument("--lines", action="store_true",
                   help="every input line is a separate text; one JSON line out per line in")
    _add_metadata_flags(p)
    p.set_defaults(func=cmd_extract)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _defaults(args):
    from auditor.ingest import Defaults

    return Defaults(source=args.source, published=args.published, url=args.url, title=args.title)


def cmd_audit(args) -> int:
    from auditor import pipeline, report
    from auditor.ruleset import RuleError, load_ruleset

    try:
        ruleset = load_ruleset(extra_paths=args.rules, project_dir=Path.cwd(), overrides=args.overrides)
    except RuleError as exc:
        for problem in exc.problems:
            print(f"auditor: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.baseline:
        from auditor.check.accept import load_baseline

        if not args.baseline.is_file():
            print(f"auditor: {args.baseline}: baseline file not found — write one with --write-baseline",
                  file=sys.stderr)
            return EXIT_USAGE
        try:
            load_baseline(args.baseline)
        except RuleError as exc:
            for problem in exc.problems:
                print(f"auditor: {problem}", file=sys.stderr)
            return EXIT_USAGE

    bar = _progress_bar(args.no_progress)
    raw = pipeline.run(args.paths, ruleset=ruleset, defaults=_defaults(args), baseline=args.baseline,
                       jobs=max(1, args.jobs), progress=bar)
    if getattr(bar, "close", None):
        bar.close()
    if not raw.articles:
        for problem in raw.problems:
            print(f"auditor: {problem}", file=sys.stderr)
        print("auditor: nothing to audit", file=sys.stderr)
        return EXIT_USAGE

    report.write_reports(raw, html=args.html, json=args.json, csv=args.csv, sarif=args.sarif,
                         junit=args.junit, fail_on=args.fail_on)
    if args.format == "terminal":
        print(report.render_terminal(raw, color=sys.stdout.isatty()))
    elif args.format == "github":
        print(report.render_github(raw), end="")
    elif args.format == "json":
        print(report.render_json(raw), end="")
    for problem in raw.problems:
        print(f"auditor: {problem}", file=sys.stderr)
    if args.write_baseline:
        write_baseline(raw.findings, args.write_baseline)
        print(f"auditor: accepted {sum(not f.suppressed for f in raw.findings)} findings in {args.write_baseline}",
              file=sys.stderr)
        return EXIT_OK
    return exit_code(raw.findings, args.fail_on)


def write_baseline(findings, path: Path) -> None:
    """Accept the live findings: a baseline (rules/schema/baseline.schema.json) keyed by fingerprint.

    Findings already accepted stay accepted; review the file and give each entry a reason.
    """
    import yaml

    entries = [{"fingerprint": f.fingerprint, "rule": f.rule_id, "reason": f"accepted on {date.today().isoformat()}"}
               for f in findings]
    if path.is_file():
        old = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        known = {e["fingerprint"] for e in entries}
        entries = [e for e in old.get("accepted", []) if e.get("fingerprint") not in known] + entries
    header = "# Accepted findings: auditor audit --baseline THIS_FILE never fails on these.\n"
    path.write_text(header + yaml.safe_dump({"accepted": entries}, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


def exit_code(findings, fail_on: str) -> int:
    """EXIT_FINDINGS when a live (not accepted) finding is at or above ``fail_on``."""
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    live = (f for f in findings if not f.suppressed)
    return EXIT_FINDINGS if any(SEVERITY_RANK.get(f.severity, 0) >= threshold for f in live) else EXIT_OK


class _Progress:
    """A progress bar on standard error, only when a person is watching it."""

    def __init__(self) -> None:
        self._bar = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="article", file=sys.stderr, leave=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _progress_bar(disabled: bool):
    if disabled or not sys.stderr.isatty():
        return None
    return _Progress()


def cmd_extract(args) -> int:
    from auditor.extract import extract_claims, extract_text

    out = sys.stdout
    if args.lines:
        stream = sys.stdin if args.path == "-" else open(args.path, encoding="utf-8")
        with stream:
            for line in stream:
                text = line.rstrip("\n").rstrip("\r")
                if args.format == "newsquant":
                    row = newsquant_prediction(text)
                else:
                    row = {"text": text, "quantities": [quantity_record(c)
                                                        for c in extract_text(text, published=args.published)]}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return EXIT_OK

    from auditor.ingest import load_articles

    articles, problems = load_articles([args.path], _defaults(args))
    for problem in problems:
        print(f"auditor: {problem}", file=sys.stderr)
    if not articles:
        return EXIT_USAGE
    for article in articles:
        claims = extract_claims(article)
        if args.format == "table":
            out.write(_table(article, claims))
        elif args.format == "json":
            out.write(json.dumps({"article": article.id, "quantities": [quantity_record(c) for c in claims]},
                                 ensure_ascii=False, indent=2) + "\n")
        elif args.format == "jsonl":
            for c in claims:
                out.write(json.dumps({"article": article.id, **quantity_record(c)}, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps({"text": article.text, "quantities": newsquant_records(claims)}, ensure_ascii=False) + "\n")
    return EXIT_OK


def newsquant_prediction(text: str) -> dict:
    """One NewsQuant prediction line for one sentence, as `bench/newsquant_score.py` reads it.

    NewsQuant annotates sentences with no publication date, so none is given: dates it does not
    annotate are dropped by ``newsquant_record``. ``referred_concepts`` is what the figure is about.
    """
    from auditor.extract import extract_text

    return {"text": text, "quantities": newsquant_records(extract_text(text))}


def newsquant_records(claims) -> list[dict]:
    """NewsQuant records of the claims NewsQuant would annotate, each with its concept."""
    from auditor.extract import newsquant_record
    from auditor.referents.concepts import referred_concepts

    records = []
    for claim in claims:
        record = newsquant_record(claim)
        if record is None:
            continue
        a, b = claim.start - claim.sentence_start, claim.end - claim.sentence_start
        concepts = referred_concepts(claim.sentence, a, b, counted=not claim.unit and bool(claim.noun))
        record["referred_concepts"] = ", ".join(concepts) if concepts else "-"
        records.append(record)
    return records


QUANTITY_FIELDS = ("surface", "start", "end", "value", "low", "high", "unit", "noun", "dimension", "qualifier", "kind")


def quantity_record(claim) -> dict:
    """The contract's per-quantity JSON object (open bounds written as "inf"/"-inf")."""
    from auditor.normalize.intervals import with_interval
    from auditor.report.prepare import jsonable

    claim = with_interval(claim)
    return jsonable({name: getattr(claim, name) for name in QUANTITY_FIELDS})


def _table(article, claims) -> str:
    from auditor.normalize.intervals import with_interval

    rows = [f"# {article.id} ({len(claims)} figures)"]
    for c in map(with_interval, claims):
        interval = "" if c.low is None else f" [{c.low}, {c.high}]"
        rows.append(f"{c.start:>6}  {c.kind:<8} {c.surface!r:<40} {c.value}{interval} {c.unit} "
                    f"{c.noun} ({c.qualifier})")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.exit(main())
