"""A topic as a question: for each rival group, which answer each article gives, side by side.

A topic's ``rivals`` are claims that answer its question in ways that exclude each other; the
claim-by-claim view shows each answer on its own claim, where two articles giving different
answers never meet. This model puts them next to each other, the same way for every format
(``compare TOPIC``, the report, and its JSON).

Who gives which answer, and who stands on a side against a rival, is linear in the articles;
the pairs of rivals can be quadratic, so they are made only when a view lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from comparator.compare import GroupAnswers, Position, TopicComparison
from comparator.models import Claim, Source, Stance
from comparator.views.common import RelationLine, by_outlet_order, rival_lines
from comparator.views.relations import ColumnOrder, outlet_labels


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class GivenAnswer:
    """One claim of the group that an article gives as its answer, and how firmly."""

    claim: str
    stance: Stance

    @property
    def words(self) -> str:
        """``status``, or ``status (suggests)`` when hedged."""
        if self.stance is Stance.AFFIRMS:
            return self.claim
        return f"{self.claim} ({self.stance.value})"


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Answer:
    """An article's answers to the group's question: every claim of it that the article's own
    voice affirms or suggests (several when it holds them compatible)."""

    source: Source
    label: str
    given: tuple[GivenAnswer, ...]

    @property
    def words(self) -> str:
        return ", ".join(g.words for g in self.given)


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class RivalSide:
    """A claim of the group and the articles giving it against a rival's answer, named by
    outlet (``Carnegie``, ``CEPA/cepa-dubow``, ``3 CEPA articles``), in column order."""

    claim: Claim
    labels: tuple[str, ...]
    #: The articles themselves, in column order.
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, repr=False, eq=False)
class AnswerGroup:
    """A rival group of a topic: its claims, each article's answers, and its rivals."""

    claims: tuple[Claim, ...]
    #: The articles that give at least one answer of the group, in column order.
    answers: tuple[Answer, ...]
    #: The articles that take positions on the topic but give none of the answers, in column
    #: order, and how a sentence names them by outlet (``Cradle``, ``3 CEPA articles``).
    unanswered: tuple[Source, ...]
    unanswered_labels: tuple[str, ...]
    #: How many pairs of articles give rival answers.
    rival_count: int
    #: Per claim with rivals, in group order: who gives it against a rival (in column order).
    sides: tuple[RivalSide, ...]
    #: What ``rivals`` is made from, when a view asks.
    comparison: TopicComparison
    group: GroupAnswers
    names: Mapping[str, str]

    @property
    def sentence(self) -> str:
        """``Carnegie: status; WINEP: spoiler``: each article's answers, plain words; the
        articles of one outlet giving the same answers said once, ``3 CEPA articles: status``."""
        said: dict[tuple[str, str], list[Answer]] = {}
        for answer in self.answers:
            said.setdefault((answer.source.outlet, answer.words), []).append(answer)
        return (
            "; ".join(
                f"{same[0].label if len(same) == 1 else f'{len(same)} {outlet} articles'}: {words}"
                for (outlet, words), same in said.items()
            )
            or "no source answers"
        )

    @property
    def pair_words(self) -> str:
        """``2 pairs``: how many pairs of articles give rival answers."""
        return f"{self.rival_count} pair{'s' * (self.rival_count != 1)}"

    @property
    def sides_sentence(self) -> str:
        """``Carnegie, CEPA/cepa-lautman: global-south vs CEPA/cepa-dubow: sow-chaos``: who
        gives each answer against a rival's, by outlet, plain words."""
        return " vs ".join(f"{', '.join(side.labels)}: {side.claim.id}" for side in self.sides)

    @cached_property
    def rivals(self) -> tuple[RelationLine, ...]:
        """One line per pair of articles giving rival answers, in column order."""
        pairs = [r for r in self.comparison.rivals if r.group == self.group.index]
        return tuple(rival_lines(self.comparison, pairs, self.names))


def answer_groups(comparison: TopicComparison, names: Mapping[str, str]) -> tuple[AnswerGroup, ...]:
    """Every rival group of the topic, as the answers view shows it."""
    topic = comparison.topic
    by_id = {c.claim.id: c.claim for c in comparison.claims}
    order = by_outlet_order(comparison, [s.id for s in comparison.sources])
    sources = {s.id: s for s in comparison.sources}
    covering = set(comparison.covering)
    column = ColumnOrder(comparison)
    groups = []
    for group, answers in zip(topic.rivals, comparison.answers, strict=True):
        claims = tuple(by_id[c] for c in dict.fromkeys(group.claims) if c in by_id)
        given = answers.given
        none = [sid for sid in order if sid in covering and sid not in given]
        sides = []
        for claim in claims:
            on_side = answers.sources_for(claim.id)
            if on_side:
                chosen = tuple(sources[i] for i in order if i in on_side)
                sides.append(RivalSide(claim, outlet_labels(chosen, column, names), chosen))
        groups.append(
            AnswerGroup(
                claims,
                tuple(
                    Answer(sources[sid], names.get(sid, sid), _given(given[sid]))
                    for sid in order
                    if sid in given
                ),
                tuple(sources[sid] for sid in none),
                outlet_labels((sources[sid] for sid in none), column, names),
                answers.count,
                tuple(sides),
                comparison,
                answers,
                names,
            )
        )
    return tuple(groups)


def _given(claims: Mapping[str, Position]) -> tuple[GivenAnswer, ...]:
    """The answers of one article (each position affirms or suggests: no other is kept)."""
    return tuple(GivenAnswer(c, p.stance) for c, p in claims.items() if p.stance is not None)
