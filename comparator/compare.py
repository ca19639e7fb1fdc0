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
    if not taken:
        return Verdict.UNADDRESSED
    if len(taken) == 1:
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

    @property
    def divergences(self) -> tuple[PairRelation, ...]:
        """Pairs where one source takes no side and the other does: why a claim is mixed."""
        return tuple(r for r in self.relations if r.relation is Relation.DIVERGE)

    def relations_of(self, source_id: str, relation: Relation) -> tuple[str, ...]:
        """The sources that stand in ``relation`` to ``source_id`` (to mark a view's cell)."""
        return tuple(r.b if r.a == source_id else r.a for r in self.relations
                     if r.relation is relation and source_id in (r.a, r.b))


@dataclass(frozen=True)
class TopicComparison:
    """A topic's claims compared, with who is silent and who has not been reviewed."""

    topic: Topic
    claims: tuple[ClaimComparison, ...]
    silent: tuple[str, ...]
    unreviewed: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: tuple[Source, ...]

    def sources_of(self, outlet: str) -> tuple[Source, ...]:
        """The outlet's articles, in corpus order: one outlet may hold several."""
        return tuple(s for s in self.sources if s.outlet == outlet)

    @property
    def covering(self) -> tuple[str, ...]:
        """Source ids with at least one position on the topic, in corpus order."""
        covered = {p.source.id for c in self.claims for p in c.positions}
        covered |= {a.source for a in self.topic.assertions}
        return tuple(s.id for s in self.sources if s.id in covered)

    def coverage(self, source_id: str) -> str:
        """Why a source does or does not appear: "covered", "silent" or "unreviewed"."""
        if source_id in self.silent:
            return "silent"
        if source_id in self.unreviewed:
            return "unreviewed"
        return "covered" if source_id in self.covering else "unknown"

    def stances_of(self, source_id: str) -> tuple[Stance | None, ...]:
        """The source's stance on each claim of the topic, in claim order (None: no position)."""
        out = []
        for claim in self.claims:
            position = claim.position(source_id)
            out.append(position.stance if position else None)
        return tuple(out)

    def verdict_counts(self) -> dict[Verdict, int]:
        """How many claims of the topic have each verdict (every verdict present, maybe 0)."""
        counts = dict.fromkeys(Verdict, 0)
        for claim in self.claims:
            counts[claim.verdict] += 1
        return counts


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
    """Every claim of the topic compared, and which sources are silent or still unreviewed."""
    claims = tuple(compare_claim(c, (a for a in topic.assertions if a.claim == c.id), corpus,
                                 anchors) for c in topic.claims)
    covered = {a.source for a in topic.assertions}
    known = {s.id for s in corpus.sources}
    # A source both silent and covered is check's silent-conflict; its positions win here.
    silent = tuple(s for s in topic.silent if s in known and s not in covered)
    unreviewed = tuple(s.id for s in corpus.sources if s.id not in covered
                       and s.id not in topic.silent)
    return TopicComparison(topic, claims, silent, unreviewed, corpus.outlets, corpus.sources)


def compare_all(corpus: Corpus, anchors: Mapping[tuple[str, int], QuoteAnchor],
                topic_ids: Iterable[str] | None = None) -> tuple[TopicComparison, ...]:
    """The topics asked for (all by default), in that order; unknown ids are skipped, since
    the CLI has already turned them into a usage error."""
    wanted = list(topic_ids) if topic_ids is not None else [t.id for t in corpus.topics]
    out = []
    for tid in wanted:
        topic = corpus.topic(tid)
        if topic is not None:
            out.append(compare_topic(corpus, topic, anchors))
    return tuple(out)


def topic_coverage(comparisons: Iterable[TopicComparison], source_id: str
                   ) -> dict[str, tuple[str, ...]]:
    """The topic ids a source covers, is silent on, and has not been reviewed for."""
    out: dict[str, list[str]] = {"covered": [], "silent": [], "unreviewed": []}
    for comparison in comparisons:
        status = comparison.coverage(source_id)
        if status in out:
            out[status].append(comparison.topic.id)
    return {k: tuple(v) for k, v in out.items()}


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


def outlet_pairs(comparisons: Iterable[TopicComparison]) -> list[PairTally]:
    """Every pair of outlets once, in corpus order, plus each outlet with several articles
    paired with itself (how its own articles relate): the rows of the matrix's pair table."""
    chosen = list(comparisons)
    if not chosen:
        return []
    sources = chosen[0].sources
    outlets = chosen[0].outlets
    counted = tally_pairs(chosen, by="outlet")
    rows = []
    for i, a in enumerate(outlets):
        for b in outlets[i:]:
            if a == b and sum(1 for s in sources if s.outlet == a) < 2:
                continue
            found = counted.get((a, b)) or counted.get((b, a))
            if found is None:
                rows.append(PairTally(a, b))
            else:
                rows.append(PairTally(a, b, found.agree, found.agree_different_certainty,
                                      found.contradict, found.diverge))
    return rows
