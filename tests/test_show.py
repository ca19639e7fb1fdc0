"""``compare TOPIC``: the side-by-side view, through the CLI as a user runs it.

Text output is pinned by snapshots at 100 and 60 columns (tests/snapshots/, reviewed by eye;
after a deliberate change, rerun with COMPARE_UPDATE_SNAPSHOTS=1 and review the diff). The
markdown is read back with markdown-it-py, the JSON checked key by key against DESIGN.md.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from rich.cells import cell_len

from tests.conftest import ROOT, is_clean, write_corpus

MINI = ROOT / "tests" / "fixtures" / "mini" / "assertions.yaml"
SNAPSHOTS = Path(__file__).parent / "snapshots"
MD = MarkdownIt("commonmark").enable("table")


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("COMPARE_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; create it with COMPARE_UPDATE_SNAPSHOTS=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"output differs from {path}; review the change by eye"


def show(
    run_cli: Any,
    *args: str,
    width: int = 100,
    env: dict[str, str] | None = None,
    corpus: Path = MINI,
) -> Any:
    return run_cli([*args, "-a", str(corpus)], width=width, env=env)


# ------------------------------------------------------------------------ text: snapshots


@pytest.mark.parametrize("width", [100, 60])
def test_text_view_snapshot(run_cli: Any, width: int) -> None:
    result = show(run_cli, "weapons", "motive", "chaos", width=width)
    assert result.exit_code == 0, result.output
    assert_snapshot(f"show-mini-{width}.txt", result.stdout)
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= width


def test_by_source_snapshot(run_cli: Any) -> None:
    result = show(run_cli, "weapons", "--by", "source")
    assert result.exit_code == 0, result.output
    assert_snapshot("show-weapons-by-source-100.txt", result.stdout)


def test_show_is_the_default_command(run_cli: Any) -> None:
    assert show(run_cli, "weapons").stdout == show(run_cli, "show", "weapons").stdout


# ------------------------------------------------------------------------ text: content


def test_outlet_column_holds_each_article_with_its_own_stance(run_cli: Any) -> None:
    out = show(run_cli, "weapons", "--claim", "direct-supply", width=160).stdout
    east = _column(out, "East")
    assert (
        east.index("east-one")
        < east.index("✘✘ denies")
        < east.index("east-two")
        < east.index("✔ suggests")
    )
    # one line per relation: its sides by outlet, in column order, and how many pairs
    assert (
        "≠ contradict, 4 pairs: North (affirms), East/east-two (suggests) vs South (doubts), "
        "East/east-one (denies); divided inside East\n"
    ) in out
    assert "verdict: contested" in out
    assert "vs South (doubts)\n" not in out  # the pairs only on demand
    paired = show(run_cli, "weapons", "--claim", "direct-supply", "--pairs", width=160).stdout
    assert paired.startswith(out.split("≠ contradict")[0])
    assert (
        "divided inside East\n"
        "    North (affirms) vs South (doubts)\n"
        "    North (affirms) vs East/east-one (denies)\n"
        "    South (doubts) vs East/east-two (suggests)\n"
        "    East/east-one (denies) vs East/east-two (suggests), inside East\n"
    ) in paired


def test_cells_carry_summary_quote_and_file_line(run_cli: Any) -> None:
    out = show(run_cli, "weapons", "--claim", "indirect-arms").stdout
    south = _flat(_column(out, "South"))
    assert "✔✔ affirms" in south
    assert "Russian-made weapons reach Hamas via Iran and Syria." in south
    # the reported voice comes after the article's own quote, marked as reported
    assert south.index("“Our own reporting confirms") < south.index(
        "↳ ✔✔ affirms per Israeli officials (reported; the article endorses it) “Russian-made "
        "weapons reach Hamas through Iran and Syria, according to Israeli officials” "
        "seeds/south-post.txt:4"
    )
    east = _flat(_column(out, "East"))
    assert (
        "east-two no own position (reports only) Relays Hamas officials' claim of Russian-made "
        "rifles via Syria, unverified. ↳ ✔✔ affirms per Hamas officials (reported; the article "
        "questions it)"
    ) in east
    assert "seeds/south-post.txt:4" in south
    assert "verdict: single-source" in out
    assert _column(out, "North").strip() == "no position on this claim"


def test_silent_and_unreviewed_are_named_under_the_topic(run_cli: Any) -> None:
    out = show(run_cli, "motive").stdout
    assert "silent: East/east-one" in out
    assert "unreviewed: East/east-two" in out
    east = _column(out, "East")
    assert "silent on this topic" in east and "unreviewed" in east


def test_claim_option_narrows_the_view(run_cli: Any) -> None:
    out = show(run_cli, "weapons", "--claim", "indirect-arms").stdout
    assert "indirect-arms" in out and "direct-supply" not in out
    # across several topics, a topic without the claim is left out
    out = show(run_cli, "weapons", "chaos", "-c", "profits").stdout
    assert "chaos · Regional chaos" in out and "weapons" not in out


def test_no_quotes_is_compact(run_cli: Any) -> None:
    full = show(run_cli, "weapons").stdout
    compact = show(run_cli, "weapons", "--no-quotes").stdout
    assert "Arms-transfer allegations are unproven." in _flat(_column(compact, "South"))
    assert "“" not in compact and "seeds/" not in compact
    assert len(compact.splitlines()) < len(full.splitlines())


def test_long_quotes_wrap_and_are_never_truncated(run_cli: Any, tmp_path: Path) -> None:
    words = [f"word{i}" for i in range(90)]
    sentence = " ".join(words)
    yaml = write_corpus(
        tmp_path,
        f"""
        version: 1
        sources:
          one: {{outlet: One, title: T, file: one.txt}}
          two: {{outlet: Two, title: T, file: two.txt}}
        topics:
          t:
            title: T
            question: Q?
            claims: {{c: A claim.}}
            assertions:
              - {{id: a, source: one, claim: c, stance: affirms, summary: S.,
                  quotes: ["{sentence}"]}}
              - {{id: b, source: two, claim: c, stance: denies, summary: S.,
                  quotes: ["{sentence}"]}}
        """,
        {"one.txt": sentence + "\n", "two.txt": sentence + "\n"},
    )
    for width in (60, 100):
        result = show(run_cli, "t", width=width, corpus=yaml)
        assert result.exit_code == 0, result.output
        assert "…" not in result.stdout
        assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
        for outlet in ("One", "Two"):  # every word of the quote, in order, in each column
            assert " ".join(re.findall(r"word\d+", _column(result.stdout, outlet))) == sentence


def test_many_outlets_stay_within_the_width(run_cli: Any, tmp_path: Path) -> None:
    names = [f"outlet{i}" for i in range(9)]
    sources = "\n".join(
        f"  s{i}: {{outlet: {n}, title: T, file: s.txt}}" for i, n in enumerate(names)
    )
    assertions = "\n".join(
        f"      - {{id: a{i}, source: s{i}, claim: c, stance: {'affirms' if i % 2 else 'denies'}"
        ", summary: S., quotes: [the one sentence of the article]}"
        for i in range(9)
    )
    yaml = write_corpus(
        tmp_path,
        "version: 1\nsources:\n" + sources + "\ntopics:\n  t:\n"
        "    title: T\n    question: Q?\n    claims: {c: A claim.}\n"
        "    assertions:\n" + assertions + "\n",
        {"s.txt": "the one sentence of the article\n"},
    )
    for width in (60, 100, 200):
        result = show(run_cli, "t", width=width, corpus=yaml)
        assert result.exit_code == 0, result.output
        assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
        assert all(n in result.stdout for n in names)
        # one line: 5 deniers vs 4 affirmers, 20 pairs
        assert result.stdout.count("≠ contradict") == 2  # the line and the legend
        assert "≠ contradict, 20 pairs: outlet0 (denies)," in result.stdout


# ------------------------------------------------------------------------ untrusted text


def test_markup_in_article_text_is_shown_literally(run_cli: Any) -> None:
    east = _flat(_column(show(run_cli, "chaos").stdout, "East"))
    assert "because it [bold red]distracts[/bold red] the West”" in east
    assert "The Kremlin profits from chaos that [bold red]distracts[/bold red] the West." in east


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A corpus whose article, quote, summary and labels hold escape sequences and markup."""
    return write_corpus(
        tmp_path,
        r"""
        version: 1
        sources:
          a:
            outlet: "[red]A[/red]"
            title: T
            file: a.txt
          b:
            outlet: B
            title: T
            file: b.txt
        topics:
          t:
            title: "Title [b]x[/b]"
            question: Q?
            claims:
              c: "Claim \e[31m text"
            assertions:
              - id: x
                source: a
                claim: c
                stance: affirms
                summary: "Sum \e[2J [link=http://x]y[/link]"
                attributed_to: "[i]Ann[/i]"
                quotes:
                  - "The Kremlin \e[31mturned red\e[0m and then [bold]bolded[/bold] it all."
              - id: y
                source: b
                claim: c
                stance: doubts
                summary: Doubts it.
                quotes:
                  - this quote is not anywhere in the article text
        """,
        {
            "a.txt": "Intro.\nThe Kremlin \x1b[31mturned red\x1b[0m and then [bold]bolded"
            "[/bold] it all.\n",
            "b.txt": "Something else entirely is said here.\n",
        },
    )


