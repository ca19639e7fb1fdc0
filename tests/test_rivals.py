"""Rival answers (issue 13, DESIGN "Version 2"): a topic's ``rivals`` groups claims that answer
its question in ways that exclude each other; two sources whose own voices give different
answers of one group are rivals. The rule as a table of cases, two properties, and what the
user sees in every command and format."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.compare import compare_topic, outlet_pairs
from comparator.models import (
    Assertion,
    Claim,
    Corpus,
    Location,
    RivalGroup,
    Source,
    Stance,
    Topic,
    Verdict,
)
from tests.conftest import write_corpus

A, S, N, D, X = (Stance.AFFIRMS, Stance.SUGGESTS, Stance.NEUTRAL, Stance.DOUBTS, Stance.DENIES)
#: A position with reports only and no stance of its own (the voices issue makes an
#: assertion's stance optional); it must take part in no rival relation.
REPORTS_ONLY = cast(Stance, None)
HERE = Location("a.yaml", 1, 1)
CLAIMS = ("status", "spoiler", "distract")
SOURCES = ("east", "west", "north")


def _corpus(
    stances: dict[tuple[str, str], Stance | None],
    rivals: tuple[tuple[str, ...], ...] = (("status", "spoiler"),),
    outlets: dict[str, str] | None = None,
) -> tuple[Corpus, Topic]:
    """A corpus of one topic: ``stances`` maps (source, claim) to the source's own stance."""
    outlets = outlets or {}
    sources = tuple(
        Source(s, outlets.get(s, s.title()), s, f"{s}.txt", HERE)
        for s in dict.fromkeys(s for s, _ in stances)
    )
    assertions = tuple(
        Assertion(f"{s}-{c}", "motive", s, c, cast(Stance, stance), "summary", (), HERE)
        for (s, c), stance in stances.items()
    )
    topic = Topic(
        "motive",
        "Why",
        "What does Moscow want?",
        HERE,
        claims=tuple(Claim(c, c, HERE) for c in CLAIMS),
        assertions=assertions,
        rivals=tuple(RivalGroup(group, HERE) for group in rivals),
    )
    return Corpus(Path("a.yaml"), Path("."), "2", sources, (topic,)), topic


def _rivals(stances: dict[tuple[str, str], Stance | None], **kw: Any) -> set[tuple[str, ...]]:
    corpus, topic = _corpus(stances, **kw)
    comparison = compare_topic(corpus, topic, {})
    return {(r.a, r.claims[0], r.b, r.claims[1]) for r in comparison.rivals}


RIVAL_CASES = [
    # each affirms its own answer: rivals
    ("affirms/affirms", {("east", "status"): A, ("west", "spoiler"): A}, True),
    # a hedged answer is still an answer
    ("affirms/suggests", {("east", "status"): A, ("west", "spoiler"): S}, True),
    ("suggests/suggests", {("east", "status"): S, ("west", "spoiler"): S}, True),
    # one that gives both answers holds them compatible: nobody's rival on them
    (
        "affirms both",
        {("east", "status"): A, ("west", "spoiler"): A, ("west", "status"): A},
        False,
    ),
    (
        "suggests the other's",
        {("east", "status"): A, ("west", "spoiler"): A, ("west", "status"): S},
        False,
    ),
    # doubting or denying an answer is not giving another one
    ("doubts", {("east", "status"): A, ("west", "spoiler"): D}, False),
    ("denies", {("east", "status"): A, ("west", "spoiler"): X}, False),
    # neither is neutral
    ("neutral", {("east", "status"): A, ("west", "spoiler"): N}, False),
    # a position with reports only takes part in no relation
    ("reports-only", {("east", "status"): A, ("west", "spoiler"): REPORTS_ONLY}, False),
    (
        "reports-only both",
        {("east", "status"): REPORTS_ONLY, ("west", "spoiler"): REPORTS_ONLY},
        False,
    ),
    # the same answer is agreement, not rivalry
    ("same claim", {("east", "status"): A, ("west", "status"): A}, False),
    # claims outside the group are not answers of it
    ("outside the group", {("east", "status"): A, ("west", "distract"): A}, False),
]


@pytest.mark.parametrize(
    ("stances", "rivals"), [c[1:] for c in RIVAL_CASES], ids=[c[0] for c in RIVAL_CASES]
)
def test_rival_relation_cases(stances: dict[tuple[str, str], Stance], rivals: bool) -> None:
    expected = {("east", "status", "west", "spoiler")} if rivals else set()
    assert _rivals(stances) == expected


