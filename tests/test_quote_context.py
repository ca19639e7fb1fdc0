"""Quotes in their context: elided quotes, a quote's whole sentence in every view, and the
``quote-context`` lint. The case folders (tests/cases/quote-*elided*, quote-context-*) hold
the findings of ``compare check``; these tests hold what the views show and the rules' edges.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from comparator.lints import ContextCue, left_out_cues
from comparator.models import AnchorStatus, Location, QuoteAnchor, QuotePart, QuoteRef
from comparator.quotes import NormalisedText, elision_parts, word_count
from comparator.wording import paragraphs
from tests.conftest import CASES, ROOT, write_corpus

MINI = ROOT / "tests" / "fixtures" / "mini"
ELIDED = CASES / "quote-elided-in-order"

# -- elision marks and paragraphs ------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "parts"),
    [
        ("one two three ... four five six", ("one two three", "four five six")),
        ("one two three … four five six", ("one two three", "four five six")),
        ("one two three [...] four five six", ("one two three", "four five six")),
        ("one two three […] four five six", ("one two three", "four five six")),
        ("... one two three four", ("one two three four",)),
        ("one two three four", None),
        ("the U.S. and its allies", None),
    ],
)
def test_elision_marks_split_a_quote(quote: str, parts: tuple[str, ...] | None) -> None:
    assert elision_parts(quote) == parts


def test_the_marks_of_an_elided_quote_are_not_words() -> None:
    assert word_count("one two [...] three four") == 4
    assert word_count("one two three four") == 4


def test_a_paragraph_is_between_blank_lines_in_a_hand_wrapped_text() -> None:
    text = "First line of one\nparagraph wrapped.\n\nSecond paragraph.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "First line of one\nparagraph wrapped.",
        "Second paragraph.",
    ]


def test_a_text_with_a_paragraph_per_long_line_has_a_paragraph_per_line() -> None:
    long_line = "word " * 40
    text = f"{long_line}\n{long_line}\n"
    assert len(paragraphs(text)) == 2


def test_an_ellipsis_the_article_itself_has_is_found_as_written() -> None:
    """The bundled Cradle text ends a line with '…': a quote of it anchors as before."""
    text = NormalisedText("They tried to deter the United …\n\nNext paragraph here.\n")
    assert len(text.find_all("tried to deter the United …")) == 1


def test_an_elided_quote_is_found_in_one_paragraph_in_order() -> None:
    text = NormalisedText("Alpha beta gamma delta epsilon zeta eta.\n\nTheta iota kappa lambda.\n")
    assert len(text.find_elided(("Alpha beta gamma", "epsilon zeta eta"))) == 1
    assert text.find_elided(("epsilon zeta eta", "Alpha beta gamma")) == []
    assert text.find_elided(("epsilon zeta eta", "Theta iota kappa")) == []


# -- views --------------------------------------------------------------------------------


def _positions(document: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for topic in document for claim in topic["claims"] for p in claim["positions"]]


def test_an_elided_quote_shows_its_parts_with_an_ellipsis_and_each_part_s_place(
    run_cli, tmp_path: Path
) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(ELIDED, corpus)
    text = run_cli(["weapons"], cwd=corpus)
    assert text.exit_code == 0
    flat = " ".join(text.stdout.replace("│", " ").split())
    assert "“Allegations that Russia transferred weapons … remain unproven, and" in flat
    assert "seeds/report.txt:3 (+1 part: lines 3, 3)" in flat
    document = json.loads(run_cli(["weapons", "--format", "json"], cwd=corpus).stdout)
    quote = _positions(document)[0]["quotes"][0]
    assert quote["text"].startswith("Allegations that Russia transferred weapons [...]")
    assert [(p["text"], p["line"], p["column"]) for p in quote["parts"]] == [
        ("Allegations that Russia transferred weapons", 3, 1),
        ("remain unproven, and officials in Moscow deny any role", 3, 54),
    ]
    # The words the elision leaves out are in the sentence, not quoted.
    assert next(p for p in quote["sentence"]["pieces"] if not p["quoted"]) == {
        "text": " to Hamas ",
        "quoted": False,
    }
    markdown = run_cli(["weapons", "--format", "markdown"], cwd=corpus).stdout
    assert "seeds/report.txt:3, parts at lines 3, 3" in markdown


def test_context_shows_the_whole_sentence_with_the_quote_marked(run_cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(ELIDED, corpus)
    plain = run_cli(["weapons"], cwd=corpus)
    shown = run_cli(["weapons", "--context"], cwd=corpus)
    assert plain.exit_code == shown.exit_code == 0
    flat = " ".join(shown.stdout.replace("│", " ").split())
    # Quoted words between « », the words the quote leaves out around them, unmarked.
    assert (
        "«Allegations that Russia transferred weapons» to Hamas «remain unproven, and "
        "officials in Moscow deny any role» in the attack." in flat
    )
    assert "in the attack" not in plain.stdout
    markdown = run_cli(
        ["weapons", "-a", str(MINI), "-c", "direct-supply", "--context", "-f", "markdown"]
    ).stdout
    assert (
        "“Analysts say **Russia directly supplies weapons to Hamas through covert channels**, "
        "and the evidence keeps growing.”"
    ) in markdown
    without = run_cli(["weapons", "-a", str(MINI), "-c", "direct-supply", "-f", "markdown"])
    assert "Analysts say" not in without.stdout


def test_json_always_carries_the_sentence_and_null_for_a_quote_not_found(
    run_cli, tmp_path: Path
) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(CASES / "quote-not-found-elided-out-of-order", corpus)
    document = json.loads(run_cli(["weapons", "--format", "json"], cwd=corpus).stdout)
    quote = _positions(document)[0]["quotes"][0]
    assert quote["status"] == "not-found"
    assert quote["sentence"] is None
    assert [p["line"] for p in quote["parts"]] == [None, None]


def test_the_sentence_survives_the_cache(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "c"
    shutil.copytree(ELIDED, corpus)
    first = run_cli(["weapons", "--format", "json"], cwd=corpus)
    assert list((tmp_path / "cache").glob("compare-*.entry"))
    second = run_cli(["weapons", "--format", "json"], cwd=corpus)
    assert first.stdout == second.stdout
    assert _positions(json.loads(second.stdout))[0]["quotes"][0]["sentence"] is not None


# -- the lint's edges -------------------------------------------------------------------------


def _anchor(before: str, after: str = ".", parts: tuple[QuotePart, ...] = ()) -> QuoteAnchor:
    return QuoteAnchor(
        QuoteRef("the quoted words stand here", Location("a.yaml", 1, 1)),
        "s",
        AnchorStatus.FOUND,
        Location("a.txt", 1, 1),
        parts=parts,
        before=before,
        after=after,
    )


def _families(anchor: QuoteAnchor) -> set[ContextCue]:
    return {cue for stretch in left_out_cues(anchor) for cue, _ in stretch.cues}


@pytest.mark.parametrize(
    ("after", "family"),
    [
        (" is not true.", ContextCue.NEGATION),
        (" remain unproven.", ContextCue.DOUBT),
        (", officials said.", ContextCue.REPORTED),
        (", as Moscow would have it.", ContextCue.FRAME),
    ],
)
def test_words_after_a_quote_can_deny_doubt_or_attribute_it(after: str, family: ContextCue) -> None:
    assert _families(_anchor("", after)) == {family}


def test_a_contrast_after_a_quote_and_a_leading_subordinate_clause_change_nothing() -> None:
    assert _families(_anchor("", ", not ideology.")) == set()
    assert _families(_anchor("While allegations remain unproven, ")) == set()
    assert _families(_anchor("From here, it can be said that ")) == set()


def test_a_negation_in_an_earlier_clause_is_not_the_quote_s() -> None:
    assert _families(_anchor("Although Hamas did not engage, ")) == set()
    assert _families(_anchor("Moscow has hardly suggested that ")) == {ContextCue.NEGATION}


def test_a_quote_not_found_has_no_sentence_to_judge() -> None:
    anchor = QuoteAnchor(QuoteRef("q", Location("a.yaml")), "s", AnchorStatus.NOT_FOUND)
    assert left_out_cues(anchor) == []


def test_an_attributed_assertion_is_flagged_only_for_its_sign(run_cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(CASES / "quote-context-reported", corpus)
    yaml_path = corpus / "assertions.yaml"
    text = yaml_path.read_text()
    yaml_path.write_text(
        text.replace(
            "        summary:", "        attributed_to: Kremlin spokesmen\n        summary:"
        )
    )
    result = run_cli(["check", "--fail-level", "warning"], cwd=corpus)
    # The speaker is named (read as a report, with the version 2 form to write): the left-out
    # frame is accounted for, and only that warning remains.
    assert "quote-context" not in result.stdout
    assert "warning attributed-v1 " in result.stdout
    assert "1 warning," in result.stdout and result.exit_code == 1, result.stdout


# -- found as written: an ordinary quote, whatever dots it holds ----------------------------

DOTTED_TEXT = (
    "He said... it was over and we all knew that the war had ended for good in the valley.\n"
)
DOTTED = """\
version: 1
sources:
  alpha:
    outlet: Alpha
    title: A piece
    file: seeds/alpha.txt
