"""Warnings that catch a careless reading, and the ``ignore`` entries that answer them.

Each lint returns (finding, owner) pairs, where the owner is the assertion or topic whose
``ignore`` entries may suppress the finding (None when nothing can). Lints are cheap: each
article's vocabulary is read once, and quotes are matched against their own few words, never
by re-normalising an article.

A changed pinned text keeps DESIGN's ``source-changed`` error (the gate); ``source-drift`` is
a warning beside it that explains it: which of the source's quotes still anchor, and, when all
do, the new sha256 to pin.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from comparator.ignores import SilentPair, Tied
from comparator.models import (
    Assertion,
    Corpus,
    Finding,
    Location,
    QuoteAnchor,
    QuoteKey,
    Stance,
    TextDigest,
    Topic,
)
from comparator.rules import finding
from comparator.texts import ArticleText
from comparator.wording import forms_in, line_of, line_starts, stem, text_words, words

#: Wording that says a claim is unproven or false: odd under 'affirms'.
NEGATION_CUES: tuple[tuple[str, str], ...] = (
    ("unproven", r"unproven"),
    ("not proven", r"not (?:been )?proven"),
    ("no evidence", r"no (?:hard |firm |direct |public |credible )?evidence"),
    (
        "did not provide evidence",
        r"(?:did|does|do|has|have|had) not (?:yet )?(?:provide|provided|"
        r"offer|offered|present|presented|show|shown|produce|produced|"
        r"give|given) (?:any )?evidence",
    ),
    ("without evidence", r"without (?:any )?evidence"),
    ("no proof", r"no (?:hard )?proof"),
    ("unsubstantiated", r"unsubstantiated"),
    ("unconfirmed", r"unconfirmed"),
    ("unverified", r"unverified"),
    ("baseless", r"baseless|groundless"),
    ("false", r"(?:is|was|are|were|be) (?:patently |simply )?(?:false|untrue)"),
    ("denied", r"denied|denies"),
    ("we don't know", r"we (?:still )?(?:don't|do not) know"),
    ("unclear", r"(?:it is|it remains|remains|is still) unclear"),
    ("unlikely", r"unlikely"),
)
#: Wording that hedges: the source suggests rather than affirms.
HEDGE_CUES: tuple[tuple[str, str], ...] = (
    ("allegedly", r"allegedly|alleged"),
    ("reportedly", r"reportedly|purportedly|supposedly"),
    ("perhaps", r"perhaps|possibly"),
    ("might", r"might"),
    ("may", r"(?-i:may)"),  # lower case only: "May 2023" is a month
    ("apparently", r"apparently"),
    ("it seems", r"it (?:seems|appears)|seems to|appears to"),
    ("rumoured", r"rumou?red"),
)
#: Wording that reports someone else's claim: it needs attributed_to.
ATTRIBUTION_CUES: tuple[tuple[str, str], ...] = (
    ("said", r"said|says|say"),
    ("claimed", r"claimed|claiming"),
    ("according to", r"according to"),
    ("told", r"told"),
    ("stated", r"stated"),
    ("insisted", r"insisted|insists"),
    ("asserted", r"asserted"),
)


class Cue(str, Enum):
    """What a stance cue says about a passage; shown to the analyst by its value."""

    NEGATION = "negation"
    HEDGE = "hedge"
    ATTRIBUTION = "attribution"

    def __str__(self) -> str:  # "negation cue", on every Python (3.12 changed format())
        return self.value


@dataclass(frozen=True, slots=True)
class SilentListing:
    """A topic that lists a source as silent, and where its silent list names it."""

    topic: Topic
    location: Location


def _compile(
    tables: dict[Cue, tuple[tuple[str, str], ...]],
) -> tuple[re.Pattern[str], dict[str, tuple[Cue, str]]]:
    """One pattern for every cue (a named group each), so a quote is scanned once.

    Spaces match any whitespace and apostrophes either kind, so quotes need no normalising.
    """
    groups: dict[str, tuple[Cue, str]] = {}
    parts = []
    for kind, table in tables.items():
        for label, pattern in table:
            name = f"g{len(groups)}"
            groups[name] = (kind, label)
            flexible = pattern.replace(" ", r"\s+").replace("'", "['\u2019]")
            parts.append(f"(?P<{name}>{flexible})")
    joined = "|".join(parts)
    return re.compile(rf"(?i)(?<![\w-])(?:{joined})(?![\w-])"), groups


_CUES, _CUE_GROUPS = _compile(
    {Cue.NEGATION: NEGATION_CUES, Cue.HEDGE: HEDGE_CUES, Cue.ATTRIBUTION: ATTRIBUTION_CUES}
)


def cues(text: str) -> dict[Cue, list[str]]:
    """The labels of the stance cues in a passage, by kind (every kind, in Cue order)."""
    found: dict[Cue, list[str]] = {kind: [] for kind in Cue}
    for match in _CUES.finditer(text):
        kind, label = _CUE_GROUPS[match.lastgroup or ""]
        if label not in found[kind]:
            found[kind].append(label)
    return found


def _listing(words_: Iterable[str]) -> str:
    return ", ".join(f'"{w}"' for w in words_)


# --------------------------------------------------------------------------- stance-cue


def stance_cue_findings(corpus: Corpus) -> list[Tied]:
    """Quotes whose own words argue with their assertion's stance or voice."""
    out: list[Tied] = []
    for topic in corpus.topics:
        for a in topic.assertions:
            for quote in a.quotes:
                found = cues(quote.text)
                doubting = found[Cue.NEGATION] + found[Cue.HEDGE]
                if a.stance is Stance.AFFIRMS and doubting:
                    advice = "doubts or denies" if found[Cue.NEGATION] else "suggests"
                    out.append(
                        (
                            finding(
                                "stance-cue",
                                f"quote of assertion '{a.id}' says {_listing(doubting)}, "
                                f"but its stance is affirms; such wording usually means {advice}: "
                                "check the stance against the passage",
                                quote.location,
                            ),
                            a,
                        )
                    )
                # neutral reports others' claims without taking a side: no voice to name
                if (
                    found[Cue.ATTRIBUTION]
                    and a.attributed_to is None
                    and a.stance is not Stance.NEUTRAL
                ):
                    out.append(
                        (
                            finding(
                                "stance-cue",
                                f"quote of assertion '{a.id}' reports someone else's "
                                f"claim ({_listing(found[Cue.ATTRIBUTION])}) but the "
                                "assertion has no attributed_to; name whose claim it is, or "
                                "quote the article's own voice",
                                quote.location,
                            ),
                            a,
                        )
                    )
    return out


