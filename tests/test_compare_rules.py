"""The comparison rules of DESIGN.md, as tables of cases: how two stances relate, what verdict
a claim gets, and how outlets with several articles, silent and unreviewed sources come out
of the core the views are built on."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest

from comparator.compare import (
    Coverage,
    TopicComparison,
    compare_all,
    outlet_pairs,
    relation_between,
    tally,
    tally_pairs,
    verdict_of,
)
from comparator.models import Relation, Stance, Verdict
from comparator.views.listing import build_sources
from comparator.workflow import open_corpus
from tests.conftest import write_corpus

MINI = Path(__file__).parent / "fixtures" / "mini" / "assertions.yaml"

A, S, N, D, X = (Stance.AFFIRMS, Stance.SUGGESTS, Stance.NEUTRAL, Stance.DOUBTS, Stance.DENIES)

RELATION_CASES = [
    # same stance: agree, whatever the stance (two neutrals agree that it is open)
    (A, A, Relation.AGREE),
    (S, S, Relation.AGREE),
    (N, N, Relation.AGREE),
    (D, D, Relation.AGREE),
    (X, X, Relation.AGREE),
    # same sign, other strength
    (A, S, Relation.AGREE_DIFFERENT_CERTAINTY),
    (D, X, Relation.AGREE_DIFFERENT_CERTAINTY),
    # opposite signs, at any strength
    (A, X, Relation.CONTRADICT),
    (A, D, Relation.CONTRADICT),
    (S, D, Relation.CONTRADICT),
    (S, X, Relation.CONTRADICT),
    # one neutral, one not
    (N, A, Relation.DIVERGE),
    (N, S, Relation.DIVERGE),
    (N, D, Relation.DIVERGE),
    (N, X, Relation.DIVERGE),
    # only one addresses the claim
    (A, None, Relation.ONE_SIDED),
    (None, N, Relation.ONE_SIDED),
    (None, None, Relation.ONE_SIDED),
]


@pytest.mark.parametrize(("a", "b", "expected"), RELATION_CASES)
def test_relation_between(a: Stance | None, b: Stance | None, expected: Relation) -> None:
    assert relation_between(a, b) is expected
    assert relation_between(b, a) is expected  # the order of the two sources never matters


def test_every_pair_of_stances_is_covered_by_exactly_one_rule() -> None:
    for a, b in product(Stance, repeat=2):
        relation = relation_between(a, b)
        same_sign = (a.score > 0) == (b.score > 0) and a.score != 0 and b.score != 0
        if a is b:
            assert relation is Relation.AGREE
        elif 0 in (a.score, b.score):
            assert relation is Relation.DIVERGE
        elif same_sign:
            assert relation is Relation.AGREE_DIFFERENT_CERTAINTY
        else:
            assert relation is Relation.CONTRADICT


VERDICT_CASES = [
    ([], Verdict.UNADDRESSED),
    ([A], Verdict.SINGLE_SOURCE),
    ([N], Verdict.SINGLE_SOURCE),
    ([A, A], Verdict.CONSENSUS),
    ([A, S, S], Verdict.CONSENSUS),  # different certainty is still consensus
    ([N, N], Verdict.CONSENSUS),  # everyone says it is open
    ([D, X], Verdict.CONSENSUS),
    ([A, N], Verdict.MIXED),  # divergence only
    ([A, S, N], Verdict.MIXED),
    ([A, D], Verdict.CONTESTED),
    ([S, D], Verdict.CONTESTED),  # hedged both ways is still a contradiction
    ([A, N, X], Verdict.CONTESTED),  # contradiction outranks divergence
    ([A, A, A, D], Verdict.CONTESTED),  # one dissenter is enough
]


@pytest.mark.parametrize(("stances", "expected"), VERDICT_CASES)
def test_verdict_of(stances: list[Stance], expected: Verdict) -> None:
    assert verdict_of(stances) is expected
    assert verdict_of(reversed(stances)) is expected


# ---------------------------------------------------------------- the core on the mini corpus


@pytest.fixture(scope="module")
def comparisons() -> tuple[TopicComparison, ...]:
    result = open_corpus(MINI)
    assert result.corpus is not None
    return compare_all(result.corpus, result.anchors)


@pytest.fixture(scope="module")
def mini(comparisons: tuple[TopicComparison, ...]) -> dict[str, TopicComparison]:
    return {c.topic.id: c for c in comparisons}


def test_outlet_with_two_articles_keeps_both_positions(mini: dict[str, TopicComparison]) -> None:
    weapons = mini["weapons"]
    direct = weapons.claims[0]
    grouped = direct.by_outlet(weapons.outlets)
    assert list(grouped) == ["North", "South", "East"]
    assert [(p.source.id, p.stance) for p in grouped["East"]] == [
        ("east-one", Stance.DENIES),
        ("east-two", Stance.SUGGESTS),
    ]
    assert direct.verdict is Verdict.CONTESTED


def test_disagreement_inside_one_outlet_is_a_contradiction(
    mini: dict[str, TopicComparison],
) -> None:
    direct = mini["weapons"].claims[0]
    pairs = {(r.a, r.b): r for r in direct.contradictions}
    assert set(pairs) == {
        ("north", "south"),
        ("north", "east-one"),
        ("south", "east-two"),
        ("east-one", "east-two"),
    }
    assert pairs[("east-one", "east-two")].same_outlet
    assert not pairs[("north", "south")].same_outlet
    assert direct.relations_of("east-two", Relation.CONTRADICT) == ("south", "east-one")


def test_one_sided_relations_name_every_source_without_a_position(
    mini: dict[str, TopicComparison],
) -> None:
    indirect = mini["weapons"].claims[1]
    assert indirect.verdict is Verdict.SINGLE_SOURCE
    assert {(r.a, r.b, r.relation) for r in indirect.relations} == {
        ("south", other, Relation.ONE_SIDED) for other in ("north", "east-one", "east-two")
    }


def test_silent_and_unreviewed_sources(
    mini: dict[str, TopicComparison], comparisons: tuple[TopicComparison, ...]
) -> None:
    motive = mini["motive"]
    assert motive.silent == ("east-one",)
    assert motive.unreviewed == ("east-two",)
    assert motive.covering == ("north", "south")
    assert [motive.coverage(s) for s in ("north", "east-one", "east-two", "nobody")] == [
        Coverage.COVERED,
        Coverage.SILENT,
        Coverage.UNREVIEWED,
        Coverage.UNKNOWN,
    ]
    sources = build_sources(comparisons, [s for c in comparisons[:1] for s in c.sources], ())
    east_two = next(line for line in sources.sources if line.source.id == "east-two")
    assert [(group.coverage, group.ids) for group in east_two.topics] == [
        (Coverage.COVERED, ("weapons", "chaos")),
        (Coverage.SILENT, ()),
        (Coverage.UNREVIEWED, ("motive",)),
    ]


def test_mixed_claim_lists_its_divergences(mini: dict[str, TopicComparison]) -> None:
    profits = mini["chaos"].claims[0]
    assert profits.verdict is Verdict.MIXED
    assert {(r.a, r.b) for r in profits.divergences} == {
        ("north", "east-one"),
        ("east-one", "east-two"),
    }
    assert mini["chaos"].stances_of("south") == (None,)
    assert mini["chaos"].stances_of("east-two") == (Stance.AFFIRMS,)


def test_outlet_tallies_across_all_claims(comparisons: tuple[TopicComparison, ...]) -> None:
    north_east = tally(comparisons, "East", "North")
    # direct-supply: North affirms vs East denies (contradict) and suggests (same side);
    # profits: North suggests vs East neutral (diverge) and affirms (same side)
    assert (
        north_east.agree,
        north_east.agree_different_certainty,
        north_east.contradict,
        north_east.diverge,
    ) == (0, 2, 1, 1)
    east = tally_pairs(comparisons)[("East", "East")]
    assert (east.contradict, east.diverge) == (1, 1)
    rows = [
        (t.a, t.b, t.agree + t.agree_different_certainty, t.contradict)
        for t in outlet_pairs(comparisons)
    ]
    assert rows == [
        ("North", "South", 1, 1),
        ("North", "East", 2, 1),
        ("South", "East", 1, 1),
        ("East", "East", 0, 1),
    ]


def test_a_source_both_silent_and_covered_counts_as_covered(tmp_path: Path) -> None:
    """check warns (silent-conflict); the views must not list it as silent and show it too."""
    yaml = write_corpus(
        tmp_path,
        """
        version: 1
        sources:
          one: {outlet: One, title: T, file: one.txt}
        topics:
          t:
            title: T
            question: Q?
            claims: {c: A claim.}
            assertions:
              - id: a
                source: one
                claim: c
                stance: affirms
                summary: S.
                quotes: [the whole of this article text]
            silent: [one]
        """,
        {"one.txt": "the whole of this article text\n"},
    )
    result = open_corpus(yaml)
    assert result.corpus is not None
    (topic,) = compare_all(result.corpus, result.anchors)
    assert topic.silent == ()
    assert topic.coverage("one") is Coverage.COVERED
