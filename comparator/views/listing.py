"""``compare topics`` and ``compare sources``: what the corpus holds, at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from comparator.compare import Coverage, TopicComparison
from comparator.models import Claim, Source, Topic, Verdict
from comparator.views.common import by_outlet_order, labels, verdict_tally


class Reach(str, Enum):
    """How a topic's sources stand to it, as the topics listing groups them."""

    COVERING = "covering"
    SILENT = "silent"
    UNREVIEWED = "unreviewed"


@dataclass(frozen=True, slots=True, repr=False)
class SourceGroup:
    """The sources of a topic in one group: ids in corpus order, labels in column order."""

    reach: Reach
    ids: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True, repr=False)
class ClaimLine:
    claim: Claim
    verdict: Verdict
    #: How many sources take a position on it.
    positions: int


@dataclass(frozen=True, repr=False)
class TopicLine:
    topic: Topic
    claims: tuple[ClaimLine, ...]
    #: Covering, silent and unreviewed, in that order, every group present (maybe empty).
    groups: tuple[SourceGroup, ...]
    #: Claims per verdict, every verdict present (maybe 0).
    verdicts: tuple[tuple[Verdict, int], ...]


@dataclass(frozen=True, repr=False)
class TopicsView:
    topics: tuple[TopicLine, ...]
    claim_count: int
    source_count: int


def build_topics(comparisons: Sequence[TopicComparison], sources: Sequence[Source]) -> TopicsView:
    topics = []
    for comparison in comparisons:
        names = labels(comparison)
        groups = tuple(
            SourceGroup(
                reach,
                ids,
                tuple(names.get(i, i) for i in by_outlet_order(comparison, ids)),
            )
            for reach, ids in (
                (Reach.COVERING, comparison.covering),
                (Reach.SILENT, comparison.silent),
                (Reach.UNREVIEWED, comparison.unreviewed),
            )
        )
        topics.append(
            TopicLine(
                comparison.topic,
                # own positions only: one that only reports others takes no side
                tuple(ClaimLine(c.claim, c.verdict, len(c.own)) for c in comparison.claims),
                groups,
                verdict_tally(comparison.claims),
            )
        )
    return TopicsView(tuple(topics), sum(len(c.claims) for c in comparisons), len(sources))


@dataclass(frozen=True, slots=True, repr=False)
class TopicsByCoverage:
    """The topics an article stands in one relation to (covers, is silent on, unreviewed)."""

    coverage: Coverage
    ids: tuple[str, ...]


@dataclass(frozen=True, repr=False)
class SourceLine:
    source: Source
    #: How many claims it takes a position on.
    positions: int
    #: Topic ids it covers, is silent on, and has not been reviewed for: covered, silent,
    #: unreviewed, in that order, every one present (maybe empty).
    topics: tuple[TopicsByCoverage, ...]


@dataclass(frozen=True, repr=False)
class OutletGroup:
    outlet: str
    #: The outlet's long name, from its first article.
    outlet_name: str | None
    sources: tuple[SourceLine, ...]


@dataclass(frozen=True, repr=False)
class SourcesView:
    #: Every article, in file order.
    sources: tuple[SourceLine, ...]
    #: The same articles grouped by outlet, outlets in corpus order.
    outlets: tuple[OutletGroup, ...]


_LISTED = (Coverage.COVERED, Coverage.SILENT, Coverage.UNREVIEWED)


def build_sources(
    comparisons: Sequence[TopicComparison], sources: Sequence[Source], outlets: Sequence[str]
) -> SourcesView:
    lines = []
    for source in sources:
        found: dict[Coverage, list[str]] = {c: [] for c in _LISTED}
        positions = 0
        for comparison in comparisons:
            coverage = comparison.coverage(source.id)
            if coverage in found:
                found[coverage].append(comparison.topic.id)
            positions += sum(
                1
                for c in comparison.claims
                if (p := c.position(source.id)) is not None and p.stance is not None
            )
        lines.append(
            SourceLine(
                source, positions, tuple(TopicsByCoverage(c, tuple(found[c])) for c in _LISTED)
            )
        )
    groups = []
    for outlet in outlets:
        members = tuple(line for line in lines if line.source.outlet == outlet)
        if members:
            groups.append(OutletGroup(outlet, members[0].source.outlet_name, members))
        else:
            groups.append(OutletGroup(outlet, None, ()))
    return SourcesView(tuple(lines), tuple(groups))
