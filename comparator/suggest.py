"""``compare suggest``: the sentences of an article most likely to bear on a topic.

Sentences are ranked with BM25 (stdlib only): the query is the topic's keywords (weighted
most), its claims and its question; term rarity is measured over every sentence of the corpus,
so words every article uses ("Russia", "Hamas") count for little; sentences far below the best
are left out. Each suggestion comes with
a ready assertion stub whose quote is the sentence exactly as the text has it, so
``compare check`` finds it. The stub never guesses the reading: stance and summary are for
the analyst to set.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from comparator.errors import UsageError
from comparator.lints import Cue, cues
from comparator.models import Assertion, Corpus, Location, QuoteAnchor, QuoteKey, Source, Topic
from comparator.quotes import word_count
from comparator.texts import ArticleText
from comparator.wording import STOPWORDS, Sentence, split_sentences, stem, stems, words
from comparator.workflow import resolve_source, resolve_topics
from comparator.yamltext import quoted

K1 = 1.2
B = 0.75
#: How much a query word counts, by where the topic names it.
WEIGHTS = {"keyword": 2.0, "claim": 1.0, "question": 0.5}
#: Suggestions scoring below this share of the best one are left out as noise.
RELATIVE_FLOOR = 0.15
MIN_WORDS = 5  # check's quote-too-short threshold: shorter sentences make poor quotes
STANCES = "affirms | suggests | neutral | doubts | denies"


@dataclass(frozen=True)
class Suggestion:
    """One sentence worth reading for the topic, with a stub to quote it."""

    rank: int
    score: float
    sentence: Sentence
    location: Location
    claim: str
    #: The topic's words the sentence contains, as the topic spells them.
    matched: tuple[str, ...]
    #: How often the sentence occurs in the text (more than once: the quote is ambiguous).
    occurrences: int
    #: The assertion of this source whose quote already covers this sentence, if any.
    quoted_by: str | None
    #: Stance cues in the sentence: negation, hedge, attribution.
    cues: Mapping[Cue, tuple[str, ...]]
    stub: str


@dataclass(frozen=True)
class SuggestResult:
    topic: Topic
    source: Source
    file: str
    sentences: int
    suggestions: tuple[Suggestion, ...]


def _query(topic: Topic) -> tuple[dict[str, float], dict[str, str]]:
    """Query stems with their weights, and how the topic spells each."""
    weights: dict[str, float] = {}
    spelled: dict[str, str] = {}
    parts = (
        [(k, "keyword") for k in topic.keywords]
        + [(c.text, "claim") for c in topic.claims]
        + [(topic.question, "question")]
    )
    for text, kind in parts:
        for word in words(text):
            if word.lower() in STOPWORDS:
                continue
            word_stem = stem(word)
            if WEIGHTS[kind] > weights.get(word_stem, 0.0):
                weights[word_stem] = WEIGHTS[kind]
            spelled.setdefault(word_stem, word)
    return weights, spelled


class _Bm25:
    """BM25 statistics over a collection of sentences (as stem lists)."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.count = len(documents)
        self.average = sum(len(d) for d in documents) / self.count if documents else 0.0
        self.frequency: Counter[str] = Counter()
        for document in documents:
            self.frequency.update(set(document))

    def idf(self, term: str) -> float:
        n = self.frequency.get(term, 0)
        return math.log((self.count - n + 0.5) / (n + 0.5) + 1.0)

    def score(self, document: Sequence[str], weights: Mapping[str, float]) -> float:
        counts = Counter(document)
        length = len(document)
        total = 0.0
        for term, weight in weights.items():
            tf = counts.get(term, 0)
            if not tf:
                continue
            norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / (self.average or 1.0)))
            total += weight * self.idf(term) * norm
        return total


