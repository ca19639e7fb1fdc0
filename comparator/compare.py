"""Who agrees and who contradicts: positions, pairwise relations and verdicts per claim.

Pure logic over the model: no I/O, no rich, no typer. Every view (text, markdown, JSON) and
the report are built from the structures here, so they can never disagree about a verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from comparator.models import (
    Assertion,
    Claim,
    Corpus,
    QuoteAnchor,
    Relation,
    Source,
    Stance,
    Topic,
    Verdict,
)


def relation_between(a: Stance | None, b: Stance | None) -> Relation:
    """How two stances on one claim relate; None means the source does not address it."""
    if a is None or b is None:
        return Relation.ONE_SIDED
    if a is b:
        return Relation.AGREE
    if a.score == 0 or b.score == 0:
        return Relation.DIVERGE
    if (a.score > 0) == (b.score > 0):
        return Relation.AGREE_DIFFERENT_CERTAINTY
    return Relation.CONTRADICT


def verdict_of(stances: Iterable[Stance]) -> Verdict:
    """The verdict on a claim from the stances of the sources that address it."""
    taken = list(stances)
    if len(taken) <= 1:
        return Verdict.SINGLE_SOURCE
    relations = {relation_between(a, b) for a, b in combinations(taken, 2)}
    if Relation.CONTRADICT in relations:
        return Verdict.CONTESTED
    if Relation.DIVERGE in relations:
        return Verdict.MIXED
    return Verdict.CONSENSUS


@dataclass(frozen=True)
class Position:
    """One source's assertion on a claim, with its quotes anchored in the article."""

    source: Source
    assertion: Assertion
    anchors: tuple[QuoteAnchor, ...]

    @property
    def stance(self) -> Stance:
        return self.assertion.stance

    @property
    def outlet(self) -> str:
        return self.source.outlet


@dataclass(frozen=True)
class PairRelation:
    """How source ``a`` and source ``b`` relate on one claim."""

    a: str
    b: str
    relation: Relation
    same_outlet: bool = False


@dataclass(frozen=True)
class ClaimComparison:
    """All positions on one claim, how they relate pairwise, and the verdict."""

    claim: Claim
    positions: tuple[Position, ...]
    relations: tuple[PairRelation, ...]
    verdict: Verdict

    def position(self, source_id: str) -> Position | None:
        return next((p for p in self.positions if p.source.id == source_id), None)

    def by_outlet(self, outlets: Iterable[str]) -> dict[str, tuple[Position, ...]]:
        """Positions grouped by outlet, in the given outlet order (empty where none)."""
        return {o: tuple(p for p in self.positions if p.outlet == o) for o in outlets}

    @property
    def contradictions(self) -> tuple[PairRelation, ...]:
        return tuple(r for r in self.relations if r.relation is Relation.CONTRADICT)


@dataclass(frozen=True)
class TopicComparison:
    """A topic's claims compared, with who is silent and who has not been reviewed."""

    topic: Topic
    claims: tuple[ClaimComparison, ...]
    silent: tuple[str, ...]
    unreviewed: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: tuple[Source, ...]


def compare_claim(claim: Claim, assertions: Iterable[Assertion], corpus: Corpus,
                  anchors: Mapping[tuple[str, int], QuoteAnchor]) -> ClaimComparison:
    """Positions on one claim in corpus source order, their relations, and the verdict."""
    order = {s.id: i for i, s in enumerate(corpus.sources)}
    positions = []
    seen: set[str] = set()
    for a in sorted(assertions, key=lambda a: order.get(a.source, len(order))):
        source = corpus.source(a.source)
        if source is None or a.claim != claim.id or a.source in seen:
            continue  # unknown sources and second positions are check's findings, not views'
        seen.add(a.source)
        quote_anchors = tuple(anchors.get((a.id, i), QuoteAnchor(q, a.source, "no-text"))
                              for i, q in enumerate(a.quotes))
        positions.append(Position(source, a, quote_anchors))
    relations = []
    for p, q in combinations(positions, 2):
        relations.append(PairRelation(p.source.id, q.source.id,
                                      relation_between(p.stance, q.stance),
                                      p.outlet == q.outlet))
    addressed = {p.source.id for p in positions}
    for p in positions:
        for other in corpus.sources:
            if other.id not in addressed:
                relations.append(PairRelation(p.source.id, other.id, Relation.ONE_SIDED,
                                              p.outlet == other.outlet))
    return ClaimComparison(claim, tuple(positions), tuple(relations),
                           verdict_of(p.stance for p in positions))


def compare_topic(corpus: Corpus, topic: Topic,
                  anchors: Mapping[tuple[str, int], QuoteAnchor]) -> TopicComparison:
    claims = tuple(compare_claim(c, (a for a in topic.assertions if a.claim == c.id), corpus,
                                 anchors) for c in topic.claims)
    covered = {a.source for a in topic.assertions}
    known = {s.id for s in corpus.sources}
    silent = tuple(s for s in topic.silent if s in known)
    unreviewed = tuple(s.id for s in corpus.sources if s.id not in covered
                       and s.id not in topic.silent)
    return TopicComparison(topic, claims, silent, unreviewed, corpus.outlets, corpus.sources)


def compare_all(corpus: Corpus, anchors: Mapping[tuple[str, int], QuoteAnchor],
                topic_ids: Iterable[str] | None = None) -> tuple[TopicComparison, ...]:
    wanted = list(topic_ids) if topic_ids is not None else [t.id for t in corpus.topics]
    out = []
    for tid in wanted:
        topic = corpus.topic(tid)
        if topic is not None:
            out.append(compare_topic(corpus, topic, anchors))
    return tuple(out)


@dataclass(frozen=True)
class PairTally:
    """How often two groups (outlets or sources) agree and contradict across claims."""

    a: str
    b: str
    agree: int = 0
    agree_different_certainty: int = 0
    contradict: int = 0
    diverge: int = 0

    @property
    def shared(self) -> int:
        return self.agree + self.agree_different_certainty + self.contradict + self.diverge


def tally_pairs(comparisons: Iterable[TopicComparison], *, by: str = "outlet"
                ) -> dict[tuple[str, str], PairTally]:
    """Relation counts for every pair of outlets (or sources), across every claim.

    With ``by="outlet"`` each pair of articles from two outlets counts once, and two articles
    of one outlet count on the diagonal, so disagreement inside an outlet shows too.
    """
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for comparison in comparisons:
        outlet_of = {s.id: s.outlet for s in comparison.sources}
        for claim in comparison.claims:
            for rel in claim.relations:
                if rel.relation is Relation.ONE_SIDED:
                    continue
                a, b = (outlet_of[rel.a], outlet_of[rel.b]) if by == "outlet" else (rel.a, rel.b)
                key = (a, b) if (a, b) in counts or (b, a) not in counts else (b, a)
                bucket = counts.setdefault(key, {})
                name = rel.relation.value.replace("-", "_")
                bucket[name] = bucket.get(name, 0) + 1
    return {key: PairTally(key[0], key[1], **values) for key, values in counts.items()}


def tally(comparisons: Iterable[TopicComparison], a: str, b: str, *, by: str = "outlet"
          ) -> PairTally:
    """The tally for one pair, whichever order it was counted in."""
    pairs = tally_pairs(comparisons, by=by)
    found = pairs.get((a, b))
    if found is not None:
        return found
    other = pairs.get((b, a))
    if other is None:
        return PairTally(a, b)
    return PairTally(a, b, other.agree, other.agree_different_certainty, other.contradict,
                     other.diverge)
