"""``compare matrix --format markdown``: the stance grid and the outlet pair table as GFM.

The grid has a row per claim (topic and claim id first), so each cell holds just the marks of
the outlet's articles on that claim; the pair table counts agree / contradict per outlet pair.
"""

from __future__ import annotations

from typing import IO

from comparator.compare import outlet_pairs
from comparator.render import RenderContext
from comparator.render.markdown_util import escape_cell, escape_inline, table
from comparator.render.style import grid_legend, grid_lines, legend


def render(context: RenderContext, out: IO[str]) -> None:
    corpus = context.result.corpus
    if corpus is None or not context.comparisons or not corpus.sources:
        out.write("Nothing to compare yet: the corpus needs topics and sources.\n")
        return
    outlets = list(corpus.outlets)
    header = ["Topic", "Claim", *(escape_cell(o) for o in outlets)]
    rows = []
    for comparison in context.comparisons:
        cells = {o: grid_lines(comparison, o) for o in outlets}
        for index, claim in enumerate(comparison.claims):
            rows.append(
                [
                    escape_cell(comparison.topic.id),
                    escape_cell(claim.claim.id),
                    *(escape_cell(cells[o][index]) for o in outlets),
                ]
            )
    blocks = ["## Stances", table(header, rows)]
    notes = [
        f"{o}: {', '.join(s.id for s in corpus.sources if s.outlet == o)}"
        for o in outlets
        if sum(1 for s in corpus.sources if s.outlet == o) > 1
    ]
    if notes:
        blocks.append("Marks in article order: " + escape_inline("; ".join(notes)))

    counts = {(t.a, t.b): t for t in outlet_pairs(context.comparisons)}
    pair_rows = []
    for row in outlets:
        cells_out = [f"**{escape_cell(row)}**"]
        for column in outlets:
            tally = counts.get((row, column)) or counts.get((column, row))
            if tally is None:
                cells_out.append("—")
            else:
                agree = tally.agree + tally.agree_different_certainty
                cells_out.append(f"{agree} / {tally.contradict}")
        pair_rows.append(cells_out)
    blocks += [
        "## Outlet pairs: agree / contradict",
        table(
            [" ", *(escape_cell(o) for o in outlets)],
            pair_rows,
            ["---", *(":---:" for _ in outlets)],
        ),
        escape_inline(
            "Counts are claims, one per pair of articles; agree means same "
            "side, any certainty; the diagonal compares an outlet's own "
            "articles."
        ),
    ]
    blocks.append("_" + escape_inline(f"{legend()[0]}; {grid_legend()}") + "_")
    out.write("\n\n".join(blocks) + "\n")
