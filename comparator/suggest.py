"""``compare suggest``: the sentences of an article most likely to bear on a topic, each with
the claim it bears on, the words that say so, and the ``compare add`` line that records it.

Sentences are ranked with BM25 (stdlib only). The query is made of terms: each keyword of the
topic as a unit ("Global South", "sow chaos" match only as written, word after word), the
names in its claims ("United States") likewise, and the other words of its claims and question.
Keywords weigh most, claim words next, the question least. A word the topic names alone is not
found inside a longer name: "Muslim" is not the "Muslim Brotherhood", "Washington" is not the
"Washington Institute". Word forms are matched through ``wording.stem``, which keeps apart the
words that only look alike ("arms" and "armed").

Term rarity comes from the sentences of the corpus's articles (at most ``SAMPLE`` of them, spread
evenly: rarity changes little past a few hundred articles), so words every article uses count
for little. Nothing else of the corpus is read: not the other topics (see corpus_slice), not
the quotes of other articles, which are never verified here.

Each sentence is put under the claim whose own words it shares most, weighed by how rare each
word is. The stance is never guessed: the ``compare add`` line says ``--stance STANCE`` for the
analyst to replace.
"""

from __future__ import annotations

import math
import re
import shlex
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from comparator.errors import UsageError
from comparator.lints import Cue, cues
from comparator.models import Assertion, Corpus, Location, QuoteAnchor, QuoteKey, Source, Topic
from comparator.quotes import without_ignored, word_count
from comparator.texts import ArticleText
from comparator.wording import STOPWORDS, Sentence, split_sentences, stem
from comparator.workflow import resolve_source, resolve_topics

K1 = 1.2
B = 0.75
#: How much a query term counts, by where the topic names it.
WEIGHTS = {"keyword": 2.0, "claim": 1.0, "question": 0.5, "evidence": 0.3}
#: How much a word of other sources' quotes on a claim counts, against a word of the claim
#: itself, when telling which claim a sentence bears on.
EVIDENCE_SHARE = 0.2
#: The most words of other sources' quotes taken for each claim (those in the most quotes).
EVIDENCE_WORDS = 50
#: The most assertions of other sources whose quotes are read for each claim: enough to know
#: a claim's words, few enough that a large topic costs no more than a small one.
EVIDENCE_ASSERTIONS = 100
#: Suggestions scoring below this share of the best one are left out as noise.
RELATIVE_FLOOR = 0.15
MIN_WORDS = 5  # check's quote-too-short threshold: shorter sentences make poor quotes
#: Another claim a sentence bears on is shown when it scores more than this share of the best
#: one's (a word every claim uses, alone, is not enough).
ALSO_SHARE = 0.5
MAX_ALSO = 2
#: The most articles whose sentences make the term statistics.
SAMPLE = 200
STANCES = ("affirms", "suggests", "neutral", "doubts", "denies")
#: What the ``compare add`` line leaves for the analyst to decide.
STANCE_PLACEHOLDER = "STANCE"
CLAIM_PLACEHOLDER = "CLAIM"
SILENT_REASON = "compare suggest found no sentence using the words of this topic"

_TOKEN = re.compile(r"[^\W_]+")
#: Where a sentence ends, roughly: term rarity needs sentences counted, not placed exactly
#: (``wording.split_sentences`` knows "Dr." and "U.S." and costs several times more).
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+|\n[ \t]*\r?\n")


@dataclass(frozen=True)
class Term:
    """What the query looks for: one word, or words that must follow each other."""

    #: The stems, in order.
    stems: tuple[str, ...]
    #: As the topic spells it.
    spelled: str
    weight: float
    #: The claims whose text holds it (none for a keyword or a word of the question only).
    claims: frozenset[str] = frozenset()
    #: The claims whose quotes, in other sources, use it most.
    evidence: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Token:
    word: str
    stem: str
    stop: bool
    #: A capitalised word followed by another one: part of a longer name.
    in_name: bool


