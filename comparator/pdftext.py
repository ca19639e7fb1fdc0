"""A PDF report as text with its pages: what ``compare ingest report.pdf`` saves.

The text keeps what a reader cites: each page ends with a form feed (``\\f``, as ``pdftotext``
writes it), so a view can give a quote's page besides its line. What typesetting adds and a
sentence does not hold is taken out, so that a quote copied from the report anchors as it
would in the web page of the same text:

- running headers and footers (a line at the top or bottom of the pages that comes back on
  several of them, its numbers aside) and page numbers;
- the hyphen of a word broken at a line's or a page's end: "imple-" / "mentation" becomes
  "implementation", while "state-" / "sponsored" keeps its hyphen when the report writes the
  compound so elsewhere (or both halves are words of its own); a word broken across lines is
  always made whole on the first line, so no line of the saved text starts inside a word;
- ligature characters (U+FB00-FB06, which a copied quote never holds), controls, soft hyphens.

A blank line separates paragraphs where the page leaves a gap taller than the document's line
spacing or the type size changes (a heading): elided quotes are matched within a paragraph.
Pages are counted from the file's first page (page 3 is the third page of the file, whatever
number the report prints on it; ingest notes when the PDF numbers its pages otherwise).

pypdf (the optional ``pdf`` extra) is imported only in ``read_pdf``, only when a PDF is read;
everything after extraction is pure functions over lines, tested without it. The work is
bounded: pypdf's own limits (stream sizes, decompression, operators per content stream), a cap
on pages, and a clock that stops an extraction taking longer than ``MAX_SECONDS``.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import statistics
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from types import ModuleType
from typing import Any

from comparator.errors import InputError, UsageError

PDF_INSTALL_HINT = "pip install 'compare-claims[pdf]'"
CIPHER_HINT = "pip install cryptography"
#: A report longer than this is a book or a broken page tree: refused, not read for minutes.
MAX_PAGES = 3000
#: Extraction stops after this long: a crafted file (a content stream of millions of
#: operators, forms drawn within forms) must not keep ingest busy without end.
MAX_SECONDS = 120.0
#: How many lines at the top and at the bottom of a page may be running headers or footers.
RUNNING_DEPTH = 2
#: A vertical gap this many times the document's usual line spacing ends a paragraph.
PARAGRAPH_GAP = 1.5
#: Fewer words than this in the whole file is not an article (as for a web page).
MIN_WORDS = 20

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
#: Controls a PDF's text may carry (an unmapped glyph, a stray escape), and soft hyphens
#: inside a line; a tab is a space.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SOFT_HYPHEN = "\u00ad"
_HYPHENS = "-\u2010" + _SOFT_HYPHEN
#: What may join the pieces of a word: "so-called", "Moscow's".
_JOINERS = "-\u2010'\u2019"
_ALNUM = re.compile(r"[^\W_]+")
#: Prefixes written with a hyphen, rarely a hyphenation point of a longer word.
_HYPHEN_PREFIXES = frozenset({"non", "self", "well", "quasi"})
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
#: A page number as it stands alone on a line: "7", "Page 7", "p. 7", "7 of 30", "- 7 -",
#: "vii" (front matter).
_PAGE_NUMBER = re.compile(
    r"(?:(?:page|p\.|pg\.?)\s*)?"
    r"(?:\d{1,4}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))"
    r"(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)
_DECORATION = " -\u2013\u2014|\u00b7\u2022[]()"
_ENDS_SENTENCE = tuple(".!?:;\"'\u201d\u2019)")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class PdfLine:
    """One line of a page as extracted: its text, where its baseline sits (points above the
    page's bottom; None when unknown) and its type size."""

    text: str
    y: float | None = None
    size: float = 0.0


@dataclass(frozen=True, slots=True)
class PdfInfo:
    """What the PDF's document properties say; any may be missing."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    #: The creation date, as YYYY-MM-DD.
    created: str | None = None


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF as saved, and what was taken out of it on the way."""

    text: str
    pages: int
    #: Running headers and footers dropped, each once (its first form, when only its number
    #: changes from page to page), as first met.
    running: tuple[str, ...] = ()
    #: How many page-number lines were dropped.
    page_numbers: int = 0
    #: How many words broken across two lines were made whole again.
    rejoined: int = 0
    #: The pages (1-based) with no text at all: images, a scan.
    empty_pages: tuple[int, ...] = ()
    info: PdfInfo = PdfInfo()
    #: The page labels the PDF prints, when they are not 1, 2, 3...: ("i", "ii", "1", ...).
    labels: tuple[str, ...] = ()


# --------------------------------------------------------------------------- lines


def clean_line(text: str) -> str:
    """A line's text without ligatures, controls and inner soft hyphens, spaces squeezed;
    a soft hyphen at its end (a break the typesetter chose) is kept."""
    text = _CONTROLS.sub(" ", text.translate(_LIGATURES))
    soft_end = text.rstrip().endswith(_SOFT_HYPHEN)
    text = " ".join(text.replace(_SOFT_HYPHEN, "").split())
    return text + _SOFT_HYPHEN if soft_end and text else text


def _shape(text: str) -> str:
    """What a running line keeps from page to page: its words, its numbers aside."""
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def is_page_number(text: str) -> bool:
    """Whether a line is only a page number ("7", "Page 7 of 30", "- vii -")."""
    core = text.strip(_DECORATION)
    return bool(core) and _PAGE_NUMBER.fullmatch(core) is not None


def _edge_indices(lines: Sequence[PdfLine]) -> list[int]:
    """The lines at the top and at the bottom of a page (by height when every line has one,
    else by order), ``RUNNING_DEPTH`` of each: where headers, footers and numbers sit."""
    order = list(range(len(lines)))
    if all(line.y is not None for line in lines):
        order.sort(key=lambda i: -(lines[i].y or 0.0))
    return list(dict.fromkeys(order[:RUNNING_DEPTH] + order[-RUNNING_DEPTH:]))


def drop_running(
    pages: Sequence[Sequence[PdfLine]],
) -> tuple[list[list[PdfLine]], tuple[str, ...], int]:
    """The pages without running headers, footers and page numbers; (pages, the running lines
    dropped, the number of page numbers dropped).

    A line at a page's top or bottom is running when a line of the same shape (the same words,
    numbers aside) stands at the top or bottom of other pages too: of two pages in a short
    document, of three in a longer one. A body line is never looked at, so a sentence that
    happens to recur is kept.
    """
    seen: Counter[str] = Counter()
    edges = [_edge_indices(lines) for lines in pages]
    for lines, indices in zip(pages, edges, strict=True):
        seen.update({_shape(lines[i].text) for i in indices})
    needed = 2 if len(pages) <= 4 else 3
    running: dict[str, str] = {}  # the first line of each shape, by its shape
    numbers = 0
    out: list[list[PdfLine]] = []
    for lines, indices in zip(pages, edges, strict=True):
        drop = set()
        for i in indices:
            text = lines[i].text
            if is_page_number(text):
                drop.add(i)
                numbers += 1
            elif seen[_shape(text)] >= needed:
                drop.add(i)
                running.setdefault(_shape(text), text.rstrip(_SOFT_HYPHEN))
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out, tuple(running.values()), numbers


# --------------------------------------------------------------------------- paragraphs


def spacing(pages: Sequence[Sequence[PdfLine]]) -> float | None:
    """The usual distance from one line to the next (the median drop over the whole document:
    a page of two lines says nothing by itself), or None when no line has a height."""
    drops = [
        a.y - b.y
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if a.y is not None and b.y is not None and a.y - b.y > 0.5
    ]
    return statistics.median(drops) if drops else None


def _gap_before(previous: PdfLine, line: PdfLine, spacing: float | None) -> bool:
    """Whether a paragraph ends between two lines: a taller gap than the page's spacing, or a
    change of type size (a heading and its text). A line higher than the one before (the top
    of the next column) is no gap."""
    if previous.size and line.size and abs(previous.size - line.size) > 0.15 * previous.size:
        return True
    if previous.y is None or line.y is None or spacing is None:
        return False
    return previous.y - line.y > PARAGRAPH_GAP * spacing


def paragraphs_of(lines: Sequence[PdfLine], usual: float | None) -> list[str]:
    """A page's lines as text lines, with an empty one where a paragraph ends (``usual``: the
    document's line spacing)."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and _gap_before(lines[index - 1], line, usual):
            out.append("")
        out.append(line.text)
    return out


# --------------------------------------------------------------------------- hyphenation


@dataclass
class _Vocabulary:
    """How often the document writes each word and each hyphenated compound (lower case),
    leaving out the halves of words broken at line ends, which would vouch for themselves."""

    words: Counter[str]
    halves: set[str]


def _vocabulary(lines: Sequence[str]) -> _Vocabulary:
    words: Counter[str] = Counter()
    halves: set[str] = set()
    broken_before = False
    for line in lines:
        tokens = _WORD.findall(line.lower())
        broken = broken_end(line) is not None
        if broken and tokens:
            tokens.pop()
        if broken_before and tokens:
            tokens.pop(0)
        words.update(tokens)
        for token in tokens:
            halves.update(_LETTERS.findall(token))
        broken_before = broken
    return _Vocabulary(words, halves)


def broken_end(line: str) -> str | None:
    """The first half of a word broken at the line's end by a hyphen ("imple" in "a normal
    imple-"), or None when the line does not end so (a dash after a space, "--", no hyphen).

    Walked back character by character: a line is a single run of letters in a crafted file,
    and a regular expression searching it from every start would take the square of its length.
    """
    if len(line) < 2 or line[-1] not in _HYPHENS or not line[-2].isalnum():
        return None
    start = len(line) - 1
    while start > 0 and (
        line[start - 1].isalnum()
        or (line[start - 1] in _JOINERS and start > 1 and line[start - 2].isalnum())
    ):
        start -= 1
    return line[start:-1]


def keeps_hyphen(left: str, right: str, hyphen: str, vocabulary: _Vocabulary) -> bool:
    """Whether "left-" at a line's end and "right" at the next line's start are a compound
    (keep the hyphen) rather than one word broken by hyphenation (drop it).

    A soft hyphen is always a break. Else the document decides first: the form it writes more
    often elsewhere ("OPTIONAL" written whole makes "OP-" / "TIONAL" one word). Then a capital
    or a digit after the hyphen makes a compound ("anti-American", "2023-24"), and so does a
    prefix that keeps its hyphen ("non-", "self-") or two halves that are both words the
    document uses; anything else is a broken word.
    """
    if hyphen == _SOFT_HYPHEN:
        return False
    joined = (left + right).lower()
    compound = f"{left}-{right}".lower()
    if vocabulary.words[compound] > vocabulary.words[joined]:
        return True
    if vocabulary.words[joined]:
        return False
    if not right[:1].islower():
        return True
    last_half = _LETTERS.findall(left.lower())[-1:]
    if not last_half:
        return False
    return last_half[0] in _HYPHEN_PREFIXES or (
        len(right) > 2
        and len(last_half[0]) > 2
        and last_half[0] in vocabulary.halves
        and right.lower() in vocabulary.halves
    )


def rejoin(lines: list[str | None], vocabulary: _Vocabulary) -> int:
    """Make whole, in place, every word broken across two lines of a paragraph (the second
    may start the next page: ``None`` marks a page's end); returns how many.

    The second half moves up to the first line, with what sticks to it (a comma, a closing
    quote), so no line starts inside a word; a line it leaves empty stays empty (``_tidy``
    removes it). An empty line (a paragraph's end) stops a word from being joined across it.
    """
    count = 0
    for index in range(len(lines)):
        line = lines[index]
        broken = broken_end(line) if line else None
        if line is None or broken is None:
            continue
        after = index + 1
        while after < len(lines) and lines[after] is None:
            after += 1
        following = lines[after] if after < len(lines) else None
        if not following or not following[0].isalnum():
            continue
        token, _, rest = following.partition(" ")
        right = _ALNUM.match(token)
        if right is None:  # pragma: no cover - the token starts with a letter or digit
            continue
        keep = keeps_hyphen(broken, right.group(), line[-1], vocabulary)
        lines[index] = line[:-1] + ("-" if keep else "") + token
        lines[after] = rest
        count += 1
    return count


# --------------------------------------------------------------------------- the text


def _ends_paragraph(last: str, first: str, longest: int) -> bool:
    """Whether a page's last line ends its paragraph: a sentence's end on a short line, and a
    capital (or a digit, a quote) starting the next page."""
    return (
        last.endswith(_ENDS_SENTENCE)
        and len(last) < 0.8 * longest
        and bool(first)
        and (first[0].isupper() or first[0].isdigit() or first[0] in "\"'\u201c\u2018")
    )


def assemble(pages: Sequence[Sequence[PdfLine]]) -> PdfText:
    """The saved text of a PDF's extracted pages: running lines out, paragraphs marked, broken
    words whole, each page ended by a form feed."""
    cleaned = [
        [PdfLine(text, line.y, line.size) for line in page if (text := clean_line(line.text))]
        for page in pages
    ]
    empty = tuple(number for number, page in enumerate(cleaned, 1) if not page)
    body, running, numbers = drop_running(cleaned)
    flat: list[str | None] = []
    usual = spacing(body)
    for number, page in enumerate(body):
        if number:
            flat.append(None)
        flat.extend(paragraphs_of(page, usual))
    rejoined = rejoin(flat, _vocabulary([line for line in flat if line]))
    split: list[list[str]] = [[]]
    for line in flat:
        if line is None:
            split.append([])
        else:
            split[-1].append(line.rstrip(_SOFT_HYPHEN))
    tidy = [_tidy(page) for page in split]
    out: list[str] = []
    for number, kept in enumerate(tidy):
        if kept:
            out.append("\n".join(kept) + "\n")
            following = next((tidy[k] for k in range(number + 1, len(tidy)) if tidy[k]), None)
            if following is not None and _ends_paragraph(
                kept[-1], following[0], max(len(line) for line in kept)
            ):
                out.append("\n")
        out.append("\f")
    return PdfText("".join(out) + "\n", len(pages), running, numbers, rejoined, empty)


def _tidy(lines: Sequence[str]) -> list[str]:
    """A page's lines without empty ones at either end or two in a row."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def word_count(text: str) -> int:
    return len(text.split())


def pdf_notes(result: PdfText) -> list[str]:
    """What ingest tells about a PDF's text: what was taken out, what may need a look."""
    notes = [
        f"pages: {result.pages}, each ended by a form feed in the text; views show a quote's page"
    ]
    if result.running:
        shown = "; ".join(f"'{line}'" for line in result.running[:3])
        more = f" and {len(result.running) - 3} more" if len(result.running) > 3 else ""
        notes.append(f"running headers and footers dropped from the pages: {shown}{more}")
    if result.page_numbers:
        notes.append(f"page numbers dropped: {result.page_numbers}")
    if result.rejoined:
        notes.append(
            f"words broken across lines made whole: {result.rejoined} (a hyphen is kept where "
            "the report writes the compound so elsewhere)"
        )
    if result.empty_pages:
        listed = ", ".join(str(n) for n in result.empty_pages[:10])
        more = ", ..." if len(result.empty_pages) > 10 else ""
        notes.append(
            f"pages with no text (images or scans; run OCR to have their words): {listed}{more}"
        )
    unreadable = result.text.count("\ufffd")
    if unreadable:
        notes.append(
            f"characters the PDF's fonts do not name, saved as \ufffd: {unreadable}; a quote "
            "holding one will not anchor (compare the text with the PDF)"
        )
    if result.labels:
        notes.append(
            f"the PDF prints its own page numbers ({', '.join(result.labels[:3])}, ...); "
            "views count pages from the file's first page"
        )
    if result.info.created:
        notes.append("published: the PDF's creation date; check it against the report")
    return notes


# --------------------------------------------------------------------------- reading a PDF


def _pypdf() -> ModuleType:
    """The pypdf module, or a UsageError that says how to install it."""
    try:
        import pypdf
    except ImportError as exc:
        raise UsageError(
            f"reading PDF needs pypdf, which is not installed ({exc})",
            hint=f"install the pdf extra: {PDF_INSTALL_HINT} (or save the report's text "
            "as .txt and ingest that)",
        ) from None
    return pypdf


class _TooSlow(Exception):
    """Raised from inside pypdf's extraction when the clock runs out."""


def _one_line(text: object) -> str:
    return " ".join(str(text).split())[:200]


def _info(reader: Any) -> PdfInfo:
    """The document properties worth an entry: a title that is not a file name, authors
    separated by semicolons, the creation date."""
    try:
        meta = reader.metadata
        if meta is None:
            return PdfInfo()
        raw_title = meta.title
        raw_author = meta.author
        created = meta.creation_date
    except Exception:  # a broken information dictionary: the text still counts
        return PdfInfo()
    title = " ".join(str(raw_title).split()) if isinstance(raw_title, str) else ""
    if re.search(
        r"\.(docx?|pdf|indd|pptx?|rtf|odt|tex)\Z|\Amicrosoft word -|\Auntitled", title, re.I
    ):
        title = ""
    authors: tuple[str, ...] = ()
    if isinstance(raw_author, str):
        authors = tuple(" ".join(a.split()) for a in raw_author.split(";") if " ".join(a.split()))
    date = created.date().isoformat() if isinstance(created, datetime) else None
    return PdfInfo(title or None, authors, date)


def _labels(reader: Any, count: int) -> tuple[str, ...]:
    try:
        labels = tuple(str(label) for label in reader.page_labels)
    except Exception:
        return ()
    if len(labels) != count or all(label == str(n) for n, label in enumerate(labels, 1)):
        return ()
    return labels


def _page_lines(page: Any, check: Callable[[], None]) -> list[PdfLine]:
    """A page's lines as pypdf extracts them (in the order its content draws them), each with
    the height and size of its first text."""
    lines: list[PdfLine] = []
    current: list[str] = []
    where: list[tuple[float, float]] = []

    def visit_text(
        text: str, cm: Sequence[float], tm: Sequence[float], _font: object, size: float
    ) -> None:
        pieces = text.split("\n")
        for number, piece in enumerate(pieces):
            if number:
                _end_line()
            if piece:
                current.append(piece)
                if piece.strip() and not where:
                    where.append(_position(cm, tm, size))

    def _end_line() -> None:
        y, size = where[0] if where else (None, 0.0)
        lines.append(PdfLine("".join(current), y, size))
        current.clear()
        where.clear()

    def visit_operator(*_args: object) -> None:
        check()

    page.extract_text(visitor_text=visit_text, visitor_operand_before=visit_operator)
    if current:
        _end_line()
    return lines


def _position(cm: Sequence[float], tm: Sequence[float], size: float) -> tuple[float, float]:
    """The baseline height and the type size of a text drawn with these matrices."""
    _, _, c, d, e, f = (float(v) for v in tm)
    ca, cb, cc, cd, _, cf = (float(v) for v in cm)
    y = e * cb + f * cd + cf
    scale_y = math.hypot(c * ca + d * cc, c * cb + d * cd)
    return y, float(size) * (scale_y or 1.0)


def read_pdf(data: bytes, shown: str) -> PdfText:
    """The text of a PDF (see the module's docstring), or an InputError that says why not."""
    pypdf = _pypdf()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    deadline = time.monotonic() + MAX_SECONDS

    def check() -> None:
        if time.monotonic() > deadline:
            raise _TooSlow

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            _decrypt(reader, shown)
            count = len(reader.pages)
            if count > MAX_PAGES:
                raise InputError(
                    f"{shown}: has {count} pages; ingest reads at most {MAX_PAGES}",
                    hint="split the report and ingest the part the corpus quotes",
                )
            pages = []
            for page in reader.pages:
                pages.append(_page_lines(page, check))
                check()
            info = _info(reader)
            labels = _labels(reader, count)
    except InputError:
        raise
    except _TooSlow:
        raise InputError(
            f"{shown}: reading its text took longer than {MAX_SECONDS:g} seconds; the file "
            "may be built to exhaust a reader",
            hint="open it in a PDF viewer, save its text as .txt and ingest that",
        ) from None
    except RecursionError:
        raise InputError(
            f"{shown}: its structure nests too deeply to read (a broken or crafted PDF)",
            hint="open it in a PDF viewer, save its text as .txt and ingest that",
        ) from None
    except Exception as exc:  # pypdf raises many kinds on a broken file; none is a traceback
        if type(exc).__name__ == "DependencyError":  # AES streams, deciphered page by page
            raise _not_deciphered(shown, exc) from None
        raise InputError(
            f"{shown}: is not a PDF that can be read ({type(exc).__name__}: {_one_line(exc)})",
            hint="check that the download is complete, or save its text as .txt and ingest that",
        ) from None
    result = assemble(pages)
    words = word_count(result.text)
    if words == 0:
        raise InputError(
            f"{shown}: no text in its {count} page(s); it is probably scanned images",
            hint="run OCR on it first (e.g. ocrmypdf) and ingest the result",
        )
    if words < MIN_WORDS:
        raise InputError(
            f"{shown}: only {words} word(s) of text in its {count} page(s); it may be mostly "
            "images, or a cover without the report",
            hint="run OCR on it (e.g. ocrmypdf), or save the report's text as .txt and ingest that",
        )
    return replace(result, info=info, labels=labels)


def _not_deciphered(shown: str, exc: Exception) -> InputError:
    """The error for an encrypted PDF pypdf cannot decipher, when it checks the password or
    later, when it reads a page."""
    hint = "open it in a PDF viewer and save or print an unprotected copy, then ingest that"
    if type(exc).__name__ == "DependencyError":
        # AES, as most protected reports use: pypdf deciphers it with a compiled library that
        # the pdf extra leaves out (it is pure Python).
        hint = f"install a cipher library for pypdf: {CIPHER_HINT}; or {hint}"
    return InputError(
        f"{shown}: is encrypted and cannot be opened here ({_one_line(exc)})", hint=hint
    )


def _decrypt(reader: Any, shown: str) -> None:
    """Open an encrypted PDF that needs no password to read (only to edit); refuse one that
    does."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # an unknown handler, a missing cipher library
        raise _not_deciphered(shown, exc) from None
    if not opened:
        raise InputError(
            f"{shown}: is encrypted with a password",
            hint="open it with its password and save an unprotected copy, then ingest that",
        )
