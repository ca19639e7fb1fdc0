"""``compare add``: the tool writes into ``assertions.yaml`` what the analyst decides.

An own stance with its quotes, a report in another voice (with a new voice if asked), a
``silent`` entry, a new claim or a new topic: each is checked before anything is written.
Every quote is anchored in the article as ``compare check`` anchors it, and a quote it would
fail is refused with check's own finding (the closest passage and a word diff). The addition
is inserted as text (``yamledit``), keeping every other byte of the file, under the file lock,
re-reading the file inside it; the new file must load with no finding more than the old one
and read back exactly what was asked, or nothing is written. Then it replaces the old one
atomically.

What a demanding analyst expects, and so what ``add`` does: an unknown topic, claim, source or
voice is refused with a did-you-mean, unless the call says what it is (``--title`` and
``--question`` start a topic, ``--claim-text`` a claim, ``--voice-name`` a voice), so a typo
never makes a new one; the tool never picks a stance (``--stance STANCE``, as ``suggest``
prints it, answers with the choices).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from comparator.check import anchor_quotes
from comparator.errors import InputError, UsageError, did_you_mean
from comparator.fileio import (
    MAX_CORPUS_FILE_BYTES,
    atomic_write,
    exclusive_lock,
    read_input,
    refuse_read_only,
    utf8_error_position,
)
from comparator.loader import SLUG, display_path, load_corpus_text
from comparator.models import (
    RESERVED_TOPIC_IDS,
    Assertion,
    Corpus,
    Finding,
    LoadResult,
    Location,
    QuoteAnchor,
    QuoteKey,
    QuoteRef,
    Report,
    Severity,
    Stance,
    Topic,
    Treatment,
    VoiceKind,
)
from comparator.safetext import hidden_character
from comparator.yamledit import (
    LINE_BREAK,
    Block,
    Edit,
    after_line,
    apply,
    emit,
    fill_empty,
    flow_append,
    flow_empty,
    key_column,
    last_line,
    newline_of,
    split_lines,
    with_comments,
    without_break,
)
from comparator.yamlparse import MAPPING, SEQUENCE, Spanned, spans
from comparator.yamltext import scalar

#: Where a topic's new keys go: after the last of these that it has (the order DESIGN writes).
_BEFORE_ASSERTIONS = ("title", "question", "keywords", "claims", "rivals")


class AddKind(str, Enum):
    """What one ``compare add`` call wrote."""

    TOPIC = "topic"
    CLAIM = "claim"
    VOICE = "voice"
    ASSERTION = "assertion"
    STANCE = "stance"
    REPORT = "report"
    SILENT = "silent"


@dataclass(frozen=True)
class AddRequest:
    """What the command line asks for; strings as typed, checked by ``add``."""

    topic: str
    source: str | None = None
    claim: str | None = None
    stance: str | None = None
    quotes: tuple[str, ...] = ()
    summary: str | None = None
    assertion_id: str | None = None
    report_voice: str | None = None
    report_stance: str | None = None
    report_treatment: str | None = None
    report_quotes: tuple[str, ...] = ()
    voice_name: str | None = None
    voice_role: str | None = None
    voice_kind: str | None = None
    silent: bool = False
    reason: str | None = None
    claim_text: str | None = None
    title: str | None = None
    question: str | None = None
    #: A new topic's keywords: words ``check`` looks for in the texts of its silent sources.
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Added:
    """One thing written: what, its id, and the line of the file it starts at (1-based)."""

    kind: AddKind
    name: str
    line: int


@dataclass(frozen=True)
class AddResult:
    """What ``compare add`` did: written, or refused with the quote findings that say why."""

    yaml_path: str
    written: bool
    added: tuple[Added, ...] = ()
    #: What check says of the new quotes: errors (nothing written) or warnings (written).
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()
    #: The new or changed lines of the file, (1-based number, text without its line end),
    #: as a diff would show them added.
    changed: tuple[tuple[int, str], ...] = ()


# --------------------------------------------------------------------------- the request


def _choice(value: str, enum: type[Enum], option: str) -> Enum:
    choices = "|".join(str(m.value) for m in enum)
    try:
        return enum(value.strip().lower())
    except ValueError:
        if value == "STANCE":
            raise UsageError(
                f"{option} STANCE is the place for your reading: the tool never picks a stance",
                hint=f"replace STANCE with one of {choices}",
            ) from None
        close = did_you_mean(value.lower(), [str(m.value) for m in enum], prefix=True)
        guess = f"did you mean '{close}'? " if close else ""
        raise UsageError(
            f"{option} '{value}' is not one of {choices}", hint=f"{guess}choose one of {choices}"
        ) from None


def _slug(value: str, what: str) -> None:
    if not SLUG.match(value) or len(value) > 64:
        raise UsageError(
            f"{what} '{value}' is not valid: expected a lowercase slug (a-z, 0-9 and single "
            "hyphens) of at most 64 characters"
        )


def _text(value: str | None, option: str) -> None:
    if value is None:
        return
    if not value.strip():
        raise UsageError(f"{option} must not be empty")
    found = hidden_character(value)
    # only a name is refused one (the loader's rule: two names differing in one look alike)
    if found is not None and option == "--voice-name":
        raise UsageError(
            f"{option} is not valid: character {found[0] + 1} is {found[1]}, invisible or a "
            "control",
            hint="retype it without that character",
        )


def _check_request(request: AddRequest) -> None:
    """Usage errors that need no file: which options go together, and their values."""
    own = request.stance is not None or bool(request.quotes)
    report_parts = (
        request.report_voice,
        request.report_stance,
        request.report_treatment,
    )
    report = any(p is not None for p in report_parts) or bool(request.report_quotes)
    new_voice = any(
        v is not None for v in (request.voice_name, request.voice_role, request.voice_kind)
    )
    _slug(request.topic, "topic id")
    if request.silent:
        if request.reason is None:
            raise UsageError(
                "--silent needs --reason: why the article says nothing on this topic",
                hint="add --reason TEXT (what you looked for and did not find)",
            )
        defines_claim = request.claim is not None and request.claim_text is not None
        if own or report or request.summary is not None or (request.claim and not defines_claim):
            raise UsageError(
                "--silent records that the article says nothing on the topic; it does not "
                "go with --claim, --stance, --quote, --summary or the --report options"
            )
    elif request.reason is not None:
        raise UsageError("--reason goes with --silent", hint="add --silent, or drop --reason")
    if own and (request.stance is None or not request.quotes):
        missing = "--stance" if request.stance is None else "--quote"
        raise UsageError(
            f"an own stance needs --stance and at least one --quote; {missing} is missing"
        )
    if report and (any(p is None for p in report_parts) or not request.report_quotes):
        raise UsageError(
            "a report needs --report-voice, --report-stance, --report-treatment and at least "
            "one --report-quote"
        )
    if new_voice and not report:
        raise UsageError("--voice-name, --voice-role and --voice-kind describe a report's voice")
    if new_voice and request.voice_name is None:
        raise UsageError("--voice-role and --voice-kind describe a new voice: add --voice-name")
    if (own or report or request.silent) and request.source is None:
        raise UsageError("which article? add --source ID")
    if (own or report) and request.claim is None:
        raise UsageError("which claim? add --claim CLAIM")
    if request.claim_text is not None and request.claim is None:
        raise UsageError("--claim-text gives the text of a new claim: add --claim CLAIM")
    if (request.summary is not None or request.assertion_id is not None) and not (own or report):
        raise UsageError("--summary and --id describe an assertion: give --stance or a report")
    if request.stance is not None:
        _choice(request.stance, Stance, "--stance")
    if request.report_stance is not None:
        _choice(request.report_stance, Stance, "--report-stance")
    if request.report_treatment is not None:
        _choice(request.report_treatment, Treatment, "--report-treatment")
    if request.voice_kind is not None:
        _choice(request.voice_kind, VoiceKind, "--voice-kind")
    for value, option in (
        (request.summary, "--summary"),
        (request.reason, "--reason"),
        (request.claim_text, "--claim-text"),
        (request.title, "--title"),
        (request.question, "--question"),
        (request.voice_name, "--voice-name"),
        (request.voice_role, "--voice-role"),
        *((q, "--quote") for q in request.quotes),
        *((q, "--report-quote") for q in request.report_quotes),
        *((k, "--keyword") for k in request.keywords),
    ):
        _text(value, option)
    for value, what in (
        (request.source, "source id"),
        (request.claim, "claim id"),
        (request.report_voice, "voice id"),
        (request.assertion_id, "assertion id"),
    ):
        if value is not None:
            _slug(value, what)
    if not (own or report or request.silent or request.claim_text or request.title):
        raise UsageError(
            "nothing to add",
            hint="give --stance and --quote, a report (--report-voice ...), --silent --reason, "
            "a new claim (--claim --claim-text) or a new topic (--title --question)",
        )


# --------------------------------------------------------------------------- the command


def add(request: AddRequest, yaml_path: Path) -> AddResult:
    """Add what ``request`` asks to the corpus at ``yaml_path``: checked, anchored, inserted
    as text under the file's lock, re-validated, written atomically."""
    _check_request(request)
    shown = display_path(yaml_path)
    refuse_read_only(yaml_path, shown)
    with exclusive_lock(yaml_path.resolve()):
        return _add(request, yaml_path, shown)


