"""The check stage: groups and rules in, group verdicts and findings out.

Inside a group every pair of claims is compared by the most specific enabled rule that accepts
both, unless the pair cannot be compared (times differ, events differ, plans reported on
different days). Claims that agree with each other are then gathered into agreement clusters,
and one finding is made per pair of clusters that disagree, naming only the claims that do.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Callable, Sequence

from auditor.check import accept
from auditor.check.comparators import unit_label
from auditor.referents.places import distinct_places, same_country_places
from auditor.check.registry import (AGREE, COMPARATORS, DISAGREE, FAR, NOT_COMPARABLE, NOTE, Context, Outcome,
                                    RawFinding)
from auditor.check.spans import times_compatible
from auditor.group.blocking import as_compared
from auditor.group.times import timeless
from auditor.model import SEVERITY_RANK, Article, Claim, Finding, Group
from auditor.ruleset import units
from auditor.ruleset.model import Match, Rule, RuleSet


def check(claims: Sequence[Claim], groups: Sequence[Group], articles: Sequence[Article],
          ruleset: RuleSet, baseline: Path | None = None) -> tuple[list[Group], list[Finding]]:
    """Set each group's verdict and reasons, and return the findings in a stable order.

    Findings get ids F1, F2, ... after sorting (severity, then position in the articles), a
    ``fingerprint`` that does not depend on run ids, and ``suppressed`` when a baseline entry or
    an inline marker accepts them. Raises :class:`RuleError` when the baseline file is malformed.
    """
    accepted = accept.load_baseline(baseline) if baseline else {}
    ctx = Context(claims=list(claims), articles={a.id: a for a in articles})
    rules = ruleset.enabled()
    pair_rules = [r for r in rules if COMPARATORS[r.kind].scope == "pair"]
    raw: list[RawFinding] = []
    checked: list[Group] = []
    for group in groups:
        members = sorted((as_compared(ctx.by_id[i]) for i in group.claim_ids if i in ctx.by_id), key=position)
        try:
            verdict, reasons, group_raw = judge_group(group, members, pair_rules, ctx)
        except Exception as exc:  # one malformed claim must not stop the audit of every other group
            verdict, reasons, group_raw = "not_comparable", (f"not checked: {type(exc).__name__}: {exc}",), []
        checked.append(replace(group, verdict=verdict, reasons=reasons))
        raw += group_raw
    for rule in rules:
        comparator = COMPARATORS[rule.kind]
        if comparator.scope != "pair":
            eligible = [c for c in ctx.claims if matches(rule.match, c)] if comparator.scope == "article" \
                else [c for c in ctx.claims if not rule.match.noun or re.search(rule.match.noun, c.noun)]
            try:
                raw += comparator.run(eligible, rule, ctx)
            except Exception:  # noqa: BLE001 - a rule that cannot run on odd input is skipped, not fatal
                continue
    verdicts = {g.id: g.verdict for g in checked}
    findings = [to_finding(r, ruleset.get(r.rule_id), verdicts, ctx.source) for r in raw]
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], _first_position(f, ctx), f.rule_id, f.fingerprint))
    markers = [m for a in articles for m in accept.inline_markers(a)]
    out = []
    for n, f in enumerate(findings, 1):
        f = replace(f, id=f"F{n}")
        why = accept.suppression(f, (ctx.by_id[i] for i in f.claim_ids), accepted, markers)
        out.append(replace(f, suppressed=why) if why else f)
    return checked, out


def position(c: Claim) -> tuple:
    """Claims in reading order: article, then offset."""
    return (c.article_id, c.start, c.id)


def _first_position(f: Finding, ctx: Context) -> tuple:
    return min(position(ctx.by_id[i]) for i in f.claim_ids)


def matches(match: Match, c: Claim) -> bool:
    """Does a rule's ``match`` accept this claim?"""
    if match.kinds and c.kind not in match.kinds:
        return False
    if match.dimension and c.kind != "date" and units.claim_dimensionality(c.unit) != match.dimension:
        return False
    if match.qualifiers and c.qualifier not in match.qualifiers:
        return False
    if match.events and c.event not in match.events:
        return False
    return not match.noun or re.search(match.noun, c.noun) is not None


