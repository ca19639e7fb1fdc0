"""Who agrees and who contradicts: positions, pairwise relations and verdicts per claim.

Pure logic over the model: no I/O, no rich, no typer. Every view (text, markdown, JSON) and
the report are built from the structures here, so they can never disagree about a verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from itertools import combinations
from typing import TypeVar, overload

from comparator.models import (
    AnchorStatus,
    Assertion,
    Claim,
    Corpus,
    QuoteAnchor,
    QuoteKey,
    Relation,
    Report,
    RivalGroup,
    Source,
    Stance,
    Topic,
    Treatment,
    Verdict,
    Voice,
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
    # Which relations occur depends only on which stances occur, once or more: two of each
    # give the same set of relations as all of them, in constant time.
    few: list[Stance] = []
    for stance in taken:
        if few.count(stance) < 2:
            few.append(stance)
    relations = {relation_between(a, b) for a, b in combinations(few, 2)}
    if Relation.CONTRADICT in relations:
        return Verdict.CONTESTED
    if Relation.DIVERGE in relations:
        return Verdict.MIXED
    return Verdict.CONSENSUS


@dataclass(frozen=True, slots=True)
class ReportedVoice:
    """A report of a position: who is reported, with what stance and treatment, and its
    quotes anchored in the article. Shown beside the position; never compared."""

    report: Report
    #: The registry's entry (None when the id is unknown: check's unknown-voice finding).
    voice: Voice | None
    anchors: tuple[QuoteAnchor, ...]

    @property
    def voice_id(self) -> str:
        return self.report.voice

    @property
    def name(self) -> str:
        return self.voice.name if self.voice is not None else self.report.voice

    @property
    def role(self) -> str | None:
        return self.voice.role if self.voice is not None else None

    @property
    def stance(self) -> Stance:
        return self.report.stance

    @property
    def treatment(self) -> Treatment:
        return self.report.treatment


@dataclass(frozen=True, slots=True)
class Position:
    """One source's assertion on a claim, with its quotes anchored in the article.

    ``stance`` is the article's own; None when it only reports others (``reports``), and
    then the position takes part in no relation, verdict or count.
    """

    source: Source
    assertion: Assertion
    anchors: tuple[QuoteAnchor, ...]
    reports: tuple[ReportedVoice, ...] = ()

    @property
    def stance(self) -> Stance | None:
        return self.assertion.stance

    @property
    def outlet(self) -> str:
        return self.source.outlet

    @property
    def answers(self) -> bool:
        """Whether the article's own voice gives the claim as an answer (affirms or suggests
        it): what takes part in a rival relation. A position with no stance of its own never
        does."""
        stance = self.stance
        return stance is not None and stance.score > 0


@dataclass(frozen=True, slots=True)
class RivalPair:
    """Two sources giving rival answers: ``first`` affirms or suggests one claim of a rival
    group, ``second`` another, and neither affirms or suggests the other's claim."""

    first: Position
    second: Position
    #: The group's index among its topic's ``rivals``.
    group: int

    @property
    def a(self) -> str:
        return self.first.source.id

    @property
    def b(self) -> str:
        return self.second.source.id

    @property
    def claims(self) -> tuple[str, str]:
        """The claim ``a`` gives, then the claim ``b`` gives."""
        return self.first.assertion.claim, self.second.assertion.claim

    @property
    def same_outlet(self) -> bool:
        return self.first.outlet == self.second.outlet

    def involves(self, claim_id: str) -> bool:
        return claim_id in self.claims


@dataclass(frozen=True, slots=True)
class PairRelation:
    """How source ``a`` and source ``b`` relate on one claim."""

    a: str
    b: str
    relation: Relation
    same_outlet: bool = False


_Pair = TypeVar("_Pair")


class LazyPairs(Sequence[_Pair]):
    """Pairs of one kind (relations, rival answers): counted at once, built on first use.

    A claim with 800 positions has 320,000 pairs; views that only ask whether there is a
    contradiction, or how many, must not pay for building them.
    """

    __slots__ = ("_build", "_count", "_items")

    def __init__(self, count: int, build: Callable[[], tuple[_Pair, ...]]) -> None:
        self._count = count
        self._build: Callable[[], tuple[_Pair, ...]] | None = build
        self._items: tuple[_Pair, ...] = ()

    def _all(self) -> tuple[_Pair, ...]:
        if self._build is not None:
            self._items, self._build = self._build(), None
        return self._items

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    @overload
    def __getitem__(self, index: int) -> _Pair: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[_Pair, ...]: ...

    def __getitem__(self, index: int | slice) -> _Pair | tuple[_Pair, ...]:
        return self._all()[index]

    def __iter__(self) -> Iterator[_Pair]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPairs):
            other = other._all()
        return self._all() == other

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


