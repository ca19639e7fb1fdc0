"""``compare diff A B``: where two parties (outlets or single sources) meet and part, claim by
claim. Pure logic over the comparisons of ``compare.py``: no I/O, no rich, no typer.

A party with several articles (an outlet) keeps each article's position: every article of A is
paired with every article of B, so a split inside an outlet stays visible instead of being
averaged away. ``comparator.views.diff`` turns the result into the model the renderers print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from comparator.compare import (
    ClaimComparison,
    Coverage,
    Position,
    TopicComparison,
    relation_between,
)
from comparator.errors import UsageError
from comparator.models import Claim, Party, Relation, Topic, Verdict
from comparator.quotes import word_diff

#: From the relation that matters most to a reader down to the least: a claim where any pair
#: of articles contradicts is shown as a contradiction.
RELATION_WEIGHT = {
    Relation.CONTRADICT: 0,
    Relation.DIVERGE: 1,
    Relation.AGREE_DIFFERENT_CERTAINTY: 2,
    Relation.AGREE: 3,
    Relation.ONE_SIDED: 4,
}

#: How a relation reads in a sentence.
RELATION_WORDS = {
    Relation.AGREE: "agree",
    Relation.AGREE_DIFFERENT_CERTAINTY: "agree with different certainty",
    Relation.CONTRADICT: "contradict",
    Relation.DIVERGE: "diverge",
    Relation.ONE_SIDED: "one-sided",
    Relation.RIVAL: "give rival answers",
}


class WordOp(str, Enum):
    """Where a run of words of a word diff is: in both texts, only in A's or only in B's."""

    SAME = "="
    ONLY_A = "-"
    ONLY_B = "+"

    @property
    def marks(self) -> tuple[str, str]:
        """What encloses the run where colour cannot show it, as ``git diff --word-diff``
        writes it: ``[-only in A-]``, ``{+only in B+}``."""
        return {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}[self.value]


@dataclass(frozen=True, slots=True)
class WordRun:
    """A run of words of a word diff, and where it is."""

    op: WordOp
    words: str


#: A word-level diff of A's text against B's, in reading order.
WordDiff = tuple[WordRun, ...]


def word_runs(a: str, b: str) -> WordDiff:
    """The word diff of A's text against B's."""
    return tuple(WordRun(WordOp(op), words) for op, words in word_diff(a, b))


def marked(diff: WordDiff) -> str:
    """A word diff readable without colour: ``same [-only in A-] {+only in B+}``."""
    return " ".join(f"{run.op.marks[0]}{run.words}{run.op.marks[1]}" for run in diff)


@dataclass(frozen=True)
class PositionPair:
    """An article of A and an article of B on one claim, and how their framings differ."""

    a: Position
    b: Position
    relation: Relation
    summary_diff: WordDiff
    quote_diff: WordDiff


@dataclass(frozen=True)
class SharedClaim:
    """A claim both parties address."""

    topic: Topic
    claim: Claim
    verdict: Verdict
    a: tuple[Position, ...]
    b: tuple[Position, ...]
    pairs: tuple[PositionPair, ...]

    @property
    def relation(self) -> Relation:
        """The weightiest relation among the pairs: one contradiction makes it contradict."""
        return min((p.relation for p in self.pairs), key=RELATION_WEIGHT.__getitem__)

    @property
    def split(self) -> bool:
        """True when the pairs do not all relate the same way (an outlet divided)."""
        return len({p.relation for p in self.pairs}) > 1


@dataclass(frozen=True, slots=True)
class OtherCoverage:
    """What an article of the other party does on a topic where it has no position on a claim."""

    source: str
    #: ``TopicComparison.coverage(source)``: silent (read, says nothing on the topic),
    #: unreviewed (not read for it yet), covered (addresses the topic, not this claim) or
    #: unknown.
    coverage: Coverage
    #: It reports others on the claim but takes no position of its own.
    reports_only: bool = False


@dataclass(frozen=True)
class OneSidedClaim:
    """A claim only one party addresses, with what the other party's articles do instead."""

    topic: Topic
    claim: Claim
    positions: tuple[Position, ...]
    #: What each article of the other party does on the topic instead.
    other: tuple[OtherCoverage, ...]


