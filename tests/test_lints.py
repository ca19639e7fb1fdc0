"""The authoring lints of ``compare check`` and the ``ignore`` entries that answer them.

The case folders (tests/cases/silent-but-mentions, stance-cue, source-drift, unused-ignore,
schema-ignore-*) pin the exact text output; these tests pin what a user acts on: line numbers,
exit codes, the summary's suppressed count, and that the lints stay quiet on a careful reading.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from comparator.lints import Cue, cues
from tests.conftest import CASES, ROOT, write_corpus

LINT_RULES = {
    "silent-but-mentions",
    "stance-cue",
    "report-treatment",
    "source-drift",
    "unused-ignore",
}

REPORT = """\
Moscow and Hamas: a report
Ukrainian intelligence said Russia supplies weapons to Hamas but did not provide evidence.
Hamas leaders visited Moscow in October.
"""


def _corpus(tmp_path: Path, ignore: str = "", sha: str = "") -> Path:
    """One source, one topic, one assertion whose quote says "said" with nobody named."""
    pin = f"    sha256: {sha}\n" if sha else ""
    yaml_text = (
        "version: 1\n"
        "sources:\n"
        "  report:\n"
        "    outlet: Alpha\n"
        "    title: Moscow and Hamas\n"
        "    file: seeds/report.txt\n"
        f"{pin}"
        "topics:\n"
        "  weapons:\n"
        "    title: Weapons supply\n"
        "    question: Does Russia supply weapons to Hamas?\n"
        "    claims:\n"
        "      direct-supply: Russia directly supplies weapons to Hamas.\n"
        "    assertions:\n"
        "      - id: weapons-report\n"
        "        source: report\n"
        "        claim: direct-supply\n"
        "        stance: affirms\n"
        "        summary: Ukraine says Russia arms Hamas.\n"
        "        quotes:\n"
        "          - Ukrainian intelligence said Russia supplies weapons to Hamas\n"
        f"{ignore}"
    )
    return write_corpus(tmp_path, yaml_text, {"seeds/report.txt": REPORT})


def _json(run_cli, folder: Path, *args: str) -> tuple[dict, int]:
    result = run_cli(["check", "--format", "json", *args], cwd=folder)
    return json.loads(result.stdout), result.exit_code


# --------------------------------------------------------------------------- stance-cue


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        ("the allegations remain unproven", "negation", "unproven"),
        ("there is no evidence that Moscow knew", "negation", "no evidence"),
        ("he did not provide evidence for these claims", "negation", "did not provide evidence"),
        ("Budanov has not offered any evidence", "negation", "did not provide evidence"),
        ("we don\u2019t know whether Russia knew", "negation", "we don't know"),
        ("Russia allegedly supplied the rifles", "hedge", "allegedly"),
        ("Russia may be passing weapons on", "hedge", "may"),
        ("officials said the rifles were Russian", "attribution", "said"),
        ("a political scientist claimed Russia helped", "attribution", "claimed"),
        ("Russian rifles, according to Israeli officials", "attribution", "according to"),
    ],
)
def test_cues_are_found_in_a_quotes_own_words(text: str, kind: str, label: str) -> None:
    assert label in cues(text)[Cue(kind)]


@pytest.mark.parametrize(
    "text",
    [
        "In May, Moscow hosted Hamas leaders",  # a month, not a hedge
        "Russia directly supplies weapons to Hamas",  # plain assertion
        "the sayings of the Kremlin",  # "say" only as a whole word
        "a well-evidenced account of the transfers",  # not "no evidence"
        "it can be said that Moscow leans on Tehran",  # the author's own hedge, nobody speaks
    ],
)
def test_ordinary_wording_has_no_cue(text: str) -> None:
    assert cues(text) == {Cue.NEGATION: [], Cue.HEDGE: [], Cue.ATTRIBUTION: []}


def test_reporting_wording_in_the_own_voice_is_flagged_at_the_quote(
    run_cli, tmp_path: Path
) -> None:
    _corpus(tmp_path)
    document, code = _json(run_cli, tmp_path)
    [finding] = [f for f in document["findings"] if f["rule"] == "stance-cue"]
    assert (finding["line"], finding["column"]) == (20, 13)  # the quote's own line
    assert finding["severity"] == "warning"
    assert '("said")' in finding["message"] and "move it into reports" in finding["message"]
    assert code == 0  # a warning: the default gate (errors) still passes
    assert run_cli(["check", "--fail-level", "warning"], cwd=tmp_path).exit_code == 1


def test_moving_the_quote_into_reports_clears_the_warning(run_cli, tmp_path: Path) -> None:
    yaml_path = _corpus(tmp_path)
    text = yaml_path.read_text()
    yaml_path.write_text(
        text.replace("version: 1\n", "version: 2\n")
        .replace(
            "topics:\n", "voices:\n  ukraine-intel:\n    name: Ukrainian intelligence\ntopics:\n"
        )
        .replace(
            "        stance: affirms\n",
            "",
        )
        .replace(
            "        quotes:\n          - Ukrainian",
            "        reports:\n          - voice: ukraine-intel\n            stance: affirms\n"
            "            treatment: relays\n            quotes:\n              - Ukrainian",
        )
    )
    result = run_cli(["check", "--fail-level", "warning"], cwd=tmp_path)
    assert "stance-cue" not in result.stdout, result.stdout
    assert result.exit_code == 0, result.stdout


def test_an_own_stance_that_answers_a_recorded_report_is_not_flagged(
    run_cli, tmp_path: Path
) -> None:
    """ "X said ..., but did not provide evidence": the own quote names the speaker because the
    own stance answers them, and the speaker's claim is recorded under reports; the own voice
    (doubts) is the author's, so no stance-cue."""
    yaml_path = _corpus(tmp_path)
    text = yaml_path.read_text()
    yaml_path.write_text(
        text.replace("version: 1\n", "version: 2\n")
        .replace(
            "topics:\n", "voices:\n  ukraine-intel:\n    name: Ukrainian intelligence\ntopics:\n"
        )
        .replace("        stance: affirms\n", "        stance: doubts\n")
        .replace(
            "          - Ukrainian intelligence said Russia supplies weapons to Hamas\n",
            "          - Ukrainian intelligence said Russia supplies weapons to Hamas but did not"
            " provide evidence\n"
            "        reports:\n          - voice: ukraine-intel\n            stance: affirms\n"
            "            treatment: questions\n            quotes:\n"
            "              - Ukrainian intelligence said Russia supplies weapons to Hamas\n",
        )
    )
    result = run_cli(["check", "--fail-level", "warning"], cwd=tmp_path)
    assert "stance-cue" not in result.stdout, result.stdout
    assert result.exit_code == 0, result.stdout
    # Without the report, the same own quote is someone else's claim in the own voice.
    yaml_path.write_text(yaml_path.read_text().split("        reports:")[0])
    flagged = run_cli(["check", "--fail-level", "warning"], cwd=tmp_path)
    assert "stance-cue" in flagged.stdout and flagged.exit_code == 1


