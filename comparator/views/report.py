"""``compare report``: sources, the summary grid, the headline contradictions and every topic.

A report of thousands of articles is megabytes: the summary rows and the topics are produced
one at a time as a renderer walks them (``summary()``, ``topics()``), never held whole. What
each holds is decided here all the same, the same way for markdown and JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from comparator.compare import ClaimComparison, Position, TopicComparison
from comparator.models import Claim, Severity, Source, Topic, Verdict
from comparator.views.common import (
    Mark,
    mark_of,
    multi_source_outlets,
    outlet_order,
    source_label,
)
from comparator.views.relations import OutletSide, outlet_sides
from comparator.views.rivals import AnswerGroup, answer_groups
from comparator.views.show import ShowClaim, ShowTopic, Stand, show_topic

if TYPE_CHECKING:
    from comparator.check import CheckResult


@dataclass(frozen=True, slots=True, repr=False)
class SummaryCell:
    """An outlet's articles on one claim. ``named``: several marks, each to be shown with its
    source id; otherwise one mark (or none, for an outlet without articles) stands for all."""

    marks: tuple[Mark, ...]
    named: bool


@dataclass(frozen=True, slots=True, repr=False)
class SummaryRow:
    topic: Topic
    #: The first claim of its topic (the row that names the topic).
    first: bool
    claim: Claim
    verdict: Verdict
    #: One per outlet, in corpus order.
    cells: tuple[SummaryCell, ...]
    #: Every article, in corpus order.
    marks: tuple[Mark, ...]


@dataclass(frozen=True, repr=False)
class Sides:
    """A contested claim split the way a headline reads it: who is for it, who against it."""

    topic: Topic
    claim: ClaimComparison
    #: Positions that affirm or suggest the claim, strongest first, then in outlet order.
    for_: tuple[Position, ...]
    #: Positions that doubt or deny it, strongest first, then in outlet order.
    against: tuple[Position, ...]
    #: Positions that take no side.
    neutral: tuple[Position, ...]

    def by_outlet(
        self, positions: tuple[Position, ...], names: Mapping[str, str]
    ) -> tuple[OutletSide, ...]:
        """A side by outlet, outlets in the order of their strongest article (an outlet
        with one article there named by its label, one with several counted by stance)."""
        rank = {p.source.id: (i, 0) for i, p in enumerate(positions)}
        members = [(p.source, p.assertion.claim, p.stance) for p in positions if p.stance]
        return outlet_sides(members, lambda s: rank[s.id], names)

    @property
    def divided_outlets(self) -> tuple[str, ...]:
        """Outlets with articles on both sides of the claim: divided inside themselves."""
        against = {p.outlet for p in self.against}
        return tuple(dict.fromkeys(p.outlet for p in self.for_ if p.outlet in against))


def sides(comparison: TopicComparison, claim: ClaimComparison) -> Sides:
    """Split a claim's positions by the sign of their stance: strongest first, then in
    outlet order."""
    own = dict((p.source.id, s.score) for p, s in claim.own)  # reports only: no side
    ordered = outlet_order(comparison, (p for p, _ in claim.own))
    by_strength = sorted(ordered, key=lambda p: -abs(own[p.source.id]))  # stable
    return Sides(
        comparison.topic,
        claim,
        tuple(p for p in by_strength if own[p.source.id] > 0),
        tuple(p for p in by_strength if own[p.source.id] < 0),
        tuple(p for p in by_strength if own[p.source.id] == 0),
    )


def contested(comparisons: Iterable[TopicComparison]) -> tuple[Sides, ...]:
    """Every contested claim, in corpus order: the report's headline contradictions."""
    return tuple(sides(c, claim) for c in comparisons for claim in c.claims if claim.contradictions)


@dataclass(frozen=True, repr=False)
class RivalHeadline:
    """A rival group on which sources give answers that exclude each other: a headline
    contradiction that no single claim shows."""

    topic: Topic
    group: AnswerGroup


def rival_headlines(
    comparisons: Iterable[TopicComparison], names: Mapping[str, str]
) -> tuple[RivalHeadline, ...]:
    """Every rival group with at least one pair of rivals, in corpus order."""
    return tuple(
        RivalHeadline(c.topic, group)
        for c in comparisons
        if c.rivals
        for group in answer_groups(c, names)
        if group.rival_count
    )


