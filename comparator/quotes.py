"""Find verbatim quotes in article text: pure functions, no I/O.

A quote passes when it matches the article after normalising only what two copies of the same
text can differ in: whitespace and line wraps, curly and straight quotes, dash variants (and the
spaces around a dash), the ellipsis character, non-breaking and zero-width characters, soft
hyphens, and Unicode composition (NFC). Case and hyphenation are never normalised; a quote that
differs only in those is reported as such, so the analyst fixes the quote, not the checker.

Each article is normalised once; a compact map of edits leads from a normalised offset back to
the original text, so a quote is reported at its line and column in the file as saved.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from comparator.wording import Layout, line_of, line_starts

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(_INVISIBLE))
#: Every character str.isspace() accepts (Unicode 13-15): written out, not found by testing
#: twelve thousand characters at every start-up.
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003"
    "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_TRANSLATE = str.maketrans(
    {
        **{c: "'" for c in _SINGLE_QUOTES},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: "-" for c in _DASHES},
        **{c: " " for c in _WHITESPACE},
    }
)
#: The same mapping as pairs, for ``_translate``: str.translate with a dict table looks up every
#: character of a text in Python, while a replace per character that occurs is a fast search.
_REPLACEMENTS = tuple((chr(k), v) for k, v in _TRANSLATE.items() if chr(k) != v)
_GAP = "[ " + _INVISIBLE + "]"
# One pattern for every edit that changes length: a run of dashes with the spaces between and
# around them (``- -`` is one dash, as ``--`` is: else normalising twice would differ), a run of
# spaces and invisible characters, an ellipsis. Only what changes is matched (a lone hyphen or
# a single space is left alone), so a text costs one match per edit, not one per word.
_DASHES = f"-(?:{_GAP}*-)*"
_EDITS = re.compile(
    f"{_GAP}+{_DASHES}{_GAP}*|-(?:{_GAP}*-)+{_GAP}*|-{_GAP}+|{_GAP}{{2,}}|[{_INVISIBLE}]|\u2026"
)
#: How many windows around the best one are compared once more, its start and end each moved by
#: up to two words (five starts by five ends, less the best itself).
REFINING_WINDOWS = 24

#: Below this similarity a "closest passage" would only distract: say nothing is close.
MIN_CLOSEST_RATIO = 0.5
#: The near-miss search compares at most this much of a quote (its first words): a quote of
#: thousands of words, pasted whole by mistake, is placed by its beginning, and the search costs
#: the same as for a quote of ordinary length.
MAX_COMPARED_WORDS = 40
MAX_COMPARED_CHARS = 400
#: A passage compared with a quote is cut at this many times the compared quote's length (and at
#: least ``_MIN_WINDOW_CHARS``): an article of one endless "word" cannot make one comparison huge.
_WINDOW_CHARS_FACTOR = 3
_MIN_WINDOW_CHARS = 400
#: At most this many occurrences of the quote's words place candidate windows: the rarest words
#: are kept and the most frequent dropped beyond it, so a quote of common words over an article
#: of one repeated word costs no more than an ordinary miss.
MAX_WORD_OCCURRENCES = 20_000
_WORD = re.compile(r"\S+")
#: An elision mark in a quote: three or more dots, the ellipsis character, either of them in
#: square brackets.
_ELISION = re.compile(r"\[\s*(?:\.{3,}|\u2026)\s*\]|\.{3,}|\u2026")
#: How many places of one part of an elided quote are looked at: a part is at least a few
#: words, and a phrase that common cannot point at one paragraph anyway.
_MAX_PART_PLACES = 1000


def without_ignored(text: str) -> str:
    """The text without the invisible characters that matching ignores (soft hyphens, zero
    widths), so a quote taken from an article can be typed and pasted as the article reads."""
    return text.translate(_DROP_INVISIBLE)


def normalise(text: str) -> str:
    """The normalised form of a quote or text: what matching compares.

    The same string ``NormalisedText(text).normalised.strip()`` gives, without the offset map
    a quote does not need.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = _compose(text)[0]
    return _EDITS.sub(_replacement, _translate(text)).strip()


