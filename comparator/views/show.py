"""The side-by-side view (``compare TOPIC``): what each source says on each claim, or why it
says nothing, built once from the comparisons and the options for every format."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from comparator.compare import ClaimComparison, PairRelation, Position, TopicComparison
from comparator.models import (
    AnchorStatus,
    Claim,
    Location,
    QuoteAnchor,
    Relation,
    Source,
    Stance,
    Topic,
    Treatment,
    Verdict,
)
from comparator.views.common import (
    Absence,
    Absentees,
    By,
    RelationLine,
    absentees,
    by_outlet_order,
    claim_summary,
    contradicted_sources,
    labels,
    relation_lines,
)
from comparator.views.relations import ColumnOrder, RelationSummary, relation_summaries
from comparator.views.rivals import AnswerGroup, answer_groups

#: What joins the parts of an elided quote when it is shown.
ELLIPSIS = "\u2026"


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Piece:
    """A stretch of a quote's sentence: words the quote holds, or words it leaves out."""

    text: str
    quoted: bool


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class EvidencePart:
    """One part of an elided quote, and where the article holds it (when found)."""

    text: str
    place: Location | None


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Evidence:
    """One quote of a position, and where the article holds it (``place``, when found)."""

    text: str
    state: AnchorStatus
    place: Location | None
    #: How many places hold it (more than one when ambiguous).
    occurrences: int
    #: The article's file, for the reader to look in when the quote was not found.
    file: str
    #: An elided quote's parts, in order (empty for a quote without elision marks).
    parts: tuple[EvidencePart, ...] = ()
    #: The quote's whole sentence, quoted and left-out stretches in order (empty when the
    #: quote was not found).
    sentence: tuple[Piece, ...] = ()

    @property
    def shown(self) -> str:
        """The quote as views print it: an elided quote's parts joined by an ellipsis."""
        if not self.parts:
            return self.text
        return f" {ELLIPSIS} ".join(part.text for part in self.parts)


def sentence_of(anchor: QuoteAnchor) -> tuple[Piece, ...]:
    """A found quote's sentence as pieces: the words before it, each part of the quote (with
    the words an elision leaves out between them), the words after it."""
    if not anchor.found:
        return ()
    pieces = [Piece(anchor.before, False)]
    if anchor.parts:
        for part in anchor.parts:
            pieces += [Piece(part.left_out, False), Piece(" ".join(part.text.split()), True)]
    else:
        pieces.append(Piece(" ".join(anchor.quote.text.split()), True))
    pieces.append(Piece(anchor.after, False))
    return tuple(p for p in pieces if p.text)


def evidence_of(anchor: QuoteAnchor, source: Source) -> Evidence:
    state = anchor.status
    place = anchor.location if anchor.found else None
    parts = tuple(EvidencePart(p.text, p.location if anchor.found else None) for p in anchor.parts)
    return Evidence(
        anchor.quote.text,
        state,
        place,
        len(anchor.occurrences),
        source.file,
        parts,
        sentence_of(anchor),
    )


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class ReportStand:
    """A voice an article reports on a claim, as every view shows it beside the position:
    the claimant's stance and the article's treatment, never the article's own view."""

    voice: str
    name: str
    role: str | None
    stance: Stance
    treatment: Treatment
    evidence: tuple[Evidence, ...]


def report_stands(position: Position) -> tuple[ReportStand, ...]:
    return tuple(
        ReportStand(
            r.voice_id,
            r.name,
            r.role,
            r.stance,
            r.treatment,
            tuple(evidence_of(a, position.source) for a in r.anchors),
        )
        for r in position.reports
    )


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Stand:
    """A source's position on a claim, as every view shows it: its own stance (None when
    it only reports others) and the voices it reports."""

    position: Position
    #: Whether it contradicts another position on the claim.
    contradicted: bool
    evidence: tuple[Evidence, ...]
    reports: tuple[ReportStand, ...] = ()

    @property
    def source(self) -> Source:
        return self.position.source

    @property
    def stance(self) -> Stance | None:
        return self.position.stance

    @property
    def summary(self) -> str:
        return self.position.assertion.summary

    @property
    def note(self) -> str | None:
        return self.position.assertion.note


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Entry:
    """One article on one claim: its stand, or why it has none (exactly one of the two)."""

    source: Source
    stand: Stand | None
    absence: Absence | None


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Cell:
    """A column's articles on one claim. ``absence`` set: none of them takes a position, all
    for the same reason, said once for the column. ``named``: several articles, each shown
    under its id."""

    entries: tuple[Entry, ...]
    absence: Absence | None
    named: bool


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Column:
    """A column of the side-by-side table: an outlet, or one article with ``--by source``."""

    header: str
    #: The outlet under an article's id (``--by source``), else None.
    subheader: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True, repr=False, eq=False)
