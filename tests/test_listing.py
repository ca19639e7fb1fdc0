"""``compare topics``, ``compare sources`` and ``compare matrix`` in every format, on the mini
corpus (North, South, and East with two articles that disagree)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from rich.cells import cell_len

from tests.conftest import is_clean
from tests.test_show import MINI, _tables, assert_snapshot

MD = MarkdownIt("commonmark").enable("table")


def run(run_cli: Any, *args: str, width: int = 100) -> Any:
    result = run_cli([*args, "-a", str(MINI)], width=width)
    assert result.exit_code == 0, result.output
    assert is_clean(result.stdout)
    return result.stdout


@pytest.mark.parametrize("view", ["topics", "sources", "matrix"])
@pytest.mark.parametrize("width", [60, 100])
def test_text_fits_the_terminal(run_cli: Any, view: str, width: int) -> None:
    out = run(run_cli, view, width=width)
    assert max(cell_len(line) for line in out.splitlines()) <= width


# ------------------------------------------------------------------------ topics


def test_topics_text(run_cli: Any) -> None:
    out = run(run_cli, "topics")
    for expected in (
        "weapons",
        "Weapons supply",
        "Does Russia supply weapons to Hamas?",
        "2 claims",
        "1 contested",
        "1 single-source",
        "1 consensus",
        "1 mixed",
        "4 covering",
        "1 silent: East/east-one",
        "1 unreviewed: East/east-two",
        "1 silent: South",
    ):
        assert expected in out, expected
    assert "3 topics, 4 claims, 4 sources" in out


def test_topics_markdown(run_cli: Any) -> None:
    ((header, rows),) = _tables(run(run_cli, "topics", "--format", "markdown"))
    assert header == ["Topic", "Title", "Question", "Claims", "Sources", "Verdicts"]
    assert [r[0] for r in rows] == ["weapons", "motive", "chaos"]
    assert rows[0][3] == "2" and rows[0][5] == "1 contested, 1 single-source"
    assert rows[1][4].startswith("2 covering: North, South")


def test_topics_json(run_cli: Any) -> None:
    document = json.loads(run(run_cli, "topics", "--format", "json"))
    assert [t["topic"] for t in document] == ["weapons", "motive", "chaos"]
    motive = document[1]
    assert motive["sources"] == {
        "covering": ["north", "south"],
        "silent": ["east-one"],
        "unreviewed": ["east-two"],
    }
    assert motive["claims"] == [
        {
            "id": "leverage",
            "text": "Moscow engages Hamas to gain leverage against the United States.",
            "verdict": "consensus",
            "positions": 2,
        }
    ]
    assert document[0]["verdicts"] == {
        "consensus": 0,
        "contested": 1,
        "mixed": 0,
        "single-source": 1,
        "unaddressed": 0,
    }


# ------------------------------------------------------------------------ sources


def test_sources_text_groups_articles_by_outlet(run_cli: Any) -> None:
    out = run(run_cli, "sources")
    assert out.index("North") < out.index("South") < out.index("East")
    assert out.index("east-one") < out.index("east-two")
    for expected in (
        "The North Times",
        "Russia arms Hamas",
        "by Bo Writer, Cy Writer",
        "published 2024-03",
        "via The Syndicate",
        "file seeds/south-post.txt",
        "1 unreviewed: motive",
        "1 silent: chaos",
    ):
        assert expected in out, expected
    assert "4 sources in 3 outlets" in out


def test_sources_markdown(run_cli: Any) -> None:
    ((header, rows),) = _tables(run(run_cli, "sources", "-f", "markdown"))
    assert header == ["Outlet", "Source", "Title", "Authors", "Published", "File", "Topics"]
    assert [r[:2] for r in rows] == [
        ["North", "north"],
        ["South", "south"],
        ["East", "east-one"],
        ["East", "east-two"],
    ]
    assert rows[1][3] == "Bo Writer, Cy Writer"


def test_sources_json(run_cli: Any) -> None:
    document = json.loads(run(run_cli, "sources", "-f", "json"))
    east_two = document[3]
    assert east_two | {} == east_two  # a plain object
    assert (east_two["source"], east_two["outlet"], east_two["file"], east_two["positions"]) == (
        "east-two",
        "East",
        "seeds/east-review-2.txt",
        2,
    )
    assert east_two["topics"] == {
        "covered": ["weapons", "chaos"],
        "silent": [],
        "unreviewed": ["motive"],
    }
    assert document[1]["authors"] == ["Bo Writer", "Cy Writer"]
    assert document[1]["via"] == "The Syndicate" and document[0]["via"] is None


# ------------------------------------------------------------------------ matrix


@pytest.mark.parametrize("width", [100, 60])
def test_matrix_text_snapshot(run_cli: Any, width: int) -> None:
    assert_snapshot(f"matrix-mini-{width}.txt", run(run_cli, "matrix", width=width))


def test_matrix_text_marks_line_up_with_their_claims(run_cli: Any) -> None:
    lines = run(run_cli, "matrix").splitlines()
    row = next(line for line in lines if "direct-supply" in line)
    assert [c.strip() for c in row.strip("│").split("│")] == ["direct-supply", "✔✔", "✘", "✘✘ ✔"]
    row = next(line for line in lines if "leverage" in line)
    assert [c.strip() for c in row.strip("│").split("│")] == ["leverage", "✔✔", "✔✔", "–  ?"]
    pairs = next(line for line in lines if line.startswith("│ East") and "/" in line)
    assert [c.strip() for c in pairs.strip("│").split("│")] == ["East", "2 / 1", "1 / 1", "0 / 1"]


def test_matrix_markdown(run_cli: Any) -> None:
    (grid_header, grid), (pair_header, pairs) = _tables(run(run_cli, "matrix", "-f", "markdown"))
    assert grid_header == ["Topic", "Claim", "North", "South", "East"]
    assert grid[0] == ["weapons", "direct-supply", "✔✔", "✘", "✘✘ ✔"]
    assert grid[3] == ["chaos", "profits", "✔", "–", "○ ✔✔"]
    assert pair_header[1:] == ["North", "South", "East"]
    assert pairs[0][1:] == ["—", "1 / 1", "2 / 1"]
    assert pairs[2][1:] == ["2 / 1", "1 / 1", "0 / 1"]


def test_matrix_json(run_cli: Any) -> None:
    document = json.loads(run(run_cli, "matrix", "-f", "json"))
    assert document["outlets"] == [
        {"outlet": "North", "sources": ["north"]},
        {"outlet": "South", "sources": ["south"]},
        {"outlet": "East", "sources": ["east-one", "east-two"]},
    ]
    motive = document["grid"][1]
    assert motive["claims"] == ["leverage"]
    east = motive["cells"][2]["sources"]
    assert east == [
        {"source": "east-one", "status": "silent", "stances": {"leverage": None}, "reports": {}},
        {
            "source": "east-two",
            "status": "unreviewed",
            "stances": {"leverage": None},
            "reports": {},
        },
    ]
    weapons = document["grid"][0]
    [east_two] = [s for c in weapons["cells"] for s in c["sources"] if s["source"] == "east-two"]
    # reports only: no own stance, the reported voice apart
    assert east_two["stances"]["indirect-arms"] is None
    assert east_two["reports"] == {
        "indirect-arms": [
            {"voice": "hamas-officials", "stance": "affirms", "treatment": "questions"}
        ]
    }
    pairs = {(p["a"], p["b"]): p for p in document["pairs"]}
    assert set(pairs) == {
        ("North", "South"),
        ("North", "East"),
        ("South", "East"),
        ("East", "East"),
    }
    assert pairs[("North", "East")] | {} == {
        "a": "North",
        "b": "East",
        "agree": 0,
        "agree_different_certainty": 2,
        "contradict": 1,
        "diverge": 1,
        "rival": 0,
        "shared": 4,
    }


def test_matrix_saves_svg_and_html_of_what_it_prints(run_cli: Any, tmp_path: Path) -> None:
    svg, html = tmp_path / "matrix.svg", tmp_path / "matrix.html"
    result = run_cli(["matrix", "--save-svg", str(svg), "--save-html", str(html), "-a", str(MINI)])
    assert result.exit_code == 0, result.output
    assert "Outlet pairs" in result.stdout  # the view is still printed
    picture = svg.read_text(encoding="utf-8")
    assert picture.startswith("<svg")
    assert "North" in picture and "contradict" in picture
    page = html.read_text(encoding="utf-8")
    assert "<html" in page.lower() and "Outlet pairs" in page
    assert f"wrote {svg}" in result.stderr and f"wrote {html}" in result.stderr


def test_matrix_picture_needs_the_text_format(run_cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    result = run_cli(["matrix", "-f", "json", "--save-html", str(target), "-a", str(MINI)])
    assert result.exit_code == 2
    assert "--save-html" in result.stderr and result.stdout == ""
    assert not target.exists()


def test_matrix_text_in_colour_snapshot(run_cli: Any) -> None:
    """The grid's marks keep their stance colours on a terminal (the plain-text run above
    skips them: with no colour to print, the renderer writes plain strings)."""
    result = run_cli(
        ["matrix", "-a", str(MINI)], env={"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm"}
    )
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stdout
    assert_snapshot("matrix-mini-100-colour.txt", result.stdout)
