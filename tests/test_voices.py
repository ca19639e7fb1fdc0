"""Voices (issue 12): articles are compared by their own voice only; what they report in
someone else's voice is shown beside the position, never counted as the outlet's view.

Tables of relations and verdicts with reports present, the property that reports never change
a relation, verdict or count, and ``compare voices`` in every format.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.compare import compare_all, tally_pairs
from comparator.diffing import diff_parties
from comparator.models import (
    Assertion,
    Claim,
    Corpus,
    Location,
    Party,
    PartyKind,
    QuoteRef,
    Relation,
    Report,
    Source,
    Stance,
    Topic,
    Treatment,
    Verdict,
    Voice,
)
from comparator.views.listing import build_sources, build_topics
from tests.conftest import ROOT

MINI = ROOT / "tests" / "fixtures" / "mini"
HERE = Location("a.yaml", 1, 1)
A, S, N, D, X = (Stance.AFFIRMS, Stance.SUGGESTS, Stance.NEUTRAL, Stance.DOUBTS, Stance.DENIES)
SOURCES = tuple(Source(f"s{i}", f"O{i % 3}", "T", f"s{i}.txt", HERE) for i in range(5))
VOICES = (Voice("v0", "Voice Zero", HERE), Voice("v1", "Voice One", HERE))


def _report(stance: Stance, treatment: Treatment = Treatment.RELAYS, voice: str = "v0") -> Report:
    return Report(voice, stance, treatment, (QuoteRef("a reported claim in words", HERE),), HERE)


def _corpus(positions: dict[str, tuple[Stance | None, tuple[Report, ...]]]) -> Corpus:
    """One topic, one claim, a position per source: (own stance or None, reports)."""
    assertions = tuple(
        Assertion(
            f"a-{sid}",
            "t",
            sid,
            "c",
            stance,
            "summary",
            (QuoteRef("the article's own words here", HERE),) if stance is not None else (),
            HERE,
            reports=reports,
        )
        for sid, (stance, reports) in positions.items()
    )
    topic = Topic("t", "T", "Q?", HERE, claims=(Claim("c", "C.", HERE),), assertions=assertions)
    return Corpus(Path("a.yaml"), Path("."), "2", SOURCES, (topic,), "a.yaml", VOICES)


def _claim(positions: dict[str, tuple[Stance | None, tuple[Report, ...]]]) -> Any:
    [comparison] = compare_all(_corpus(positions), {})
    return comparison.claims[0]


# ------------------------------------------------------------------------ tables

#: (own stances by source with reports beside them, the verdict, the relation of s0 and s1)
CASES = [
    # a reported voice of the other side never makes a contradiction
    ({"s0": (D, ()), "s1": (None, (_report(A),))}, Verdict.SINGLE_SOURCE, Relation.ONE_SIDED),
    ({"s0": (D, ()), "s1": (N, (_report(A, Treatment.QUESTIONS),))}, Verdict.MIXED,
     Relation.DIVERGE),
    ({"s0": (D, (_report(A),)), "s1": (X, (_report(A),))}, Verdict.CONSENSUS,
     Relation.AGREE_DIFFERENT_CERTAINTY),
    # an endorsed report is still not the article's stance: only the own one counts
    ({"s0": (A, ()), "s1": (D, (_report(A, Treatment.ENDORSES),))}, Verdict.CONTESTED,
     Relation.CONTRADICT),
    # reports only, everywhere: nobody takes a position
    ({"s0": (None, (_report(A),)), "s1": (None, (_report(X),))}, Verdict.UNADDRESSED,
     Relation.ONE_SIDED),
]  # fmt: skip


@pytest.mark.parametrize(("positions", "verdict", "relation"), CASES)
def test_relations_and_verdicts_read_the_own_voice_only(
    positions: dict[str, tuple[Stance | None, tuple[Report, ...]]],
    verdict: Verdict,
    relation: Relation,
) -> None:
    claim = _claim(positions)
    assert claim.verdict is verdict
    pairs = {frozenset((r.a, r.b)): r.relation for r in claim.relations}
    assert pairs.get(frozenset(("s0", "s1")), Relation.ONE_SIDED) is relation
    # every position is still there to be shown, reports and all
    assert [p.source.id for p in claim.positions] == list(positions)
    for p in claim.positions:
        assert [r.report for r in p.reports] == list(positions[p.source.id][1])


def test_a_reports_only_position_is_no_side_in_any_count() -> None:
    claim = _claim({"s0": (A, ()), "s1": (None, (_report(X),)), "s3": (D, ())})
    assert len(claim.contradictions) == 1
    assert len(claim.divergences) == 0
    assert [p.source.id for p, _ in claim.own] == ["s0", "s3"]
    assert not any(r.a == "s1" for r in claim.relations)


# ------------------------------------------------------------------------ the property

_STANCE = st.sampled_from(list(Stance))
_REPORTS = st.lists(
    st.builds(
        _report, _STANCE, st.sampled_from(list(Treatment)), st.sampled_from(["v0", "v1", "nobody"])
    ),
    max_size=3,
).map(tuple)
_OWN = st.one_of(st.none(), _STANCE)


def _everything(corpus: Corpus) -> tuple[Any, ...]:
    """Every relation, verdict and count any view shows, as plain values."""
    comparisons = compare_all(corpus, {})
    claims = [c for t in comparisons for c in t.claims]
    diff = diff_parties(
        comparisons,
        Party("O0", PartyKind.OUTLET, ("s0", "s3")),
        Party("O1", PartyKind.OUTLET, ("s1", "s4")),
    )
    topics = build_topics(comparisons, corpus.sources)
    sources = build_sources(comparisons, corpus.sources, corpus.outlets)
    return (
        [(c.verdict, c.relations, len(c.contradictions), len(c.divergences)) for c in claims],
        sorted((k, v) for k, v in tally_pairs(comparisons).items()),
        [(line.claims and [(c.verdict, c.positions) for c in line.claims], line.groups,
          line.verdicts) for line in topics.topics],
        [(line.source.id, line.positions, line.topics) for line in sources.sources],
        [(d.claim.id, [p.relation for p in d.pairs]) for d in diff.shared],
        [(o.claim.id, len(o.positions)) for o in diff.only_a + diff.only_b],
    )  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([s.id for s in SOURCES]), st.tuples(_OWN, _REPORTS, _REPORTS), min_size=1
    )
)
def test_adding_removing_or_changing_reports_changes_no_relation_verdict_or_count(
    drawn: dict[str, tuple[Stance | None, tuple[Report, ...], tuple[Report, ...]]],
) -> None:
    before = _corpus({sid: (own, first) for sid, (own, first, _) in drawn.items()})
    after = _corpus({sid: (own, second) for sid, (own, _, second) in drawn.items()})
    stripped = _corpus({sid: (own, ()) for sid, (own, _, _) in drawn.items()})
    assert _everything(before) == _everything(after) == _everything(stripped)


def test_the_property_would_see_a_report_counted_as_a_stance() -> None:
    """The property's yardstick is sharp: reading a report as the stance changes the verdict."""
    own = _corpus({"s0": (D, ()), "s1": (None, (_report(A),))})
    misread = _corpus({"s0": (D, ()), "s1": (A, ())})
    assert _everything(own) != _everything(misread)


