"""``compare matrix``: every topic's stances by outlet, and how often each pair of outlets
agrees or contradicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparator.compare import Coverage, PairTally, TopicComparison, outlet_pairs
from comparator.models import Claim, Source, Topic
from comparator.views.common import Mark, mark_of


@dataclass(frozen=True, slots=True)
class OutletColumn:
    outlet: str
    #: The outlet's articles, in corpus order: the order of its marks in a cell.
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class SourceMarks:
    """One article on one topic: its coverage, and its mark on each claim (in claim order)."""

    source: Source
    coverage: Coverage
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class MatrixTopic:
    topic: Topic
    claims: tuple[Claim, ...]
    #: One per outlet column, in column order: each of the outlet's articles.
    cells: tuple[tuple[SourceMarks, ...], ...]

    def line(self, column: int, claim: int) -> tuple[Mark, ...]:
        """The marks of one outlet's articles on one claim, in article order."""
        return tuple(s.marks[claim] for s in self.cells[column])


@dataclass(frozen=True)
class MatrixView:
    columns: tuple[OutletColumn, ...]
    topics: tuple[MatrixTopic, ...]
    #: Every pair of outlets once, in corpus order, plus each outlet of several articles with
    #: itself: the rows of the JSON pair list.
    pairs: tuple[PairTally, ...]
    #: Row outlet x column outlet: the pair's tally, or None when there is nothing to compare.
    pair_grid: tuple[tuple[PairTally | None, ...], ...]

    @property
    def empty(self) -> bool:
        """Nothing to compare: no topics or no sources."""
        return not self.topics or not any(c.sources for c in self.columns)

    @property
    def shared_outlets(self) -> tuple[OutletColumn, ...]:
        """Outlets of several articles, whose marks need a note saying which is which."""
        return tuple(c for c in self.columns if len(c.sources) > 1)


def build_matrix(
    comparisons: Sequence[TopicComparison], sources: Sequence[Source], outlets: Sequence[str]
) -> MatrixView:
    columns = tuple(OutletColumn(o, tuple(s for s in sources if s.outlet == o)) for o in outlets)
    topics = tuple(
        MatrixTopic(
            comparison.topic,
            tuple(c.claim for c in comparison.claims),
            tuple(
                tuple(
                    SourceMarks(
                        source,
                        comparison.coverage(source.id),
                        tuple(mark_of(comparison, claim, source) for claim in comparison.claims),
                    )
                    for source in comparison.sources_of(column.outlet)
                )
                for column in columns
            ),
        )
        for comparison in comparisons
    )
    pairs = tuple(outlet_pairs(comparisons))
    by_pair = {(t.a, t.b): t for t in pairs}
    grid = tuple(
        tuple(by_pair.get((row, column)) or by_pair.get((column, row)) for column in outlets)
        for row in outlets
    )
    return MatrixView(columns, topics, pairs, grid)
