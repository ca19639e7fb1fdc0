"""``compare matrix --format markdown``: the stance grid and the outlet pair table as GFM.

The grid has a row per claim (topic and claim id first), so each cell holds just the marks of
the outlet's articles on that claim; the pair table counts agree / contradict per outlet pair.
"""

from __future__ import annotations

from typing import IO

from comparator.render.markdown_util import escape_cell, escape_inline, table
from comparator.render.style import grid_legend, legend, marks_line
from comparator.views.matrix import MatrixView


def render(model: MatrixView, out: IO[str]) -> None:
    if model.empty:
        out.write("Nothing to compare yet: the corpus needs topics and sources.\n")
        return
    columns = model.columns
    header = ["Topic", "Claim", *(escape_cell(c.outlet) for c in columns)]
    rows = []
    for topic in model.topics:
        lines = [topic.lines(column) for column in range(len(columns))]
        for index, claim in enumerate(topic.claims):
            rows.append(
                [
                    escape_cell(topic.topic.id),
                    escape_cell(claim.id),
                    *(escape_cell(marks_line(cell[index])) for cell in lines),
                ]
            )
    blocks = ["## Stances", table(header, rows)]
    notes = [f"{c.outlet}: {', '.join(s.id for s in c.sources)}" for c in model.shared_outlets]
    if notes:
        blocks.append("Marks in article order: " + escape_inline("; ".join(notes)))

    pair_rows = []
    for column, tallies in zip(columns, model.pair_grid, strict=True):
        cells_out = [f"**{escape_cell(column.outlet)}**"]
        for tally in tallies:
            cells_out.append("—" if tally is None else f"{tally.agreeing} / {tally.contradict}")
        pair_rows.append(cells_out)
    blocks += [
        "## Outlet pairs: agree / contradict",
        table(
            [" ", *(escape_cell(c.outlet) for c in columns)],
            pair_rows,
            ["---", *(":---:" for _ in columns)],
        ),
        escape_inline(
            "Counts are claims, one per pair of articles; agree means same "
            "side, any certainty; the diagonal compares an outlet's own "
            "articles." + (f" {model.rival_note}" if model.rivals else "")
        ),
    ]
    blocks.append("_" + escape_inline(f"{legend()[0]}; {grid_legend()}") + "_")
    out.write("\n\n".join(blocks) + "\n")
