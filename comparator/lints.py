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
    # "it can be said that" is the author's own hedge, not someone else speaking.
    ("said", r"(?<!be\s)said|says|say"),
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
        # neutral reports others' claims without taking a side: the own voice takes none;
        # and an assertion that records its reports already says whose claim the quote
        # carries (the own stance answers it, as in "X said ..., but gave no evidence").
        if found[Cue.ATTRIBUTION] and a.stance not in (None, Stance.NEUTRAL) and not a.reports:
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
    # Lines as line_starts counts them: splitlines() also breaks at a form feed (a page's
    # end in a PDF's text) and would show another line than the one named.
    original = re.split(r"\r\n|\r|\n", article.text.original)
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


# --------------------------------------------------------------------------- quote-context


class ContextCue(str, Enum):
    """Families of words that, left out of a quote's sentence, can change what the quote says:
    its sign, or whose claim it is. The value is how a finding names the family."""

    #: "hardly", "not", "never", "no": the sentence may say the opposite of the quote.
    NEGATION = "negation"
    #: "unclear whether", "remain unproven": the sentence doubts what the quote states.
    DOUBT = "doubt"
    #: "said that", "claims that", "according to": the quote is someone else's claim.
    REPORTED = "reported speech"
    #: "message is that", "portrays itself as", "purports": the quote is someone's line,
    #: relayed as such, not the author's finding.
    FRAME = "frame"
    #: "some might see", "critics argue": a view the author sets up, often to reject it.
    COUNTERVIEW = "counterview"

    def __str__(self) -> str:
        return self.value


#: Cues in the words before a quote (or between the parts of an elided quote): words that
#: govern what follows them. Negation and doubt are looked for in the clause the quote starts
#: in (``_last_clause``); the framing families anywhere before it but in a leading subordinate
#: clause ("While allegations ... remain unproven, Russia has ...": the quote is the main
#: clause, the author's own).
GOVERNING_CUES: dict[ContextCue, str] = {
    ContextCue.NEGATION: (
        r"not|never|no|hardly|barely|scarcely|neither|nor|nothing|none|cannot|without|"
        r"far from|rather than|instead of|no longer|\w+n't"
    ),
    ContextCue.DOUBT: (
        r"whether|it remains to be seen|unproven|no evidence|unlikely|doubts?|doubtful|"
        r"unclear|uncertain|questionable"
    ),
    # "it can be said that" is the author hedging, not someone else speaking.
    ContextCue.REPORTED: (
        r"(?<!be\s)said|says|say|claimed|claims? that|argued|argues|argue|insisted|insists|"
        r"told|tells|stated|asserted|asserts|alleged|alleges|maintained|maintains|"
        r"declared|declares|according to|reportedly|in the words of"
    ),
    ContextCue.FRAME: (
        r"message|narrative|line is|talking points?|propaganda|portray(?:s|ed|ing)?|"
        r"present(?:s|ed|ing)? (?:itself|himself|herself|themselves)|"
        r"styl(?:e|es|ed|ing) (?:itself|himself|herself|themselves)|"
        r"cast(?:s|ing)? (?:itself|himself|herself|themselves)|purport(?:s|ed|ing)?|"
        r"pitch(?:es|ed|ing)?|self-presentation|(?:wants?|seeks?|hopes?) (?:\w+ )?to be seen"
    ),
    ContextCue.COUNTERVIEW: (
        r"some (?:\w+ )?(?:might |may |could |would )?(?:see|argue|say|think|believe|claim|"
        r"view|suggest|contend)|critics|skeptics|sceptics|"
        r"(?:it|this) (?:might|may|could) (?:seem|appear)|at first (?:glance|sight)|"
        r"on the surface|ostensibly|seemingly|supposedly|so-called|conventional wisdom|"
        r"it is (?:often|widely|commonly) (?:said|thought|believed|assumed)"
    ),
}
#: The families whose cue governs only its own clause.
LOCAL_CUES = frozenset({ContextCue.NEGATION, ContextCue.DOUBT})
#: What ends a clause, for the scope of a cue.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2014\u2013]|\s-\s")
#: A clause that opens with one of these is subordinate: what it says is not the quote's.
_SUBORDINATE = re.compile(
    r"(?i)^\W*(?:and\s+|but\s+)?(?:while|whilst|although|though|whether|despite|if|as|since|"
    r"because|when|even\s+as|even\s+if|even\s+though|unlike)\b"
)
#: Cues right after a quote: its sentence goes on to deny, doubt or attribute it ("... is
#: not true", "... remain unproven", "..., officials said.").
TRAILING_CUES: dict[ContextCue, str] = {
    # "X is not true" negates the quote; "X, not Y" only sets it against something else.
    ContextCue.NEGATION: (
        r"^\W*(?:(?:is|was|are|were|be|been|remains?|remained)\s+(?:not|never|hardly)\b|"
        r"(?:(?:is|was|are|were|be|been|remains?|remained)\s+)?"
        r"(?:false|untrue|wrong|a myth|baseless|unfounded)\b)"
    ),
    ContextCue.DOUBT: (
        r"^\W*(?:(?:is|was|are|were|remains?|remained)\s+)?"
        r"(?:unproven|unclear|uncertain|doubtful|unlikely|unconfirmed|unverified|disputed)\b"
    ),
    # The cue word of a long match is its named ``*_word`` group: the verb, not the clause.
    ContextCue.REPORTED: (
        r"^\W*(?:(?P<REPORTED_word>according to)\b|(?:[\w\x27\u2019.-]+\s+){0,5}?"
        r"(?P<REPORTED_word2>said|says|claimed|claims|argued|argues|insisted|insists|told|"
        r"stated|asserted|alleged|added|wrote)\b(?:\W+[\w\x27\u2019.-]+){0,6}\W*$)"
    ),
    ContextCue.FRAME: (
        r"^\W*as (?:[\w\x27\u2019.-]+\s+){0,4}?"
        r"(?P<FRAME_word>puts? it|would have it|claims?|says?)\b"
    ),
}


