"""``compare matrix`` as text: the whole corpus in two tables.

First a topics × outlets grid: a row per topic listing its claims, and in each outlet's column
one line per claim with a mark per article (the stance symbol, or why there is none), so a
reader sees at once who took which side on what. Then an outlet × outlet table: for each
pair, on how many claims their articles agree (same side, any certainty) and contradict.

The grid is printed a topic at a time (render/grid.py): its column widths come from a first
pass over the marks as plain strings, so a corpus of thousands of articles never has its whole
grid laid out in memory at once.
"""

from __future__ import annotations

from typing import IO

from rich.cells import cell_len
from rich.text import Span, Text

from comparator.console import data_text, make_console
from comparator.render.grid import PADDING, Grid, Printer, fit
from comparator.render.style import (
    CONTRADICT_STYLE,
    DASH,
    STANCE_STYLES,
    SYMBOLS,
    grid_legend,
    legend,
    marks_line,
    pick,
)
from comparator.safetext import visible
from comparator.views.matrix import MatrixTopic, MatrixView


def render(model: MatrixView, out: IO[str]) -> None:
    printer = Printer(make_console(out))
    if model.empty:
        printer.text(
            Text("Nothing to compare yet: the corpus needs topics and sources.", style="dim")
        )
        printer.flush()
        return
    unicode = printer.unicode
    grid_widths = _grid_widths(model, unicode, printer.width)
    header, rows = _pair_cells(model, unicode)
    pair_widths = _pair_widths(header, rows, printer.width)
    needed = max(_table_width(grid_widths), _table_width(pair_widths))
    if needed > printer.width:
        # A table wider than the terminal is torn apart by it: say so instead.
        printer.text(
            Text(
                f"The terminal is {printer.width} columns wide; the matrix needs at least "
                f"{needed}. Widen the window, or use --format markdown or --format json.",
                style="bold",
            )
        )
        printer.flush()
        return
    _grid(printer, model, unicode, grid_widths)
    printer.text()
    _pairs(printer, model, unicode, header, rows, pair_widths)
    printer.text()
    for line in (legend(unicode)[0], grid_legend(unicode)):
        printer.text(data_text(line, "dim"))
    printer.flush()


#: The narrowest the topic / claim column gets on a narrow terminal (it wraps below this).
FIRST_COLUMN_MIN = 6


def _table_width(widths: list[int]) -> int:
    """How many cells a table of these content widths takes: padding and lines included."""
    return sum(widths) + len(widths) * (1 + 2 * PADDING) + 1


