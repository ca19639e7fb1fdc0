"""One model, every format: the renderers of ``compare diff`` and ``compare check`` serialise
the same DiffView and CheckView, so the formats of one view cannot disagree on the facts."""

from __future__ import annotations

import io
import json
import re

import pytest

from comparator import render
from comparator.check import verify
from comparator.compare import compare_all
from comparator.loader import load_corpus
from comparator.models import Party, PartyKind, Relation, Severity
from comparator.rules import RULES
from comparator.views.check import CheckView, build_check_view
from comparator.views.diff import DiffView, build_diff_view
from tests.conftest import CASES, ROOT
from tests.markdown_helpers import tables

MINI = ROOT / "tests" / "fixtures" / "mini"


def rendered(view: str, fmt: str, model: object) -> str:
    out = io.StringIO()
    render.get(view, fmt)(model, out)
    return out.getvalue()


# -- diff ----------------------------------------------------------------------------------


def diff_view(a: Party, b: Party) -> DiffView:
    loaded = load_corpus(MINI / "assertions.yaml")
    result = verify(loaded.corpus, loaded.findings)
    assert result.corpus is not None
    return build_diff_view(compare_all(result.corpus, result.anchors), a, b, result.corpus.sources)


#: What a diff says, format-neutrally: each shared claim with its relation and split, each
#: pair of articles with theirs, and the claims only one party addresses.
DiffFacts = tuple[list[tuple[str, str, bool]], list[tuple[str, str]], list[str], list[str]]

#: Weightiest first: a claim where any pair contradicts is shown as a contradiction.
WEIGHT = [Relation.CONTRADICT, Relation.DIVERGE, Relation.AGREE_DIFFERENT_CERTAINTY, Relation.AGREE]

RELATION_BY_WORDS = {
    "agree": Relation.AGREE,
    "agree with different certainty": Relation.AGREE_DIFFERENT_CERTAINTY,
    "contradict": Relation.CONTRADICT,
    "diverge": Relation.DIVERGE,
}


def facts_of_model(view: DiffView) -> DiffFacts:
    return (
        [(s.claim.id, s.relation.value, s.split) for s in view.shared],
        [(s.claim.id, p.relation.value) for s in view.shared for p in s.pairs],
        [c.claim.id for c in view.only_a.claims],
        [c.claim.id for c in view.only_b.claims],
    )


def facts_of_json(text: str) -> DiffFacts:
    document = json.loads(text)
    return (
        [(s["claim"], s["relation"], s["split"]) for s in document["shared"]],
        [(s["claim"], p["relation"]) for s in document["shared"] for p in s["pairs"]],
        [c["claim"] for c in document["only_a"]],
        [c["claim"] for c in document["only_b"]],
    )


def facts_of_markdown(text: str) -> DiffFacts:
    both_part, only_a_part, only_b_part = text.split("\n## Only ")
    (both,) = tables(both_part)
    only_a, only_b = (
        tables(part)[0].column("Claim") if "No claim." not in part else []
        for part in (only_a_part, only_b_part)
    )
    shared = []
    for row in both.texts:
        relation, split = row[4].removesuffix(" (split)"), row[4].endswith(" (split)")
        shared.append((row[1], RELATION_BY_WORDS[relation].value, split))
    pairs = []
    sections = -1  # one "###" section per shared claim, in the table's order
    for line in text.splitlines():
        sections += line.startswith("### ")
        found = re.match(r"\*\*(.+?)\*\*: ", line)
        if found:
            pairs.append((shared[sections][0], RELATION_BY_WORDS[found.group(1)].value))
    return shared, pairs, only_a, only_b


def facts_of_text(text: str) -> DiffFacts:
    """The wide text view, read line by line: claim titles, then pair heads under them."""
    shared: list[tuple[str, str, bool]] = []
    pairs: list[tuple[str, str]] = []
    only: list[list[str]] = []
    section = None
    relations: list[str] = []
    for line in text.splitlines():
        if line == "Both address" or line.startswith("Only "):
            section = "both" if line == "Both address" else "only"
            if section == "only":
                only.append([])
            continue
        title = re.match(r"  \S.* · (\S+): ", line)
        if title:
            if section == "both":
                relations = []
                shared.append((title.group(1), "", False))
            else:
                only[-1].append(title.group(1))
            continue
        head = re.match(r"    ([a-z -]+): .*  vs  ", line)
        if head and section == "both":
            relation = RELATION_BY_WORDS[head.group(1)]
            relations.append(relation.value)
            pairs.append((shared[-1][0], relation.value))
            weightiest = min(relations, key=lambda r: WEIGHT.index(Relation(r)))
            shared[-1] = (shared[-1][0], weightiest, len(set(relations)) > 1)
    return shared, pairs, only[0], only[1]


PARTIES = [
    (
        Party("North", PartyKind.OUTLET, ("north",)),
        Party("East", PartyKind.OUTLET, ("east-one", "east-two")),
    ),
    (Party("South", PartyKind.OUTLET, ("south",)), Party("north", PartyKind.SOURCE, ("north",))),
]


