"""A topic as a question: for each rival group, which answer each article gives, side by side.

A topic's ``rivals`` are claims that answer its question in ways that exclude each other; the
claim-by-claim view shows each answer on its own claim, where two articles giving different
answers never meet. This model puts them next to each other, the same way for every format
(``compare TOPIC``, the report, and its JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from comparator.compare import RivalPair, TopicComparison
from comparator.models import Claim, Source, Stance
from comparator.views.common import RelationLine, by_outlet_order, rival_lines


@dataclass(frozen=True, slots=True)
class GivenAnswer:
    """One claim of the group that an article gives as its answer, and how firmly."""

    claim: str
    stance: Stance

    @property
    def words(self) -> str:
        """``status``, or ``status (suggests)`` when hedged."""
        return (
            self.claim if self.stance is Stance.AFFIRMS else f"{self.claim} ({self.stance.value})"
        )


@dataclass(frozen=True, slots=True)
class Answer:
    """An article's answers to the group's question: every claim of it that the article's own
    voice affirms or suggests (several when it holds them compatible)."""

    source: Source
    label: str
    given: tuple[GivenAnswer, ...]

    @property
    def words(self) -> str:
        return ", ".join(g.words for g in self.given)


@dataclass(frozen=True)
class AnswerGroup:
    """A rival group of a topic: its claims, each article's answers, and the rival pairs."""

    claims: tuple[Claim, ...]
    #: The articles that give at least one answer of the group, in column order.
    answers: tuple[Answer, ...]
    #: The articles that take positions on the topic but give none of the answers, in column
    #: order, and their labels.
    unanswered: tuple[Source, ...]
    unanswered_labels: tuple[str, ...]
    #: One line per pair of articles giving rival answers, in column order.
    rivals: tuple[RelationLine, ...]

    @property
    def sentence(self) -> str:
        """``Carnegie: status; WINEP: spoiler``: each article's answers, plain words."""
        return "; ".join(f"{a.label}: {a.words}" for a in self.answers) or "no source answers"


def answer_groups(comparison: TopicComparison, names: Mapping[str, str]) -> tuple[AnswerGroup, ...]:
    """Every rival group of the topic, as the answers view shows it."""
    topic = comparison.topic
    by_id = {c.claim.id: c for c in comparison.claims}
    order = by_outlet_order(comparison, [s.id for s in comparison.sources])
    sources = {s.id: s for s in comparison.sources}
    groups = []
    for index, group in enumerate(topic.rivals):
        claims = [by_id[c] for c in group.claims if c in by_id]
        given: dict[str, list[GivenAnswer]] = {}
        for claim in claims:
            for position in claim.positions:
                stance = position.stance
                if stance is not None and stance.score > 0:  # as Position.answers
                    given.setdefault(position.source.id, []).append(
                        GivenAnswer(claim.claim.id, stance)
                    )
        covering = set(comparison.covering)
        pairs: list[RivalPair] = [r for r in comparison.rivals if r.group == index]
        silent = [sid for sid in order if sid in covering and sid not in given]
        groups.append(
            AnswerGroup(
                tuple(c.claim for c in claims),
                tuple(
                    Answer(sources[sid], names.get(sid, sid), tuple(given[sid]))
                    for sid in order
                    if sid in given
                ),
                tuple(sources[sid] for sid in silent),
                tuple(names.get(sid, sid) for sid in silent),
                tuple(rival_lines(comparison, pairs, names)),
            )
        )
    return tuple(groups)
