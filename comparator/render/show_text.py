"""``compare TOPIC`` as text: the side-by-side view analysts live in.

For each claim: the claim and its verdict, a table with one column per outlet (or per article
with ``--by source``) where each cell holds the stance (symbol and word, coloured), the
summary and the quotes with ``file:line``, then one line per pair that contradicts or
diverges. Silent and unreviewed sources close each topic; a legend closes the view.

When the terminal is too narrow for one column per outlet to stay readable, the same table is
turned on its side: one row per outlet. Every piece of article or YAML text goes through
``data_text``, so markup and escape sequences in it are shown literally.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from comparator.console import data_text, make_console
from comparator.render import RenderContext
from comparator.render.style import (
    ABSENT_STYLES,
    ABSENT_WORDS,
    CLOSE_QUOTE,
    CONTRADICT_MARK,
    CONTRADICT_STYLE,
    DASH,
    DIVERGE_MARK,
    DIVERGE_STYLE,
    DOT,
    OPEN_QUOTE,
    UNADDRESSED,
    by_outlet_order,
    can_encode,
    claim_summary,
    labels,
    legend,
    pick,
    relation_lines,
    stance_text,
    verdict_text,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from comparator.compare import ClaimComparison, Position, TopicComparison
    from comparator.models import QuoteAnchor, Source
    from comparator.render.grid import Block

#: Below this many characters of content per column, a column per outlet stops being
#: readable and the table is shown with one row per outlet instead.
MIN_COLUMN = 20


def render(context: RenderContext, out: IO[str]) -> None:
    """Print the view; with --save-svg/--save-html also keep a picture of it."""
    options = context.options
    record = options.save_svg is not None or options.save_html is not None
    console = make_console(out, record=record)
    view = _View(console, context)
    shown = view.render_all()
    if shown:
        view.out.text()
        for line in legend(view.unicode):
            view.out.text(data_text(line, "dim"))
    view.out.flush()
    if record:
        _save(console, context)


def _save(console: Console, context: RenderContext) -> None:
    """Write the recorded view atomically, as rich exports it, and say where."""
    import sys

    from comparator.fileio import atomic_write

    title = "compare " + " ".join(c.topic.id for c in context.comparisons)
    if context.options.save_svg is not None:
        atomic_write(context.options.save_svg, console.export_svg(title=title, clear=False))
        sys.stderr.write(f"wrote {context.options.save_svg}\n")
    if context.options.save_html is not None:
        atomic_write(context.options.save_html, console.export_html(clear=False))
        sys.stderr.write(f"wrote {context.options.save_html}\n")


class _View:
    """One rendering of the view: the console, the options and the marks it can encode."""

    def __init__(self, console: Console, context: RenderContext) -> None:
        from comparator.render.grid import Printer

        self.out = Printer(console)
        self.context = context
        self.options = context.options
        self.unicode = can_encode(console)

    def render_all(self) -> int:
        """Print every topic that has a claim to show; returns how many were shown."""
        shown = 0
        for comparison in self.context.comparisons:
            claims = [
                c
                for c in comparison.claims
                if not self.options.claims or c.claim.id in self.options.claims
            ]
            if self.options.claims and not claims:
                continue  # --claim names claims of another topic
            if shown:
                self.out.text()
            self._topic(comparison, claims)
            shown += 1
        return shown

    # ------------------------------------------------------------------ topic and claim

    def _topic(self, comparison: TopicComparison, claims: list[ClaimComparison]) -> None:
        from rich.text import Text

        topic = comparison.topic
        heading = Text()
        heading.append_text(data_text(topic.id, "bold", one_line=True))
        heading.append(pick(DOT, self.unicode), style="dim")
        heading.append_text(data_text(topic.title, "bold", one_line=True))
        self.out.rule(heading, "dim")
        self.out.text(data_text(topic.question, "italic"))
        if not claims:
            self.out.text(Text("This topic has no claims yet.", style="dim"))
        for claim in claims:
            self.out.text()
            self._claim(comparison, claim)
        self._absent(comparison)

    def _claim(self, comparison: TopicComparison, claim: ClaimComparison) -> None:
        from rich.text import Text

        head = Text()
        head.append_text(data_text(claim.claim.id, "bold cyan", one_line=True))
        head.append("  ")
        head.append_text(data_text(claim.claim.text, "bold"))
        self.out.text(head)
        verdict = Text()
        verdict.append("verdict: ", style="dim")
        if claim.positions:
            verdict.append_text(verdict_text(claim.verdict))
        else:
            verdict.append(UNADDRESSED, style="bold")
        verdict.append(f" {pick(DASH, self.unicode)} {claim_summary(claim)}", style="dim")
        self.out.text(verdict)
        self._table(comparison, claim)
        for relation, _pair, sentence in relation_lines(comparison, claim):
            contradict = relation.value == "contradict"
            line = Text()
            mark = CONTRADICT_MARK if contradict else DIVERGE_MARK
            style = CONTRADICT_STYLE if contradict else DIVERGE_STYLE
            line.append(f"{pick(mark, self.unicode)} {relation.value}: ", style=style)
            line.append_text(data_text(sentence))
            self.out.text(line)

    def _absent(self, comparison: TopicComparison) -> None:
        from rich.text import Text

        names = labels(comparison)
        printed = False
        for kind, ids, style, note in (
            ("silent", comparison.silent, "dim", ""),
            (
                "unreviewed",
                comparison.unreviewed,
                "yellow",
                " (neither an assertion nor listed as silent; see compare check)",
            ),
        ):
            if not ids:
                continue
            if not printed:
                self.out.text()
            line = Text(f"{kind}: ", style=style)
            shown = by_outlet_order(comparison, ids)
            line.append_text(data_text(", ".join(names.get(i, i) for i in shown)))
            line.append(note, style="dim")
            self.out.text(line)
            printed = True

    # ------------------------------------------------------------------ the table

    def _columns(self, comparison: TopicComparison) -> list[tuple[str, tuple[Source, ...]]]:
        """(header, sources) per column: one per outlet, or one per article with --by source."""
        if self.options.by == "source":
            return [(s.id, (s,)) for o in comparison.outlets for s in comparison.sources_of(o)]
        return [(o, comparison.sources_of(o)) for o in comparison.outlets]

    def _table(self, comparison: TopicComparison, claim: ClaimComparison) -> None:
        from comparator.render.grid import Grid, shares

        columns = self._columns(comparison)
        needed = len(columns) * (MIN_COLUMN + 3) + 1
        if needed > self.out.width and len(columns) > 1:
            self._rows_table(comparison, claim, columns)
            return
        # Equal widths: an outlet keeps its place from one claim's table to the next.
        grid = Grid(self.out, shares(self.out.width, len(columns)), unicode=self.unicode)
        grid.header([self._header(header, sources) for header, sources in columns])
        grid.row([self._cell(comparison, claim, sources) for _, sources in columns])
        grid.close()

    def _rows_table(
        self,
        comparison: TopicComparison,
        claim: ClaimComparison,
        columns: list[tuple[str, tuple[Source, ...]]],
    ) -> None:
        """The narrow form: one row per outlet (or article), the position beside it."""
        from comparator.render.grid import PADDING, Grid

        widest = max(len(h) for h, _ in columns)
        if self.options.by == "source":
            widest = max(widest, *(len(s[0].outlet) for _, s in columns if s))
        side = max(6, min(widest, self.out.width // 4))
        rest = max(1, self.out.width - 3 - side - 4 * PADDING)
        grid = Grid(self.out, [side, rest], unicode=self.unicode)
        for header, sources in columns:
            grid.row(
                [self._header(header, sources), self._cell(comparison, claim, sources)],
                rule_before=True,
            )
        grid.close()

    def _header(self, header: str, sources: tuple[Source, ...]) -> Text:
        from rich.text import Text

        text = data_text(header, "bold", one_line=True)
        if self.options.by == "source" and sources:
            text.append("\n")
            text.append_text(data_text(sources[0].outlet, "dim", one_line=True))
        return text if text.plain else Text(" ")

    def _cell(
        self, comparison: TopicComparison, claim: ClaimComparison, sources: tuple[Source, ...]
    ) -> list[Block]:
        """Every position of the column's sources on the claim, or why there is none."""
        from rich.text import Text

        statuses = {comparison.coverage(s.id) for s in sources if not claim.position(s.id)}
        if len(statuses) == 1 and not any(claim.position(s.id) for s in sources):
            status = statuses.pop()  # one line for the whole outlet, not one per article
            return [Text(ABSENT_WORDS[status], style=ABSENT_STYLES[status])]
        named = len(sources) > 1
        parts: list[Block] = []
        for source in sources:
            if parts:
                parts.append(Text(""))
            if named:
                parts.append(data_text(source.id, "bold underline", one_line=True))
            position = claim.position(source.id)
            if position is None:
                status = comparison.coverage(source.id)
                parts.append(Text(ABSENT_WORDS[status], style=ABSENT_STYLES[status]))
            else:
                parts.extend(self._position(comparison, claim, position))
        if not parts:
            parts.append(Text(pick(DASH, self.unicode), style="dim"))
        return parts

    def _position(
        self, comparison: TopicComparison, claim: ClaimComparison, position: Position
    ) -> list[Block]:

        from comparator.models import Relation

        stance = stance_text(position.stance, self.unicode)
        against = claim.relations_of(position.source.id, Relation.CONTRADICT)
        if against:
            stance.append(f" {pick(CONTRADICT_MARK, self.unicode)}", style=CONTRADICT_STYLE)
        parts: list[Block] = [stance]
        summary = data_text(position.assertion.summary)
        if position.assertion.attributed_to:
            summary.append(" (per ", style="dim italic")
            summary.append_text(
                data_text(position.assertion.attributed_to, "dim italic", one_line=True)
            )
            summary.append(")", style="dim italic")
        parts.append(summary)
        if self.options.quotes:
            for anchor in position.anchors:
                parts.extend(self._quote(anchor, position.source))
        return parts

    def _quote(self, anchor: QuoteAnchor, source: Source) -> list[Block]:
        from rich.text import Text

        quote = Text(pick(OPEN_QUOTE, self.unicode), style="italic")
        quote.append_text(data_text(anchor.quote.text, "italic", one_line=True))
        quote.append(pick(CLOSE_QUOTE, self.unicode), style="italic")
        where = anchor.location
        if anchor.found and where is not None:
            parts: list[Block] = [quote, _Place(f"{where.file}:{where.line}", "dim")]
            if anchor.status == "ambiguous":
                parts.append(Text(f"(first of {len(anchor.occurrences)} places)", style="dim"))
            return parts
        if anchor.status == "no-text":
            place = data_text(
                f"[article text unavailable: {source.file}]", "bold red", one_line=True
            )
        else:
            place = data_text(f"[not found in {source.file}]", "bold red", one_line=True)
        return [quote, place]


class _Place:
    """``file:line`` that, in a narrow column, breaks after a ``/``, ``-`` or ``_`` rather
    than anywhere: the line number always stays with the end of the file name."""

    def __init__(self, text: str, style: str) -> None:
        import re

        from comparator.safetext import visible

        self.text = visible(text, one_line=True)
        self.style = style
        # Pieces ending in / - or _, where a break reads naturally; ":line" stays on the last.
        self.parts = [p for p in re.split(r"(?<=[/_-])", self.text) if p]

    def __call__(self, width: int) -> list[Text]:
        from rich.cells import cell_len
        from rich.text import Text

        from comparator.render.grid import wrap

        lines: list[str] = []
        for part in self.parts:
            if lines and cell_len(lines[-1]) + cell_len(part) <= width:
                lines[-1] += part
            else:
                lines.append(part)
        return [piece for line in lines for piece in wrap(Text(line, style=self.style), width)]
