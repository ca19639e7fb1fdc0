"""``compare check --format sarif`` is valid SARIF 2.1.0 (the official schema, with formats
checked), whatever the corpus folder and article files are called."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, FormatChecker

from comparator.render.check_sarif import artifact_uri
from tests.conftest import CASES, write_corpus

SCHEMA = json.loads(
    (Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8")
)
VALIDATOR = Draft4Validator(SCHEMA, format_checker=FormatChecker())

CORPUS = """\
version: 1
sources:
  alpha:
    outlet: Alpha
    title: A piece
    file: "seeds/{name}"
topics:
  weapons:
    title: Weapons
    question: Does Russia supply weapons?
    claims:
      direct: Russia supplies weapons to Hamas.
    assertions:
      - id: weapons-alpha
        source: alpha
        claim: direct
        stance: doubts
        summary: Unproven.
        quotes:
          - Allegations that Russia transferred tanks to Hamas remain unproven
"""
TEXT = "Allegations that Russia transferred weapons to Hamas remain unproven, officials say.\n"


def errors_of(log: object) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(log)
    ]


def uris(log: dict) -> list[str]:
    (run,) = log["runs"]
    found = []
    for result in run["results"]:
        for place in result["locations"] + result.get("relatedLocations", []):
            found.append(place["physicalLocation"]["artifactLocation"]["uri"])
    return found


def test_the_schema_catches_what_the_fix_is_about() -> None:
    """The vendored schema, with formats checked, refuses an unencoded space."""
    log = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [
                    {
                        "message": {"text": "m"},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": {"uri": "my corpus/a.txt"}}}
                        ],
                    }
                ],
            }
        ],
    }
    assert errors_of(log)


def test_sarif_of_a_case_is_valid(run_cli) -> None:
    result = run_cli(["check", "--format", "sarif"], cwd=CASES / "quote-not-found")
    assert result.exit_code == 1
    assert errors_of(json.loads(result.stdout)) == []


@pytest.mark.parametrize(
    ("folder", "name", "expected"),
    [
        ("my corpus", "plain.txt", "my%20corpus/seeds/plain.txt"),
        ("corpus", "50%,x.txt", "corpus/seeds/50%25%2Cx.txt"),
        ("corpus", "a\\nb.txt", "corpus/seeds/a%0Ab.txt"),
        ("café corpus", "é #?.txt", "caf%C3%A9%20corpus/seeds/%C3%A9%20%23%3F.txt"),
    ],
    ids=["space", "percent-comma", "newline", "non-ascii-hash-question"],
)
def test_sarif_paths_are_percent_encoded_and_valid(
    tmp_path: Path, run_cli, folder: str, name: str, expected: str
) -> None:
    file_name = name.replace("\\n", "\n")
    write_corpus(tmp_path / folder, CORPUS.format(name=name), {f"seeds/{file_name}": TEXT})
    result = run_cli(
        ["check", "--format", "sarif", "-a", f"{folder}/assertions.yaml"], cwd=tmp_path
    )
    assert result.exit_code == 1, result.output
    log = json.loads(result.stdout)
    assert errors_of(log) == []
    found = uris(log)
    corpus_folder, article = expected.split("/seeds/")
    assert f"{corpus_folder}/assertions.yaml" in found
    # The article is shown relative to the corpus folder, as the text view shows it.
    assert f"seeds/{article}" in found


def test_an_absolute_path_is_a_file_uri() -> None:
    assert artifact_uri("/srv/my corpus/a%.txt") == "file:///srv/my%20corpus/a%25.txt"
