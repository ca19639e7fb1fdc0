"""``compare diff A B``: where two parties (outlets or single sources) meet and part, claim by
claim. Pure logic over the comparisons of ``compare.py``: no I/O, no rich, no typer.

A party with several articles (an outlet) keeps each article's position: every article of A is
paired with every article of B, so a split inside an outlet stays visible instead of being
averaged away. ``comparator.views.diff`` turns the result into the model the renderers print.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from comparator.compare import (
    ClaimComparison,
    Coverage,
    Position,
    TopicComparison,
    relation_between,
)
from comparator.errors import UsageError
from comparator.models import Claim, Party, Relation, Stance, Topic, Verdict
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
    """An article of A and an article of B on one claim, and how their framings differ.

    The word diffs are made when first read: a view shows a few pairs of a claim, and must
    not pay for diffing the others.
    """

    a: Position
    b: Position
    relation: Relation

    @cached_property
    def summary_diff(self) -> WordDiff:
        return word_runs(self.a.assertion.summary, self.b.assertion.summary)

    @cached_property
    def quote_diff(self) -> WordDiff:
        return word_runs(quote_text(self.a), quote_text(self.b))


#: How many pairs of articles a claim of ``compare diff`` shows word by word unless every
#: pair is asked for (``--all-pairs``): enough for one of each relation between two own
#: stances (contradict, diverge, agree with different certainty, agree).
REPRESENTATIVE_PAIRS = 4


@dataclass(frozen=True)
class SharedClaim:
    """A claim both parties address: each party's positions, and how many pairs of them
    relate each way (counted from the stances; the pairs are made only when asked for)."""

    topic: Topic
    claim: Claim
    verdict: Verdict
    a: tuple[Position, ...]
    b: tuple[Position, ...]
    #: Pairs per relation, weightiest relation first, zeros left out.
    counts: tuple[tuple[Relation, int], ...]

    @property
    def relation(self) -> Relation:
        """The weightiest relation among the pairs: one contradiction makes it contradict."""
        return self.counts[0][0]

    @property
    def split(self) -> bool:
        """True when the pairs do not all relate the same way (an outlet divided)."""
        return len(self.counts) > 1

    @property
    def pairs(self) -> tuple[PositionPair, ...]:
        """Every pair, A's articles in corpus order, then B's (an article in both parties is
        never paired with itself): quadratic, for ``--all-pairs`` and the JSON."""
        return tuple(
            PositionPair(p, q, relation_between(p.stance, q.stance))
            for p in self.a
            for q in self.b
            if p.source.id != q.source.id
        )

    def representatives(self, bound: int = REPRESENTATIVE_PAIRS) -> tuple[PositionPair, ...]:
        """At most ``bound`` pairs, chosen the same way every time: for each relation the
        pairs show, weightiest first, the first pair of it in reading order (A's articles in
        corpus order, then B's); then the next pairs in reading order until there are
        ``bound``. Shown in reading order. Linear in the positions: no other pair is made."""
        chosen = _first_of_each_relation(self.a, self.b, [r for r, _ in self.counts])[:bound]
        taken = set(chosen)
        for index in _reading_order(self.a, self.b):
            if len(chosen) >= bound:
                break
            if index not in taken:
                chosen.append(index)
                taken.add(index)
        return tuple(
            PositionPair(self.a[i], self.b[j], relation_between(self.a[i].stance, self.b[j].stance))
            for i, j in sorted(chosen)
        )


def _reading_order(a: Sequence[Position], b: Sequence[Position]) -> Iterator[tuple[int, int]]:
    """Indices of the pairs in reading order, skipping an article paired with itself."""
    for i, p in enumerate(a):
        for j, q in enumerate(b):
            if p.source.id != q.source.id:
                yield i, j


def _first_of_each_relation(
    a: Sequence[Position], b: Sequence[Position], relations: Sequence[Relation]
) -> list[tuple[int, int]]:
    """For each relation, in the order given, the first pair of it in reading order.

    B's articles are indexed by stance (the first two of each: one of them may be the article
    of A itself), so each article of A is looked at once."""
    first_of: dict[Stance | None, list[int]] = {}
    for j, q in enumerate(b):
        seen = first_of.setdefault(q.stance, [])
        if len(seen) < 2:
            seen.append(j)
    found: dict[Relation, tuple[int, int]] = {}
    for i, p in enumerate(a):
        for stance, indices in first_of.items():
            relation = relation_between(p.stance, stance)
            other = next((j for j in indices if b[j].source.id != p.source.id), None)
            if other is not None and (relation not in found or (i, other) < found[relation]):
                found[relation] = (i, other)
        if all(r in found for r in relations):
            break  # a later article of A only makes later pairs
    return [found[r] for r in relations if r in found]


def relation_counts(
    a: Sequence[Position], b: Sequence[Position]
) -> tuple[tuple[Relation, int], ...]:
    """How many pairs of A's and B's positions relate each way, weightiest relation first,
    zeros left out: from how many articles of each take each stance, in linear time."""
    of_a: dict[Stance | None, int] = {}
    of_b: dict[Stance | None, int] = {}
    for positions, tally in ((a, of_a), (b, of_b)):
        for p in positions:
            tally[p.stance] = tally.get(p.stance, 0) + 1
    counts = dict.fromkeys(RELATION_WEIGHT, 0)
    for s, n in of_a.items():
        for t, m in of_b.items():
            counts[relation_between(s, t)] += n * m
    ids = {p.source.id for p in b}
    for p in a:  # an article in both parties is not paired with itself
        if p.source.id in ids:
            counts[relation_between(p.stance, p.stance)] -= 1
    ranked = sorted(counts.items(), key=lambda c: RELATION_WEIGHT[c[0]])
    return tuple((r, n) for r, n in ranked if n > 0)


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
    in_a, in_b = frozenset(a.sources), frozenset(b.sources)
    for comparison in comparisons:
        rivals += _rivals(comparison, in_a, in_b)
        for claim in comparison.claims:
            # Own voices only: a position that only reports others is never paired.
            of_a = tuple(p for p, _ in claim.own if p.source.id in in_a)
            of_b = tuple(p for p, _ in claim.own if p.source.id in in_b)
            counts = relation_counts(of_a, of_b) if of_a and of_b else ()
            if counts:
                shared.append(
                    SharedClaim(comparison.topic, claim.claim, claim.verdict, of_a, of_b, counts)
                )
            elif of_a and not of_b:
                only_a.append(_one_sided(comparison, claim, of_a, b))
            elif of_b and not of_a:
                only_b.append(_one_sided(comparison, claim, of_b, a))
    return PartyDiff(a, b, tuple(shared), tuple(only_a), tuple(only_b), tuple(rivals))


def _rivals(
    comparison: TopicComparison, a: frozenset[str], b: frozenset[str]
) -> list[RivalAnswers]:
    """The rival pairs of the topic with one article in A and the other in B, A's first: made
    from the two parties' answers only, never from every rival pair of the topic."""
    if not comparison.rivals:
        return []
    out = []
    for group in comparison.answers:
        ours = {s: group.given[s] for s in group.given if s in a}
        theirs = {s: group.given[s] for s in group.given if s in b}
        for x, mine in ours.items():
            for y, their in theirs.items():
                if x == y:
                    continue
                out += [
                    RivalAnswers(comparison.topic, first, second)
                    for claim_a, first in mine.items()
                    if claim_a not in their
                    for claim_b, second in their.items()
                    if claim_b not in mine
                ]
    return out