def _read(yaml_path: Path, shown: str) -> str:
    data = read_input(
        yaml_path,
        shown,
        folder_hint="point --assertions at the assertions.yaml inside it",
        limit=MAX_CORPUS_FILE_BYTES,
    )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = utf8_error_position(data, exc)
        raise InputError(
            f"{shown}:{line}:{column}: not UTF-8 (byte 0x{data[exc.start]:02x})",
            hint="save the file as UTF-8",
        ) from None


@dataclass(frozen=True)
class _Plan:
    """What the call will write, resolved against the corpus."""

    topic_new: bool
    claim_new: bool
    voice_new: bool
    #: The assertion to create, or the existing one to extend (by id).
    assertion_id: str | None
    assertion_new: bool
    stance: Stance | None
    summary: str | None
    report: Report | None
    #: The silent source uses the topic's keywords: the reason goes into an ignore entry of
    #: silent-but-mentions (else into a comment beside the silent list).
    silent_ignore: bool = False


def _add(request: AddRequest, yaml_path: Path, shown: str) -> AddResult:
    text = _read(yaml_path, shown)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    loaded = load_corpus_text(body, yaml_path.resolve(), shown)
    corpus = loaded.corpus
    if corpus is None:
        raise InputError(
            f"{shown}: does not load, so nothing can be added to it",
            hint="run 'compare check' and fix its errors first",
        )
    notes: list[str] = []
    plan = _plan(request, corpus, notes)
    findings: tuple[Finding, ...] = ()
    if plan.stance is not None or plan.report is not None:
        findings = _anchor(request, corpus, plan, notes)
        if any(f.severity is Severity.ERROR for f in findings):
            return AddResult(shown, False, findings=findings, notes=tuple(notes))
    root = spans(body, shown)
    if root is None or root.kind is not MAPPING:
        raise InputError(f"{shown}: is not a mapping of version, sources and topics")
    lines = split_lines(body)
    edits, added = _edits(request, corpus, plan, root, lines, shown)
    del root  # the spans of a large file are not kept while the new text is validated
    new_body = apply(lines, edits)
    changed = _changed_lines(edits, new_body)
    del lines
    new_corpus = _validate(loaded, new_body, yaml_path, shown, request, plan)
    added = _lines_of(added, new_corpus, request.topic)
    atomic_write(yaml_path, bom + new_body)
    if plan.assertion_new and request.summary is None:
        notes.append(
            f"summary: none given, so it reads {plan.summary!r}; replace it with the "
            "article's point in a sentence"
        )
    return AddResult(shown, True, tuple(added), findings, tuple(notes), changed)


