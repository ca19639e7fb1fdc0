"""Verify a corpus: every rule of ``compare check``, the quote anchors views show, exit codes.

The same verification feeds the views, so ``compare weapons`` shows ``file:line`` for exactly
the quotes ``compare check`` passes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from comparator.errors import ExitCode, did_you_mean
from comparator.models import (
    AnchorStatus,
    Assertion,
    Corpus,
    Finding,
    Location,
    QuoteAnchor,
    QuoteKey,
    QuotePart,
    QuoteRef,
    Severity,
    Source,
    TextDigest,
    Topic,
)
from comparator.rules import MAX_ELIDED_PARTS, MIN_PART_WORDS, MIN_QUOTE_WORDS, RULES, finding

if TYPE_CHECKING:
    from comparator.ignores import Tied
    from comparator.lints import SilentListing
    from comparator.quotes import Passage
    from comparator.texts import ArticleText


@dataclass(frozen=True)
class CheckResult:
    """Everything a verification found, with the anchors the views use."""

    corpus: Corpus | None
    findings: tuple[Finding, ...]
    assertions: int = 0
    quotes: int = 0
    suppressed: int = 0
    anchors: dict[QuoteKey, QuoteAnchor] = field(default_factory=dict)
    texts: dict[str, ArticleText] = field(default_factory=dict)
    #: Every article text read: what the cache checks before reusing this.
    inputs: tuple[TextDigest, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def exit_code(self, fail_level: Severity = Severity.ERROR) -> ExitCode:
        failing = any(f.severity.rank >= fail_level.rank for f in self.findings)
        return ExitCode.FINDINGS if failing else ExitCode.OK

    def summary(self) -> str:
        counts = ", ".join(
            f"{self.count(s)} {s.value}{'' if s is Severity.INFO else 's'}"
            if self.count(s) != 1
            else f"1 {s.value}"
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        )
        line = (
            f"{self.assertions} assertion{'s' * (self.assertions != 1)}, {self.quotes} "
            f"quote{'s' * (self.quotes != 1)} checked: {counts}"
        )
        if self.suppressed:
            line += f" ({self.suppressed} suppressed by ignore)"
        return line


def _rival_claim_findings(
    topic: Topic, claim_ids: set[str]
) -> list[tuple[Finding, Assertion | None]]:
    """A rival group naming a claim its topic does not define (``unknown-claim``)."""
    out: list[tuple[Finding, Assertion | None]] = []
    for group in topic.rivals:
        for cid, where in zip(group.claims, group.claim_locations, strict=False):
            if cid not in claim_ids:
                message = (
                    f"a rival group of topic '{topic.id}' names claim '{cid}', which the "
                    f"topic does not define{_did_you_mean(cid, claim_ids)}"
                )
                out.append((finding("unknown-claim", message, where), None))
    return out


def structural_findings(corpus: Corpus) -> list[tuple[Finding, Assertion | None]]:
    """References, duplicates and coverage: what needs no article text."""
    out: list[tuple[Finding, Assertion | None]] = []
    source_ids = {s.id for s in corpus.sources}
    voice_ids = {v.id for v in corpus.voices}
    first_id: dict[str, Assertion] = {}
    for topic in corpus.topics:
        claim_ids = {c.id for c in topic.claims}
        positions: dict[tuple[str, str], Assertion] = {}
        for a in topic.assertions:
            if a.id in first_id:
                out.append(
                    (
                        finding(
                            "duplicate-id",
                            f"assertion id '{a.id}' is used twice "
                            f"(first at line {first_id[a.id].location.line}); ids "
                            "must be unique across the file",
                            a.location,
                            related=(first_id[a.id].location,),
                        ),
                        a,
                    )
                )
            else:
                first_id[a.id] = a
            if a.source not in source_ids:
                out.append(
                    (
                        finding(
                            "unknown-source",
                            f"assertion '{a.id}' names source "
                            f"'{a.source}', which is not under sources"
                            f"{_did_you_mean(a.source, source_ids)}",
                            a.location,
                        ),
                        a,
                    )
                )
            if a.claim not in claim_ids:
                out.append(
                    (
                        finding(
                            "unknown-claim",
                            f"assertion '{a.id}' names claim "
                            f"'{a.claim}', which topic '{topic.id}' does not define"
                            f"{_did_you_mean(a.claim, claim_ids)}",
                            a.location,
                        ),
                        a,
                    )
                )
            key = (a.source, a.claim)
            if key in positions:
                first = positions[key]
                out.append(
                    (
                        finding(
                            "duplicate-position",
                            f"source '{a.source}' already "
                            f"has a position on claim '{a.claim}' in assertion "
                            f"'{first.id}' (line {first.location.line}); one "
                            "position per source and claim: merge the quotes into "
                            "one assertion",
                            a.location,
                            related=(first.location,),
                        ),
                        a,
                    )
                )
            else:
                positions[key] = a
            if a.stance is not None and not a.quotes:
                out.append(
                    (
                        finding(
                            "unsourced",
                            f"assertion '{a.id}' has no quote; add a "
                            "verbatim passage from its source under quotes",
                            a.location,
                        ),
                        a,
                    )
                )
            out.extend((f, a) for f in voice_findings(corpus, a, voice_ids))
        out += _rival_claim_findings(topic, claim_ids)
        covered = {a.source for a in topic.assertions}
        silent = set(topic.silent)  # a set: thousands of sources times a long silent list
        for sid, where in zip(topic.silent, topic.silent_locations, strict=False):
            if sid not in source_ids:
                out.append(
                    (
                        finding(
                            "unknown-source",
                            f"topic '{topic.id}' lists '{sid}' as "
                            "silent, but it is not under sources"
                            f"{_did_you_mean(sid, source_ids)}",
                            where,
                        ),
                        None,
                    )
                )
            elif sid in covered:
                out.append(
                    (
                        finding(
                            "silent-conflict",
                            f"source '{sid}' is listed as silent "
                            f"on topic '{topic.id}' but has assertions on it; remove "
                            "it from silent or its assertions",
                            where,
                        ),
                        None,
                    )
                )
        for source in corpus.sources:
            if source.id not in covered and source.id not in silent:
                out.append(
                    (
                        finding(
                            "unreviewed",
                            f"source '{source.id}' has no assertion on "
                            f"topic '{topic.id}' and is not in its silent list; read "
                            "it for this topic and add assertions or list it as "
                            "silent",
                            topic.location,
                        ),
                        None,
                    )
                )
    return out


def voice_findings(corpus: Corpus, a: Assertion, voice_ids: set[str]) -> list[Finding]:
    """A version 1 attribution to restate, reports without quotes, voices not registered."""
    out = []
    if a.attributed_to is not None and corpus.version == "1":
        from comparator.validation import reports_form

        out.append(
            finding(
                "attributed-v1",
                f"assertion '{a.id}' has attributed_to '{a.attributed_to}': it is read as a "
                "report by that voice (treatment relays), with no stance of the article's "
                "own; in version 2, write it as a report (see the detail) and give the "
                "article's own stance and quotes only if it takes a position",
                a.attributed_location or a.location,
                detail=reports_form(a.attributed_to, a.reports[0].stance if a.reports else None),
            )
        )
    for report in a.reports:
        if not report.quotes:
            out.append(
                finding(
                    "unsourced",
                    f"the report by '{report.voice}' of assertion '{a.id}' has no quote; add "
                    "the verbatim passage that reports it under its quotes",
                    report.location,
                )
            )
        if report.voice not in voice_ids:
            out.append(
                finding(
                    "unknown-voice",
                    f"a report of assertion '{a.id}' names voice '{report.voice}', which is "
                    "not under voices; add it there with its name"
                    f"{_did_you_mean(report.voice, voice_ids)}",
                    report.location,
                )
            )
    return out


def _did_you_mean(name: str, choices: set[str]) -> str:
    """The end of an unknown-name message: the guess, if there is one."""
    close = did_you_mean(name, sorted(choices))
    return f"; did you mean '{close}'?" if close else ""


def anchor_quotes(
    assertions: Iterable[Assertion],
    article: ArticleText | None,
    anchors: dict[QuoteKey, QuoteAnchor],
) -> list[tuple[Finding, Assertion | None]]:
    """Find the quotes of one article's assertions in it: anchors for views (added to
    ``anchors``), findings for check. ``article`` is None when its text cannot be had."""
    # Here, not at the top, as the other imports of the verification (quotes, texts, ignores):
    # they are much of the core's import time, and a view whose corpus comes from the cache
    # never verifies.
    from comparator.quotes import elision_parts, word_count

    findings: list[tuple[Finding, Assertion | None]] = []
    for a in assertions:
        for key, quote in a.quoted():
            whose = _whose(a, key)
            if word_count(quote.text) < MIN_QUOTE_WORDS:
                findings.append(
                    (
                        finding(
                            "quote-too-short",
                            f"quote of {whose} has "
                            f"{word_count(quote.text)} word(s); quote at least {MIN_QUOTE_WORDS} "
                            "words, a clause that stands alone as evidence",
                            quote.location,
                        ),
                        a,
                    )
                )
            parts = elision_parts(quote.text)
            # A quote found as written is an ordinary quote, whatever dots it holds.
            found = article.text.find_all(quote.text) if article is not None else []
            if found:
                parts = None
            if parts is not None and len(parts) > MAX_ELIDED_PARTS:
                status = AnchorStatus.NOT_FOUND if article is not None else AnchorStatus.NO_TEXT
                anchors[key] = QuoteAnchor(quote, a.source, status)
                findings.append((_too_many_parts(whose, quote, len(parts)), a))
                continue
            if parts is not None:
                findings += [(f, a) for f in _short_parts(whose, quote, parts)]
            if article is None:
                anchors[key] = QuoteAnchor(
                    quote, a.source, AnchorStatus.NO_TEXT, parts=_unplaced(parts)
                )
                continue
            if found or not parts:
                # A quote found as written keeps today's anchoring, elision marks and all.
                anchor, problem = _anchor_whole(a, whose, quote, article, found)
            else:
                anchor, problem = _anchor_elided(a, whose, quote, article, parts)
            anchors[key] = anchor
            if problem is not None:
                findings.append((problem, a))
    return findings


def _several(places: tuple[Location, ...]) -> tuple[Location, ...]:
    """Every place of an ambiguous quote; none for a quote found once (its ``location`` says
    where), so tens of thousands of anchors do not each carry a tuple of one."""
    return places if len(places) > 1 else ()


def _whose(a: Assertion, key: QuoteKey) -> str:
    """How a message names the quote's owner: the assertion, or one of its reports."""
    if key.report < 0:
        return f"assertion '{a.id}'"
    return f"assertion '{a.id}' (report by '{a.reports[key.report].voice}')"


