"""The hand-laid tables of the text views: wrapping as rich wraps, boxes that close, widths
that fill the console exactly."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from comparator.render.grid import FilePlace, Grid, Printer, fit, shares, wrap

#: Words of ASCII, accented and double-width letters, joined by spaces and line breaks.
WORDS = st.text(alphabet=st.sampled_from("abcdefghij-/:éü漢字"), min_size=1, max_size=30)
PARAGRAPHS = st.lists(
    st.tuples(WORDS, st.sampled_from([" ", "  ", "\n", " \n"])), min_size=1, max_size=25
).map(lambda ws: "".join(w + s for w, s in ws))


class Buffer(io.StringIO):
    """A file with the encoding of a terminal: what decides box lines or ASCII."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def console(width: int = 40, encoding: str = "utf-8") -> tuple[Console, Buffer]:
    buffer = Buffer(encoding)
    return Console(file=buffer, width=width, color_system=None, markup=False), buffer


@settings(max_examples=300, deadline=None)
@given(PARAGRAPHS, st.integers(min_value=2, max_value=50))
def test_wrap_breaks_lines_where_rich_breaks_them(text: str, width: int) -> None:
    ours = [line.plain for line in wrap(Text(text), width)]
    theirs = [line.plain for line in Text(text).wrap(console(width)[0], width, overflow="fold")]
    # rich leaves a space after a double-width letter that ends a full line; a table cell
    # cannot take it, so wrap drops it: the only difference allowed.
    assert [line.rstrip() for line in ours] == [line.rstrip() for line in theirs]


@settings(max_examples=300, deadline=None)
@given(PARAGRAPHS, st.integers(min_value=2, max_value=50))
def test_wrap_keeps_every_character_and_no_line_is_too_wide(text: str, width: int) -> None:
    from rich.cells import cell_len

    lines = wrap(Text(text), width)
    assert all(cell_len(line.plain) <= width for line in lines)
    assert "".join("".join(line.plain.split()) for line in lines) == "".join(text.split())


def test_wrap_keeps_styles_on_the_words_they_cover() -> None:
    text = Text("alpha ")
    text.append("beta gamma", style="bold")
    text.append(" delta")
    lines = wrap(text, 11)
    assert [line.plain for line in lines] == ["alpha beta ", "gamma delta"]
    assert [(line.plain[s.start : s.end], str(s.style)) for line in lines for s in line.spans] == [
        ("beta ", "bold"),
        ("gamma", "bold"),
    ]


@given(st.integers(min_value=1, max_value=8), st.integers(min_value=0, max_value=250))
def test_shares_fill_the_width_exactly(count: int, spare: int) -> None:
    total = 4 * count + 1 + spare  # room for every column's box line, padding and a letter
    widths = shares(total, count)
    assert sum(widths) + 3 * count + 1 == total
    assert max(widths) - min(widths) <= 1


def test_fit_narrows_the_widest_columns_first_and_never_below_their_minimum() -> None:
    assert fit([10, 40, 30], [5, 8, 8], 100) == [10, 40, 30]  # fits: unchanged
    assert fit([10, 40, 30], [5, 8, 8], 61) == [10, 20, 21]
    assert fit([10, 40, 30], [5, 30, 28], 61) == [5, 30, 28]  # cannot fit: minimums hold


def test_a_grid_is_boxed_and_every_line_has_the_console_width() -> None:
    out, buffer = console(40)
    printer = Printer(out)
    grid = Grid(printer, shares(40, 2))
    grid.header([Text("Left"), Text("Right")])
    grid.row([Text("a cell that needs wrapping"), [Text("one"), Text("two")]])
    grid.row([Text("x"), Text("y")], rule_before=True)
    grid.close()
    printer.flush()
    lines = buffer.getvalue().splitlines()
    assert lines == [
        "╭───────────────────┬──────────────────╮",
        "│ Left              │ Right            │",
        "├───────────────────┼──────────────────┤",
        "│ a cell that needs │ one              │",
        "│ wrapping          │ two              │",
        "├───────────────────┼──────────────────┤",
        "│ x                 │ y                │",
        "╰───────────────────┴──────────────────╯",
    ]


def test_a_grid_draws_ascii_where_the_console_cannot_encode_box_lines() -> None:
    out, buffer = console(20, encoding="ascii")
    printer = Printer(out)
    grid = Grid(printer, [5, 6], unicode=printer.unicode, justify=["left", "center"])
    grid.row([Text("ab"), Text("cd")])
    grid.row([Text("ef"), Text("g")], rule_before=True)
    grid.close()
    printer.rule(Text("title"))
    printer.flush()
    assert buffer.getvalue().splitlines() == [  # rich's ASCII box: no cross on the edges
        "+----------------+",
        "| ab    |   cd   |",
        "|-------+--------|",
        "| ef    |   g    |",
        "+----------------+",
        "title --------------",
    ]


def test_markup_in_cells_is_printed_as_it_is() -> None:
    out, buffer = console(40)
    printer = Printer(out)
    grid = Grid(printer, [36])
    grid.row([Text("[bold]not markup[/bold] \x1b[31m")])
    grid.close()
    printer.flush()
    assert "[bold]not markup[/bold]" in buffer.getvalue()


PATH_NAMES = st.text(alphabet=st.sampled_from("abcde-_.漢"), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(PATH_NAMES, min_size=1, max_size=4),
    st.integers(min_value=1, max_value=9999),
    st.integers(min_value=4, max_value=40),
)
def test_file_line_never_breaks_inside_a_name_that_fits(
    names: list[str], line: int, width: int
) -> None:
    text = "/".join(names) + f":{line}"
    lines = [piece.plain for piece in FilePlace(text, "dim")(width)]
    assert "".join(lines) == text  # nothing lost, nothing added
    assert all(cell_len(piece) <= width for piece in lines)
    # Every name (a folder with its "/", or the file with ":line") that fits a line is on one.
    start = 0
    for index, name in enumerate(names):
        whole = name + ("/" if index < len(names) - 1 else f":{line}")
        if cell_len(whole) <= width:
            assert any(whole in piece for piece in _lines_over(lines, start, len(whole)))
        start += len(whole)


def _lines_over(lines: list[str], start: int, length: int) -> list[str]:
    """The lines that hold the characters ``start`` to ``start + length`` of their join."""
    out, offset = [], 0
    for piece in lines:
        if offset <= start and start + length <= offset + len(piece):
            out.append(piece[start - offset : start - offset + length])
        offset += len(piece)
    return out


def test_a_file_name_that_fits_moves_to_the_next_line_whole() -> None:
    place = FilePlace("seeds/north-times.txt:2", "dim")
    assert [piece.plain for piece in place(22)] == ["seeds/", "north-times.txt:2"]
    assert [piece.plain for piece in place(40)] == ["seeds/north-times.txt:2"]
    # Too wide for any line: then it breaks after a '-' or '_', and folds only what remains.
    assert [piece.plain for piece in place(8)] == ["seeds/", "north-", "times.tx", "t:2"]