def _changed_lines(edits: list[Edit], new_body: str) -> tuple[tuple[int, str], ...]:
    """The lines of the new text that the edits made or changed, in order."""
    numbers: set[int] = set()
    shift = 0
    for edit in sorted(edits, key=lambda e: (e.line, e.column)):
        breaks = len(LINE_BREAK.findall(edit.text))
        first = edit.line + shift
        # a whole-line insertion is its own lines; an edit inside a line changes that line
        whole = edit.column == 0 and bool(LINE_BREAK.match(edit.text[-1:]))
        count = breaks if whole else breaks + 1
        if edit.column > 0 and LINE_BREAK.match(edit.text):
            first, count = first + 1, breaks  # a line end first: lines after this one
        numbers.update(range(first, first + count))
        shift += breaks
    new_lines = split_lines(new_body)
    return tuple(
        (n + 1, without_break(new_lines[n])) for n in sorted(numbers) if n < len(new_lines)
    )


def _plan(request: AddRequest, corpus: Corpus, notes: list[str]) -> _Plan:
    from comparator.workflow import resolve_source

    topic = corpus.topic(request.topic)
    topic_new = topic is None
    if topic is None:
        if request.topic in RESERVED_TOPIC_IDS:
            raise UsageError(
                f"'{request.topic}' is a command of compare, so it cannot be a topic id",
                hint="choose another topic id",
            )
        known = [t.id for t in corpus.topics]
        if request.title is None or request.question is None:
            close = did_you_mean(request.topic, known, prefix=True)
            guess = f"did you mean '{close}'? " if close else ""
            raise UsageError(
                f"no topic '{request.topic}' in {corpus.display_path}",
                hint=f"{guess}to start it, add --title TEXT and --question TEXT (and a first "
                f"claim: --claim ID --claim-text TEXT); topics: {', '.join(known) or '(none)'}",
            )
        if request.claim is None:
            raise UsageError(
                "a new topic needs its first claim: add --claim ID --claim-text TEXT",
                hint="a claim is a proposition the articles take positions on",
            )
        if request.claim_text is None:
            raise UsageError(
                f"topic '{request.topic}' is new, so claim '{request.claim}' is too",
                hint="add --claim-text TEXT: the proposition articles take positions on",
            )
    elif request.title is not None or request.question is not None or request.keywords:
        raise UsageError(
            f"topic '{request.topic}' already exists (line {topic.location.line}); --title, "
            "--question and --keyword only start a new topic",
            hint="drop them, or edit the topic's title, question and keywords in the file",
        )
    claim_new = False
    if request.claim is not None:
        existing_claim = (
            next((c for c in topic.claims if c.id == request.claim), None) if topic else None
        )
        if existing_claim is None:
            if request.claim_text is None:
                assert topic is not None
                known_claims = [c.id for c in topic.claims]
                close = did_you_mean(request.claim, known_claims, prefix=True)
                guess = f"did you mean '{close}'? " if close else ""
                raise UsageError(
                    f"topic '{topic.id}' has no claim '{request.claim}'",
                    hint=f"{guess}to add it, give --claim-text TEXT; claims: "
                    f"{', '.join(known_claims) or '(none)'}",
                )
            claim_new = True
        elif request.claim_text is not None and request.claim_text != existing_claim.text:
            raise UsageError(
                f"claim '{request.claim}' of topic '{request.topic}' already exists (line "
                f"{existing_claim.location.line}) with another text",
                hint="drop --claim-text to use it as it is, or choose another claim id",
            )
    if request.source is not None:
        resolve_source(corpus, request.source)
    if request.silent:
        _check_silent(request, topic)
        probe = topic or Topic(
            request.topic, request.title or "", request.question or "", Location(""),
            keywords=request.keywords,
        )  # fmt: skip
        mentions = _mentions(corpus, probe, request.source or "", notes)
        return _Plan(topic_new, claim_new, False, None, False, None, None, None, mentions)
    voice_new = False
    report = None
    if request.report_voice is not None:
        if corpus.version != "2":
            raise UsageError(
                f"{corpus.display_path} is version {corpus.version}; reports and voices are "
                "version 2",
                hint="move the file to version 2 first (compare check's attributed-v1 shows "
                "the form), or record the article's own stance only",
            )
        voice_new = _check_voice(request, corpus)
        report = Report(
            request.report_voice,
            Stance(request.report_stance.strip().lower()),  # type: ignore[union-attr]
            Treatment(request.report_treatment.strip().lower()),  # type: ignore[union-attr]
            tuple(
                QuoteRef(q, Location(f"--report-quote {n}"))
                for n, q in enumerate(request.report_quotes, 1)
            ),
            Location("--report-voice"),
        )
    stance = Stance(request.stance.strip().lower()) if request.stance is not None else None
    if stance is None and report is None:
        return _Plan(topic_new, claim_new, voice_new, None, False, None, None, None)
    existing = (
        next(
            (
                a
                for a in topic.assertions
                if a.source == request.source and a.claim == request.claim
            ),
            None,
        )
        if topic is not None
        else None
    )
    if topic is not None and request.source in topic.silent:
        raise UsageError(
            f"source '{request.source}' is listed as silent on topic '{topic.id}'; a position "
            "there would contradict it",
            hint=f"remove '{request.source}' from the topic's silent list first",
        )
    if existing is not None:
        if stance is not None and existing.stance is not None:
            raise UsageError(
                f"source '{request.source}' already has a position on claim "
                f"'{request.claim}': assertion '{existing.id}' (line "
                f"{existing.location.line}); one position per source and claim",
                hint="edit that assertion's stance and quotes in the file, or add a report "
                "to it with the --report options",
            )
        if request.assertion_id is not None and request.assertion_id != existing.id:
            raise UsageError(
                f"source '{request.source}' and claim '{request.claim}' already have "
                f"assertion '{existing.id}' (line {existing.location.line}); --id names a "
                "new one",
                hint="drop --id: the addition goes into that assertion",
            )
        if request.summary is not None:
            notes.append(f"--summary left out: assertion '{existing.id}' keeps its own summary")
        return _Plan(topic_new, claim_new, voice_new, existing.id, False, stance, None, report)
    ids = {a.id for t in corpus.topics for a in t.assertions}
    assertion_id = request.assertion_id or _new_id(request, ids)
    if assertion_id in ids:
        raise UsageError(
            f"assertion id '{assertion_id}' is already used", hint="choose another --id"
        )
    summary = request.summary
    if summary is None:
        claim_text = (
            request.claim_text
            or next((c.text for c in topic.claims if c.id == request.claim), request.claim or "")
            if topic is not None
            else (request.claim_text or "")
        )
        summary = _default_summary(claim_text, stance, report)
    return _Plan(topic_new, claim_new, voice_new, assertion_id, True, stance, summary, report)


