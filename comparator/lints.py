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
    Treatment,
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
#: Wording that reports someone else's claim: in the own voice, it belongs under reports.
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
    """Own-voice quotes whose words argue with their assertion's stance or voice, and
    reports whose treatment argues with the article's own stance."""
    out: list[Tied] = []
    for topic in corpus.topics:
        for a in topic.assertions:
            out.extend((f, a) for f in _own_voice_cues(a))
            out.extend((f, a) for f in _treatment_findings(a))
    return out


def _own_voice_cues(a: Assertion) -> list[Finding]:
    out = []
    for quote in a.quotes:
        found = cues(quote.text)
        doubting = found[Cue.NEGATION] + found[Cue.HEDGE]
        if a.stance is Stance.AFFIRMS and doubting:
            advice = "doubts or denies" if found[Cue.NEGATION] else "suggests"
            out.append(
                finding(
                    "stance-cue",
                    f"quote of assertion '{a.id}' says {_listing(doubting)}, "
                    f"but its stance is affirms; such wording usually means {advice}: "
                    "check the stance against the passage",
                    quote.location,
                )
            )
        # neutral reports others' claims without taking a side: the own voice takes none
        if found[Cue.ATTRIBUTION] and a.stance not in (None, Stance.NEUTRAL):
            out.append(
                finding(
                    "stance-cue",
                    f"quote of assertion '{a.id}' reports someone else's claim "
                    f"({_listing(found[Cue.ATTRIBUTION])}) but stands as the article's own "
                    "voice; move it into reports (voice, stance, treatment), and keep as "
                    "the own stance only what the article itself says",
                    quote.location,
                )
            )
    return out


def _treatment_findings(a: Assertion) -> list[Finding]:
    """A report endorsed against the article's own sign, or questioned on its own side."""
    if a.stance is None or a.stance.score == 0:
        return []
    own = a.stance.score > 0
    out = []
    for report in a.reports:
        if report.stance.score == 0:
            continue
        same = (report.stance.score > 0) == own
        if report.treatment is Treatment.ENDORSES and not same:
            problem = "endorsed, but the article's own stance takes the other side"
        elif report.treatment is Treatment.QUESTIONS and same:
            problem = "questioned, but the article's own stance is on the same side"
        else:
            continue
        out.append(
            finding(
                "report-treatment",
                f"assertion '{a.id}': the report by '{report.voice}' ({report.stance.value}) "
                f"is {problem} ({a.stance.value}); check the treatment, the report's stance "
                "and the own stance against the article",
                report.location,
            )
        )
    return out


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
                quoted = a.quoted()
                for index, (key, quote) in enumerate(quoted):
                    anchor = anchors.get(key)
                    label = a.id if len(quoted) == 1 else f"{a.id} quote {index + 1}"
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
