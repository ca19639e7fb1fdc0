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

from typing import IO, TYPE_CHECKING

from comparator.compare import outlet_pairs
from comparator.console import data_text, make_console
from comparator.render import RenderContext
from comparator.render.style import (
    CONTRADICT_STYLE,
    DASH,
    STANCE_STYLES,
    SYMBOLS,
    grid_legend,
    grid_lines,
    legend,
    pick,
)
from comparator.safetext import visible

if TYPE_CHECKING:
    from rich.text import Text

    from comparator.render.grid import Printer


def render(context: RenderContext, out: IO[str]) -> None:
    from rich.text import Text

    from comparator.render.grid import Printer

    printer = Printer(make_console(out))
    corpus = context.result.corpus
    if corpus is None or not context.comparisons or not corpus.sources:
        printer.text(
            Text("Nothing to compare yet: the corpus needs topics and sources.", style="dim")
        )
        printer.flush()
        return
    unicode = printer.unicode
    _grid(printer, context, unicode)
    printer.text()
    _pairs(printer, context, unicode)
    printer.text()
    for line in (legend(unicode)[0], grid_legend(unicode)):
        printer.text(data_text(line, "dim"))
    printer.flush()


def _grid(printer: Printer, context: RenderContext, unicode: bool) -> None:
    from rich.cells import cell_len
    from rich.text import Text

    from comparator.render.grid import Grid, fit

    corpus = context.result.corpus
    assert corpus is not None
    printer.text(Text("Stances: a line per claim, a mark per article", style="bold"))
    outlets = corpus.outlets
    # Claim ids never wrap: each outlet's lines must stay level with the claim they are on.
    longest = max(
        [len(c.topic.id) for c in context.comparisons]
        + [len(k.claim.id) + 2 for c in context.comparisons for k in c.claims]
    )
    natural = [max(longest, len("Topic / claim"))]
    natural += [cell_len(visible(o, one_line=True)) for o in outlets]
    for comparison in context.comparisons:  # first pass: widths only, from plain strings
        for column, outlet in enumerate(outlets, start=1):
            for line in grid_lines(comparison, outlet, unicode):
                natural[column] = max(natural[column], cell_len(line))
    minimum = [min(natural[0], printer.width // 2)] + [2] * len(outlets)
    grid = Grid(printer, fit(natural, minimum, printer.width), unicode=unicode)
    grid.header(
        [
            Text("Topic / claim", style="bold"),
            *(data_text(o, "bold", one_line=True) for o in outlets),
        ]
    )
    notes = []
    for outlet in outlets:
        members = [s.id for s in corpus.sources if s.outlet == outlet]
        if len(members) > 1:
            notes.append(f"{outlet}: {', '.join(members)}")
    styles = {SYMBOLS[s][0 if unicode else 1]: style for s, style in STANCE_STYLES.items()}
    blank = [Text("") for _ in outlets]
    for comparison in context.comparisons:
        # A row for the topic, then one per claim: when an outlet has more articles than its
        # column holds marks, its marks wrap inside the claim's own row and stay level with it.
        grid.row(
            [data_text(comparison.topic.id, "bold cyan", one_line=True), *blank], rule_before=True
        )
        if not comparison.claims:
            grid.row([Text("  (no claims)", style="dim"), *blank])
        marks = [grid_lines(comparison, outlet, unicode) for outlet in outlets]
        for index, claim in enumerate(comparison.claims):
            name = Text("  ")
            name.append_text(data_text(claim.claim.id, one_line=True))
            grid.row([name, *(_marks(lines[index], styles) for lines in marks)])
    grid.close()
    if notes:
        printer.text(data_text("marks in article order: " + "; ".join(notes), "dim"))


def _marks(line: str, styles: dict[str, str]) -> Text:
    """One outlet's marks on one claim, each in its stance's colour."""
    from rich.text import Text

    text = Text()
    for index, mark in enumerate(line.split(" ")):
        if index:
            text.append(" ")
        text.append(mark, style=styles.get(mark, "dim"))
    return text


def _pairs(printer: Printer, context: RenderContext, unicode: bool) -> None:
    from rich.cells import cell_len
    from rich.text import Text

    from comparator.render.grid import Grid, fit

    corpus = context.result.corpus
    assert corpus is not None
    counts = {(t.a, t.b): t for t in outlet_pairs(context.comparisons)}
    printer.text(Text("Outlet pairs: claims where they agree / contradict", style="bold"))
    rows: list[list[Text]] = []
    for row in corpus.outlets:
        cells: list[Text] = [data_text(row, "bold", one_line=True)]
        for column in corpus.outlets:
            tally = counts.get((row, column)) or counts.get((column, row))
            if tally is None:
                cells.append(Text(pick(DASH, unicode), style="dim"))
                continue
            agree = tally.agree + tally.agree_different_certainty
            cell = Text(str(agree), style="green" if agree else "dim")
            cell.append(" / ", style="dim")
            cell.append(
                str(tally.contradict), style=CONTRADICT_STYLE if tally.contradict else "dim"
            )
            cells.append(cell)
        rows.append(cells)
    header = [Text(""), *(data_text(o, "bold", one_line=True) for o in corpus.outlets)]
    natural = [max(cell_len(r[i].plain) for r in [header, *rows]) for i in range(len(header))]
    widths = fit(natural, [min(w, 3) for w in natural], printer.width)
    grid = Grid(
        printer, widths, unicode=unicode, justify=["left"] + ["center"] * len(corpus.outlets)
    )
    grid.header(header)
    for cells in rows:
        grid.row(cells)
    grid.close()
    printer.text(
        Text(
            "agree: same side, any certainty. The diagonal pits an outlet's own "
            f"articles against each other; {pick(DASH, unicode)} nothing to "
            "compare.",
            style="dim",
        )
    )