# ------------------------------------------------------------------------ compare voices


def test_voices_text_lists_each_voice_with_article_treatment_and_own_stance(run_cli) -> None:
    result = run_cli(["voices", "-a", str(MINI)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("israeli-officials · Israeli officials") < out.index(
        "hamas-officials · Hamas officials (group)"
    )
    assert "endorsed by South" in out and "questioned by East/east-two" in out
    assert (
        "East/east-two ↳ ✔✔ affirms (the article questions it); its own stance: no own position "
        "(reports only)" in " ".join(out.split())
    )
    assert "seeds/east-review-2.txt:6" in out


def test_voices_names_one_voice_and_suggests_for_a_typo(run_cli) -> None:
    one = run_cli(["voices", "hamas-officials", "-a", str(MINI)])
    assert one.exit_code == 0
    assert "Hamas officials" in one.stdout and "Israeli officials" not in one.stdout
    typo = run_cli(["voices", "hamas-oficials", "-a", str(MINI)])
    assert typo.exit_code == 2
    assert "no voice 'hamas-oficials'" in typo.output
    assert "did you mean 'hamas-officials'?" in typo.output
    assert "Traceback" not in typo.output


def test_voices_markdown_keeps_the_voice_s_stance_apart_from_the_article_s(run_cli) -> None:
    result = run_cli(["voices", "-a", str(MINI), "--format", "markdown"])
    assert result.exit_code == 0
    out = result.stdout
    assert "## Israeli officials (`israeli-officials`)" in out
    assert (
        "| weapons | `indirect-arms` | East/east-two | ↳ ✔✔ affirms | questions | no own position "
        "(reports only) |" in out
    )
    assert "| Topic | Claim | Article | Voice's stance | Treatment | Article's own stance |" in out


def test_voices_json_for_scripts(run_cli) -> None:
    result = run_cli(["voices", "-a", str(MINI), "--format", "json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert [v["voice"] for v in document] == ["israeli-officials", "hamas-officials"]
    israeli = document[0]
    assert (israeli["kind"], israeli["treatments"], israeli["divided"]) == (
        "government",
        {"endorses": ["South"]},
        False,
    )
    [report] = israeli["reports"]
    assert {k: v for k, v in report.items() if k != "quotes"} == {
        "topic": "weapons",
        "claim": "indirect-arms",
        "source": "south",
        "outlet": "South",
        "stance": "affirms",
        "score": 2,
        "treatment": "endorses",
        "own_stance": "affirms",
    }
    assert report["quotes"][0]["line"] == 4


def test_outlets_that_treat_one_voice_differently_are_a_finding(run_cli, tmp_path: Path) -> None:
    from tests.conftest import write_corpus

    write_corpus(
        tmp_path,
        """
        version: 2
        sources:
          a: {outlet: A, title: T, file: a.txt}
          b: {outlet: B, title: T, file: b.txt}
        voices:
          kyiv: {name: Ukrainian intelligence, kind: government}
        topics:
          t:
            title: T
            question: Q?
            claims: {c: Russia arms Hamas.}
            assertions:
              - id: t-a
                source: a
                claim: c
                summary: Believes Kyiv.
                reports:
                  - {voice: kyiv, stance: affirms, treatment: endorses,
                     quotes: [Ukrainian intelligence says that Russia arms Hamas]}
              - id: t-b
                source: b
                claim: c
                stance: doubts
                summary: Doubts Kyiv.
                quotes: [but nobody has seen any proof of it]
                reports:
                  - {voice: kyiv, stance: affirms, treatment: questions,
                     quotes: [Ukrainian intelligence says that Russia arms Hamas]}
        """,
        {
            "a.txt": "Ukrainian intelligence says that Russia arms Hamas, and it is right.\n",
            "b.txt": "Ukrainian intelligence says that Russia arms Hamas, but nobody has seen any "
            "proof of it.\n",
        },
    )
    assert run_cli(["check", "--fail-level", "warning"], cwd=tmp_path).exit_code == 0
    [voice] = json.loads(run_cli(["voices", "-f", "json"], cwd=tmp_path).stdout)
    assert voice["divided"] is True
    assert voice["treatments"] == {"endorses": ["A"], "questions": ["B"]}
    text = run_cli(["voices"], cwd=tmp_path).stdout
    assert "outlets differ: some endorse it, others question it" in text
    # and it is no contradiction: A takes no position of its own
    [topic] = json.loads(run_cli(["t", "-f", "json"], cwd=tmp_path).stdout)
    assert topic["claims"][0]["verdict"] == "single-source"


def test_voices_is_a_command_not_a_topic_id(run_cli, tmp_path: Path) -> None:
    from tests.conftest import write_corpus

    write_corpus(
        tmp_path,
        """
        version: 2
        sources: {}
        topics:
          voices: {title: T, question: Q?, claims: {c: C.}}
        """,
    )
    result = run_cli(["check"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "topic id 'voices' is a command name" in result.stdout


def test_a_report_s_quote_is_checked_like_every_quote(run_cli, tmp_path: Path) -> None:
    """Report quotes are anchored like every quote: a wrong one is quote-not-found at its line."""
    from tests.conftest import write_corpus

    write_corpus(
        tmp_path,
        """
        version: 2
        sources:
          a: {outlet: A, title: T, file: a.txt}
        voices:
          kyiv: {name: Ukrainian intelligence}
        topics:
          t:
            title: T
            question: Q?
            claims: {c: Russia arms Hamas.}
            assertions:
              - id: t-a
                source: a
                claim: c
                summary: Relays Kyiv.
                reports:
                  - voice: kyiv
                    stance: affirms
                    treatment: relays
                    quotes:
                      - Ukrainian intelligence says Russia arms Hamas every week
        """,
        {"a.txt": "Ukrainian intelligence says that Russia arms Hamas.\n"},
    )
    result = run_cli(["check"], cwd=tmp_path)
    assert result.exit_code == 1
    assert (
        "assertions.yaml:21:17: error quote-not-found quote of assertion 't-a' (report by "
        "'kyiv') is not in a.txt" in result.stdout
    )


def test_replace_keeps_reports_apart_from_quotes() -> None:
    """The keys of an assertion's quotes: its own first, then each report's, never mixed."""
    a = Assertion("x", "t", "s0", "c", A, "s", (QuoteRef("own words", HERE),), HERE)
    a = replace(a, reports=(_report(D), _report(X)))
    assert [(k.index, k.report) for k, _ in a.quoted()] == [(0, -1), (0, 0), (0, 1)]


def test_diff_shows_reports_beside_the_positions_never_as_a_side(run_cli) -> None:
    text = run_cli(["diff", "South", "East", "-a", str(MINI)]).stdout
    flat = " ".join(text.split())
    assert "South ↳ ✔✔ affirms per Israeli officials (reported; the article endorses it)" in flat
    assert "East/east-two: only reports others, no position of its own" in flat
    markdown = run_cli(["diff", "South", "East", "-a", str(MINI), "-f", "markdown"]).stdout
    assert "_↳ ✔✔ affirms per Israeli officials (reported; the article endorses it)_" in markdown
    document = json.loads(run_cli(["diff", "South", "East", "-a", str(MINI), "-f", "json"]).stdout)
    assert set(document) >= {"shared", "only_a", "only_b"}  # reports ride on each position
    reports = [
        r["voice"]
        for section in document.values()
        if isinstance(section, list)
        for item in section
        if isinstance(item, dict)
        for side in ("a", "b", "positions")
        for p in item.get(side, [])
        if isinstance(p, dict)
        for r in p.get("reports", [])
    ]
    assert "israeli-officials" in reports


def test_the_legend_explains_the_reported_mark_only_where_it_is_used(run_cli) -> None:
    with_reports = run_cli(["weapons", "-a", str(MINI), "-f", "markdown"]).stdout
    assert "↳ a voice the article reports, not its own" in with_reports
    without = run_cli(["motive", "-a", str(MINI)]).stdout
    assert "↳" not in without


def test_a_report_by_an_unregistered_voice_stops_the_views(run_cli, tmp_path: Path) -> None:
    """An unknown voice id is a broken reference, as an unknown source is: no view shows the
    raw id as if it were a voice, and ``compare voices`` never says nobody is reported."""
    import shutil

    corpus = tmp_path / "mini"
    shutil.copytree(MINI, corpus)
    yaml_path = corpus / "assertions.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    assert "voice: israeli-officials" in text
    yaml_path.write_text(text.replace("voice: israeli-officials", "voice: nobody", 1))
    for args in (["voices"], ["weapons"], ["report"]):
        result = run_cli(args, cwd=corpus)
        assert result.exit_code == 2, (args, result.output)
        assert "unknown-voice" in result.stderr and "nobody" in result.stderr


def test_the_voices_text_wraps_within_the_width_without_trailing_spaces(run_cli) -> None:
    result = run_cli(["voices"], cwd=ROOT, width=60)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines and all(len(line) <= 60 and line == line.rstrip() for line in lines)
