"""Every rule of ``compare check``: its default severity and what it means.

Plain data, so that the SARIF output, ignore entries and the views can name rules without
importing the code that finds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from comparator.models import Finding, Location, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's default severity and, in one sentence, what its findings mean."""

    severity: Severity
    meaning: str


#: The authoring lints' rules (comparator/lints.py), with default severity and meaning.
LINT_RULES: dict[str, Rule] = {
    "silent-but-mentions": Rule(
        Severity.WARNING,
        "A source listed as silent on a topic mentions "
        "the topic's keywords; read those lines again.",
    ),
    "stance-cue": Rule(
        Severity.WARNING,
        "A quote's wording contradicts its assertion: a hedge or "
        "negation under 'affirms', or reporting wording (said, claimed, "
        "according to) in the article's own voice under a stance other than neutral: "
        "move such a quote into reports.",
    ),
    "report-treatment": Rule(
        Severity.WARNING,
        "A report's treatment contradicts the article's own stance: it endorses a claimant "
        "of the other sign, or questions one of the same sign.",
    ),
    "source-drift": Rule(
        Severity.WARNING,
        "A pinned source's text changed: which of its quotes "
        "still anchor, and the new sha256 when all do.",
    ),
    "quote-context": Rule(
        Severity.WARNING,
        "A quote starts or ends inside its sentence, and the words it leaves out carry a "
        "negation, a doubt or a frame (reported speech, someone's message, a view set up to be "
        "rejected) that may change its sign or whose claim it is.",
    ),
    "unused-ignore": Rule(Severity.INFO, "An ignore entry that suppressed nothing; remove it."),
    "orphan-article": Rule(
        Severity.INFO,
        "A file in the corpus's article folder (seeds/) that no source names: a text ingested "
        "or copied there whose source was never added, or one left behind.",
    ),
    "same-article": Rule(
        Severity.INFO,
        "Two sources whose texts are one article: the same text after normalising, or one "
        "holding most of the other's sentences (a republication); it counts once.",
    ),
    "rival-unread": Rule(
        Severity.INFO,
        "A source gives one answer of a rival group and has no position on another: it was "
        "read for the question, so its view on the rival answer is probably in the text.",
    ),
}

MIN_QUOTE_WORDS = 5
#: The least words of each part of an elided quote: a part must stand alone as evidence.
MIN_PART_WORDS = 3
#: An elided quote of more parts than this is not searched for: a quote is a passage with a
#: few gaps, not a collage (and a pasted document with dots in it must not cost a search per
#: piece).
MAX_ELIDED_PARTS = 12

#: Every rule, with its default severity and what it means; the SARIF output lists these.
RULES: dict[str, Rule] = {
    "schema": Rule(
        Severity.ERROR,
        "A field is missing, unknown, of the wrong kind or a bad value, "
        "or the YAML uses a duplicate key, an anchor, alias or tag.",
    ),
    "unsourced": Rule(Severity.ERROR, "An assertion has no quote from its source."),
    "quote-not-found": Rule(
        Severity.ERROR,
        "A quote is not in its source's text, even after "
        "normalising whitespace, quotes and dashes (an elided quote: its parts are not all "
        "in one paragraph, in order).",
    ),
    "quote-ambiguous": Rule(
        Severity.WARNING,
        "A quote occurs more than once in its source, so its place is not certain.",
    ),
    "quote-too-short": Rule(
        Severity.WARNING,
        f"A quote has fewer than {MIN_QUOTE_WORDS} words, or a part of an elided quote fewer "
        f"than {MIN_PART_WORDS}, and cannot stand alone as evidence.",
    ),
    "unknown-source": Rule(
        Severity.ERROR,
        "An assertion or silent list names a source that is not defined.",
    ),
    "unknown-voice": Rule(
        Severity.ERROR, "A report names a voice that is not defined under voices."
    ),
    "attributed-v1": Rule(
        Severity.WARNING,
        "A version 1 assertion with attributed_to: read as a report by that voice with no "
        "stance of the article's own; write it in the version 2 form.",
    ),
    "unknown-claim": Rule(Severity.ERROR, "An assertion names a claim its topic does not define."),
    "duplicate-id": Rule(Severity.ERROR, "Two assertions share an id."),
    "duplicate-position": Rule(
        Severity.ERROR,
        "A source has two assertions on the same claim; put every quote in one.",
    ),
    "source-missing": Rule(Severity.ERROR, "A source's file does not exist or is not a file."),
    "source-unreadable": Rule(Severity.ERROR, "A source's file is binary or not UTF-8."),
    "source-outside-root": Rule(Severity.ERROR, "A source's file is outside the corpus folder."),
    "source-changed": Rule(Severity.ERROR, "A source's text no longer matches its sha256 pin."),
    "silent-conflict": Rule(
        Severity.WARNING,
        "A source is listed as silent on a topic it has assertions on.",
    ),
    "unreviewed": Rule(
        Severity.WARNING,
        "A source has neither an assertion on a topic nor a place in its silent list.",
    ),
    # The authoring lints (comparator/lints.py); source-drift explains a source-changed error.
    **LINT_RULES,
}


def finding(
    rule: str,
    message: str,
    location: Location,
    *,
    detail: tuple[str, ...] = (),
    related: tuple[Location, ...] = (),
) -> Finding:
    """A finding of ``rule`` at its default severity: every rule's findings are made here, so
    a rule's severity is written once, in ``RULES``."""
    return Finding(rule, RULES[rule].severity, message, location, detail, related)
