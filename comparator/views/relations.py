"""Who contradicts whom on a claim, by outlet: the sides of each relation and how many pairs
of articles it makes, in words a reader takes in at any size of corpus.

A claim with a hundred articles on each side has ten thousand pairs; listing them (one line
each) is what a view did before, and no reader can use that. A relation is shown instead as
its two sides, each side as its outlets in column order (an outlet with one article there by
that article's label, one with several by a count and its stances), and the number of pairs
it makes. The pairs themselves are for ``--pairs`` and for the JSON, which always lists every
one. Everything here is linear in the positions: the sides are read from the signs of the
stances and from the sets of rival answers, never from the pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from comparator.compare import ClaimComparison, TopicComparison
from comparator.models import Relation, Source, Stance


@dataclass(frozen=True, slots=True, repr=False)
class Said:
    """What some articles of one outlet say on one side: a stance on a claim, and how many."""

    #: The claim they take the stance on: the claim itself, or for rival answers the answer
    #: each gives.
    claim: str
    stance: Stance
    count: int


@dataclass(frozen=True, slots=True, repr=False)
class OutletSide:
    """An outlet's articles on one side of a relation, in corpus order, and what they say."""

    outlet: str
    sources: tuple[Source, ...]
    #: The article's label when there is one (``CEPA/cepa-dubow``), else the outlet.
    label: str
    said: tuple[Said, ...]
    #: Whether the words name the claim (rival answers: each side gives its own claim).
    answers: bool

    @property
    def words(self) -> str:
        """``WINEP (suggests)``, ``3 CEPA articles (2 affirms, 1 suggests)``; for rival
        answers ``Carnegie: status (affirms)``, ``3 CEPA articles (status: 3 affirms)``."""
        if len(self.sources) == 1:
            stances = ", ".join(s.stance.value for s in self.said)
            if self.answers:
                shown = ", ".join(f"{s.claim} ({s.stance.value})" for s in self.said)
                return f"{self.label}: {shown}"
            return f"{self.label} ({stances})"
        per_claim: dict[str, list[str]] = {}
        for s in self.said:
            per_claim.setdefault(s.claim, []).append(f"{s.count} {s.stance.value}")
        if self.answers:
            inner = "; ".join(f"{c}: {', '.join(words)}" for c, words in per_claim.items())
        else:
            inner = "; ".join(", ".join(words) for words in per_claim.values())
        return f"{len(self.sources)} {self.outlet} articles ({inner})"


@dataclass(frozen=True, slots=True, repr=False)
class RelationSummary:
    """One relation on one claim (contradict, rival answers, diverge) by outlet: its two
    sides in column order, the side holding the earlier column first, and how many pairs of
    articles it makes."""

    relation: Relation
    first: tuple[OutletSide, ...]
    second: tuple[OutletSide, ...]
    pairs: int
    #: Outlets with articles on both sides: divided inside themselves.
    divided: tuple[str, ...]

    @property
    def sides(self) -> tuple[tuple[OutletSide, ...], tuple[OutletSide, ...]]:
        return self.first, self.second

    @property
    def count_words(self) -> str:
        """``1 pair``, ``12 pairs``: how many pairs of articles the relation makes."""
        return f"{self.pairs} pair{'s' * (self.pairs != 1)}"

    @property
    def sentence(self) -> str:
        """``Carnegie (denies) vs WINEP (suggests), 2 CEPA articles (2 affirms)``, then
        ``; divided inside CEPA`` when an outlet stands on both sides: plain words of
        untrusted labels."""
        text = " vs ".join(", ".join(side.words for side in sides) for sides in self.sides)
        if self.divided:
            text += f"; divided inside {', '.join(self.divided)}"
        return text


class ColumnOrder:
    """Where each article stands in the columns of a topic (outlets in corpus order, an
    outlet's articles in corpus order): made once per topic, read for every claim."""

    def __init__(self, comparison: TopicComparison) -> None:
        outlet_rank = {o: i for i, o in enumerate(comparison.outlets)}
        last = len(outlet_rank)
        self.rank = {
            s.id: (outlet_rank.get(s.outlet, last), i) for i, s in enumerate(comparison.sources)
        }
        self.end = (last + 1, len(self.rank))

    def of(self, source: Source) -> tuple[int, int]:
        return self.rank.get(source.id, self.end)


#: One article on one side: the article, and a claim and stance it takes there.
_Member = tuple[Source, str, Stance]


#: Stances as every view lists them: from affirms to denies.
_STANCE_RANK = {stance: i for i, stance in enumerate(Stance)}


def _group(
    members: Iterable[_Member], order: ColumnOrder, names: Mapping[str, str], answers: bool
) -> tuple[OutletSide, ...]:
    return outlet_sides(members, order.of, names, answers)