def suggest(
    corpus: Corpus,
    texts: Mapping[str, ArticleText],
    anchors: Mapping[QuoteKey, QuoteAnchor],
    topic_id: str,
    source_id: str,
    *,
    limit: int = 5,
) -> SuggestResult:
    """The ``limit`` best sentences of the source for the topic, best first."""
    (topic,) = resolve_topics(corpus, [topic_id])
    source = resolve_source(corpus, source_id)
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    article = texts.get(source_id)
    if article is None:
        raise UsageError(
            f"the text of source '{source_id}' ({source.file}) cannot be read",
            hint="run 'compare check' to see why",
        )
    weights, spelled = _query(topic)
    collection: list[list[str]] = []
    mine: list[tuple[Sentence, list[str]]] = []
    for sid, other in texts.items():
        for sentence in split_sentences(other.text.original):
            terms = stems(sentence.text)
            collection.append(terms)
            if sid == source_id:
                mine.append((sentence, terms))
    bm25 = _Bm25(collection)
    claim_weights = {c.id: dict.fromkeys(stems(c.text), 1.0) for c in topic.claims}
    scored = []
    for sentence, terms in mine:
        if word_count(sentence.text) < MIN_WORDS:
            continue
        score = bm25.score(terms, weights)
        if score > 0:
            scored.append((score, sentence, terms))
    scored.sort(key=lambda item: (-item[0], item[1].start))
    if scored:  # a sentence far below the best shares only common words with the topic
        scored = [item for item in scored if item[0] >= RELATIVE_FLOOR * scored[0][0]]
    own = [a for a in topic.assertions if a.source == source_id]
    used_ids = {a.id for t in corpus.topics for a in t.assertions}
    indent = _stub_indent(topic)
    suggestions = []
    for rank, (score, sentence, terms) in enumerate(scored[:limit], start=1):
        claim = max(
            topic.claims, key=lambda c: bm25.score(terms, claim_weights[c.id]), default=None
        )
        claim_id = claim.id if claim is not None else ""
        matched = tuple(dict.fromkeys(spelled[t] for t in terms if t in weights))
        found = cues(sentence.text)
        stub_id = _unique_id(f"{topic.id}-{source_id}-{claim_id}".strip("-"), used_ids)
        used_ids.add(stub_id)  # two stubs of one run never share an id
        suggestions.append(
            Suggestion(
                rank=rank,
                score=round(score, 2),
                sentence=sentence,
                location=Location(article.shown, sentence.line, sentence.column),
                claim=claim_id,
                matched=matched,
                occurrences=len(article.text.find_all(sentence.text, limit=3)),
                quoted_by=_quoted_by(own, anchors, sentence),
                cues={k: tuple(v) for k, v in found.items()},
                stub=render_stub(
                    stub_id,
                    source_id,
                    claim_id,
                    sentence.text,
                    found,
                    indent,
                    existing=next((a for a in own if a.claim == claim_id), None),
                ),
            )
        )
    return SuggestResult(topic, source, article.shown, len(mine), tuple(suggestions))


def _quoted_by(
    own: list[Assertion], anchors: Mapping[QuoteKey, QuoteAnchor], sentence: Sentence
) -> str | None:
    """The assertion whose quote overlaps this sentence in the text, if any (anchors hold
    offsets in the text as saved, like sentences)."""
    for a in own:
        for key, _ in a.quoted():  # a report's quotes too: the sentence is quoted all the same
            anchor = anchors.get(key)
            if anchor is None or not anchor.found:
                continue
            if anchor.start < sentence.end and sentence.start < anchor.end:
                return a.id
    return None


def _unique_id(base: str, used: set[str]) -> str:
    candidate = base
    number = 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def _stub_indent(topic: Topic) -> int:
    """Where the '- ' of an assertion stands in this topic (6 in the usual layout)."""
    if topic.assertions:
        return max(0, topic.assertions[0].location.column - 3)
    return 6


def render_stub(
    assertion_id: str,
    source_id: str,
    claim_id: str,
    sentence: str,
    found: Mapping[Cue, list[str]],
    indent: int = 6,
    *,
    existing: Assertion | None = None,
) -> str:
    """A YAML assertion stub to paste under the topic's ``assertions:``; valid as it stands."""
    pad = " " * indent
    inner = pad + "  "
    lines = []
    if existing is not None:
        lines.append(
            f"{pad}# '{existing.id}' already states {source_id}'s position on "
            f"{claim_id}: add the quote there instead"
        )
    lines += [
        f"{pad}- id: {assertion_id}",
        f"{inner}source: {source_id}",
        f"{inner}claim: {claim_id}",
        f"{inner}stance: neutral  # read the passage, then set: {STANCES}",
    ]
    if found.get(Cue.ATTRIBUTION):
        cue = ", ".join(found[Cue.ATTRIBUTION])
        lines.append(
            f"{inner}# the sentence reports a claim ({cue}): if the article only relays it, "
            "move the quote into reports: [{voice: WHO, stance: ..., treatment: relays, "
            "quotes: [...]}] and drop stance (version 2)"
        )
    lines += [
        f"{inner}summary: {quoted(sentence)}  # rewrite in your words",
        f"{inner}quotes:",
        f"{inner}  - {quoted(sentence)}",
    ]
    return "\n".join(lines) + "\n"
