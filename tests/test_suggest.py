"""``compare suggest``: the right sentence first, and a stub that pastes in and checks clean."""

from __future__ import annotations

import json
import shlex
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


def test_text_output_gives_file_line_sentence_claim_and_add_line(run_cli) -> None:
    result = run_cli(["suggest", "weapons", "--source", "east-two", "-a", str(MINI)])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("east-two (seeds/east-review-2.txt): ")
    assert "1. seeds/east-review-2.txt:6:1  score " in result.stdout
    sentence = (
        "Hamas officials say that Russian-made rifles reach Gaza through Syria, a claim no one "
        "has verified."
    )
    assert f"   {sentence}" in lines
    assert (
        "   bears on claim indirect-arms: shares Hamas, Russian, reach; as other sources' quotes "
        "on it: Syria, officials" in lines
    )
    # weapons-east-two-indirect only reports the claim: the line adds east-two's own stance
    assert "   attribution cue: said; already quoted by weapons-east-two-indirect" in lines
    [add, *_] = [line for line in lines if line.startswith("   compare add")]
    assert add.startswith(
        "   compare add weapons --source east-two --claim indirect-arms --stance STANCE "
        f"--quote '{sentence}' --assertions "
    )
    assert add.endswith("/mini/assertions.yaml")
    assert "with STANCE replaced by your reading (affirms, suggests" in result.stdout
    assert result.exit_code == 0 and is_clean(result.stdout)


def test_no_add_line_for_a_claim_whose_stance_is_recorded(run_cli) -> None:
    # compare add refuses a second own stance of a source on a claim: the line would fail.
    result = run_cli(["suggest", "chaos", "--source", "north", "-a", str(MINI)])
    assert "   Regional chaos distracts the West from Ukraine, which suits the Kremlin well." in (
        result.stdout.splitlines()
    )
    assert (
        "already quoted by chaos-north-profits; north's stance on profits is in "
        "chaos-north-profits: if this sentence bears it out, add it to that assertion's quotes"
    ) in result.stdout
    assert "compare add" not in result.stdout and "STANCE" not in result.stdout
    assert "\nRead each passage (north's stance on each of these claims is recorded); a " in (
        result.stdout
    )
    document, _ = _suggest(run_cli, "chaos", "--source", "north")
    [best] = document["suggestions"]
    assert best["recorded_by"] == "chaos-north-profits" and best["add"] is None
    assert result.exit_code == 0


def test_the_add_line_names_the_file_only_when_asked_for_one(run_cli) -> None:
    document, _ = _suggest(run_cli, "weapons", "--source", "east-two")
    assert document["suggestions"][0]["add"] == [
        "compare",
        "add",
        "weapons",
        "--source",
        "east-two",
        "--claim",
        "indirect-arms",
        "--stance",
        "STANCE",
        "--quote",
        "Hamas officials say that Russian-made rifles reach Gaza through Syria, a claim no one "
        "has verified.",
    ]


def test_cues_in_a_sentence_are_shown_with_it(run_cli) -> None:
    document, _ = _suggest(run_cli, "weapons", "--source", "south")
    by_line = {s["line"]: s for s in document["suggestions"]}
    assert by_line[2]["cues"]["negation"] == ["unproven", "no evidence"]
    assert by_line[4]["cues"]["attribution"] == ["according to"]
    text = run_cli(["suggest", "weapons", "--source", "south"]).stdout
    assert "attribution cue: according to" in text
    assert "a sentence that relays someone else's claim is a report: --report-voice" in text


def test_a_source_that_never_uses_the_topics_words_looks_silent(run_cli, tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "c")
    (tmp_path / "c/seeds/east-review-2.txt").write_text(
        "East Review\nThe weather in the capital was mild for the season this year.\n"
    )
    result = run_cli(["suggest", "motive", "--source", "east-two"], cwd=tmp_path / "c")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "east-two (seeds/east-review-2.txt) looks silent on 'motive' (Motive): none of its 2 "
        "sentences uses the topic's words (leverage, motive, engage)."
    )
    assert lines[1:] == [
        "If reading it confirms that, record it:",
        "compare add motive --source east-two --silent --reason 'compare suggest found no "
        "sentence using the words of this topic'",
    ]
    document, code = _suggest(run_cli, "motive", "--source", "east-two", folder=tmp_path / "c")
    assert document["suggestions"] == []
    assert document["add_silent"][:6] == [
        *("compare", "add", "motive", "--source", "east-two", "--silent")
    ]
    assert result.exit_code == code == 0


def test_no_silent_line_for_a_source_already_silent_or_asserted(run_cli, tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "c")
    (tmp_path / "c/seeds/east-review-1.txt").write_text(
        "East Review\nNothing at all here, truly.\n"
    )
    asserted = run_cli(["suggest", "weapons", "--source", "east-one"], cwd=tmp_path / "c")
    assert "looks silent on 'weapons'" in asserted.stdout
    assert "Yet it has assertions on 'weapons'" in asserted.stdout
    assert "--silent" not in asserted.stdout
    silent = run_cli(["suggest", "motive", "--source", "east-one"], cwd=tmp_path / "c")
    assert "It is already listed under topics.motive.silent." in silent.stdout
    assert "--silent" not in silent.stdout


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


