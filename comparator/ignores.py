"""``ignore`` entries: an analyst's answer to a finding, written next to what it is about.

A finding comes tied to its owner, the assertion or topic (or a topic's silent source) whose
``ignore`` entries may suppress it; entries that name no rule of ``compare check``, or that
suppress nothing, are findings themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from comparator.errors import did_you_mean
from comparator.models import Assertion, Corpus, Finding, IgnoreEntry, Severity, Topic
from comparator.rules import RULES


@dataclass(frozen=True)
class SilentPair:
    """A source in a topic's silent list: the topic's ignore entries for it (or for any
    source) may suppress a finding about the pair."""

    topic: Topic
    source: str


Owner = Assertion | Topic | SilentPair
Tied = tuple[Finding, "Owner | None"]


def _matching(owner: Owner, rule: str) -> list[tuple[int, int]]:
    """The (owner, entry index) keys of the ignore entries that cover a finding's rule."""
    if isinstance(owner, SilentPair):
        return [
            (id(owner.topic), i)
            for i, entry in enumerate(owner.topic.ignore)
            if entry.rule == rule and entry.source in (None, owner.source)
        ]
    if isinstance(owner, Topic):
        return [
            (id(owner), i)
            for i, entry in enumerate(owner.ignore)
            if entry.rule == rule and entry.source is None
        ]
    return [(id(owner), i) for i, entry in enumerate(owner.ignore) if entry.rule == rule]


def apply_ignores(
    tied: Iterable[Tied], corpus: Corpus, known_rules: Iterable[str], *, report_unused: bool = True
) -> tuple[list[Finding], int]:
    """Drop findings their owner ignores; report ignores of unknown rules and unused ones.

    Returns the findings kept (with the new ones) and how many were suppressed. When not every
    rule ran (views skip the lints), an entry that suppressed nothing proves nothing, so
    ``report_unused`` is off.
    """
    known = sorted(known_rules)
    kept: list[Finding] = []
    used: set[tuple[int, int]] = set()
    suppressed = 0
    for finding, owner in tied:
        keys = _matching(owner, finding.rule) if owner is not None else []
        if keys:
            suppressed += 1
            used.update(keys)
        else:
            kept.append(finding)
    source_ids = sorted(s.id for s in corpus.sources)
    entries: list[tuple[Assertion | Topic, str, int, IgnoreEntry]] = []
    for topic in corpus.topics:
        entries.extend(
            (topic, f"topic '{topic.id}'", i, entry) for i, entry in enumerate(topic.ignore)
        )
        for a in topic.assertions:
            entries.extend((a, f"assertion '{a.id}'", i, entry) for i, entry in enumerate(a.ignore))
    for owner, what, index, entry in entries:
        rule, source = entry.rule, entry.source
        if rule not in known:
            kept.append(
                Finding(
                    "schema",
                    Severity.ERROR,
                    f"{what}: ignore names rule '{rule}', which compare check does not have"
                    f"{_guess(rule, known)}",
                    owner.location,
                )
            )
        elif source is not None and source not in source_ids:
            kept.append(
                Finding(
                    "schema",
                    Severity.ERROR,
                    f"{what}: ignore names source '{source}', which is not under sources"
                    f"{_guess(source, source_ids)}",
                    owner.location,
                )
            )
        elif report_unused and (id(owner), index) not in used:
            scope = f" for '{source}'" if source else ""
            kept.append(
                Finding(
                    "unused-ignore",
                    RULES["unused-ignore"].severity,
                    f"{what} ignores '{rule}'{scope} (\"{entry.reason}\"), but there is "
                    "no such finding to ignore; remove the entry",
                    owner.location,
                )
            )
    return kept, suppressed


def _guess(name: str, known: list[str]) -> str:
    close = did_you_mean(name, known)
    return f"; did you mean '{close}'?" if close else ""