def test_a_rival_pair_makes_both_claims_contested_and_nothing_else() -> None:
    corpus, topic = _corpus(
        {("east", "status"): A, ("west", "spoiler"): A, ("north", "distract"): A}
    )
    comparison = compare_topic(corpus, topic, {})
    verdicts = {c.claim.id: c.verdict for c in comparison.claims}
    assert verdicts == {
        "status": Verdict.CONTESTED,
        "spoiler": Verdict.CONTESTED,
        "distract": Verdict.SINGLE_SOURCE,
    }


def test_a_three_claim_group_pairs_every_two_answers() -> None:
    found = _rivals(
        {("east", "status"): A, ("west", "spoiler"): S, ("north", "distract"): A},
        rivals=(CLAIMS,),
    )
    assert found == {
        ("east", "status", "west", "spoiler"),
        ("east", "status", "north", "distract"),
        ("west", "spoiler", "north", "distract"),
    }


def test_two_articles_of_one_outlet_are_rivals_inside_it_and_count_on_the_diagonal() -> None:
    corpus, topic = _corpus(
        {("east", "status"): A, ("west", "spoiler"): A}, outlets={"east": "Both", "west": "Both"}
    )
    comparison = compare_topic(corpus, topic, {})
    [pair] = comparison.rivals
    assert pair.same_outlet
    [row] = outlet_pairs([comparison])
    assert (row.a, row.b, row.contradict, row.rival) == ("Both", "Both", 1, 1)


STANCE_OR_NONE = st.sampled_from([A, S, N, D, X, None])


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {(s, c): STANCE_OR_NONE for s in SOURCES for c in CLAIMS},
    ),
    # a group of one claim cannot be written (check refuses it), but the core must treat it
    # as no group at all
    st.sampled_from([("status",), ("status", "spoiler"), ("spoiler", "distract"), CLAIMS]),
    st.booleans(),
)
def test_a_rival_group_never_changes_a_relation_on_one_claim(
    table: dict[tuple[str, str], Stance | None], group: tuple[str, ...], shared: bool
) -> None:
    """With or without the group, every pair of positions on one claim relates the same way;
    and a group on whose claims no two sources split changes nothing at all."""
    stances = {k: v for k, v in table.items() if v is not None}
    if not stances:
        return
    outlets = {"east": "Both", "west": "Both"} if shared else None
    corpus, topic = _corpus(stances, rivals=(group,), outlets=outlets)
    plain = compare_topic(corpus, replace(topic, rivals=()), {})
    grouped = compare_topic(corpus, topic, {})
    for before, after in zip(plain.claims, grouped.claims, strict=True):
        assert before.pairs == after.pairs
        assert before.relations == after.relations
        assert len(before.contradictions) == len(after.contradictions)
        rival = any(r.involves(after.claim.id) for r in grouped.rivals)
        assert after.verdict is (Verdict.CONTESTED if rival else before.verdict)
    if len(group) == 1:
        assert not grouped.rivals
    # what is counted without building a pair is what the pairs, once built, say
    built = tuple(grouped.rivals)
    assert len(grouped.rivals) == len(built) == len(set(built))
    for claim in grouped.claims:
        mine = [r for r in built if r.involves(claim.claim.id)]
        assert len(claim.rivals) == len(mine) == len(tuple(claim.rivals))
        on_side = {r.a if r.claims[0] == claim.claim.id else r.b for r in mine}
        assert claim.rival_sources == on_side
    by_outlets: dict[frozenset[str], int] = {}
    for r in built:
        key = frozenset((r.first.outlet, r.second.outlet))
        by_outlets[key] = by_outlets.get(key, 0) + 1
    tallied = {frozenset((t.a, t.b)): t.rival for t in outlet_pairs([grouped]) if t.rival}
    assert tallied == by_outlets
    if not grouped.rivals:
        assert [c.verdict for c in plain.claims] == [c.verdict for c in grouped.claims]
        assert outlet_pairs([plain]) == outlet_pairs([grouped])


# --------------------------------------------------------------------------- the commands

