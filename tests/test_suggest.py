"""``compare suggest``: the right sentence first, and a stub that pastes in and checks clean."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from comparator.loader import load_corpus_text
from comparator.wording import split_sentences, stem
from tests.conftest import ROOT, is_clean, write_corpus

MINI = ROOT / "tests/fixtures/mini"


def _suggest(run_cli, *args: str, folder: Path = MINI) -> tuple[dict, int]:
    result = run_cli(["suggest", *args, "--format", "json"], cwd=folder)
    return json.loads(result.stdout), result.exit_code


# --------------------------------------------------------------------------- ranking


@pytest.mark.parametrize(
    ("topic", "source", "line", "start"),
    [
        ("weapons", "north", 2, "Analysts say Russia directly supplies weapons"),
        ("motive", "north", 4, "Moscow engages Hamas mainly to gain leverage"),
        ("chaos", "north", 5, "Regional chaos distracts the West"),
        ("chaos", "east-two", 3, "The Kremlin profits from chaos"),
        ("weapons", "south", 6, "Our own reporting confirms that Russian-made weapons"),
    ],
)
def test_the_obviously_relevant_sentence_comes_first(
    run_cli, topic: str, source: str, line: int, start: str
) -> None:
    document, code = _suggest(run_cli, topic, "--source", source)
    best = document["suggestions"][0]
    assert (best["file"], best["line"]) == (document["file"], line)
    assert best["sentence"].startswith(start)
    assert code == 0


def test_scores_fall_and_limit_is_kept(run_cli) -> None:
    document, _ = _suggest(run_cli, "weapons", "--source", "south", "--limit", "2")
    scores = [s["score"] for s in document["suggestions"]]
    assert len(scores) == 2 and scores == sorted(scores, reverse=True)


def test_text_output_gives_file_line_sentence_and_stub(run_cli) -> None:
    result = run_cli(["suggest", "chaos", "--source", "north", "-a", str(MINI)])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("north (seeds/north-times.txt): ")
    assert "1. seeds/north-times.txt:5:1  claim profits" in result.stdout
    assert (
        "   Regional chaos distracts the West from Ukraine, which suits the Kremlin well." in lines
    )
    assert "      - id: chaos-north-profits-2" in lines  # chaos-north-profits is taken
    assert "already quoted by chaos-north-profits" in result.stdout
    assert result.exit_code == 0 and is_clean(result.stdout)


def test_cues_in_a_sentence_are_shown_with_it(run_cli) -> None:
    document, _ = _suggest(run_cli, "weapons", "--source", "south")
    by_line = {s["line"]: s for s in document["suggestions"]}
    assert by_line[2]["cues"]["negation"] == ["unproven", "no evidence"]
    assert by_line[4]["cues"]["attribution"] == ["according to"]
    assert "move the quote into reports: [{voice: WHO" in by_line[4]["stub"]


def test_a_source_that_never_uses_the_topics_words_gets_a_plain_answer(
    run_cli, tmp_path: Path
) -> None:
    shutil.copytree(MINI, tmp_path / "c")
    (tmp_path / "c/seeds/east-review-1.txt").write_text(
        "East Review\nThe weather in the capital was mild for the season this year.\n"
    )
    result = run_cli(["suggest", "motive", "--source", "east-one"], cwd=tmp_path / "c")
    assert result.stdout.startswith(
        "No sentence of east-one (seeds/east-review-1.txt) uses the words of topic 'motive'"
    )
    assert "list east-one under topics.motive.silent" in result.stdout
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["wepons", "--source", "north"], "no topic 'wepons'"),
        (["weapons", "--source", "nort"], "no source 'nort'"),
    ],
)
def test_unknown_topic_or_source_is_a_usage_error(run_cli, args: list[str], message: str) -> None:
    result = run_cli(["suggest", *args, "-a", str(MINI)])
    assert message in result.stderr and "did you mean" in result.stderr
    assert result.stdout == ""
    assert result.exit_code == 2


# --------------------------------------------------------------------------- the stub


def _insert_under_assertions(yaml_text: str, topic: str, stub: str) -> str:
    """Paste the stub after the last assertion of a topic, as an analyst would."""
    lines = yaml_text.splitlines(keepends=True)
    start = lines.index(f"  {topic}:\n")
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i].startswith("    silent:")
            or (lines[i].startswith("  ") and not lines[i].startswith("   "))
        ),
        len(lines),
    )
    return "".join(lines[:end]) + stub + "".join(lines[end:])


def test_the_stub_pastes_in_and_its_quote_anchors(run_cli, tmp_path: Path) -> None:
    """east-two is unreviewed on motive: paste the best stub, and check finds its quote."""
    folder = tmp_path / "c"
    shutil.copytree(MINI, folder)
    document, _ = _suggest(run_cli, "motive", "--source", "east-two", folder=folder)
    stub = document["suggestions"][0]["stub"]
    assert stub.startswith("      - id: motive-east-two-leverage\n")
    yaml_path = folder / "assertions.yaml"
    pasted = _insert_under_assertions(yaml_path.read_text(), "motive", stub)
    yaml_path.write_text(pasted)
    assert load_corpus_text(pasted, yaml_path).findings == ()
    result = run_cli(["check", "--format", "json"], cwd=folder)
    findings = json.loads(result.stdout)["findings"]
    assert [f for f in findings if f["rule"].startswith("quote-")] == []
    assert findings == []  # east-two was the one unreviewed pair of the mini corpus
    assert result.exit_code == 0


HOSTILE = (
    'Backslash \\ and "double" and \u2018single\u2019 quotes: #not-a-comment, '
    "[bold red]markup[/bold red] and an escape \x1b[31m sequence in one weapons "
    "sentence.\n"
)


def test_a_stub_quotes_any_sentence_exactly(run_cli, tmp_path: Path) -> None:
    write_corpus(
        tmp_path,
        """
        version: 1
        sources:
          odd:
            outlet: Odd
            title: Odd text
            file: seeds/odd.txt
        topics:
          weapons:
            title: Weapons
            question: Weapons?
            keywords: [weapons]
            claims:
              supply: Russia supplies weapons.
        """,
        {"seeds/odd.txt": "Odd text\n" + HOSTILE},
    )
    document, _ = _suggest(run_cli, "weapons", "--source", "odd", folder=tmp_path)
    best = document["suggestions"][0]
    assert best["sentence"] == HOSTILE.strip()
    yaml_path = tmp_path / "assertions.yaml"
    yaml_path.write_text(yaml_path.read_text() + "    assertions:\n" + best["stub"])
    loaded = load_corpus_text(yaml_path.read_text(), yaml_path)
    assert loaded.findings == ()
    [assertion] = loaded.corpus.topics[0].assertions
    assert assertion.quotes[0].text == HOSTILE.strip()
    result = run_cli(["check", "--fail-level", "warning"], cwd=tmp_path)
    assert result.stdout == "1 assertion, 1 quote checked: 0 errors, 0 warnings, 0 info\n"
    text = run_cli(["suggest", "weapons", "--source", "odd"], cwd=tmp_path).stdout
    assert is_clean(text)
    assert "escape \\x1b[31m sequence" in text  # the sentence, made visible
    assert "escape \\e[31m sequence" in text  # the stub, escaped the YAML way


# --------------------------------------------------------------------------- sentences


def test_sentences_keep_their_line_and_column() -> None:
    text = (
        "A Heading\n"
        "Dr. Smith met U.S. officials on Oct. 7. They talked about arms. Then they\n"
        "left for the airport.\n\n"
        "\u201cWe will see,\u201d he said. A second paragraph.\n"
    )
    got = [(s.line, s.column, s.text) for s in split_sentences(text)]
    assert got == [
        (1, 1, "A Heading"),
        (2, 1, "Dr. Smith met U.S. officials on Oct. 7."),
        (2, 41, "They talked about arms."),
        (2, 65, "Then they left for the airport."),
        (5, 1, "\u201cWe will see,\u201d he said."),
        (5, 25, "A second paragraph."),
    ]


def test_a_hand_wrapped_sentence_is_joined_across_a_capitalised_line() -> None:
    text = (
        "The North Times\n"
        "Analysts say Russia directly supplies weapons to Hamas through covert channels to\n"
        "Hamas and its allies, and the evidence keeps growing every single week now.\n"
    )
    got = [s.text for s in split_sentences(text)]
    assert got[0] == "The North Times"
    assert got[1].startswith("Analysts say") and got[1].endswith("every single week now.")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("weapons", "weapon"),
        ("supplies", "supplied"),
        ("armed", "arms"),
        ("engaged", "engage"),
        ("transferred", "transfer"),
    ],
)
def test_word_forms_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)
