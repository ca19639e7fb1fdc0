"""Untrusted text in markdown: whatever an article or the YAML holds renders as its own words.

Every check reads the markdown back with markdown-it-py (CommonMark + GFM tables), so it tests
what a reader sees. What GitHub links after rendering (mentions, issue numbers, emoji, bare
URLs) is checked on the rendered text: the invisible word joiner must break each pattern.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.render.markdown_util import (
    code_block,
    code_span,
    escape_cell,
    escape_inline,
    link,
    safe_url,
    table,
)
from comparator.safetext import visible
from tests.markdown_helpers import (
    GITHUB_LINKERS,
    MD,
    fences,
    inline_text,
    markup_types,
    shown,
    tables,
)

#: Strings an article or a YAML value might hold that would break naive markdown.
HOSTILE = [
    "a | b || c",
    "ends with a pipe |",
    "| starts with a pipe",
    "line one\nline two\r\nline three",
    "back\\slash \\| and \\\\ and trailing \\",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</td></tr></table><b>bold</b>",
    "@octocat and @org/team please look",
    "mail me: someone@example.org",
    "`code` and ``double`` and ```",
    "# a heading",
    "## two",
    "&lt;b&gt; &amp; &#124; &#x7c; &copy;",
    "[link](javascript:alert(1))",
    "[ref]: https://evil.example",
    "![img](https://x/y.png)",
    "*emphasis* and **strong** and _under_ and __dunder__",
    "~~strike~~ and ~single~",
    "<http://x.example> and <mailto:a@b.c>",
    "bare https://x.example/path and http://y.example",
    "www.example.com is linked by GitHub",
    "> a quote",
    "- a bullet",
    "+ plus bullet",
    "* star bullet",
    "1. ordered",
    "12) ordered too",
    "===",
    "---",
    "***",
    "    indented code",
    "```python",
    "~~~",
    "fixes #12 and GH-3",
    ":smile: :+1:",
    "$x^2$ and $$math$$",
    "[ ] task and [x] done",
    "[^1] footnote",
    "> [!WARNING]",
    "escape \x1b[31mred\x1b[0m and bell \x07 and null \x00",
    "bidi \u202egnp.exe",
    "tab\tinside",
    "   leading and trailing spaces   ",
    "{curly} (round) \"double\" 'single' %percent ^caret ?question =equals",
    "unicode: Milàn Czerny — “quoted” … ✔✔",
    "",
    "   ",
]


def expected(text: str) -> str:
    """What a cell must show: the text on one line, controls made visible."""
    return visible(text, one_line=True)


def assert_renders_as(token_text: str, original: str) -> None:
    assert shown(token_text) == shown(expected(original))
    assert not GITHUB_LINKERS.search(token_text), token_text


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_keeps_the_table_shape_and_its_words(text: str) -> None:
    cell = escape_cell(text)
    markdown = table(["Left", "Middle", "Right"], [["a", cell, "b"], [cell, cell, cell]])
    (parsed,) = tables(markdown)
    assert parsed.header_texts == ["Left", "Middle", "Right"]
    assert len(parsed.rows) == 2
    assert all(len(row) == 3 for row in parsed.rows)
    assert parsed.texts[0][0] == "a" and parsed.texts[0][2] == "b"
    for token in (parsed.rows[0][1], *parsed.rows[1]):
        assert markup_types(token) == set(), token.children
        assert_renders_as(inline_text(token), text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_one_plain_paragraph_wherever_it_starts_a_line(text: str) -> None:
    escaped = escape_inline(text)
    if not escaped:
        return
    for document, prefix in (
        (escaped, ""),
        (f"Intro line\n{escaped}", "Intro line\n"),
        (f"## {escaped}", ""),
        (f"- {escaped}", ""),
    ):
        tokens = MD.parse(document)
        blocks = [t.type for t in tokens if t.type != "inline"]
        assert "blockquote_open" not in blocks and "fence" not in blocks
        assert "code_block" not in blocks and "hr" not in blocks
        if document.startswith("## "):
            assert blocks == ["heading_open", "heading_close"]
        elif document.startswith("- "):
            assert blocks.count("bullet_list_open") == 1 and blocks.count("list_item_open") == 1
        else:
            assert blocks == ["paragraph_open", "paragraph_close"], document
        (inline,) = [t for t in tokens if t.type == "inline"]
        assert markup_types(inline) <= {"softbreak"}
        text_shown = inline_text(inline)
        assert text_shown.startswith(prefix)
        assert_renders_as(text_shown[len(prefix) :], text)


def test_html_is_shown_as_text_never_as_html() -> None:
    html = MD.render(table(["x"], [[escape_cell("<script>alert(1)</script> <b>x</b>")]]))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_entities_are_not_decoded() -> None:
    (parsed,) = tables(table(["x"], [[escape_cell("&lt;tag&gt; &amp;")]]))
    assert parsed.texts == [["&lt;tag&gt; &amp;"]]


def test_the_word_joiner_only_goes_where_github_would_link() -> None:
    assert (
        escape_inline("an ordinary sentence, with 3 numbers: 1, 2.")
        == "an ordinary sentence, with 3 numbers: 1, 2."
    )
    assert escape_inline("Russia's role in 2023-10") == "Russia's role in 2023-10"


def test_an_empty_cell_stays_a_cell() -> None:
    (parsed,) = tables(table(["a", "b"], [[escape_cell(""), escape_cell("x")]]))
    assert parsed.texts == [["", "x"]]


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    with pytest.raises(ValueError):
        table(["a", "b"], [["only one"]])


@pytest.mark.parametrize(
    "text",
    [
        "plain code",
        "```\nnot the end\n```",
        "````\n```\n~~~\n",
        "a line\n``````\nafter",
        "ends with backticks ```",
        "carriage\r\nreturns\r\n",
        "escape \x1b[2J clears the screen",
    ],
)
def test_article_text_cannot_close_a_code_block(text: str) -> None:
    document = code_block(text, "diff") + "\n\nAfter the block."
    (fence,) = fences(document)
    assert fence.info == "diff"
    assert fence.content == visible(text.replace("\r\n", "\n")) + "\n"
    tokens = MD.parse(document)
    assert [t.type for t in tokens if t.type != "inline"][-2:] == [
        "paragraph_open",
        "paragraph_close",
    ]


@pytest.mark.parametrize(
    "text", ["seeds/a.txt:3", "a`b", "``x``", "`lead", "pipe|in|path", "back\\|slash", "<b>", "@me"]
)
def test_code_spans_show_exactly_the_text_in_and_out_of_tables(text: str) -> None:
    (parsed,) = tables(table(["x"], [[code_span(text, cell=True)]]))
    (cell,) = parsed.rows[0]
    assert [c.type for c in cell.children or []] == ["code_inline"]
    assert inline_text(cell) == text
    tokens = MD.parse(code_span(text))
    assert [c.type for c in tokens[1].children or []] == ["code_inline"]
    assert inline_text(tokens[1]) == text


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=1&c=2#frag", True),
        ("http://example.org/with (parens) and |pipe|", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT://%0aalert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("https://exa\x1bmple.org", False),
        ("//example.org", False),
        ("", False),
    ],
)
def test_only_http_urls_become_links_and_they_cannot_break_the_table(
    url: str, linked: bool
) -> None:
    (parsed,) = tables(table(["title", "after"], [[link("A | title", url), "x"]]))
    (cell, after) = parsed.rows[0]
    assert inline_text(after) == "x"
    types = [c.type for c in cell.children or []]
    if linked:
        assert types == ["link_open", "text", "link_close"]
        href = (cell.children or [])[0].attrs["href"]
        assert isinstance(href, str) and href.startswith("http")
        assert safe_url(url) is not None
    else:
        assert types == ["text"]
        assert safe_url(url) is None
    label = "".join(c.content for c in cell.children or [] if c.type == "text")
    assert shown(label) == "A | title"


PUNCTUATION = list("\\`*_[]<>|~&$#@:/.-+=!()\"' \n\t1aw")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(PUNCTUATION) | st.characters(), max_size=40))
def test_any_text_in_a_cell_keeps_the_table_shape_and_renders_as_itself(text: str) -> None:
    cell = escape_cell(text)
    (parsed,) = tables(table(["a", "b", "c"], [["x", cell, "y"], [cell, "z", cell]]))
    assert len(parsed.rows) == 2 and all(len(row) == 3 for row in parsed.rows)
    assert parsed.texts[0][0] == "x" and parsed.texts[1][1] == "z"
    for token in (parsed.rows[0][1], parsed.rows[1][0], parsed.rows[1][2]):
        assert markup_types(token) == set()
        assert_renders_as(inline_text(token), text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(PUNCTUATION) | st.characters(), min_size=1, max_size=40))
def test_any_text_after_a_line_renders_as_itself_in_one_paragraph(text: str) -> None:
    escaped = escape_inline(text)
    if not escaped:
        return
    tokens = MD.parse(f"Intro\n{escaped}")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert markup_types(tokens[1]) == {"softbreak"}
    assert_renders_as(inline_text(tokens[1]).removeprefix("Intro\n"), text)


# The four regular expressions escape_inline ran one after the other before it became one pass
# (issue 16): the one pass must give the same markdown for every text.
_OLD_ALWAYS = re.compile(r"([\\`*_\[\]<>|~&$])")
_OLD_LEADING = re.compile(r"^([#+=-])")
_OLD_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_OLD_LINKED = re.compile(
    r"(@)(?=\w)|(#)(?=\d)|(:)(?=[\w+-]+:)|(:)(?=//)|\b(www)(?=\.)", re.IGNORECASE
)


def _four_passes(text: str) -> str:
    flat = visible(text, one_line=True)
    escaped = _OLD_ALWAYS.sub(r"\\\1", _OLD_LINKED.sub(lambda m: m.group() + "\u2060", flat))
    escaped = _OLD_ORDERED.sub(r"\1\\\2", escaped)
    return _OLD_LEADING.sub(r"\\\1", escaped)


#: Every character any of the four expressions looks at, and a few around them.
_MEANINGFUL = st.text(
    alphabet=st.sampled_from(list("\\`*_[]<>|~&$#+=-@:/.)wW 0179٣a_\n\t\x00\u2060+-")),
    max_size=40,
)


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(_MEANINGFUL, st.text(max_size=40), st.lists(st.sampled_from(HOSTILE)).map("".join))
)
def test_one_escaping_pass_writes_what_the_four_expressions_did(text: str) -> None:
    assert escape_inline(text) == _four_passes(text)


@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE,
        "#1 first",
        "1. #2",
        "www.x www.y",
        "@a@b",
        ":a:b:c:",
        "123456789. nine",
        "1234567890) ten",
    ],
)
def test_one_escaping_pass_agrees_on_the_hostile_strings(text: str) -> None:
    assert escape_inline(text) == _four_passes(text)