def test_escape_sequences_are_made_visible(run_cli: Any, hostile: Path) -> None:
    for env in ({}, {"FORCE_COLOR": "1", "NO_COLOR": ""}):
        result = show(run_cli, "t", corpus=hostile, width=200, env=env)
        assert result.exit_code == 0, result.output
        out = result.stdout
        cell = _flat(_column(out, "[red]A[/red]"))
        assert (
            r"“The Kremlin \x1b[31mturned red\x1b[0m and then [bold]bolded[/bold] it all.”" in cell
        )
        # version 1's attributed_to: a report by that voice, never the outlet's own stance
        assert (
            r"no own position (reports only) Sum \x1b[2J [link=http://x]y[/link] "
            r"↳ ✔✔ affirms per [i]Ann[/i] (reported; the article relays it)" in cell
        )
        assert r"Claim \x1b[31m text" in out
        assert "\x1b[2J" not in out and "\x1b[31mturned" not in out


def test_quote_not_found_is_marked(run_cli: Any, hostile: Path) -> None:
    out = show(run_cli, "t", corpus=hostile).stdout
    assert "“this quote is not anywhere in the article text” [not found in b.txt]" in _flat(
        _column(out, "B")
    )
    assert "a.txt:2" in _column(out, "[red]A[/red]")


