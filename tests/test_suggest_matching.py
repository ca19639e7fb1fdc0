"""``compare suggest`` matches words without merging different ones, and reads one topic.

The pairs below are taken from the seed texts: words the stemmer once mapped together though
they mean different things ("armed" and "arms"), and names a topic's word must not be found in
("Muslim Brotherhood" is not the Muslim minority).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparator.corpus_slice import load_topic, topic_blocks
from comparator.wording import LONGEST_STEMMED, stem
from tests.conftest import ROOT, write_corpus

SEEDS = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
SEED_WORDS = sorted(set(re.findall(r"[^\W_]+", SEEDS.lower())))

#: Words of the seeds that look alike and must keep apart.
DIFFERENT = [
    ("armed", "arms"),
    ("arming", "arms"),
    ("standing", "stand"),
    ("likely", "like"),
    ("noted", "not"),
    ("nationals", "national"),
    ("relatively", "relatives"),
    ("hardly", "hard"),
    ("aired", "air"),
    ("backing", "back"),
    ("means", "mean"),
    ("founder", "foundering"),
    ("tellingly", "tells"),
]
#: Forms of one word in the seeds that must meet.
SAME = [
    ("groups", "group"),
    ("supplied", "supply"),
    ("provides", "provided"),
    ("engaged", "engage"),
    ("attacks", "attacked"),
    ("countries", "country"),
    ("directly", "direct"),
]


def test_the_listed_pairs_come_from_the_seeds() -> None:
    words = set(SEED_WORDS) | {"tells"}  # "tellingly" is, "tells" is what it would become
    assert {w for pair in DIFFERENT + SAME for w in pair} <= words


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_words_keep_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


@pytest.mark.parametrize(("a", "b"), SAME)
def test_forms_of_one_word_meet(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_a_word_longer_than_any_english_word_is_kept_whole() -> None:
    # Dropping one ending a round costs the square of a word's length: a megabyte of "e" in
    # a hostile text would take hours. No English word is that long.
    assert stem("Engaged" + "e" * LONGEST_STEMMED) == "engaged" + "e" * LONGEST_STEMMED
    assert stem("E" * 100_000) == "e" * 100_000
    assert stem("engaged") == "engag"


@given(st.sampled_from(SEED_WORDS) | st.text(alphabet="abcdeilnorsty", min_size=1, max_size=14))
def test_a_stem_is_its_own_stem(word: str) -> None:
    assert stem(stem(word)) == stem(word)


@given(st.sampled_from(DIFFERENT), st.sampled_from([str.upper, str.capitalize, str.lower]))
def test_case_never_merges_a_listed_pair(pair: tuple[str, str], case) -> None:
    a, b = pair
    assert stem(case(a)) == stem(a) != stem(case(b)) == stem(b)


# --------------------------------------------------------------------------- in suggest

CORPUS = """
version: 2
sources:
  src:
    outlet: Src
    title: Src
    file: seeds/src.txt
  other:
    outlet: Other
    title: Other
    file: seeds/other.txt
topics:
  motive:
    title: Motive
    question: Why does Moscow court Hamas?
    keywords: [Muslim, arms, Washington]
    claims:
      muslims: Moscow courts Hamas to please Russia's Muslim minority.
      brotherhood: Hamas grew out of the Muslim Brotherhood.
    silent: [other]
  other-topic:
    title: Other topic
    question: Anything?
    claims:
      c: Something.
    assertions:
      - id: broken
        source: other
        claim: no-such-claim
        stance: affirms
        summary: s
        quotes:
          - a quote that is nowhere in the article at all
