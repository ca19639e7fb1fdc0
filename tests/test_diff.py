"""``compare diff A B``: two outlets or sources, claim by claim, with word-level diffs.

The mini corpus: North affirms direct supply, South doubts it, East's two articles split
(east-one denies, east-two suggests); North and South agree on leverage; only South addresses
indirect arms; South is silent on chaos, where North suggests and East splits again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from comparator.check import verify
from comparator.compare import compare_all
from comparator.diffing import WordOp, WordRun, shares_words, word_runs
from comparator.errors import UsageError
from comparator.loader import load_corpus
from comparator.models import Party, PartyKind, Relation
from comparator.render.diff_text import hanging
from comparator.views.diff import DiffView, build_diff_view
from tests.conftest import ROOT, is_clean, write_corpus
from tests.markdown_helpers import GITHUB_LINKERS, MD, fences, headings, markup_types, shown, tables

MINI = ROOT / "tests" / "fixtures" / "mini"


def mini_diff(a: Party, b: Party) -> DiffView:
    loaded = load_corpus(MINI / "assertions.yaml")
    result = verify(loaded.corpus, loaded.findings)
    assert result.corpus is not None
    corpus = result.corpus
    return build_diff_view(compare_all(corpus, result.anchors), a, b, corpus.sources)


NORTH = Party("North", PartyKind.OUTLET, ("north",))
SOUTH = Party("South", PartyKind.OUTLET, ("south",))
EAST = Party("East", PartyKind.OUTLET, ("east-one", "east-two"))


# -- the core ----------------------------------------------------------------------------


def test_what_both_address_and_how_they_relate() -> None:
    diff = mini_diff(NORTH, SOUTH)
    assert [(s.claim.id, s.relation) for s in diff.shared] == [
        ("direct-supply", Relation.CONTRADICT),
        ("leverage", Relation.AGREE),
    ]
    assert [
        (o.claim.id, [(a.source, a.coverage, a.absence.words) for a in o.absences])
        for o in diff.only_a.claims
    ] == [("profits", [("south", "silent", "silent on this topic")])]
    assert [
        (o.claim.id, [(a.source, a.coverage, a.absence.words) for a in o.absences])
        for o in diff.only_b.claims
    ] == [("indirect-arms", [("north", "covered", "no position on this claim")])]
    assert diff.summary == (
        "both address 2 claims (1 contradict, 1 agree); only North "
        "addresses 1; only South addresses 1"
    )


def test_an_outlet_split_inside_keeps_each_article() -> None:
    diff = mini_diff(NORTH, EAST)
    direct = diff.shared[0]
    assert [(p.b.position.source.id, p.relation) for p in direct.pairs] == [
        ("east-one", Relation.CONTRADICT),
        ("east-two", Relation.AGREE_DIFFERENT_CERTAINTY),
    ]
    assert direct.relation is Relation.CONTRADICT  # the weightiest relation leads
    assert direct.split
    assert [(a.source, a.coverage) for a in diff.only_a.claims[0].absences] == [
        ("east-one", "silent"),
        ("east-two", "unreviewed"),
    ]


def test_word_diffs_of_quotes_and_summaries() -> None:
    pair = mini_diff(NORTH, Party("east-two", PartyKind.SOURCE, ("east-two",))).shared[0].pairs[0]
    assert pair.quote.diff == (
        WordRun(WordOp.SAME, "Russia"),
        WordRun(WordOp.ONLY_A, "directly supplies"),
        WordRun(WordOp.ONLY_B, "may well be passing some"),
        WordRun(WordOp.SAME, "weapons to Hamas"),
        WordRun(WordOp.ONLY_A, "through covert channels"),
    )
    assert WordRun(WordOp.SAME, "Russia") in pair.summary.diff


def test_a_word_diff_only_where_the_texts_have_enough_in_common() -> None:
    assert shares_words(
        word_runs(
            "Russia may well be passing some weapons to Hamas",
            "Russia directly supplies weapons to Hamas",
        )
    )
    assert not shares_words(
        word_runs(
            "Chaos distracts the West from Ukraine.",
            "Moscow fears a wider war would hurt the ties.",
        )
    )
    assert not shares_words(())


def test_an_article_is_never_compared_with_itself() -> None:
    diff = mini_diff(EAST, Party("east-one", PartyKind.SOURCE, ("east-one",)))
    direct = diff.shared[0]
    assert [(p.a.position.source.id, p.b.position.source.id) for p in direct.pairs] == [
        ("east-two", "east-one")
    ]
    with pytest.raises(UsageError):
        mini_diff(EAST, Party("East", PartyKind.OUTLET, ("east-two", "east-one")))


# -- the command -------------------------------------------------------------------------


def test_text_diff_without_colour_marks_words_with_brackets(run_cli) -> None:
    result = run_cli(["diff", "North", "east-two", "-a", str(MINI)])
    assert result.exit_code == 0
    assert is_clean(result.stdout)
    out = result.stdout
    assert out.splitlines()[0] == "North vs east-two"
    assert "both address 2 claims (2 agree with different certainty)" in out
    assert (
        "      quote   Russia [-directly supplies-] {+may well be passing some+} weapons to Hamas "
        "[-through\n"
        "              covert channels-]\n"
    ) in out  # wrapped at 100 columns between words, the continuation under the text
    assert "Only North" in out and "Only east-two" in out
    assert "east-two: unreviewed" in out  # why east-two says nothing on leverage


def test_text_diff_with_colour_uses_colour_not_brackets(run_cli) -> None:
    result = run_cli(
        ["diff", "North", "east-two", "-a", str(MINI)],
        env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"},
    )
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout
    assert "[-directly supplies-]" not in result.stdout
    assert "directly supplies" in result.stdout


def test_text_diff_shows_rich_markup_in_articles_literally(run_cli) -> None:
    result = run_cli(["diff", "North", "East", "-a", str(MINI)])
    assert "[bold red]distracts[/bold red]" in result.stdout


def test_markdown_diff_has_tables_and_diff_blocks(run_cli) -> None:
    result = run_cli(["diff", "North", "South", "-a", str(MINI), "--format", "markdown"])
    assert result.exit_code == 0
    out = result.stdout
    assert headings(out, 1) == ["North vs South"]
    assert headings(out, 2) == ["Both address", "Only North addresses", "Only South addresses"]
    both, only_north, only_south = tables(out)
    assert both.header_texts == ["Topic", "Claim", "North", "South", "Relation"]
    assert both.texts == [
        ["Weapons supply", "direct-supply", "✔✔ affirms", "✘ doubts", "contradict"],
        ["Motive", "leverage", "✔✔ affirms", "✔✔ affirms", "agree"],
    ]
    assert only_north.texts == [
        [
            "Regional chaos",
            "profits",
            "Moscow profits from regional chaos.",
            "✔ suggests",
            "silent on this topic",
        ]
    ]
    assert only_south.column("North") == ["no position on this claim"]
    blocks = fences(out)
    assert [b.info for b in blocks] == ["diff", "diff"]
    lines = blocks[0].content.splitlines()
    assert lines[:3] == [
        "@@ summary @@",
        "- North: Russia directly supplies weapons to Hamas through covert channels.",
        "+ South: Arms-transfer allegations are unproven.",
    ]
    assert lines[3] == "@@ quote @@"  # summaries with no words in common: no word diff
    assert lines[-2:] == [
        "@@ quote, word by word @@",
        "  {+Allegations that+} Russia [-directly supplies-] {+transferred+} "
        "weapons to Hamas [-through covert channels-] {+remain unproven+}",
    ]


def test_markdown_diff_of_a_split_outlet_names_each_article(run_cli) -> None:
    result = run_cli(["diff", "North", "East", "-a", str(MINI), "--format", "markdown"])
    both = tables(result.stdout)[0]
    assert both.texts[0][3:] == [
        "✘✘ denies (east-one)\n✔ suggests (east-two)",
        "contradict (split)",
    ]
    assert len(fences(result.stdout)) == 4  # two claims, two East articles each


def test_json_diff(run_cli) -> None:
    result = run_cli(["diff", "North", "South", "-a", str(MINI), "--format", "json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["a"] == {"name": "North", "kind": "outlet", "sources": ["north"]}
    assert document["counts"] == {"contradict": 1, "agree": 1}
    first = document["shared"][0]
    assert (first["claim"], first["relation"], first["split"]) == (
        "direct-supply",
        "contradict",
        False,
    )
    assert first["pairs"][0]["quote_diff"][0] == ["+", "Allegations that"]
    assert [o["claim"] for o in document["only_a"]] == ["profits"]
    assert document["only_a"][0]["other"] == [{"source": "south", "coverage": "silent"}]


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ("North", "Nowhere", "'Nowhere' is neither an outlet nor a source id"),
        ("Norht", "South", "did you mean 'North'?"),
        ("East", "East", "are the same articles"),
    ],
)
def test_bad_parties_are_usage_errors(run_cli, a: str, b: str, message: str) -> None:
    result = run_cli(["diff", a, b, "-a", str(MINI)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr


def test_markdown_diff_of_hostile_text_keeps_its_shape(run_cli, tmp_path: Path) -> None:
    nasty = "Nasty | <b>x</b> @team #1 `tick` ```"
    write_corpus(
        tmp_path,
        f"""
        version: 1
        sources:
          a: {{outlet: {json.dumps(nasty)}, title: A, file: a.txt}}
          b: {{outlet: B, title: B, file: b.txt}}
        topics:
          t:
            title: {json.dumps(nasty)}
            question: Q?
            claims: {{c: {json.dumps(nasty)}}}
            assertions:
              - {{id: a-c, source: a, claim: c, stance: affirms,
                 summary: {json.dumps(nasty + chr(10) + "+ forged line")},
                 quotes: [{json.dumps(nasty + " one two three")}]}}
              - {{id: b-c, source: b, claim: c, stance: denies, summary: plain,
                 quotes: [plain words of the other one]}}
        """,
        {"a.txt": nasty + " one two three\n", "b.txt": "plain words of the other one\n"},
    )
    result = run_cli(["diff", nasty, "B", "--format", "markdown"], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    (both,) = tables(result.stdout)  # nothing is one-sided
    assert [len(row) for row in both.rows] == [5]
    assert shown(both.header_texts[2]) == nasty
    assert shown(both.texts[0][0]) == nasty
    assert both.texts[0][4] == "contradict"
    (block,) = fences(result.stdout)
    assert "+ B: “plain words of the other one”" in block.content
    assert f"- {nasty}: “{nasty} one two three”" in block.content
    assert f"- {nasty}: {nasty} + forged line" in block.content.splitlines()
    assert not any(line.startswith("+ forged") for line in block.content.splitlines())
    html = MD.render(result.stdout)
    assert "<b>" not in html
    for token in MD.parse(result.stdout):
        if token.type == "inline":
            assert markup_types(token) <= {
                "code_inline",
                "html_inline",
                "strong_open",
                "strong_close",
                "softbreak",
            }
            for child in token.children or []:
                if child.type == "text":
                    assert not GITHUB_LINKERS.search(child.content), child.content


# -- wrapping and the legend (bugs fixed in issue 11) --------------------------------------

WRAP_CASES = [
    (ROOT, "CEPA", "Cradle"),
    (ROOT, "winep", "carnegie"),
    (MINI, "North", "east-two"),
    (MINI, "North", "East"),
]


@pytest.mark.parametrize(("corpus", "a", "b"), WRAP_CASES)
@pytest.mark.parametrize("width", [40, 60, 80])
def test_text_diff_wraps_between_words_within_the_width(
    run_cli, corpus: Path, a: str, b: str, width: int
) -> None:
    """Every line fits the console, and no word is cut: the words read in the same order as
    on a console wide enough for every line, word-diff marks included."""
    narrow = run_cli(["diff", a, b, "-a", str(corpus)], width=width).stdout
    wide = run_cli(["diff", a, b, "-a", str(corpus)], width=10_000).stdout
    assert max(len(line) for line in narrow.splitlines()) <= width
    assert narrow.split() == wide.split()
    assert all(line == line.rstrip() for line in narrow.splitlines())


def test_a_wrapped_line_continues_under_its_text(run_cli) -> None:
    out = run_cli(["diff", "North", "South", "-a", str(MINI)], width=60).stdout
    assert (
        "      summary North: Russia directly supplies weapons to\n"
        "              Hamas through covert channels.\n"
    ) in out
    assert (
        "  Weapons supply · indirect-arms: Russian-made weapons reach\n"
        "    Hamas through third countries.\n"
    ) in out


def test_the_word_diff_legend_only_over_a_word_diff(run_cli) -> None:
    """CEPA and Cradle word their claims too differently for any word diff: no legend."""
    without = run_cli(["diff", "CEPA", "Cradle", "-a", str(ROOT)], width=10_000).stdout
    assert "[-" not in without and "{+" not in without
    assert "word diff" not in without
    markdown = run_cli(["diff", "CEPA", "Cradle", "-a", str(ROOT), "-f", "markdown"]).stdout
    assert "word by word" not in markdown.casefold()
    with_diff = run_cli(["diff", "North", "South", "-a", str(MINI)], width=10_000).stdout
    assert "word diff: [-only in North-] {+only in South+}" in with_diff
    assert "{+remain unproven+}" in with_diff
    markdown = run_cli(["diff", "North", "South", "-a", str(MINI), "-f", "markdown"]).stdout
    assert "Word by word, `[-…-]` is only in North's text" in markdown


@given(
    words=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzé’…-[]{}+", min_size=1, max_size=30),
        min_size=1,
        max_size=40,
    ),
    width=st.integers(min_value=1, max_value=120),
    hang=st.integers(min_value=0, max_value=30),
)
def test_hanging_lines_keep_every_word_and_style_within_the_width(
    words: list[str], width: int, hang: int
) -> None:
    """Wrapping only moves line breaks: the words (and the style of every character) read as
    they did, no line is wider than the console, no word is cut unless it is wider than a line.
    """
    line = Text("      ")
    for index, word in enumerate(words):
        line.append(word, style="red strike" if index % 2 else "")
        line.append(" ")
    lines = hanging(line, width, hang)
    assert all(cell_len(piece.plain) <= width for piece in lines)
    indent = max(6, hang)  # at least as deep as any line starts
    if all(cell_len(w) <= width - indent for w in words):
        assert " ".join(piece.plain for piece in lines).split() == words
    else:
        assert "".join("".join(piece.plain.split()) for piece in lines) == "".join(words)
    styled = [
        (char, str(piece.get_style_at_offset(Console(), i)))
        for piece in lines
        for i, char in enumerate(piece.plain)
        if not char.isspace()
    ]
    expected = [
        (char, str(Style.parse("red strike")) if index % 2 else str(Style()))
        for index, word in enumerate(words)
        for char in word
    ]
    assert styled == expected