def _check_silent(request: AddRequest, topic: Topic | None) -> None:
    if topic is None:
        return
    source = request.source
    if source in topic.silent:
        index = topic.silent.index(source)
        raise UsageError(
            f"source '{source}' is already listed as silent on topic '{topic.id}' (line "
            f"{topic.silent_locations[index].line})"
        )
    held = [a for a in topic.assertions if a.source == source]
    if held:
        raise UsageError(
            f"source '{source}' has {len(held)} assertion(s) on topic '{topic.id}' (first "
            f"'{held[0].id}', line {held[0].location.line}); it is not silent on it",
            hint="remove those assertions first if the article really says nothing on it",
        )


def _mentions(corpus: Corpus, topic: Topic | None, source_id: str, notes: list[str]) -> bool:
    """Whether check's silent-but-mentions would fire on the new silent entry."""
    if topic is None or not topic.keywords:
        return False
    from comparator.lints import SilentListing, silent_findings
    from comparator.texts import read_text

    source = corpus.source(source_id)
    assert source is not None
    read = read_text(corpus, source)
    if isinstance(read, Finding):
        return False
    found = silent_findings(source_id, [SilentListing(topic, Location("--silent"))], read)
    if not found:
        return False
    notes.append(
        f"{found[0][0].message}; your --reason is recorded as the ignore entry of "
        "silent-but-mentions for it"
    )
    return True


def _check_voice(request: AddRequest, corpus: Corpus) -> bool:
    """Whether the report's voice is new; refuse an unknown one without --voice-name."""
    voice_id = request.report_voice
    assert voice_id is not None
    voice = corpus.voice(voice_id)
    if voice is None:
        if request.voice_name is None:
            known = [v.id for v in corpus.voices]
            close = did_you_mean(voice_id, known, prefix=True)
            guess = f"did you mean '{close}'? " if close else ""
            raise UsageError(
                f"no voice '{voice_id}' under voices in {corpus.display_path}",
                hint=f"{guess}to add it, give --voice-name NAME (and --voice-role, "
                f"--voice-kind); voices: {', '.join(known) or '(none)'}",
            )
        return True
    if request.voice_name is not None and (
        request.voice_name != voice.name
        or (request.voice_role is not None and request.voice_role != voice.role)
        or (request.voice_kind is not None and request.voice_kind != (voice.kind or ""))
    ):
        raise UsageError(
            f"voice '{voice_id}' already exists (line {voice.location.line}) as '{voice.name}'",
            hint="drop --voice-name, --voice-role and --voice-kind to report that voice, "
            "or choose another voice id",
        )
    return False


