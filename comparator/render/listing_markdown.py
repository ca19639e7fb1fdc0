"""``compare topics|sources --format markdown``: what the corpus holds, as GFM tables.

Same content as the text views: topics with their claims, coverage and verdict counts;
sources by outlet with their metadata and the topics they cover. Every corpus value is escaped
with ``markdown_util``.
"""

from __future__ import annotations

from typing import IO

from comparator.models import Verdict
from comparator.render.markdown_util import escape_cell, escape_inline, table
from comparator.views.listing import SourcesView, TopicsView


def _tally_phrase(counts: tuple[tuple[Verdict, int], ...]) -> str:
    """``2 contested, 1 consensus``: the non-zero counts, in the model's order."""
    return ", ".join(f"{n} {verdict.value}" for verdict, n in counts if n)


def render_topics(model: TopicsView, out: IO[str]) -> None:
    rows = []
    for line in model.topics:
        topic = line.topic
        coverage = [
            f"{len(group.ids)} {group.reach.value}: {escape_inline(', '.join(group.labels))}"
            for group in line.groups
            if group.ids
        ]
        rows.append(
            [
                f"**{escape_cell(topic.id)}**",
                escape_cell(topic.title),
                escape_cell(topic.question),
                str(len(line.claims)),
                "<br>".join(coverage) or "no sources",
                escape_cell(_tally_phrase(line.verdicts) or "no claims"),
            ]
        )
    header = ["Topic", "Title", "Question", "Claims", "Sources", "Verdicts"]
    out.write("## Topics\n\n")
    out.write(
        table(header, rows, ["---", "---", "---", "---:", "---", "---"]) + "\n"
        if rows
        else "The corpus has no topics yet.\n"
    )


def render_sources(model: SourcesView, out: IO[str]) -> None:
    rows = []
    for group in model.outlets:
        for line in group.sources:
            source = line.source
            topics = [
                f"{len(group.ids)} {group.coverage.value}: {escape_inline(', '.join(group.ids))}"
                for group in line.topics
                if group.ids
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