@dataclass(frozen=True)
class Suggestion:
    """One sentence worth reading for the topic, and how to record it."""

    rank: int
    score: float
    sentence: Sentence
    location: Location
    #: The claim it bears on most ("" when it shares only keywords with the topic).
    claim: str
    #: The claim's words the sentence holds, as the topic spells them.
    claim_words: tuple[str, ...]
    #: Words the sentence shares with other sources' quotes on the claim.
    evidence_words: tuple[str, ...]
    #: Other claims it bears on nearly as much (a sentence may carry two positions).
    also: tuple[ClaimMatch, ...]
    #: Every word of the topic (keywords, claims, question) the sentence holds, as the topic
    #: spells it.
    matched: tuple[str, ...]
    #: How often the sentence occurs in the text (more than once: the quote is ambiguous).
    occurrences: int
    #: The assertion of this source whose quote already covers this sentence, if any.
    quoted_by: str | None
    #: The assertion already recording this source's own stance on the claim, if any.
    recorded_by: str | None
    #: Stance cues in the sentence: negation, hedge, attribution.
    cues: Mapping[Cue, tuple[str, ...]]
    #: The ``compare add`` command line that records the sentence (stance left as STANCE);
    #: None when the source's own stance on the claim is recorded already (``recorded_by``):
    #: add refuses a second, so the quote goes into that assertion by hand.
    add: tuple[str, ...] | None


@dataclass(frozen=True)
class SuggestResult:
    topic: Topic
    source: Source
    file: str
    sentences: int
    suggestions: tuple[Suggestion, ...]
    #: The ``compare add`` line recording the source as silent, when no sentence scores and
    #: the source has neither an assertion on the topic nor a ``silent`` entry for it.
    add_silent: tuple[str, ...] | None = None
    #: Why no line is offered when nothing scores: "silent" (already listed) or "asserted".
    already: str = ""
    #: The topic's terms, as it spells them (what a silent source was searched for).
    terms: tuple[str, ...] = field(default=())
    #: Whether the topic lists the source under ``silent``.
    listed_silent: bool = False


def shell_line(argv: Sequence[str]) -> str:
    """The argv as a line to paste into a POSIX shell."""
    return " ".join(shlex.quote(arg) for arg in argv)


# --------------------------------------------------------------------------- the query


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _phrases_and_words(text: str) -> list[tuple[str, ...]]:
    """A claim's or question's words, names of several capitalised words kept together."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    previous_end = -1
    for match in _TOKEN.finditer(text):
        word = match.group()
        joined = previous_end >= 0 and text[previous_end : match.start()].isspace()
        if run and not (_capitalised(word) and joined):
            out.append(tuple(run))
            run = []
        if _capitalised(word) and (not run or joined):
            run.append(word)
        else:
            out.append((word,))
        previous_end = match.end()
    if run:
        out.append(tuple(run))
    # A name of one capitalised word stays a word; a lone stopword is no term.
    return [p for p in out if len(p) > 1 or p[0].lower() not in STOPWORDS]


def query(topic: Topic, source_id: str = "") -> tuple[Term, ...]:
    """The terms of a topic, each with the highest weight any mention gives it."""
    found: dict[tuple[str, ...], Term] = {}

    def add(words_: Sequence[str], spelled: str, kind: str, claim: str | None = None) -> None:
        stems = tuple(stem(w) for w in words_)
        old = found.get(stems) or Term(stems, spelled, 0.0)
        claims = frozenset([claim]) if claim and kind == "claim" else frozenset()
        evidence = frozenset([claim]) if claim and kind == "evidence" else frozenset()
        found[stems] = Term(
            stems,
            old.spelled,
            max(old.weight, WEIGHTS[kind]),
            old.claims | claims,
            old.evidence | evidence,
        )

    for keyword in topic.keywords:
        words_ = _TOKEN.findall(keyword)
        if words_ and not (len(words_) == 1 and words_[0].lower() in STOPWORDS):
            add(words_, keyword, "keyword")
    for claim in topic.claims:
        for phrase in _phrases_and_words(claim.text):
            add(phrase, " ".join(phrase), "claim", claim.id)
    for phrase in _phrases_and_words(topic.question):
        add(phrase, " ".join(phrase), "question")
    for claim_id, spelled_words in _evidence(topic, source_id).items():
        for word in spelled_words:
            add((word,), word, "evidence", claim_id)
    return tuple(found.values())


def _evidence(topic: Topic, source_id: str) -> dict[str, list[str]]:
    """For each claim, the words other sources' quotes on it use most (in the most quotes),
    from its first ``EVIDENCE_ASSERTIONS`` assertions of other sources."""
    from collections import Counter

    counts: dict[str, Counter[str]] = {}
    spelled: dict[str, str] = {}
    read: Counter[str] = Counter()
    for a in topic.assertions:
        if a.source == source_id or read[a.claim] >= EVIDENCE_ASSERTIONS:
            continue
        read[a.claim] += 1
        for _, quote in a.quoted():
            seen: dict[str, None] = {}  # not a set: the same words each run, in order
            for token in _tokens(quote.text):
                if token.stop or token.in_name or len(token.word) < 3:
                    continue  # a word inside a name is not that word (see _tokens)
                spelled.setdefault(token.stem, token.word)
                seen[token.stem] = None
            counts.setdefault(a.claim, Counter()).update(list(seen))
    return {
        claim: [spelled[k] for k, _ in counter.most_common(EVIDENCE_WORDS)]
        for claim, counter in counts.items()
    }


# --------------------------------------------------------------------------- sentences


def _tokens(text: str) -> list[_Token]:
    matches = list(_TOKEN.finditer(text))
    out = []
    for i, match in enumerate(matches):
        word = match.group()
        in_name = False
        if word[:1].isupper() and i + 1 < len(matches):
            following = matches[i + 1]
            in_name = (
                following.group()[:1].isupper() and text[match.end() : following.start()].isspace()
            )
        lowered = word.lower()
        out.append(_Token(word, stem(lowered), lowered in STOPWORDS, in_name))
    return out


def _count(term: Term, tokens: Sequence[_Token]) -> int:
    """How often a term occurs in a sentence's tokens."""
    first = term.stems[0]
    if len(term.stems) == 1:
        return sum(1 for t in tokens if t.stem == first and not t.in_name and not t.stop)
    size = len(term.stems)
    return sum(
        1
        for i, t in enumerate(tokens)
        if t.stem == first and tuple(x.stem for x in tokens[i : i + size]) == term.stems
    )


