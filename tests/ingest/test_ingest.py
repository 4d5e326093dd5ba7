from __future__ import annotations

import json
from datetime import date

from auditor.ingest import Defaults, load_articles
from auditor.model import Article


def test_markdown_front_matter_sets_metadata_and_offsets(tmp_path):
    f = tmp_path / "001_story.md"
    f.write_text("---\nsource: AFP\npublished: 2026-01-30\ntitle: T\nurl: https://x.test/a\n---\nBody 5 km.\n",
                 encoding="utf-8")
    (art,), problems = load_articles([f])
    assert problems == []
    assert (art.id, art.source, art.published, art.title, art.url) == ("001_story", "AFP", date(2026, 1, 30), "T",
                                                                       "https://x.test/a")
    assert art.text == "Body 5 km.\n"
    assert art.line_offset == 6


def test_text_without_front_matter_uses_cli_defaults_and_sidecar(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Plain text.", encoding="utf-8")
    (tmp_path / "a.txt.meta.yaml").write_text("source: Reuters\n", encoding="utf-8")
    (art,), _ = load_articles([f], Defaults(published=date(2025, 5, 1), source="CLI"))
    assert art.source == "Reuters"  # the sidecar speaks for the file; the CLI only fills gaps
    assert art.published == date(2025, 5, 1)


def test_date_line_in_the_text_gives_the_publication_date(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text("January 31, 2026 - 8:00am\n\nIs it peace?", encoding="utf-8")
    (art,), _ = load_articles([f])
    assert art.published == date(2026, 1, 31)
    assert any("date line" in n for n in art.problems)


def test_broken_front_matter_is_a_problem_with_a_line_but_the_text_is_kept(tmp_path):
    f = tmp_path / "b.md"
    f.write_text("---\nsource: [AFP\n---\nText 3 km.", encoding="utf-8")
    arts, problems = load_articles([f])
    assert len(arts) == 1 and arts[0].text == "Text 3 km."
    assert problems and problems[0].line is not None and "b.md" in str(problems[0])


def test_binary_and_bad_encoding_are_problems_not_crashes(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00PNG")
    (tmp_path / "latin.txt").write_bytes("d\xe9j\xe0\nvu".encode("latin-1"))
    (tmp_path / "ok.txt").write_text("Fine 5 km.", encoding="utf-8")
    arts, problems = load_articles([tmp_path])
    assert [a.id for a in arts] == ["ok"]
    text = "\n".join(map(str, problems))
    assert "bin.txt" in text and "binary" in text
    assert "latin.txt:1" in text and "UTF-8" in text


def test_huge_file_is_a_problem(tmp_path, monkeypatch):
    import auditor.ingest.readers as readers

    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    monkeypatch.setattr(readers, "MAX_BYTES", 50)
    arts, problems = load_articles([big])
    assert arts == [] and "limit" in problems[0].message and "big.txt" in problems[0].path


def test_jsonl_one_article_per_line_and_bad_lines_named(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "x1", "text": "A 5% rise.", "published": "2024-03-01", "source": "BBC"}),
             "{not json", json.dumps({"title": "no text"})]
    f.write_text("\n".join(lines), encoding="utf-8")
    arts, problems = load_articles([f])
    assert [a.id for a in arts] == ["x1"] and arts[0].published == date(2024, 3, 1)
    assert sorted(p.line for p in problems) == [2, 3]


def test_html_page_main_text_without_boilerplate(tmp_path):
    body = "<p>" + "The storm brought winds of 120 mph (193 km/h) to the coast on Monday. " * 3 + "</p>"
    page = (f"<html><head><title>Storm hits coast</title></head><body><nav>Home | Sport | Menu</nav>"
            f"<article><h1>Storm hits coast</h1>{body}</article><footer>Cookie settings</footer></body></html>")
    f = tmp_path / "storm.html"
    f.write_text(page, encoding="utf-8")
    (art,), problems = load_articles([f])
    assert "120 mph" in art.text
    assert "Cookie settings" not in art.text
    assert art.title == "Storm hits coast"


def test_empty_html_is_a_problem(tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("<html><body></body></html>", encoding="utf-8")
    arts, problems = load_articles([f])
    assert arts == [] and "no article text" in problems[0].message


def test_rss_feed_entries(tmp_path):
    f = tmp_path / "news.rss"
    f.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
      <item><title>Quake</title><link>https://w.test/q</link><pubDate>Tue, 07 Feb 2023 10:00:00 GMT</pubDate>
      <description>At least 5,000 people died in the earthquake.</description></item></channel></rss>""",
                 encoding="utf-8")
    (art,), _ = load_articles([f])
    assert art.source == "Wire" and art.url == "https://w.test/q" and art.published == date(2023, 2, 7)
    assert "5,000 people" in art.text


def test_directory_skips_gold_and_readme_and_ids_are_unique(tmp_path):
    for sub in ("a", "b"):
        d = tmp_path / sub
        d.mkdir()
        (d / "001.md").write_text("Text.", encoding="utf-8")
        (d / "gold.yaml").write_text("groups: []", encoding="utf-8")
        (d / "README.md").write_text("About this folder", encoding="utf-8")
    arts, problems = load_articles([tmp_path])
    assert sorted(a.id for a in arts) == ["001", "001~2"]
    assert problems == []


def test_articles_pass_through():
    art = Article(id="x", path="<mem>", text="t")
    assert load_articles([art]) == ([art], [])
