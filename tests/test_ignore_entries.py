"""Ignore entries as the loader reads them: records with their place, kept by the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparator import cache
from comparator.loader import load_corpus_text
from comparator.models import IgnoreEntry, Location
from tests.conftest import ROOT

CORPUS = """\
version: 1
sources:
  alpha:
    outlet: A
    title: T
    file: a.txt
topics:
  weapons:
    title: W
    question: Q?
    claims: {direct: D.}
    silent: [alpha]
    ignore:
      - rule: silent-but-mentions
        reason: it names the topic only in passing
        source: alpha
      - {rule: unused-ignore, reason: any source}
    assertions:
      - id: w1
        source: alpha
        claim: direct
        stance: doubts
        summary: S.
        ignore:
          - rule: stance-cue
            reason: the cue is in the sentence before
"""


def test_ignore_entries_load_with_rule_reason_place_and_source() -> None:
    result = load_corpus_text(CORPUS, Path("/c/assertions.yaml"), "a.yaml")
    assert result.findings == ()
    assert result.corpus is not None
    [topic] = result.corpus.topics
    assert topic.ignore == (
        IgnoreEntry(
            "silent-but-mentions",
            "it names the topic only in passing",
            Location("a.yaml", 14, 9),
            "alpha",
        ),
        IgnoreEntry("unused-ignore", "any source", Location("a.yaml", 17, 9)),
    )
    assert topic.assertions[0].ignore == (
        IgnoreEntry("stance-cue", "the cue is in the sentence before", Location("a.yaml", 25, 13)),
    )


def test_a_corpus_with_ignore_entries_is_read_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:
    """The seed corpus has ignore entries; a view run twice must not verify it twice."""
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path / "cache"))
    run_cli(["weapons"], cwd=ROOT)
    monkeypatch.chdir(ROOT)
    cached = cache.lookup(ROOT / "assertions.yaml")
    assert cached is not None and cached.corpus is not None
    entries = [entry for topic in cached.corpus.topics for entry in topic.ignore] + [
        entry for topic in cached.corpus.topics for a in topic.assertions for entry in a.ignore
    ]
    assert entries and all(isinstance(entry, IgnoreEntry) for entry in entries)