topics:
  war:
    title: War
    question: Is the war over?
    claims:
      over: The war is over.
    assertions:
      - id: war-alpha
        source: alpha
        claim: over
        stance: affirms
        summary: The war has ended.
        quotes:
          - "{quote}"
"""


def test_a_quote_found_with_its_dots_is_not_read_as_elided(run_cli, tmp_path: Path) -> None:
    """ "He said... it was over" is in the article as written: no part of it is "too short"."""
    write_corpus(
        tmp_path,
        DOTTED.format(quote="He said... it was over and we all knew that the war had ended"),
        {"seeds/alpha.txt": DOTTED_TEXT},
    )
    result = run_cli(["check", "--fail-level", "info"], cwd=tmp_path)
    assert "quote-too-short" not in result.stdout, result.stdout


def test_an_elided_quote_of_a_missing_article_is_unavailable_not_wrong(
    run_cli, tmp_path: Path
) -> None:
    """Even past the limit of parts, a quote whose article cannot be read is shown as such."""
    quote = " ... ".join(f"part {n} of a long collage" for n in range(14))
    write_corpus(tmp_path, DOTTED.format(quote=quote), {})
    shown = run_cli(["check", "--format", "json"], cwd=tmp_path)
    assert '"source-missing"' in shown.stdout
    from comparator.check import verify
    from comparator.loader import load_corpus

    loaded = load_corpus(tmp_path / "assertions.yaml")
    result = verify(loaded.corpus, loaded.findings, lints=False)
    assert {a.status.value for a in result.anchors.values()} == {"no-text"}