def _unplaced(parts: tuple[str, ...] | None) -> tuple[QuotePart, ...]:
    return tuple(QuotePart(p) for p in parts or ())


def _short_parts(whose: str, quote: QuoteRef, parts: tuple[str, ...]) -> list[Finding]:
    """A part of an elided quote too short to stand alone: each part must be evidence."""
    from comparator.quotes import normalise  # verification only: see anchor_quotes

    out = []
    for number, part in enumerate(parts, 1):
        count = len(normalise(part).split())
        if count < MIN_PART_WORDS:
            out.append(
                finding(
                    "quote-too-short",
                    f'part {number} of the elided quote of {whose} ("{part}") has '
                    f"{count} word(s); each part of an elided quote needs at least "
                    f"{MIN_PART_WORDS} words to stand alone: lengthen it or drop the elision",
                    quote.location,
                )
            )
    return out


def _anchor_whole(
    a: Assertion, whose: str, quote: QuoteRef, article: ArticleText, found: list[Passage]
) -> tuple[QuoteAnchor, Finding | None]:
    """The anchor of a quote matched as a whole (found once, several times, or not at all)."""
    places = tuple(Location(article.shown, p.line, p.column, p.page) for p in found)
    if not found:
        anchor = QuoteAnchor(quote, a.source, AnchorStatus.NOT_FOUND)
        return anchor, _not_found(whose, quote.text, quote.location, article)
    first = found[0]
    before, after = article.text.sentence_around(first.start, first.end)
    status = AnchorStatus.FOUND if len(found) == 1 else AnchorStatus.AMBIGUOUS
    anchor = QuoteAnchor(
        quote,
        a.source,
        status,
        places[0],
        first.start,
        first.end,
        _several(places),
        before=before,
        after=after,
    )
    return anchor, _ambiguous(whose, quote, article, places)


