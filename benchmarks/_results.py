"""Write one benchmark's section into benchmarks/RESULTS.md, leaving the other sections alone."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nWritten by the scripts in this folder; each rewrites only its own section.\n"


def write_section(name: str, body: str) -> None:
    """Replace (or append) the section ``name`` of RESULTS.md with ``body``, stamped with the date
    and the machine's processor count."""
    stamp = f"_Run {date.today().isoformat()} on {os.cpu_count()} processors (nproc)._\n\n"
    block = f"<!-- {name}:start -->\n{stamp}{body.rstrip()}\n<!-- {name}:end -->"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    pattern = re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else f"{text.rstrip()}\n\n{block}\n"
    RESULTS.write_text(text, encoding="utf-8")