def test_a_version_1_attribution_is_read_as_a_report_and_warned_once(
    run_cli, tmp_path: Path
) -> None:
    """No silent change of meaning: the v1 speaker's stance is shown as a report, never as the
    outlet's, and check says so once, with the version 2 form."""
    yaml_path = _corpus(tmp_path)
    yaml_path.write_text(
        yaml_path.read_text().replace(
            "stance: affirms\n", "stance: affirms\n        attributed_to: Ukrainian intelligence\n"
        )
    )
    document, code = _json(run_cli, tmp_path)
    rules = [f["rule"] for f in document["findings"]]
    assert rules == ["attributed-v1"]
    [finding] = document["findings"]
    assert finding["severity"] == "warning" and (finding["line"], finding["column"]) == (18, 24)
    assert "reports: [{voice: ukrainian-intelligence, stance: affirms" in " ".join(
        finding["detail"]
    )
    assert code == 0
    shown = run_cli(["weapons", "--format", "json"], cwd=tmp_path)
    [position] = json.loads(shown.stdout)[0]["claims"][0]["positions"]
    assert (position["stance"], position["score"]) == (None, None)
    [report] = position["reports"]
    assert (report["name"], report["stance"], report["treatment"]) == (
        "Ukrainian intelligence",
        "affirms",
        "relays",
    )
    assert report["quotes"][0]["line"] == 2
    text = run_cli(["weapons"], cwd=tmp_path, env={"COLUMNS": "100"}).stdout
    assert "↳ ✔✔ affirms per Ukrainian intelligence (reported; the article relays it)" in text


