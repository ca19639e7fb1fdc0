"""The lints for a growing corpus: ``orphan-article`` and ``same-article``.

The fingerprint index that finds republications is checked against the plain pairwise
comparison it replaces, on corpora hypothesis makes from a small pool of sentences (so that
texts share sentences often, and some sentences are common enough to count as boilerplate).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.corpuslints import (
    MAX_COMMON_TEXTS,
    MIN_CONTAINED,
    MIN_SENTENCES,
    SameTextIndex,
    fingerprints,
)
from tests.conftest import write_corpus

POOL = [
    f"sentence {n} says that {word} was seen near the border again"
    for n, word in enumerate(
        ["Russia", "Iran", "Hamas", "Qatar", "Egypt", "Turkey", "Israel", "Syria", "Jordan"]
    )
] + ["Read more", "Subscribe to our newsletter"]


def pairwise(texts: list[str]) -> set[tuple[int, int]]:
    """Every pair that is one article, by comparing every text with every other."""
    sets = [fingerprints(t) for t in texts]
    counts = Counter(u for s in sets for u in s)
    common = {u for u, c in counts.items() if c > MAX_COMMON_TEXTS}
    found = set()
    for second in range(len(texts)):
        for first in range(second):
            if texts[first] and texts[first] == texts[second]:
                found.add((first, second))
                continue
            a, b = sets[first] - common, sets[second] - common
            shorter = min(len(a), len(b))
            if shorter >= MIN_SENTENCES and len(a & b) / shorter >= MIN_CONTAINED:
                found.add((first, second))
    return found


texts_strategy = st.lists(
    st.lists(st.sampled_from(POOL), max_size=8).map(". ".join), max_size=MAX_COMMON_TEXTS + 6
)


@settings(max_examples=150, deadline=None)
@given(texts_strategy)
def test_the_index_finds_what_comparing_every_pair_finds(texts: list[str]) -> None:
    index = SameTextIndex()
    for text in texts:
        index.add(text)
    assert {(p.first, p.second) for p in index.pairs()} == pairwise(texts)


def test_a_sentence_in_many_texts_is_boilerplate_not_evidence() -> None:
    boiler = ". ".join(POOL[:4])
    index = SameTextIndex()
    for n in range(MAX_COMMON_TEXTS + 1):
        index.add(f"{boiler}. text {n} has a sentence of its very own here")
    assert index.pairs() == []
    few = SameTextIndex()
    for n in range(3):
        few.add(f"{boiler}. text {n} has a sentence of its very own here")
    assert [(p.first, p.second) for p in few.pairs()] == [(0, 1), (0, 2), (1, 2)]


ARTICLE = (
    "Allegations that Russia transferred weapons to Hamas remain unproven, and officials in "
    "Moscow deny any role in the attack. Hamas leaders visited Moscow in October, and the "
    "visit drew sharp criticism from Israel. The delegation met the deputy foreign minister "
    "and envoys of the Kremlin over two days. Officials in Moscow described the talks as part "
    "of their regular contacts with all parties.\n"
)
YAML = """\
version: 1
sources:
  first:
    outlet: Alpha
    title: One
    file: texts/first.txt
  second:
    outlet: Beta
    title: Two
    file: texts/second.txt
topics:
  weapons:
    title: Weapons supply
    question: Does Russia supply weapons to Hamas?
    silent: [first, second]
    claims:
      direct-supply: Russia directly supplies weapons to Hamas.
"""


def test_different_articles_are_not_one(run_cli, tmp_path: Path) -> None:
    other = ARTICLE.replace("Hamas", "Hezbollah").replace("Moscow", "Tehran")
    write_corpus(tmp_path, YAML, {"texts/first.txt": ARTICLE, "texts/second.txt": other})
    result = run_cli(["check"], cwd=tmp_path)
    assert "same-article" not in result.stdout
    assert result.exit_code == 0


def test_a_republication_in_another_folder_and_an_orphan_there(run_cli, tmp_path: Path) -> None:
    republished = (
        "First published by Al Majalla.\n"
        + ARTICLE
        + "Subscribe to our newsletter for the latest analysis of the region.\n"
    )
    write_corpus(
        tmp_path,
        YAML,
        {
            "texts/first.txt": ARTICLE,
            "texts/second.txt": republished,
            "texts/left-behind.txt": "An article whose source was removed.\n",
        },
    )
    result = run_cli(["check", "--format", "json"], cwd=tmp_path)
    assert result.exit_code == 0  # both are info
    findings = {f["rule"]: f for f in json.loads(result.stdout)["findings"]}
    same = findings["same-article"]
    assert same["severity"] == "info"
    assert same["message"].startswith(
        "sources 'first' and 'second' are the same article (texts/second.txt holds 100% of the "
        "sentences of texts/first.txt); a republication counts once"
    )
    assert same["line"] == 7
    orphan = findings["orphan-article"]
    assert orphan["file"] == "texts/left-behind.txt"
    assert orphan["message"].startswith("texts/left-behind.txt is in the corpus's article folder")


def test_a_text_named_through_a_link_is_no_orphan(run_cli, tmp_path: Path) -> None:
    other = ARTICLE.replace("Hamas", "Hezbollah").replace("Moscow", "Tehran")
    yaml = YAML.replace("file: texts/second.txt", "file: texts/../texts/link.txt")
    write_corpus(tmp_path, yaml, {"texts/first.txt": ARTICLE, "texts/second.txt": other})
    (tmp_path / "texts" / "link.txt").symlink_to("second.txt")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "notes.md").write_text("not an article: .md is no source's suffix\n")
    result = run_cli(["check"], cwd=tmp_path)
    assert "orphan-article" not in result.stdout
    (tmp_path / "seeds" / "stray.txt").write_text("a text nobody names\n")
    result = run_cli(["check"], cwd=tmp_path)
    assert "seeds/stray.txt: info orphan-article" in result.stdout
