"""The loader: every problem collected, positions right, and the shipped schema in step."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from comparator import validation
from comparator.loader import load_corpus, load_corpus_text
from comparator.models import RESERVED_TOPIC_IDS, Stance
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
    assert stances <= {*Stance, None}  # None: reports only
    assert not any(a.attributed_to for t in corpus.topics for a in t.assertions)
    reported = {r.voice for t in corpus.topics for a in t.assertions for r in a.reports}
    assert reported == {v.id for v in corpus.voices}  # every voice is reported somewhere


def _schema() -> dict:
    text = resources.files("comparator.schema").joinpath("assertions.schema.json").read_text()
    return json.loads(text)


def _required(fields: Mapping[str, bool]) -> set[str]:
    return {name for name, required in fields.items() if required}


def test_the_shipped_schema_names_the_fields_the_loader_accepts() -> None:
    """Editors complete from the schema; it must not drift from what the loader reads."""
    schema = _schema()
    defs = schema["$defs"]
    topic_ignore = defs["topic"]["properties"]["ignore"]["items"]
    assertion_ignore = defs["ignore"]["items"]
    for what, fields, schema_part in [
        ("the document", validation.DOCUMENT_FIELDS, schema),
        ("a source", validation.SOURCE_FIELDS, defs["source"]),
        ("a topic", validation.TOPIC_FIELDS, defs["topic"]),
        ("an assertion", validation.ASSERTION_FIELDS, defs["assertion"]),
        ("an assertion's ignore entry", validation.IGNORE_FIELDS, assertion_ignore),
        ("a topic's ignore entry", validation.TOPIC_IGNORE_FIELDS, topic_ignore),
    ]:
        assert set(schema_part["properties"]) == set(fields), what
        assert set(schema_part["required"]) == _required(fields), what
        assert schema_part["additionalProperties"] is False, what
    assert defs["assertion"]["properties"]["stance"]["enum"] == [s.value for s in Stance]
    reserved = schema["properties"]["topics"]["propertyNames"]["allOf"][1]["not"]["enum"]
    assert set(reserved) == RESERVED_TOPIC_IDS  # a command's name is never a topic id


def test_the_field_lists_are_what_the_loader_reads() -> None:
    """The constants the schema test reads are the ones validation checks against."""
    result = load_corpus_text(MANY_PROBLEMS, Path("/c/assertions.yaml"), "a.yaml")
    [unknown] = [f.message for f in result.findings if "unknown field" in f.message]
    assert unknown.endswith(f"expected one of: {', '.join(validation.SOURCE_FIELDS)}")


def test_the_seed_corpus_points_editors_at_the_shipped_schema() -> None:
    first = (ROOT / "assertions.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=comparator/schema/assertions.schema.json"
    assert (ROOT / "comparator/schema/assertions.schema.json").is_file()