"""
TEXT = (
    "Src\n"
    "The armed wing of the group paraded in Gaza last spring.\n"
    "Hamas is an offshoot of the Muslim Brotherhood founded decades ago.\n"
    "Scholars at the Washington Institute wrote a long report on it.\n"
    "The Kremlin wants Russia's Muslim minority to see it as a friend of Palestinians.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write_corpus(tmp_path, CORPUS, {"seeds/src.txt": TEXT})
    return tmp_path


def _suggest(run_cli, folder: Path, *args: str) -> dict:
    result = run_cli(["suggest", "motive", "--source", "src", *args, "-f", "json"], cwd=folder)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_word_is_not_found_inside_a_longer_name(run_cli, corpus: Path) -> None:
    document = _suggest(run_cli, corpus, "-n", "10")
    by_line = {s["line"]: s for s in document["suggestions"]}
    assert "Muslim" in by_line[5]["matched"] and by_line[5]["claim"] == "muslims"
    # "Muslim Brotherhood" is the claim's name, not the keyword "Muslim".
    assert by_line[3]["claim"] == "brotherhood"
    assert "Muslim" not in by_line[3]["matched"]
    assert "Muslim Brotherhood" in by_line[3]["claim_words"]
    assert 4 not in by_line  # the Washington Institute is not Washington
    assert 2 not in by_line  # "armed" is not "arms"
    assert document["listed_silent"] is False


def test_a_source_listed_as_silent_yet_with_sentences_is_told_so(run_cli, corpus: Path) -> None:
    yaml_path = corpus / "assertions.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("silent: [other]", "silent: [src]"))
    result = run_cli(["suggest", "motive", "--source", "src"], cwd=corpus)
    assert result.stdout.splitlines()[1] == (
        "src is listed under topics.motive.silent: if one of these sentences bears on the topic, "
        "take it off that list."
    )
    assert json.loads(
        run_cli(["suggest", "motive", "--source", "src", "-f", "json"], cwd=corpus).stdout
    )["listed_silent"]


def test_suggest_reads_neither_other_topics_nor_other_articles_quotes(
    run_cli, corpus: Path
) -> None:
    """The other topic has an unknown claim and its article is missing: every view refuses
    the corpus, suggest still answers (it verifies nothing but what it shows)."""
    shown = run_cli(["show", "motive"], cwd=corpus)
    assert shown.exit_code == 2 and "unknown-claim" in shown.stderr + shown.stdout
    document = _suggest(run_cli, corpus)
    assert document["suggestions"][0]["line"] == 5


def test_a_blocking_error_in_the_topic_itself_still_refuses(run_cli, corpus: Path) -> None:
    yaml_path = corpus / "assertions.yaml"
    yaml_path.write_text(
        yaml_path.read_text().replace(
            "    silent: [other]",
            "    assertions:\n      - {id: x, source: src, claim: nope, stance: affirms,"
            " summary: s, quotes: [The armed wing of the group paraded]}",
        )
    )
    result = run_cli(["suggest", "motive", "--source", "src"], cwd=corpus)
    assert result.exit_code == 2
    assert "error that must be fixed before suggesting" in result.stderr


def test_an_unknown_topic_is_named_with_the_topics_there_are(run_cli, corpus: Path) -> None:
    result = run_cli(["suggest", "motiv", "--source", "src"], cwd=corpus)
    assert result.exit_code == 2
    assert "no topic 'motiv'" in result.stderr and "did you mean 'motive'" in result.stderr


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("\n", "\r\n"),  # Windows line ends
        lambda t: t.replace("topics:\n", "topics:  # the topics\n"),
        lambda t: t.replace("  other-topic:\n", "  other-topic: \n"),
    ],
)
def test_the_slice_reads_usual_layouts(corpus: Path, change) -> None:
    yaml_path = corpus / "assertions.yaml"
    yaml_path.write_bytes(change(yaml_path.read_text()).encode())
    loaded = load_topic(yaml_path, "motive")
    assert loaded.corpus is not None
    assert [t.id for t in loaded.corpus.topics] == ["motive"]


@pytest.mark.parametrize(
    "yaml_text",
    [
        "version: 2\ntopics: {motive: {title: M}}\n",  # flow style
        "version: 2\ntopics:\n  motive:\n    title: M\n - odd\n",  # a line less indented
        "version: 2\ntopics:\n  motive:\n    title: M\n  motive:\n    title: N\n",  # duplicate
        "version: 2\ntopics:\n  - motive\n",  # a list
        "version: 2\ntopics:\n  motive:\n    title: M\ntopics:\n  x: 1\n",  # two topics: keys
        "version: 2\rtopics:\r  motive:\r    title: M\rvoices:\r  x: {name: X}\r",  # CR only
        "version: 2\ntopics:\n  motive:\n    title: M\n# a\x85voices: {}\n",  # NEL
        'version: 2\ntopics:\n  motive:\n    title: "M\u2028 N"\n',  # line separator
    ],
)
def test_an_unusual_layout_is_not_sliced(yaml_text: str) -> None:
    assert topic_blocks(yaml_text) is None


def test_an_unusual_layout_is_read_whole(run_cli, corpus: Path) -> None:
    yaml_path = corpus / "assertions.yaml"
    text = yaml_path.read_text()
    yaml_path.write_text(
        text.replace(
            "  other-topic:\n", "  other-topic: {title: T,\n   question: Q}\n  ignored:\n", 1
        )
    )
    loaded = load_topic(yaml_path, "motive")
    assert loaded.corpus is not None
    assert len(loaded.corpus.topics) > 1  # read whole: the slice would cut a flow mapping


def test_a_slice_that_does_not_parse_is_read_whole(corpus: Path) -> None:
    """A quoted title whose second line looks like a topic key: cut there, the title would
    never end; the whole file is read instead, and the title is whole."""
    yaml_path = corpus / "assertions.yaml"
    text = yaml_path.read_text().replace(
        "    title: Other topic\n", '    title: "Other topic,\n  in:\n      two parts"\n'
    )
    yaml_path.write_text(text)
    assert [b.topic for b in topic_blocks(text) or []] == ["motive", "other-topic", "in"]
    loaded = load_topic(yaml_path, "other-topic")
    assert loaded.corpus is not None
    assert loaded.corpus.topic("other-topic").title == "Other topic, in: two parts"
    assert loaded.corpus.topic("motive") is not None  # read whole


def test_a_corpus_file_that_is_not_utf8_is_refused_with_its_position(run_cli, corpus: Path) -> None:
    yaml_path = corpus / "assertions.yaml"
    yaml_path.write_bytes(yaml_path.read_bytes().replace(b"title: Src", b"title: Sr\xff"))
    result = run_cli(["suggest", "motive", "--source", "src"], cwd=corpus)
    assert result.exit_code == 2
    assert "assertions.yaml:5:14: not UTF-8" in result.stderr and "not UTF-8" in result.stderr


def test_other_sources_quotes_tell_which_claim_a_sentence_bears_on(run_cli, tmp_path: Path) -> None:
    """The sentence shares no word with either claim; other sources' quotes on 'money' use
    its words: it is put under 'money', and the text says why."""
    write_corpus(
        tmp_path,
        """
        version: 2
        sources:
          new: {outlet: New, title: New, file: seeds/new.txt}
          old: {outlet: Old, title: Old, file: seeds/old.txt}
        topics:
          ties:
            title: Ties
            question: What ties Moscow to Hamas?
            keywords: [Hamas]
            claims:
              money: Moscow pays for it.
              arms: Moscow ships rifles.
            assertions:
              - id: ties-old-money
                source: old
                claim: money
                stance: affirms
                summary: s
                quotes: [Cash transfers through exchange houses reached Hamas]
        """,
        {
            "seeds/new.txt": "New\nThe exchange houses moved cash transfers to Hamas for years.\n",
            "seeds/old.txt": "Old\nCash transfers through exchange houses reached Hamas often.\n",
        },
    )
    result = run_cli(["suggest", "ties", "--source", "new", "-f", "json"], cwd=tmp_path)
    [best] = json.loads(result.stdout)["suggestions"]
    assert best["claim"] == "money"
    assert best["claim_words"] == []
    assert best["evidence_words"] == ["Hamas", "Cash", "transfers", "exchange", "houses"]
    text = run_cli(["suggest", "ties", "--source", "new"], cwd=tmp_path).stdout
    assert (
        "   bears on claim money: shares other sources' quotes on it: Hamas, Cash, transfers, "
        "exchange, houses" in text.splitlines()
    )


def test_term_rarity_is_measured_on_a_sample_spread_over_the_corpus(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from comparator import suggest
    from comparator.loader import load_corpus
    from comparator.texts import read_text

    sources = "".join(f"  s{i}: {{outlet: O, title: T, file: seeds/s{i}.txt}}\n" for i in range(9))
    write_corpus(
        tmp_path,
        "version: 2\nsources:\n" + sources + "topics: {}\n",
        {f"seeds/s{i}.txt": f"Text number {i}.\n" for i in range(9)},
    )
    corpus = load_corpus(tmp_path / "assertions.yaml").corpus
    article = read_text(corpus, corpus.source("s4"))
    monkeypatch.setattr(suggest, "SAMPLE", 4)
    texts = suggest.statistics_sample(corpus, article)
    assert texts == [f"Text number {i}.\n" for i in (4, 0, 3, 7)]


def test_odd_sentences_and_sources_are_said_plainly(run_cli, tmp_path: Path) -> None:
    """A sentence written twice, one sharing only a keyword with the topic, an own quote the
    article does not hold, another source outside the corpus folder (left out of the word
    statistics, not an error here)."""
    write_corpus(
        tmp_path,
        """
        version: 2
        sources:
          src: {outlet: Src, title: Src, file: seeds/src.txt}
          far: {outlet: Far, title: Far, file: ../outside.txt}
        topics:
          grain:
            title: Grain
            question: Does Moscow ship grain?
            keywords: [wheat]
            claims:
              ships: Moscow ships grain to Gaza.
            assertions:
              - id: grain-src-ships
                source: src
                claim: ships
                stance: affirms
                summary: s
                quotes: [a quote this article does not hold at all]
        """,
        {
            "seeds/src.txt": "Src\nMoscow ships grain to Gaza every month now.\n"
            "Farmers in the south harvested much wheat this summer.\n"
            "Moscow ships grain to Gaza every month now.\n"
        },
    )
    (tmp_path.parent / "outside.txt").write_text("Grain grain grain wheat.\n")
    result = run_cli(["suggest", "grain", "--source", "src"], cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert (
        "   src's stance on ships is in grain-src-ships: if this sentence bears it out, add it to "
        "that assertion's quotes; occurs 2 times: lengthen the quote"
    ) in (lines)
    assert "   bears on no claim in particular; other words of the topic: wheat" in lines
    assert (
        "   compare add grain --source src --claim CLAIM --stance STANCE --quote 'Farmers in the "
        "south harvested much wheat this summer.'" in lines
    )
    assert "already quoted" not in result.stdout
    assert result.exit_code == 0


def test_an_unreadable_article_is_a_plain_error(run_cli, corpus: Path) -> None:
    (corpus / "seeds/src.txt").unlink()
    result = run_cli(["suggest", "motive", "--source", "src"], cwd=corpus)
    assert result.exit_code == 2
    assert "the text of source 'src' (seeds/src.txt) cannot be read" in result.stderr
    assert "does not exist" in result.stderr


def test_the_silent_line_names_the_file_when_asked_for_one(run_cli, corpus: Path) -> None:
    (corpus / "seeds/src.txt").write_text("Src\nNothing on the matter is said here at all.\n")
    yaml_path = corpus / "assertions.yaml"
    result = run_cli(["suggest", "motive", "--source", "src", "-a", str(yaml_path), "-f", "json"])
    argv = json.loads(result.stdout)["add_silent"]
    assert argv[-2] == "--assertions" and argv[-1].endswith("assertions.yaml")


@pytest.mark.parametrize(
    ("keyword", "written", "found"),
    [("supplied", "Moscow supplies rifles to the group.", True), ("arms", "It armed them.", False)],
)
def test_the_silent_lint_finds_every_form_of_a_keyword_and_no_other_word(
    run_cli, tmp_path: Path, keyword: str, written: str, found: bool
) -> None:
    """silent-but-mentions shares the stemmer: "supplies" is a form of "supplied" (two steps
    of it: supplies -> supply -> sup), "armed" is not "arms"."""
    write_corpus(
        tmp_path,
        f"""
        version: 2
        sources:
          src: {{outlet: Src, title: Src, file: seeds/src.txt}}
        topics:
          t:
            title: T
            question: Q?
            keywords: [{keyword}]
            claims:
              c: Something.
            silent: [src]
        """,
        {"seeds/src.txt": f"Src\n{written}\n"},
    )
    result = run_cli(["check", "--format", "json"], cwd=tmp_path)
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert ("silent-but-mentions" in rules) is found


def test_a_sentence_bearing_on_two_claims_names_both(run_cli, tmp_path: Path) -> None:
    write_corpus(
        tmp_path,
        """
        version: 2
        sources:
          src: {outlet: Src, title: Src, file: seeds/src.txt}
        topics:
          arms:
            title: Arms
            question: What does Moscow send?
            claims:
              rifles: Moscow sends rifles.
              rockets: Moscow sends rockets.
              money: Moscow sends money.
        """,
        {"seeds/src.txt": "Src\nThis year Moscow sent rockets and also rifles to the group.\n"},
    )
    document = json.loads(
        run_cli(["suggest", "arms", "--source", "src", "-f", "json"], cwd=tmp_path).stdout
    )
    [best] = document["suggestions"]
    assert (best["claim"], best["claim_words"]) == ("rifles", ["Moscow", "rifles"])
    # Not money: "Moscow" alone, a word of every claim, is half of rifles' score, no more.
    assert best["also"] == [
        {"claim": "rockets", "claim_words": ["Moscow", "rockets"], "evidence_words": []}
    ]
    text = run_cli(["suggest", "arms", "--source", "src"], cwd=tmp_path).stdout
    assert (
        "   may also bear on claim rockets: shares Moscow, rockets (the same line with --claim "
        "rockets)" in text.splitlines()
    )