class ShowClaim:
    """One claim: its verdict explained, each column's cell, each article's row, and the
    pairs that contradict or diverge."""

    comparison: ClaimComparison
    summary: str
    #: One per column of the topic, in column order.
    cells: tuple[Cell, ...]
    #: Every article of the corpus, grouped by outlet (outlets in corpus order).
    rows: tuple[Entry, ...]
    #: Every stand, in corpus order.
    stands: tuple[Stand, ...]
    #: The topic compared, and how sentences name its sources: what ``lines`` is made from.
    topic_comparison: TopicComparison
    labels: Mapping[str, str]
    #: The topic's column order, made once for all its claims.
    order: ColumnOrder | None = None

    @cached_property
    def summaries(self) -> tuple[RelationSummary, ...]:
        """Each relation on the claim by outlet, with its count of pairs: what the views
        print, linear in the positions."""
        return relation_summaries(self.topic_comparison, self.comparison, self.labels, self.order)

    @cached_property
    def lines(self) -> tuple[RelationLine, ...]:
        """One line per pair that contradicts, then per rival answer, then per pair that
        diverges, in column order.

        Made when a view first asks (``--pairs``, the JSON): the pairs are quadratic in the
        positions.
        """
        return relation_lines(self.topic_comparison, self.comparison, self.labels)

    def lines_of(self, relation: Relation) -> tuple[RelationLine, ...]:
        """The pairs of one relation, in column order (``--pairs`` shows them under it)."""
        return tuple(line for line in self.lines if line.relation is relation)

    @property
    def claim(self) -> Claim:
        return self.comparison.claim

    @property
    def verdict(self) -> Verdict:
        return self.comparison.verdict

    @property
    def relations(self) -> tuple[PairRelation, ...]:
        """Every pair, one-sided ones included: built only when a view asks for them."""
        return self.comparison.relations


@dataclass(frozen=True, repr=False, eq=False)
class ShowTopic:
    topic: Topic
    claims: tuple[ShowClaim, ...]
    columns: tuple[Column, ...]
    silent: Absentees
    unreviewed: Absentees
    #: Every source of the corpus, in corpus order, with its label.
    labels: Mapping[str, str]
    #: The topic's rival groups, each with the answer every article gives (version 2).
    answers: tuple[AnswerGroup, ...] = ()


@dataclass(frozen=True, repr=False, eq=False)
class ShowView:
    """``compare TOPIC...``: the topics asked for, each with the claims asked for."""

    topics: tuple[ShowTopic, ...]
    by: By = By.OUTLET
    quotes: bool = True
    #: Show each quote in its whole sentence (``--context``).
    context: bool = False
    #: List every pair of articles under each relation (``--pairs``), not only the sides.
    pairs: bool = False

    @property
    def has_reports(self) -> bool:
        """Whether any position shown reports another voice (the legend then says ``↳``)."""
        return any(s.reports for t in self.topics for c in t.claims for s in c.stands)


def build_show(
    comparisons: Iterable[TopicComparison],
    *,
    by: By = By.OUTLET,
    claims: frozenset[str] = frozenset(),
    quotes: bool = True,
    context: bool = False,
    pairs: bool = False,
) -> ShowView:
    """The view of the topics; ``claims`` keeps only those claims (and drops topics left with
    none of them)."""
    topics = []
    for comparison in comparisons:
        chosen = [c for c in comparison.claims if not claims or c.claim.id in claims]
        if claims and not chosen:
            continue  # --claim names claims of another topic
        topics.append(show_topic(comparison, chosen, by))
    return ShowView(tuple(topics), by, quotes, context, pairs)


def columns_of(comparison: TopicComparison, by: By) -> tuple[Column, ...]:
    if by is By.SOURCE:
        return tuple(
            Column(s.id, s.outlet, (s,))
            for o in comparison.outlets
            for s in comparison.sources_of(o)
        )
    return tuple(Column(o, None, comparison.sources_of(o)) for o in comparison.outlets)


def show_topic(
    comparison: TopicComparison, claims: Iterable[ClaimComparison], by: By = By.OUTLET
) -> ShowTopic:
    names = labels(comparison)
    columns = columns_of(comparison, by)
    by_id = {s.id: s for s in comparison.sources}
    row_order = tuple(by_id[i] for i in by_outlet_order(comparison, by_id))
    order = ColumnOrder(comparison)
    return ShowTopic(
        comparison.topic,
        tuple(_claim(comparison, c, columns, row_order, names, order) for c in claims),
        columns,
        absentees(comparison, names, Absence.SILENT, comparison.silent),
        absentees(comparison, names, Absence.UNREVIEWED, comparison.unreviewed),
        names,
        answer_groups(comparison, names),
    )


def _claim(
    comparison: TopicComparison,
    claim: ClaimComparison,
    columns: tuple[Column, ...],
    row_order: tuple[Source, ...],
    names: dict[str, str],
    order: ColumnOrder,
) -> ShowClaim:
    against = contradicted_sources(claim)
    stands = {
        p.source.id: Stand(
            p,
            p.source.id in against,
            tuple(evidence_of(a, p.source) for a in p.anchors),
            report_stands(p),
        )
        for p in claim.positions
    }
    entries: dict[str, Entry] = {}

    def entry(source: Source) -> Entry:
        found = entries.get(source.id)
        if found is None:
            stand = stands.get(source.id)
            absence = None if stand else Absence.of(comparison.coverage(source.id))
            found = entries[source.id] = Entry(source, stand, absence)
        return found

    return ShowClaim(
        claim,
        claim_summary(claim),
        tuple(_cell([entry(s) for s in column.sources]) for column in columns),
        tuple(entry(s) for s in row_order),
        tuple(stands.values()),
        comparison,
        names,
        order,
    )


def _cell(entries: list[Entry]) -> Cell:
    absences = {e.absence for e in entries}
    if len(absences) == 1 and None not in absences:
        return Cell(tuple(entries), absences.pop(), False)  # said once for the whole column
    return Cell(tuple(entries), None, len(entries) > 1)