class Statistics:
    """How rare each term is among the sentences of the corpus (BM25's idf), and their
    average length."""

    def __init__(self, terms: Iterable[Term], texts: Iterable[str]) -> None:
        self.sentences = 0
        words_total = 0
        self.frequency: dict[tuple[str, ...], int] = {}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for term in terms:
            by_first.setdefault(term.stems[0], []).append(term.stems)
        wanted = {s for stems in (x for group in by_first.values() for x in group) for s in stems}
        # Word -> stem for the words whose stem a term uses; every word is stemmed once per
        # run, not once per occurrence (the sample has a vocabulary, not millions of words).
        forms: dict[str, str] = {}
        seen: set[str] = set()
        for text in texts:
            vocabulary = set(_TOKEN.findall(text.lower()))
            for word in vocabulary - seen:
                word_stem = stem(word)
                if word_stem in wanted:
                    forms[word] = word_stem
            seen |= vocabulary
            for piece in _ROUGH_SENTENCE_END.split(text):
                found = _TOKEN.findall(piece.lower())
                if not found:
                    continue
                self.sentences += 1
                words_total += len(found) - sum(map(STOPWORDS.__contains__, found))
                present = {forms[w] for w in forms.keys() & set(found)}
                for first in present.intersection(by_first):
                    for stems in by_first[first]:
                        if len(stems) == 1 or all(s in present for s in stems):
                            self.frequency[stems] = self.frequency.get(stems, 0) + 1
        self.average = words_total / self.sentences if self.sentences else 0.0

    def idf(self, term: Term) -> float:
        n = self.frequency.get(term.stems, 0)
        return math.log((self.sentences - n + 0.5) / (n + 0.5) + 1.0)


def _bm25(counts: Mapping[Term, int], length: int, stats: Statistics, weight: float = 1.0) -> float:
    total = 0.0
    for term, tf in counts.items():
        norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / (stats.average or 1.0)))
        total += term.weight * weight * stats.idf(term) * norm
    return total