def pick_rule(a: Claim, b: Claim, rules: Sequence[Rule]) -> Rule | None:
    """The most specific enabled pair rule that compares these two claims (first on a tie)."""
    best: Rule | None = None
    for rule in rules:
        comparator = COMPARATORS[rule.kind]
        if comparator.applies(a, b) and matches(rule.match, a) and matches(rule.match, b):
            if best is None or rule.match.specificity() > best.match.specificity():
                best = rule
    return best


def compare_pair(a: Claim, b: Claim, rules: Sequence[Rule], ctx: Context) -> tuple[Rule | None, Outcome]:
    """One pair's outcome under the rule that governs it."""
    if a.converts == b.id or b.converts == a.id:
        return None, Outcome(NOT_COMPARABLE, reason="one restates the other in other units")
    if not ctx.same_story(a, b):
        return None, Outcome(NOT_COMPARABLE, reason=OTHER_STORIES)
    if not times_compatible(a, b) and not (timeless(a) and timeless(b)):
        return None, Outcome(NOT_COMPARABLE, reason=TIMES_DIFFER, detail=f"{a.time}\x1f{b.time}")
    rule = pick_rule(a, b, rules)
    if rule is not None and (a.article_id != b.article_id or rule.option("within_article", False)):
        settled = _one_of_the_options(a, b, rule, ctx) or _running_tallies(a, b, rule, ctx)
        if settled is not None:
            return rule, settled
    if rule is None:
        return None, Outcome(NOT_COMPARABLE, reason=f"no enabled rule compares {a.kind} {a.unit or 'count'} "
                                                     f"with {b.kind} {b.unit or 'count'}")
    if a.article_id == b.article_id and not rule.option("within_article", False):
        # One story's figures in one group are usually different moments or events of the story;
        # the check is about sources disagreeing, and article-internal links have their own rules.
        return rule, Outcome(NOT_COMPARABLE, reason="same article")
    plans = tuple(rule.option("plan_events", ("scheduled",)))
    is_plan = a.event in plans or b.event in plans
    if a.event and b.event and a.event != b.event and not is_plan:
        return rule, Outcome(NOT_COMPARABLE, reason=f"events differ: {a.event} / {b.event}")
    readings = tuple(rule.option("same_place_events", ()) or ())
    if readings and (a.event in readings or b.event in readings) and not (a.place and a.place == b.place):
        # A reading is one station's at one moment: on one hot day they differ by degrees.
        return rule, Outcome(NOT_COMPARABLE, reason=READINGS_APART,
                             detail=f"{a.place or 'place not named'}\x1f{b.place or 'place not named'}")
    places = rule.option("places", "compare")
    if places == "distinct" and distinct_places(a.place, b.place):
        # A rate or a price belongs to its place: Japan's growth is not a rival of India's.
        return rule, Outcome(NOT_COMPARABLE, reason=PLACES_SEPARATE, detail=f"{a.place}\x1f{b.place}")
    if places == "separate" and same_country_places(a.place, b.place):
        # A count adds up over places: Paris's marchers are a part of France's, not a rival figure.
        return rule, Outcome(NOT_COMPARABLE, reason=PLACES_SEPARATE, detail=f"{a.place}\x1f{b.place}")
    if is_plan and rule.option("plans_across_days", "not_comparable") == "not_comparable":
        pa, pb = ctx.published(a), ctx.published(b)
        if pa is not None and pb is not None and pa != pb:
            return rule, Outcome(NOT_COMPARABLE, reason=PLANS_DIFFER, detail=f"{pa}\x1f{pb}")
    return rule, COMPARATORS[rule.kind].compare(a, b, rule, ctx)


ECHOED = "the article also gives the other's figure (its second figure is about something else)"


