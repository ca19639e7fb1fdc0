"""The data model: frozen dataclasses and Enums, nothing else.

Every other layer passes these around; none of them knows about YAML, typer or rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

#: Words a topic id may not take, because ``compare WORD`` would run a command instead.
RESERVED_TOPIC_IDS = frozenset(
    {
        "topics",
        "sources",
        "matrix",
        "diff",
        "report",
        "check",
        "show",
        "ingest",
        "suggest",
        "schema",
        "help",
        "version",
        "voices",
        "init",
        "add",
    }
)


class Severity(str, Enum):
    """How bad a finding is; ordered so ``--fail-level`` can compare them."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Stance(str, Enum):
    """A source's position toward a claim, on the five-step scale of DESIGN.md."""

    AFFIRMS = "affirms"
    SUGGESTS = "suggests"
    NEUTRAL = "neutral"
    DOUBTS = "doubts"
    DENIES = "denies"

    @property
    def score(self) -> int:
        return {"affirms": 2, "suggests": 1, "neutral": 0, "doubts": -1, "denies": -2}[self.value]


class VoiceKind(str, Enum):
    """What kind of speaker a voice is: a closed set, so that views can group them."""

    OFFICIAL = "official"
    GOVERNMENT = "government"
    GROUP = "group"
    EXPERT = "expert"
    MEDIA = "media"
    OTHER = "other"


class Treatment(str, Enum):
    """How an article handles a claim it reports: it is never the article's own stance."""

    #: The article adopts the reported claim as credible.
    ENDORSES = "endorses"
    #: The article passes it on without judging it.
    RELAYS = "relays"
    #: The article casts doubt on it (no evidence given, experts sceptical...).
    QUESTIONS = "questions"

    @property
    def participle(self) -> str:
        """``questioned``: how a sentence says what articles did with a voice."""
        return {"endorses": "endorsed", "relays": "relayed", "questions": "questioned"}[self.value]


class Relation(str, Enum):
    """How two sources' positions on one claim relate."""

    AGREE = "agree"
    AGREE_DIFFERENT_CERTAINTY = "agree-different-certainty"
    CONTRADICT = "contradict"
    DIVERGE = "diverge"
    ONE_SIDED = "one-sided"
    #: Two sources give different answers of one rival group (DESIGN, "Version 2"): not a
    #: relation on one claim, but between a claim of each.
    RIVAL = "rival"


class Verdict(str, Enum):
    """The state of one claim across all sources that address it."""

    CONSENSUS = "consensus"
    CONTESTED = "contested"
    MIXED = "mixed"
    SINGLE_SOURCE = "single-source"
    #: No source takes a position on the claim (an extension of DESIGN.md's four verdicts).
    UNADDRESSED = "unaddressed"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file, 1-based line and column, as editors and CI annotations show it."""

    file: str
    line: int = 0
    column: int = 0
    #: The 1-based page of a paged article (a PDF's text, its pages ended by form feeds);
    #: 0 for every other file.
    page: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    @property
    def page_note(self) -> str:
        """`` (p. 3)`` for a place in a paged article, else nothing: what every view and
        message adds after a quote's ``file:line``."""
        return f" (p. {self.page})" if self.page > 0 else ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a corpus: the unit of ``compare check`` output."""

    rule: str
    severity: Severity
    message: str
    location: Location
    #: Extra lines shown under the finding (a closest passage, a word diff).
    detail: tuple[str, ...] = ()
    #: Where a passage in an article bears on the finding (a closest match, a duplicate).
    related: tuple[Location, ...] = ()

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value} {self.rule} {self.message}"


@dataclass(frozen=True, slots=True)
class Source:
    """One article: its metadata and where its text lives."""

    id: str
    outlet: str
    title: str
    file: str
    location: Location
    outlet_name: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    via: str | None = None
    url: str | None = None
    sha256: str | None = None
    file_location: Location | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A proposition that sources take positions on."""

    id: str
    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A quote as the analyst wrote it, with where it stands in the YAML."""

    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class IgnoreEntry:
    """An analyst's answer to a finding: the rule it silences, why, and where it is written.

    ``source`` limits a topic's entry to one of its silent sources (None: any of them; an
    assertion's entries never name one).
    """

    rule: str
    reason: str
    location: Location
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Voice:
    """Someone an article reports: a person, an office, another outlet (``voices:``)."""

    id: str
    name: str
    location: Location
    role: str | None = None
    kind: VoiceKind | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """A claim an article relays in someone else's voice: the claimant's stance, how the
    article treats it, and the quotes that carry it. Never the article's own position."""

    voice: str
    stance: Stance
    treatment: Treatment
    quotes: tuple[QuoteRef, ...]
    location: Location


@dataclass(frozen=True, slots=True)
class Assertion:
    """One source's position on one claim, with the evidence for it.

    ``stance`` and ``quotes`` are the article's own voice; ``stance`` is None when the article
    only reports others (``reports``) and takes no position of its own.
    """

    id: str
    topic: str
    source: str
    claim: str
    stance: Stance | None
    summary: str
    quotes: tuple[QuoteRef, ...]
    location: Location
    #: Version 1's free-text speaker, kept only to warn that it is read as a report.
    attributed_to: str | None = None
    note: str | None = None
    #: Rules this assertion opts out of, each with the analyst's reason.
    ignore: tuple[IgnoreEntry, ...] = ()
    reports: tuple[Report, ...] = ()
    #: Where ``attributed_to`` is written (None when it is not).
    attributed_location: Location | None = None

    def quoted(self) -> tuple[tuple[QuoteKey, QuoteRef], ...]:
        """Every quote of the assertion with its key: its own first, then each report's."""
        own = tuple((QuoteKey(self.id, i), q) for i, q in enumerate(self.quotes))
        return own + tuple(
            (QuoteKey(self.id, i, r), q)
            for r, report in enumerate(self.reports)
            for i, q in enumerate(report.quotes)
        )


