"""The HTML report read as text: structure, escaping, CSP, determinism, units."""

import base64
import hashlib
import time
from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.report import render_html
from auditor.report.html import highlight


class Collect(HTMLParser):
    """Tags with their attributes, and the text inside <script> and <mark> elements."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self.marks, self._in = [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "mark"):
            self._in = tag
            (self.scripts if tag == "script" else self.marks).append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "mark":
            self.marks[-1] += data


def parse(html):
    p = Collect()
    p.feed(html)
    return p


def test_golden_determinism_apart_from_the_timestamp(raw):
    a = render_html(raw, generated_at="2026-02-04 10:00 UTC")
    shuffled = replace(raw, claims=raw.claims[::-1], groups=raw.groups[::-1], findings=raw.findings[::-1],
                       articles=raw.articles[::-1])
    b = render_html(shuffled, generated_at="2030-01-01 00:00 UTC")
    assert a.replace("2026-02-04 10:00 UTC", "T") == b.replace("2030-01-01 00:00 UTC", "T")
    assert "2026-02-04 10:00 UTC" in a


def test_one_script_and_the_csp_allows_exactly_it(raw):
    page = parse(render_html(raw))
    assert len(page.scripts) == 1
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "img-src data:" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_self_contained_nothing_loaded_from_elsewhere(raw):
    page = parse(render_html(raw))
    for tag, attrs in page.tags:
        assert not (tag in ("script", "img", "iframe") and attrs.get("src")), tag
        assert not (tag == "link"), "no external stylesheets or fonts"
    assert "@import" not in render_html(raw) and "url(" not in render_html(raw)


def test_figures_of_a_group_shown_in_one_unit(raw):
    html = render_html(raw)
    # AFP wrote -22 °F; the group's unit is °C, shown as an absolute reading.
    assert "−30 (−∞, −30] °C" in html and "converted" in html
    assert "−26 [−26, ∞) °C" in html
    assert "figures in °C" in html


def test_sentence_with_the_figure_highlighted(raw):
    page = parse(render_html(raw))
    assert "minus 26 degrees Celsius" in page.marks
    assert "more than 1,170 high-rise buildings" in page.marks


def test_highlight_falls_back_to_the_text_when_offsets_disagree(raw):
    claim = replace(raw.claims[1], sentence_start=0)  # wrong offset: found by text instead
    before, figure, after = highlight(claim)
    assert figure == "minus 26 degrees Celsius" and before.endswith("as low as ")


def test_summary_lists_articles_problems_and_every_finding(raw):
    html = render_html(raw)
    for text in ("Reuters", "AFP", "Bethany Elliott (commentary)", "2026-01-30",
                 "https://example.com/reuters/truce", "fixtures/demo/broken.html:3",
                 "check that the file is an article", "temperature-tolerance", "2 delta_degC"):
        assert text in html, text
    assert html.index('id="group-g2"') < html.index('id="group-g1"') < html.index('id="group-g3"')


def test_one_partial_per_verdict(raw):
    html = render_html(raw)
    assert "Sources disagree beyond the tolerance" in html  # discrepancy
    assert "Agree within tolerance, worth a note" in html  # consistent
    nc = replace(raw.findings[0], id="F9", verdict="not_comparable", group_id="g4", claim_ids=("c4", "c8"))
    assert "Not comparable: different time" in render_html(replace(raw, findings=raw.findings + (nc,)))


def test_timeline_for_not_comparable_groups_orders_by_time(raw):
    html = render_html(raw)
    timeline = html.split('class="timeline"')[1].split("</ol>")[0]
    assert timeline.index("2026-01-30") < timeline.index("2026-02-03")
    assert "378 buildings" in timeline and "1,170" in timeline
    assert html.count('class="timeline"') == 1


def test_groups_shown_only_with_a_finding_or_two_claims(raw):
    from auditor.model import Group

    lone = Group("g9", "a lone figure", ("c3",), "single")
    assert "a lone figure" not in render_html(replace(raw, groups=raw.groups + (lone,)))


def test_plot_per_group_with_tolerance_band(raw):
    html = render_html(raw)
    section = html.split('id="group-g2"')[1].split("</section>")[0]
    assert "<svg" in section and 'class="band flagged"' in section
    assert "shaded = ± tolerance (2 delta_degC)" in section


def test_seed_sized_report_renders_fast(raw):
    render_html(raw)  # templates compiled, registry loaded
    start = time.perf_counter()
    render_html(raw)
    assert time.perf_counter() - start < 1.0


def test_hostile_text_is_escaped(hostile_raw):
    html = render_html(hostile_raw)
    page = parse(html)
    assert len(page.scripts) == 1 and "__xss" not in page.scripts[0]
    assert not any(t == "img" for t, _ in page.tags)
    assert "&lt;script&gt;" in html
    hrefs = [a.get("href", "") for t, a in page.tags if t == "a"]
    assert not any(h.lower().lstrip().startswith("javascript:") for h in hrefs)
    assert not any(k.startswith("on") for _, a in page.tags for k in a)


# Text from articles may hold anything; whatever it is, it never becomes markup.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("<>&\"'/= ascriptonerrorimg:javasc()1")), max_size=40))
def test_any_text_stays_text(raw, junk):
    article = replace(raw.articles[1], title=junk, source=junk or "AFP", url=junk)
    claim = replace(raw.claims[4], surface=junk or "x", sentence=junk)
    group = replace(raw.groups[1], label=junk)
    audit = replace(raw, articles=(raw.articles[0], article, raw.articles[2]),
                    claims=raw.claims[:4] + (claim,) + raw.claims[5:],
                    groups=(raw.groups[0], group) + raw.groups[2:])
    page = parse(render_html(audit))
    assert len(page.scripts) == 1
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main",
               "section", "div", "b", "span", "table", "thead", "tbody", "tr", "th", "td", "a", "ul", "li",
               "code", "form", "fieldset", "legend", "label", "input", "article", "dl", "dt", "dd", "mark",
               "figure", "svg", "line", "text", "g", "rect", "circle", "path", "figcaption", "ol", "br",
               "footer", "script"}
    assert {t for t, _ in page.tags} <= allowed
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