def _echoes_settled(members: list[Claim], outcomes: dict) -> dict:
    """A disagreeing pair is settled when one article also states the other's figure.

    Article A gives 3 and 2 for "titles"; article B gives 3. A does not contradict B: it confirms
    B's 3, and its 2 counts something the group's name does not tell apart (two copies of one
    story, or two things under one noun, read exactly so). Only pairs across articles are settled.
    """
    def status(i: int, k: int) -> str:
        return outcomes[min(i, k), max(i, k)][1].status

    out = dict(outcomes)
    for (i, j), (rule, outcome) in outcomes.items():
        if outcome.status != DISAGREE or members[i].article_id == members[j].article_id:
            continue
        for x, y in ((i, j), (j, i)):
            same_article = [k for k in range(len(members))
                            if k != x and members[k].article_id == members[x].article_id]
            if any(status(k, y) == AGREE for k in same_article):
                out[i, j] = (rule, Outcome(NOT_COMPARABLE, reason=ECHOED))
                break
    return out


def _one_of_the_options(a: Claim, b: Claim, rule: Rule, ctx: Context) -> Outcome | None:
    """AGREE when a figure matches one of the options the other article offers ("50 or 75").

    "Either a 50 or 75 basis point increase" offers two figures for one thing; an outlet that
    reports only the 75 does not contradict the 50.
    """
    compare = COMPARATORS[rule.kind].compare
    for x, y in ((a, b), (b, a)):
        for other in ctx.alternatives(x):
            if compare(other, y, rule, ctx).status == AGREE:
                return Outcome(AGREE, reason="one of the options the other article gives")
    return None


TALLY_ROSE = "the tallies rose between the two reports (a timeline, not compared)"


def _running_tallies(a: Claim, b: Claim, rule: Rule, ctx: Context) -> Outcome | None:
    """Order two reports of a running tally by a tally reported with each, and judge them so.

    "367 killed and 1,881 injured" against "381 dead and 1,801 injured": tallies such as the dead
    and the injured only grow, and are reported together, so the report with more dead is the
    later one, and its fewer injured cannot be right. When the later report's figure is higher,
    the tally rose: a timeline. None when the rule lists no ``cumulative_events`` or the reports
    carry no companion tally that tells which is later.
    """
    events = set(rule.option("cumulative_events", ()) or ())
    if not events or a.event not in events or a.event != b.event:
        return None
    for ca in ctx.companions(a):
        cb = next((c for c in ctx.companions(b) if c.event == ca.event and c.event in events
                   and c.event != a.event and c.noun == ca.noun), None)
        if cb is None or not isinstance(ca.value, (int, float)) or not isinstance(cb.value, (int, float)):
            continue
        if ca.value == cb.value:
            return None
        (early, early_with), (late, late_with) = sorted(((a, ca), (b, cb)), key=lambda p: p[1].value)
        outcome = COMPARATORS[rule.kind].compare(early, late, rule, ctx)
        if outcome.status == AGREE:
            return outcome
        low_late = late.high if isinstance(late.high, (int, float)) else late.value
        if low_late is not None and low_late < (early.low if isinstance(early.low, (int, float)) else early.value):
            return Outcome(DISAGREE, detail=f"a running tally cannot fall: the report with more {ca.event} "
                                            f"({value_text(late_with)} against {value_text(early_with)}) gives "
                                            f"fewer {a.event}")
        return Outcome(NOT_COMPARABLE, reason=TALLY_ROSE)
    return None


def judge_group(group: Group, members: list[Claim], rules: Sequence[Rule],
                ctx: Context) -> tuple[str, tuple[str, ...], list[RawFinding]]:
    """A group's verdict, its reasons, and its raw findings."""
    if len(members) < 2:
        return "single", (), []
    outcomes: dict[tuple[int, int], tuple[Rule | None, Outcome]] = {}
    sources = _distinct(_source_key(c.attribution) for c in members)
    for i, j in combinations(range(len(members)), 2):
        outcomes[i, j] = _per_source(members[i], members[j], *compare_pair(members[i], members[j], rules, ctx),
                                     several_sources=len(sources) > 1)
    outcomes = _echoes_settled(members, outcomes)
    statuses = {o.status for _, o in outcomes.values()}
    reasons = _reasons([o for _, o in outcomes.values()])
    places = _distinct(c.place for c in members)
    if len(places) > 1:
        reasons.insert(0, f"places differ: {' / '.join(places)}")
    if DISAGREE in statuses:
        verdict = "discrepancy"
    elif statuses & {AGREE, NOTE}:
        verdict = "consistent"
    else:
        verdict = "not_comparable"
    found = _disagreements(group, members, outcomes, ctx)
    if verdict == "discrepancy" and all(f.severity == "info" for f in found):
        verdict = "not_comparable"
        reasons.append("figures scatter over more values than the rule's scatter_limit: the group may mix "
                       "different things")
    found = [replace(f, verdict=verdict) for f in found] + _notes(group, members, outcomes)
    return verdict, tuple(dict.fromkeys(reasons)), found


