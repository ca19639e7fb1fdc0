"""Views that scale (issue 16): on a corpus with many articles per outlet, what a reader is
shown grows with the positions, not with their pairs; the pairs are there on demand (``--pairs``,
``--all-pairs``) and always in the JSON."""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.compare import compare_topic
from comparator.models import Relation, Stance
from comparator.views.relations import relation_summaries
from tests.scale_corpus import STANCES, source_ids, write_scale_corpus
from tests.test_rivals import CLAIMS, STANCE_OR_NONE, _corpus

SIDE_SOURCES = ("east", "west", "north", "south")

OUTLETS = 3


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The corpus with 5 and with 10 articles per outlet (doubling the positions)."""
    return {
        k: write_scale_corpus(tmp_path_factory.mktemp(f"scale{k}"), outlets=OUTLETS, per_outlet=k)
        for k in (5, 10)
    }


def _run(run_cli: Any, corpus: Path, *args: str) -> str:
    result = run_cli([*args, "-a", str(corpus)], width=200)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def _contradicting_pairs(k: int) -> int:
    """How many pairs of articles contradict on claim c, counted the slow way."""
    signs = {"affirms": 1, "suggests": 1, "neutral": 0, "doubts": -1, "denies": -1}
    scores = [signs[STANCES[i % len(STANCES)]] for i in range(OUTLETS * k)]
    return sum(1 for a, b in combinations(scores, 2) if a * b < 0)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_topic_view_grows_with_the_positions_not_the_pairs(
    run_cli: Any, corpora: dict[int, Path], fmt: str
) -> None:
    small, large = (_run(run_cli, corpora[k], "t", "-f", fmt) for k in (5, 10))
    # twice the positions: the table doubles, the relation lines stay one per relation
    assert len(large.splitlines()) < 2.2 * len(small.splitlines())
    for out, k in ((small, 5), (large, 10)):
        assert f"contradict, {_contradicting_pairs(k)} pairs: " in out
        assert out.count("contradict, ") == 1
        assert "vs O0/o0-s1 (denies)" not in out  # no pair line without --pairs


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_pairs_lists_every_pair_under_its_relation(
    run_cli: Any, corpora: dict[int, Path], fmt: str
) -> None:
    out = _run(run_cli, corpora[10], "t", "--pairs", "-f", fmt)
    pair = re.compile(r"^ *(- )?O\d/o\d-s\d \((\w+)\) vs O\d/o\d-s\d \((\w+)\)")
    signs = {"affirms": 1, "suggests": 1, "neutral": 0, "doubts": -1, "denies": -1}
    lines = [line for line in out.splitlines() if pair.match(line)]
    found = [m.groups()[1:] for m in map(pair.match, lines) if m]
    # every pair of claim c once: those that contradict, and those that diverge
    assert len(set(lines)) == len(lines)
    assert sum(1 for a, b in found if signs[a] * signs[b] < 0) == _contradicting_pairs(10)
    neutral = sum(1 for i in range(OUTLETS * 10) if STANCES[i % len(STANCES)] == "neutral")
    assert sum(1 for a, b in found if 0 in (signs[a], signs[b])) == neutral * (30 - neutral)
    assert "O0/o0-s0 (affirms) vs O0/o0-s1 (denies), inside O0" in out
    assert "O0/o0-s0 (affirms) vs O2/o2-s9 (doubts)" in out


def test_json_lists_every_pair_and_the_summary_by_outlet(
    run_cli: Any, corpora: dict[int, Path]
) -> None:
    [topic] = json.loads(_run(run_cli, corpora[10], "t", "-f", "json"))
    claim = next(c for c in topic["claims"] if c["id"] == "c")
    relations = [r for r in claim["relations"] if r["relation"] == "contradict"]
    assert len(relations) == _contradicting_pairs(10)
    positions = len(source_ids(OUTLETS, 10))
    assert len(claim["relations"]) == positions * (positions - 1) // 2  # every pair, always
    [contradict, diverge] = claim["by_outlet"]
    assert contradict["relation"] == "contradict"
    assert contradict["pairs"] == len(relations)
    first, second = contradict["sides"]
    assert [s["outlet"] for s in first] == ["O0", "O1", "O2"]
    o0 = first[0]
    assert o0["sources"] == ["o0-s0", "o0-s3", "o0-s5", "o0-s8"]
    assert o0["said"] == [
        {"claim": "c", "stance": "affirms", "count": 2},
        {"claim": "c", "stance": "suggests", "count": 2},
    ]
    for_, against = (sum(len(s["sources"]) for s in side) for side in (first, second))
    assert for_ * against == contradict["pairs"]
    assert contradict["divided"] == ["O0", "O1", "O2"]
    assert diverge["relation"] == "diverge"
    [answers] = topic["answers"]
    assert answers["rival_count"] == len(answers["rivals"])
    assert [side["claim"] for side in answers["by_outlet"]] == ["status", "spoiler"]
    rival = next(c for c in topic["claims"] if c["id"] == "status")["by_outlet"]
    assert [r["relation"] for r in rival] == ["rival"]
    assert rival[0]["pairs"] == answers["rival_count"]


def test_rival_sides_name_each_outlet_once_with_a_count(
    run_cli: Any, corpora: dict[int, Path]
) -> None:
    out = _run(run_cli, corpora[10], "t", "--no-quotes")
    # o0: articles 0..9, global index 0..9; status when index % 3 == 0
    assert "≠ rival, 100 pairs: 4 O0 articles (status: 4 affirms), 3 O1 articles" in out
    assert "  ≠ rival, 100 pairs: 4 O0 articles, 3 O1 articles, 3 O2 articles: status vs " in out
    # who gives which answer: an outlet's articles giving the same answers said once
    assert (
        "answers (rival claims: status, spoiler): 4 O0 articles: status; 3 O0 articles: spoiler; "
        "4 O1 articles: spoiler; 3 O1 articles: status; 3 O2 articles: status; "
        "3 O2 articles: spoiler\n  none of these answers: 3 O0 articles, 3 O1 articles, "
        "4 O2 articles\n"
    ) in out


# ------------------------------------------------------------------------ compare diff


def _pair_heads(out: str) -> list[str]:
    """The head line of each pair shown word by word."""
    return re.findall(r"^    (?:contradict|diverge|agree[a-z ]*): (.*)$", out, re.MULTILINE)


def test_diff_shows_a_bounded_representative_few_per_claim(
    run_cli: Any, corpora: dict[int, Path]
) -> None:
    out = _run(run_cli, corpora[10], "diff", "O0", "O1")
    # claim c: 10 x 10 pairs, counted by relation from the stances, sides by outlet
    assert (
        "    10 O0 articles (2 affirms, 2 suggests, 2 neutral, 2 doubts, 2 denies) vs 10 O1 "
        "articles (2 affirms, 2 suggests, 2 neutral, 2 doubts, 2 denies): 32 contradict, "
        "32 diverge, 16 agree with different certainty, 20 agree"
    ) in " ".join(out.split("\n      "))
    # four pairs of claim c: the first of each relation in reading order, shown in that order
    assert _pair_heads(out)[:4] == [
        "O0/o0-s0 ✔✔ affirms  vs  O1/o1-s0 ✔✔ affirms",
        "O0/o0-s0 ✔✔ affirms  vs  O1/o1-s1 ✘✘ denies",
        "O0/o0-s0 ✔✔ affirms  vs  O1/o1-s2 ○ neutral",
        "O0/o0-s0 ✔✔ affirms  vs  O1/o1-s3 ✔ suggests",
    ]
    assert "    and 96 more pairs (--all-pairs shows every one)" in out
    assert out.startswith("O0 vs O1\noutlet O0 (10 articles) and outlet O1 (10 articles): ")
    assert "O0 vs O1\n\nComparing outlet O0 (10 articles) with outlet O1 (10 articles): " in (
        _run(run_cli, corpora[10], "diff", "O0", "O1", "-f", "markdown").replace("# ", "")
    )
    # status: 4 x 3 pairs that all agree: the first four in reading order
    assert _pair_heads(out)[4:8] == [
        "O0/o0-s0 ✔✔ affirms  vs  O1/o1-s2 ✔✔ affirms",
        "O0/o0-s0 ✔✔ affirms  vs  O1/o1-s5 ✔✔ affirms",
        "O0/o0-s0 ✔✔ affirms  vs  O1/o1-s8 ✔✔ affirms",
        "O0/o0-s3 ✔✔ affirms  vs  O1/o1-s2 ✔✔ affirms",
    ]
    assert len(_pair_heads(out)) == 3 * 4
    # rival answers: the first four pairs of the topic, then how many more
    assert out.count("Scale · Does it scale?") == 4
    assert "  and 21 more pairs (--all-pairs shows every one)" in out
    # the same choice every time, and the same size with twice the articles
    assert _run(run_cli, corpora[10], "diff", "O0", "O1") == out
    small = _run(run_cli, corpora[5], "diff", "O0", "O1")
    assert len(out.splitlines()) < len(small.splitlines()) + 10  # 4x the pairs


def test_diff_representatives_reach_a_relation_met_late(
    run_cli: Any, corpora: dict[int, Path]
) -> None:
    """The only agreement is the last pair in reading order: it is shown before a second
    contradiction that comes earlier."""
    out = _run(run_cli, corpora[5], "diff", "o0-s4", "O2")
    # o0-s4 doubts (index 4); O2 is articles 10..14: affirms, denies, neutral, suggests, doubts
    assert [h.split("  vs  ")[1] for h in _pair_heads(out)[:4]] == [
        "O2/o2-s0 ✔✔ affirms",
        "O2/o2-s1 ✘✘ denies",
        "O2/o2-s2 ○ neutral",
        "O2/o2-s4 ✘ doubts",
    ]
    assert "    and 1 more pair (--all-pairs shows every one)" in out


def test_diff_all_pairs_and_json_show_every_pair(run_cli: Any, corpora: dict[int, Path]) -> None:
    out = _run(run_cli, corpora[10], "diff", "O0", "O1", "--all-pairs")
    assert len(_pair_heads(out)) == 100 + 12 + 12
    assert "more pair" not in out
    assert out.count("Scale · Does it scale?") == 25
    document = json.loads(_run(run_cli, corpora[10], "diff", "O0", "O1", "-f", "json"))
    c = document["shared"][0]
    assert len(c["pairs"]) == 100
    assert all(p["summary_diff"] and p["quote_diff"] for p in c["pairs"])
    assert c["pair_counts"] == {
        "contradict": 32,
        "diverge": 32,
        "agree-different-certainty": 16,
        "agree": 20,
    }
    assert [[o["outlet"] for o in side] for side in c["by_outlet"]] == [["O0"], ["O1"]]
    assert len(document["rivals"]) == 25


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_diff_word_diffs_only_the_pairs_it_shows(
    run_cli: Any, corpora: dict[int, Path], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import comparator.diffing

    calls = []
    real = comparator.diffing.word_runs

    def counting(a: str, b: str) -> Any:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(comparator.diffing, "word_runs", counting)
    out = _run(run_cli, corpora[10], "diff", "O0", "O1", "-f", fmt)
    assert "96 more pairs" in out
    assert len(calls) == 2 * 3 * 4  # a summary and a quote diff per pair shown


# ------------------------------------------------------------------------ compare report


def test_report_sums_relations_up_by_outlet_and_lists_pairs_on_demand(
    run_cli: Any, corpora: dict[int, Path]
) -> None:
    small, large = (_run(run_cli, corpora[k], "report") for k in (5, 10))
    assert len(large) < 2.5 * len(small)  # twice the articles, four times the pairs
    pairs = _contradicting_pairs(10)
    assert f"- ≠ contradict, {pairs} pairs: 4 O0 articles (2 affirms, 2 suggests), " in large
    assert "  - O0/o0-s0 (affirms) vs O0/o0-s1 (denies), inside O0" not in large
    # the headline names each outlet once a side, with its articles counted by stance
    assert (
        "  4 O0 articles (2 ✔✔ affirms, 2 ✔ suggests), 4 O1 articles (2 ✔✔ affirms, 2 ✔ suggests)"
        ", 4 O2 articles (2 ✔✔ affirms, 2 ✔ suggests) **vs** 4 O0 articles (2 ✘ doubts, "
        "2 ✘✘ denies), 4 O1 articles (2 ✘ doubts, 2 ✘✘ denies), 4 O2 articles (2 ✘ doubts, "
        "2 ✘✘ denies); divided inside O0, O1, O2\n"
    ) in large
    paired = _run(run_cli, corpora[10], "report", "--pairs")
    assert "  - O0/o0-s0 (affirms) vs O0/o0-s1 (denies), inside O0\n" in paired
    listed = re.findall(r"^  - O\d/o\d-s\d \((\w+)\) vs O\d/o\d-s\d \((\w+)\)", paired, re.M)
    signs = {"affirms": 1, "suggests": 1, "neutral": 0, "doubts": -1, "denies": -1}
    assert sum(1 for a, b in listed if signs[a] * signs[b] < 0) == pairs


# ------------------------------------------------------------------------ the sides, as a rule


@given(
    st.fixed_dictionaries({(s, c): STANCE_OR_NONE for s in SIDE_SOURCES for c in CLAIMS}),
    st.sampled_from([(("status", "spoiler"),), (CLAIMS,), (("status", "spoiler"), CLAIMS)]),
)
@settings(max_examples=150, deadline=None)
def test_the_sides_of_a_relation_are_exactly_the_articles_of_its_pairs(
    table: dict[tuple[str, str], Stance | None], rivals: tuple[tuple[str, ...], ...]
) -> None:
    """Read from the stances and the answers, never the pairs, each relation's two sides hold
    every article of one of its pairs and no other, and its count is the number of pairs."""
    stances = {k: v for k, v in table.items() if v is not None}
    if not stances:
        return
    outlets = {s: ("Both" if s in ("east", "west") else s.title()) for s in SIDE_SOURCES}
    corpus, topic = _corpus(stances, rivals=rivals, outlets=outlets)
    comparison = compare_topic(corpus, topic, {})
    names = {s.id: s.id for s in corpus.sources}
    for claim in comparison.claims:
        pairs = {
            Relation.CONTRADICT: [(r.a, r.b) for r in claim.contradictions],
            Relation.DIVERGE: [(r.a, r.b) for r in claim.divergences],
            Relation.RIVAL: [(r.a, r.b) for r in claim.rivals],
        }
        summaries = {s.relation: s for s in relation_summaries(comparison, claim, names)}
        assert set(summaries) == {r for r, found in pairs.items() if found}
        for relation, summary in summaries.items():
            first, second = (
                {src.id for side in sides for src in side.sources} for sides in summary.sides
            )
            found = pairs[relation]
            assert summary.pairs == len(found)
            assert first | second == {x for pair in found for x in pair}
            assert all(
                (a in first and b in second) or (a in second and b in first) for a, b in found
            )
