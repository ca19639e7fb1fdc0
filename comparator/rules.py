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
    "unused-ignore": Rule(Severity.INFO, "An ignore entry that suppressed nothing; remove it."),
}

MIN_QUOTE_WORDS = 5

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
        "normalising whitespace, quotes and dashes.",
    ),
    "quote-ambiguous": Rule(
        Severity.WARNING,
        "A quote occurs more than once in its source, so its place is not certain.",
    ),
    "quote-too-short": Rule(
        Severity.WARNING,
        f"A quote has fewer than {MIN_QUOTE_WORDS} words and cannot stand alone as evidence.",
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
