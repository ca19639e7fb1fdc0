"""``compare check --fix``: the two corrections a machine can make without judging anything.

It re-pins a ``sha256`` whose article changed while every quote of that source still anchors,
and replaces a quote that differs from its article only in case or only in hyphenation (what
the matcher reports as such a near miss) by the article's exact words. Nothing else is ever
rewritten: not a quote that is not found, not one whose near miss could be more than one
passage, not an elided one.

The file is edited as text: each fixed scalar is replaced where the parser says it stands, and
every other character stays as it was. The whole edit holds the lock ``compare ingest
--write`` takes, reads the file inside it, and writes only when the result loads back as the
old file with exactly the fixed values changed.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from comparator.errors import InputError
from comparator.models import (
    AnchorStatus,
    Assertion,
    Corpus,
    Finding,
    Location,
    QuoteAnchor,
    QuoteKey,
    QuoteRef,
    Source,
)

if TYPE_CHECKING:
    from comparator.texts import ArticleText


class FixKind(str, Enum):
    """What a fix corrects; the value is how the report names it."""

    REPIN = "sha256 re-pinned to the changed text"
    CASE = "case copied from the article"
    HYPHENATION = "hyphenation copied from the article"


class Unfixable(str, Enum):
    """Why something ``--fix`` could have touched was left alone; the value says it."""

    #: More than one passage differs from the quote only in case or hyphenation.
    AMBIGUOUS = "ambiguous"
    #: The article's words, quoted, would not be found once (a passage inside a word, or
    #: several copies): the corrected quote would not anchor.
    NOT_ONCE = "not-once"
    #: The source's text changed and some of its quotes no longer anchor.
    QUOTES_LOST = "quotes-lost"


@dataclass(frozen=True, slots=True)
class Fix:
    """One scalar rewritten: where it stands in the YAML, what it said, what it says now."""

    kind: FixKind
    location: Location
    #: Who owns the value: ``assertion 'x'`` (with its report), ``source 'y'``.
    subject: str
    old: str
    new: str
    #: The source whose pin a REPIN fix changes.
    source: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A value ``--fix`` left alone, and why (a sentence for the analyst)."""

    reason: Unfixable
    location: Location
    message: str


@dataclass(frozen=True)
class FixPlan:
    """The fixes of one corpus file and the text they make."""

    shown: str
    fixes: tuple[Fix, ...]
    skipped: tuple[Skipped, ...]
    old_text: str
    new_text: str
    #: Whether the new text replaced the file (False for ``--diff``, and when nothing changed).
    written: bool = False

    def diff(self) -> list[str]:
        """The change as a unified diff (``git apply`` reads it), each line ending in a
        newline. Lines end where git's do, at a line feed: a CRLF file's lines keep their
        CR, and a form feed or a CR alone stays inside its line."""
        lines = difflib.unified_diff(
            _git_lines(self.old_text),
            _git_lines(self.new_text),
            fromfile=f"a/{self.shown}",
            tofile=f"b/{self.shown}",
        )
        out = []
        for line in lines:
            if not line.endswith("\n"):
                line += "\n\\ No newline at end of file\n"
            out.append(line)
        return out


