"""The headline of the seed corpus, pinned: who agrees and who contradicts on the three core
topics, as ``compare TOPIC --format json`` reports it.

A careless edit of assertions.yaml that flips a stance changes a line here, so the change has
to be made on purpose and is seen in review. Positions are listed as (source, own stance), None
for an article that only reports others; the relations are what DESIGN.md defines for each
pair of sources that address a claim in their own voice.
"""

from __future__ import annotations

import json
from itertools import combinations

import pytest

from tests.conftest import ROOT

OUTLET = {
    "carnegie": "Carnegie",
    "winep": "WINEP",
    "cepa-dubow": "CEPA",
    "cepa-lautman": "CEPA",
    "cradle": "Cradle",
}

#: topic -> claim -> (verdict, positions as source: stance)
HEADLINE = {
    "weapons": {
        # Nobody's own voice affirms direct supply: Carnegie, WINEP (Budanov "did not provide
        # evidence") and Lautman call it unproven, Dubow leaves the rumours open.
        "direct-supply": (
            "mixed",
            {
                "carnegie": "doubts",
                "winep": "doubts",
                "cepa-dubow": "neutral",
                "cepa-lautman": "doubts",
            },
        ),
        # that Russian-made arms reach Hamas (WINEP: old stocks; Dubow: via Iran and Syria) ...
        "indirect-arms": ("consensus", {"winep": "affirms", "cepa-dubow": "affirms"}),
        # ... and, split from it, that Moscow looks the other way: Dubow alone says so
        "connivance": ("single-source", {"cepa-dubow": "affirms"}),
        # Baraka's and Putin's claims, which WINEP only reports: no own position.
        "ammo-licence": ("unaddressed", {"winep": None}),
        "ukraine-weapons": ("unaddressed", {"winep": None}),
    },
    "motive": {
        # contested only by the rival answer sow-chaos (Dubow), not by any split on the claim
        "global-south": (
            "contested",
            {"carnegie": "affirms", "winep": "affirms", "cepa-lautman": "suggests"},
        ),
        # compatible with every other answer: nobody argues against it
        "counter-us": (
            "consensus",
            {"winep": "affirms", "cradle": "affirms", "cepa-lautman": "affirms"},
        ),
        # Carnegie's explicit "Some might see ... an attempt to sow chaos. In fact, ..."
        "sow-chaos": (
            "contested",
            {
                "carnegie": "denies",
                "winep": "suggests",
                "cepa-dubow": "affirms",
                "cepa-lautman": "neutral",
            },
        ),
        "domestic-muslims": ("single-source", {"cepa-lautman": "suggests"}),
    },
    "chaos": {
        "profits-from-chaos": (
            "contested",
            {
                "carnegie": "denies",
                "winep": "affirms",
                "cepa-dubow": "neutral",
                "cepa-lautman": "suggests",
            },
        ),
        "fears-chaos": (
            "contested",
            {"carnegie": "affirms", "winep": "doubts", "cepa-dubow": "affirms"},
        ),
    },
}

#: Who contradicts whom, by outlet, in words a reviewer reads at a glance.
CONTRADICTIONS = {
    "weapons": set(),
    # on sow-chaos: Carnegie denies, WINEP suggests, Dubow affirms (Lautman neutral: "exploit
    # rather than initiate" is what WINEP says too, so she contradicts no one there)
    "motive": {("Carnegie", "WINEP"), ("Carnegie", "CEPA")},
    # profits: Carnegie vs WINEP and Lautman; fears: Carnegie and Dubow vs WINEP
    "chaos": {("Carnegie", "WINEP"), ("Carnegie", "CEPA"), ("WINEP", "CEPA")},
}

#: The rival fault lines: topic -> (its rival groups, each source's answers to the first one,
#: who gives rival answers as (outlet, claim) vs (outlet, claim)). Carnegie offers status in the
#: Global South instead of sowing chaos, Dubow chaos alone, Lautman the Global South image (and is
#: neutral on the chaos reading); WINEP gives both answers, so it is nobody's rival. Cradle's answer
#: (competition with the US, counter-us) is compatible with both and answers neither.
RIVALS = {
    "weapons": ([], {}, set()),
    "motive": (
        [["global-south", "sow-chaos"]],
        {
            "carnegie": ["global-south"],
            "winep": ["global-south", "sow-chaos"],
            "cepa-dubow": ["sow-chaos"],
            "cepa-lautman": ["global-south"],
        },
        {
            (("Carnegie", "global-south"), ("CEPA", "sow-chaos")),
            (("CEPA", "sow-chaos"), ("CEPA", "global-south")),
        },
    ),
    "chaos": ([], {}, set()),
}

SILENT = {"weapons": ["cradle"], "motive": [], "chaos": ["cradle"]}

SCORE = {"affirms": 2, "suggests": 1, "neutral": 0, "doubts": -1, "denies": -2}


def expected_relation(a: str, b: str) -> str:
    if a == b:
        return "agree"
    if SCORE[a] == 0 or SCORE[b] == 0:
        return "diverge"
    if (SCORE[a] > 0) == (SCORE[b] > 0):
        return "agree-different-certainty"
    return "contradict"


