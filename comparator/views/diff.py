"""The model of ``compare diff A B``: built once from the comparisons and the two parties, so
its text, markdown and JSON renderers print the same facts and only serialise them.

Everything a reader is told is decided here: which claims both parties address and how they
relate, the labels of articles, whether two framings are shown word by word, why the other
party has no position, the summary sentence and the counts. No rich, no typer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from comparator.compare import Coverage, Position, TopicComparison
from comparator.diffing import (
    RELATION_WEIGHT,
    RELATION_WORDS,
    REPRESENTATIVE_PAIRS,
    OneSidedClaim,
    PositionPair,
    SharedClaim,
    WordDiff,
    diff_parties,
    quote_text,
    shares_words,
)
from comparator.models import Claim, Party, Relation, Source, Topic, Verdict
from comparator.views.common import Absence, multi_source_outlets, source_label
from comparator.views.relations import OutletSide, outlet_sides


class Framing(str, Enum):
    """The two things of a position compared word by word."""

    SUMMARY = "summary"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True, repr=False)
class Side:
    """A position as the diff names it: its outlet, and its source id when the outlet has
    several articles in the corpus."""

    position: Position
    label: str


@dataclass(frozen=True, slots=True, repr=False)
class TextPair:
    """How two articles word one thing (their summaries, or their quotes on one line)."""

    framing: Framing
    a: str
    b: str
    diff: WordDiff
    #: Whether the texts have enough words in common to be shown word by word; otherwise
    #: they are shown whole, one after the other.
    word_by_word: bool


@dataclass(frozen=True, slots=True, repr=False)
class PairView:
    """An article of A and one of B on a claim: how they relate and how their words differ."""

    a: Side
    b: Side
    relation: Relation
    relation_words: str
    summary: TextPair
    quote: TextPair

    @property
    def texts(self) -> tuple[TextPair, TextPair]:
        """The summaries, then the quotes: the order every format shows them in."""
        return self.summary, self.quote


@dataclass(frozen=True, slots=True, repr=False)
class SharedClaimView:
    """A claim both parties address: each party's positions, how many pairs of articles
    relate each way, and the pairs shown word by word (a bounded, representative few unless
    every pair was asked for)."""

    topic: Topic
    claim: Claim
    verdict: Verdict
    #: The weightiest relation among the pairs: one contradiction makes the claim contradict.
    relation: Relation
    relation_words: str
    #: True when the pairs do not all relate the same way (an outlet divided).
    split: bool
    a: tuple[Side, ...]
    b: tuple[Side, ...]
    #: The pairs shown: ``diffing.SharedClaim.representatives``, or every one with
    #: ``--all-pairs``.
    pairs: tuple[PairView, ...]
    #: Pairs per relation, weightiest first.
    pair_counts: tuple[RelationCount, ...]
    #: Each party's articles by outlet (``2 CEPA articles (1 neutral, 1 doubts)``).
    a_outlets: tuple[OutletSide, ...]
    b_outlets: tuple[OutletSide, ...]
    #: What every pair is made from, for the JSON (which lists them all).
    source: SharedClaim
    labels: _Labels

    @property
    def pair_count(self) -> int:
        return sum(c.count for c in self.pair_counts)

    @property
    def hidden(self) -> int:
        """How many pairs are not shown."""
        return self.pair_count - len(self.pairs)

    @property
    def sides_sentence(self) -> str:
        """``2 CEPA articles (1 neutral, 1 doubts) vs WINEP (doubts): 1 diverge, 1 agree``:
        the sides by outlet and the pairs per relation, plain words."""
        a, b = (", ".join(o.words for o in side) for side in (self.a_outlets, self.b_outlets))
        counts = ", ".join(f"{c.count} {c.words}" for c in self.pair_counts)
        return f"{a} vs {b}: {counts}"

    def every_pair(self) -> tuple[PairView, ...]:
        """Every pair with its word diffs (quadratic: the JSON's, and ``--all-pairs``)."""
        return tuple(_pair(p, self.labels) for p in self.source.pairs)


@dataclass(frozen=True, slots=True, repr=False)
class OtherArticle:
    """An article of the other party on a one-sided claim, and why it says nothing on it."""

    source: str
    #: What the article does on the claim's topic (JSON shows it as ``coverage``).
    coverage: Coverage
    #: Why it has no position, in the words every view uses.
    absence: Absence


@dataclass(frozen=True, slots=True, repr=False)
class OneSidedClaimView:
    """A claim only one party addresses, with why each article of the other says nothing."""

    topic: Topic
    claim: Claim
    positions: tuple[Side, ...]
    absences: tuple[OtherArticle, ...]


@dataclass(frozen=True, slots=True, repr=False)
class OneSidedSection:
    """The claims only ``party`` addresses; ``other`` is the party silent on them."""

    party: Party
    other: Party
    claims: tuple[OneSidedClaimView, ...]


@dataclass(frozen=True, slots=True, repr=False)
class RelationCount:
    """How many shared claims relate one way."""

    relation: Relation
    count: int
    words: str


@dataclass(frozen=True, slots=True, repr=False)
class RivalView:
    """An article of A and one of B giving rival answers: each side with the claim it gives."""

    topic: Topic
    a: Side
    b: Side
    a_claim: Claim
    b_claim: Claim
    #: How many more pairs of rival answers on the topic are not shown after this one.
    more: int = 0


@dataclass(frozen=True, repr=False)
class DiffView:
    """Everything ``compare diff A B`` shows, in corpus order (topics and claims as in the
    YAML)."""

    a: Party
    b: Party
    #: One plain sentence: how many claims both address and how they relate, and the rest.
    summary: str
    #: Shared claims per relation, weightiest relation first, zeros left out.
    counts: tuple[RelationCount, ...]
    shared: tuple[SharedClaimView, ...]
    only_a: OneSidedSection
    only_b: OneSidedSection
    #: Whether any pair is shown word by word: the word-diff legend is shown only then.
    word_by_word: bool
    #: Pairs of articles giving rival answers to a topic's question, in corpus order: at most
    #: ``REPRESENTATIVE_PAIRS`` per topic (the first ones), unless ``all_pairs``.
    rivals: tuple[RivalView, ...] = ()
    #: Every such pair (the JSON's).
    every_rival: tuple[RivalView, ...] = ()
    #: Whether every pair is shown (``--all-pairs``), not a representative few per claim.
    all_pairs: bool = False

    @property
    def one_sided(self) -> tuple[OneSidedSection, OneSidedSection]:
        return self.only_a, self.only_b

    @staticmethod
    def describe(party: Party) -> str:
        """``outlet CEPA (cepa-dubow, cepa-lautman)``; an outlet of more than
        ``NAMED_ARTICLES`` articles by their number, ``outlet Crisis (98 articles)``: the
        claims below name the articles that matter."""
        if len(party.sources) > NAMED_ARTICLES:
            return f"outlet {party.name} ({len(party.sources)} articles)"
        return party.description


#: Up to this many articles of an outlet are named in the line that says what is compared.
NAMED_ARTICLES = 6


def build_diff_view(
    comparisons: Iterable[TopicComparison],
    a: Party,
    b: Party,
    sources: Iterable[Source],
    *,
    all_pairs: bool = False,
) -> DiffView:
    """The model of ``compare diff A B``; ``sources`` are the corpus's, for the labels and
    the order of outlets. Each shared claim shows ``REPRESENTATIVE_PAIRS`` pairs word by word
    at most (chosen by ``SharedClaim.representatives``), every pair with ``all_pairs``."""
    labels = _Labels(sources)
    diff = diff_parties(comparisons, a, b)
    shared = tuple(_shared(item, labels, all_pairs) for item in diff.shared)
    counts = _counts(shared)
    only_a = OneSidedSection(a, b, tuple(_one_sided(item, labels) for item in diff.only_a))
    only_b = OneSidedSection(b, a, tuple(_one_sided(item, labels) for item in diff.only_b))
    every_rival = tuple(
        RivalView(r.topic, labels.side(r.a), labels.side(r.b), *r.claims) for r in diff.rivals
    )
    return DiffView(
        a=a,
        b=b,
        summary=_summary(len(shared), counts, (only_a, only_b), len(every_rival)),
        counts=counts,
        shared=shared,
        only_a=only_a,
        only_b=only_b,
        word_by_word=any(t.word_by_word for s in shared for p in s.pairs for t in p.texts),
        rivals=every_rival if all_pairs else _first_rivals(every_rival),
        every_rival=every_rival,
        all_pairs=all_pairs,
    )


def _first_rivals(rivals: tuple[RivalView, ...]) -> tuple[RivalView, ...]:
    """The first ``REPRESENTATIVE_PAIRS`` rival pairs of each topic, the last one shown with
    how many more the topic has."""
    per_topic: dict[str, list[RivalView]] = {}
    for rival in rivals:
        per_topic.setdefault(rival.topic.id, []).append(rival)
    out: list[RivalView] = []
    for group in per_topic.values():
        shown = group[:REPRESENTATIVE_PAIRS]
        more = len(group) - len(shown)
        out += [*shown[:-1], replace(shown[-1], more=more)]
    return tuple(out)


class _Labels:
    """How a sentence names a source (``common.source_label``), for every source at once,
    and where it stands in the corpus (outlets in corpus order)."""

    def __init__(self, sources: Iterable[Source]) -> None:
        chosen = tuple(sources)
        self.shared = multi_source_outlets(chosen)
        self.names = {s.id: source_label(s, self.shared) for s in chosen}
        outlets = {o: i for i, o in enumerate(dict.fromkeys(s.outlet for s in chosen))}
        self.rank = {s.id: (outlets[s.outlet], i) for i, s in enumerate(chosen)}

    def outlets(self, positions: Iterable[Position]) -> tuple[OutletSide, ...]:
        """A party's positions on a claim by outlet, with their stances counted."""
        members = [(p.source, p.assertion.claim, p.stance) for p in positions if p.stance]
        return outlet_sides(members, lambda s: self.rank.get(s.id, (len(self.rank), 0)), self.names)

    def side(self, position: Position) -> Side:
        return Side(position, source_label(position.source, self.shared))


def _text_pair(framing: Framing, a: str, b: str, diff: WordDiff) -> TextPair:
    return TextPair(framing, a, b, diff, shares_words(diff))


def _pair(pair: PositionPair, labels: _Labels) -> PairView:
    return PairView(
        labels.side(pair.a),
        labels.side(pair.b),
        pair.relation,
        RELATION_WORDS[pair.relation],
        _text_pair(
            Framing.SUMMARY,
            pair.a.assertion.summary,
            pair.b.assertion.summary,
            pair.summary_diff,
        ),
        _text_pair(Framing.QUOTE, quote_text(pair.a), quote_text(pair.b), pair.quote_diff),
    )


def _shared(item: SharedClaim, labels: _Labels, all_pairs: bool = False) -> SharedClaimView:
    relation = item.relation
    shown = item.pairs if all_pairs else item.representatives()
    return SharedClaimView(
        topic=item.topic,
        claim=item.claim,
        verdict=item.verdict,
        relation=relation,
        relation_words=RELATION_WORDS[relation],
        split=item.split,
        a=tuple(labels.side(p) for p in item.a),
        b=tuple(labels.side(p) for p in item.b),
        pairs=tuple(_pair(p, labels) for p in shown),
        pair_counts=tuple(RelationCount(r, n, RELATION_WORDS[r]) for r, n in item.counts),
        a_outlets=labels.outlets(item.a),
        b_outlets=labels.outlets(item.b),
        source=item,
        labels=labels,
    )


def _one_sided(item: OneSidedClaim, labels: _Labels) -> OneSidedClaimView:
    return OneSidedClaimView(
        item.topic,
        item.claim,
        tuple(labels.side(p) for p in item.positions),
        tuple(
            OtherArticle(
                o.source,
                o.coverage,
                Absence.REPORTS_ONLY if o.reports_only else Absence.of(o.coverage),
            )
            for o in item.other
        ),
    )


def _counts(shared: tuple[SharedClaimView, ...]) -> tuple[RelationCount, ...]:
    counts = []
    for relation in sorted(RELATION_WEIGHT, key=RELATION_WEIGHT.__getitem__):
        n = sum(1 for s in shared if s.relation is relation)
        if n:
            counts.append(RelationCount(relation, n, RELATION_WORDS[relation]))
    return tuple(counts)


def _summary(
    shared: int,
    counts: tuple[RelationCount, ...],
    one_sided: tuple[OneSidedSection, ...],
    rivals: int = 0,
) -> str:
    text = f"both address {shared} claim{'s' * (shared != 1)}"
    if counts:
        text += " (" + ", ".join(f"{c.count} {c.words}" for c in counts) + ")"
    if rivals:
        text += f"; {rivals} pair{'s' * (rivals != 1)} of rival answers"
    for section in one_sided:
        text += f"; only {section.party.name} addresses {len(section.claims)}"
    return text