OTHER_STORIES = "articles report different stories (they share too few names)"
SOURCES_DIFFER = "measured by different sources, or by one the article does not name"
TIMES_DIFFER = "times differ (a timeline, not compared)"
PLANS_DIFFER = "plans reported on different days (schedules change, not compared)"
READINGS_APART = "readings not both for one named place (not compared)"
PLACES_SEPARATE = "counts for different places (a part and the whole, or two places; not compared)"


def _source_key(name: str) -> str:
    """One spelling per source: "U.S. Geological Survey" and "the US Geological Survey" agree.

    >>> _source_key("the U.S. Geological Survey") == _source_key("US Geological Survey")
    True
    >>> _source_key("Officials") == _source_key("an official")
    True
    """
    words = name.replace(".", "").lower().split()
    if words[:1] in (["the"], ["a"], ["an"]):
        words = words[1:]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]  # "officials" and "an official" are one kind of source
    return " ".join(words)


def _per_source(a: Claim, b: Claim, rule: Rule | None, outcome: Outcome,
                several_sources: bool) -> tuple[Rule | None, Outcome]:
    """Under a ``per_source`` rule, a difference between two sources' measurements is a note.

    When the coverage names more than one source for a measurement (the US and the Philippine
    weather agencies average winds over different periods), a figure whose source is not named
    may be either's; only two figures of one named source can contradict each other. With
    ``per_source: named`` only two NAMED sources are told apart (police and organisers count a
    march differently); a figure whose source is not named is still held to the others.
    """
    mode = rule.option("per_source", False) if rule is not None else False
    if rule is None or outcome.status != DISAGREE or not mode or not several_sources:
        return rule, outcome
    ka, kb = _source_key(a.attribution), _source_key(b.attribution)
    if (ka and ka == kb) or (mode == "named" and not (ka and kb)):
        return rule, outcome
    who = " / ".join(x or "source not named" for x in (a.attribution, b.attribution))
    return rule, Outcome(FAR, reason=SOURCES_DIFFER, detail=f"{outcome.detail}; the figures are different "
                                                            f"sources' measurements ({who})")


def _reasons(outcomes: list[Outcome]) -> list[str]:
    """Each reason once; the times or days that kept pairs apart are listed in one reason."""
    reasons: dict[str, list[str]] = {}
    for o in outcomes:
        if o.reason:
            values = reasons.setdefault(o.reason, [])
            if o.reason in (TIMES_DIFFER, PLANS_DIFFER, PLACES_SEPARATE, READINGS_APART):
                values += [v for v in o.detail.split("\x1f") if v not in values]
    return [f"{r}: {' / '.join(v)}" if v else r for r, v in reasons.items()]


