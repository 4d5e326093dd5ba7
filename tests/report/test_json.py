import json
import math
from dataclasses import replace

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.report import render_json, report_schema


def test_report_validates_against_its_schema(raw):
    data = json.loads(render_json(raw))
    jsonschema.Draft202012Validator(report_schema()).validate(data)


def test_contract_keys_and_version(raw):
    data = json.loads(render_json(raw))
    assert data["schema"] == 1
    assert {"articles", "claims", "groups", "findings", "problems", "rules"} <= set(data)
    assert data["articles"][0]["published"] == "2026-01-30"
    assert all(isinstance(c["id"], str) and isinstance(c["article_id"], str) for c in data["claims"])


def test_infinite_bounds_are_strings_a_reader_can_tell_from_unknown(raw):
    data = json.loads(render_json(raw))
    c2 = next(c for c in data["claims"] if c["id"] == "c2")
    c5 = next(c for c in data["claims"] if c["id"] == "c5")
    assert c2["high"] == "inf" and c5["low"] == "-inf"
    unknown = replace(raw.claims[1], id="cx", low=None)
    data = json.loads(render_json(replace(raw, claims=raw.claims + (unknown,))))
    assert next(c for c in data["claims"] if c["id"] == "cx")["low"] is None


def test_claims_carry_their_location(raw):
    data = json.loads(render_json(raw))
    c7 = next(c for c in data["claims"] if c["id"] == "c7")
    assert c7["location"] == {"path": "fixtures/demo/blog.md", "line": 1, "column": 39,
                              "end_line": 1, "end_column": 55}


def test_every_finding_gets_a_fingerprint(raw):
    data = json.loads(render_json(raw))
    assert all(f["fingerprint"] for f in data["findings"])
    assert next(f for f in data["findings"] if f["id"] == "F1")["fingerprint"] == "fp-temperature"


def test_schema_rejects_a_bare_number_for_an_open_bound_written_wrongly(raw):
    data = json.loads(render_json(raw))
    data["claims"][0]["high"] = "infinity"
    validator = jsonschema.Draft202012Validator(report_schema())
    assert list(validator.iter_errors(data))


# The fixture is an immutable record, so sharing it across examples is safe.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_bounds_give_standard_json(raw, raw_low, raw_high):
    claim = replace(raw.claims[1], low=raw_low, high=raw_high)
    text = render_json(replace(raw, claims=(claim,) + raw.claims[2:]))
    data = json.loads(text)  # parses as standard JSON
    json.dumps(data, allow_nan=False)
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    low = next(c for c in data["claims"] if c["id"] == "c2")["low"]
    if math.isnan(raw_low):
        assert low is None
    elif math.isinf(raw_low):
        assert low == ("inf" if raw_low > 0 else "-inf")
    else:
        assert low == raw_low


def test_render_is_deterministic(raw):
    shuffled = replace(raw, claims=raw.claims[::-1], groups=raw.groups[::-1], findings=raw.findings[::-1])
    assert render_json(raw) == render_json(shuffled)