def _compile_cues(table: dict[ContextCue, str], *, anchored: bool) -> re.Pattern[str]:
    """One pattern for a table of cue families, a named group per family."""
    parts = []
    for cue, pattern in table.items():
        flexible = pattern.replace(" ", r"\s+").replace("'", "['\u2019]")
        parts.append(f"(?P<{cue.name}>{flexible})")
    joined = "|".join(parts)
    if anchored:
        return re.compile(f"(?i)(?:{joined})")
    return re.compile(rf"(?i)(?<![\w-])(?:{joined})(?![\w-])")


_GOVERNING = _compile_cues(GOVERNING_CUES, anchored=False)
_TRAILING = _compile_cues(TRAILING_CUES, anchored=True)


class Side(str, Enum):
    """Where words a quote leaves out stand in its sentence; the value is how a finding says
    it."""

    BEFORE = "before"
    BETWEEN = "between parts"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Words of a quote's sentence the quote leaves out, and the cues among them."""

    where: Side
    text: str
    cues: tuple[tuple[ContextCue, str], ...]


def left_out_cues(anchor: QuoteAnchor) -> list[LeftOut]:
    """The stretches of a found quote's sentence that it leaves out and that carry a cue."""
    if not anchor.found:
        return []
    out = []
    stretches = [(Side.BEFORE, anchor.before)] + [(Side.BETWEEN, p.left_out) for p in anchor.parts]
    for where, text in stretches:
        found = _governing(text)
        if found:
            out.append(LeftOut(where, " ".join(text.split()), found))
    trailing = _cue_words(_TRAILING.finditer(anchor.after))
    if trailing:
        out.append(LeftOut(Side.AFTER, " ".join(anchor.after.split()), trailing))
    return out