def _ambiguous(
    whose: str, quote: QuoteRef, article: ArticleText, places: tuple[Location, ...]
) -> Finding | None:
    if len(places) < 2:
        return None
    lines = ", ".join(f"{p.line}:{p.column}{p.page_note}" for p in places)
    return finding(
        "quote-ambiguous",
        f"quote of {whose} occurs "
        f"{len(places)} times in {article.shown} (at {lines}); lengthen it so "
        "it points at one passage",
        quote.location,
        related=places,
    )


def _too_many_parts(whose: str, quote: QuoteRef, count: int) -> Finding:
    return finding(
        "quote-not-found",
        f"elided quote of {whose} has {count} parts; an elided quote may have at "
        f"most {MAX_ELIDED_PARTS}, so it was not searched for: quote the passage in fewer, "
        "longer parts (or as several quotes)",
        quote.location,
    )


def _anchor_elided(
    a: Assertion, whose: str, quote: QuoteRef, article: ArticleText, parts: tuple[str, ...]
) -> tuple[QuoteAnchor, Finding | None]:
    """An elided quote: its parts in order within one paragraph, each part's place kept."""
    from comparator.quotes import fold  # verification only: see anchor_quotes

    matches = article.text.find_elided(parts)
    if not matches:
        anchor = QuoteAnchor(quote, a.source, AnchorStatus.NOT_FOUND, parts=_unplaced(parts))
        return anchor, _elided_not_found(whose, quote, article, parts)
    passages = matches[0]
    original = article.text.original
    placed = []
    previous = None
    for part, passage in zip(parts, passages, strict=True):
        gap = fold(original[previous.end : passage.start]) if previous is not None else ""
        where = Location(article.shown, passage.line, passage.column, passage.page)
        placed.append(QuotePart(part, where, gap))
        previous = passage
    start, end = passages[0].start, passages[-1].end
    before, after = article.text.sentence_around(start, end)
    places = tuple(Location(article.shown, m[0].line, m[0].column, m[0].page) for m in matches)
    status = AnchorStatus.FOUND if len(matches) == 1 else AnchorStatus.AMBIGUOUS
    anchor = QuoteAnchor(
        quote,
        a.source,
        status,
        places[0],
        start,
        end,
        _several(places),
        tuple(placed),
        before,
        after,
    )
    return anchor, _ambiguous(whose, quote, article, places)


