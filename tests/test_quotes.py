"""Quote anchoring: what normalisation forgives, what it reports, and where a quote sits."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from comparator.quotes import (
    REFINING_WINDOWS,
    Difference,
    NormalisedText,
    format_word_diff,
    normalise,
    word_diff,
)

ARTICLE = (
    "Moscow and Hamas\n"
    "Allegations that Russia transferred weapons to Hamas remain unproven, and\n"
    "officials \u201cdeny\u201d any role \u2014 the Kremlin\u2019s line since October.\n"
    "The caf\u00e9 meeting\u00a0was brief\u2026 and well\u00adknown.\n"
)


@pytest.mark.parametrize(
    ("quote", "line", "column"),
    [
        ("Allegations that Russia transferred weapons", 2, 1),
        # A line wrap in the text is a space in the quote.
        ("remain unproven, and officials", 2, 54),
        # Straight quotes and apostrophes match curly ones; a hyphen matches an em dash and
        # the spaces around it.
        ('officials "deny" any role - the Kremlin\'s line', 3, 1),
        ('"deny" any role-the Kremlin', 3, 11),
        # A non-breaking space is a space, "..." is an ellipsis, a soft hyphen is nothing.
        ("The caf\u00e9 meeting was brief... and wellknown.", 4, 1),
        # Decomposed e + combining acute matches the composed character.
        ("The cafe\u0301 meeting", 4, 1),
        ("  Moscow and   Hamas  ", 1, 1),
    ],
)
def test_normalised_quote_is_found_at_its_original_line_and_column(
    quote: str, line: int, column: int
) -> None:
    found = NormalisedText(ARTICLE).find_all(quote)
    assert [(p.line, p.column) for p in found] == [(line, column)]


def test_found_passage_is_the_original_text() -> None:
    passage = NormalisedText(ARTICLE).find_all('officials "deny" any role - the')[0]
    assert passage.text == "officials \u201cdeny\u201d any role \u2014 the"


@pytest.mark.parametrize(
    ("quote", "differs_in"),
    [
        ("allegations that russia transferred weapons", Difference.CASE),
        ("Allegations that Russia trans-ferred weapons", Difference.HYPHENATION),
        ("Allegations that Moscow transferred weapons", None),
    ],
)
def test_case_and_hyphenation_are_reported_never_passed(
    quote: str, differs_in: Difference | None
) -> None:
    text = NormalisedText(ARTICLE)
    assert text.find_all(quote) == []
    miss = text.explain_miss(quote)
    assert miss.only_differs_in is differs_in
    assert miss.closest is not None
    assert miss.closest.line == 2
    assert "Allegations that" in miss.closest.text


def test_the_closest_passage_does_not_begin_with_the_heading_above_it() -> None:
    text = NormalisedText(
        "Moscow's quiet bargain with Hamas\n\nBy Dana Example\n\n"
        "Russia has hosted Hamas delegations in Moscow three times since October, a pattern.\n"
    )
    miss = text.explain_miss(
        "Russia has hosted Hamas delegations in Moscow three time since October"
    )
    assert miss.closest is not None
    assert (miss.closest.line, miss.closest.column) == (5, 1)
    assert miss.closest.text.startswith("Russia has hosted")


def test_a_quote_is_whole_words() -> None:
    assert NormalisedText("It was enough.").find_all("no") == []
    assert NormalisedText("It was enough.").find_all("enough.") != []


def test_every_occurrence_is_listed() -> None:
    text = NormalisedText("the same words here\nand the same words here again")
    assert [(p.line, p.column) for p in text.find_all("the same words here")] == [(1, 1), (2, 5)]


def test_nothing_close_gives_no_passage() -> None:
    miss = NormalisedText(ARTICLE).explain_miss("zebra quantum xylophone")
    assert miss.closest is None


def test_word_diff_marks_what_each_side_has() -> None:
    ops = word_diff("Russia openly supplies arms", "Russia directly supplies arms")
    assert format_word_diff(ops) == "Russia [-openly-] {+directly+} supplies arms"


def test_crlf_line_endings_count_as_one_line_break() -> None:
    found = NormalisedText("first line\r\nsecond line here\r\n").find_all("line here")
    assert [(p.line, p.column) for p in found] == [(2, 8)]


# --------------------------------------------------------------------------- properties

WORD = st.text(alphabet=string.ascii_letters + "'\"-,.", min_size=1, max_size=8).filter(
    lambda w: any(c.isalnum() for c in w)
)
CURLY = {"'": ["\u2019", "\u2018"], '"': ["\u201c", "\u201d"], "-": ["\u2013", "\u2014", "\u2212"]}


@st.composite
def rewrapped(draw: st.DrawFn) -> tuple[str, str, int]:
    """An article, a quote taken from it, and the quote's offset; the article re-wrapped with
    random whitespace and its quotes and dashes swapped for typographic variants."""
    words = draw(st.lists(WORD, min_size=6, max_size=60))
    start = draw(st.integers(0, len(words) - 3))
    end = draw(st.integers(start + 2, len(words)))
    quote = " ".join(words[start:end])
    pieces = []
    offset_of_quote = 0
    for index, word in enumerate(words):
        if index == start:
            offset_of_quote = sum(len(p) for p in pieces)
        variant = "".join(draw(st.sampled_from([c, *CURLY.get(c, [])])) for c in word)
        pieces.append(variant)
        pieces.append(draw(st.sampled_from([" ", "\n", "  ", " \n", "\u00a0", "\t", "\r\n"])))
    return "".join(pieces), quote, offset_of_quote


@settings(max_examples=200, deadline=None)
@given(rewrapped())
def test_rewrapped_passage_with_swapped_quotes_is_found_at_its_offset(
    case: tuple[str, str, int],
) -> None:
    article, quote, offset = case
    text = NormalisedText(article)
    found = text.find_all(quote, limit=1000)
    assert offset in [p.start for p in found]
    passage = next(p for p in found if p.start == offset)
    assert normalise(passage.text) == normalise(quote)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200), st.text(min_size=1, max_size=30))
def test_a_quote_that_is_not_in_the_text_never_passes(article: str, quote: str) -> None:
    needle = normalise(quote)
    assume(needle and needle not in normalise(article))
    assert NormalisedText(article).find_all(quote) == []


@example("- -")
@example("a - \u00ad - b")
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_normalising_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


TRICKY = st.lists(
    st.sampled_from(
        [
            *"ab \n\t-'\"",
            "\u00a0",
            "\u00ad",
            "\u200b",
            "\u2014",
            "\u2013",
            "\u2019",
            "\u201c",
            "\u2026",
            "e\u0301",
            "\u00e9",
            "\r\n",
        ]
    ),
    min_size=3,
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TRICKY, st.data())
def test_any_found_passage_maps_back_inside_the_text(text: str, data: st.DataObject) -> None:
    norm = NormalisedText(text)
    words = norm.normalised.split()
    assume(len(words) >= 2)
    first = data.draw(st.integers(0, len(words) - 2))
    quote = " ".join(words[first : first + 2])
    for passage in norm.find_all(quote):
        assert 0 <= passage.start < passage.end <= len(text)
        assert passage.text == text[passage.start : passage.end]
        assert normalise(passage.text) == normalise(quote)


# --------------------------------------------------------------------------- whole words
#
# find_all searches with str.find and checks the characters on either side of each hit. The
# simple version it must agree with: a regex on the normalised text, whose ends may not touch
# a letter or digit ([^\W_] is exactly str.isalnum) where the quote itself starts or ends with
# one. Its lookahead finds overlapping occurrences too, as find_all does.

WORDY = st.lists(
    st.sampled_from(
        [*"ab ought-br_1.,\n", "\u00e9", "e\u0301", "\u00ad", "\u2019", "\u2014", "\u00a0"]
    ),
    max_size=60,
).map("".join)


def _whole_word_reference(text: NormalisedText, quote: str) -> list[tuple[int, int]]:
    needle = normalise(quote)
    if not needle:
        return []
    before = r"(?<![^\W_])" if needle[0].isalnum() else ""
    after = r"(?![^\W_])" if needle[-1].isalnum() else ""
    pattern = re.compile(f"(?=({before}{re.escape(needle)}{after}))")
    spans = [m.span(1) for m in pattern.finditer(text.normalised)]
    return [(p.start, p.end) for p in (text.passage(*span) for span in spans)]


@settings(max_examples=400, deadline=None)
@given(WORDY, WORDY.filter(lambda q: normalise(q) != ""))
def test_whole_word_matching_agrees_with_a_bounded_regex(article: str, quote: str) -> None:
    text = NormalisedText(article)
    found = [(p.start, p.end) for p in text.find_all(quote, limit=1000)]
    assert found == _whole_word_reference(text, quote)


@settings(max_examples=300, deadline=None)
@given(WORDY, WORDY, st.sampled_from(["ought", "bro", "rough", "ought.", "\u2019brought"]))
def test_no_part_of_a_word_is_found_inside_it(before: str, after: str, part: str) -> None:
    """ "ought" is never found inside "brought", nor "bro": whatever the text around it."""
    article = f"{before}brought{after}"
    inside = range(len(before), len(before) + len("brought"))
    for passage in NormalisedText(article).find_all(part, limit=1000):
        assert not set(range(passage.start, passage.end)) & set(inside) or (
            passage.start <= inside.start and passage.end >= inside.stop
        ), (article, part, passage)


# --------------------------------------------------------------------------- hostile misses
#
# The near-miss search must cost what an ordinary miss costs whatever the quote: these assert
# the bounds it keeps (passages compared, places visited, quote length compared), not times.

PROSE = " ".join(
    f"Officials said shipment {n} crossed the border at night while analysts doubted it."
    for n in range(300)
)


def _long_missing_quote(words: int) -> str:
    vocabulary = PROSE.split()
    return " ".join(
        f"zq{n}x" if n % 7 == 0 else vocabulary[(n * 13) % len(vocabulary)] for n in range(words)
    )


@pytest.mark.parametrize("words", [1000, 4000])
def test_a_quote_of_thousands_of_words_compares_only_its_beginning(words: int) -> None:
    from comparator.quotes import MAX_COMPARED_WORDS

    miss = NormalisedText(PROSE).explain_miss(_long_missing_quote(words))
    assert miss.compared <= 5 * 12 + REFINING_WINDOWS
    quote_side = [text for op, text in miss.diff if op in "=-" and text != "\u2026"]
    assert len(" ".join(quote_side).split()) <= MAX_COMPARED_WORDS


def test_a_one_megabyte_quote_is_bounded_too() -> None:
    quote = ("word " * 250_000)[: 1 << 20]
    miss = NormalisedText(PROSE).explain_miss(quote)
    assert miss.compared <= 5 * 12 + REFINING_WINDOWS
    assert sum(len(text) for _, text in miss.diff) < 2000


def test_a_short_quote_over_one_repeated_word_visits_a_bounded_number_of_places() -> None:
    text = NormalisedText("a " * 1_000_000)
    miss = text.explain_miss("a a a b")
    assert miss.visited <= 100_000  # of a million places of "a"
    assert miss.compared <= 5 * 12 + REFINING_WINDOWS
    assert miss.closest is not None and miss.closest.text == "a a a a"
    assert format_word_diff(miss.diff) == "a a a [-b-] {+a+}"


def test_a_long_quote_that_differs_after_the_compared_words_says_the_rest_was_not_compared() -> (
    None
):
    text = NormalisedText("a " * 200)
    miss = text.explain_miss("a " * 59 + "b")
    assert miss.closest is not None
    assert miss.diff[-1] == ("-", "\u2026")


def test_ranking_visits_only_where_the_quotes_words_occur() -> None:
    # An ordinary miss in an ordinary article: the ranking visits the quote's words' places,
    # never every window of the article times every word of the quote.
    text = NormalisedText(PROSE)
    quote = "Officials said shipment 12 crossed the river at night while analysts doubted it."
    miss = text.explain_miss(quote)
    assert miss.closest is not None and miss.closest.text.startswith("Officials said shipment 12")
    assert miss.visited <= sum(PROSE.lower().split().count(w.lower()) for w in set(quote.split()))


def test_the_near_miss_ranking_lowers_quote_and_text_alike() -> None:
    # A final sigma lowers differently in a word and in a whole text: the ranking must treat
    # the quote's words and the article's alike, or a Greek quote ranks no passage.
    text = NormalisedText("Πρώτα άλλα λόγια εδώ. Ο ΚΟΣΜΟΣ ΕΙΝΑΙ ΜΕΓΑΛΟΣ ΚΑΙ ΩΡΑΙΟΣ σήμερα.")
    miss = text.explain_miss("ΚΟΣΜΟΣ ΜΕΓΑΛΟΣ ΩΡΑΙΟΣ ΑΣΧΗΜΟΣ ΤΕΛΟΣ")
    assert miss.visited == 3  # ΚΟΣΜΟΣ, ΜΕΓΑΛΟΣ and ΩΡΑΙΟΣ, once each
