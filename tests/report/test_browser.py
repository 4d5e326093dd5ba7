"""The report in a real browser (Chromium via Playwright), loaded from a file:// URL.

These tests fail, never skip, when Chromium or Playwright is missing: the project's test
command installs them, and a report nobody has rendered is not tested.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.report import render_html

from .conftest import chromium_path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: run `pip install playwright` (its browser download is "
                    "not needed; the tests use the system Chromium).")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=ARGS)
        yield chromium
        chromium.close()


class Page:
    """A page opened on a report file, recording console errors and every request."""

    def __init__(self, browser, html: str, path: Path, js: bool = True):
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.context = browser.new_context(java_script_enabled=js, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def visible(self, selector: str) -> int:
        return sum(1 for el in self.page.query_selector_all(selector) if el.is_visible())

    def close(self):
        self.context.close()


@pytest.fixture
def report(browser, raw, tmp_path):
    page = Page(browser, render_html(raw, generated_at="2026-02-04 10:00 UTC"), tmp_path / "demo.html")
    yield page
    page.close()


def test_loads_offline_without_errors_and_shows_findings(report, tmp_path):
    assert report.errors == []
    assert report.requests == [report.url]
    assert report.visible("section.group") == 4
    assert report.visible("article.finding") == 4
    assert report.page.locator("#finding-F1 .msg").inner_text().startswith("Reuters says -26")
    shot = tmp_path / "demo.png"
    report.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_severity_filter_hides_and_shows(report):
    page = report.page
    assert report.visible("tr.finding-row") == 4
    page.uncheck("input[name=severity][value=warning]")
    assert report.visible("tr.finding-row") == 3
    assert page.locator("#group-g1").is_visible()  # it also holds an accepted finding, still checked
    assert not page.locator("#finding-F2").is_visible()
    page.uncheck("input[name=severity][value=accepted]")
    assert report.visible("tr.finding-row") == 2
    assert not page.locator("#group-g1").is_visible()
    page.check("input[name=severity][value=warning]")
    assert page.locator("#group-g1").is_visible()
    page.uncheck("input[name=severity][value=none]")
    assert page.locator("#group-g4").is_hidden()  # no finding at all
    assert "3 of 4 groups shown" in page.locator("#filter-count").inner_text()


def test_source_filter_hides_and_shows(report):
    page = report.page
    afp_key = page.locator("label", has_text="AFP").locator("input").get_attribute("value")
    assert report.visible(f"tr[data-source={afp_key}]") == 2
    page.uncheck(f"input[name=source][value={afp_key}]")
    assert report.visible(f"tr[data-source={afp_key}]") == 0
    assert page.locator("#group-g1").is_visible()  # Reuters and the blog are still shown
    page.check(f"input[name=source][value={afp_key}]")
    assert report.visible(f"tr[data-source={afp_key}]") == 2


def test_works_without_javascript(browser, raw, tmp_path):
    page = Page(browser, render_html(raw), tmp_path / "nojs.html", js=False)
    try:
        assert page.visible("section.group") == 4
        assert not page.page.locator("#filters").is_visible()  # useless without script: hidden
    finally:
        page.close()


def test_injected_script_never_runs(browser, hostile_raw, tmp_path):
    page = Page(browser, render_html(hostile_raw), tmp_path / "hostile.html")
    try:
        assert page.page.evaluate("typeof window.__xss") == "undefined"
        for link in page.page.query_selector_all("a"):
            assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
        assert page.page.evaluate("typeof window.__xss") == "undefined"
        assert "<script>" in page.page.locator("body").inner_text()  # shown as text
        assert page.requests == [page.url]
        assert page.errors == []
    finally:
        page.close()


def test_prints_readably(report):
    report.page.emulate_media(media="print")
    assert not report.page.locator("#filters").is_visible()
    assert report.visible("section.group") == 4
    pdf_like = report.page.screenshot(full_page=True)
    assert len(pdf_like) > 10_000


SEED_REPORT = Path(__file__).resolve().parents[2] / "reports" / "ukraine-energy-truce.html"


def test_seed_report_in_the_browser(browser):
    """The committed example: loads offline, shows its discrepancies, filters work; screenshot beside it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(SEED_REPORT.as_uri())
    page.wait_for_load_state("load")
    try:
        assert errors == []
        assert requests == [SEED_REPORT.as_uri()]
        warnings = [el for el in page.query_selector_all("tr.finding-row") if el.is_visible()
                    and "warning" in el.inner_text()]
        assert len(warnings) >= 3
        shown = sum(1 for el in page.query_selector_all("tr.finding-row") if el.is_visible())
        page.uncheck("input[name=severity][value=warning]")
        assert sum(1 for el in page.query_selector_all("tr.finding-row") if el.is_visible()) == shown - len(warnings)
        page.check("input[name=severity][value=warning]")
        page.screenshot(path=str(SEED_REPORT.with_suffix(".png")), full_page=True)
    finally:
        context.close()
    assert SEED_REPORT.with_suffix(".png").stat().st_size > 10_000