def _elided_not_found(
    whose: str, quote: QuoteRef, article: ArticleText, parts: tuple[str, ...]
) -> Finding:
    """Why an elided quote does not anchor: a part that is not in the text (with its closest
    passage), or parts that are, but not in order within one paragraph."""
    from comparator.quotes import format_word_diff  # verification only: see anchor_quotes

    detail: list[str] = []
    related: list[Location] = []
    missing: list[int] = []
    paragraphs: set[int] = set()
    for number, part in enumerate(parts, 1):
        found = article.text.find_all(part, limit=1)
        if found:
            place = found[0]
            related.append(Location(article.shown, place.line, place.column, place.page))
            paragraph = article.text.layout.paragraph_of(place.start)
            paragraphs.add(paragraph)
            detail.append(
                f"part {number} found at {place.line}:{place.column}{related[-1].page_note} "
                f"(paragraph {paragraph + 1}): {part}"
            )
            continue
        missing.append(number)
        miss = article.text.explain_miss(part)
        if miss.closest is None:
            detail.append(f"part {number} not found, nothing close: {part}")
            continue
        closest = Location(article.shown, miss.closest.line, miss.closest.column, miss.closest.page)
        related.append(closest)
        detail.append(
            f"part {number} not found; closest at {closest.line}:{closest.column}"
            f"{closest.page_note}: {' '.join(miss.closest.text.split())}"
        )
        detail.append(f"diff:    {format_word_diff(miss.diff)}")
    message = f"elided quote of {whose} is not in {article.shown}: "
    if missing:
        which = ", ".join(str(n) for n in missing)
        message += f"part{'s' * (len(missing) > 1)} {which} not found"
    elif len(paragraphs) > 1:
        message += (
            "its parts are in different paragraphs; the parts of an elided quote must all be "
            "in one paragraph"
        )
    else:
        message += "its parts are not in this order in any paragraph; quote them in order"
    return finding(
        "quote-not-found", message, quote.location, detail=tuple(detail), related=tuple(related)
    )


def _not_found(whose: str, quote: str, where: Location, article: ArticleText) -> Finding:
    from comparator.quotes import format_word_diff  # verification only: see anchor_quotes

    miss = article.text.explain_miss(quote)
    message = f"quote of {whose} is not in {article.shown}"
    detail: list[str] = []
    related: tuple[Location, ...] = ()
    if miss.closest is not None:
        place = Location(article.shown, miss.closest.line, miss.closest.column, miss.closest.page)
        related = (place,)
        if miss.only_differs_in is not None:
            message += (
                f"; it differs only in {miss.only_differs_in.value} from the text at "
                f"{place.line}:{place.column}{place.page_note}: copy the text exactly"
            )
        else:
            message += f"; closest passage at {place.line}:{place.column}{place.page_note}"
        detail.append(f"closest: {' '.join(miss.closest.text.split())}")
        detail.append(f"diff:    {format_word_diff(miss.diff)}")
    else:
        message += "; nothing in the text is close to it"
    return finding("quote-not-found", message, where, detail=tuple(detail), related=related)


