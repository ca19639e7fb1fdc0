"""``compare matrix``: every topic's stances by outlet, and how often each pair of outlets
agrees or contradicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparator.compare import Coverage, PairTally, TopicComparison, outlet_pairs
from comparator.models import Claim, Source, Topic
from comparator.views.common import Mark, mark_of


@dataclass(frozen=True, slots=True, repr=False)
class OutletColumn:
    outlet: str
    #: The outlet's articles, in corpus order: the order of its marks in a cell.
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True, repr=False)
class SourceMarks:
    """One article on one topic: its coverage, and its mark on each claim (in claim order)."""

    source: Source
    coverage: Coverage
    marks: tuple[Mark, ...]


@dataclass(frozen=True, repr=False)
class MatrixTopic:
    """One topic's row of the grid. Its cells are made each time a view asks for one and
    never kept: the grid of thousands of articles is never held whole."""

    topic: Topic
    claims: tuple[Claim, ...]
    comparison: TopicComparison
    columns: tuple[OutletColumn, ...]

    def cell(self, column: int) -> tuple[SourceMarks, ...]:
        """Each article of the column's outlet: its coverage and its mark on every claim."""
        comparison = self.comparison
        return tuple(
            SourceMarks(
                source,
                comparison.coverage(source.id),
                tuple(mark_of(comparison, claim, source) for claim in comparison.claims),
            )
            for source in comparison.sources_of(self.columns[column].outlet)
        )

    def lines(self, column: int) -> list[tuple[Mark, ...]]:
        """The column's marks, a line per claim, each in article order."""
        cell = self.cell(column)
        return [tuple(s.marks[index] for s in cell) for index in range(len(self.claims))]


@dataclass(frozen=True, repr=False)
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
    def rivals(self) -> int:
        """How many of the contradictions counted are rival answers (each article its own
        claim of a rival group): the pair table says so when there are any."""
        return sum(t.rival for t in self.pairs)

    @property
    def rival_note(self) -> str:
        """The sentence under the pair table when rival answers are counted in it, else ""."""
        n = self.rivals
        if not n:
            return ""
        return (
            f"Contradictions include {n} pair{'s' * (n != 1)} of articles giving rival "
            "answers (each its own claim of a topic's rival group)."
        )

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
            comparison.topic, tuple(c.claim for c in comparison.claims), comparison, columns
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
