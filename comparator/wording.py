"""Words and sentences of an article: pure functions, stdlib only.

``compare suggest`` ranks sentences by a topic's words and the ``silent-but-mentions`` lint
looks for a topic's keywords; both need the same idea of a word, so "weapons" finds "weapon"
and "supplied" finds "supplies". The stemmer is deliberately crude: it only has to map the
forms of one word together, the same way on both sides.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Common words that say nothing about a topic (never query terms).
_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each even few for
from further had has have having he her here hers him his how i if in into is it its itself
just least less like made make many may me might more most much must my no nor not now of off
on once one only or other our ours out over own per same she should since so some such than
that the their them then there these they this those through thus to too under until up upon
us very via was we were what when where whether which while who whom whose why will with
within without would yet you your s t d ll re ve
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_ABBREVIATION_TEXT = """
mr mrs ms dr prof st gen col lt sgt capt cmdr adm gov sen rep pres jr sr vs etc inc ltd co
corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec no nos fig vol pp approx
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_OPENERS = "\"'\u201c\u2018\u00ab([-\u2013\u2014"
_TERMINAL = ".!?:;\u2026\"'\u201d\u2019\u00bb)]"


#: Words the stemmer keeps whole: each would otherwise share a stem with a different word of
#: the seed texts (found by listing every set of seed words that share a stem and reading
#: them): "arms" (weapons) is not "armed" or the verb "arm", "standing" (status) is not "stand",
#: "likely" is not "like", "noted" is not "not", "nationals" (citizens) is not "national".
_KEPT_WHOLE_TEXT = """
arms armed aired backing founder foundering hardly likely fairly relatively relatives highly
noted means nationals standing terms rights headed directed owned
"""
KEPT_WHOLE = frozenset(_KEPT_WHOLE_TEXT.split())


#: Words longer than this are kept whole by ``stem`` (the longest English words in running text
#: are under 30 letters; a run of one letter in a hostile text may be a megabyte).
LONGEST_STEMMED = 40


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's crude stem: lower case, common English inflections dropped (cached: a
    corpus has a small vocabulary and long texts).

    The endings are dropped until none is left, so a stem is its own stem ("supplies" ->
    "supply" -> "sup", as "supply" itself): the query side may hand over a word that is
    already a stem, and both sides must land on the same one.
    """
    w = word.lower()
    if len(w) > LONGEST_STEMMED:
        return w  # no English word: one ending a round would cost the square of its length
    while True:
        shorter = _strip_once(w)
        if shorter == w:
            return w
        w = shorter


def _strip_once(w: str) -> str:
    """One inflection off a lower-case word (the word itself when there is none to drop)."""
    if len(w) <= 3 or w in KEPT_WHOLE or w.endswith("ingly"):
        return w  # "knowingly" (deliberately) is not "know", "seemingly" not "seem"
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith(("ed", "ly")) and len(w) > 4:
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # transferr(ed) -> transfer, admitt(ed) -> admit
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # engage, engaged, engaging -> engag
    return w


def words(text: str) -> list[str]:
    """The word tokens of a text (letters and digits), as written."""
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: where it is in the original text, and its words."""

    start: int
    end: int
    line: int
    column: int
    #: The sentence as written, with its line breaks and runs of spaces made single spaces.
    text: str


def line_starts(text: str) -> array[int]:
    """Offsets where each line starts (after LF, CRLF or a lone CR): the one account of
    lines that quotes, sentences and lints share. An array of machine ints: a corpus of
    thousands of articles holds millions of these, a quarter of the weight of a list."""
    starts = array("q", [0])
    starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
    return starts