@dataclass(frozen=True)
class ClaimMatch:
    """A claim a sentence bears on, and why: the words it shares with it."""

    claim: str
    score: float
    #: The claim's own words the sentence holds, as the topic spells them.
    claim_words: tuple[str, ...]
    #: Words the sentence shares with other sources' quotes on the claim.
    evidence_words: tuple[str, ...]


def claims_of(
    topic: Topic, terms: Sequence[Term], counts: Mapping[Term, int], stats: Statistics
) -> list[ClaimMatch]:
    """The claims whose words the sentence holds, most first (ties in the topic's order).

    Each word weighs the square of its rarity (a rare word tells claims apart; "Hamas", in
    every claim, tells none), a word of the quotes ``EVIDENCE_SHARE`` of that. Measured with
    bench/recall.py: weighing words also by how few claims use them, or by the share of the
    claim's words held, did no better.
    """
    found = []
    for claim in topic.claims:
        own = [t for t in terms if claim.id in t.claims and t in counts]
        quoted = [t for t in terms if claim.id in t.evidence and t in counts and t not in own]
        score = sum(stats.idf(t) ** 2 for t in own)
        score += EVIDENCE_SHARE * sum(stats.idf(t) ** 2 for t in quoted)
        if score > 0:
            found.append(
                ClaimMatch(
                    claim.id,
                    score,
                    tuple(t.spelled for t in own),
                    tuple(t.spelled for t in quoted),
                )
            )
    found.sort(key=lambda m: -m.score)  # stable: equal scores keep the topic's order
    return found


# --------------------------------------------------------------------------- suggest


def suggest(
    corpus: Corpus,
    article: ArticleText,
    sample: Sequence[str],
    topic_id: str,
    *,
    anchors: Mapping[QuoteKey, QuoteAnchor] | None = None,
    limit: int = 5,
    corpus_file: str | None = None,
) -> SuggestResult:
    """The ``limit`` best sentences of ``article`` for the topic, best first.

    ``sample`` is the text of articles to measure term rarity on (``statistics_sample``);
    ``anchors`` are where this source's quotes on the topic stand in ``article``;
    ``corpus_file``, when given, goes into each ``compare add`` line as ``--assertions``.
    """
    (topic,) = resolve_topics(corpus, [topic_id])
    source = article.source
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    terms = query(topic, source.id)
    stats = Statistics(terms, sample)
    mine = split_sentences(article.text.original)
    scored = []
    for sentence in mine:
        if word_count(sentence.text) < MIN_WORDS:
            continue
        tokens = _tokens(sentence.text)
        counts = {t: n for t in terms if (n := _count(t, tokens))}
        if not counts:
            continue
        length = sum(1 for t in tokens if not t.stop)
        scored.append((_bm25(counts, length, stats), sentence, counts))
    scored.sort(key=lambda item: (-item[0], item[1].start))
    if scored:  # a sentence far below the best shares only common words with the topic
        scored = [item for item in scored if item[0] >= RELATIVE_FLOOR * scored[0][0]]
    own = [a for a in topic.assertions if a.source == source.id]
    suggestions = []
    for rank, (score, sentence, counts) in enumerate(scored[:limit], start=1):
        matches = claims_of(topic, terms, counts, stats)
        best = matches[0] if matches else ClaimMatch("", 0.0, (), ())
        claim_id, claim_words, evidence_words = best.claim, best.claim_words, best.evidence_words
        also = tuple(m for m in matches[1 : 1 + MAX_ALSO] if m.score > ALSO_SHARE * best.score)
        found = cues(sentence.text)
        recorded = next((a.id for a in own if a.claim == claim_id and a.stance is not None), None)
        suggestions.append(
            Suggestion(
                rank=rank,
                score=round(score, 2),
                sentence=sentence,
                location=Location(
                    article.shown,
                    sentence.line,
                    sentence.column,
                    article.text.page_of(sentence.start),
                ),
                claim=claim_id,
                claim_words=claim_words,
                evidence_words=evidence_words,
                also=also,
                matched=tuple(t.spelled for t in counts if t.weight > WEIGHTS["evidence"]),
                occurrences=len(article.text.find_all(sentence.text, limit=3)),
                quoted_by=_quoted_by(own, anchors or {}, sentence),
                recorded_by=recorded,
                cues={k: tuple(v) for k, v in found.items()},
                add=(
                    None
                    if recorded
                    else add_line(topic.id, source.id, claim_id, sentence.text, corpus_file)
                ),
            )
        )
    add_silent = None
    already = ""
    if not suggestions:
        if source.id in topic.silent:
            already = "silent"
        elif own:
            already = "asserted"
        else:
            add_silent = silent_line(topic.id, source.id, corpus_file)
    return SuggestResult(
        topic,
        source,
        article.shown,
        len(mine),
        tuple(suggestions),
        add_silent=add_silent,
        already=already,
        terms=tuple(t.spelled for t in terms if t.weight == WEIGHTS["keyword"]),
        listed_silent=source.id in topic.silent,
    )


