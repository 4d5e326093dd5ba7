"""The pipeline: one article's failure is that article's problem; the rest is audited."""

from __future__ import annotations

from auditor import pipeline
from auditor.model import Article


def test_an_internal_error_on_one_article_is_a_problem_and_the_audit_goes_on(monkeypatch):
    import importlib

    # `auditor.extract` is the public function; the stage module is reached through importlib.
    extract = importlib.import_module("auditor.extract")

    real = extract.extract_claims

    def flaky(article):
        if article.id == "bad":
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(extract, "extract_claims", flaky)
    good = Article("good", "good.txt", "Temperatures fell to minus 23C overnight.")
    bad = Article("bad", "bad.txt", "Anything at all: 5 km.")
    raw = pipeline.run([good, bad])
    assert [c.article_id for c in raw.claims] == ["good"]
    assert any(p.path == "bad.txt" and "internal error" in p.message and "boom" in p.message for p in raw.problems)


def test_parallel_run_gives_the_same_audit_as_one_process():
    texts = ["Some 4mn people live there; 450 drones were launched on Monday.",
             "About 450 drones were launched on Monday, officials said.",
             "The capital of some 4mn braced for minus 26 degrees Celsius."]
    arts = [Article(f"a{i}", f"a{i}.txt", t) for i, t in enumerate(texts)]
    one, two = pipeline.run(arts, jobs=1), pipeline.run(arts, jobs=2)
    assert one.claims == two.claims and one.groups == two.groups and one.findings == two.findings


import datetime  # noqa: E402

from hypothesis import HealthCheck, example, given, settings, strategies as st  # noqa: E402

NEWSY = st.lists(st.sampled_from(["minus", "26", "degrees", "Celsius", "until", "February", "1", "3", "drones",
                                  "more", "than", "1,170", "$2bn", "some", "4mn", "on", "Friday", "(", ")",
                                  "5", "F", "a", "week", "dozens", "of", "Kyiv", "said", ".", ",", "\u2212",
                                  "\u00a0", "\n", "per", "cent", "km", "sq", "mi", "61-year-old", "2026"]),
                 max_size=40).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(NEWSY, st.text(max_size=80)), min_size=1, max_size=3), st.dates())
@example(texts=["26"], published=datetime.date(1, 1, 1))  # regression: the window before year 1 overflowed
@example(texts=["26 drones"], published=datetime.date(9999, 12, 31))
def test_the_whole_audit_never_raises_on_any_text(texts, published):
    arts = [Article(f"a{i}", f"a{i}.txt", t, published=published) for i, t in enumerate(texts)]
    raw = pipeline.run(arts)
    assert not [p for p in raw.problems if "internal error" in p.message]
    by_id = {a.id: a for a in arts}
    for c in raw.claims:
        assert by_id[c.article_id].text[c.start:c.end] == c.surface
    assert {c.id for c in raw.claims} == {i for g in raw.groups for i in g.claim_ids}
