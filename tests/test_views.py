"""One model per view, every format from it: text, markdown and JSON can no longer disagree.

For every view and every format the registry lists, the model is built once and rendered in
each format; the facts a reader takes away (verdicts, stances, absences, counts) must be the
same in all of them. And the fast outlet tally of the matrix is pinned against the plain walk
over every pair of positions, on generated corpora.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator import render
from comparator.check import CheckResult
from comparator.compare import (
    TopicComparison,
    compare_all,
    relation_between,
    tally_pairs,
)
from comparator.models import (
    Assertion,
    Claim,
    Corpus,
    Location,
    Relation,
    Source,
    Stance,
    Topic,
    Verdict,
)
from comparator.render.style import ABSENCE_MARKS, REPORT_MARK, SYMBOLS
from comparator.views.common import Absence, By
from comparator.views.listing import build_sources, build_topics
from comparator.views.matrix import build_matrix
from comparator.views.report import build_report
from comparator.views.show import build_show
from comparator.workflow import corpus_of, open_corpus
from tests.conftest import ROOT
from tests.test_show import MINI

CORPORA = {"mini": MINI, "bundled": ROOT / "assertions.yaml"}
VERDICTS = "|".join(v.value for v in Verdict)


def _opened(name: str) -> tuple[CheckResult, tuple[TopicComparison, ...]]:
    result = open_corpus(CORPORA[name])
    return result, compare_all(corpus_of(result), result.anchors)


def _build(view: str, result: CheckResult, comparisons: tuple[TopicComparison, ...]) -> Any:
    corpus = corpus_of(result)
    builders: dict[str, Callable[[], Any]] = {
        "show": lambda: build_show(comparisons, by=By.OUTLET),
        "topics": lambda: build_topics(comparisons, corpus.sources),
        "sources": lambda: build_sources(comparisons, corpus.sources, corpus.outlets),
        "matrix": lambda: build_matrix(comparisons, corpus.sources, corpus.outlets),
        "report": lambda: build_report(result, comparisons),
    }
    return builders[view]()


def _every_format(view: str, corpus: str) -> dict[str, str]:
    """The view of the corpus in every format of the registry, all from one model."""
    result, comparisons = _opened(corpus)
    model = _build(view, result, comparisons)
    out = {}
    for fmt in render.formats(view):
        stream = io.StringIO()
        render.get(view, fmt)(model, stream)  # type: ignore[call-overload]
        out[fmt] = stream.getvalue()
    return out


def _tokens(text: str) -> Counter[str]:
    return Counter(text.split())


# ------------------------------------------------------------------------ show


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_show_formats_agree(corpus: str) -> None:
    out = _every_format("show", corpus)
    assert set(out) == {"text", "markdown", "json"}
    document = json.loads(out["json"])
    stances = Counter(p["stance"] for t in document for c in t["claims"] for p in c["positions"])
    stances.update(
        r["stance"]
        for t in document
        for c in t["claims"]
        for p in c["positions"]
        for r in p["reports"]
    )
    for fmt in ("text", "markdown"):
        shown = out[fmt]
        for stance in Stance:
            # Every position's and report's stance, as symbol and word, plus the legend's one.
            mark = f"{SYMBOLS[stance][0]} {stance.value}"
            assert shown.count(mark) == stances[stance.value] + 1, (fmt, stance)
        for topic in document:
            for claim in topic["claims"]:
                assert claim["id"] in shown and claim["text"].split()[0] in shown
        verdicts = re.findall(rf"[Vv]erdict: ({VERDICTS})", shown)
        assert verdicts == [c["verdict"] for t in document for c in t["claims"]], fmt
    # The same absences: a line naming who is silent or unreviewed under each such topic.
    for kind, text_word, markdown_word in (
        ("silent", "silent: ", "**Silent:**"),
        ("unreviewed", "unreviewed: ", "**Unreviewed:**"),
    ):
        topics_with = sum(1 for t in document if t[kind])
        assert out["markdown"].count(markdown_word) == topics_with
        assert len(re.findall(rf"^{text_word}", out["text"], re.M)) == topics_with


# ------------------------------------------------------------------------ listings


def _counts(text: str, words: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for number, word in re.findall(rf"(\d+) ({words})\b", text):
        found[word] += int(number)
    return found


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_topics_formats_agree(corpus: str) -> None:
    out = _every_format("topics", corpus)
    document = json.loads(out["json"])
    verdicts: Counter[str] = Counter()
    reach: Counter[str] = Counter()
    for topic in document:
        verdicts.update({k: v for k, v in topic["verdicts"].items() if v})
        reach.update({k: len(v) for k, v in topic["sources"].items() if v})
        assert sum(topic["verdicts"].values()) == len(topic["claims"])
    for fmt in ("text", "markdown"):
        assert _counts(out[fmt], VERDICTS) == verdicts, fmt
        assert _counts(out[fmt], "covering|silent|unreviewed") == reach, fmt
        for topic in document:
            assert topic["topic"] in out[fmt]


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_sources_formats_agree(corpus: str) -> None:
    out = _every_format("sources", corpus)
    document = json.loads(out["json"])
    coverage: Counter[str] = Counter()
    for source in document:
        coverage.update({k: len(v) for k, v in source["topics"].items() if v})
    for fmt in ("text", "markdown"):
        assert _counts(out[fmt], "covered|silent|unreviewed") == coverage, fmt
        for source in document:
            assert source["source"] in out[fmt] and source["file"] in out[fmt]


# ------------------------------------------------------------------------ matrix

#: How the JSON's status of an article without a stance shows as a mark.
STATUS_ABSENCE = {
    "covered": Absence.NO_POSITION,
    "silent": Absence.SILENT,
    "unreviewed": Absence.UNREVIEWED,
}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_matrix_formats_agree(corpus: str) -> None:
    out = _every_format("matrix", corpus)
    document = json.loads(out["json"])
    marks: Counter[str] = Counter()
    for topic in document["grid"]:
        for cell in topic["cells"]:
            for article in cell["sources"]:
                for claim, stance in article["stances"].items():
                    if stance is None and claim in article["reports"]:
                        marks[REPORT_MARK[0]] += 1
                    elif stance is None:
                        marks[ABSENCE_MARKS[STATUS_ABSENCE[article["status"]]][0]] += 1
                    else:
                        marks[SYMBOLS[Stance(stance)][0]] += 1
    pairs = Counter(
        f"{p['agree'] + p['agree_different_certainty']}/{p['contradict']}"
        for p in document["pairs"]
    )
    for fmt in ("text", "markdown"):
        body = out[fmt].rsplit("\n\n", 1)[0] if fmt == "text" else out[fmt]
        if fmt == "markdown":
            body = body.rsplit("\n\n", 1)[0]  # the legend
        tokens = _tokens(body.replace("|", " ").replace("│", " "))
        assert {m: tokens[m] for m in marks} == dict(marks), fmt
        # Each pair of outlets shows in the pair table twice (row and column), the diagonal once.
        shown = Counter(re.findall(r"(\d+) / (\d+)", body))
        expected: Counter[tuple[str, str]] = Counter()
        for p in document["pairs"]:
            agree = str(p["agree"] + p["agree_different_certainty"])
            expected[(agree, str(p["contradict"]))] += 1 if p["a"] == p["b"] else 2
        assert shown == expected, fmt
        assert sum(pairs.values()) == len(document["pairs"])


# ------------------------------------------------------------------------ report


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_report_formats_agree(corpus: str) -> None:
    out = _every_format("report", corpus)
    assert set(out) == {"markdown", "json"}
    document = json.loads(out["json"])
    markdown = out["markdown"]
    claims = [c for t in document["topics"] for c in t["claims"]]
    # Each claim's verdict, in the grid and under its heading.
    assert re.findall(rf"· \*\*({VERDICTS})\*\*", markdown) == [c["verdict"] for c in claims]
    assert [r["verdict"] for r in document["summary"]] == [c["verdict"] for c in claims]
    # The headline contradictions: the same claims, the same sides.
    headlines = re.findall(r"^- \*\*.*?\*\*, `([^`]+)`:", markdown, re.M)
    assert headlines == [c["claim"] for c in document["contradictions"]]
    # Every position is a row of its claim's evidence table, with its stance.
    stances = Counter(p["stance"] for c in claims for p in c["positions"])
    words = "|".join(s.value for s in Stance)
    rows = re.findall(rf"^\| [^|]+ \| `[^`]+` \| \S+ ({words}) \|", markdown, re.M)
    assert Counter(rows) == {k: v for k, v in stances.items() if k is not None}
    # A position with reports only says so where a stance would stand.
    reports_only = re.findall(
        r"^\| [^|]+ \| `[^`]+` \| no own position \(reports only\) \|", markdown, re.M
    )
    assert len(reports_only) == stances[None]
    # Absences: the grid's words for articles with no stance.
    absent = Counter(v for r in document["summary"] for v in r["stances"].values())
    for absence in (Absence.SILENT, Absence.UNREVIEWED):
        if absent[absence.value]:
            assert f"*{absence.short}*" in markdown
        if not absent[absence.value]:
            assert f"| *{absence.short}*" not in markdown


# ------------------------------------------------------------------------ the outlet tally


def _plain_tally(
    comparisons: tuple[TopicComparison, ...],
) -> dict[tuple[str, str], Counter[Relation]]:
    """Every pair of positions of every claim, one by one, counted by outlet pair (the first
    orientation met wins), in the order the walk meets the pairs."""
    counts: dict[tuple[str, str], Counter[Relation]] = {}
    for comparison in comparisons:
        for claim in comparison.claims:
            for p, q in combinations(claim.positions, 2):
                a, b = p.outlet, q.outlet
                key = (a, b) if (a, b) in counts or (b, a) not in counts else (b, a)
                counts.setdefault(key, Counter())[relation_between(p.stance, q.stance)] += 1
    return counts


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    here = Location("assertions.yaml", 1, 1)
    outlets = draw(st.lists(st.sampled_from("ABCD"), min_size=1, max_size=9))
    sources = tuple(
        Source(f"s{i}", outlet, f"t{i}", f"s{i}.txt", here) for i, outlet in enumerate(outlets)
    )
    topics = []
    for t in range(draw(st.integers(1, 3))):
        claims = tuple(Claim(f"c{t}{k}", "C", here) for k in range(draw(st.integers(1, 3))))
        assertions = []
        for claim in claims:
            for source in sources:
                stance = draw(st.none() | st.sampled_from(Stance))
                if stance is not None:
                    assertions.append(
                        Assertion(
                            f"{source.id}-{claim.id}",
                            f"t{t}",
                            source.id,
                            claim.id,
                            stance,
                            "S",
                            (),
                            here,
                        )
                    )
        topics.append(Topic(f"t{t}", "T", "Q?", here, claims=claims, assertions=tuple(assertions)))
    return Corpus(Path("assertions.yaml"), Path("."), "1", sources, tuple(topics))


@settings(max_examples=300, deadline=None)
@given(corpora())
def test_outlet_tally_equals_the_plain_pairwise_count(corpus: Corpus) -> None:
    comparisons = compare_all(corpus, {})
    plain = _plain_tally(comparisons)
    fast = tally_pairs(comparisons)
    assert list(fast) == list(plain)  # the same pairs, met in the same order and orientation
    for key, tally in fast.items():
        counted = plain[key]
        assert (
            tally.agree,
            tally.agree_different_certainty,
            tally.contradict,
            tally.diverge,
        ) == (
            counted[Relation.AGREE],
            counted[Relation.AGREE_DIFFERENT_CERTAINTY],
            counted[Relation.CONTRADICT],
            counted[Relation.DIVERGE],
        )
    # And the matrix view shows those counts in its pair table, row and column alike.
    model = build_matrix(comparisons, corpus.sources, corpus.outlets)
    for row, tallies in zip(corpus.outlets, model.pair_grid, strict=True):
        for column, tally in zip(corpus.outlets, tallies, strict=True):
            counted = plain.get((row, column)) or plain.get((column, row)) or Counter()
            several = sum(1 for s in corpus.sources if s.outlet == row) > 1
            if row == column and not several:
                assert tally is None
                continue
            assert tally is not None
            assert tally.agreeing == (
                counted[Relation.AGREE] + counted[Relation.AGREE_DIFFERENT_CERTAINTY]
            )
            assert tally.contradict == counted[Relation.CONTRADICT]


# ------------------------------------------------------------------------ layers


def test_view_models_load_neither_rich_nor_typer() -> None:
    """The views are the core: a script that builds and renders one as JSON or markdown
    pulls in no terminal library."""
    code = (
        "import sys, io\n"
        "from comparator import render\n"
        "from comparator.compare import compare_all\n"
        "from comparator.views import listing, matrix, report, show\n"
        "from comparator.workflow import open_corpus\n"
        f"result = open_corpus({str(MINI)!r})\n"
        "comparisons = compare_all(result.corpus, result.anchors)\n"
        "render.get('show', 'markdown')(show.build_show(comparisons), io.StringIO())\n"
        "render.get('report', 'json')(report.build_report(result, comparisons), io.StringIO())\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'typer'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]", done.stderr
