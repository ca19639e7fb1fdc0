"""``compare check`` as CI uses it: formats, fail levels, corpus discovery, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from comparator import __version__
from comparator.check import verify
from comparator.errors import ExitCode
from comparator.loader import load_corpus
from comparator.models import Severity
from comparator.views.check import build_check_view
from tests.conftest import CASES, ROOT

BROKEN = CASES / "quote-not-found"
CLEAN = CASES / "clean"
WARNS = CASES / "quote-ambiguous"


def test_version(run_cli) -> None:
    result = run_cli(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"compare {__version__}\n"


def test_python_dash_m_runs_the_same_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "comparator", "check", "-a", str(CLEAN)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "2 assertions, 2 quotes checked: 0 errors" in done.stdout


def test_corpus_is_found_by_walking_up(run_cli) -> None:
    result = run_cli(["check"], cwd=CLEAN / "seeds")
    assert result.exit_code == 0
    assert "2 assertions, 2 quotes checked" in result.stdout


def test_assertions_option_takes_a_file_or_its_folder(run_cli, tmp_path: Path) -> None:
    for target in (BROKEN / "assertions.yaml", BROKEN):
        result = run_cli(["check", "-a", str(target)], cwd=tmp_path)
        assert result.exit_code == 1
        assert "quote-not-found" in result.stdout


def test_environment_variable_names_the_corpus(run_cli, tmp_path: Path) -> None:
    result = run_cli(
        ["check"], cwd=tmp_path, env={"COMPARE_ASSERTIONS": str(BROKEN / "assertions.yaml")}
    )
    assert result.exit_code == 1
    assert "quote-not-found" in result.stdout


@pytest.mark.parametrize(("level", "code"), [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_level_decides_the_exit_code(run_cli, level: str, code: int) -> None:
    result = run_cli(["check", "--fail-level", level], cwd=WARNS)
    assert result.exit_code == code
    assert "warning quote-ambiguous" in result.stdout


def test_unknown_format_is_a_usage_error(run_cli) -> None:
    result = run_cli(["check", "--format", "xml"], cwd=CLEAN)
    assert result.exit_code == 2
    assert "xml" in result.output


def test_json_lists_findings_and_summary(run_cli) -> None:
    result = run_cli(["check", "--format", "json"], cwd=BROKEN)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["summary"]["errors"] == 1
    assert document["summary"]["assertions"] == 2
    finding = document["findings"][0]
    assert finding["rule"] == "quote-not-found"
    assert (finding["file"], finding["line"], finding["column"]) == ("assertions.yaml", 31, 13)
    assert finding["related"] == [{"file": "seeds/analysis.txt", "line": 2, "column": 1}]
    assert any(d.startswith("diff:") for d in finding["detail"])


def test_github_format_is_the_default_on_github_actions(run_cli) -> None:
    result = run_cli(["check"], cwd=BROKEN, env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(
        "::error file=assertions.yaml,line=31,col=13,title=compare check%3A quote-not-found::"
    )
    assert "%0Aclosest: " in first


def test_github_annotations_cannot_be_injected_from_article_text(tmp_path: Path, run_cli) -> None:
    evil = "Allegations\n::set-output name=x::pwned\r\n::error::100%"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(evil + " with more words in this text\n")
    (tmp_path / "assertions.yaml").write_text(
        "version: 1\nsources:\n  a: {outlet: A, title: T, file: seeds/a.txt}\ntopics:\n"
        "  t:\n    title: T\n    question: Q?\n    claims: {c: C.}\n    assertions:\n"
        "      - id: x\n        source: a\n        claim: c\n        stance: affirms\n"
        "        summary: S.\n        quotes:\n"
        '          - "::set-output name=x::pwned 100% more words in this text"\n'
    )
    result = run_cli(["check", "--format", "github"], cwd=tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # One annotation line per finding plus the summary: nothing starts a command of its own.
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == ["::error"]
    assert not any(line.startswith("::set-output") for line in lines)
    assert "100%25" in lines[0]


def test_github_annotations_show_a_control_in_a_file_name(tmp_path: Path, run_cli) -> None:
    # An article no source names is reported by its path: an escape sequence in that name
    # must not reach the log raw.
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("A text with enough words in it to read.\n")
    (tmp_path / "seeds" / "b\x1b[31m.txt").write_text("Another text, named by no source.\n")
    (tmp_path / "assertions.yaml").write_text(
        "version: 1\nsources:\n  a: {outlet: A, title: T, file: seeds/a.txt}\ntopics:\n"
        "  t:\n    title: T\n    question: Q?\n    claims: {c: C.}\n    silent: [a]\n"
    )
    result = run_cli(["check", "--format", "github"], cwd=tmp_path)
    assert "\x1b" not in result.stdout
    [orphan] = [line for line in result.stdout.splitlines() if "orphan-article" in line]
    assert orphan.startswith("::notice file=seeds/b\\x1b[31m.txt,")


def test_sarif_is_valid_2_1_0(run_cli) -> None:
    result = run_cli(["check", "--format", "sarif"], cwd=BROKEN)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"quote-not-found", "unsourced", "schema"}
    (entry,) = run["results"]
    assert entry["ruleId"] == "quote-not-found"
    assert rules[entry["ruleIndex"]]["id"] == "quote-not-found"
    assert entry["level"] == "error"
    region = entry["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (31, 13)
    assert (
        entry["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "seeds/analysis.txt"
    )


def test_no_traceback_on_an_unexpected_folder_as_corpus(run_cli, tmp_path: Path) -> None:
    (tmp_path / "assertions.yaml").mkdir()
    result = run_cli(["check", "-a", str(tmp_path / "assertions.yaml")], cwd=tmp_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_the_project_corpus_passes_its_own_gate(run_cli) -> None:
    result = run_cli(["check", "--fail-level", "warning"], cwd=ROOT)
    assert result.exit_code == 0, result.stdout
    assert ": 0 errors, 0 warnings" in result.stdout


def test_a_mistyped_command_is_not_mistaken_for_a_topic(run_cli) -> None:
    result = run_cli(["chek"], cwd=ROOT)
    assert result.exit_code == 2
    assert "no topic 'chek'" in result.stderr
    assert "did you mean the command 'compare check'?" in result.stderr


@pytest.mark.parametrize(
    ("case", "colour"),
    [(BROKEN, "\x1b[1;31m"), (WARNS, "\x1b[33m"), (CLEAN, "\x1b[32m")],
)
def test_the_summary_is_coloured_by_the_worst_finding(run_cli, case: Path, colour: str) -> None:
    result = run_cli(
        ["check", "-a", str(case)], env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm"}
    )
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith(colour), repr(summary)
    assert "checked:" in summary


def test_check_view_exit_code_follows_the_fail_level() -> None:
    loaded = load_corpus(WARNS / "assertions.yaml")
    result = verify(loaded.corpus, loaded.findings)
    views = {level: build_check_view(result, level) for level in Severity}
    assert views[Severity.ERROR].exit_code is ExitCode.OK
    assert views[Severity.WARNING].exit_code is ExitCode.FINDINGS
    assert views[Severity.INFO].exit_code is ExitCode.FINDINGS
    view = views[Severity.ERROR]
    assert view.worst is Severity.WARNING
    assert [(c.severity, c.count) for c in view.counts] == [
        (Severity.ERROR, 0),
        (Severity.WARNING, view.count(Severity.WARNING)),
        (Severity.INFO, 0),
    ]
    assert view.summary == result.summary()
