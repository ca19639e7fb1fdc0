"""``compare add``: what the analyst decides goes into assertions.yaml, and nothing else.

Run on a copy of the bundled corpus and on a corpus ``compare init`` made: each addition must
leave every other byte of the file as it was, refuse what check would fail before writing,
and read back exactly as typed.
"""

from __future__ import annotations

import difflib
import json
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from comparator.loader import load_corpus, load_corpus_text
from comparator.yamlparse import parse_yaml
from comparator.yamltext import scalar
from tests.conftest import ROOT

LAUTMAN_QUOTE = (
    "Russia’s growing relationship with, and reliance on Iran — a long-established terrorism "
    "sponsor — as a strategic ally and arms provider"
)


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A copy of the bundled corpus."""
    folder = tmp_path / "seed"
    folder.mkdir()
    shutil.copy(ROOT / "assertions.yaml", folder)
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    return folder


@pytest.fixture
def fresh(run_cli, tmp_path: Path) -> Path:
    """A corpus compare init made, with one ingested text and one topic."""
    folder = tmp_path / "fresh"
    assert run_cli(["init", str(folder)], cwd=tmp_path).exit_code == 0
    page = ROOT / "tests/fixtures/pages/notes.txt"
    run_cli(["ingest", str(page), "--id", "notes", "--outlet", "Notes", "--write"], cwd=folder)
    result = run_cli(
        [
            "add", "visits", "--title", "Visits", "--question", "Who visits Moscow?",
            "--claim", "hosted", "--claim-text", "Moscow hosts Hamas.",
        ],
        cwd=folder,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return folder


def _only_inserted(before: str, after: str) -> list[str]:
    """The lines the edit inserted; fails if any line of ``before`` changed or went."""
    inserted = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(
        None, before.splitlines(True), after.splitlines(True), autojunk=False
    ).get_opcodes():
        assert op in ("equal", "insert"), (op, before.splitlines()[a1:a2])
        if op == "insert":
            inserted += after.splitlines(True)[b1:b2]
    return inserted


def _notes_sentence(folder: Path) -> str:
    text = (folder / "seeds/notes.txt").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if len(line.split()) >= 8).strip()


# --------------------------------------------------------------------------- own stance


def test_an_own_stance_is_inserted_keeping_every_other_byte(run_cli, seed: Path) -> None:
    yaml_path = seed / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        [
            "add", "weapons", "--source", "cepa-lautman", "--claim", "indirect-arms",
            "--stance", "neutral", "--summary", "Names Iran as an arms provider to Russia.",
            "--quote", LAUTMAN_QUOTE,
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "added assertion 'weapons-cepa-lautman-indirect-arms' at assertions.yaml:221" in (
        result.stdout
    )
    assert "    221 +       - id: weapons-cepa-lautman-indirect-arms\n" in result.stdout
    assert "    227 +           - " in result.stdout
    assert "    228 +" not in result.stdout
    inserted = _only_inserted(before, yaml_path.read_text(encoding="utf-8"))
    assert inserted == [
        "      - id: weapons-cepa-lautman-indirect-arms\n",
        "        source: cepa-lautman\n",
        "        claim: indirect-arms\n",
        "        stance: neutral\n",
        "        summary: Names Iran as an arms provider to Russia.\n",
        "        quotes:\n",
        f'          - "{LAUTMAN_QUOTE}"\n',
    ]
    checked = run_cli(["check"], cwd=seed)
    assert checked.exit_code == 0
    assert "108 assertions" in checked.stdout


def test_a_quote_not_in_the_article_is_refused_with_the_closest_passage(
    run_cli, seed: Path
) -> None:
    yaml_path = seed / "assertions.yaml"
    before = yaml_path.read_bytes()
    wrong = LAUTMAN_QUOTE.replace("Iran", "iran").replace("’", "'")
    result = run_cli(
        [
            "add", "weapons", "--source", "cepa-lautman", "--claim", "indirect-arms",
            "--stance", "neutral", "--quote", LAUTMAN_QUOTE, "--quote", wrong,
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("--quote 2: error quote-not-found quote of assertion ")
    assert "it differs only in case from the text at 11:174" in lines[0]
    assert lines[1].startswith("    closest: Russia’s growing relationship")
    assert lines[2].startswith("    diff:")
    assert "nothing was written to assertions.yaml" in result.stdout
    assert yaml_path.read_bytes() == before


def test_stance_is_left_to_the_analyst(run_cli, seed: Path) -> None:
    result = run_cli(
        [
            "add", "weapons", "--source", "cepa-lautman", "--claim", "indirect-arms",
            "--stance", "STANCE", "--quote", LAUTMAN_QUOTE,
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "the tool never picks a stance" in result.stderr
    assert "affirms|suggests|neutral|doubts|denies" in result.stderr


def test_a_second_own_stance_is_refused_naming_the_assertion(run_cli, seed: Path) -> None:
    before = (seed / "assertions.yaml").read_bytes()
    result = run_cli(
        [
            "add", "weapons", "--source", "carnegie", "--claim", "direct-supply",
            "--stance", "affirms", "--quote", "whatever words are here now",
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "already has a position on claim 'direct-supply': assertion '" in result.stderr
    assert "(line " in result.stderr
    assert (seed / "assertions.yaml").read_bytes() == before


def test_an_unknown_claim_is_refused_with_a_guess(run_cli, seed: Path) -> None:
    result = run_cli(
        [
            "add", "weapons", "--source", "cepa-lautman", "--claim", "indirect-arm",
            "--stance", "doubts", "--quote", LAUTMAN_QUOTE,
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "topic 'weapons' has no claim 'indirect-arm'" in result.stderr
    assert "did you mean 'indirect-arms'?" in result.stderr
    assert "--claim-text" in result.stderr


def test_unknown_topic_and_source_are_refused_with_a_guess(run_cli, seed: Path) -> None:
    topic = run_cli(["add", "weapon", "--source", "cradle", "--silent", "--reason", "x"], cwd=seed)
    assert topic.exit_code == 2
    assert "no topic 'weapon'" in topic.stderr
    assert "did you mean 'weapons'?" in topic.stderr
    source = run_cli(
        ["add", "weapons", "--source", "cradel", "--silent", "--reason", "x"], cwd=seed
    )
    assert source.exit_code == 2
    assert "did you mean 'cradle'?" in source.stderr


def test_a_source_listed_silent_cannot_take_a_position(run_cli, seed: Path) -> None:
    result = run_cli(
        [
            "add", "weapons", "--source", "cradle", "--claim", "direct-supply",
            "--stance", "doubts", "--quote", "some words of the article here",
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "listed as silent on topic 'weapons'" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--silent"], "--silent needs --reason"),
        (["--reason", "r"], "--reason goes with --silent"),
        (["--source", "notes", "--claim", "hosted", "--stance", "affirms"], "--quote is missing"),
        (["--source", "notes", "--claim", "hosted", "--report-voice", "x"], "a report needs"),
        (["--voice-role", "r"], "describe a report's voice"),
        ([], "nothing to add"),
        (["--source", "notes", "--claim", "hosted", "--stance", "sure", "--quote", "q"], "not one"),
    ],
)
def test_options_that_do_not_go_together_are_refused(
    run_cli, fresh: Path, args: list[str], message: str
) -> None:
    before = (fresh / "assertions.yaml").read_bytes()
    result = run_cli(["add", "visits", *args], cwd=fresh)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (fresh / "assertions.yaml").read_bytes() == before


# --------------------------------------------------------------------------- reports, voices


def test_a_report_with_a_new_voice_on_an_init_corpus(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    sentence = _notes_sentence(fresh)
    result = run_cli(
        [
            "add", "visits", "--source", "notes", "--claim", "hosted",
            "--report-voice", "diplomats", "--voice-name", "Western diplomats",
            "--voice-kind", "government", "--report-stance", "affirms",
            "--report-treatment", "relays", "--report-quote", sentence,
        ],
        cwd=fresh,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "added voice 'diplomats'" in result.stdout
    inserted = _only_inserted(before, yaml_path.read_text(encoding="utf-8"))
    assert inserted[:4] == [
        "voices:\n",
        "  diplomats:\n",
        "    name: Western diplomats\n",
        "    kind: government\n",
    ]
    corpus = load_corpus(yaml_path).corpus
    assert corpus is not None
    made = corpus.topics[0].assertions[0]
    assert made.stance is None
    assert made.reports[0].voice == "diplomats"
    assert made.reports[0].quotes[0].text == sentence
    # an own stance then joins the same assertion
    again = run_cli(
        [
            "add", "visits", "--source", "notes", "--claim", "hosted",
            "--stance", "affirms", "--quote", sentence,
        ],
        cwd=fresh,
    )  # fmt: skip
    assert again.exit_code == 0, again.output
    assert "added own stance and quotes to assertion 'visits-notes-hosted'" in again.stdout
    corpus = load_corpus(yaml_path).corpus
    assert corpus is not None
    made = corpus.topics[0].assertions[0]
    assert made.stance is not None and made.stance.value == "affirms"
    assert len(corpus.topics[0].assertions) == 1
    assert run_cli(["check"], cwd=fresh).exit_code == 0


def test_a_report_is_appended_to_an_existing_assertion(run_cli, seed: Path) -> None:
    yaml_path = seed / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        [
            "add", "weapons", "--source", "cepa-lautman", "--claim", "ukraine-weapons",
            "--report-voice", "budanov", "--report-stance", "affirms",
            "--report-treatment", "relays", "--report-quote", LAUTMAN_QUOTE,
        ],
        cwd=seed,
    )  # fmt: skip
    # cepa-lautman has no assertion on ukraine-weapons: a new, report-only assertion
    assert result.exit_code == 0, result.output
    _only_inserted(before, yaml_path.read_text(encoding="utf-8"))
    corpus = load_corpus(yaml_path).corpus
    assert corpus is not None
    made = next(a for t in corpus.topics for a in t.assertions if a.id.endswith("ukraine-weapons"))
    assert made.reports[-1].voice == "budanov"


def test_an_unknown_voice_without_a_name_is_refused(run_cli, seed: Path) -> None:
    result = run_cli(
        [
            "add", "weapons", "--source", "cepa-lautman", "--claim", "indirect-arms",
            "--report-voice", "budanof", "--report-stance", "affirms",
            "--report-treatment", "relays", "--report-quote", LAUTMAN_QUOTE,
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "no voice 'budanof'" in result.stderr
    assert "did you mean 'budanov'?" in result.stderr
    assert "--voice-name" in result.stderr


# --------------------------------------------------------------------------- silent, claims


def test_silent_goes_into_the_flow_list_with_its_reason(run_cli, seed: Path) -> None:
    yaml_path = seed / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    # drop cradle from weapons' silent list first, by hand, as an analyst undoing it would
    before = before.replace("    silent: [cradle]\n\n  motive:", "    silent: []\n\n  motive:", 1)
    yaml_path.write_text(before, encoding="utf-8")
    result = run_cli(
        ["add", "weapons", "--source", "cradle", "--silent", "--reason", "No arms at all."],
        cwd=seed,
    )
    assert result.exit_code == 0, result.output
    after = yaml_path.read_text(encoding="utf-8")
    assert "    silent: [cradle]\n" in after
    # the line changed in place, then the reason's comment after it
    assert (
        "    221 +     silent: [cradle]\n    222 +     # cradle is silent: No arms at all.\n"
        in (result.stdout)
    )
    assert run_cli(["check"], cwd=seed).exit_code == 0


def test_silent_on_an_article_that_mentions_the_topic_records_an_ignore(
    run_cli, fresh: Path
) -> None:
    yaml_path = fresh / "assertions.yaml"
    # give the topic a keyword the article uses
    word = "rifles"
    assert word in _notes_sentence(fresh)
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(
        text.replace('    question: "Who visits Moscow?"\n', f'    question: "Who visits Moscow?"\n'
                     f"    keywords: [{word}]\n"),
        encoding="utf-8",
    )  # fmt: skip
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        ["add", "visits", "--source", "notes", "--silent", "--reason", "Only in passing."],
        cwd=fresh,
    )
    assert result.exit_code == 0, result.output
    assert "recorded as the ignore entry of silent-but-mentions" in result.stdout
    inserted = _only_inserted(before, yaml_path.read_text(encoding="utf-8"))
    assert inserted == [
        "    silent: [notes]\n",
        "    ignore:\n",
        "      - rule: silent-but-mentions\n",
        "        source: notes\n",
        "        reason: Only in passing.\n",
    ]
    checked = run_cli(["check"], cwd=fresh)
    assert checked.exit_code == 0
    assert "0 warnings" in checked.stdout


def test_silent_without_a_mention_keeps_the_reason_as_a_comment(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        ["add", "visits", "--source", "notes", "--silent", "--reason", "Not about visits."],
        cwd=fresh,
    )
    assert result.exit_code == 0, result.output
    assert _only_inserted(before, yaml_path.read_text(encoding="utf-8")) == [
        "    silent: [notes]\n",
        "    # notes is silent: Not about visits.\n",
    ]
    twice = run_cli(["add", "visits", "--source", "notes", "--silent", "--reason", "x"], cwd=fresh)
    assert twice.exit_code == 2
    assert "already listed as silent" in twice.stderr


def test_a_new_claim_joins_the_topic(run_cli, seed: Path) -> None:
    yaml_path = seed / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        ["add", "weapons", "--claim", "drones", "--claim-text", "Russia gives Hamas drones: yes."],
        cwd=seed,
    )
    assert result.exit_code == 0, result.output
    inserted = _only_inserted(before, yaml_path.read_text(encoding="utf-8"))
    assert inserted == ['      drones: "Russia gives Hamas drones: yes."\n']


def test_a_new_topic_needs_its_first_claim(run_cli, seed: Path) -> None:
    result = run_cli(["add", "drones", "--title", "Drones", "--question", "Drones?"], cwd=seed)
    assert result.exit_code == 2
    assert "a new topic needs its first claim" in result.stderr


# --------------------------------------------------------------------------- safety


def test_the_edit_waits_for_the_lock_and_rereads_the_file(run_cli, fresh: Path) -> None:
    from comparator.fileio import exclusive_lock

    yaml_path = fresh / "assertions.yaml"
    sentence = _notes_sentence(fresh)
    done = threading.Event()
    outcome: dict[str, object] = {}

    def other_writer() -> None:
        outcome["result"] = run_cli(
            [
                "add", "visits", "--source", "notes", "--claim", "hosted",
                "--stance", "affirms", "--quote", sentence,
            ],
            cwd=fresh,
        )  # fmt: skip
        done.set()

    with exclusive_lock(yaml_path.resolve()):
        worker = threading.Thread(target=other_writer)
        worker.start()
        assert not done.wait(0.5)  # it waits for the lock
        # meanwhile the file changes under the lock: a comment at its end
        with yaml_path.open("a", encoding="utf-8") as handle:
            handle.write("# added while add waited\n")
    worker.join(30)
    result = outcome["result"]
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    text = yaml_path.read_text(encoding="utf-8")
    assert "# added while add waited\n" in text  # it re-read the file inside the lock
    assert "stance: affirms" in text


def test_a_read_only_file_is_not_replaced(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    yaml_path.chmod(0o444)
    try:
        result = run_cli(
            ["add", "visits", "--claim", "second", "--claim-text", "A second claim."], cwd=fresh
        )
    finally:
        yaml_path.chmod(0o644)
    assert result.exit_code == 2
    assert "read-only" in result.stderr


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1))
def test_any_string_reads_back_as_written(value: str) -> None:
    root, findings = parse_yaml(f"key: {scalar(value)}\n", "t")
    assert not findings
    assert root is not None
    assert root.value["key"][1].value == value


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
    ).filter(lambda s: s.strip())
)
def test_any_summary_and_claim_text_come_back_identical(run_cli, fresh: Path, value: str) -> None:
    yaml_path = fresh / "assertions.yaml"
    original = yaml_path.read_bytes()
    try:
        result = run_cli(
            ["add", "visits", "--claim", "new-claim", "--claim-text", value], cwd=fresh
        )
        assert result.exit_code == 0, result.output
        corpus = load_corpus(yaml_path).corpus
        assert corpus is not None
        claim = next(c for c in corpus.topics[0].claims if c.id == "new-claim")
        assert claim.text == value
    finally:
        yaml_path.write_bytes(original)


# --------------------------------------------------------------------------- more shapes


def test_a_report_joins_the_reports_of_an_existing_assertion(run_cli, seed: Path) -> None:
    yaml_path = seed / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        [
            "add", "weapons", "--source", "winep", "--claim", "ammo-licence",
            "--report-voice", "rt", "--voice-name", "RT", "--voice-role", "Russian state TV",
            "--voice-kind", "Media", "--report-stance", "affirms", "--report-treatment",
            "questions", "--report-quote", "that aired on Russia’s main propaganda outlet, RT",
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "added report to assertion 'weapons-winep-ammo' at assertions.yaml:166" in result.stdout
    after = yaml_path.read_text(encoding="utf-8")
    assert _only_inserted(before, after) == [
        "  rt:\n",
        "    name: RT\n",
        "    role: Russian state TV\n",
        "    kind: media\n",
        "          - voice: rt\n",
        "            stance: affirms\n",
        "            treatment: questions\n",
        "            quotes:\n",
        '              - "that aired on Russia’s main propaganda outlet, RT"\n',
    ]
    # the report goes after the last one, before the assertion's note
    assert 'propaganda outlet, RT"\n        note: Said' in after
    assert run_cli(["check"], cwd=seed).exit_code == 0


def test_a_new_topic_with_a_position_in_one_call(run_cli, seed: Path) -> None:
    yaml_path = seed / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        [
            "add", "iran-arms", "--title", "Iran as supplier", "--question",
            "Is Iran Russia's arms provider?", "--claim", "provider", "--claim-text",
            "Iran provides arms to Russia.", "--source", "cepa-lautman", "--stance",
            "affirms", "--quote", LAUTMAN_QUOTE, "--id", "iran-lautman", "--keyword", "Iran",
            "--keyword", "arms provider",
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "added topic 'iran-arms'" in result.stdout
    assert "added assertion 'iran-lautman'" in result.stdout
    inserted = _only_inserted(before, yaml_path.read_text(encoding="utf-8"))
    assert inserted[:7] == [
        "\n",  # topics are set apart by a blank line, as the file has them
        "  iran-arms:\n",
        "    title: Iran as supplier\n",
        '    question: "Is Iran Russia\'s arms provider?"\n',
        "    keywords: [Iran, arms provider]\n",
        "    claims:\n",
        "      provider: Iran provides arms to Russia.\n",
    ]
    assert inserted[7:9] == ["    assertions:\n", "      - id: iran-lautman\n"]
    checked = run_cli(["check"], cwd=seed)
    assert checked.exit_code == 0  # the other sources are unreviewed: warnings
    assert "has no assertion on topic 'iran-arms'" in checked.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "T", "--question", "Q?"], "topic 'weapons' already exists (line "),
        (["--claim", "direct-supply", "--claim-text", "Other."], "with another text"),
        (
            ["--source", "winep", "--claim", "ammo-licence", "--report-voice", "baraka",
             "--voice-name", "Someone Else", "--report-stance", "affirms",
             "--report-treatment", "relays", "--report-quote", "a b c d e"],
            "voice 'baraka' already exists",
        ),
        (
            ["--source", "winep", "--claim", "ammo-licence", "--stance", "neutral",
             "--quote", "a b c d e", "--id", "other-id"],
            "--id names a new one",
        ),
        (
            ["--source", "cepa-lautman", "--claim", "indirect-arms", "--stance", "neutral",
             "--quote", LAUTMAN_QUOTE, "--id", "weapons-winep-ammo"],
            "assertion id 'weapons-winep-ammo' is already used",
        ),
        (["--source", "carnegie", "--silent", "--reason", "r"], "it is not silent on it"),
        (["--stance", "afirms", "--quote", "q", "--source", "x", "--claim", "y"], "'affirms'?"),
        (["--summary", "s"], "--summary and --id describe an assertion"),
        (["--claim", "x", "--claim-text", " "], "--claim-text must not be empty"),
        (["--claim", "Bad_Id", "--claim-text", "t"], "not valid: expected a lowercase slug"),
        (["--voice-name", "n"], "describe a report's voice"),
        (["--stance", "affirms", "--quote", "q", "--claim", "c"], "which article? add --source"),
        (["--stance", "affirms", "--quote", "q", "--source", "winep"], "which claim? add --claim"),
        (["--claim-text", "t"], "--claim-text gives the text of a new claim"),
        (
            ["--source", "winep", "--claim", "ammo-licence", "--report-voice", "rt",
             "--voice-role", "r", "--report-stance", "affirms", "--report-treatment",
             "relays", "--report-quote", "a b c d e"],
            "--voice-role and --voice-kind describe a new voice: add --voice-name",
        ),
        (["--source", "winep", "--claim", "x", "--silent", "--reason", "r"], "does not go with"),
        (
            ["--source", "winep", "--claim", "ammo-licence", "--report-voice", "rt",
             "--voice-name", "R\u200bT", "--report-stance", "affirms",
             "--report-treatment", "relays", "--report-quote", "a b c d e"],
            "--voice-name is not valid: character 2 is U+200B",
        ),
    ],
)  # fmt: skip
def test_refusals_on_the_bundled_corpus_change_nothing(
    run_cli, seed: Path, args: list[str], message: str
) -> None:
    before = (seed / "assertions.yaml").read_bytes()
    result = run_cli(["add", "weapons", *args], cwd=seed)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert (seed / "assertions.yaml").read_bytes() == before


def test_a_reserved_word_cannot_be_a_topic(run_cli, seed: Path) -> None:
    result = run_cli(
        ["add", "add", "--title", "T", "--question", "Q", "--claim", "c", "--claim-text", "C"],
        cwd=seed,
    )
    assert result.exit_code == 2
    assert "is a command of compare" in result.stderr


_ARMS = (
    "version: 2\n"
    "sources:\n"
    "    notes:\n"
    "        outlet: Notes\n"
    "        title: Field notes\n"
    "        file: seeds/notes.txt\n"
    "topics:\n"
    "    arms:\n"
    "        title: Arms\n"
    "        question: Where do the rifles come from?\n"
    "        claims:\n"
    "            russian: The rifles are Russian.\n"
    "        assertions: []\n"
    "# end\n"
)


def test_crlf_a_byte_order_mark_and_wide_indentation_are_kept(run_cli, tmp_path: Path) -> None:
    text = "\ufeff" + _ARMS.replace("\n", "\r\n")
    folder, result = _add_the_rifles(run_cli, tmp_path, text)
    yaml_path = folder / "assertions.yaml"
    assert result.exit_code == 0, result.output
    after = yaml_path.read_bytes().decode("utf-8")
    assert after.startswith("\ufeffversion: 2\r\n")
    assert "\n" not in after.replace("\r\n", "")
    assert after.endswith(
        "        assertions:\r\n"
        "            - id: arms-notes-russian\r\n"
        "              source: notes\r\n"
        "              claim: russian\r\n"
        "              stance: affirms\r\n"
        "              summary: Says so.\r\n"
        "              quotes:\r\n"
        "                  - the rifles were Russian-made\r\n"
        "# end\r\n"
    )
    assert run_cli(["check"], cwd=folder).exit_code == 0


def test_a_flow_style_topic_is_refused_not_rewritten(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    text = "version: 2\nsources: {}\ntopics:\n  arms: {title: Arms, question: Q, claims: {a: A.}}\n"
    (folder / "assertions.yaml").write_text(text, encoding="utf-8")
    result = run_cli(["add", "arms", "--claim", "b", "--claim-text", "B."], cwd=folder)
    assert result.exit_code == 2
    assert "is not a block mapping" in result.stderr
    assert "nothing was changed" in result.stderr
    assert (folder / "assertions.yaml").read_text(encoding="utf-8") == text


def test_a_block_silent_list_gets_a_new_item(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    run_cli(["ingest", str(ROOT / "seeds/cradle.txt"), "--id", "other", "--outlet", "O",
             "--write"], cwd=fresh)  # fmt: skip
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(text + "    silent:\n      - other\n", encoding="utf-8")
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        ["add", "visits", "--source", "notes", "--silent", "--reason", "Nothing."], cwd=fresh
    )
    assert result.exit_code == 0, result.output
    assert _only_inserted(before, yaml_path.read_text(encoding="utf-8")) == [
        "      - notes\n",
        "    # notes is silent: Nothing.\n",
    ]


def test_an_unsafe_insertion_is_caught_by_the_read_back(
    run_cli, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import comparator.yamledit as yamledit

    real = yamledit.scalar
    monkeypatch.setattr(
        yamledit, "scalar", lambda v: real(v + " (changed)") if v == "B." else real(v)
    )
    before = (fresh / "assertions.yaml").read_bytes()
    result = run_cli(["add", "visits", "--claim", "b", "--claim-text", "B."], cwd=fresh)
    assert result.exit_code == 2
    assert "adding this would not be safe (what was added would read back otherwise)" in (
        result.stderr
    )
    assert (fresh / "assertions.yaml").read_bytes() == before


def test_an_insertion_that_changes_the_findings_is_caught_by_the_read_back(
    run_cli, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import comparator.yamledit as yamledit

    real = yamledit.scalar
    # a key the schema does not know, written by a broken emitter
    monkeypatch.setattr(yamledit, "scalar", lambda v: "bogus" if v == "claims" else real(v))
    before = (fresh / "assertions.yaml").read_bytes()
    result = run_cli(
        [
            "add",
            "tea",
            "--title",
            "Tea",
            "--question",
            "Tea?",
            "--claim",
            "b",
            "--claim-text",
            "B.",
        ],
        cwd=fresh,
    )
    assert result.exit_code == 2
    assert "would not be safe (it would change the schema findings: 0 before, 2 after)" in (
        result.stderr
    )
    assert (fresh / "assertions.yaml").read_bytes() == before


def _notes_corpus(folder: Path, topics: str, extra: str = "") -> Path:
    (folder / "seeds").mkdir(parents=True)
    shutil.copy(ROOT / "tests/fixtures/pages/notes.txt", folder / "seeds/notes.txt")
    yaml_path = folder / "assertions.yaml"
    yaml_path.write_text(
        "version: 2\nsources:\n  notes:\n    outlet: Notes\n    title: Field notes\n"
        f"    file: seeds/notes.txt\n{extra}topics:\n{topics}",
        encoding="utf-8",
    )
    return yaml_path


def test_an_assertion_after_a_block_scalar_goes_after_its_last_line(
    run_cli, tmp_path: Path
) -> None:
    topics = (
        "  arms:\n"
        "    title: Arms\n"
        "    question: Where from?\n"
        "    claims:\n"
        "      russian: The rifles are Russian.\n"
        "      route: They came through Iran.\n"
        "    assertions:\n"
        "      - id: first\n"
        "        source: notes\n"
        "        claim: russian\n"
        "        stance: affirms\n"
        "        summary: Says so.\n"
        "        quotes: [the rifles were Russian-made]\n"
        "        note: |\n"
        "          A note\n"
        "\n"
        "          on two paragraphs.\n"
        "\n"
        "  # the next topic\n"
        "  other:\n"
        "    title: Other\n"
        "    question: Q\n"
        "    claims: {c: C.}\n"
        "    silent: [notes]\n"
    )
    yaml_path = _notes_corpus(tmp_path, topics)
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        [
            "add", "arms", "--source", "notes", "--claim", "route", "--stance", "doubts",
            "--quote", "No one could say how they arrived", "--summary", "Unknown.",
        ],
        cwd=tmp_path,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    after = yaml_path.read_text(encoding="utf-8")
    _only_inserted(before, after)
    assert "          on two paragraphs.\n      - id: arms-notes-route\n" in after
    tail = (
        "        summary: Unknown.\n        quotes:\n          - No one could say how they "
        "arrived\n\n  # the next topic\n  other:\n    title: Other\n    question: Q\n"
        "    claims: {c: C.}\n    silent: [notes]\n"
    )
    assert after.endswith(tail)
    corpus = load_corpus(yaml_path).corpus
    assert corpus is not None
    assert corpus.topics[0].assertions[0].note == "A note\n\non two paragraphs.\n"


def test_a_file_with_an_anchor_keeps_its_finding_and_still_takes_an_addition(
    run_cli, tmp_path: Path
) -> None:
    topics = "  arms:\n    title: &t Arms\n    question: Q\n    claims:\n      a: A.\n"
    yaml_path = _notes_corpus(tmp_path, topics, extra="voices:\n  v: {name: *t}\n")
    result = run_cli(["add", "arms", "--claim", "b", "--claim-text", "B."], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "      a: A.\n      b: B.\n" in yaml_path.read_text(encoding="utf-8")
    checked = run_cli(["check"], cwd=tmp_path)
    assert "anchors (&t) are not allowed" in checked.stdout


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
    ).filter(lambda s: s.strip())
)
def test_any_summary_comes_back_identical(run_cli, fresh: Path, value: str) -> None:
    yaml_path = fresh / "assertions.yaml"
    original = yaml_path.read_bytes()
    try:
        result = run_cli(
            [
                "add", "visits", "--source", "notes", "--claim", "hosted", "--stance",
                "doubts", "--quote", "No one could say how they arrived", "--summary", value,
            ],
            cwd=fresh,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        corpus = load_corpus(yaml_path).corpus
        assert corpus is not None
        assert corpus.topics[0].assertions[0].summary == value
    finally:
        yaml_path.write_bytes(original)


def test_a_warning_of_check_is_shown_and_the_quote_written(run_cli, fresh: Path) -> None:
    result = run_cli(
        [
            "add", "visits", "--source", "notes", "--claim", "hosted", "--stance", "doubts",
            "--quote", "how they arrived", "--summary", "Short.",
        ],
        cwd=fresh,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("--quote 1: warning quote-too-short ")
    assert "added assertion 'visits-notes-hosted'" in result.stdout
    checked = run_cli(["check"], cwd=fresh)
    assert checked.exit_code == 0
    assert "warning quote-too-short" in checked.stdout


def test_a_second_silent_source_joins_the_one_line_list(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    run_cli(["ingest", str(ROOT / "seeds/cradle.txt"), "--id", "other", "--outlet", "O",
             "--write"], cwd=fresh)  # fmt: skip
    run_cli(["add", "visits", "--source", "notes", "--silent", "--reason", "One."], cwd=fresh)
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        ["add", "visits", "--source", "other", "--silent", "--reason", "Two."], cwd=fresh
    )
    assert result.exit_code == 0, result.output
    after = yaml_path.read_text(encoding="utf-8")
    assert after == before.replace(
        "    silent: [notes]\n    # notes is silent: One.\n",
        "    silent: [notes, other]\n    # notes is silent: One.\n    # other is silent: Two.\n",
    )
    line = after.splitlines().index("    silent: [notes, other]") + 1
    assert f"  {line:>5} +     silent: [notes, other]\n" in result.stdout
    assert run_cli(["check"], cwd=fresh).exit_code == 0


def test_silent_in_a_second_topic_names_the_line_it_went_to(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    run_cli(["add", "visits", "--source", "notes", "--silent", "--reason", "One."], cwd=fresh)
    result = run_cli(
        [
            "add", "money", "--title", "Money", "--question", "Who pays?",
            "--claim", "pays", "--claim-text", "Moscow pays Hamas.",
        ],
        cwd=fresh,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = run_cli(
        ["add", "money", "--source", "notes", "--silent", "--reason", "Two."], cwd=fresh
    )
    assert result.exit_code == 0, result.output
    lines = yaml_path.read_text(encoding="utf-8").splitlines()
    second = len(lines) - lines[::-1].index("    silent: [notes]")
    assert second > lines.index("    silent: [notes]") + 1  # two lists: the second is meant
    assert f"added silent source 'notes' at assertions.yaml:{second}\n" in result.stdout


@example("escape \x1b[31m, a non-character \ufffe, a\x85line break")
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
    ).filter(lambda s: s.strip())
)
def test_any_reason_leaves_a_file_that_loads(run_cli, fresh: Path, value: str) -> None:
    yaml_path = fresh / "assertions.yaml"
    original = yaml_path.read_bytes()
    try:
        result = run_cli(
            ["add", "visits", "--source", "notes", "--silent", "--reason", value], cwd=fresh
        )
        assert result.exit_code == 0, result.output
        loaded = load_corpus(yaml_path)
        assert loaded.corpus is not None and not loaded.findings
        assert loaded.corpus.topics[0].silent == ("notes",)
    finally:
        yaml_path.write_bytes(original)


def test_a_report_in_a_version_1_file_is_refused(run_cli, tmp_path: Path) -> None:
    topics = "  arms:\n    title: Arms\n    question: Q\n    claims:\n      a: A.\n"
    yaml_path = _notes_corpus(tmp_path, topics)
    yaml_path.write_text(
        yaml_path.read_text(encoding="utf-8").replace("version: 2", "version: 1"),
        encoding="utf-8",
    )
    result = run_cli(
        [
            "add", "arms", "--source", "notes", "--claim", "a", "--report-voice", "v",
            "--voice-name", "V", "--report-stance", "affirms", "--report-treatment", "relays",
            "--report-quote", "No one could say how they arrived",
        ],
        cwd=tmp_path,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "is version 1; reports and voices are version 2" in result.stderr


def test_a_report_starts_the_reports_of_an_assertion_that_had_none(run_cli, seed: Path) -> None:
    yaml_path = seed / "assertions.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    result = run_cli(
        [
            "add", "weapons", "--source", "cepa-lautman", "--claim", "direct-supply",
            "--report-voice", "budanov", "--report-stance", "affirms", "--report-treatment",
            "questions", "--report-quote", LAUTMAN_QUOTE, "--summary", "Ignored.",
        ],
        cwd=seed,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "--summary left out: assertion 'weapons-lautman-direct' keeps its own" in result.stdout
    inserted = _only_inserted(before, yaml_path.read_text(encoding="utf-8"))
    assert inserted[:2] == ["        reports:\n", "          - voice: budanov\n"]
    after = yaml_path.read_text(encoding="utf-8")
    assert "so it says what the sentence says.\n        reports:\n" in after


def test_a_new_topic_can_start_with_a_silent_source(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    result = run_cli(
        [
            "add", "talks", "--title", "Talks", "--question", "Does Moscow mediate?",
            "--claim", "mediates", "--claim-text", "Moscow mediates.", "--source", "notes",
            "--silent", "--reason", "No talks in it.",
        ],
        cwd=fresh,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "added silent source 'notes'" in result.stdout
    assert yaml_path.read_text(encoding="utf-8").endswith(
        '\n  talks:\n    title: Talks\n    question: "Does Moscow mediate?"\n    claims:\n'
        "      mediates: Moscow mediates.\n    silent: [notes]\n"
        "    # notes is silent: No talks in it.\n"
    )
    assert run_cli(["check"], cwd=fresh).exit_code == 0
    # with a keyword the article uses, the reason is the topic's ignore entry at once
    result = run_cli(
        [
            "add", "guns", "--title", "Guns", "--question", "Whose guns?", "--keyword",
            "rifles", "--claim", "russian", "--claim-text", "They are Russian.", "--source",
            "notes", "--silent", "--reason", "Only the owner's hearsay.",
        ],
        cwd=fresh,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert yaml_path.read_text(encoding="utf-8").endswith(
        "    silent: [notes]\n    ignore:\n      - rule: silent-but-mentions\n"
        "        source: notes\n        reason: Only the owner's hearsay.\n"
    )
    assert "    # notes is silent: No talks in it.\n\n  guns:\n" in yaml_path.read_text(
        encoding="utf-8"
    )
    checked = run_cli(["check"], cwd=fresh)
    assert checked.exit_code == 0
    assert "silent-but-mentions" not in checked.stdout
    assert "(1 suppressed by ignore)" in checked.stdout


def test_a_silent_reason_joins_the_topics_ignore_list(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    text = text.replace(
        '    question: "Who visits Moscow?"\n',
        '    question: "Who visits Moscow?"\n    keywords: [rifles]\n',
    )
    text += "    ignore:\n      - rule: quote-context\n        reason: An old one.\n"
    yaml_path.write_text(text, encoding="utf-8")
    result = run_cli(
        ["add", "visits", "--source", "notes", "--silent", "--reason", "In passing."], cwd=fresh
    )
    assert result.exit_code == 0, result.output
    after = yaml_path.read_text(encoding="utf-8")
    assert after.endswith(
        "        reason: An old one.\n"
        "      - rule: silent-but-mentions\n        source: notes\n        reason: In passing.\n"
    )
    assert "    silent: [notes]\n" in after


def test_the_line_suggest_prints_records_what_it_says(run_cli, fresh: Path) -> None:
    yaml_path = fresh / "assertions.yaml"
    shown = run_cli(
        ["suggest", "visits", "--source", "notes", "-a", str(yaml_path), "--format", "json"],
        cwd=fresh.parent,
    )
    assert shown.exit_code == 0, shown.output
    argv = json.loads(shown.stdout)["add_silent"]
    assert argv[0] == "compare"
    added = run_cli(argv[1:], cwd=fresh.parent)  # from another folder: the line names the file
    assert added.exit_code == 0, added.output
    assert "    silent: [notes]\n" in yaml_path.read_text(encoding="utf-8")
    assert run_cli(["check", "-a", str(yaml_path)], cwd=fresh.parent).exit_code == 0


def _add_the_rifles(run_cli, tmp_path: Path, text: str) -> tuple[Path, object]:
    """A corpus of the notes article with ``text`` as its assertions.yaml, and the result of
    adding notes' own stance on the rifles to it."""
    folder = tmp_path / "c"
    (folder / "seeds").mkdir(parents=True)
    shutil.copy(ROOT / "tests/fixtures/pages/notes.txt", folder / "seeds/notes.txt")
    (folder / "assertions.yaml").write_bytes(text.encode("utf-8"))
    result = run_cli(
        [
            "add", "arms", "--source", "notes", "--claim", "russian", "--stance", "affirms",
            "--quote", "the rifles were Russian-made", "--summary", "Says so.",
        ],
        cwd=folder,
    )  # fmt: skip
    return folder, result


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param(_ARMS.replace("\n", "\r"), 14, id="cr-only"),
        pytest.param(_ARMS.replace("Field notes", '"Field\u2028        notes"'), 15, id="u2028"),
        pytest.param(_ARMS.replace("Field notes", '"Field\u2029        notes"'), 15, id="u2029"),
        pytest.param(_ARMS.replace("topics:\n", "# a\x85# b\ntopics:\n"), 16, id="nel"),
    ],
)
def test_every_yaml_line_break_is_a_line_break_to_add(
    run_cli, tmp_path: Path, text: str, line: int
) -> None:
    # YAML counts CR alone, NEL, U+2028 and U+2029 as line breaks; add placed its edit by a
    # count of LF only and crashed (or wrote into the wrong line).
    folder, result = _add_the_rifles(run_cli, tmp_path, text)
    yaml_path = folder / "assertions.yaml"
    assert result.exit_code == 0, result.output
    assert f"added assertion 'arms-notes-russian' at assertions.yaml:{line}\n" in result.stdout
    assert f"{line:>7} +             - id: arms-notes-russian\n" in result.stdout
    after = yaml_path.read_bytes().decode("utf-8")
    newline = "\r" if "\r" in text else "\n"
    added = newline.join(
        [
            "        assertions:",
            "            - id: arms-notes-russian",
            "              source: notes",
            "              claim: russian",
            "              stance: affirms",
            "              summary: Says so.",
            "              quotes:",
            "                  - the rifles were Russian-made",
            "# end",
            "",
        ]
    )
    assert after == text.replace(f"        assertions: []{newline}# end{newline}", added)
    assert run_cli(["check"], cwd=folder).exit_code == 0


def test_a_kept_block_scalars_blank_lines_stay_its_own(run_cli, tmp_path: Path) -> None:
    # "|+" keeps the blank lines after its text: an entry inserted before them would take them
    # from the claim's text.
    text = _ARMS.replace(
        "            russian: The rifles are Russian.\n        assertions: []\n# end\n",
        "            russian: The rifles are Russian.\n"
        "            other: |+\n                Other.\n\n\n",
    )
    folder, result = _add_the_rifles(run_cli, tmp_path, text)
    yaml_path = folder / "assertions.yaml"
    assert result.exit_code == 0, result.output
    after = yaml_path.read_text(encoding="utf-8")
    assert after.startswith(text)  # every byte kept, the blank lines included
    corpus = load_corpus_text(after, yaml_path).corpus
    assert corpus is not None
    [topic] = corpus.topics
    assert topic.claim("other").text == "Other.\n\n\n"
    assert [a.id for a in topic.assertions] == ["arms-notes-russian"]