# --------------------------------------------------------------------------- rival-unread


def rival_unread_findings(corpus: Corpus) -> list[Tied]:
    """A source that gives one answer of a rival group and has no position on another.

    It was read for the topic's question and answered it, so what it thinks of the rival
    answer is probably in the text: one finding per source and group, on the (first)
    assertion that gives an answer, listing the claims it has no position on.
    """
    out: list[Tied] = []
    for topic in corpus.topics:
        if not topic.rivals:
            continue
        defined = {c.id for c in topic.claims}
        held: dict[str, dict[str, Assertion]] = {}  # source -> claim -> its assertion
        for a in topic.assertions:
            held.setdefault(a.source, {}).setdefault(a.claim, a)
        for group in topic.rivals:
            claims = [c for c in group.claims if c in defined]
            for source, positions in held.items():
                answer = next((positions[c] for c in claims if _answers(positions.get(c))), None)
                missing = [c for c in claims if c not in positions]
                if answer is None or not missing:
                    continue
                names = ", ".join(f"'{c}'" for c in missing)
                out.append(
                    (
                        finding(
                            "rival-unread",
                            f"source '{source}' gives '{answer.claim}' as an answer to topic "
                            f"'{topic.id}' but has no position on the rival "
                            f"answer{'s' * (len(missing) != 1)} {names}; it was "
                            "read for the question, so its view on "
                            f"{'them' if len(missing) != 1 else 'it'} is probably in the text: "
                            "add a position (neutral if it weighs both), or an ignore entry "
                            "saying why not",
                            answer.location,
                        ),
                        answer,
                    )
                )
    return out


def _answers(assertion: Assertion | None) -> bool:
    """Whether an assertion's own voice affirms or suggests its claim."""
    stance = assertion.stance if assertion is not None else None
    return stance is not None and stance.score > 0


# --------------------------------------------------------------------------- silent-but-mentions