def add_line(
    topic_id: str, source_id: str, claim_id: str, quote: str, corpus_file: str | None = None
) -> tuple[str, ...]:
    """The ``compare add`` argv recording ``quote`` as the source's own words on the claim;
    the stance is the analyst's to give. Characters that matching ignores are left out of
    the quote: shown as escapes they could not be pasted back."""
    argv = [
        "compare",
        "add",
        topic_id,
        "--source",
        source_id,
        "--claim",
        claim_id or CLAIM_PLACEHOLDER,
        "--stance",
        STANCE_PLACEHOLDER,
        "--quote",
        without_ignored(quote),
    ]
    if corpus_file is not None:
        argv += ["--assertions", corpus_file]
    return tuple(argv)


def silent_line(topic_id: str, source_id: str, corpus_file: str | None = None) -> tuple[str, ...]:
    """The ``compare add`` argv recording that the source says nothing on the topic."""
    argv = ["compare", "add", topic_id, "--source", source_id, "--silent"]
    argv += ["--reason", SILENT_REASON]
    if corpus_file is not None:
        argv += ["--assertions", corpus_file]
    return tuple(argv)


def statistics_sample(corpus: Corpus, article: ArticleText) -> list[str]:
    """The texts term rarity is measured on: every article up to ``SAMPLE``, else ``SAMPLE``
    of them spread evenly over the corpus; the suggested article is always one. An article
    that cannot be read is left out (``compare check`` says why); none is checked against
    its ``sha256`` or prepared for quotes: only its words count here."""
    from comparator.fileio import read_regular
    from comparator.texts import file_value_problem, source_path

    others = [s for s in corpus.sources if s.id != article.source.id]
    step = max(1, math.ceil(len(others) / (SAMPLE - 1)))
    texts = [article.text.original]
    for source in others[::step]:
        path = source_path(corpus, source) if file_value_problem(source.file) is None else None
        if path is None or not source.file.strip():
            continue
        try:
            texts.append(read_regular(path).decode("utf-8", "replace"))
        except (OSError, ValueError):
            continue
    return texts


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


def run_suggest(
    assertions: str | Path | None, topic_id: str, source_id: str, *, limit: int = 5
) -> SuggestResult:
    """``compare suggest`` from the corpus file: the one topic read, the one article and a
    sample of the others, the quotes of this source on the topic anchored; nothing verified."""
    from comparator.check import anchor_quotes
    from comparator.corpus_slice import load_topic, refuse_blocking
    from comparator.loader import find_assertions
    from comparator.texts import read_text

    loaded = load_topic(find_assertions(assertions), topic_id)
    if loaded.corpus is not None:  # a name mistyped is said first, as the views say it
        resolve_topics(loaded.corpus, [topic_id])
        resolve_source(loaded.corpus, source_id)
    corpus = refuse_blocking(loaded)
    (topic,) = resolve_topics(corpus, [topic_id])
    source = resolve_source(corpus, source_id)
    article = read_text(corpus, source)
    if not isinstance(article, ArticleText):
        raise UsageError(
            f"the text of source '{source_id}' ({source.file}) cannot be read: {article.message}",
            hint="run 'compare check' to see every finding",
        )
    anchors: dict[QuoteKey, QuoteAnchor] = {}
    anchor_quotes([a for a in topic.assertions if a.source == source_id], article, anchors)
    return suggest(
        corpus,
        article,
        statistics_sample(corpus, article),
        topic_id,
        anchors=anchors,
        limit=limit,
        corpus_file=corpus.display_path if assertions is not None else None,
    )