# --------------------------------------------------------------------------- the add line


def _insert_under_assertions(yaml_text: str, topic: str, entry: str) -> str:
    """Put an entry after the last assertion of a topic, as ``compare add`` would."""
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
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def _entry(argv: list[str], stance: str) -> str:
    """The assertion the add line records, once the analyst has replaced STANCE."""
    options = dict(zip(argv[3::2], argv[4::2], strict=True))
    assert options["--stance"] == "STANCE"
    return (
        f"      - id: {argv[2]}-{options['--source']}-new\n"
        f"        source: {options['--source']}\n"
        f"        claim: {options['--claim']}\n"
        f"        stance: {stance}\n"
        f"        summary: s\n"
        f"        quotes:\n"
        f"          - {json.dumps(options['--quote'])}\n"
    )


def test_the_add_line_records_a_quote_that_anchors(run_cli, tmp_path: Path) -> None:
    """east-two is unreviewed on motive: record the best line, and check finds its quote."""
    folder = tmp_path / "c"
    shutil.copytree(MINI, folder)
    document, _ = _suggest(run_cli, "motive", "--source", "east-two", folder=folder)
    argv = document["suggestions"][0]["add"]
    assert argv[:9] == [
        *("compare", "add", "motive", "--source", "east-two"),
        *("--claim", "leverage", "--stance", "STANCE"),
    ]
    yaml_path = folder / "assertions.yaml"
    pasted = _insert_under_assertions(yaml_path.read_text(), "motive", _entry(argv, "suggests"))
    yaml_path.write_text(pasted)
    assert load_corpus_text(pasted, yaml_path).findings == ()
    result = run_cli(["check", "--format", "json"], cwd=folder)
    findings = json.loads(result.stdout)["findings"]
    assert findings == []  # east-two was the one unreviewed pair of the mini corpus
    assert result.exit_code == 0


HOSTILE = (
    'Backslash \\ and "double" and \u2018single\u2019 quotes: #not-a-comment, '
    "[bold red]markup[/bold red] and an escape \x1b[31m sequence in one weapons "
    "sentence.\n"
)


def _odd_corpus(folder: Path, sentences: str) -> None:
    """One source, 'odd', whose text is a title line and ``sentences``; one weapons topic."""
    write_corpus(
        folder,
        """
        version: 2
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
            assertions: []
        """,
        {"seeds/odd.txt": "Odd text\n" + sentences},
    )


def test_the_add_line_quotes_any_sentence_exactly(run_cli, tmp_path: Path) -> None:
    _odd_corpus(tmp_path, HOSTILE)
    document, _ = _suggest(run_cli, "weapons", "--source", "odd", folder=tmp_path)
    best = document["suggestions"][0]
    assert best["sentence"] == HOSTILE.strip()
    assert best["add"][-2:] == ["--quote", HOSTILE.strip()]
    text = run_cli(["suggest", "weapons", "--source", "odd"], cwd=tmp_path).stdout
    assert is_clean(text)
    assert "escape \\x1b[31m sequence" in text  # the sentence, made visible
    [line] = [x for x in text.splitlines() if x.startswith("   compare add")]
    # The shell reads back the very sentence (its control character shown, not sent).
    assert shlex.split(line)[-1] == HOSTILE.strip().replace("\x1b", "\\x1b")


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
        ("engaged", "engage"),
        ("transferred", "transfer"),
    ],
)
def test_word_forms_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_the_add_line_leaves_out_what_matching_ignores(run_cli, tmp_path: Path) -> None:
    # A soft hyphen and a zero-width space are shown as escapes in text output; pasted back as
    # "\u00ad" they would be a quote the article does not hold. Matching ignores them, so the
    # line leaves them out, and the line it prints records the quote.
    sentence = "Moscow sup\u00adplies weapons to Hamas\u200b through Iran, officials said."
    _odd_corpus(tmp_path, sentence + "\n")
    document, _ = _suggest(run_cli, "weapons", "--source", "odd", folder=tmp_path)
    plain = "Moscow supplies weapons to Hamas through Iran, officials said."
    assert document["suggestions"][0]["add"][-2:] == ["--quote", plain]
    text = run_cli(["suggest", "weapons", "--source", "odd"], cwd=tmp_path).stdout
    assert "sup\\xadplies" in text  # the sentence itself still shows what is there
    [line] = [x for x in text.splitlines() if x.startswith("   compare add")]
    argv = shlex.split(line)
    assert argv[argv.index("--quote") + 1] == plain
    argv[argv.index("STANCE")] = "affirms"
    added = run_cli([*argv[1:], "--summary", "Says so."], cwd=tmp_path)
    assert added.exit_code == 0, added.output
    assert run_cli(["check"], cwd=tmp_path).exit_code == 0
