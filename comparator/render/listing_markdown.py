"""``compare topics|sources --format markdown``: what the corpus holds, as GFM tables.

Same content as the text views: topics with their claims, coverage and verdict counts;
sources by outlet with their metadata and the topics they cover. Every corpus value is escaped
with ``markdown_util``.
"""

from __future__ import annotations

from typing import IO

from comparator.compare import topic_coverage
from comparator.render import RenderContext
from comparator.render.markdown_util import escape_cell, escape_inline, table
from comparator.render.style import by_outlet_order, labels, tally_phrase, verdict_tally


def render_topics(context: RenderContext, out: IO[str]) -> None:
    rows = []
    for comparison in context.comparisons:
        topic = comparison.topic
        names = labels(comparison)
        coverage = []
        for kind, ids in (
            ("covering", comparison.covering),
            ("silent", comparison.silent),
            ("unreviewed", comparison.unreviewed),
        ):
            if ids:
                who = ", ".join(names.get(i, i) for i in by_outlet_order(comparison, ids))
                coverage.append(f"{len(ids)} {kind}: {escape_inline(who)}")
        rows.append(
            [
                f"**{escape_cell(topic.id)}**",
                escape_cell(topic.title),
                escape_cell(topic.question),
                str(len(comparison.claims)),
                "<br>".join(coverage) or "no sources",
                escape_cell(tally_phrase(verdict_tally(comparison.claims))),
            ]
        )
    header = ["Topic", "Title", "Question", "Claims", "Sources", "Verdicts"]
    out.write("## Topics\n\n")
    out.write(
        table(header, rows, ["---", "---", "---", "---:", "---", "---"]) + "\n"
        if rows
        else "The corpus has no topics yet.\n"
    )


def render_sources(context: RenderContext, out: IO[str]) -> None:
    corpus = context.result.corpus
    sources = corpus.sources if corpus is not None else ()
    outlets = corpus.outlets if corpus is not None else ()
    rows = []
    for outlet in outlets:
        for source in (s for s in sources if s.outlet == outlet):
            coverage = topic_coverage(context.comparisons, source.id)
            topics = [
                f"{len(ids)} {kind}: {escape_inline(', '.join(ids))}"
                for kind, ids in coverage.items()
                if ids
            ]
            rows.append(
                [
                    escape_cell(source.outlet),
                    f"**{escape_cell(source.id)}**",
                    escape_cell(source.title),
                    escape_cell(", ".join(source.authors)),
                    escape_cell(source.published or ""),
                    escape_cell(source.file),
                    "<br>".join(topics) or "no topics",
                ]
            )
    header = ["Outlet", "Source", "Title", "Authors", "Published", "File", "Topics"]
    out.write("## Sources\n\n")
    out.write(table(header, rows) + "\n" if rows else "The corpus has no sources yet.\n")