def elision_parts(quote: str) -> tuple[str, ...] | None:
    """The parts of a quote with elision marks (``...``, ``\u2026``, ``[...]``), as written and
    stripped; None when it has no mark. A mark at either end only says the quote starts or
    ends inside its sentence: it leaves one part."""
    if "." not in quote and "\u2026" not in quote:
        return None  # the common case, without running the pattern
    pieces = _ELISION.split(quote)
    if len(pieces) == 1:
        return None
    return tuple(p.strip() for p in pieces if p.strip())


def fold(text: str) -> str:
    """Runs of whitespace made one space, a space kept at either end that had one: a stretch
    of article text as a view shows it beside the quote."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return lead + inner + trail


def _translate(text: str) -> str:
    """``text.translate(_TRANSLATE)``, some twenty times faster on an article."""
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def _replacement(match: re.Match[str]) -> str:
    """What an edit becomes: one hyphen, one space, three dots, or nothing (invisibles)."""
    chunk = match.group()
    if "-" in chunk:
        return "-"
    if chunk == "\u2026":
        return "..."
    return " " if " " in chunk else ""


@dataclass(frozen=True)
class Passage:
    """A stretch of the original text, with where it starts."""

    start: int
    end: int
    text: str
    line: int
    column: int
    ratio: float = 1.0
    #: Its page in a paged text (see ``NormalisedText.page_of``), else 0.
    page: int = 0


class Difference(str, Enum):
    """What alone keeps a quote from matching a passage: check says so, so the analyst knows
    the quote only needs copying again."""

    CASE = "case"
    HYPHENATION = "hyphenation"


@dataclass(frozen=True)
class Miss:
    """Why a quote was not found, and the passage it is closest to."""

    closest: Passage | None
    #: None when the quote differs from the passage in its words (or nothing is close).
    only_differs_in: Difference | None
    diff: tuple[tuple[str, str], ...]
    #: How many passages the search compared with the quote, and how many places of the
    #: quote's words it visited to rank them: both bounded, whatever the quote and the text.
    compared: int = 0
    visited: int = 0


class NormalisedText:
    """An article's text, normalised once, with the way back to original offsets."""

    def __init__(self, original: str) -> None:
        self.original = original
        text = original
        composed = unicodedata.is_normalized("NFC", text)
        if not composed:
            text, base = _compose(text)
        else:
            base = None
        text = _translate(text)
        pieces: list[str] = []
        # Each edit: normalised start (in _edit_norm), then four numbers in _edits: normalised
        # end, the significant part of the match in the working text (what a quote starting
        # or ending inside the edit maps to), and the match's end, from where copying resumes.
        # Flat arrays of machine ints: a corpus of thousands of articles has millions of these
        # offsets, and a list of int objects weighs four times as much.
        self._edit_norm = array("q")
        self._edits = array("q")
        position = 0
        length = 0
        for match in _EDITS.finditer(text):
            start, end = match.span()
            chunk = match.group()
            replacement = _replacement(match)
            if replacement == chunk:
                continue
            pieces.append(text[position:start])
            length += start - position
            significant = chunk.strip(" " + _INVISIBLE)
            sig_start = start + chunk.find(significant[:1]) if significant else start
            sig_end = sig_start + len(significant) if significant else end
            self._edit_norm.append(length)
            self._edits.extend((length + len(replacement), sig_start, sig_end, end))
            pieces.append(replacement)
            length += len(replacement)
            position = end
        pieces.append(text[position:])
        self.normalised = "".join(pieces)
        self._base = base
        self._line_starts = line_starts(original)
        self._words: _WordIndex | None = None
        self._layout: Layout | None = None
        self._page_ends: array[int] | None = None

    # -- offsets -------------------------------------------------------------------------

    def _to_working(self, index: int, *, end: bool) -> int:
        """Map a normalised index to the composed working text (before length edits)."""
        k = bisect.bisect_right(self._edit_norm, index) - 1
        if k < 0:
            return index
        norm_end, sig_start, sig_end, match_end = self._edits[4 * k : 4 * k + 4]
        if index < norm_end:
            return sig_end if end else sig_start
        return match_end + (index - norm_end)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised span [start, end)."""
        first = self._to_working(start, end=False)
        last = first
        if end > start:
            k = bisect.bisect_right(self._edit_norm, end - 1) - 1
            inside_edit = k >= 0 and end - 1 < self._edits[4 * k]
            last = self._to_working(end - 1, end=True) + (0 if inside_edit else 1)
        if self._base is not None:
            first = self._base[first]
            last = self._base[last - 1] + 1 if last > 0 else 0
            while last < len(self.original) and unicodedata.combining(self.original[last]):
                last += 1
        return first, last

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an original offset."""
        return line_of(self._line_starts, offset)

    def passage(self, start: int, end: int, ratio: float = 1.0) -> Passage:
        first, last = self.original_span(start, end)
        line, column = self.line_column(first)
        page = self.page_of(first)
        return Passage(first, last, self.original[first:last], line, column, ratio, page)

    def page_of(self, offset: int) -> int:
        """The 1-based page of an original offset in a paged text, one whose pages end with a
        form feed (as ``compare ingest`` saves a PDF, and ``pdftotext`` writes); 0 in a text
        without one."""
        if self._page_ends is None:
            self._page_ends = array("q", (m.start() for m in re.finditer("\f", self.original)))
        if not self._page_ends:
            return 0
        return bisect.bisect_left(self._page_ends, offset) + 1

    # -- matching ------------------------------------------------------------------------

    def _spans(self, quote: str, limit: int) -> list[tuple[int, int]]:
        """Normalised (start, end) of every place the quote occurs, up to ``limit``."""
        needle = normalise(quote)
        if not needle:
            return []
        found: list[tuple[int, int]] = []
        text = self.normalised
        # A quote is a passage of whole words: "no" is not found inside "enough".
        check_before = needle[0].isalnum()
        check_after = needle[-1].isalnum()
        index = text.find(needle)
        while index != -1 and len(found) < limit:
            end = index + len(needle)
            if not (
                (check_before and index > 0 and text[index - 1].isalnum())
                or (check_after and end < len(text) and text[end].isalnum())
            ):
                found.append((index, end))
            index = text.find(needle, index + 1)
        return found

    def find_all(self, quote: str, limit: int = 10) -> list[Passage]:
        """Every place the quote occurs after normalisation (up to ``limit``)."""
        return [self.passage(start, end) for start, end in self._spans(quote, limit)]

    @property
    def layout(self) -> Layout:
        """The article's paragraphs and sentences (made when first asked for)."""
        if self._layout is None:
            self._layout = Layout(self.original)
        return self._layout

    def find_elided(self, parts: tuple[str, ...], limit: int = 10) -> list[tuple[Passage, ...]]:
        """Every paragraph that holds the parts of an elided quote in order: for each, the
        passage of each part (the earliest that keeps the order), up to ``limit`` paragraphs."""
        by_paragraph: list[dict[int, list[tuple[int, int]]]] = []
        for part in parts:
            places: dict[int, list[tuple[int, int]]] = {}
            for start, end in self._spans(part, _MAX_PART_PLACES):
                paragraph = self.layout.paragraph_of(self.original_span(start, end)[0])
                places.setdefault(paragraph, []).append((start, end))
            if not places:
                return []  # a part that is nowhere: no paragraph can hold them all
            by_paragraph.append(places)
        if not by_paragraph:
            return []
        found: list[tuple[Passage, ...]] = []
        for paragraph in sorted(by_paragraph[0]):
            chosen: list[tuple[int, int]] = []
            position = 0
            for places in by_paragraph:
                span = next((p for p in places.get(paragraph, ()) if p[0] >= position), None)
                if span is None:
                    break
                chosen.append(span)
                position = span[1]
            else:
                found.append(tuple(self.passage(start, end) for start, end in chosen))
                if len(found) >= limit:
                    break
        return found

    def sentence_around(self, start: int, end: int) -> tuple[str, str]:
        """The words of the sentence (or sentences) holding the original span [start, end)
        before and after it, whitespace folded: what a quote of that span leaves out."""
        first, last = self.layout.sentence_span(start, end)
        return fold(self.original[first:start]), fold(self.original[end:last])

    def explain_miss(self, quote: str, *, max_candidates: int = 12) -> Miss:
        """The closest passage to a quote that was not found, and how they differ."""
        needle = normalise(quote)
        haystack = self.normalised
        if not needle:
            return Miss(None, None, ())
        lowered = _same_length_lower(haystack)
        index = lowered.find(_same_length_lower(needle))
        if index != -1:
            closest = self.passage(index, index + len(needle))
            return Miss(closest, Difference.CASE, word_diff(needle, normalise(closest.text)))
        # Squeezed with str.replace first: the char-by-char map back is only built on a hit.
        squeezed = haystack.replace("-", "").replace(" ", "")
        target = needle.replace("-", "").replace(" ", "")
        index = squeezed.find(target) if target else -1
        if index != -1:
            positions = _squeeze(haystack)[1]
            start = positions[index]
            end = positions[index + len(target) - 1] + 1
            closest = self.passage(start, end)
            return Miss(closest, Difference.HYPHENATION, word_diff(needle, normalise(closest.text)))
        if self._words is None:  # built once per article, on its first miss
            self._words = _WordIndex(haystack)
        compared = _compared_part(needle)
        best, tried, visited = _closest_window(self._words, haystack, compared, max_candidates)
        if best is None or best[2] < MIN_CLOSEST_RATIO:
            return Miss(None, None, (), tried, visited)
        start, end, ratio = best
        closest = self.passage(start, end, ratio)
        diff = word_diff(compared, normalise(closest.text))
        if len(compared) < len(needle):  # the rest of a long quote was not compared: say so
            diff += (("-", "\u2026"),)
        return Miss(closest, None, diff, tried, visited)

    def count_differing_only_in(self, quote: str, difference: Difference, limit: int = 2) -> int:
        """How many places of the text (up to ``limit``) differ from the quote only in case,
        or only in hyphenation: ``explain_miss`` names the first, and a quote that could mean
        several of them cannot be corrected to one (``compare check --fix`` leaves it)."""
        needle = normalise(quote)
        if difference is Difference.CASE:
            text, target = _same_length_lower(self.normalised), _same_length_lower(needle)
        else:
            text, target = _squeeze(self.normalised)[0], needle.replace("-", "").replace(" ", "")
        count = 0
        index = text.find(target) if target else -1
        while index != -1 and count < limit:
            count += 1
            index = text.find(target, index + 1)
        return count