def _disagreements(group: Group, members: list[Claim], outcomes: dict, ctx: Context) -> list[RawFinding]:
    """Findings of one group: each outlier with the claims it disagrees with, and nothing else.

    Claims are gathered greedily into clusters that agree inside. Per rule, the cluster backed by
    the fewest articles (on a tie, the one read first) is the outlier; its finding names its
    claims that disagree and the claims they disagree with. Those disagreements are then settled,
    and the next outlier is taken, until none is left.
    """

    def disagree(i: int, k: int) -> bool:
        return outcomes[min(i, k), max(i, k)][1].status in (DISAGREE, FAR)

    clusters: list[list[int]] = []
    for i in range(len(members)):
        home = next((cl for cl in clusters if not any(disagree(i, k) for k in cl)), None)
        if home is None:
            clusters.append([i])
        else:
            home.append(i)
    cluster_of = {i: n for n, cl in enumerate(clusters) for i in cl}
    edges: dict[tuple[str, str], set[tuple[int, int]]] = {}
    rules: dict[str, Rule] = {}
    for (i, k), (rule, outcome) in outcomes.items():
        if outcome.status in (DISAGREE, FAR):
            edges.setdefault((rule.id, outcome.status), set()).add((i, k))
            rules[rule.id] = rule
    found = []
    for (rule_id, status), pending in sorted(edges.items()):
        rule = rules[rule_id]
        cap = "info" if status == FAR else None
        limit = rule.option("scatter_limit")
        scatter = _scatter([members[i] for i in sorted({i for pair in pending for i in pair})], rule, ctx)
        if limit and scatter > int(limit) and status == DISAGREE:
            # One note for the whole group: its figures are too scattered to single out an outlier.
            named = sorted({i for pair in pending for i in pair})
            values = "; ".join(_distinct(value_text(members[i]) for i in named))
            found.append(RawFinding(rule_id, tuple(members[i] for i in named), group.id, "discrepancy",
                                    (), tuple(members[i] for i in named),
                                    f"the figures scatter over {scatter} values ({values}), so the group "
                                    "may mix different things or a figure that changed", severity="info"))
            continue
        while pending:
            involved: dict[int, list[int]] = {}
            for pair in sorted(pending):
                for i in pair:
                    if i not in involved.setdefault(cluster_of[i], []):
                        involved[cluster_of[i]].append(i)
            outlier = min(involved, key=lambda n: (len({members[i].article_id for i in involved[n]}), n))
            mine = [i for i in involved[outlier]]
            settled = {pair for pair in pending if cluster_of[pair[0]] == outlier or cluster_of[pair[1]] == outlier}
            others = sorted({i for pair in settled for i in pair} - set(mine))
            first = min(settled)
            found.append(RawFinding(rule_id, tuple(sorted((members[i] for i in mine + others), key=position)),
                                    group.id, "discrepancy", tuple(members[i] for i in mine),
                                    tuple(members[i] for i in others), outcomes[first][1].detail, severity=cap))
            pending -= settled
    return found


def _scatter(claims: list[Claim], rule: Rule, ctx: Context) -> int:
    """How many different values the claims fall into under the rule's comparison alone.

    Unlike the clusters of a group, this ignores what keeps pairs apart (same article, times):
    a story that gives 10 and 1,881 for one thing scatters, even when it is one article.
    """
    compare = COMPARATORS[rule.kind].compare
    values: list[list[Claim]] = []
    for c in claims:
        home = next((v for v in values if all(compare(c, o, rule, ctx).status not in (DISAGREE, FAR) for o in v)),
                    None)
        if home is None:
            values.append([c])
        else:
            home.append(c)
    return len(values)


def _notes(group: Group, members: list[Claim], outcomes: dict) -> list[RawFinding]:
    found = []
    for i, c in enumerate(members):
        if c.qualifier != "vague":
            continue
        noted = [(k, outcomes[min(i, k), max(i, k)]) for k in range(len(members)) if k != i]
        noted = [(k, rule, o) for k, (rule, o) in noted if o.status == NOTE]
        if noted:
            others = tuple(members[k] for k, _, _ in noted)
            found.append(RawFinding(noted[0][1].id, tuple(sorted((c, *others), key=position)), group.id,
                                    "consistent", (c,), others, noted[0][2].detail))
    return found


def _distinct(values) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        if v and v.strip().lower() not in seen:
            seen[v.strip().lower()] = v.strip()
    return list(seen.values())


# --------------------------------------------------------------------------- messages


def to_finding(raw: RawFinding, rule: Rule, verdicts: dict[str, str],
               source: Callable[[Claim], str] | None = None) -> Finding:
    """A finding with its message, severity (capped by the comparator) and fingerprint.

    ``source`` names the outlet of a claim in the message (default: its article id).
    """
    comparator = COMPARATORS[rule.kind]
    caps = [rule.severity, comparator.max_severity] + ([raw.severity] if raw.severity else [])
    severity = min(caps, key=lambda s: SEVERITY_RANK[s])
    verdict = raw.verdict if raw.verdict == "discrepancy" else verdicts.get(raw.group_id or "", raw.verdict)
    places = _distinct(c.place for c in raw.claims)
    place_note = f" (places differ: {' / '.join(places)})" if len(places) > 1 else ""
    fields = {
        "minority": describe(raw.minority, source), "majority": describe(raw.majority, source), "detail": raw.detail,
        "tolerance": rule.tolerance.describe(), "places": place_note, "rule": rule.id,
        "noun": next((c.noun for c in raw.claims if c.noun), ""),
    }
    # Without an outlier (a scattered group) the rule's two-sided template does not fit.
    template = rule.message if raw.minority else "{majority}: {detail}{places}"
    message = template.format(**fields)
    if place_note and "{places}" not in template:
        message += place_note
    return Finding(id="", rule_id=rule.id, severity=severity, verdict=verdict,
                   claim_ids=tuple(c.id for c in raw.claims), group_id=raw.group_id, message=message,
                   tolerance=rule.tolerance.describe(), fingerprint=fingerprint(rule.id, raw.claims))


