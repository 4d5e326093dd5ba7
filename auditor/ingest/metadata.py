"""Article metadata: front matter, sidecar files, CLI defaults, and date lines in the text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from auditor.model import Problem

KNOWN_KEYS = ("id", "source", "published", "url", "title")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")


@dataclass(frozen=True)
class Defaults:
    """Metadata given on the command line, used where an input says nothing itself."""

    source: str = ""
    published: date | None = None
    url: str = ""
    title: str = ""


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(raw: str) -> tuple[str | None, str, int]:
    """Split YAML front matter from the body: (yaml text or None, body, lines before the body).

    >>> split_front_matter("---\\nsource: AFP\\n---\\nBody")
    ('source: AFP', 'Body', 3)
    >>> split_front_matter("No front matter")
    (None, 'No front matter', 0)
    """
    m = _FRONT_MATTER.match(raw)
    if not m:
        return None, raw, 0
    return m.group(1), raw[m.end():], raw[: m.end()].count("\n")


def parse_front_matter(block: str, path: str) -> tuple[dict[str, Any], list[Problem]]:
    """Parse a front-matter block with the safe loader; a broken block is a problem, not a crash."""
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else None  # +1 for 1-based, +1 for the opening '---'
        return {}, [Problem(path, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                            line=line, hint="fix the YAML between the '---' lines; the text is audited without it")]
    if not isinstance(data, dict):
        return {}, [Problem(path, "front matter is not a mapping of keys to values", line=2,
                            hint="write 'key: value' lines such as 'source: Reuters'")]
    return data, []


def read_sidecar(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Metadata from ``<file>.meta.yaml`` / ``.meta.json`` beside an article, when there is one."""
    for suffix in SIDECAR_SUFFIXES:
        side = path.with_name(path.name + suffix)
        if not side.is_file():
            continue
        try:
            text = side.read_text(encoding="utf-8")
            data = json.loads(text) if suffix.endswith("json") else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError, UnicodeDecodeError) as exc:
            return {}, [Problem(str(side), f"sidecar metadata is unreadable: {exc}",
                                hint="fix or remove the sidecar file")]
        if isinstance(data, dict):
            return data, []
        return {}, [Problem(str(side), "sidecar metadata is not a mapping", hint="write 'key: value' lines")]
    return {}, []


def coerce_date(value: Any) -> date | None:
    """Read a publication date from front matter or a feed: a date, ISO text, or a written date.

    >>> coerce_date("2026-01-30"), coerce_date("February 3, 2026 · 11:32 AM")
    (datetime.date(2026, 1, 30), datetime.date(2026, 2, 3))
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    return _parse_written_date(text)


_DATE_LINE = re.compile(
    r"^\s*(?:[A-Z][a-z]+,?\s+)?(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+(?:\d{1,2},?\s+)?\d{4}\b[^\n]{0,40}$",
    re.M,
)


def detect_date_line(text: str, max_lines: int = 6) -> date | None:
    """A publication date written on its own line near the top ("January 31, 2026 - 8:00am")."""
    head = "\n".join(text.splitlines()[:max_lines])
    m = _DATE_LINE.search(head)
    return _parse_written_date(m.group(0)) if m else None


def _parse_written_date(text: str) -> date | None:
    import dateparser

    # Clock times and separators after the date confuse the parser; the date comes first.
    cleaned = re.split(r"\s[-–·|]\s|\s\d{1,2}:\d{2}", text, maxsplit=1)[0]
    parsed = dateparser.parse(cleaned, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None