#: No rival pairs: what a claim or topic without rival groups holds.
NO_RIVALS: LazyPairs[RivalPair] = LazyPairs(0, tuple)


@dataclass(frozen=True, repr=False)
class ClaimComparison:
    """All positions on one claim, how they relate pairwise, and the verdict.

    Pairs are quadratic in the sources, so they are built only when a view iterates them;
    lookups, counts and the verdict never need them.
    """

    claim: Claim
    positions: tuple[Position, ...]
    verdict: Verdict
    #: Every source of the corpus, in order: the other side of the one-sided pairs.
    sources: tuple[Source, ...] = ()
    #: The topic's rival pairs in which one side gives this claim (each makes it contested).
    rivals: LazyPairs[RivalPair] = field(default_factory=lambda: NO_RIVALS)
    #: The sources giving this claim as an answer against a rival's (no pair needs building).
    rival_sources: frozenset[str] = frozenset()

    @cached_property
    def _by_source(self) -> dict[str, Position]:
        return {p.source.id: p for p in self.positions}

    def position(self, source_id: str) -> Position | None:
        return self._by_source.get(source_id)

    @cached_property
    def own(self) -> tuple[tuple[Position, Stance], ...]:
        """The positions with an own stance, each with it: all that relations, verdicts and
        counts read (a position with reports only takes part in none of them)."""
        return tuple((p, p.stance) for p in self.positions if p.stance is not None)

    @cached_property
    def pairs(self) -> tuple[PairRelation, ...]:
        """How every two own-voice positions relate, in position order (no one-sided pairs)."""
        return tuple(
            PairRelation(p.source.id, q.source.id, relation_between(s, t), p.outlet == q.outlet)
            for (p, s), (q, t) in combinations(self.own, 2)
        )

    @cached_property
    def relations(self) -> tuple[PairRelation, ...]:
        """Every pair: the own-voice positions pairwise, then each of them against each source
        that takes no own position (one-sided)."""
        addressed = {p.source.id for p, _ in self.own}
        return self.pairs + tuple(
            PairRelation(p.source.id, other.id, Relation.ONE_SIDED, p.outlet == other.outlet)
            for p, _ in self.own
            for other in self.sources
            if other.id not in addressed
        )

    @cached_property
    def _signs(self) -> tuple[int, int, int]:
        """How many own-voice positions lean for, are neutral on, and lean against the claim."""
        scores = [s.score for _, s in self.own]
        positive = sum(1 for s in scores if s > 0)
        negative = sum(1 for s in scores if s < 0)
        return positive, len(scores) - positive - negative, negative

    def by_outlet(self, outlets: Iterable[str]) -> dict[str, tuple[Position, ...]]:
        """Positions grouped by outlet, in the given outlet order (empty where none)."""
        return {o: tuple(p for p in self.positions if p.outlet == o) for o in outlets}

    @cached_property
    def contradictions(self) -> LazyPairs[PairRelation]:
        """Pairs with opposite signs: as many as positive times negative positions."""
        positive, _, negative = self._signs
        return LazyPairs(
            positive * negative,
            lambda: tuple(r for r in self.pairs if r.relation is Relation.CONTRADICT),
        )

    @cached_property
    def divergences(self) -> LazyPairs[PairRelation]:
        """Pairs where one source takes no side and the other does: why a claim is mixed."""
        positive, neutral, negative = self._signs
        return LazyPairs(
            neutral * (positive + negative),
            lambda: tuple(r for r in self.pairs if r.relation is Relation.DIVERGE),
        )

    def relations_of(self, source_id: str, relation: Relation) -> tuple[str, ...]:
        """The sources that stand in ``relation`` to ``source_id`` (to mark a view's cell)."""
        return self._partners(relation).get(source_id, ())

    def _partners(self, relation: Relation) -> dict[str, tuple[str, ...]]:
        """Each source's partners in ``relation``, in pair order, indexed once per relation."""
        cache: dict[Relation, dict[str, tuple[str, ...]]] = self.__dict__.setdefault(
            "_partner_index", {}
        )
        if relation not in cache:
            found: dict[str, list[str]] = {}
            pairs = self.relations if relation is Relation.ONE_SIDED else self.pairs
            for r in pairs:
                if r.relation is relation:
                    found.setdefault(r.a, []).append(r.b)
                    if r.b != r.a:
                        found.setdefault(r.b, []).append(r.a)
            cache[relation] = {k: tuple(v) for k, v in found.items()}
        return cache[relation]