def test_the_lints_stay_quiet_on_a_careful_reading(run_cli) -> None:
    """The mini corpus attributes, hedges and negates correctly: no lint fires on it."""
    result = run_cli(["check", "--format", "json", "-a", str(ROOT / "tests/fixtures/mini")])
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert rules & LINT_RULES == set()
    assert result.exit_code == 0


# --------------------------------------------------------------------------- silent-but-mentions


def test_silent_but_mentions_names_the_lines_with_the_keywords(run_cli) -> None:
    document, code = _json(run_cli, CASES / "silent-but-mentions")
    [finding] = document["findings"]
    assert finding["rule"] == "silent-but-mentions"
    assert (finding["line"], finding["column"]) == (26, 14)  # 'analysis' in silent: [...]
    assert [(r["file"], r["line"]) for r in finding["related"]] == [
        ("seeds/analysis.txt", 3),
        ("seeds/analysis.txt", 4),
        ("seeds/analysis.txt", 5),
    ]
    # "visits" matches the keyword "visit"; "Foreign Ministry" matches across a line wrap.
    assert "3 (visit), 4 (Foreign Ministry), 5 (delegation)" in finding["message"]
    assert finding["detail"][0] == (
        "seeds/analysis.txt:3: Nothing else is said here about the visits to Moscow."
    )
    assert code == 0


def test_a_topic_ignore_with_a_reason_suppresses_silent_but_mentions(run_cli) -> None:
    result = run_cli(["check"], cwd=CASES / "unused-ignore")
    assert "silent-but-mentions" not in result.stdout
    assert result.stdout.splitlines()[-1].endswith("(2 suppressed by ignore)")


TWO_SILENT = """\
version: 1
sources:
  report:
    outlet: Alpha
    title: Moscow and Hamas
    file: seeds/report.txt
  first:
    outlet: Beta
    title: First
    file: seeds/first.txt
  second:
    outlet: Gamma
    title: Second
    file: seeds/second.txt
topics:
  visits:
    title: Visits
    question: Does Moscow host Hamas leaders?
    keywords: [visit]
    claims:
      hosted: Moscow hosts Hamas leaders.
    assertions:
      - id: visits-report
        source: report
        claim: hosted
        stance: affirms
        summary: Hamas leaders visited Moscow.
        quotes:
          - Hamas leaders visited Moscow in October
    silent: [first, second]
    ignore:
      - rule: silent-but-mentions
        source: {source}
        reason: it names the visit only as a date
"""


def test_a_topic_ignore_naming_a_source_covers_only_that_source(run_cli, tmp_path: Path) -> None:
    texts = {
        "seeds/report.txt": "Hamas leaders visited Moscow in October.\n",
        "seeds/first.txt": "Since the visit of October, nothing changed.\n",
        "seeds/second.txt": "A second visit is planned for the spring.\n",
    }
    write_corpus(tmp_path, TWO_SILENT.format(source="first"), texts)
    document, code = _json(run_cli, tmp_path)
    [finding] = document["findings"]
    assert finding["rule"] == "silent-but-mentions"
    assert "source 'second'" in finding["message"]  # first is ignored, second is not
    assert document["summary"]["suppressed"] == 1
    assert code == 0