@pytest.mark.parametrize(("a", "b"), PARTIES, ids=lambda p: p.name)
def test_every_diff_format_says_the_same_from_one_model(
    monkeypatch: pytest.MonkeyPatch, a: Party, b: Party
) -> None:
    monkeypatch.setenv("COLUMNS", "10000")  # one line per fact in the text view
    view = diff_view(a, b)
    expected = facts_of_model(view)
    assert expected[0] and expected[2] + expected[3]  # something shared and something not
    readers = {"text": facts_of_text, "markdown": facts_of_markdown, "json": facts_of_json}
    assert set(render.formats("diff")) == set(readers)
    for fmt, read in readers.items():
        assert read(rendered("diff", fmt, view)) == expected, fmt


# -- check ---------------------------------------------------------------------------------

#: What a check says of each finding, format-neutrally: rule, severity, and where (line and
#: column only when the finding has a line; CI annotations start columns at 1).
FindingFacts = list[tuple[str, str, str, int, int]]

SEVERITY_BY_LEVEL = {"error": "error", "warning": "warning", "notice": "info", "note": "info"}


def check_view(case: str) -> CheckView:
    loaded = load_corpus(CASES / case / "assertions.yaml")
    return build_check_view(verify(loaded.corpus, loaded.findings), Severity.INFO)


def where(file: str, line: int, column: int) -> tuple[str, int, int]:
    return (file, line, max(column, 1)) if line > 0 else (file, 0, 0)


def check_facts_of_model(view: CheckView) -> FindingFacts:
    return [
        (
            r.finding.rule,
            r.finding.severity.value,
            *where(r.finding.location.file, r.finding.location.line, r.finding.location.column),
        )
        for r in view.findings
    ]


def check_facts_of_text(text: str) -> FindingFacts:
    facts = []
    for line in text.splitlines():
        found = re.match(r"(\S+?)(?::(\d+):(\d+))?: (error|warning|info) (\S+) ", line)
        if found:
            file, row, column, severity, rule = found.groups()
            facts.append((rule, severity, *where(file, int(row or 0), int(column or 0))))
    return facts


def check_facts_of_github(text: str) -> FindingFacts:
    facts = []
    for line in text.splitlines():
        found = re.match(r"::(\w+) (.+?)::", line)
        if found:
            props = dict(p.split("=", 1) for p in found.group(2).split(","))
            rule = props["title"].removeprefix("compare check%3A ")
            row, column = int(props.get("line", 0)), int(props.get("col", 0))
            file = props["file"].replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
            facts.append((rule, SEVERITY_BY_LEVEL[found.group(1)], *where(file, row, column)))
    return facts


def check_facts_of_json(text: str) -> FindingFacts:
    return [
        (f["rule"], f["severity"], *where(f["file"], f["line"], f["column"]))
        for f in json.loads(text)["findings"]
    ]


def check_facts_of_sarif(text: str) -> FindingFacts:
    (run,) = json.loads(text)["runs"]
    rules = run["tool"]["driver"]["rules"]
    facts = []
    for result in run["results"]:
        if "ruleIndex" in result:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        region = physical.get("region", {})
        location = where(
            physical["artifactLocation"]["uri"],
            region.get("startLine", 0),
            region.get("startColumn", 0),
        )
        facts.append((result["ruleId"], SEVERITY_BY_LEVEL[result["level"]], *location))
    return facts


CHECK_READERS = {
    "text": check_facts_of_text,
    "github": check_facts_of_github,
    "json": check_facts_of_json,
    "sarif": check_facts_of_sarif,
}


@pytest.mark.parametrize(
    "case", ["source-drift", "unused-ignore", "stance-cue", "schema-ignore-without-reason"]
)
def test_every_check_format_reports_the_same_findings_from_one_model(
    monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.setenv("COLUMNS", "10000")
    view = check_view(case)
    expected = check_facts_of_model(view)
    assert len(expected) >= 2
    assert set(render.formats("check")) == set(CHECK_READERS)
    for fmt, read in CHECK_READERS.items():
        out = rendered("check", fmt, view)
        assert read(out) == expected, fmt
        if fmt in ("text", "github"):
            assert out.splitlines()[-1] == view.summary
        if fmt == "json":
            summary = json.loads(out)["summary"]
            assert summary["text"] == view.summary
            assert [summary[k] for k in ("errors", "warnings", "info")] == [
                c.count for c in view.counts
            ]


def test_sarif_lists_every_rule_of_the_rule_table() -> None:
    view = check_view("source-drift")
    (run,) = json.loads(rendered("check", "sarif", view))["runs"]
    described = {r["id"]: r["shortDescription"]["text"] for r in run["tool"]["driver"]["rules"]}
    assert described == {name: rule.meaning for name, rule in RULES.items()}