def verify(
    corpus: Corpus | None,
    load_findings: tuple[Finding, ...] = (),
    *,
    lints: bool = True,
    keep_texts: bool = False,
) -> CheckResult:
    """Run every rule on a loaded corpus; ``load_findings`` are the loader's schema findings.

    Views pass ``lints=False``: the authoring lints only advise the analyst, and a view should
    not pay for them on every start. Articles are read, checked and dropped one at a time, so
    a large corpus never holds more than one text; ``keep_texts`` keeps them for a caller that
    needs them afterwards (``compare suggest``).
    """
    if corpus is None:
        return CheckResult(None, tuple(sorted(load_findings, key=_order)))
    return _verify(corpus, load_findings, lints, keep_texts)


def _verify(
    corpus: Corpus, load_findings: tuple[Finding, ...], lints: bool, keep_texts: bool
) -> CheckResult:
    from comparator.ignores import apply_ignores  # verification only: see anchor_quotes
    from comparator.texts import ArticleText, read_text

    silent: dict[str, list[SilentListing]] = {}
    if lints:
        # Only ``compare check`` lints: a view would pay for compiling the cue patterns.
        from comparator import lints as linter

        silent = linter.silent_pairs(corpus)
        from comparator.corpuslints import SameTextIndex

        same_text = SameTextIndex()
        indexed: list[tuple[Source, str]] = []
    by_source: dict[str, list[Assertion]] = {}
    for topic in corpus.topics:
        for a in topic.assertions:
            by_source.setdefault(a.source, []).append(a)
    anchors: dict[QuoteKey, QuoteAnchor] = {}
    tied: list[Tied] = [*structural_findings(corpus)]
    text_findings: list[Finding] = []
    texts: dict[str, ArticleText] = {}
    read_texts: dict[str, TextDigest] = {}
    inputs: list[TextDigest] = []
    for source in corpus.sources:
        read = read_text(corpus, source)
        article = read if isinstance(read, ArticleText) else None
        if isinstance(read, Finding):
            text_findings.append(read)
        if article is not None:
            digest = TextDigest(str(article.path), article.shown, article.sha256)
            read_texts[source.id] = digest
            inputs.append(digest)
            if source.sha256 and article.sha256 != source.sha256:
                text_findings.append(
                    finding(
                        "source-changed",
                        f"source '{source.id}': {article.shown} has changed "
                        f"since it was read (sha256 {article.sha256[:12]}…, pinned "
                        f"{source.sha256[:12]}…); re-read it, check its quotes, then update "
                        "sha256",
                        source.location,
                    )
                )
        tied += anchor_quotes(by_source.pop(source.id, ()), article, anchors)
        if lints and article is not None:
            if source.id in silent:
                tied += linter.silent_findings(source.id, silent[source.id], article)
            same_text.add(article.text.normalised)
            indexed.append((source, article.shown))
        if keep_texts and article is not None:
            texts[source.id] = article
    for rest in by_source.values():  # assertions that name no known source
        tied += anchor_quotes(rest, None, anchors)
    if lints:
        tied += linter.stance_cue_findings(corpus) + linter.drift_findings(
            corpus, read_texts, anchors
        )
        tied += linter.rival_unread_findings(corpus)
        tied += linter.context_findings(corpus, anchors)
        from comparator.corpuslints import orphan_findings, same_article_findings

        tied += same_article_findings(same_text, indexed) + orphan_findings(corpus)
    kept_tied, suppressed = apply_ignores(tied, corpus, RULES, report_unused=lints)
    kept: list[Finding] = list(load_findings) + text_findings + kept_tied
    assertions = sum(len(t.assertions) for t in corpus.topics)
    quotes = sum(len(a.quoted()) for t in corpus.topics for a in t.assertions)
    return CheckResult(
        corpus,
        tuple(sorted(kept, key=_order)),
        assertions,
        quotes,
        suppressed,
        anchors,
        texts,
        tuple(inputs),
    )


def _order(finding: Finding) -> tuple[str, int, int, str]:
    loc = finding.location
    return (loc.file, loc.line, loc.column, finding.rule)