def outlet_sides(
    members: Iterable[_Member],
    rank: Callable[[Source], tuple[int, int]],
    names: Mapping[str, str],
    answers: bool = False,
) -> tuple[OutletSide, ...]:
    """Members grouped by outlet, outlets and articles in ``rank`` order (column order);
    what each outlet's articles say counted by claim (in order of first appearance) and stance
    (affirms first). ``answers``: the words name the claim (rival answers)."""
    ranked = sorted(members, key=lambda m: rank(m[0]))
    outlets: dict[str, tuple[dict[str, Source], dict[tuple[str, Stance], int]]] = {}
    for source, claim, stance in ranked:
        sources, said = outlets.setdefault(source.outlet, ({}, {}))
        sources[source.id] = source
        said[(claim, stance)] = said.get((claim, stance), 0) + 1
    out = []
    for outlet, (sources, said) in outlets.items():
        label = names.get(next(iter(sources)), outlet) if len(sources) == 1 else outlet
        claims = {c: i for i, c in enumerate(dict.fromkeys(c for c, _ in said))}
        kinds = sorted(said.items(), key=lambda k: (claims[k[0][0]], _STANCE_RANK[k[0][1]]))
        out.append(
            OutletSide(
                outlet,
                tuple(sources.values()),
                label,
                tuple(Said(c, s, n) for (c, s), n in kinds),
                answers,
            )
        )
    return tuple(out)


def _summary(
    relation: Relation,
    one: list[_Member],
    other: list[_Member],
    pairs: int,
    order: ColumnOrder,
    names: Mapping[str, str],
) -> RelationSummary:
    answers = relation is Relation.RIVAL
    first, second = _group(one, order, names, answers), _group(other, order, names, answers)
    if order.of(second[0].sources[0]) < order.of(first[0].sources[0]):
        first, second = second, first
    theirs = {side.outlet for side in second}
    divided = tuple(side.outlet for side in first if side.outlet in theirs)
    return RelationSummary(relation, first, second, pairs, divided)


def relation_summaries(
    comparison: TopicComparison,
    claim: ClaimComparison,
    names: Mapping[str, str],
    order: ColumnOrder | None = None,
) -> tuple[RelationSummary, ...]:
    """The claim's contradiction, rival answers and divergence (those it has), by outlet: the
    same relations, in the same order, as the pairs of ``common.relation_lines``."""
    order = order or ColumnOrder(comparison)
    cid = claim.claim.id
    positive = [(p.source, cid, s) for p, s in claim.own if s.score > 0]
    negative = [(p.source, cid, s) for p, s in claim.own if s.score < 0]
    neutral = [(p.source, cid, s) for p, s in claim.own if s.score == 0]
    out = []
    if claim.contradictions:
        out.append(
            _summary(
                Relation.CONTRADICT, positive, negative, len(claim.contradictions), order, names
            )
        )
    if claim.rivals:
        givers, rivals = rival_sides(comparison, cid)
        out.append(_summary(Relation.RIVAL, givers, rivals, len(claim.rivals), order, names))
    if claim.divergences:
        out.append(
            _summary(
                Relation.DIVERGE,
                positive + negative,
                neutral,
                len(claim.divergences),
                order,
                names,
            )
        )
    return tuple(out)


def rival_sides(comparison: TopicComparison, claim: str) -> tuple[list[_Member], list[_Member]]:
    """Who gives ``claim`` against a rival answer, and who gives the rival answers (each with
    the answers it gives), over every rival group holding the claim.

    Two articles are rivals on the claim when one gives it and the other does not, and the
    other gives an answer the one does not: what matters of an article is the set of answers
    it gives, and a group has few such sets, so this is linear in the articles.
    """
    givers: dict[str, _Member] = {}
    rivals: dict[tuple[str, str], _Member] = {}
    for group in comparison.answers:
        sets: dict[frozenset[str], list[str]] = {}
        for source, given in group.given.items():
            sets.setdefault(frozenset(given), []).append(source)
        with_claim = [x for x in sets if claim in x]
        for answered, sources in sets.items():
            if claim in answered:
                if any(claim not in y and y - answered for y in sets):
                    for sid in sources:
                        position = group.given[sid][claim]
                        assert position.stance is not None  # an answer is an own stance
                        givers[sid] = (position.source, claim, position.stance)
            elif any(answered - x for x in with_claim):
                for sid in sources:
                    for other, position in group.given[sid].items():
                        assert position.stance is not None
                        rivals[(sid, other)] = (position.source, other, position.stance)
    return list(givers.values()), list(rivals.values())


def outlet_labels(
    sources: Iterable[Source], order: ColumnOrder, names: Mapping[str, str]
) -> tuple[str, ...]:
    """Articles named by outlet, in column order: an outlet with one of them by that
    article's label, one with several as ``3 CEPA articles``."""
    per: dict[str, list[Source]] = {}
    for source in sorted(sources, key=order.of):
        per.setdefault(source.outlet, []).append(source)
    return tuple(
        names.get(group[0].id, outlet) if len(group) == 1 else f"{len(group)} {outlet} articles"
        for outlet, group in per.items()
    )