@dataclass(frozen=True, repr=False)
class ReportClaim:
    shown: ShowClaim
    #: Its stands grouped by outlet, outlets in corpus order.
    stands: tuple[Stand, ...]
    #: For a contested or mixed claim, its stands from against to for (else empty): where
    #: the framings part.
    framings: tuple[Stand, ...]


@dataclass(frozen=True, repr=False)
class ReportTopic:
    shown: ShowTopic
    claims: tuple[ReportClaim, ...]


@dataclass(frozen=True, repr=False)
class ReportView:
    corpus_name: str
    sources: tuple[Source, ...]
    outlets: tuple[str, ...]
    claim_count: int
    position_count: int
    #: How many errors ``compare check`` finds in the corpus.
    errors: int
    headlines: tuple[Sides, ...]
    #: Source id -> how a sentence names it (outlet, or outlet/id when it has several).
    labels: Mapping[str, str]
    comparisons: tuple[TopicComparison, ...]
    #: Rival answers, headline contradictions of their own (after the claims').
    rival_headlines: tuple[RivalHeadline, ...] = ()
    #: List every pair of articles under each relation of a claim (``--pairs``), not only
    #: the relation by outlet.
    pairs: bool = False

    @property
    def topic_count(self) -> int:
        return len(self.comparisons)

    @property
    def has_claims(self) -> bool:
        return self.claim_count > 0

    def summary(self) -> Iterator[SummaryRow]:
        """The summary grid, a row per claim, made as it is read."""
        for comparison in self.comparisons:
            for index, claim in enumerate(comparison.claims):
                yield _summary_row(comparison, claim, index == 0, self.outlets)

    def topics(self) -> Iterator[ReportTopic]:
        """Every topic with all its claims, made as it is read."""
        for comparison in self.comparisons:
            shown = show_topic(comparison, comparison.claims)
            yield ReportTopic(shown, tuple(_report_claim(c) for c in shown.claims))


def _summary_row(
    comparison: TopicComparison, claim: ClaimComparison, first: bool, outlets: tuple[str, ...]
) -> SummaryRow:
    marks = {s.id: mark_of(comparison, claim, s) for s in comparison.sources}
    cells = []
    for outlet in outlets:
        shown = tuple(marks[s.id] for s in comparison.sources_of(outlet))
        if all(m.stance is None for m in shown) and len({m.absence for m in shown}) <= 1:
            cells.append(SummaryCell(shown[:1], False))  # none with a position: said once
        else:
            cells.append(SummaryCell(shown, len(shown) > 1))
    return SummaryRow(
        comparison.topic, first, claim.claim, claim.verdict, tuple(cells), tuple(marks.values())
    )


def _report_claim(claim: ShowClaim) -> ReportClaim:
    stands = tuple(e.stand for e in claim.rows if e.stand is not None)
    framings: tuple[Stand, ...] = ()
    # Rival answers alone leave nothing to part on the claim itself: the answers say it.
    split = claim.comparison.contradictions or claim.comparison.divergences
    if claim.verdict in (Verdict.CONTESTED, Verdict.MIXED) and split:
        framings = tuple(
            sorted(
                (s for s in stands if s.stance is not None),
                key=lambda s: s.stance.score if s.stance is not None else 0,
            )
        )
    return ReportClaim(claim, stands, framings)


def build_report(
    result: CheckResult, comparisons: tuple[TopicComparison, ...], *, pairs: bool = False
) -> ReportView:
    """The report of the topics compared, from the verified corpus; ``pairs`` lists the pairs
    of articles under each relation."""
    corpus = result.corpus
    assert corpus is not None
    shared = multi_source_outlets(corpus.sources)
    names = {s.id: source_label(s, shared) for s in corpus.sources}
    return ReportView(
        corpus.path.name,
        corpus.sources,
        corpus.outlets,
        sum(len(c.claims) for c in comparisons),
        sum(len(claim.own) for c in comparisons for claim in c.claims),
        result.count(Severity.ERROR),
        contested(comparisons),
        names,
        comparisons,
        rival_headlines(comparisons, names),
        pairs,
    )