class Coverage(str, Enum):
    """Whether a source addresses a topic, and if not, why: read and silent, or not yet read."""

    COVERED = "covered"
    SILENT = "silent"
    UNREVIEWED = "unreviewed"
    #: Not a source of the corpus at all.
    UNKNOWN = "unknown"


@dataclass(frozen=True, repr=False)
class TopicComparison:
    """A topic's claims compared, with who is silent and who has not been reviewed."""

    topic: Topic
    claims: tuple[ClaimComparison, ...]
    silent: tuple[str, ...]
    unreviewed: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: tuple[Source, ...]
    #: Every rival pair of the topic, group by group (built when a view iterates them).
    rivals: LazyPairs[RivalPair] = field(default_factory=lambda: NO_RIVALS)
    #: Who gives which answers, group by group: what the rival pairs are counted from.
    answers: tuple[GroupAnswers, ...] = ()

    def sources_of(self, outlet: str) -> tuple[Source, ...]:
        """The outlet's articles, in corpus order: one outlet may hold several."""
        return self._by_outlet.get(outlet, ())

    @cached_property
    def _by_outlet(self) -> dict[str, tuple[Source, ...]]:
        # The report's summary asks for every outlet on every claim: one pass over the
        # sources, not one per outlet per claim.
        grouped: dict[str, list[Source]] = {}
        for source in self.sources:
            grouped.setdefault(source.outlet, []).append(source)
        return {outlet: tuple(sources) for outlet, sources in grouped.items()}

    @cached_property
    def covering(self) -> tuple[str, ...]:
        """Source ids with at least one position on the topic, in corpus order."""
        covered = {p.source.id for c in self.claims for p in c.positions}
        covered |= {a.source for a in self.topic.assertions}
        return tuple(s.id for s in self.sources if s.id in covered)

    @cached_property
    def _coverage_sets(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        # Views ask for every source on every claim: sets, not scans of long tuples.
        return frozenset(self.silent), frozenset(self.unreviewed), frozenset(self.covering)

    def coverage(self, source_id: str) -> Coverage:
        """Why a source does or does not appear on the topic."""
        silent, unreviewed, covering = self._coverage_sets
        if source_id in silent:
            return Coverage.SILENT
        if source_id in unreviewed:
            return Coverage.UNREVIEWED
        return Coverage.COVERED if source_id in covering else Coverage.UNKNOWN

    def stances_of(self, source_id: str) -> tuple[Stance | None, ...]:
        """The source's stance on each claim of the topic, in claim order (None: no position)."""
        out = []
        for claim in self.claims:
            position = claim.position(source_id)
            out.append(position.stance if position else None)
        return tuple(out)


def compare_claim(
    claim: Claim,
    assertions: Iterable[Assertion],
    corpus: Corpus,
    anchors: Mapping[QuoteKey, QuoteAnchor],
    voices: Mapping[str, Voice] | None = None,
) -> ClaimComparison:
    """Positions on one claim in corpus source order, their relations, and the verdict.

    ``voices`` is the registry by id, when the caller compares many claims and has it made."""
    order = {s.id: i for i, s in enumerate(corpus.sources)}
    by_id = {s.id: s for s in reversed(corpus.sources)}  # the first of a duplicate id wins
    if voices is None:
        voices = voices_by_id(corpus)
    positions = []
    seen: set[str] = set()
    for a in sorted(assertions, key=lambda a: order.get(a.source, len(order))):
        source = by_id.get(a.source)
        if source is None or a.claim != claim.id or a.source in seen:
            continue  # unknown sources and second positions are check's findings, not views'
        seen.add(a.source)
        quote_anchors = tuple(
            anchors.get(QuoteKey(a.id, i), QuoteAnchor(q, a.source, AnchorStatus.NO_TEXT))
            for i, q in enumerate(a.quotes)
        )
        reports = tuple(
            ReportedVoice(
                report,
                voices.get(report.voice),
                tuple(
                    anchors.get(
                        QuoteKey(a.id, i, r), QuoteAnchor(q, a.source, AnchorStatus.NO_TEXT)
                    )
                    for i, q in enumerate(report.quotes)
                ),
            )
            for r, report in enumerate(a.reports)
        )
        positions.append(Position(source, a, quote_anchors, reports))
    return ClaimComparison(
        claim,
        tuple(positions),
        verdict_of(p.stance for p in positions if p.stance is not None),
        corpus.sources,
    )


def voices_by_id(corpus: Corpus) -> dict[str, Voice]:
    """The registry by id; the first of a duplicate id wins, as for sources."""
    return {v.id: v for v in reversed(corpus.voices)}


def compare_topic(
    corpus: Corpus, topic: Topic, anchors: Mapping[QuoteKey, QuoteAnchor]
) -> TopicComparison:
    """Every claim of the topic compared, and which sources are silent or still unreviewed."""
    voices = voices_by_id(corpus)
    claims = tuple(
        compare_claim(c, (a for a in topic.assertions if a.claim == c.id), corpus, anchors, voices)
        for c in topic.claims
    )
    answers = group_answers(topic.rivals, claims)
    rivals: LazyPairs[RivalPair] = NO_RIVALS
    if any(g.count for g in answers):
        rivals = LazyPairs(sum(g.count for g in answers), lambda: rival_pairs(answers))
        claims = tuple(_with_rivals(c, answers, rivals) for c in claims)
    covered = {a.source for a in topic.assertions}
    known = {s.id for s in corpus.sources}
    # A source both silent and covered is check's silent-conflict; its positions win here.
    silent = tuple(s for s in topic.silent if s in known and s not in covered)
    listed = set(topic.silent)
    unreviewed = tuple(s.id for s in corpus.sources if s.id not in covered and s.id not in listed)
    return TopicComparison(
        topic, claims, silent, unreviewed, corpus.outlets, corpus.sources, rivals, answers
    )


@dataclass(frozen=True, repr=False)
class GroupAnswers:
    """Who gives which answers of one rival group, and the rival pairs that follow, counted.

    Two sources are rivals on a pair of claims when each gives its own and not the other's,
    so what matters of a source is the set of the group's claims it gives. A group has a few
    claims, so a few such sets, however many sources: counts, the sources on each side and the
    outlet tally come from the sets, in time linear in the sources, never from the pairs.
    """

    #: The group's index among its topic's ``rivals``.
    index: int
    #: Source id -> each claim of the group it affirms or suggests, with its position; sources
    #: in the order of their first answer (claims in group order, positions in corpus order).
    given: Mapping[str, Mapping[str, Position]]

    @cached_property
    def _sets(self) -> dict[frozenset[str], list[str]]:
        """Each set of answers given, with the sources giving exactly that set, in order."""
        sets: dict[frozenset[str], list[str]] = {}
        for source, claims in self.given.items():
            sets.setdefault(frozenset(claims), []).append(source)
        return sets

    @cached_property
    def count(self) -> int:
        """How many rival pairs: for two sources, one per claim each gives and the other not."""
        sets = list(self._sets.items())
        return sum(
            len(xs) * len(ys) * len(x - y) * len(y - x)
            for i, (x, xs) in enumerate(sets)
            for y, ys in sets[i + 1 :]
        )

    def count_for(self, claim: str) -> int:
        """How many rival pairs have ``claim`` on one side."""
        sets = self._sets.items()
        return sum(
            len(xs) * len(ys) * len(y - x)
            for x, xs in sets
            if claim in x
            for y, ys in sets
            if claim not in y
        )

    def sources_for(self, claim: str) -> frozenset[str]:
        """The sources giving ``claim`` against a rival: some source gives another answer of
        the group that they do not, and not this one."""
        sets = self._sets
        return frozenset(
            source
            for x, xs in sets.items()
            if claim in x and any(claim not in y and y - x for y in sets)
            for source in xs
        )

    def outlet_counts(self, outlet_of: Mapping[str, str]) -> dict[tuple[str, str], int]:
        """Rival pairs per pair of outlets (both orders summed under the first met)."""
        per: dict[tuple[str, frozenset[str]], int] = {}
        for source, claims in self.given.items():
            key = (outlet_of[source], frozenset(claims))
            per[key] = per.get(key, 0) + 1
        keys = list(per.items())
        out: dict[tuple[str, str], int] = {}
        for i, ((a, x), n) in enumerate(keys):
            for (b, y), m in keys[i + 1 :]:
                pairs = n * m * len(x - y) * len(y - x)
                if pairs:
                    outlets = (a, b) if (b, a) not in out else (b, a)
                    out[outlets] = out.get(outlets, 0) + pairs
        return out


def group_answers(
    groups: Iterable[RivalGroup], claims: Sequence[ClaimComparison]
) -> tuple[GroupAnswers, ...]:
    """Who gives which answers of each rival group. Claim ids the topic does not define are
    check's findings and are skipped here."""
    by_id = {c.claim.id: c for c in claims}
    out = []
    for index, group in enumerate(groups):
        given: dict[str, dict[str, Position]] = {}
        for claim_id in dict.fromkeys(group.claims):
            claim = by_id.get(claim_id)
            for position in claim.positions if claim else ():
                if position.answers:
                    given.setdefault(position.source.id, {})[claim_id] = position
        out.append(GroupAnswers(index, given))
    return tuple(out)


def rival_pairs(answers: Iterable[GroupAnswers]) -> tuple[RivalPair, ...]:
    """Every pair of sources giving rival answers, group by group: sources in the order of
    their first answer, each pair once for each claim of one that the other does not also give
    against each claim of the other that the one does not give (an article that gives both
    answers of a pair is no one's rival on it)."""
    out: list[RivalPair] = []
    for group in answers:
        for a, b in combinations(group.given, 2):
            mine, theirs = group.given[a], group.given[b]
            for claim_a, first in mine.items():
                if claim_a in theirs:
                    continue
                for claim_b, second in theirs.items():
                    if claim_b not in mine:
                        out.append(RivalPair(first, second, group.index))
    return tuple(out)


def _with_rivals(
    claim: ClaimComparison, answers: Sequence[GroupAnswers], rivals: LazyPairs[RivalPair]
) -> ClaimComparison:
    """The claim with the rival pairs that involve it; any of them makes it contested."""
    cid = claim.claim.id
    count = sum(g.count_for(cid) for g in answers)
    if not count:
        return claim
    return replace(
        claim,
        rivals=LazyPairs(count, lambda: tuple(r for r in rivals if r.involves(cid))),
        rival_sources=frozenset().union(*(g.sources_for(cid) for g in answers)),
        verdict=Verdict.CONTESTED,
    )


def compare_all(
    corpus: Corpus,
    anchors: Mapping[QuoteKey, QuoteAnchor],
    topic_ids: Iterable[str] | None = None,
) -> tuple[TopicComparison, ...]:
    """The topics asked for (all by default), in that order; unknown ids are skipped, since
    the CLI has already turned them into a usage error."""
    wanted = list(topic_ids) if topic_ids is not None else [t.id for t in corpus.topics]
    out = []
    for tid in wanted:
        topic = corpus.topic(tid)
        if topic is not None:
            out.append(compare_topic(corpus, topic, anchors))
    return tuple(out)


@dataclass(frozen=True, repr=False)
class PairTally:
    """How often two groups (outlets or sources) agree and contradict across claims."""

    a: str
    b: str
    agree: int = 0
    agree_different_certainty: int = 0
    contradict: int = 0
    diverge: int = 0
    #: Of ``contradict``, the pairs of articles giving rival answers (each on its own claim).
    rival: int = 0

    @property
    def agreeing(self) -> int:
        """Pairs on the same side of the claim, at any certainty."""
        return self.agree + self.agree_different_certainty

    @property
    def shared(self) -> int:
        return self.agree + self.agree_different_certainty + self.contradict + self.diverge


def tally_pairs(comparisons: Iterable[TopicComparison]) -> dict[tuple[str, str], PairTally]:
    """Relation counts for every pair of outlets, across every claim.

    Each pair of articles from two outlets counts once, and two articles of one outlet count on
    the diagonal, so disagreement inside an outlet shows too.
    """
    counts: dict[tuple[str, str], dict[str, int]] = {}

    def add(a: str, b: str, relation: Relation, n: int) -> None:
        key = (a, b) if (a, b) in counts or (b, a) not in counts else (b, a)
        bucket = counts.setdefault(key, {})
        name = relation.value.replace("-", "_")
        bucket[name] = bucket.get(name, 0) + n

    for comparison in comparisons:
        outlet_of = {s.id: s.outlet for s in comparison.sources}
        for claim in comparison.claims:
            _tally_outlets(claim, outlet_of, add)
        # DESIGN: a rival relation counts as a contradiction in the outlet-pair table.
        for group in comparison.answers:
            for (a, b), n in group.outlet_counts(outlet_of).items():
                add(a, b, Relation.CONTRADICT, n)
                add(a, b, Relation.RIVAL, n)
    return {key: PairTally(key[0], key[1], **values) for key, values in counts.items()}


def _tally_outlets(
    claim: ClaimComparison,
    outlet_of: Mapping[str, str],
    add: Callable[[str, str, Relation, int], None],
) -> None:
    """Count a claim's pairs of positions by outlet pair, from stance counts per outlet.

    The same counts as walking every pair (quadratic in the positions), in time linear in
    them. Outlet pairs are added in the order, and with the orientation, in which that walk
    would first meet them: the first pair of outlets A and B is the first article of the
    earlier one with the first article of the later one.
    """
    stances: dict[str, dict[Stance, int]] = {}
    first: dict[str, int] = {}
    second: dict[str, int] = {}
    for index, (position, stance) in enumerate(claim.own):
        outlet = outlet_of[position.source.id]
        per = stances.setdefault(outlet, {})
        per[stance] = per.get(stance, 0) + 1
        if outlet not in first:
            first[outlet] = index
        elif outlet not in second:
            second[outlet] = index
    met: list[tuple[tuple[int, int], str, str]] = []
    outlets = list(first)  # in order of their first position
    for i, a in enumerate(outlets):
        if a in second:
            met.append(((first[a], second[a]), a, a))
        met.extend(((first[a], first[b]), a, b) for b in outlets[i + 1 :])
    for _, a, b in sorted(met):
        mine, theirs = stances[a], stances[b]
        if a == b:
            kinds = list(mine.items())
            for k, (s, n) in enumerate(kinds):
                if n > 1:
                    add(a, b, Relation.AGREE, n * (n - 1) // 2)
                for t, m in kinds[k + 1 :]:
                    add(a, b, relation_between(s, t), n * m)
        else:
            for s, n in mine.items():
                for t, m in theirs.items():
                    add(a, b, relation_between(s, t), n * m)


def tally(comparisons: Iterable[TopicComparison], a: str, b: str) -> PairTally:
    """The tally for one pair of outlets, whichever order it was counted in."""
    pairs = tally_pairs(comparisons)
    found = pairs.get((a, b))
    if found is not None:
        return found
    other = pairs.get((b, a))
    if other is None:
        return PairTally(a, b)
    return PairTally(
        a,
        b,
        other.agree,
        other.agree_different_certainty,
        other.contradict,
        other.diverge,
        other.rival,
    )


def outlet_pairs(comparisons: Iterable[TopicComparison]) -> list[PairTally]:
    """Every pair of outlets once, in corpus order, plus each outlet with several articles
    paired with itself (how its own articles relate): the rows of the matrix's pair table."""
    chosen = list(comparisons)
    if not chosen:
        return []
    sources = chosen[0].sources
    outlets = chosen[0].outlets
    counted = tally_pairs(chosen)
    rows = []
    for i, a in enumerate(outlets):
        for b in outlets[i:]:
            if a == b and sum(1 for s in sources if s.outlet == a) < 2:
                continue
            found = counted.get((a, b)) or counted.get((b, a))
            if found is None:
                rows.append(PairTally(a, b))
            else:
                rows.append(
                    PairTally(
                        a,
                        b,
                        found.agree,
                        found.agree_different_certainty,
                        found.contradict,
                        found.diverge,
                        found.rival,
                    )
                )
    return rows