def _compose(text: str) -> tuple[str, list[int]]:
    """NFC-compose, keeping for each composed character the original offset it starts at."""
    out: list[str] = []
    base: list[int] = []
    cluster_start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        composed = unicodedata.normalize("NFC", text[cluster_start:index])
        out.append(composed)
        base.extend([cluster_start] * len(composed))
        cluster_start = index
    base.append(len(text))
    return "".join(out), base


def _same_length_lower(text: str) -> str:
    """Lower case, one char for one char, so offsets stay valid."""
    lowered = text.lower()
    # str.lower() differs from lowering char by char only where a char lowers to several
    # (the length changes) and for the context-dependent final sigma.
    if len(lowered) == len(text) and "\u03a3" not in text:
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Text without hyphens and spaces, with each char's index in ``text``."""
    chars = []
    positions = []
    for index, char in enumerate(text):
        if char in "- ":
            continue
        chars.append(char)
        positions.append(index)
    return "".join(chars), positions


def _compared_part(needle: str) -> str:
    """The part of a normalised quote the near-miss search compares: its first
    ``MAX_COMPARED_WORDS`` words, and no more than ``MAX_COMPARED_CHARS`` characters."""
    words = needle.split(" ", MAX_COMPARED_WORDS)[:MAX_COMPARED_WORDS]
    compared = " ".join(words)
    if len(compared) > MAX_COMPARED_CHARS:
        cut = compared.rfind(" ", 0, MAX_COMPARED_CHARS)
        compared = compared[: cut if cut > 0 else MAX_COMPARED_CHARS]
    return compared


