"""Two reports that each tell a third report's story, and share many names, are one story."""

from hypothesis import given, strategies as st

from auditor.group.stories import bridged, same_story

HUB = frozenset("kestrel harbour marlow coastguard devon brixham dawlish".split())


def test_bridge_joins_reports_that_share_many_names_but_a_small_share():
    # Each side names much the other does not, so the direct overlap ratio is too small ...
    long_a = HUB | frozenset(f"extra{i}" for i in range(14))
    long_b = frozenset("kestrel harbour marlow coastguard".split()) | frozenset(f"other{i}" for i in range(14))
    assert not same_story(long_a, long_b)
    # ... yet both tell the hub's story and name four things in common.
    assert bridged(long_a, long_b, HUB)


def test_bridge_needs_names_in_common():
    a = frozenset("kestrel harbour marlow coastguard devon".split())
    b = frozenset("ashford kent dover folkestone canterbury".split())
    assert not bridged(a, b, a | b)


def test_bridge_needs_the_hub_to_match_both():
    a = frozenset("kestrel harbour marlow coastguard devon".split())
    b = frozenset("kestrel harbour marlow coastguard cornwall".split()) | frozenset(f"x{i}" for i in range(30))
    unrelated = frozenset("yukos gazprom moscow kremlin".split())
    assert not bridged(a, b, unrelated)


@given(st.frozensets(st.sampled_from("abcdefghij"), max_size=6), st.frozensets(st.sampled_from("klmnopqrst"), max_size=6),
       st.frozensets(st.sampled_from("abcdefghijklmnopqrst"), max_size=20))
def test_disjoint_names_are_never_bridged(a, b, hub):
    assert not bridged(a, b, hub)
