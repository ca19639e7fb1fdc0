"""``compare matrix`` as text: the whole corpus in two tables.

First a topics × outlets grid: a row per topic listing its claims, and in each outlet's column
one line per claim with a mark per article (the stance symbol, or why there is none), so a
reader sees at once who took which side on what. Then an outlet × outlet table: for each
pair, on how many claims their articles agree (same side, any certainty) and contradict.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from comparator.compare import outlet_pairs
from comparator.console import data_text, make_console
from comparator.render import RenderContext
from comparator.render.style import (
    CONTRADICT_STYLE,
    DASH,
    SYMBOLS,
    can_encode,
    grid_legend,
    grid_lines,
    legend,
    pick,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from comparator.compare import TopicComparison


def render(context: RenderContext, out: IO[str]) -> None:
    from rich.text import Text

    console = make_console(out)
    corpus = context.result.corpus
    if corpus is None or not context.comparisons or not corpus.sources:
        console.print(Text("Nothing to compare yet: the corpus needs topics and sources.",
                           style="dim"))
        return
    unicode = can_encode(console)
    _grid(console, context, unicode)
    console.print()
    _pairs(console, context, unicode)
    console.print()
    for line in (legend(unicode)[0], grid_legend(unicode)):
        console.print(data_text(line, "dim"))


def _grid(console: Console, context: RenderContext, unicode: bool) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    corpus = context.result.corpus
    assert corpus is not None
    console.print(Text("Stances: a line per claim, a mark per article", style="bold"))
    table = Table(box=box.ROUNDED, expand=False, show_lines=True)
    # Claim ids never wrap: each outlet's lines must stay level with the claim they are on.
    longest = max([len(c.topic.id) for c in context.comparisons]
                  + [len(k.claim.id) + 2 for c in context.comparisons for k in c.claims])
    table.add_column("Topic / claim", no_wrap=True, overflow="fold", vertical="top",
                     min_width=min(longest, console.width // 2))
    notes = []
    for outlet in corpus.outlets:
        members = [s.id for s in corpus.sources if s.outlet == outlet]
        if len(members) > 1:
            notes.append(f"{outlet}: {', '.join(members)}")
        table.add_column(data_text(outlet, "bold", one_line=True), overflow="fold",
                         vertical="top")
    for comparison in context.comparisons:
        name = data_text(comparison.topic.id, "bold cyan", one_line=True)
        for claim in comparison.claims:
            name.append("\n  ")
            name.append_text(data_text(claim.claim.id, one_line=True))
        if not comparison.claims:
            name.append("\n  (no claims)", style="dim")
        table.add_row(name, *(_cell(comparison, o, unicode) for o in corpus.outlets))
    console.print(table)
    if notes:
        console.print(data_text("marks in article order: " + "; ".join(notes), "dim"))


def _cell(comparison: TopicComparison, outlet: str, unicode: bool) -> Text:
    from rich.text import Text

    lines = grid_lines(comparison, outlet, unicode)
    text = Text()
    styles = {SYMBOLS[s][0 if unicode else 1]: f"{style}" for s, style in _stance_styles()}
    for line in lines:
        text.append("\n")
        for index, mark in enumerate(line.split(" ")):
            if index:
                text.append(" ")
            text.append(mark, style=styles.get(mark, "dim"))
    return text


def _stance_styles() -> list[tuple[object, str]]:
    from comparator.render.style import STANCE_STYLES

    return list(STANCE_STYLES.items())


def _pairs(console: Console, context: RenderContext, unicode: bool) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    corpus = context.result.corpus
    assert corpus is not None
    counts = {(t.a, t.b): t for t in outlet_pairs(context.comparisons)}
    console.print(Text("Outlet pairs: claims where they agree / contradict", style="bold"))
    table = Table(box=box.ROUNDED, expand=False)
    table.add_column("", overflow="fold")
    for outlet in corpus.outlets:
        table.add_column(data_text(outlet, "bold", one_line=True), overflow="fold",
                         justify="center")
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
            cell.append(str(tally.contradict),
                        style=CONTRADICT_STYLE if tally.contradict else "dim")
            cells.append(cell)
        table.add_row(*cells)
    console.print(table)
    console.print(Text("agree: same side, any certainty. The diagonal pits an outlet's own "
                       f"articles against each other; {pick(DASH, unicode)} nothing to "
                       "compare.", style="dim"))