def _new_id(request: AddRequest, ids: set[str]) -> str:
    base = f"{request.topic}-{request.source}-{request.claim}"
    base = base[:60].rstrip("-")
    candidate, number = base, 2
    while candidate in ids:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _default_summary(claim: str, stance: Stance | None, report: Report | None) -> str:
    if stance is not None:
        return f"{stance.value.capitalize()}: {claim}"
    assert report is not None
    return f"{report.treatment.value.capitalize()} {report.voice} ({report.stance.value}): {claim}"


# --------------------------------------------------------------------------- anchoring


def _anchor(
    request: AddRequest, corpus: Corpus, plan: _Plan, notes: list[str]
) -> tuple[Finding, ...]:
    """What check would say of the new quotes, anchored in the source's text now."""
    from comparator.texts import read_text

    source = corpus.source(request.source or "")
    assert source is not None
    read = read_text(corpus, source)
    if isinstance(read, Finding):
        raise InputError(
            f"cannot check the quotes: {read.message}",
            hint="fix the source's file first (compare check shows it)",
        )
    if source.sha256 and source.sha256 != read.sha256:
        notes.append(
            f"{read.shown} has changed since it was read (sha256 pin); the quotes were "
            "anchored in the text as it is now"
        )
    quotes = tuple(QuoteRef(q, Location(f"--quote {n}")) for n, q in enumerate(request.quotes, 1))
    probe = Assertion(
        id=plan.assertion_id or "new",
        topic=request.topic,
        source=source.id,
        claim=request.claim or "",
        stance=plan.stance,
        summary=plan.summary or "",
        quotes=quotes,
        location=Location("compare add"),
        reports=(plan.report,) if plan.report is not None else (),
    )
    anchors: dict[QuoteKey, QuoteAnchor] = {}
    return tuple(f for f, _ in anchor_quotes([probe], read, anchors))


# --------------------------------------------------------------------------- the text


def _child(node: Spanned, key: str) -> Spanned | None:
    pair = node.value.get(key) if node.kind is MAPPING else None
    return pair[1] if pair is not None else None


def _unsafe(shown: str, what: str) -> InputError:
    return InputError(
        f"{shown}: {what}, so there is no safe place to add this as text; nothing was changed",
        hint="add it by hand, in the block form the rest of the corpus uses",
    )


def _add_keys(
    lines: list[str], mapping: Spanned, block: Block, step: int, after: Spanned | None = None
) -> Edit:
    """Add keys to a block mapping: after ``after`` (one of its values), else at its end."""
    newline = newline_of(lines)
    indent = key_column(mapping)
    end = last_line(after if after is not None else mapping, lines)
    return after_line(lines, end, emit(block, indent, step, newline))


def _append_item(lines: list[str], sequence: Spanned, item: Block, step: int) -> Edit:
    """Add a mapping as the last item of a block list."""
    first = sequence.value[0]
    dash = sequence.column
    inner = first.column if first.kind is MAPPING else dash + step
    return after_line(
        lines,
        with_comments(lines, last_line(sequence, lines), dash + 1),
        emit(item, inner, step, newline_of(lines), dash=inner - dash),
    )


def _set_block(
    lines: list[str],
    parent: Spanned,
    key: str,
    entries: Block,
    step: int,
    shown: str,
    after: Spanned | None = None,
) -> list[Edit]:
    """Add ``entries`` to the mapping under ``key`` of ``parent``: into it when it is a block
    mapping, in place of an empty ``{}``, or as a new key with them."""
    node = _child(parent, key)
    newline = newline_of(lines)
    if node is None:
        return [_add_keys(lines, parent, {key: entries}, step, after)]
    if flow_empty(node):
        return fill_empty(lines, node, emit(entries, key_column(parent) + step, step, newline))
    if node.kind is not MAPPING or node.flow or not node.value:
        raise _unsafe(shown, f"'{key}' at line {node.line + 1} is not a block mapping")
    return [
        after_line(
            lines,
            with_comments(lines, last_line(node, lines), key_column(node) + 1),
            emit(entries, key_column(node), step, newline),
        )
    ]