# ------------------------------------------------------------------------ colour and pipes


def _compare(*args: str, env: dict[str, str]) -> str:
    merged = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM")
    }
    merged.update(env)
    done = subprocess.run(
        [sys.executable, "-m", "comparator", *args, "-a", str(MINI)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=merged,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[0-9;]+)m")


def test_piped_output_has_no_escape_codes() -> None:
    out = _compare("weapons", env={})
    assert "✘✘ denies" in out
    assert is_clean(out)


def test_force_color_colours_and_no_color_wins() -> None:
    coloured = _compare("weapons", env={"FORCE_COLOR": "1"})
    assert COLOUR.search(coloured)  # the check below means something
    plain = _compare("weapons", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not COLOUR.search(plain)
    assert "✘✘ denies" in plain  # the symbol and word carry the stance without colour


def test_a_console_without_unicode_gets_ascii_marks() -> None:
    out = _compare("weapons", env={"PYTHONIOENCODING": "ascii", "COLUMNS": "100"})
    assert "-- denies !=" in out and "++ affirms !=" in out
    assert "!= contradict, 4 pairs: North (affirms), East/east-two (suggests) vs" in out
    assert out.isascii()


def test_run_cli_output_is_clean(run_cli: Any) -> None:
    assert is_clean(show(run_cli, "weapons", "motive", "chaos").stdout)


# ------------------------------------------------------------------------ errors


def test_unknown_topic_lists_topics_and_suggests(run_cli: Any) -> None:
    result = show(run_cli, "weapns")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no topic 'weapns'" in result.stderr
    assert "did you mean 'weapons'?" in result.stderr
    assert "topics: weapons, motive, chaos" in result.stderr


def test_unknown_claim_is_a_usage_error(run_cli: Any) -> None:
    result = show(run_cli, "motive", "--claim", "levrage")
    assert result.exit_code == 2
    assert "no claim 'levrage'" in result.stderr and "did you mean 'leverage'?" in result.stderr


# ------------------------------------------------------------------------ pictures


def test_save_svg_and_html(run_cli: Any, tmp_path: Path) -> None:
    svg, html = tmp_path / "view.svg", tmp_path / "view.html"
    result = show(run_cli, "weapons", "--save-svg", str(svg), "--save-html", str(html))
    assert result.exit_code == 0, result.output
    assert "✘✘ denies" in result.stdout  # the view is still printed
    assert svg.read_text(encoding="utf-8").startswith("<svg")
    assert "East" in svg.read_text(encoding="utf-8")
    page = html.read_text(encoding="utf-8")
    assert "<html" in page.lower() and "denies" in page
    assert "color:" in page  # the picture keeps colour even though the terminal had none
    assert f"wrote {svg}" in result.stderr


def test_save_svg_needs_the_text_format(run_cli: Any, tmp_path: Path) -> None:
    result = show(run_cli, "weapons", "--format", "json", "--save-svg", str(tmp_path / "x.svg"))
    assert result.exit_code == 2
    assert "--save-svg" in result.stderr and result.stdout == ""
    assert not (tmp_path / "x.svg").exists()


# ------------------------------------------------------------------------ markdown


def _tables(markdown: str) -> list[tuple[list[str], list[list[str]]]]:
    """(header cells, body rows) of every table, as the text a reader sees."""
    tables = []
    tokens = MD.parse(markdown)
    current: tuple[list[str], list[list[str]]] | None = None
    in_head = False
    for token in tokens:
        if token.type == "table_open":
            current = ([], [])
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open" and current is not None and not in_head:
            current[1].append([])
        elif token.type == "inline" and current is not None:
            text = "".join(c.content for c in token.children or [] if c.type == "text")
            (current[0] if in_head else current[1][-1]).append(text)
        elif token.type == "table_close" and current is not None:
            tables.append(current)
            current = None
    return tables


def test_markdown_has_a_table_per_claim_with_a_row_per_article(run_cli: Any) -> None:
    result = show(run_cli, "weapons", "chaos", "--format", "markdown")
    assert result.exit_code == 0
    tables = _tables(result.stdout)
    assert len(tables) == 3  # direct-supply, indirect-arms, profits
    for header, rows in tables:
        assert header == ["Outlet", "Source", "Stance", "Summary", "Evidence"]
        assert [row[:2] for row in rows] == [
            ["North", "north"],
            ["South", "south"],
            ["East", "east-one"],
            ["East", "east-two"],
        ]
        assert all(len(row) == 5 for row in rows)
    direct = tables[0][1]
    assert direct[2][2] == "✘✘ denies ≠" and direct[3][2] == "✔ suggests ≠"
    profits = tables[2][1]
    assert (
        profits[3][3] == "The Kremlin profits from chaos that [bold red]distracts[/bold "
        "red] the West."
    )
    assert profits[1][2] == "silent on this topic"
    out = result.stdout
    assert "**Verdict: contested**" in out and "**Verdict: mixed**" in out
    assert (
        "- ≠ contradict, 4 pairs: North (affirms), East/east-two (suggests) vs South (doubts), "
        "East/east-one (denies); divided inside East\n"
    ) in out
    assert "(suggests), inside East\n" not in out  # the pairs only on demand
    paired = show(run_cli, "weapons", "chaos", "--format", "markdown", "--pairs").stdout
    assert (
        "divided inside East\n  - North (affirms) vs South (doubts)\n"
        "  - North (affirms) vs East/east-one (denies)\n"
    ) in paired
    assert "  - East/east-one (denies) vs East/east-two (suggests), inside East\n" in paired


def test_markdown_without_quotes_drops_the_evidence_column(run_cli: Any) -> None:
    tables = _tables(show(run_cli, "weapons", "-f", "markdown", "--no-quotes").stdout)
    assert all(header == ["Outlet", "Source", "Stance", "Summary"] for header, _ in tables)


def test_markdown_escapes_hostile_text(run_cli: Any, hostile: Path) -> None:
    out = show(run_cli, "t", "-f", "markdown", corpus=hostile).stdout
    ((_header, rows),) = _tables(out)
    assert rows[0][0] == "[red]A[/red]"
    tokens = MD.parse(out)
    assert not any(
        c.type in ("link_open", "html_inline") and c.content != "<br>"
        for t in tokens
        for c in t.children or []
    )
    assert "\x1b" not in out


# ------------------------------------------------------------------------ JSON

POSITION_KEYS = {"source", "outlet", "stance", "score", "summary", "quotes", "reports"}
REPORT_KEYS = {"voice", "name", "role", "stance", "score", "treatment", "quotes"}
TREATMENTS = {"endorses", "relays", "questions"}
RELATIONS = {"agree", "agree-different-certainty", "contradict", "diverge", "one-sided"}
STANCES = {"affirms": 2, "suggests": 1, "neutral": 0, "doubts": -1, "denies": -2}


def _check_design_shape(document: Any, source_ids: set[str]) -> None:
    """Every key DESIGN.md promises, with the right kind of value."""
    assert isinstance(document, list)
    for topic in document:
        assert {"topic", "title", "question", "claims", "silent", "unreviewed"} <= set(topic)
        assert all(isinstance(topic[k], str) for k in ("topic", "title", "question"))
        assert set(topic["silent"]) <= source_ids and set(topic["unreviewed"]) <= source_ids
        for claim in topic["claims"]:
            assert {"id", "text", "verdict", "positions", "relations"} <= set(claim)
            assert claim["verdict"] in {
                "consensus",
                "contested",
                "mixed",
                "single-source",
                "unaddressed",
            }
            for position in claim["positions"]:
                assert set(position) >= POSITION_KEYS
                assert "attributed_to" not in position
                assert position["source"] in source_ids
                if position["stance"] is None:  # reports only
                    assert position["score"] is None and position["reports"]
                else:
                    assert STANCES[position["stance"]] == position["score"]
                for report in position["reports"]:
                    assert set(report) == REPORT_KEYS
                    assert STANCES[report["stance"]] == report["score"]
                    assert report["treatment"] in TREATMENTS
                for quote in position["quotes"]:
                    assert {"text", "file", "line", "column"} <= set(quote)
                    located = [quote[k] is not None for k in ("file", "line", "column")]
                    assert all(located) or not any(located)
            for relation in claim["relations"]:
                assert {"a", "b", "relation"} <= set(relation)
                assert relation["relation"] in RELATIONS
                assert {relation["a"], relation["b"]} <= source_ids


def test_json_matches_the_design_shape(run_cli: Any) -> None:
    result = show(run_cli, "weapons", "motive", "chaos", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    _check_design_shape(document, {"north", "south", "east-one", "east-two"})
    assert [t["topic"] for t in document] == ["weapons", "motive", "chaos"]
    weapons, motive, _chaos = document
    direct, indirect = weapons["claims"]
    assert (direct["id"], direct["verdict"], indirect["verdict"]) == (
        "direct-supply",
        "contested",
        "single-source",
    )
    relations = {(r["a"], r["b"]): r["relation"] for r in direct["relations"]}
    assert relations[("north", "south")] == "contradict"
    assert relations[("east-one", "east-two")] == "contradict"
    assert relations[("south", "east-one")] == "agree-different-certainty"
    south, east_two = indirect["positions"]
    assert (south["source"], south["outlet"], south["stance"], south["score"]) == (
        "south",
        "South",
        "affirms",
        2,
    )
    [report] = south["reports"]
    assert {k: v for k, v in report.items() if k != "quotes"} == {
        "voice": "israeli-officials",
        "name": "Israeli officials",
        "role": "unnamed officials of Israel's government",
        "stance": "affirms",
        "score": 2,
        "treatment": "endorses",
    }
    assert report["quotes"][0] | {} == {
        "text": "Russian-made weapons reach Hamas through Iran and Syria, according to Israeli "
        "officials",
        "file": "seeds/south-post.txt",
        "line": 4,
        "column": 1,
        "status": "found",
        "parts": [
            {
                "text": "Russian-made weapons reach Hamas through Iran and Syria, according to "
                "Israeli officials",
                "file": "seeds/south-post.txt",
                "line": 4,
                "column": 1,
            }
        ],
        # A whole sentence but its full stop: one quoted piece, then the stop left out.
        "sentence": {
            "text": "Russian-made weapons reach Hamas through Iran and Syria, according to "
            "Israeli officials.",
            "pieces": [
                {
                    "text": "Russian-made weapons reach Hamas through Iran and Syria, according "
                    "to Israeli officials",
                    "quoted": True,
                },
                {"text": ".", "quoted": False},
            ],
        },
    }
    assert direct["positions"][0]["reports"] == []
    # reports only: no own stance, and no part in any relation of the claim
    assert (east_two["source"], east_two["stance"], east_two["score"]) == ("east-two", None, None)
    assert [r for r in indirect["relations"] if "east-two" in (r["a"], r["b"])] == [
        {"a": "south", "b": "east-two", "relation": "one-sided", "same_outlet": False}
    ]
    assert (motive["silent"], motive["unreviewed"]) == (["east-one"], ["east-two"])


def test_json_is_a_list_even_for_one_topic_and_honours_claim(run_cli: Any) -> None:
    document = json.loads(show(run_cli, "weapons", "-c", "indirect-arms", "-f", "json").stdout)
    assert isinstance(document, list) and len(document) == 1
    assert [c["id"] for c in document[0]["claims"]] == ["indirect-arms"]


def test_json_quote_not_found_has_null_location(run_cli: Any, hostile: Path) -> None:
    document = json.loads(show(run_cli, "t", "-f", "json", corpus=hostile).stdout)
    _check_design_shape(document, {"a", "b"})
    positions = document[0]["claims"][0]["positions"]
    missing = positions[1]["quotes"][0]
    assert (missing["file"], missing["line"], missing["column"], missing["status"]) == (
        None,
        None,
        None,
        "not-found",
    )
    # version 1's attributed_to: the quote is the report's, not the article's own
    assert positions[0]["quotes"] == []
    [report] = positions[0]["reports"]
    assert (report["name"], report["treatment"]) == ("[i]Ann[/i]", "relays")
    assert report["quotes"][0]["text"].startswith("The Kremlin \x1b[31m")


# ------------------------------------------------------------------------ helpers


def _flat(text: str) -> str:
    """Wrapped text back on one line."""
    return " ".join(text.split())


def _column(out: str, header: str) -> str:
    """The text of one column of the first side-by-side table (columns layout)."""
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("│") and header in line)
    cells = [c.strip() for c in lines[head].strip("│").split("│")]
    index = cells.index(header)
    body = []
    for line in lines[head + 2 :]:
        if not line.startswith("│"):
            break
        body.append(line.strip("│").split("│")[index].strip())
    return "\n".join(body)


def test_both_pictures_to_one_file_is_refused(run_cli: Any, tmp_path: Path) -> None:
    """The HTML would silently replace the SVG: refused before anything is written."""
    same = tmp_path / "view.out"
    result = show(run_cli, "weapons", "--save-svg", str(same), "--save-html", str(same))
    assert result.exit_code == 2
    assert "name the same file" in result.stderr and not same.exists()