def _git_lines(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


# --------------------------------------------------------------------------- what to fix


def plan_fixes(corpus: Corpus) -> tuple[list[Fix], list[Skipped]]:
    """Every fix the corpus allows, reading each article once (and keeping none)."""
    from comparator.check import anchor_quotes
    from comparator.texts import ArticleText, read_text

    by_source: dict[str, list[Assertion]] = {}
    for topic in corpus.topics:
        for a in topic.assertions:
            by_source.setdefault(a.source, []).append(a)
    fixes: list[Fix] = []
    skipped: list[Skipped] = []
    for source in corpus.sources:
        assertions = by_source.get(source.id, [])
        changed = bool(source.sha256)
        if not assertions and not changed:
            continue
        read = read_text(corpus, source)
        if not isinstance(read, ArticleText):
            continue
        changed = bool(source.sha256) and read.sha256 != source.sha256
        anchors: dict[QuoteKey, QuoteAnchor] = {}
        anchor_quotes(assertions, read, anchors)
        lost: list[QuoteRef] = []
        for a in assertions:
            for key, quote in a.quoted():
                anchor = anchors.get(key)
                if anchor is None or anchor.found:
                    continue
                # In a text that changed since it was pinned, a quote that no longer anchors
                # may be the article's change, not the analyst's slip: copying the article's
                # words over it would accept the change unread. It is lost, and says so.
                fix = None if changed else _quote_fix(a, key, quote, anchor, read, skipped)
                if fix is None:
                    lost.append(quote)
                else:
                    fixes.append(fix)
        if changed:
            repin = _repin(source, read.shown, read.sha256, lost, skipped)
            if repin is not None:
                fixes.append(repin)
    return fixes, skipped


def _quote_fix(
    a: Assertion,
    key: QuoteKey,
    quote: QuoteRef,
    anchor: QuoteAnchor,
    article: ArticleText,
    skipped: list[Skipped],
) -> Fix | None:
    """The article's words for a quote that differs from them only in case or hyphenation."""
    from comparator.quotes import Difference

    if anchor.status is not AnchorStatus.NOT_FOUND or anchor.parts:
        return None  # an elided quote is its parts: each is the analyst's to place
    text = article.text
    miss = text.explain_miss(quote.text)
    if miss.closest is None or miss.only_differs_in is None:
        return None
    difference = miss.only_differs_in
    whose = _whose(a, key)
    places = text.count_differing_only_in(quote.text, difference)
    if places > 1:
        skipped.append(
            Skipped(
                Unfixable.AMBIGUOUS,
                quote.location,
                f"quote of {whose} differs only in {difference.value} from more than one "
                f"passage of {article.shown}; not fixed: copy the one you mean",
            )
        )
        return None
    words = " ".join(miss.closest.text.split())
    # Without the characters no one sees, when the matcher ignores them (it does a soft
    # hyphen, not a direction mark): the YAML then holds only what a reader sees.
    new = next(
        (
            candidate
            for candidate in (_without_hidden(words), words)
            if candidate != quote.text and len(text.find_all(candidate, limit=2)) == 1
        ),
        None,
    )
    if new is None:
        skipped.append(
            Skipped(
                Unfixable.NOT_ONCE,
                quote.location,
                f"quote of {whose} differs only in {difference.value} from the text at "
                f"{miss.closest.line}:{miss.closest.column} of {article.shown}, but those words "
                "would not be found there as a quote of their own (they start or end inside a "
                "word, or occur again); not fixed",
            )
        )
        return None
    kind = FixKind.CASE if difference is Difference.CASE else FixKind.HYPHENATION
    return Fix(kind, quote.location, f"quote of {whose}", quote.text, new)


def _without_hidden(words: str) -> str:
    from comparator.safetext import without_hidden

    return without_hidden(words)[0]


def _repin(
    source: Source, shown: str, digest: str, lost: list[QuoteRef], skipped: list[Skipped]
) -> Fix | None:
    if lost:
        where = ", ".join(str(q.location) for q in lost[:5]) + (", ..." if len(lost) > 5 else "")
        skipped.append(
            Skipped(
                Unfixable.QUOTES_LOST,
                source.location,
                f"source '{source.id}': {shown} changed and {len(lost)} of its quotes no longer "
                f"anchor ({where}); sha256 not re-pinned: fix those quotes first",
            )
        )
        return None
    assert source.sha256 is not None
    return Fix(
        FixKind.REPIN, source.location, f"source '{source.id}'", source.sha256, digest, source.id
    )


def _whose(a: Assertion, key: QuoteKey) -> str:
    if key.report < 0:
        return f"assertion '{a.id}'"
    return f"assertion '{a.id}' (report by '{a.reports[key.report].voice}')"


# --------------------------------------------------------------------------- the text edit


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """The text with each fixed scalar (at its ``location``) replaced, every other character
    kept."""
    from comparator.safetext import visible
    from comparator.yamlparse import ScalarStyle, scalar_spans
    from comparator.yamltext import quoted, scalar

    spans = scalar_spans(text, "")
    edits: list[tuple[int, int, str]] = []
    for fix in fixes:
        where = fix.location
        span = spans.get((where.line - 1, where.column - 1))
        if span is None or span.value != fix.old:
            raise InputError(
                f"{where}: the value to fix is not where the file was read; nothing was changed"
            )
        if fix.kind is FixKind.REPIN:
            written = {
                ScalarStyle.SINGLE: f"'{fix.new}'",
                ScalarStyle.DOUBLE: f'"{fix.new}"',
            }.get(span.style, scalar(fix.new))
        elif span.style is ScalarStyle.SINGLE and _single_quotable(fix.new):
            written = "'" + fix.new.replace("'", "''") + "'"
        else:
            # A character no one sees (a direction mark) is written as its escape.
            written = visible(quoted(fix.new))
        edits.append((span.start, span.end, written))
    for start, end, written in sorted(edits, reverse=True):
        text = text[:start] + written + text[end:]
    return text


def _single_quotable(value: str) -> bool:
    """Whether a single-quoted scalar can hold the value as it is (printable, one line)."""
    return value.isprintable() and value == value.strip()


def sha256_places(text: str, shown: str) -> dict[str, Location]:
    """Where each source's ``sha256`` value is written, by source id."""
    from comparator.yamlparse import NodeKind, outline

    places: dict[str, Location] = {}
    for entry in outline(text, shown, depth=3) or ():
        if entry.key != "sources" or entry.kind is not NodeKind.MAPPING:
            continue
        for source in entry.entries:
            for field in source.entries:
                if field.key == "sha256":
                    places[source.key] = Location(shown, field.line + 1, field.column + 1)
    return places


@dataclass(frozen=True, slots=True)
class _Swaps:
    """The values the fixes change: quotes by where they stand, pins by source id."""

    quotes: dict[Location, str]
    pins: dict[str, str]


def _content(value: object, swaps: _Swaps) -> object:
    """What the model says, without where it says it (a fixed scalar can take fewer lines,
    and what follows moves up); ``swaps`` replaces the values a fix changes."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, QuoteRef) and value.location in swaps.quotes:
            return {"text": swaps.quotes[value.location]}
        if isinstance(value, Source) and value.id in swaps.pins:
            value = dataclasses.replace(value, sha256=swaps.pins[value.id])
        return {
            f.name: _content(getattr(value, f.name), swaps)
            for f in dataclasses.fields(value)
            if "location" not in f.name and f.name not in ("path", "root", "display_path")
        }
    if isinstance(value, (tuple, list)):
        return [_content(v, swaps) for v in value]
    return value


def _check_result(
    old: Corpus,
    old_findings: tuple[Finding, ...],
    new_text: str,
    path: Path,
    shown: str,
    fixes: list[Fix],
) -> None:
    """The new text must load as the old file did, with exactly the fixed values changed."""
    from comparator.loader import load_corpus_text

    loaded = load_corpus_text(new_text, path, shown)
    swaps = _Swaps({}, {})
    for fix in fixes:
        if fix.kind is FixKind.REPIN:
            swaps.pins[fix.source] = fix.new
        else:
            swaps.quotes[fix.location] = fix.new
    problem = None
    if loaded.corpus is None:
        problem = "the file would no longer load"
    elif len(loaded.findings) != len(old_findings):
        problem = f"it would change the schema findings ({len(old_findings)} before, "
        problem += f"{len(loaded.findings)} after)"
    elif _content(loaded.corpus, _Swaps({}, {})) != _content(old, swaps):
        problem = "the file would not read back as the old one with the fixed values"
    if problem is not None:
        raise InputError(
            f"{shown}: the fixes would not be safe ({problem}); nothing was changed",
            hint="fix the quotes and pins by hand, as check's messages say",
        )


# --------------------------------------------------------------------------- the command


def fix_file(path: Path, *, write: bool) -> FixPlan:
    """Plan the fixes of the corpus file at ``path`` and, with ``write``, make them.

    Writing holds the file's edit lock from the read to the rename, so a concurrent ``compare
    ingest --write`` (or another ``--fix``) is either wholly before or wholly after; the file is
    read again just before it is replaced, and left alone if anything else changed it.
    """
    from comparator.fileio import atomic_write, exclusive_lock, refuse_read_only
    from comparator.loader import display_path

    if not write:
        return _plan(path)
    refuse_read_only(path, display_path(path))
    with exclusive_lock(path.resolve()):
        plan = _plan(path)
        if plan.new_text == plan.old_text:
            return plan
        from comparator.loader import read_corpus_bytes

        if read_corpus_bytes(path).decode("utf-8") != plan.old_text:
            raise InputError(
                f"{plan.shown}: changed while it was being fixed (by something that does not "
                "take compare's lock, such as an editor); nothing was written",
                hint="run compare check --fix again",
            )
        atomic_write(path, plan.new_text)
    return dataclasses.replace(plan, written=True)


def _plan(path: Path) -> FixPlan:
    from comparator.loader import display_path, load_corpus, read_corpus_bytes

    shown = display_path(path)
    data = read_corpus_bytes(path)
    loaded = load_corpus(path, data)
    old_text = data.decode("utf-8")  # load_corpus refused anything that is not UTF-8
    if loaded.corpus is None:
        return FixPlan(shown, (), (), old_text, old_text)
    fixes, skipped = plan_fixes(loaded.corpus)
    if not fixes:
        return FixPlan(shown, (), tuple(skipped), old_text, old_text)
    bom = "\ufeff" if old_text.startswith("\ufeff") else ""
    body = old_text[len(bom) :]
    places = sha256_places(body, shown)
    fixes = [
        dataclasses.replace(f, location=places.get(f.source, f.location))
        if f.kind is FixKind.REPIN
        else f
        for f in fixes
    ]
    new_text = bom + apply_fixes(body, fixes)
    _check_result(
        loaded.corpus, loaded.findings, new_text[len(bom) :], path.resolve(), shown, fixes
    )
    return FixPlan(shown, tuple(fixes), tuple(skipped), old_text, new_text)
