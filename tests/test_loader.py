"""The loader: every problem collected, positions right, and the shipped schema in step."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from comparator.loader import load_corpus, load_corpus_text
from comparator.models import Stance
from tests.conftest import ROOT

MANY_PROBLEMS = """\
version: 1
sources:
  Alpha:
    outlet: A
    title: T
    file: a.txt
  beta:
    outlet: B
    file: b.txt
    colour: blue
topics:
  weapons:
    title: W
    question: Q?
    claims: {direct: D.}
    assertions:
      - id: w1
        source: beta
        claim: direct
        stance: afirms
        summary: S.
        quotes: just a string
"""


def test_every_problem_is_collected_with_its_position() -> None:
    result = load_corpus_text(MANY_PROBLEMS, Path("/corpus/assertions.yaml"), "a.yaml")
    found = [(f.location.line, f.location.column, f.message.split(";")[0]) for f in result.findings]
    assert found == [
        (
            3,
            3,
            "id 'Alpha' in sources is not valid: expected a lowercase slug (a-z, 0-9 and "
            "single hyphens, e.g. 'cepa-dubow')",
        ),
        (10, 5, "unknown field 'colour' in source 'beta'"),
        (7, 3, "source 'beta' is missing the required field 'title'"),
        (
            20,
            17,
            "assertion 'w1': stance 'afirms' is not one of affirms, suggests, neutral, "
            "doubts, denies",
        ),
        (22, 17, "assertion 'w1': quotes must be a list"),
    ]
    assert all(f.rule == "schema" for f in result.findings)
    # The corpus is still built, so later rules can check what is valid.
    assert result.corpus is not None
    assert [s.id for s in result.corpus.sources] == ["beta"]


def test_a_bad_stance_suggests_the_closest() -> None:
    result = load_corpus_text(MANY_PROBLEMS, Path("/c/assertions.yaml"), "a.yaml")
    assert any("did you mean 'affirms'?" in f.message for f in result.findings)


def test_the_seed_corpus_loads_cleanly() -> None:
    result = load_corpus(ROOT / "assertions.yaml")
    assert result.findings == ()
    corpus = result.corpus
    assert corpus is not None
    assert sorted(corpus.outlets) == ["CEPA", "Carnegie", "Cradle", "WINEP"]
    assert {"weapons", "motive", "chaos"} <= {t.id for t in corpus.topics}
    stances = {a.stance for t in corpus.topics for a in t.assertions}
    assert stances <= set(Stance)


def _schema() -> dict:
    text = resources.files("comparator.schema").joinpath("assertions.schema.json").read_text()
    return json.loads(text)


def test_the_shipped_schema_names_the_fields_the_loader_accepts() -> None:
    """Editors complete from the schema; it must not drift from what the loader reads."""
    schema = _schema()
    defs = schema["$defs"]
    assert set(schema["properties"]) == {"version", "sources", "topics"}
    assert set(defs["source"]["properties"]) == {
        "outlet",
        "outlet_name",
        "title",
        "authors",
        "published",
        "via",
        "url",
        "file",
        "sha256",
    }
    assert set(defs["source"]["required"]) == {"outlet", "title", "file"}
    assert set(defs["topic"]["properties"]) == {
        "title",
        "question",
        "keywords",
        "claims",
        "assertions",
        "silent",
        "ignore",
    }
    assert set(defs["assertion"]["properties"]) == {
        "id",
        "source",
        "claim",
        "stance",
        "summary",
        "quotes",
        "attributed_to",
        "note",
        "ignore",
    }
    assert defs["assertion"]["properties"]["stance"]["enum"] == [s.value for s in Stance]


def test_the_seed_corpus_points_editors_at_the_shipped_schema() -> None:
    first = (ROOT / "assertions.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=comparator/schema/assertions.schema.json"
    assert (ROOT / "comparator/schema/assertions.schema.json").is_file()
