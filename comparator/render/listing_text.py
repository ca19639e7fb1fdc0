"""``compare topics`` and ``compare sources`` as text: what the corpus holds, at a glance.

Topics: each topic's id, title and question, its claims, who covers it, who is silent, who
has not been reviewed, and how its claims stand (verdict counts). Sources: the articles
grouped by outlet, with their metadata, file, and how many topics each covers or is silent
on. Every corpus value goes through ``data_text``.
"""

from __future__ import annotations

from typing import IO

from rich import box
from rich.table import Table
from rich.text import Text

from comparator.compare import Coverage
from comparator.console import data_text, make_console
from comparator.render.style import VERDICT_STYLES
from comparator.safetext import visible_path
from comparator.views.listing import Reach, SourceLine, SourcesView, TopicLine, TopicsView

#: What an empty listing says next: the command that fills it.
START_TOPIC = (
    "Start one: compare add TOPIC --title TITLE --question QUESTION --claim CLAIM --claim-text TEXT"
)
ADD_SOURCE = "Add one: compare ingest PAGE.html --id ID --outlet LABEL --write"

#: How each group of a listing cell looks.
REACH_STYLES = {Reach.COVERING: "green", Reach.SILENT: "dim", Reach.UNREVIEWED: "yellow"}
COVERAGE_STYLES = {Coverage.COVERED: "green", Coverage.SILENT: "dim", Coverage.UNREVIEWED: "yellow"}


def render_topics(model: TopicsView, out: IO[str]) -> None:
    console = make_console(out)
    if not model.topics:
        console.print(Text("The corpus has no topics yet.", style="dim"))
        console.print(Text(START_TOPIC, style="dim"), soft_wrap=True)
        return
    table = Table(box=box.ROUNDED, expand=True, show_lines=True)
    table.add_column("Topic", ratio=1, overflow="fold", vertical="top")
    table.add_column("Claims", min_width=len("9 single-source"), overflow="fold", vertical="top")
    table.add_column("Sources", ratio=1, overflow="fold", vertical="top")
    for line in model.topics:
        topic = line.topic
        name = data_text(topic.id, "bold cyan", one_line=True)
        name.append("\n")
        name.append_text(data_text(topic.title, "bold", one_line=True))
        name.append("\n")
        name.append_text(data_text(topic.question, "italic", one_line=True))
        table.add_row(name, _claims(line), _coverage(line))
    console.print(table)
    topics, claims, sources = len(model.topics), model.claim_count, model.source_count
    console.print(
        Text(
            f"{topics} topic{'s' * (topics != 1)}, {claims} "
            f"claim{'s' * (claims != 1)}, {sources} source{'s' * (sources != 1)}; "
            "compare TOPIC shows one side by side",
            style="dim",
        )
    )


def _coverage(line: TopicLine) -> Text:
    text = Text()
    for group in line.groups:
        if group.ids:
            _count_line(text, group.reach.value, REACH_STYLES[group.reach], group.labels)
    return text if text.plain else Text("no sources", style="dim")


def _claims(line: TopicLine) -> Text:
    """How many claims, then how many of them have each verdict."""
    count = len(line.claims)
    text = Text(f"{count} claim{'s' * (count != 1)}", style="bold")
    for verdict, n in line.verdicts:
        if n:
            text.append(f"\n{n} {verdict.value}", style=VERDICT_STYLES[verdict])
    return text


def render_sources(model: SourcesView, out: IO[str]) -> None:
    console = make_console(out)
    if not model.sources:
        console.print(Text("The corpus has no sources yet.", style="dim"))
        console.print(Text(ADD_SOURCE, style="dim"), soft_wrap=True)
        return
    table = Table(box=box.ROUNDED, expand=True, show_lines=True)
    table.add_column(
        "Outlet", overflow="fold", vertical="top", max_width=max(12, console.width // 4)
    )
    table.add_column("Source", ratio=3, overflow="fold", vertical="top")
    table.add_column("Topics", ratio=2, overflow="fold", vertical="top")
    for group in model.outlets:
        for index, line in enumerate(group.sources):
            head = Text()
            if index == 0:
                head = data_text(group.outlet, "bold", one_line=True)
                if group.outlet_name:
                    head.append("\n")
                    head.append_text(data_text(group.outlet_name, "dim", one_line=True))
            source = line.source
            about = data_text(source.id, "bold cyan", one_line=True)
            about.append("\n")
            about.append_text(data_text(source.title, "bold", one_line=True))
            for label, value in (
                ("by", ", ".join(source.authors)),
                ("published", source.published or ""),
                ("via", source.via or ""),
                ("file", visible_path(source.file)),
            ):
                if value:
                    about.append(f"\n{label} ", style="dim")
                    about.append_text(data_text(value, one_line=True))
            table.add_row(head, about, _topics_of(line))
    console.print(table)
    count, outlets = len(model.sources), len(model.outlets)
    console.print(
        Text(
            f"{count} source{'s' * (count != 1)} in {outlets} outlet{'s' * (outlets != 1)}",
            style="dim",
        )
    )


def _topics_of(line: SourceLine) -> Text:
    text = Text()
    for group in line.topics:
        if group.ids:
            _count_line(text, group.coverage.value, COVERAGE_STYLES[group.coverage], group.ids)
    return text if text.plain else Text("no topics", style="dim")


def _count_line(text: Text, kind: str, style: str, names: tuple[str, ...]) -> None:
    """``3 silent: A, B, C`` on a line of its own in a listing cell."""
    if text.plain:
        text.append("\n")
    text.append(f"{len(names)} {kind}", style=style)
    text.append(": ", style="dim")
    text.append_text(data_text(", ".join(names), "dim", one_line=True))
