from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from auditor.model import Finding
from auditor.report.prepare import AuditView, finding_fingerprint, line_col, reaches, sort_audit


@given(st.text(alphabet="ab\n", max_size=40), st.data())
def test_line_col_matches_a_split_into_lines(text, data):
    offset = data.draw(st.integers(0, len(text)))
    line, col = line_col(text, offset)
    before = text[:offset]
    assert line == before.count("\n") + 1
    assert col == len(before) - (before.rfind("\n") + 1) + 1


def test_sort_orders_claims_by_article_then_offset_and_findings_worst_first(raw):
    shuffled = replace(raw, claims=raw.claims[::-1], findings=raw.findings[::-1])
    ordered = sort_audit(shuffled)
    keys = [(c.article_id, c.start) for c in ordered.claims]
    assert keys == sorted(keys)
    assert [f.id for f in ordered.findings] == ["F1", "F2", "F4", "F3"]


def test_natural_order_of_finding_ids(raw):
    many = tuple(replace(raw.findings[0], id=f"F{i}") for i in (10, 2, 1))
    assert [f.id for f in sort_audit(replace(raw, findings=many)).findings] == ["F1", "F2", "F10"]


def test_fallback_fingerprint_ignores_run_dependent_ids(raw):
    view = AuditView(raw)
    finding = next(f for f in raw.findings if f.id == "F2")
    renamed = replace(finding, id="F99", group_id="g77")
    assert not finding.fingerprint
    assert view.fingerprint(finding) == view.fingerprint(renamed)
    other_rule = replace(finding, rule_id="another-rule")
    assert view.fingerprint(other_rule) != view.fingerprint(finding)


def test_engine_fingerprint_is_kept(raw):
    finding = Finding("F1", "r", "error", "discrepancy", (), None, "m", fingerprint="abc")
    assert finding_fingerprint(finding, [], {}) == "abc"


def test_fail_on_threshold():
    assert reaches("error", "warning") and reaches("warning", "warning")
    assert not reaches("info", "warning") and not reaches("error", "never")
    assert reaches("info", "info")


def test_location_counts_the_front_matter_lines_of_the_file():
    # Regression: SARIF and terminal lines pointed into the article body, not the file, so a
    # Markdown article's figure was shown six lines too early.
    from auditor.model import Article, Claim, RawAudit
    from auditor.report.prepare import AuditView

    art = Article(id="a", path="a.md", text="Intro.\nIt fell 5%.", line_offset=6)
    claim = Claim("c", "a", "5%", 15, 17, "It fell 5%.", sentence_start=7)
    loc = AuditView(RawAudit((art,), (claim,), (), ())).location(claim)
    assert (loc.line, loc.column, loc.end_line) == (8, 9, 8)