@dataclass(frozen=True)
class RivalAnswers:
    """An article of A and an article of B giving rival answers to a topic's question: each
    affirms or suggests its own claim of one rival group, and neither the other's."""

    topic: Topic
    a: Position
    b: Position

    @property
    def claims(self) -> tuple[Claim, Claim]:
        """A's claim, then B's."""
        return _claim_of(self.topic, self.a), _claim_of(self.topic, self.b)


def _claim_of(topic: Topic, position: Position) -> Claim:
    found = topic.claim(position.assertion.claim)
    assert found is not None  # a rival pair is made from the topic's own claims
    return found


@dataclass(frozen=True)
class PartyDiff:
    """What two parties address, claim by claim, in corpus order (topics and claims as in the
    YAML)."""

    a: Party
    b: Party
    shared: tuple[SharedClaim, ...]
    only_a: tuple[OneSidedClaim, ...]
    only_b: tuple[OneSidedClaim, ...]
    #: Pairs of articles, one of each party, that give rival answers (version 2).
    rivals: tuple[RivalAnswers, ...] = ()


def quote_text(position: Position) -> str:
    """A position's quotes as one line: what the quote diff compares."""
    return " … ".join(" ".join(q.text.split()) for q in position.assertion.quotes)


#: Below this share of words in common, two texts are shown whole rather than word by word:
#: a word diff of two unrelated sentences that share only "the" and "to" is noise.
MIN_SHARED_WORDS = 1 / 3


def shares_words(diff: WordDiff) -> bool:
    """Whether two texts have enough words in common for a word diff to help a reader."""
    counts = dict.fromkeys(WordOp, 0)
    for run in diff:
        counts[run.op] += len(run.words.split())
    same = counts[WordOp.SAME]
    total = 2 * same + counts[WordOp.ONLY_A] + counts[WordOp.ONLY_B]
    return total > 0 and 2 * same / total >= MIN_SHARED_WORDS


def _pair(a: Position, b: Position) -> PositionPair:
    return PositionPair(
        a,
        b,
        relation_between(a.stance, b.stance),
        word_runs(a.assertion.summary, b.assertion.summary),
        word_runs(quote_text(a), quote_text(b)),
    )


def _one_sided(
    comparison: TopicComparison,
    claim: ClaimComparison,
    positions: tuple[Position, ...],
    other: Party,
) -> OneSidedClaim:
    return OneSidedClaim(
        comparison.topic,
        claim.claim,
        positions,
        tuple(
            OtherCoverage(sid, comparison.coverage(sid), claim.position(sid) is not None)
            for sid in other.sources
        ),
    )


def diff_parties(comparisons: Iterable[TopicComparison], a: Party, b: Party) -> PartyDiff:
    """Claim by claim: what both parties address and how they relate, and what only one does.

    An article that belongs to both parties (``compare diff East east-one``) is never paired
    with itself; two parties made of the same articles have nothing to compare.
    """
    if set(a.sources) == set(b.sources):
        raise UsageError(
            f"'{a.name}' and '{b.name}' are the same articles; name two different "
            "outlets or sources"
        )
    shared: list[SharedClaim] = []
    only_a: list[OneSidedClaim] = []
    only_b: list[OneSidedClaim] = []
    rivals: list[RivalAnswers] = []
    for comparison in comparisons:
        for rival in comparison.rivals:
            if rival.a in a.sources and rival.b in b.sources:
                rivals.append(RivalAnswers(comparison.topic, rival.first, rival.second))
            elif rival.b in a.sources and rival.a in b.sources:
                rivals.append(RivalAnswers(comparison.topic, rival.second, rival.first))
        for claim in comparison.claims:
            # Own voices only: a position that only reports others is never paired.
            of_a = tuple(p for p, _ in claim.own if p.source.id in a.sources)
            of_b = tuple(p for p, _ in claim.own if p.source.id in b.sources)
            pairs = tuple(_pair(p, q) for p in of_a for q in of_b if p.source.id != q.source.id)
            if pairs:
                shared.append(
                    SharedClaim(comparison.topic, claim.claim, claim.verdict, of_a, of_b, pairs)
                )
            elif of_a and not of_b:
                only_a.append(_one_sided(comparison, claim, of_a, b))
            elif of_b and not of_a:
                only_b.append(_one_sided(comparison, claim, of_b, a))
    return PartyDiff(a, b, tuple(shared), tuple(only_a), tuple(only_b), tuple(rivals))