def _governing(text: str) -> tuple[tuple[ContextCue, str], ...]:
    """The cues of the words before a quote that bear on it: negation and doubt in the clause
    the quote starts in; the framing families in any clause but a leading subordinate one."""
    clauses = _CLAUSE_BREAK.split(text)
    found: dict[tuple[ContextCue, str], None] = {}
    for index, clause in enumerate(clauses):
        last = index == len(clauses) - 1
        subordinate = _SUBORDINATE.match(clause) is not None
        for cue, word in _cue_words(_GOVERNING.finditer(clause)):
            bears = last if cue in LOCAL_CUES else last or not subordinate
            if bears:
                found[(cue, word)] = None
    return tuple(found)


def _cue_words(matches: Iterable[re.Match[str]]) -> tuple[tuple[ContextCue, str], ...]:
    found: dict[tuple[ContextCue, str], None] = {}
    for match in matches:
        name = match.lastgroup or ""
        groups = match.groupdict()
        shown = groups.get(f"{name}_word") or groups.get(f"{name}_word2") or match.group(name)
        word = " ".join(shown.split())
        found[(ContextCue[name], word)] = None
    return tuple(found)


def context_findings(corpus: Corpus, anchors: Mapping[QuoteKey, QuoteAnchor]) -> list[Tied]:
    """Quotes whose sentence holds, in the words the quote leaves out, a negation or a frame
    that may change what the quote says. A quote of whole sentences leaves out no words and is
    never flagged. Where the file already says whose claim is reported (a quote under
    ``reports``, or an assertion that records reports or a version 1 ``attributed_to``), a
    left-out frame is accounted for, so only negation and doubt are flagged."""
    out: list[Tied] = []
    for topic in corpus.topics:
        for a in topic.assertions:
            speakers_named = bool(a.reports) or a.attributed_to is not None
            for key, quote in a.quoted():
                anchor = anchors.get(key)
                if anchor is None:
                    continue
                stretches = left_out_cues(anchor)
                if speakers_named or key.report >= 0:
                    # Whose claim the quote carries is already written down: only what may
                    # change its sign is left to flag.
                    stretches = _sign_only(stretches)
                if stretches:
                    out.append((_context_finding(a.id, quote.location, anchor, stretches), a))
    return out


def _sign_only(stretches: list[LeftOut]) -> list[LeftOut]:
    out = []
    for stretch in stretches:
        cues_ = tuple((cue, word) for cue, word in stretch.cues if cue in LOCAL_CUES)
        if cues_:
            out.append(LeftOut(stretch.where, stretch.text, cues_))
    return out


def _context_finding(
    assertion_id: str, where: Location, anchor: QuoteAnchor, stretches: list[LeftOut]
) -> Finding:
    families = dict.fromkeys(cue for s in stretches for cue, _ in s.cues)
    words_ = dict.fromkeys(word for s in stretches for _, word in s.cues)
    kinds = " and ".join(str(f) for f in families)
    detail = [f"sentence: {_marked_sentence(anchor)}"]
    for stretch in stretches:
        cues_ = ", ".join(f'{cue}: "{word}"' for cue, word in stretch.cues)
        detail.append(f'left out {stretch.where.value}: "{stretch.text}" ({cues_})')
    return finding(
        "quote-context",
        f"quote of assertion '{assertion_id}' leaves out words of its sentence that carry "
        f"{kinds} ({_listing(words_)}): the sentence may not say what the quote says; widen "
        "the quote to keep them (and check the stance), or say in an ignore entry why they "
        "change nothing",
        where,
        detail=tuple(detail),
        related=(anchor.location,) if anchor.location is not None else (),
    )


def _marked_sentence(anchor: QuoteAnchor) -> str:
    """The sentence, the quoted words between « »: plain text for a finding's detail."""
    quoted = (
        [(p.left_out, p.text) for p in anchor.parts] if anchor.parts else [("", anchor.quote.text)]
    )
    text = anchor.before
    for gap, words_ in quoted:
        text += f"{gap}«{' '.join(words_.split())}»"
    return " ".join((text + anchor.after).split())