class _WordIndex:
    """An article's words (by their offsets in the normalised text) and, for each word in
    lower case, where it occurs: what places the candidate windows of every miss in it."""

    __slots__ = ("ends", "occurrences", "starts")

    def __init__(self, haystack: str) -> None:
        # 32-bit offsets: no text compare reads holds more characters (fileio.MAX_FILE_BYTES).
        # The normalised text separates words by single spaces (every other space is folded
        # into one), so a split on " " finds the words _WORD finds, at C speed.
        lowered = _same_length_lower(haystack)
        self.starts = array("i")
        self.ends = array("i")
        self.occurrences: dict[str, array[int]] = {}
        offset = 0
        number = 0
        for word in lowered.split(" "):
            if word:
                self.starts.append(offset)
                self.ends.append(offset + len(word))
                places = self.occurrences.get(word)
                if places is None:
                    places = self.occurrences[word] = array("i")
                places.append(number)
                number += 1
            offset += len(word) + 1

    def __len__(self) -> int:
        return len(self.starts)


def _window_runs(
    index: _WordIndex, wanted: Counter[str], size: int
) -> tuple[list[tuple[int, int, int]], int]:
    """The word-overlap score of every window of ``size`` words, as runs (score, first, last)
    of consecutive first words with the same score.

    A window's score is how many of the quote's words it holds (each counted as often as the
    quote has it). It changes only where one of those words enters or leaves the window, so
    only those places are visited: the cost is in the occurrences of the quote's words, never
    in the quote's length times the article's. When they occur more than
    ``MAX_WORD_OCCURRENCES`` times, the most frequent are left out (the rarest place a passage
    best). Returns the runs and how many places were visited.
    """
    count = len(index)
    last_first = count - size
    kept: list[tuple[str, array[int]]] = []
    budget = MAX_WORD_OCCURRENCES
    for word in sorted(wanted, key=lambda w: (len(index.occurrences.get(w, ())), w)):
        places = index.occurrences.get(word)
        if not places:
            continue
        if len(places) > budget:
            break
        budget -= len(places)
        kept.append((word, places))
    events: list[tuple[int, int, int]] = []  # (first word of the window, word number, +1/-1)
    limits: list[int] = []
    for number, (word, places) in enumerate(kept):
        limits.append(wanted[word])
        for place in places:
            events.append((max(0, place - size + 1), number, 1))
            if place + 1 <= last_first:
                events.append((place + 1, number, -1))
    events.sort()
    inside = [0] * len(kept)
    runs: list[tuple[int, int, int]] = []
    score = 0
    since = 0  # the first window the current score holds for
    for first, number, step in events:
        if first != since:
            _add_run(runs, score, since, first - 1)
            since = first
        before = min(limits[number], inside[number])
        inside[number] += step
        score += min(limits[number], inside[number]) - before
    _add_run(runs, score, since, last_first)
    return runs, MAX_WORD_OCCURRENCES - budget


