"""NewsQuant records: the benchmark's vocabulary, from claims of our own sentences."""

from __future__ import annotations

import pytest

from auditor.extract import extract_text, newsquant_record


def records(text: str) -> list[dict]:
    return [r for r in (newsquant_record(c) for c in extract_text(text)) if r is not None]


@pytest.mark.parametrize(
    "text, value, unit, change",
    [
        ("Profits climbed 8% last quarter.", 8.0, "percentage", "up"),
        ("The fund lost 3.5 per cent.", 3.5, "percentage", "down"),
        ("It sold for $450,000.", 450000.0, "dollar", "="),
        ("The mayor counted 22 goals.", 22.0, "goal", "="),
        ("It was minus 7 degrees Celsius.", -7.0, "celsius", "="),
        ("About 30 miles separate them.", 30.0, "mile", "~"),
        ("Over 13000 workers struck.", 13000.0, "worker", ">"),
        ("A barrel cost $70 per barrel.", 70.0, "dollar per barrel", "="),
    ],
)
def test_single_values(text, value, unit, change):
    (rec,) = records(text)
    assert rec["value"] == pytest.approx(value)
    assert rec["normalized_unit"] == unit
    assert rec["change"] == change


def test_range_in_text_order():
    (rec,) = records("Bread went from $4 to $3 a loaf.")
    assert rec["value"] == [4.0, 3.0]


def test_vague_uses_newsquant_convention():
    (rec,) = records("Dozens of firefighters arrived.")
    assert rec["value"] == [12.0, 120.0]
    assert rec["normalized_unit"] == "firefighter"


def test_dates_and_clock_times_are_not_records():
    assert records("The meeting on 9 May 2025 began at 8:00am.") == []