def fingerprint(rule_id: str, claims: Sequence[Claim]) -> str:
    """Stable across runs: rule id, article ids and claim surfaces, never run-dependent ids.

    >>> c = Claim("c9", "000", "minus 30C", 0, 9, "")
    >>> fingerprint("t", [c]) == fingerprint("t", [replace(c, id="c1")])
    True
    """
    parts = [rule_id, *sorted({c.article_id for c in claims}), *sorted(c.surface for c in claims)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def value_text(c: Claim) -> str:
    """A claim's figure in words, from its qualifier.

    >>> value_text(Claim("c", "a", "below minus 30", 0, 0, "", value=-30, unit="degree_Celsius",
    ...                  qualifier="upper_bound"))
    'at most -30 °C'
    """
    if c.kind == "date":
        low, high = c.low or c.value, c.high or c.value
        return str(c.value) if low == high or not low or not high else f"{low}..{high}"
    unit = unit_label(c.unit)
    num = lambda x: f"{x:,.10g}" if isinstance(x, (int, float)) else str(x)  # noqa: E731
    text = {
        "lower_bound": f"at least {num(c.value)}", "upper_bound": f"at most {num(c.value)}",
        "approx": f"about {num(c.value)}", "vague": f"'{c.surface}'",
        "range": f"{num(c.low)} to {num(c.high)}",
    }.get(c.qualifier, num(c.value))
    return f"{text} {unit}".strip() if c.qualifier != "vague" else text


def describe(claims: Sequence[Claim], source: Callable[[Claim], str] | None = None) -> str:
    """One side of a finding, claims with the same figure told together.

    'Bethany Elliott (commentary), citing Russian military bloggers, says 2026-02-03 ("until 3
    February")', or '6 claims in 4 articles (Reuters, FT; citing Peskov, Kremlin) say 2026-02-01'.
    ``source`` names a claim's outlet; without it the article id stands in.

    >>> c = Claim("c", "003", "until 3 February", 0, 0, "", kind="date", value="2026-02-03",
    ...           attribution="Russian military bloggers")
    >>> describe([c], lambda claim: "Bethany Elliott (commentary)")
    'Bethany Elliott (commentary), citing Russian military bloggers, says 2026-02-03 ("until 3 February")'
    """
    source = source or (lambda c: c.article_id)
    by_value: dict[str, list[Claim]] = {}
    for c in claims:
        by_value.setdefault(value_text(c), []).append(c)
    return "; ".join(_describe_same(value, same, source) for value, same in by_value.items())


def _describe_same(value: str, claims: list[Claim], source: Callable[[Claim], str]) -> str:
    by = _distinct(c.attribution for c in claims)
    citing = f"citing {', '.join(by)}" if by else ""
    if len(claims) == 1:
        c = claims[0]
        who = source(c) + (f", {citing}," if citing else "")
        where = f" for {c.place}" if c.place else ""
        return f'{who} says {value}{where} ("{c.surface}")'
    articles = _distinct(c.article_id for c in claims)
    if len(articles) == 1:
        who = source(claims[0]) + (f", {citing}," if citing else "")
        return f"{who} says {value} {len(claims)} times"
    outlets = _distinct(source(c) for c in claims)
    shown = ", ".join(outlets[:3]) + (", ..." if len(outlets) > 3 else "")
    inside = "; ".join(p for p in (shown, citing) if p)
    return f"{len(claims)} claims in {len(articles)} articles ({inside}) say {value}"