def _edits(
    request: AddRequest,
    corpus: Corpus,
    plan: _Plan,
    root: Spanned,
    lines: list[str],
    shown: str,
) -> tuple[list[Edit], list[Added]]:
    step = _indent_step(root)
    edits: list[Edit] = []
    added: list[Added] = []
    newline = newline_of(lines)
    if plan.voice_new:
        voice: Block = {"name": request.voice_name or ""}
        if request.voice_role is not None:
            voice["role"] = request.voice_role
        if request.voice_kind is not None:
            voice["kind"] = request.voice_kind.strip().lower()
        voices_after = _child(root, "sources")
        edits += _set_block(
            lines,
            root,
            "voices",
            {request.report_voice or "": voice},
            step,
            shown,
            after=voices_after,
        )
        added.append(Added(AddKind.VOICE, request.report_voice or "", 0))
    topics = _child(root, "topics")
    if topics is None:
        raise _unsafe(shown, "there is no 'topics:'")
    if plan.topic_new:
        block: Block = {"title": request.title or "", "question": request.question or ""}
        if request.keywords:
            block["keywords"] = tuple(request.keywords)  # one line, as the corpus has them
        if request.claim is not None:
            block["claims"] = {request.claim: request.claim_text or ""}
        tail = _assertion_block(request, plan)
        if tail is not None:
            block["assertions"] = [tail]
        if request.silent:
            block["silent"] = (request.source or "",)
            if plan.silent_ignore:
                block["ignore"] = [_silent_ignore(request)]
        made = _set_block(lines, root, "topics", {request.topic: block}, step, shown)
        if request.silent and not plan.silent_ignore:
            inner = " " * (_new_key_column(root, topics, step) + step)
            comment = f"{inner}# {request.source} is silent: {_comment(request.reason or '')}"
            made[-1] = dataclasses.replace(made[-1], text=made[-1].text + comment + newline)
        if _blank_between(topics, lines):
            made[-1] = dataclasses.replace(made[-1], text=newline + made[-1].text)
        edits += made
        added.append(Added(AddKind.TOPIC, request.topic, 0))
        if request.claim is not None:
            added.append(Added(AddKind.CLAIM, request.claim, 0))
        if tail is not None:
            added.append(Added(AddKind.ASSERTION, plan.assertion_id or "", 0))
        if request.silent:
            added.append(Added(AddKind.SILENT, request.source or "", 0))
        return edits, added
    topic = _child(topics, request.topic)
    if topic is None or topic.kind is not MAPPING or topic.flow:
        raise _unsafe(shown, f"topic '{request.topic}' is not a block mapping")
    if plan.claim_new:
        claims = _child(topic, "claims")
        if claims is None:
            raise _unsafe(shown, f"topic '{request.topic}' has no 'claims:'")
        edits += _set_block(
            lines, topic, "claims", {request.claim or "": request.claim_text or ""}, step, shown
        )
        added.append(Added(AddKind.CLAIM, request.claim or "", 0))
    if request.silent:
        edits += _silent_edit(request, plan, topic, lines, step, shown)
        added.append(Added(AddKind.SILENT, request.source or "", 0))
        return edits, added
    if plan.assertion_id is None:
        return edits, added
    if plan.assertion_new:
        item = _assertion_block(request, plan)
        assert item is not None
        assertions = _child(topic, "assertions")
        if assertions is None:
            after = next(
                (
                    node
                    for key in reversed(_BEFORE_ASSERTIONS)
                    if (node := _child(topic, key)) is not None
                ),
                None,
            )
            edits.append(_add_keys(lines, topic, {"assertions": [item]}, step, after))
        elif flow_empty(assertions):
            edits += fill_empty(
                lines,
                assertions,
                emit(item, key_column(topic) + step + 2, step, newline, dash=2),
            )
        elif assertions.kind is SEQUENCE and not assertions.flow and assertions.value:
            edits.append(_append_item(lines, assertions, item, step))
        else:
            raise _unsafe(shown, f"the assertions of topic '{request.topic}' are not a block list")
        added.append(Added(AddKind.ASSERTION, plan.assertion_id, 0))
        return edits, added
    edits += _extend_assertion(request, plan, corpus, topic, lines, step, shown)
    if plan.stance is not None:
        added.append(Added(AddKind.STANCE, plan.assertion_id, 0))
    if plan.report is not None:
        added.append(Added(AddKind.REPORT, plan.assertion_id, 0))
    return edits, added


def _silent_ignore(request: AddRequest) -> Block:
    return {
        "rule": "silent-but-mentions",
        "source": request.source or "",
        "reason": request.reason or "",
    }


def _new_key_column(root: Spanned, topics: Spanned, step: int) -> int:
    """The column of a topic id under ``topics:``, as the file has them."""
    if topics.kind is MAPPING and not topics.flow and topics.value:
        return key_column(topics)
    return key_column(root) + step


def _blank_between(topics: Spanned, lines: list[str]) -> bool:
    """Whether a new topic gets a blank line before it, as the file's topics have (a file with
    one topic: yes, as the bundled corpus writes them)."""
    if topics.kind is not MAPPING or topics.flow or not topics.value:
        return False
    keys = [key for key, _ in topics.value.values()]
    if len(keys) == 1:
        return True
    return any(not lines[key.line - 1].strip() for key in keys[1:] if key.line > 0)


def _indent_step(root: Spanned) -> int:
    """The file's indentation step, from its sources or topics mapping (2 when unknown)."""
    for key in ("topics", "sources"):
        node = _child(root, key)
        if node is not None and node.kind is MAPPING and not node.flow and node.value:
            step = key_column(node) - key_column(root)
            if step > 0:
                return step
    return 2


def _report_block(report: Report) -> Block:
    return {
        "voice": report.voice,
        "stance": report.stance.value,
        "treatment": report.treatment.value,
        "quotes": [q.text for q in report.quotes],
    }


def _assertion_block(request: AddRequest, plan: _Plan) -> Block | None:
    if not plan.assertion_new or plan.assertion_id is None:
        return None
    block: Block = {
        "id": plan.assertion_id,
        "source": request.source or "",
        "claim": request.claim or "",
    }
    if plan.stance is not None:
        block["stance"] = plan.stance.value
    block["summary"] = plan.summary or ""
    if plan.stance is not None:
        block["quotes"] = list(request.quotes)
    if plan.report is not None:
        block["reports"] = [_report_block(plan.report)]
    return block