def _add_run(runs: list[tuple[int, int, int]], score: int, first: int, last: int) -> None:
    """Extend the last run when the score is the same, else start a new one."""
    if last < first:
        return
    if runs and runs[-1][0] == score:
        runs[-1] = (score, runs[-1][1], last)
    else:
        runs.append((score, first, last))


def _closest_window(
    index: _WordIndex, haystack: str, needle: str, max_candidates: int
) -> tuple[tuple[int, int, float] | None, int, int]:
    """Best-matching stretch of whole words, how many passages were compared and how many
    places of the quote's words were visited: windows
    ranked by a cheap word overlap, then difflib on the best few (``max_candidates``).

    Ranking visits only where the quote's words occur (see _window_runs); difflib sees at most
    ``5 * max_candidates + REFINING_WINDOWS`` passages, each cut to a few times the quote's
    length, so neither a long quote nor a long or repetitive article can make a miss slow.
    """
    if not len(index):
        return None, 0, 0
    quote_words = needle.split()
    wanted = Counter(_same_length_lower(w) for w in quote_words)
    size = min(max(1, len(quote_words)), len(index))
    runs, visited = _window_runs(index, wanted, size)
    runs.sort(key=lambda run: (-run[0], run[1]))
    best: tuple[float, int, int] | None = None
    best_words = (0, 0)  # the first and one-past-last word of ``best``
    seen: list[int] = []
    spacing = max(1, size // 4)
    longest = max(_MIN_WINDOW_CHARS, _WINDOW_CHARS_FACTOR * len(needle))
    compared = 0
    # ratio() is the cost here. A window whose cheap upper bounds (real_quick_ratio, then
    # quick_ratio) cannot beat the best so far is skipped: the same result, some 2.5x sooner.
    matcher = difflib.SequenceMatcher(None, needle, "", autojunk=False)
    for _, run_first, run_last in runs:
        if len(seen) >= max_candidates:
            break
        first = run_first
        while first <= run_last and len(seen) < max_candidates:
            near = next((s for s in seen if abs(first - s) < spacing), None)
            if near is not None:
                first = max(first + 1, near + spacing) if near <= first else first + 1
                continue
            seen.append(first)
            for delta in (0, -1, 1, -2, 2):
                last = first + size + delta
                if last <= first or last > len(index):
                    continue
                start, end = index.starts[first], index.ends[last - 1]
                end = min(end, start + longest)
                matcher.set_seq2(haystack[start:end])
                compared += 1
                if best is not None and (
                    matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]
                ):
                    continue
                ratio = matcher.ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, start, end)
                    best_words = (first, last)
            first += 1
    if best is None:
        return None, compared, visited
    # Windows a few words apart were skipped as near twins, and only the end was moved: the
    # best one may still hold a word before the quote's first (the last word of a heading).
    # Moving its start and end by up to two words, once, settles that.
    first, last = best_words
    for start_word in range(max(0, first - 2), first + 3):
        for end_word in range(max(start_word + 1, last - 2), min(len(index), last + 2) + 1):
            if (start_word, end_word) == best_words:
                continue
            start, end = index.starts[start_word], index.ends[end_word - 1]
            end = min(end, start + longest)
            matcher.set_seq2(haystack[start:end])
            compared += 1
            if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                continue
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, start, end)
    return (best[1], best[2], best[0]), compared, visited


def word_diff(expected: str, actual: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff as (op, text) pairs: op is "=", "-" (only in expected) or "+"."""
    a, b = expected.split(), actual.split()
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return tuple(out)


def format_word_diff(ops: tuple[tuple[str, str], ...]) -> str:
    """A diff readable without colour: ``[-only in quote-] {+only in text+}``."""
    parts = []
    for op, text in ops:
        if op == "=":
            parts.append(text)
        elif op == "-":
            parts.append(f"[-{text}-]")
        else:
            parts.append(f"{{+{text}+}}")
    return " ".join(parts)


def word_count(quote: str) -> int:
    """The words of a quote; an elided quote's marks are not words."""
    parts = elision_parts(quote)
    if parts is None:
        return len(normalise(quote).split())
    return sum(len(normalise(part).split()) for part in parts)
