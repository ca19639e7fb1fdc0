"""``compare topics`` and ``compare sources`` as text: what the corpus holds, at a glance.

Topics: each topic's id, title and question, its claims, who covers it, who is silent, who
has not been reviewed, and how its claims stand (verdict counts). Sources: the articles
grouped by outlet, with their metadata, file, and how many topics each covers or is silent
on. Every corpus value goes through ``data_text``.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from comparator.compare import topic_coverage
from comparator.console import data_text, make_console
from comparator.render import RenderContext
from comparator.render.style import VERDICT_STYLES, by_outlet_order, labels, verdict_tally

if TYPE_CHECKING:
    from rich.text import Text

    from comparator.compare import TopicComparison


def render_topics(context: RenderContext, out: IO[str]) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = make_console(out)
    comparisons = context.comparisons
    if not comparisons:
        console.print(Text("The corpus has no topics yet.", style="dim"))
        return
    table = Table(box=box.ROUNDED, expand=True, show_lines=True)
    table.add_column("Topic", ratio=1, overflow="fold", vertical="top")
    table.add_column("Claims", min_width=len("9 single-source"), overflow="fold", vertical="top")
    table.add_column("Sources", ratio=1, overflow="fold", vertical="top")
    for comparison in comparisons:
        topic = comparison.topic
        name = data_text(topic.id, "bold cyan", one_line=True)
        name.append("\n")
        name.append_text(data_text(topic.title, "bold", one_line=True))
        name.append("\n")
        name.append_text(data_text(topic.question, "italic"))
        table.add_row(name, _claims(comparison), _coverage(comparison))
    console.print(table)
    sources = len(context.result.corpus.sources) if context.result.corpus else 0
    claims = sum(len(c.claims) for c in comparisons)
    console.print(
        Text(
            f"{len(comparisons)} topic{'s' * (len(comparisons) != 1)}, {claims} "
            f"claim{'s' * (claims != 1)}, {sources} source{'s' * (sources != 1)}; "
            "compare TOPIC shows one side by side",
            style="dim",
        )
    )


def _coverage(comparison: TopicComparison) -> Text:
    from rich.text import Text

    names = labels(comparison)
    text = Text()
    for kind, ids, style in (
        ("covering", comparison.covering, "green"),
        ("silent", comparison.silent, "dim"),
        ("unreviewed", comparison.unreviewed, "yellow"),
    ):
        if ids:
            shown = by_outlet_order(comparison, ids)
            _count_line(text, kind, style, [names.get(i, i) for i in shown])
    return text if text.plain else Text("no sources", style="dim")


def _claims(comparison: TopicComparison) -> Text:
    """How many claims, then how many of them have each verdict."""
    from rich.text import Text

    from comparator.models import Verdict

    count = len(comparison.claims)
    text = Text(f"{count} claim{'s' * (count != 1)}", style="bold")
    styles = {v.value: VERDICT_STYLES[v] for v in Verdict}
    for word, n in verdict_tally(comparison.claims).items():
        if n:
            text.append(f"\n{n} {word}", style=styles.get(word, "dim"))
    return text


def render_sources(context: RenderContext, out: IO[str]) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = make_console(out)
    corpus = context.result.corpus
    if corpus is None or not corpus.sources:
        console.print(Text("The corpus has no sources yet.", style="dim"))
        return
    table = Table(box=box.ROUNDED, expand=True, show_lines=True)
    table.add_column(
        "Outlet", overflow="fold", vertical="top", max_width=max(12, console.width // 4)
    )
    table.add_column("Source", ratio=3, overflow="fold", vertical="top")
    table.add_column("Topics", ratio=2, overflow="fold", vertical="top")
    for outlet in corpus.outlets:
        members = [s for s in corpus.sources if s.outlet == outlet]
        for index, source in enumerate(members):
            head = Text()
            if index == 0:
                head = data_text(outlet, "bold", one_line=True)
                if source.outlet_name:
                    head.append("\n")
                    head.append_text(data_text(source.outlet_name, "dim"))
            about = data_text(source.id, "bold cyan", one_line=True)
            about.append("\n")
            about.append_text(data_text(source.title, "bold"))
            for label, value in (
                ("by", ", ".join(source.authors)),
                ("published", source.published or ""),
                ("via", source.via or ""),
                ("file", source.file),
            ):
                if value:
                    about.append(f"\n{label} ", style="dim")
                    about.append_text(data_text(value, one_line=True))
            table.add_row(head, about, _topics_of(context, source.id))
    console.print(table)
    count = len(corpus.sources)
    outlets = len(corpus.outlets)
    console.print(
        Text(
            f"{count} source{'s' * (count != 1)} in {outlets} outlet{'s' * (outlets != 1)}",
            style="dim",
        )
    )


def _topics_of(context: RenderContext, source_id: str) -> Text:
    from rich.text import Text

    text = Text()
    coverage = topic_coverage(context.comparisons, source_id)
    for kind, style in (("covered", "green"), ("silent", "dim"), ("unreviewed", "yellow")):
        if coverage[kind]:
            _count_line(text, kind, style, list(coverage[kind]))
    return text if text.plain else Text("no topics", style="dim")


def _count_line(text: Text, kind: str, style: str, names: list[str]) -> None:
    """``3 silent: A, B, C`` on a line of its own in a listing cell."""
    if text.plain:
        text.append("\n")
    text.append(f"{len(names)} {kind}", style=style)
    text.append(": ", style="dim")
    text.append_text(data_text(", ".join(names), "dim"))