def _grid_widths(model: MatrixView, unicode: bool, width: int) -> list[int]:
    """The grid's content widths for a terminal ``width`` wide (maybe wider, if it cannot fit)."""
    columns = model.columns
    # Claim ids never wrap: each outlet's lines must stay level with the claim they are on.
    longest = max(
        [len(t.topic.id) for t in model.topics]
        + [len(claim.id) + 2 for t in model.topics for claim in t.claims]
    )
    natural = [max(longest, len("Topic / claim"))]
    natural += [cell_len(visible(c.outlet, one_line=True)) for c in columns]
    for topic in model.topics:  # first pass: widths only, from plain strings
        for column in range(len(columns)):
            for line in _lines(topic, column, unicode):
                natural[column + 1] = max(natural[column + 1], cell_len(line))
    minimum = [min(natural[0], width // 2)] + [2] * len(columns)
    widths = fit(natural, minimum, width)
    if _table_width(widths) > width:  # a narrow terminal: the first column gives way further
        rest = _table_width(widths) - widths[0]
        minimum[0] = min(natural[0], max(FIRST_COLUMN_MIN, width - rest))
        widths = fit(natural, minimum, width)
    return widths


def _grid(printer: Printer, model: MatrixView, unicode: bool, widths: list[int]) -> None:
    printer.text(Text("Stances: a line per claim, a mark per article", style="bold"))
    columns = model.columns
    grid = Grid(printer, widths, unicode=unicode)
    grid.header(
        [
            Text("Topic / claim", style="bold"),
            *(data_text(c.outlet, "bold", one_line=True) for c in columns),
        ]
    )
    # A grid of thousands of articles is hundreds of thousands of marks: each a span of rich
    # Text to wrap and render only when the console shows colours or records them.
    console = printer.console
    styles: dict[str, str] | None = None
    if console.color_system is not None or console.record:
        styles = {SYMBOLS[s][0 if unicode else 1]: style for s, style in STANCE_STYLES.items()}
    blank = [Text("") for _ in columns]
    for topic in model.topics:
        # A row for the topic, then one per claim: when an outlet has more articles than its
        # column holds marks, its marks wrap inside the claim's own row and stay level with it.
        grid.row([data_text(topic.topic.id, "bold cyan", one_line=True), *blank], rule_before=True)
        if not topic.claims:
            grid.row([Text("  (no claims)", style="dim"), *blank])
        marks = [_lines(topic, column, unicode) for column in range(len(columns))]
        for index, claim in enumerate(topic.claims):
            name = Text("  ")
            name.append_text(data_text(claim.id, one_line=True))
            grid.row([name, *(_marks(lines[index], styles) for lines in marks)])
    grid.close()
    notes = [f"{c.outlet}: {', '.join(s.id for s in c.sources)}" for c in model.shared_outlets]
    if notes:
        printer.text(data_text("marks in article order: " + "; ".join(notes), "dim", one_line=True))


def _lines(topic: MatrixTopic, column: int, unicode: bool) -> list[str]:
    """One outlet's cell on a topic: a line of marks per claim."""
    return [marks_line(marks, unicode) for marks in topic.lines(column)]


def _marks(line: str, styles: dict[str, str] | None) -> Text:
    """One outlet's marks on one claim, each in its stance's colour; ``styles`` is None when
    the console prints no colour and records nothing, and the marks stay one plain string."""
    if styles is None:
        return Text(line)
    spans = []
    start = 0
    for mark in line.split(" "):
        if mark:
            spans.append(Span(start, start + len(mark), styles.get(mark, "dim")))
        start += len(mark) + 1
    return Text(line, spans=spans)


def _pair_cells(model: MatrixView, unicode: bool) -> tuple[list[Text], list[list[Text]]]:
    """The outlet-pairs table's header and rows."""
    rows: list[list[Text]] = []
    for column, tallies in zip(model.columns, model.pair_grid, strict=True):
        cells: list[Text] = [data_text(column.outlet, "bold", one_line=True)]
        for tally in tallies:
            if tally is None:
                cells.append(Text(pick(DASH, unicode), style="dim"))
                continue
            agree = tally.agreeing
            cell = Text(str(agree), style="green" if agree else "dim")
            cell.append(" / ", style="dim")
            cell.append(
                str(tally.contradict), style=CONTRADICT_STYLE if tally.contradict else "dim"
            )
            cells.append(cell)
        rows.append(cells)
    header = [Text(""), *(data_text(c.outlet, "bold", one_line=True) for c in model.columns)]
    return header, rows


def _pair_widths(header: list[Text], rows: list[list[Text]], width: int) -> list[int]:
    natural = [max(cell_len(r[i].plain) for r in [header, *rows]) for i in range(len(header))]
    return fit(natural, [min(w, 3) for w in natural], width)


def _pairs(
    printer: Printer,
    model: MatrixView,
    unicode: bool,
    header: list[Text],
    rows: list[list[Text]],
    widths: list[int],
) -> None:
    printer.text(Text("Outlet pairs: claims where they agree / contradict", style="bold"))
    grid = Grid(
        printer, widths, unicode=unicode, justify=["left"] + ["center"] * len(model.columns)
    )
    grid.header(header)
    for cells in rows:
        grid.row(cells)
    grid.close()
    printer.text(
        Text(
            "agree: same side, any certainty. The diagonal pits an outlet's own "
            f"articles against each other; {pick(DASH, unicode)} nothing to "
            "compare." + (f" {model.rival_note}" if model.rivals else ""),
            style="dim",
        )
    )