def _extend_assertion(
    request: AddRequest,
    plan: _Plan,
    corpus: Corpus,
    topic: Spanned,
    lines: list[str],
    step: int,
    shown: str,
) -> list[Edit]:
    """A stance, or a report, added to the assertion the (source, claim) already has."""
    assertions = _child(topic, "assertions")
    node = None
    if assertions is not None and assertions.kind is SEQUENCE:
        node = next(
            (
                item
                for item in assertions.value
                if item.kind is MAPPING
                and (found := _child(item, "id")) is not None
                and found.value == plan.assertion_id
            ),
            None,
        )
    if node is None or node.flow:
        raise _unsafe(shown, f"assertion '{plan.assertion_id}' is not a block mapping")
    edits: list[Edit] = []
    if plan.stance is not None:
        if _child(node, "stance") is not None or _child(node, "quotes") is not None:
            raise _unsafe(shown, f"assertion '{plan.assertion_id}' already has stance or quotes")
        after = _child(node, "claim")
        edits.append(
            _add_keys(
                lines,
                node,
                {"stance": plan.stance.value, "quotes": list(request.quotes)},
                step,
                after,
            )
        )
    if plan.report is not None:
        item = _report_block(plan.report)
        reports = _child(node, "reports")
        if reports is None:
            edits.append(_add_keys(lines, node, {"reports": [item]}, step))
        elif reports.kind is SEQUENCE and not reports.flow and reports.value:
            edits.append(_append_item(lines, reports, item, step))
        else:
            raise _unsafe(shown, f"the reports of '{plan.assertion_id}' are not a block list")
    return edits


#: What a YAML comment cannot hold (the reader refuses it): shown as an escape instead.
_NOT_PRINTABLE = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _comment(text: str) -> str:
    """``text`` as the body of a one-line YAML comment: line breaks (NEL and the Unicode line
    and paragraph separators among them) folded to spaces, anything else YAML refuses
    escaped."""
    folded = " ".join(text.split())
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", folded)


def _silent_edit(
    request: AddRequest, plan: _Plan, topic: Spanned, lines: list[str], step: int, shown: str
) -> list[Edit]:
    """The source added to the topic's silent list, and its reason: an ignore entry when
    check would otherwise warn that the article mentions the topic, else a comment."""
    source = request.source or ""
    newline = newline_of(lines)
    indent = key_column(topic)
    reason = request.reason or ""
    ignore_item = _silent_ignore(request)
    ignore = _child(topic, "ignore")
    after_text = ""
    if not plan.silent_ignore:
        after_text = f"{' ' * indent}# {source} is silent: {_comment(reason)}{newline}"
    elif ignore is None:
        after_text = emit({"ignore": [ignore_item]}, indent, step, newline)
    edits: list[Edit] = []
    if plan.silent_ignore and ignore is not None:
        if ignore.kind is not SEQUENCE or ignore.flow or not ignore.value:
            raise _unsafe(shown, f"the ignore list of topic '{request.topic}' is not a block list")
        edits.append(_append_item(lines, ignore, ignore_item, step))
    silent = _child(topic, "silent")
    if silent is None:
        after = next(
            (
                node
                for key in ("assertions", *reversed(_BEFORE_ASSERTIONS))
                if (node := _child(topic, key)) is not None
            ),
            None,
        )
        # written as the corpus writes its silent lists: on one line
        line = f"{' ' * indent}silent: [{scalar(source)}]{newline}"
        end = last_line(after if after is not None else topic, lines)
        return [*edits, after_line(lines, end, line + after_text)]
    if silent.kind is SEQUENCE and silent.flow:
        edits.append(flow_append(lines, silent, scalar(source), shown))
        if after_text:
            end = with_comments(lines, last_line(silent, lines), key_column(topic))
            edits.append(after_line(lines, end, after_text))
        return edits
    if silent.kind is SEQUENCE and silent.value:
        first = silent.value[0]
        dash = silent.column
        pad = " " * dash + "-" + " " * max(1, first.column - dash - 1)
        text = f"{pad}{scalar(source)}{newline}" + after_text
        end = with_comments(lines, last_line(silent, lines), key_column(topic))
        return [*edits, after_line(lines, end, text)]
    raise _unsafe(shown, f"the silent list of topic '{request.topic}' is not a list")


# --------------------------------------------------------------------------- checking it


def _lines_of(added: list[Added], corpus: Corpus, topic_id: str) -> list[Added]:
    """Each addition with the line it starts at in the new file; a claim or a silent entry is
    looked for in the topic it was added to (other topics may have one of the same name)."""
    in_topic = [t for t in corpus.topics if t.id == topic_id]
    out = []
    for item in added:
        line = 0
        if item.kind is AddKind.TOPIC:
            topic = corpus.topic(item.name)
            line = topic.location.line if topic else 0
        elif item.kind is AddKind.VOICE:
            voice = corpus.voice(item.name)
            line = voice.location.line if voice else 0
        elif item.kind is AddKind.CLAIM:
            line = next(
                (c.location.line for t in in_topic for c in t.claims if c.id == item.name),
                0,
            )
        elif item.kind is AddKind.SILENT:
            line = next(
                (
                    where.line
                    for t in in_topic
                    for sid, where in zip(t.silent, t.silent_locations, strict=False)
                    if sid == item.name
                ),
                0,
            )
        else:
            found = next(
                (a for t in corpus.topics for a in t.assertions if a.id == item.name), None
            )
            if found is not None:
                line = found.location.line
                if item.kind is AddKind.REPORT and found.reports:
                    line = found.reports[-1].location.line
        out.append(dataclasses.replace(item, line=line))
    return out