def test_a_topic_ignore_naming_an_unknown_source_is_an_error(run_cli, tmp_path: Path) -> None:
    texts = {
        "seeds/report.txt": "Hamas leaders visited Moscow in October.\n",
        "seeds/first.txt": "Nothing.\n",
        "seeds/second.txt": "Nothing either.\n",
    }
    write_corpus(tmp_path, TWO_SILENT.format(source="frist"), texts)
    result = run_cli(["check"], cwd=tmp_path)
    assert (
        "error schema topic 'visits': ignore names source 'frist', which is not under "
        "sources; did you mean 'first'?"
    ) in result.stdout
    assert result.exit_code == 1


# --------------------------------------------------------------------------- source-drift


def test_source_drift_says_which_quotes_still_anchor(run_cli) -> None:
    document, code = _json(run_cli, CASES / "source-drift")
    [drift] = [f for f in document["findings"] if f["rule"] == "source-drift"]
    assert drift["detail"] == [
        "still anchors: weapons-report at seeds/report.txt:2:1",
        "still anchors: talks-report quote 1 at seeds/report.txt:4:1",
        "no longer found: talks-report quote 2 (assertions.yaml:30:13)",
    ]
    # DESIGN's source-changed error stays the gate; source-drift explains it.
    assert "source-changed" in {f["rule"] for f in document["findings"]}
    assert code == 1


def test_when_every_quote_anchors_the_new_pin_clears_both_findings(run_cli, tmp_path: Path) -> None:
    _corpus(tmp_path, sha="0" * 64)
    document, _ = _json(run_cli, tmp_path)
    [drift] = [f for f in document["findings"] if f["rule"] == "source-drift"]
    real = hashlib.sha256(REPORT.encode()).hexdigest()
    assert "its one quote still anchors" in drift["message"]
    assert drift["message"].endswith(f"set sha256: {real}")
    yaml_path = tmp_path / "assertions.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("0" * 64, real))
    document, _ = _json(run_cli, tmp_path)
    assert {f["rule"] for f in document["findings"]} & {"source-drift", "source-changed"} == set()


# --------------------------------------------------------------------------- ignore


def test_a_suppressed_finding_is_counted_in_the_summary_line(run_cli, tmp_path: Path) -> None:
    _corpus(
        tmp_path,
        ignore=(
            "        ignore:\n"
            "          - rule: stance-cue\n"
            "            reason: the article names Ukrainian intelligence in the sentence before\n"
        ),
    )
    result = run_cli(["check", "--fail-level", "warning"], cwd=tmp_path)
    assert result.stdout == (
        "1 assertion, 1 quote checked: 0 errors, 0 warnings, 0 info (1 suppressed by ignore)\n"
    )
    assert result.exit_code == 0
    document, _ = _json(run_cli, tmp_path)
    assert document["summary"]["suppressed"] == 1


def test_an_ignore_without_a_reason_is_a_schema_error(run_cli) -> None:
    result = run_cli(["check"], cwd=CASES / "schema-ignore-without-reason")
    assert (
        "assertions.yaml:22:13: error schema assertion 'weapons-report': an ignore entry "
        "is missing the required field 'reason'"
    ) in result.stdout
    assert "stance-cue" in result.stdout  # the entry was refused, so it suppresses nothing
    assert result.exit_code == 1


def test_an_ignore_of_an_unknown_rule_is_an_error_with_a_suggestion(run_cli) -> None:
    result = run_cli(["check"], cwd=CASES / "schema-ignore-unknown-rule")
    assert "ignore names rule 'stance-cues'" in result.stdout
    assert "did you mean 'stance-cue'?" in result.stdout
    assert result.exit_code == 1


def test_an_ignore_that_suppresses_nothing_is_reported_as_info(run_cli) -> None:
    folder = CASES / "unused-ignore"
    result = run_cli(["check"], cwd=folder)
    assert (
        "assertions.yaml:20:9: info unused-ignore assertion 'weapons-report' ignores "
        "'quote-ambiguous'"
    ) in result.stdout
    assert result.exit_code == 0
    assert run_cli(["check", "--fail-level", "info"], cwd=folder).exit_code == 1


def test_the_new_rules_are_listed_for_sarif(run_cli) -> None:
    result = run_cli(["check", "--format", "sarif", "-a", str(CASES / "stance-cue")])
    rules = {r["id"] for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules >= LINT_RULES