@pytest.fixture(scope="module")
def headline_json() -> dict[str, dict]:
    from typer.testing import CliRunner

    from comparator.cli import app

    result = CliRunner().invoke(
        app,
        ["weapons", "motive", "chaos", "--format", "json", "-a", str(ROOT / "assertions.yaml")],
        env={"COLUMNS": "100", "NO_COLOR": "1"},
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    return {topic["topic"]: topic for topic in document}


@pytest.mark.parametrize("topic", sorted(HEADLINE))
def test_positions_and_verdicts(headline_json: dict[str, dict], topic: str) -> None:
    claims = {c["id"]: c for c in headline_json[topic]["claims"]}
    assert set(claims) == set(HEADLINE[topic])
    for claim_id, (verdict, stances) in HEADLINE[topic].items():
        claim = claims[claim_id]
        got = {p["source"]: p["stance"] for p in claim["positions"]}
        assert got == stances, claim_id
        assert claim["verdict"] == verdict, claim_id
        for p in claim["positions"]:
            assert p["outlet"] == OUTLET[p["source"]]


@pytest.mark.parametrize("topic", sorted(HEADLINE))
def test_pairwise_relations(headline_json: dict[str, dict], topic: str) -> None:
    for claim in headline_json[topic]["claims"]:
        stances = HEADLINE[topic][claim["id"]][1]
        got = {
            frozenset((r["a"], r["b"])): r["relation"]
            for r in claim["relations"]
            if r["relation"] not in ("one-sided", "rival")
        }
        own = {source: stance for source, stance in stances.items() if stance is not None}
        want = {
            frozenset((a, b)): expected_relation(own[a], own[b]) for a, b in combinations(own, 2)
        }
        assert got == want, claim["id"]


@pytest.mark.parametrize("topic", sorted(HEADLINE))
def test_who_contradicts_whom_by_outlet(headline_json: dict[str, dict], topic: str) -> None:
    order = ["Carnegie", "WINEP", "CEPA", "Cradle"]
    pairs = set()
    for claim in headline_json[topic]["claims"]:
        for r in claim["relations"]:
            if r["relation"] == "contradict":
                a, b = sorted((OUTLET[r["a"]], OUTLET[r["b"]]), key=order.index)
                pairs.add((a, b))
    assert pairs == CONTRADICTIONS[topic]


@pytest.mark.parametrize("topic", sorted(HEADLINE))
def test_silent_and_unreviewed(headline_json: dict[str, dict], topic: str) -> None:
    assert headline_json[topic]["silent"] == SILENT[topic]
    assert headline_json[topic]["unreviewed"] == []


@pytest.mark.parametrize("topic", sorted(HEADLINE))
def test_rival_answers(headline_json: dict[str, dict], topic: str) -> None:
    groups, answers, pairs = RIVALS[topic]
    shown = headline_json[topic]
    assert shown["rivals"] == groups
    got_answers = {
        a["source"]: [g["claim"] for g in a["claims"]]
        for group in shown["answers"][:1]
        for a in group["answers"]
    }
    assert got_answers == answers
    got_pairs = {
        ((OUTLET[r["a"]], r["claims"][0]), (OUTLET[r["b"]], r["claims"][1]))
        for group in shown["answers"]
        for r in group["rivals"]
    }
    assert got_pairs == pairs
    # each rival pair is listed under both of its claims, relation "rival" (in either order)
    for claim in shown["claims"]:
        listed = {
            frozenset(((OUTLET[r["a"]], r["claims"][0]), (OUTLET[r["b"]], r["claims"][1])))
            for r in claim["relations"]
            if r["relation"] == "rival"
        }
        assert listed == {frozenset(p) for p in pairs if claim["id"] in (p[0][1], p[1][1])}


def test_no_outlet_s_own_voice_affirms_direct_supply(headline_json: dict[str, dict]) -> None:
    """Issue 12: WINEP reports Budanov's claim; it is shown as his, never as WINEP's view."""
    [claim] = [c for c in headline_json["weapons"]["claims"] if c["id"] == "direct-supply"]
    assert all(p["stance"] not in ("affirms", "suggests") for p in claim["positions"])
    [winep] = [p for p in claim["positions"] if p["source"] == "winep"]
    [budanov] = winep["reports"]
    assert (budanov["voice"], budanov["stance"], budanov["treatment"]) == (
        "budanov",
        "affirms",
        "questions",
    )
    assert budanov["name"] == "Kyrylo Budanov"
    assert budanov["quotes"][0]["line"] is not None
    assert "attributed_to" not in winep
    # every voice that affirms direct supply is a reported one, and no article endorses it
    affirmers = {
        (p["source"], r["voice"], r["treatment"])
        for p in claim["positions"]
        for r in p["reports"]
        if r["stance"] in ("affirms", "suggests")
    }
    assert affirmers == {
        ("winep", "budanov", "questions"),
        ("cepa-dubow", "political-scientist", "relays"),
        ("cepa-dubow", "ukraine-cnr", "relays"),
    }


def test_reported_only_positions_have_null_stance_and_score(headline_json: dict[str, dict]) -> None:
    [claim] = [c for c in headline_json["weapons"]["claims"] if c["id"] == "ammo-licence"]
    [winep] = claim["positions"]
    assert (winep["stance"], winep["score"], winep["quotes"]) == (None, None, [])
    assert [r["voice"] for r in winep["reports"]] == ["baraka"]
    assert claim["relations"] == []
