"""What every view decides the same way: grouping, the names of sources, why a source has no
position, and the sentences that explain a verdict or a relation.

Plain data and plain words only: renderers decide how they look (colour, marks, escaping).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from comparator.compare import (
    ClaimComparison,
    Coverage,
    Position,
    ReportedVoice,
    RivalPair,
    TopicComparison,
)
from comparator.models import Relation, Source, Stance, Verdict
from comparator.views import By as By  # every view module finds its vocabulary here


class Absence(str, Enum):
    """Why a source shows no position on a claim; the value is the JSON word."""

    #: It addresses the topic, not this claim.
    NO_POSITION = "no-position"
    #: Read, and says nothing on the topic.
    SILENT = "silent"
    #: Not yet read for the topic.
    UNREVIEWED = "unreviewed"
    #: Not a source of the corpus.
    UNKNOWN = "unknown"
    #: It reports others on the claim and takes no position of its own.
    REPORTS_ONLY = "reports-only"

    @classmethod
    def of(cls, coverage: Coverage) -> Absence:
        return _ABSENCE_OF[coverage]

    @property
    def words(self) -> str:
        """How the side-by-side view says it, in a cell of its own."""
        return _WORDS[self]

    @property
    def short(self) -> str:
        """How a summary grid says it, where a cell holds a word or two."""
        return _SHORT[self]


_ABSENCE_OF = {
    Coverage.COVERED: Absence.NO_POSITION,
    Coverage.SILENT: Absence.SILENT,
    Coverage.UNREVIEWED: Absence.UNREVIEWED,
    Coverage.UNKNOWN: Absence.UNKNOWN,
}
_WORDS = {
    Absence.NO_POSITION: "no position on this claim",
    Absence.SILENT: "silent on this topic",
    Absence.UNREVIEWED: "unreviewed",
    Absence.UNKNOWN: "not in the corpus",
    Absence.REPORTS_ONLY: "only reports others, no position of its own",
}
_SHORT = {
    Absence.NO_POSITION: "no position",
    Absence.SILENT: "silent",
    Absence.UNREVIEWED: "unreviewed",
    Absence.UNKNOWN: "not in corpus",
    Absence.REPORTS_ONLY: "reports only",
}

#: What each verdict means, in the words the views print after it.
VERDICT_MEANING: dict[Verdict, str] = {
    Verdict.CONSENSUS: "no source contradicts or diverges from another",
    Verdict.CONTESTED: "sources contradict each other",
    Verdict.MIXED: "some take no side, none contradict",
    Verdict.SINGLE_SOURCE: "only one source addresses it",
    Verdict.UNADDRESSED: "no source takes a position on it",
}


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Mark:
    """One article on one claim, as a grid shows it: its own stance, or why it has none,
    and the voices it reports there (shown apart, never as its stance)."""

    source: Source
    stance: Stance | None
    absence: Absence | None
    reports: tuple[ReportedVoice, ...] = ()


def mark_of(comparison: TopicComparison, claim: ClaimComparison, source: Source) -> Mark:
    position = claim.position(source.id)
    if position is not None and position.stance is not None:
        return Mark(source, position.stance, None, position.reports)
    if position is not None:
        return Mark(source, None, Absence.REPORTS_ONLY, position.reports)
    return Mark(source, None, Absence.of(comparison.coverage(source.id)))


def multi_source_outlets(sources: Iterable[Source]) -> frozenset[str]:
    """Outlets with more than one article: their articles need the source id to be told apart."""
    seen: dict[str, int] = {}
    for source in sources:
        seen[source.outlet] = seen.get(source.outlet, 0) + 1
    return frozenset(o for o, n in seen.items() if n > 1)


def source_label(source: Source, shared: frozenset[str]) -> str:
    """How a sentence names a source: its outlet, plus its id when the outlet has several."""
    return f"{source.outlet}/{source.id}" if source.outlet in shared else source.outlet


def labels(comparison: TopicComparison) -> dict[str, str]:
    """Source id -> label, for every source of the comparison."""
    shared = multi_source_outlets(comparison.sources)
    return {s.id: source_label(s, shared) for s in comparison.sources}


def by_outlet_order(comparison: TopicComparison, ids: Iterable[str]) -> list[str]:
    """Source ids grouped by outlet (outlets in corpus order), as the columns show them."""
    outlet_rank = {o: i for i, o in enumerate(comparison.outlets)}
    rank = {
        s.id: (outlet_rank.get(s.outlet, len(outlet_rank)), i)
        for i, s in enumerate(comparison.sources)
    }
    return sorted(ids, key=lambda i: rank.get(i, (len(outlet_rank), len(rank))))


def outlet_order(comparison: TopicComparison, positions: Iterable[Position]) -> list[Position]:
    """Positions grouped by outlet, outlets in corpus order (as columns and grids show them),
    articles of one outlet in corpus order."""
    rank = {outlet: i for i, outlet in enumerate(comparison.outlets)}
    index = {s.id: i for i, s in enumerate(comparison.sources)}
    return sorted(
        positions, key=lambda p: (rank.get(p.outlet, len(rank)), index.get(p.source.id, len(index)))
    )


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Absentees:
    """The sources of a topic with one kind of absence (silent, unreviewed), in every order a
    view lists them."""

    absence: Absence
    #: Source ids as the topic lists them.
    ids: tuple[str, ...]
    #: Their labels in column order (outlets in corpus order).
    labels: tuple[str, ...]
    #: Their labels in corpus order.
    labels_in_corpus_order: tuple[str, ...]


def absentees(
    comparison: TopicComparison, names: Mapping[str, str], absence: Absence, ids: tuple[str, ...]
) -> Absentees:
    wanted = set(ids)
    return Absentees(
        absence,
        ids,
        tuple(names.get(i, i) for i in by_outlet_order(comparison, ids)),
        tuple(names[s.id] for s in comparison.sources if s.id in wanted),
    )


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class RelationLine:
    """A pair of positions that contradict or diverge, named as a sentence names them."""

    relation: Relation
    first: Position
    second: Position
    first_label: str
    second_label: str
    #: The outlet both belong to, when the split is inside one outlet.
    inside: str | None

    @property
    def rival(self) -> bool:
        """Whether the two give rival answers (each its own claim) rather than split on one."""
        return self.relation is Relation.RIVAL

    @property
    def sentence(self) -> str:
        """``East (affirms) vs West (denies)``, or for rival answers ``East: status (affirms)
        vs West: spoiler (affirms)``: plain words of untrusted labels."""
        first, second = self.first, self.second
        if self.rival:
            text = (
                f"{self.first_label}: {first.assertion.claim} ({_stance_word(first)}) vs "
                f"{self.second_label}: {second.assertion.claim} ({_stance_word(second)})"
            )
        else:
            text = (
                f"{self.first_label} ({_stance_word(first)}) vs "
                f"{self.second_label} ({_stance_word(second)})"
            )
        return text + (f", inside {self.inside}" if self.inside is not None else "")


def _stance_word(position: Position) -> str:
    stance = position.stance
    return stance.value if stance is not None else Absence.REPORTS_ONLY.short


def relation_lines(
    comparison: TopicComparison, claim: ClaimComparison, names: Mapping[str, str]
) -> tuple[RelationLine, ...]:
    """One line per contradiction, then per rival answer, then per divergence, in the order
    of the columns."""
    order = {sid: i for i, sid in enumerate(by_outlet_order(comparison, names))}
    out: list[RelationLine] = []
    for relation, pairs in (
        (Relation.CONTRADICT, claim.contradictions),
        (Relation.DIVERGE, claim.divergences),
    ):
        if relation is Relation.DIVERGE:
            out += rival_lines(comparison, claim.rivals, names)
        if not pairs:
            continue
        ranked = []
        for pair in pairs:
            first, second = sorted((pair.a, pair.b), key=lambda i: order.get(i, len(order)))
            ranked.append(((order.get(first, 0), order.get(second, 0)), first, second, pair))
        for _, first, second, pair in sorted(ranked, key=lambda r: r[0]):
            a, b = claim.position(first), claim.position(second)
            if a is None or b is None:
                continue
            out.append(
                RelationLine(
                    relation,
                    a,
                    b,
                    names.get(first, first),
                    names.get(second, second),
                    a.outlet if pair.same_outlet else None,
                )
            )
    return tuple(out)


def rival_lines(
    comparison: TopicComparison, rivals: Iterable[RivalPair], names: Mapping[str, str]
) -> list[RelationLine]:
    """One line per rival pair, the earlier column first (its claim with it), in column order."""
    order = {sid: i for i, sid in enumerate(by_outlet_order(comparison, names))}
    ranked = []
    for pair in rivals:
        first, second = pair.first, pair.second
        if order.get(second.source.id, len(order)) < order.get(first.source.id, len(order)):
            first, second = second, first
        key = (order.get(first.source.id, 0), order.get(second.source.id, 0))
        ranked.append((key, first.assertion.claim, second.assertion.claim, first, second))
    return [
        RelationLine(
            Relation.RIVAL,
            first,
            second,
            names.get(first.source.id, first.source.id),
            names.get(second.source.id, second.source.id),
            first.outlet if first.outlet == second.outlet else None,
        )
        for *_, first, second in sorted(ranked, key=lambda r: r[:3])
    ]


def claim_summary(claim: ClaimComparison) -> str:
    """The verdict explained in a few words: what a reader needs before the table."""
    count = len(claim.own)
    reporting = len(claim.positions) - count
    also = f"; {reporting} only report{'s' * (reporting == 1)} others" if reporting else ""
    if count == 0:
        return "no source takes a position on it" + also
    what = VERDICT_MEANING[claim.verdict]
    if claim.verdict is Verdict.CONTESTED:
        n, r = len(claim.contradictions), len(claim.rivals)
        counted = [f"{n} contradiction{'s' * (n != 1)}"] if n else []
        counted += [f"{r} rival answer{'s' * (r != 1)}"] if r else []
        if not n:
            what = "sources give rival answers"
        what += f" ({', '.join(counted)})"
    if claim.verdict is Verdict.CONSENSUS and any(
        r.relation is Relation.AGREE_DIFFERENT_CERTAINTY for r in claim.relations
    ):
        what += ", though with different certainty"
    return f"{count} position{'s' * (count != 1)}: {what}{also}"


def verdict_tally(claims: Iterable[ClaimComparison]) -> tuple[tuple[Verdict, int], ...]:
    """Claims per verdict, every verdict present (maybe 0), in the Enum's order."""
    counts = dict.fromkeys(Verdict, 0)
    for claim in claims:
        counts[claim.verdict] += 1
    return tuple(counts.items())


def contradicted_sources(claim: ClaimComparison) -> frozenset[str]:
    """The sources whose position contradicts another on the claim: those on the side with
    opponents, read from the signs of the stances so that no pair has to be built."""
    positive = {p.source.id for p, s in claim.own if s.score > 0}
    negative = {p.source.id for p, s in claim.own if s.score < 0}
    opposed = positive | negative if positive and negative else set()
    # A source giving this claim as an answer against a rival's is opposed too.
    return frozenset(opposed) | claim.rival_sources