CORPUS = """
    version: 2
    sources:
      east:
        outlet: East
        title: Status
        file: seeds/east.txt
      west:
        outlet: West
        title: Spoiler
        file: seeds/west.txt
      north:
        outlet: North
        title: Both
        file: seeds/north.txt
      south:
        outlet: South
        title: Neither
        file: seeds/south.txt
    topics:
      motive:
        title: Why Moscow engages Hamas
        question: What does Moscow want from its relationship with Hamas?
        claims:
          status: Moscow's goal is status as a friend of the Global South.
          spoiler: Moscow's goal is to weaken the US-led order and its allies.
        rivals:
          - [status, spoiler]
        assertions:
          - id: east-status
            source: east
            claim: status
            stance: affirms
            summary: Status, not chaos.
            quotes: [Moscow's goal is to cement its status as a friend of the Global South]
          - id: west-spoiler
            source: west
            claim: spoiler
            stance: affirms
            summary: To weaken the order.
            quotes: [The Kremlin courts Hamas to weaken the US-led order and its allies]
          - id: north-status
            source: north
            claim: status
            stance: affirms
            summary: Both.
            quotes: [Moscow seeks status in the Global South]
          - id: north-spoiler
            source: north
            claim: spoiler
            stance: suggests
            summary: Both.
            quotes: [while it works to weaken the US-led order]
          - id: south-status
            source: south
            claim: status
            stance: doubts
            summary: Doubts it.
            quotes: [It is far from clear that status is what Moscow seeks here]
"""
TEXTS = {
    "seeds/east.txt": "Some might see chaos. In fact, Moscow's goal is to cement its status as "
    "a friend of the Global South.\n",
    "seeds/west.txt": "The Kremlin courts Hamas to weaken the US-led order and its allies.\n",
    "seeds/north.txt": "Moscow seeks status in the Global South while it works to weaken the "
    "US-led order.\n",
    "seeds/south.txt": "It is far from clear that status is what Moscow seeks here.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write_corpus(tmp_path, CORPUS, TEXTS)
    return tmp_path


def test_compare_topic_text_shows_the_answers_and_the_rival_pair(run_cli, corpus: Path) -> None:
    result = run_cli(["motive", "--format", "text"], cwd=corpus, width=200)
    assert result.exit_code == 0
    out = result.stdout
    answers = out.index("answers (rival claims: status, spoiler): ")
    assert answers < out.index("status  Moscow's goal")  # before the claims
    assert "East: status; West: spoiler; North: status, spoiler (suggests)" in out
    assert "none of these answers: South" in out
    # the group's rivals by outlet, with the count; each claim's rival line the same way
    assert "  ≠ rival, 1 pair: East: status vs West: spoiler\n" in out
    assert "≠ rival, 1 pair: East: status (affirms) vs West: spoiler (affirms)\n" in out
    assert "sources give rival answers (1 rival answer)" in out
    assert "    East: status (affirms) vs West: spoiler (affirms)" not in out  # pairs on demand
    paired = run_cli(["motive", "--pairs"], cwd=corpus, width=200).stdout
    assert paired.count("    East: status (affirms) vs West: spoiler (affirms)\n") == 3
    assert out.count("verdict: contested") == 2


def test_compare_topic_markdown_shows_the_answers(run_cli, corpus: Path) -> None:
    result = run_cli(["motive", "--format", "markdown"], cwd=corpus)
    assert result.exit_code == 0
    assert (
        "**Answers** (rival claims `status`, `spoiler`): East: status; West: spoiler; "
        "North: status, spoiler (suggests)" in result.stdout
    )
    assert "≠ rival, 1 pair: East: status vs West: spoiler" in result.stdout
    assert "- ≠ rival, 1 pair: East: status (affirms) vs West: spoiler (affirms)" in result.stdout
    assert "  - East: status (affirms) vs West: spoiler (affirms)" not in result.stdout
    paired = run_cli(["motive", "--format", "markdown", "--pairs"], cwd=corpus).stdout
    assert paired.count("  - East: status (affirms) vs West: spoiler (affirms)\n") == 2
    assert "West: spoiler  \n≠ East: status (affirms) vs West: spoiler (affirms)\n" in paired


def test_compare_topic_json_lists_rivals_answers_and_rival_relations(run_cli, corpus: Path) -> None:
    result = run_cli(["motive", "--format", "json"], cwd=corpus)
    assert result.exit_code == 0
    [topic] = json.loads(result.stdout)
    assert topic["rivals"] == [["status", "spoiler"]]
    [group] = topic["answers"]
    assert [(a["source"], [g["claim"] for g in a["claims"]]) for a in group["answers"]] == [
        ("east", ["status"]),
        ("west", ["spoiler"]),
        ("north", ["status", "spoiler"]),
    ]
    assert group["unanswered"] == ["south"]
    assert group["rivals"] == [{"a": "east", "b": "west", "claims": ["status", "spoiler"]}]
    for claim in topic["claims"]:
        assert claim["verdict"] == "contested"
        rivals = [r for r in claim["relations"] if r["relation"] == "rival"]
        assert rivals == [
            {
                "a": "east",
                "b": "west",
                "relation": "rival",
                "same_outlet": False,
                "claims": ["status", "spoiler"],
            }
        ]


def test_report_has_the_rival_answers_in_its_headlines(run_cli, corpus: Path) -> None:
    result = run_cli(["report"], cwd=corpus)
    assert result.exit_code == 0
    out = result.stdout
    headlines = out[out.index("## Headline contradictions") : out.index("## Why Moscow")]
    assert "1 question on which sources give rival answers" in headlines
    assert "East: `status` **vs** West: `spoiler` (1 pair of articles)" in headlines
    # the doubting South contradicts East and North on status, as before
    assert "South (✘ doubts)" in headlines
    topic = out[out.index("## Why Moscow") :]
    assert "**Answers** (rival claims `status`, `spoiler`): East: status; West: spoiler" in topic
    data = json.loads(run_cli(["report", "--format", "json"], cwd=corpus).stdout)
    [rival] = data["rival_answers"]
    assert rival["topic"] == "motive"
    assert rival["rivals"] == [{"a": "east", "b": "west", "claims": ["status", "spoiler"]}]


def test_matrix_counts_a_rival_pair_as_a_contradiction(run_cli, corpus: Path) -> None:
    data = json.loads(run_cli(["matrix", "--format", "json"], cwd=corpus).stdout)
    pairs = {(p["a"], p["b"]): p for p in data["pairs"]}
    assert (pairs[("East", "West")]["contradict"], pairs[("East", "West")]["rival"]) == (1, 1)
    # North gives both answers: agrees with each, rival of neither
    assert (pairs[("West", "North")]["contradict"], pairs[("West", "North")]["rival"]) == (0, 0)
    text = run_cli(["matrix", "--format", "text"], cwd=corpus, width=200).stdout
    assert "Contradictions include 1 pair of articles giving rival answers" in text
    markdown = run_cli(["matrix", "--format", "markdown"], cwd=corpus).stdout
    assert "Contradictions include 1 pair of articles giving rival answers" in markdown


def test_diff_shows_rival_answers(run_cli, corpus: Path) -> None:
    result = run_cli(["diff", "West", "East", "--format", "text"], cwd=corpus, width=200)
    assert result.exit_code == 0
    out = result.stdout
    assert "both address 0 claims; 1 pair of rival answers" in out
    rivals = out[out.index("Rival answers") :]
    # the first party's answer first
    assert rivals.index("West ✔✔ affirms spoiler:") < rivals.index("East ✔✔ affirms status:")
    data = json.loads(run_cli(["diff", "West", "East", "--format", "json"], cwd=corpus).stdout)
    [rival] = data["rivals"]
    assert (rival["relation"], rival["claims"]) == ("rival", ["spoiler", "status"])
    assert (rival["a"]["source"], rival["b"]["source"]) == ("west", "east")
    markdown = run_cli(["diff", "West", "East", "--format", "markdown"], cwd=corpus).stdout
    assert "## Rival answers" in markdown
    assert "| `spoiler` ✔✔ affirms |" in markdown
    # no rivals between parties that agree: no section
    agree = run_cli(["diff", "East", "North"], cwd=corpus, width=200).stdout
    assert "Rival answers" not in agree


def test_topics_counts_rival_claims_as_contested(run_cli, corpus: Path) -> None:
    data = json.loads(run_cli(["topics", "--format", "json"], cwd=corpus).stdout)
    [topic] = data if isinstance(data, list) else data["topics"]
    assert topic["verdicts"]["contested"] == 2


# --------------------------------------------------------------------------- check


def _check(run_cli, folder: Path, yaml_text: str) -> Any:
    write_corpus(folder, yaml_text, TEXTS)
    return run_cli(["check"], cwd=folder)


def test_rival_unread_is_an_info_finding_on_the_answer(run_cli, corpus: Path) -> None:
    result = run_cli(["check", "--fail-level", "info"], cwd=corpus)
    found = [line for line in result.stdout.splitlines() if "rival-unread" in line]
    assert found == [
        "assertions.yaml:29:9: info rival-unread source 'east' gives 'status' as an answer to "
        "topic 'motive' but has no position on the rival answer 'spoiler'; it was read for the "
        "question, so its view on it is probably in the text: add a position (neutral if it "
        "weighs both), or an ignore entry saying why not",
        "assertions.yaml:35:9: info rival-unread source 'west' gives 'spoiler' as an answer to "
        "topic 'motive' but has no position on the rival answer 'status'; it was read for the "
        "question, so its view on it is probably in the text: add a position (neutral if it "
        "weighs both), or an ignore entry saying why not",
    ]
    assert result.exit_code == 1  # at --fail-level info
    assert run_cli(["check"], cwd=corpus).exit_code == 0


def test_rival_unread_ignores_a_source_that_gives_no_answer(run_cli, tmp_path: Path) -> None:
    # South only doubts status: it answers nothing, so nothing is asked of it
    result = _check(run_cli, tmp_path, CORPUS)
    assert "source 'south'" not in result.stdout


def test_rival_unread_can_be_ignored_with_a_reason(run_cli, tmp_path: Path) -> None:
    text = CORPUS.replace(
        "summary: Status, not chaos.",
        "summary: Status, not chaos.\n"
        "            ignore:\n"
        "              - rule: rival-unread\n"
        "                reason: It never mentions the US-led order.",
    )
    result = _check(run_cli, tmp_path, text)
    assert "source 'east'" not in result.stdout
    assert "source 'west'" in result.stdout
    assert "1 suppressed by ignore" in result.stdout


def _with_rivals(rivals: str, version: str = "2") -> str:
    return CORPUS.replace("version: 2", f"version: {version}").replace(
        "        rivals:\n          - [status, spoiler]\n", rivals
    )


RIVAL_ERRORS = [
    (
        "unknown claim",
        "        rivals:\n          - [status, spoilr]\n",
        "assertions.yaml:27:18: error unknown-claim a rival group of topic 'motive' names claim "
        "'spoilr', which the topic does not define; did you mean 'spoiler'?",
    ),
    (
        "one claim",
        "        rivals:\n          - [status]\n",
        "assertions.yaml:27:9: error schema topic 'motive': a rival group needs at least two "
        "claims (answers that exclude each other); it has 1",
    ),
    (
        "twice in a group",
        "        rivals:\n          - [status, status, spoiler]\n",
        "assertions.yaml:27:18: error schema topic 'motive': claim 'status' is twice in one "
        "rival group",
    ),
    (
        "in two groups",
        "        rivals:\n          - [status, spoiler]\n          - [spoiler, status]\n",
        "assertions.yaml:28:10: error schema topic 'motive': claim 'spoiler' is already in the "
        "rival group at line 27; a claim belongs to one group (merge the groups if all their "
        "answers exclude each other)",
    ),
    (
        "not a list",
        "        rivals: status\n",
        "assertions.yaml:26:13: error schema topic 'motive': rivals must be a list of groups of "
        "claim ids, e.g. '- [status, spoiler]', not the string 'status'",
    ),
    (
        "a claim not a string",
        "        rivals:\n          - [[status], spoiler]\n",
        "assertions.yaml:27:10: error schema topic 'motive': each claim of a rival group must be "
        "a string, not a list",
    ),
    (
        "a group not a list",
        "        rivals:\n          - status\n",
        "assertions.yaml:27:9: error schema topic 'motive': each rival group must be a list of "
        "claim ids, e.g. [status, spoiler], not the string 'status'",
    ),
]


@pytest.mark.parametrize(
    ("rivals", "expected"), [c[1:] for c in RIVAL_ERRORS], ids=[c[0] for c in RIVAL_ERRORS]
)
def test_bad_rival_groups_are_findings_with_their_place(
    run_cli, tmp_path: Path, rivals: str, expected: str
) -> None:
    result = _check(run_cli, tmp_path, _with_rivals(rivals))
    assert expected in result.stdout.splitlines()
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout
    # a view refuses the corpus, with exit 2
    assert run_cli(["motive"], cwd=tmp_path).exit_code == 2


def test_rivals_need_version_2(run_cli, tmp_path: Path) -> None:
    result = _check(
        run_cli, tmp_path, _with_rivals("        rivals:\n          - [status, spoiler]\n", "1")
    )
    assert (
        "assertions.yaml:27:7: error schema topic 'motive': rivals needs version 2; write "
        "'version: 2' at the top of the file" in result.stdout.splitlines()
    )
    assert result.exit_code == 1


def test_an_empty_rivals_declares_none(run_cli, tmp_path: Path) -> None:
    result = _check(run_cli, tmp_path, _with_rivals("        rivals:\n"))
    assert "error" not in result.stdout.replace("0 errors", "")
    assert result.exit_code == 0
    assert "answers (" not in run_cli(["motive"], cwd=tmp_path).stdout


def test_version_2_is_read_quoted_or_not(run_cli, tmp_path: Path) -> None:
    result = _check(run_cli, tmp_path, CORPUS.replace("version: 2", 'version: "2"'))
    assert "schema" not in result.stdout
    assert result.exit_code == 0