class _WordIndex:
    """An article's vocabulary, built once; lines are looked up only on a hit."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.vocabulary = text_words(text)
        self._starts: array[int] | None = None

    def lines(self, keyword: str) -> set[int]:
        """Lines where the keyword occurs (its words in a row, each in any inflection)."""
        found = [forms_in(stem(w), self.vocabulary) for w in words(keyword)]
        if not found or not all(found):
            return set()
        alternatives = [
            "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"
            for forms in found
        ]
        pattern = re.compile(
            r"(?<![^\W_])" + r"[\W_]+".join(alternatives) + r"(?![^\W_])", re.IGNORECASE
        )
        if self._starts is None:
            self._starts = line_starts(self.text)
        return {line_of(self._starts, m.start())[0] for m in pattern.finditer(self.text)}


def silent_pairs(corpus: Corpus) -> dict[str, list[SilentListing]]:
    """For each source, the topics (with keywords) that list it as silent, and where.

    Grouped by source, so that each article is read for them once, while it is in memory.
    """
    by_source: dict[str, list[SilentListing]] = {}
    for topic in corpus.topics:
        if not topic.keywords:
            continue
        covered = {a.source for a in topic.assertions}
        for sid, where in zip(topic.silent, topic.silent_locations, strict=False):
            if sid not in covered:  # silent-conflict says it already
                by_source.setdefault(sid, []).append(SilentListing(topic, where))
    return by_source


def silent_findings(
    sid: str, listings: Iterable[SilentListing], article: ArticleText
) -> list[Tied]:
    """Topics that list the source as silent although its text uses their keywords."""
    out: list[Tied] = []
    index = _WordIndex(article.text.original)
    for listing in listings:
        topic = listing.topic
        hits: dict[int, list[str]] = {}
        for keyword in topic.keywords:
            for line in index.lines(keyword):
                hits.setdefault(line, []).append(keyword)
        if not hits:
            continue
        silent = _silent_finding(topic, sid, listing.location, article, hits)
        out.append((silent, SilentPair(topic, sid)))
    return out


def _silent_finding(
    topic: Topic, sid: str, where: Location, article: ArticleText, hits: dict[int, list[str]]
) -> Finding:
    lines = sorted(hits)
    shown = ", ".join(f"{line} ({', '.join(hits[line])})" for line in lines[:5])
    more = f" and {len(lines) - 5} more line(s)" if len(lines) > 5 else ""
    original = article.text.original.splitlines()
    detail = []
    for line in lines[:5]:
        text = " ".join(original[line - 1].split()) if line <= len(original) else ""
        detail.append(f"{article.shown}:{line}: {text[:117] + '...' if len(text) > 120 else text}")
    return finding(
        "silent-but-mentions",
        f"source '{sid}' is listed as silent on topic '{topic.id}', but "
        f"{article.shown} uses its keywords on line {shown}{more}; read those lines: add an "
        "assertion, or keep it silent and say why in an ignore entry of the topic",
        where,
        detail=tuple(detail),
        related=tuple(Location(article.shown, line, 1) for line in lines),
    )


# --------------------------------------------------------------------------- source-drift


def drift_findings(
    corpus: Corpus,
    read_texts: Mapping[str, TextDigest],
    anchors: Mapping[QuoteKey, QuoteAnchor],
) -> list[Tied]:
    """For each pinned source whose text changed: which of its quotes still anchor.

    ``read_texts`` holds every source whose text could be read.
    """
    out: list[Tied] = []
    for source in corpus.sources:
        read = read_texts.get(source.id)
        if read is None:
            continue
        shown, digest = read.shown, read.sha256
        if not source.sha256 or digest == source.sha256:
            continue
        anchored: list[str] = []
        lost: list[str] = []
        detail: list[str] = []
        for topic in corpus.topics:
            for a in topic.assertions:
                if a.source != source.id:
                    continue
                for index, quote in enumerate(a.quotes):
                    anchor = anchors.get(QuoteKey(a.id, index))
                    label = a.id if len(a.quotes) == 1 else f"{a.id} quote {index + 1}"
                    if anchor is not None and anchor.found and anchor.location is not None:
                        anchored.append(label)
                        detail.append(f"still anchors: {label} at {anchor.location}")
                    else:
                        lost.append(label)
                        detail.append(f"no longer found: {label} ({quote.location})")
        total = len(anchored) + len(lost)
        if total == 0:
            state = "none of its assertions quote it"
        elif total == 1:
            state = f"its one quote {'no longer anchors' if lost else 'still anchors'}"
        elif not lost:
            state = f"all {total} of its quotes still anchor"
        else:
            state = (
                f"{len(anchored)} of its {total} quotes still anchor; no longer found: "
                f"{', '.join(lost[:5])}{', ...' if len(lost) > 5 else ''}"
            )
        advice = (
            f"re-read what changed, then set sha256: {digest}"
            if not lost
            else "fix or re-quote the lost quotes from the new text first, then update sha256"
        )
        out.append(
            (
                finding(
                    "source-drift",
                    f"source '{source.id}': {shown} changed since it was pinned; {state}; {advice}",
                    source.location,
                    detail=tuple(detail),
                ),
                None,
            )
        )
    return out