def line_of(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, given ``line_starts``."""
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    position = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return spans


#: Lines no longer than this (stripped) mean a hand-wrapped text: a line break inside a
#: paragraph is then only a wrap. Saved web pages put each paragraph on one longer line.
WRAP_WIDTH = 120


def _width(text: str, spans: list[tuple[int, int]]) -> int:
    """The longest line of a text, stripped: what tells a hand-wrapped text."""
    return max((len(text[s:e].strip()) for s, e in spans), default=0)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph of an article: the one definition elided quotes use.

    A paragraph is a run of non-blank lines between blank lines (a blank line holds nothing but
    whitespace). A text that is not hand-wrapped (some line is longer than ``WRAP_WIDTH``)
    puts a paragraph on each line, with or without blank lines between them, as saved web pages
    do: there every line break ends a paragraph too.
    """
    spans = _lines(text)
    wrapped = 0 < _width(text, spans) <= WRAP_WIDTH
    out: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in spans:
        if not text[start:end].strip():
            if current:
                out.append(current)
            current = None
        elif current is not None and wrapped:
            current = (current[0], end)
        else:
            if current:
                out.append(current)
            current = (start, end)
    if current:
        out.append(current)
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Stretches of text no sentence crosses: paragraphs, headings, hand-wrapped runs joined.

    A line break ends a sentence unless the next line continues it: it starts in lower case,
    or the text is hand-wrapped (short lines) and the line before fills the width without
    ending in punctuation.
    """
    spans = _lines(text)
    width = _width(text, spans)
    wrapped = 0 < width <= WRAP_WIDTH
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous = ""
    for start, end in spans:
        line = text[start:end].strip()
        if not line:
            if current:
                blocks.append(current)
            current = None
            previous = ""
            continue
        joins = current is not None and (
            line[0].islower()
            or (wrapped and previous[-1] not in _TERMINAL and len(previous) >= 0.8 * width)
        )
        if joins and current is not None:
            current = (current[0], end)
        else:
            if current:
                blocks.append(current)
            current = (start, end)
        previous = line
    if current:
        blocks.append(current)
    return blocks


def _ends_sentence(text: str, punct_start: int, after: int) -> bool:
    """Whether the punctuation at ``punct_start`` ends a sentence (not "Dr." or "U.S.")."""
    rest = text[after:].lstrip()
    if not rest:
        return True
    first = rest.lstrip(_OPENERS)[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    if text[punct_start] != ".":
        return True
    before = text[:punct_start].rsplit(None, 1)[-1] if text[:punct_start].strip() else ""
    before = before.lstrip(_OPENERS).lower()
    if before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
        return False
    return not re.fullmatch(r"(?:[a-z]\.)+[a-z]?", before)


def _block_sentences(text: str, block_start: int, block_end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one block, stripped, in the original text."""
    block = text[block_start:block_end]
    cut = 0
    pieces: list[tuple[int, int]] = []
    for match in _SENTENCE_END.finditer(block):
        if _ends_sentence(block, match.start(), match.end()):
            pieces.append((cut, match.end()))
            cut = match.end()
    pieces.append((cut, len(block)))
    out = []
    for first, last in pieces:
        piece = block[first:last]
        stripped = piece.strip()
        if not stripped:
            continue
        start = block_start + first + (len(piece) - len(piece.lstrip()))
        out.append((start, start + len(stripped)))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of an article, each with its line and column in the text as saved."""
    starts = line_starts(text)
    out: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        for start, end in _block_sentences(text, block_start, block_end):
            line, column = line_of(starts, start)
            out.append(Sentence(start, end, line, column, " ".join(text[start:end].split())))
    return out


class Layout:
    """Where an article's paragraphs and sentences are, found when first asked for.

    Verification asks for the sentence around each quote it anchors: only the blocks that hold
    a quote are split into sentences, never the whole article.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._paragraph_starts: array[int] | None = None
        self._blocks: list[tuple[int, int]] | None = None
        self._block_starts: array[int] = array("q")
        self._sentences: dict[int, list[tuple[int, int]]] = {}

    def paragraph_of(self, offset: int) -> int:
        """The index of the paragraph an offset falls in (or follows, in a blank line)."""
        if self._paragraph_starts is None:
            self._paragraph_starts = array("q", (s for s, _ in paragraphs(self.text)))
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    def _sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding the character at ``offset`` (or the nearest one before it)."""
        if self._blocks is None:
            self._blocks = _blocks(self.text)
            self._block_starts = array("q", (s for s, _ in self._blocks))
        index = max(0, bisect.bisect_right(self._block_starts, offset) - 1)
        if not self._blocks:
            return offset, offset
        sentences = self._sentences.get(index)
        if sentences is None:
            sentences = self._sentences[index] = _block_sentences(self.text, *self._blocks[index])
        if not sentences:
            return self._blocks[index]
        starts = [s for s, _ in sentences]
        return sentences[max(0, bisect.bisect_right(starts, offset) - 1)]

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentence, or the run of sentences, that holds [start, end)."""
        first = self._sentence_at(start)[0]
        last = self._sentence_at(max(start, end - 1))[1]
        return min(first, start), max(last, end)


def text_words(text: str) -> frozenset[str]:
    """The distinct lower-case words of a text (one C-level pass: cheap on long texts)."""
    return frozenset(_TOKEN.findall(text.lower()))


def _forms(k: str) -> set[str]:
    """The words one step of the stemmer could take to ``k`` (and a few it would not)."""
    candidates = {
        k,
        k + "s",
        k + "es",
        k + "e",
        k + "ed",
        k + "ing",
        k + "ly",
        k + "ely",
        k + k[-1:] + "ed",
        k + k[-1:] + "ing",
        k + k[-1:] + "ly",
    }
    if k.endswith("y"):
        candidates |= {k[:-1] + "ies", k[:-1] + "ied"}
    return candidates


def forms_in(word_stem: str, vocabulary: frozenset[str]) -> set[str]:
    """The words of ``vocabulary`` whose stem is ``word_stem``.

    Rather than stem a whole vocabulary, generate the few forms the stemmer maps to this stem
    (weapon -> weapons, transfer -> transferred) and look them up; two steps deep, as the
    stemmer may take two (supplies -> supply -> sup, closely -> clos -> clo).
    """
    first = _forms(word_stem)
    candidates = first.union(*(_forms(c) for c in first))
    return {w for w in candidates & vocabulary if stem(w) == word_stem}
