"""A small hand-made audit: three outlets, a discrepancy at each severity, a timeline group.

Claims are located in the article texts by their surface, so offsets and sentences are real.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from auditor.model import Article, Claim, Finding, Group, Problem, RawAudit
from auditor.text import sentence_at

REUTERS = Article(
    id="a1", path="fixtures/demo/reuters.txt", source="Reuters", url="https://example.com/reuters/truce",
    published=date(2026, 1, 30), title="Kremlin agrees to pause strikes on Kyiv until Feb 1",
    text=("KYIV, Jan 30 (Reuters) - The Kremlin said on Friday it would pause strikes "
          "until February 1.\nTemperatures in Kyiv are forecast to fall as low as minus 26 degrees Celsius.\n"
          "Russia launched 111 drones overnight. Some 378 residential high-rise buildings had no heating."),
)
AFP = Article(
    id="a2", path="fixtures/demo/afp.txt", source="AFP", url="", published=date(2026, 1, 30),
    title="Russia pauses Kyiv strikes",
    text=("Temperatures could drop below minus 30 degrees Celsius in parts of Ukraine. "
          "Russia launched dozens of drones at Ukraine overnight, the air force said."),
)
BLOG = Article(
    id="a3", path="fixtures/demo/blog.md", source="Bethany Elliott (commentary)",
    url="https://example.org/blog", published=date(2026, 2, 3), title="A truce that isn't",
    text=("Military bloggers say the pause lasts until 3 February.\n\n"
          "By Tuesday more than 1,170 high-rise buildings were without heating."),
)


def claim(cid: str, article: Article, surface: str, **fields) -> Claim:
    start = article.text.index(surface)
    a, b = sentence_at(article.text, start)
    return Claim(id=cid, article_id=article.id, surface=surface, start=start, end=start + len(surface),
                 sentence=article.text[a:b], sentence_start=a, **fields)


def build_audit(articles=(REUTERS, AFP, BLOG)) -> RawAudit:
    by_id = {a.id: a for a in articles}
    r, f, b = by_id["a1"], by_id["a2"], by_id["a3"]
    claims = (
        claim("c1", r, "until February 1", kind="date", value="2026-02-01", low="2026-02-01",
              high="2026-02-01", event="end", attribution="Kremlin", group_id="g1"),
        claim("c2", r, "minus 26 degrees Celsius", value=-26.0, low=-26.0, high=float("inf"),
              unit="degree_Celsius", qualifier="lower_bound", place="Kyiv", noun="temperature",
              group_id="g2"),
        claim("c3", r, "111 drones", value=111, low=111, high=111, noun="drone", group_id="g3"),
        claim("c4", r, "378 residential high-rise buildings", value=378, low=378, high=378,
              noun="building", time="2026-01-30", group_id="g4"),
        claim("c5", f, "minus 30 degrees Celsius", value=-22.0, low=float("-inf"), high=-22.0,
              unit="degree_Fahrenheit", qualifier="upper_bound", place="Ukraine", noun="temperature",
              group_id="g2"),
        claim("c6", f, "dozens of drones", value=24, low=24, high=float("inf"), qualifier="vague",
              noun="drone", group_id="g3"),
        claim("c7", b, "until 3 February", kind="date", value="2026-02-03", low="2026-02-03",
              high="2026-02-03", event="end", attribution="military bloggers", group_id="g1"),
        claim("c8", b, "more than 1,170 high-rise buildings", value=1170, low=1170, high=float("inf"),
              qualifier="lower_bound", noun="building", time="2026-02-03", group_id="g4"),
    )
    groups = (
        Group("g1", "end of the pause in strikes", ("c1", "c7"), "discrepancy", dimension="date"),
        Group("g2", "forecast low temperature", ("c2", "c5"), "discrepancy", dimension="temperature",
              unit="delta_degC", reasons=("places differ: Kyiv / Ukraine",)),
        Group("g3", "drones launched overnight", ("c3", "c6"), "consistent"),
        Group("g4", "high-rise buildings without heating", ("c4", "c8"), "not_comparable",
              reasons=("times differ: 2026-01-30 / 2026-02-03",)),
    )
    findings = (
        Finding("F3", "vague-quantity", "info", "consistent", ("c3", "c6"), "g3",
                "AFP says \"dozens of drones\"; Reuters says 111.", tolerance=""),
        Finding("F1", "temperature-tolerance", "error", "discrepancy", ("c2", "c5"), "g2",
                "Reuters says -26 °C (Kyiv); AFP says below -30 °C (Ukraine): places differ.",
                tolerance="2 delta_degC", fingerprint="fp-temperature"),
        Finding("F2", "date-agreement", "warning", "discrepancy", ("c1", "c7"), "g1",
                "Bethany Elliott (commentary) (military bloggers) says 2026-02-03; Reuters says 2026-02-01.",
                tolerance="0 day"),
        Finding("F4", "date-agreement", "warning", "discrepancy", ("c1", "c7"), "g1",
                "Accepted duplicate of F2.", suppressed="baseline: reviewed 2026-02-04"),
    )
    problems = (Problem("fixtures/demo/broken.html", "no text found in the page", line=3,
                        hint="check that the file is an article, not an index page"),)
    rules = (
        {"id": "temperature-tolerance", "kind": "tolerance", "severity": "error",
         "description": "Temperatures about the same thing agree within 2 °C."},
        {"id": "date-agreement", "kind": "date", "severity": "warning",
         "description": "Dates of the same event agree."},
        {"id": "vague-quantity", "kind": "vague", "severity": "info",
         "description": "A vague quantifier next to an exact figure."},
        {"id": "part-whole", "kind": "part_whole", "severity": "error",
         "description": "A part is never larger than its whole."},
    )
    return RawAudit(tuple(articles), claims, groups, findings, problems, rules)


@pytest.fixture
def raw() -> RawAudit:
    return build_audit()


XSS = "<script>window.__xss = 1; alert(1)</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss=2\">"


@pytest.fixture
def hostile_raw() -> RawAudit:
    """The same audit with script in every text field a source controls."""
    from dataclasses import replace

    evil_reuters = replace(
        REUTERS, title=f"Title {XSS}", url="javascript:window.__xss=3",
        source=f"Reuters {XSS_IMG}",
        text=REUTERS.text.replace("The Kremlin said", f"The Kremlin {XSS} said"),
    )
    evil_afp = replace(AFP, path="javascript:window.__xss=4", url="JavaScript:window.__xss=5")
    base = build_audit((evil_reuters, evil_afp, BLOG))
    findings = tuple(replace(f, message=f.message + " " + XSS_IMG) for f in base.findings)
    groups = tuple(replace(g, label=g.label + " " + XSS) for g in base.groups)
    return replace(base, findings=findings, groups=groups)


def chromium_path() -> str:
    """The Chromium binary, or a failing test explaining how to get it (never a skip)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    pytest.fail("Chromium is not installed: run `apt-get update && apt-get install -y chromium` "
                "(and `pip install playwright`); browser tests need it and are not skipped.")