def _validate(
    old: LoadResult,
    new_body: str,
    yaml_path: Path,
    shown: str,
    request: AddRequest,
    plan: _Plan,
) -> Corpus:
    """The new file must load with no finding more than the old one, and read back as asked;
    its corpus, read from the new text."""
    new = load_corpus_text(new_body, yaml_path.resolve(), shown)
    problem = _read_back(old, new, request, plan)
    if problem is not None or new.corpus is None:
        raise InputError(
            f"{shown}: adding this would not be safe ({problem}); the file was not changed",
            hint="add it by hand, then run compare check",
        )
    return new.corpus


def _read_back(old: LoadResult, new: LoadResult, request: AddRequest, plan: _Plan) -> str | None:
    if new.corpus is None or old.corpus is None:
        return "the file would no longer load"
    if len(new.findings) != len(old.findings):
        return (
            f"it would change the schema findings: {len(old.findings)} before, "
            f"{len(new.findings)} after"
        )
    if _content(new.corpus, request) != _content(old.corpus, request) or _claims(
        new.corpus, request, plan
    ) != _claims(old.corpus, request, plan):
        return "the rest of the file would not read back as before"
    if _made(new.corpus, request, plan) != _meant(request, plan):
        return "what was added would read back otherwise"
    return None


def _content(corpus: Corpus, request: AddRequest) -> object:
    """What the file says outside the topic (and voice) the call adds to: it must not move."""
    return (
        [dataclasses.replace(s, location=Location(""), file_location=None) for s in corpus.sources],
        [
            dataclasses.replace(v, location=Location(""))
            for v in corpus.voices
            if v.id != request.report_voice
        ],
        [(t.id, t.title, t.question, t.keywords) for t in corpus.topics if t.id != request.topic],
        [
            (a.id, a.source, a.claim, a.stance, a.summary, [q.text for q in a.quotes])
            for t in corpus.topics
            if t.id != request.topic
            for a in t.assertions
        ],
    )


def _claims(corpus: Corpus, request: AddRequest, plan: _Plan) -> list[tuple[str, str, str]]:
    """Every claim's text, in every topic, but the one the call adds."""
    return [
        (t.id, c.id, c.text)
        for t in corpus.topics
        for c in t.claims
        if not (plan.claim_new and t.id == request.topic and c.id == request.claim)
    ]


def _meant(request: AddRequest, plan: _Plan) -> dict[str, object]:
    """What the call asked for, as ``_made`` reads it from the new file."""
    meant: dict[str, object] = {}
    if plan.topic_new:
        meant["topic"] = (request.title, request.question, request.keywords)
    if plan.claim_new:
        meant["claim"] = request.claim_text
    if request.silent:
        meant["silent"] = True
    if plan.silent_ignore:
        meant["ignore"] = request.reason
    if plan.voice_new:
        kind = request.voice_kind.strip().lower() if request.voice_kind is not None else None
        meant["voice"] = (request.voice_name, request.voice_role, kind)
    if plan.assertion_id is not None:
        meant["assertion"] = (request.source, request.claim)
        if plan.assertion_new:
            meant["summary"] = plan.summary
    if plan.stance is not None:
        meant["stance"] = (plan.stance, list(request.quotes))
    if plan.report is not None:
        report = plan.report
        meant["report"] = (
            report.voice,
            report.stance,
            report.treatment,
            [q.text for q in report.quotes],
        )
    return meant


def _made(corpus: Corpus, request: AddRequest, plan: _Plan) -> dict[str, object]:
    """What the new file holds where the call wrote."""
    made: dict[str, object] = {}
    topic = corpus.topic(request.topic)
    if topic is None:
        return made
    if plan.topic_new:
        made["topic"] = (topic.title, topic.question, topic.keywords)
    if plan.claim_new:
        made["claim"] = next((c.text for c in topic.claims if c.id == request.claim), None)
    if request.silent:
        made["silent"] = request.source in topic.silent
    if plan.silent_ignore:
        made["ignore"] = next(
            (
                i.reason
                for i in topic.ignore
                if (i.rule, i.source) == ("silent-but-mentions", request.source)
            ),
            None,
        )
    if plan.voice_new:
        voice = corpus.voice(request.report_voice or "")
        made["voice"] = (
            (voice.name, voice.role, voice.kind.value if voice.kind else None) if voice else None
        )
    assertion = next((a for a in topic.assertions if a.id == plan.assertion_id), None)
    if plan.assertion_id is not None and assertion is not None:
        made["assertion"] = (assertion.source, assertion.claim)
        if plan.assertion_new:
            made["summary"] = assertion.summary
        if plan.stance is not None:
            made["stance"] = (assertion.stance, [q.text for q in assertion.quotes])
        if plan.report is not None and assertion.reports:
            last = assertion.reports[-1]
            made["report"] = (
                last.voice,
                last.stance,
                last.treatment,
                [q.text for q in last.quotes],
            )
    return made