@dataclass(frozen=True, slots=True)
class RivalGroup:
    """Claims of a topic that answer its question in mutually exclusive ways (``rivals:``).

    Two sources that each give a different one of these answers disagree, though no claim
    shows a clash: the group is what lets the comparison see it.
    """

    claims: tuple[str, ...]
    location: Location
    #: Where each claim id is written, in the order of ``claims``.
    claim_locations: tuple[Location, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """A question several articles address, with its claims and the positions taken."""

    id: str
    title: str
    question: str
    location: Location
    keywords: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    assertions: tuple[Assertion, ...] = ()
    silent: tuple[str, ...] = ()
    silent_locations: tuple[Location, ...] = ()
    #: Rules this topic opts out of (e.g. silent-but-mentions), each entry for any silent
    #: source or for the one it names.
    ignore: tuple[IgnoreEntry, ...] = ()
    #: Groups of claims that are rival answers to the question (version 2).
    rivals: tuple[RivalGroup, ...] = ()

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything ``assertions.yaml`` says, with the folder its paths are relative to."""

    path: Path
    root: Path
    version: str
    sources: tuple[Source, ...] = ()
    topics: tuple[Topic, ...] = ()
    #: The path of the YAML as findings name it (relative to the cwd when possible).
    display_path: str = ""
    #: Who the articles report (version 2's ``voices:``; made from ``attributed_to`` in 1).
    voices: tuple[Voice, ...] = ()

    def voice(self, voice_id: str) -> Voice | None:
        return next((v for v in self.voices if v.id == voice_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    @property
    def outlets(self) -> tuple[str, ...]:
        """Outlet labels in the order their first article appears."""
        seen: dict[str, None] = {}
        for source in self.sources:
            seen.setdefault(source.outlet, None)
        return tuple(seen)


class AnchorStatus(str, Enum):
    """What became of a quote when its article was searched for it."""

    FOUND = "found"
    #: Found more than once: the first place is shown, check warns.
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not-found"
    #: The article could not be read (or the assertion names no known source).
    NO_TEXT = "no-text"


@dataclass(frozen=True, slots=True)
class QuoteKey:
    """Which quote an anchor belongs to: its assertion's id, its place among the quotes, and
    which report holds it (-1: the assertion's own quotes)."""

    assertion_id: str
    index: int
    report: int = -1


@dataclass(frozen=True, slots=True)
class QuotePart:
    """One part of an elided quote: its words as the analyst wrote them, where the article
    holds them (when the whole quote was found), and the article's words the elision left out
    before it."""

    text: str
    location: Location | None = None
    #: The article's words between the previous part and this one, whitespace folded (empty
    #: for the first part).
    left_out: str = ""


@dataclass(frozen=True, slots=True)
class QuoteAnchor:
    """Where a quote was found in its article (or why it was not).

    A found quote carries the rest of its sentence (``before`` and ``after``, whitespace
    folded): taken while the article is read, so that views and the cache of verified corpora
    show a quote in its sentence without keeping or reading the text again. What is stored is
    only what the quote leaves out; the quote itself is the quote as written.
    """

    quote: QuoteRef
    source: str
    status: AnchorStatus
    location: Location | None = None
    start: int = -1
    end: int = -1
    #: Every place of an ambiguous quote (empty when it is found once: ``location`` says where).
    occurrences: tuple[Location, ...] = ()
    #: An elided quote's parts, in order; empty for a quote without elision marks.
    parts: tuple[QuotePart, ...] = ()
    #: The words of its sentence before the quote (found quotes only).
    before: str = ""
    #: The words of its sentence after the quote (found quotes only).
    after: str = ""

    @property
    def found(self) -> bool:
        return self.status in (AnchorStatus.FOUND, AnchorStatus.AMBIGUOUS)


@dataclass(frozen=True, slots=True)
class TextDigest:
    """An article text a verification read: the cache checks these before reusing it."""

    #: The path it was read from, as the verification opened it.
    path: str
    #: The file as findings and views name it.
    shown: str
    sha256: str


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A corpus (when the YAML could be read) and every problem met while loading it."""

    corpus: Corpus | None
    findings: tuple[Finding, ...] = field(default_factory=tuple)


class PartyKind(str, Enum):
    """What a name on the ``compare diff`` command line stands for."""

    OUTLET = "outlet"
    SOURCE = "source"


@dataclass(frozen=True)
class Party:
    """One side of a diff: an outlet (all its articles) or one source."""

    name: str
    kind: PartyKind
    sources: tuple[str, ...]

    @property
    def description(self) -> str:
        """``outlet East (east-one, east-two)`` or ``source east-one``."""
        if self.kind is PartyKind.OUTLET:
            return f"outlet {self.name} ({', '.join(self.sources)})"
        return f"source {self.name}"
