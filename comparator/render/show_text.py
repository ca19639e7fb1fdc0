"""``compare TOPIC`` as text: the side-by-side view analysts live in.

For each claim: the claim and its verdict, a table with one column per outlet (or per article
with ``--by source``) where each cell holds the stance (symbol and word, coloured), the
summary and the quotes with ``file:line``, then one line per relation (contradict, rival
answers, diverge) naming its sides by outlet and counting its pairs (each pair under it with
``--pairs``). Silent and unreviewed sources close each topic; a legend closes the view.

When the terminal is too narrow for one column per outlet to stay readable, the same table is
turned on its side: one row per outlet. Every piece of article or YAML text goes through
``data_text``, so markup and escape sequences in it are shown literally. What to show is
decided in ``views.show``; this module only lays it out.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

from comparator.console import data_text, make_console
from comparator.models import AnchorStatus, Relation
from comparator.render.grid import PADDING, Block, FilePlace, Grid, Printer, shares
from comparator.render.style import (
    ABSENCE_STYLES,
    CLOSE_QUOTE,
    CONTRADICT_MARK,
    CONTRADICT_STYLE,
    DASH,
    DIVERGE_MARK,
    DIVERGE_STYLE,
    DOT,
    ELLIPSIS,
    OPEN_QUOTE,
    QUOTED_CLOSE,
    QUOTED_OPEN,
    REPORT_MARK,
    can_encode,
    legend,
    pick,
    report_tail,
    stance_plain,
)
from comparator.render.text_style import stance_text, verdict_text
from comparator.safetext import visible_path
from comparator.views.rivals import AnswerGroup
from comparator.views.show import (
    Cell,
    Column,
    Evidence,
    ReportStand,
    ShowClaim,
    ShowTopic,
    ShowView,
    Stand,
)

#: Below this many characters of content per column, a column per outlet stops being
#: readable and the table is shown with one row per outlet instead.
MIN_COLUMN = 20


def render(model: ShowView, out: IO[str]) -> None:
    """Print the view, then the legend when a topic was shown."""
    console = make_console(out)
    view = _View(console, model)
    if view.render_all():
        view.out.text()
        for line in legend(view.unicode, reports=model.has_reports):
            view.out.text(data_text(line, "dim"))
    view.out.flush()


class _View:
    """One rendering of the view: the console, the model and the marks it can encode."""

    def __init__(self, console: Console, model: ShowView) -> None:
        self.out = Printer(console)
        self.model = model
        self.unicode = can_encode(console)

    def render_all(self) -> int:
        """Print every topic of the model; returns how many were shown."""
        for index, topic in enumerate(self.model.topics):
            if index:
                self.out.text()
            self._topic(topic)
        return len(self.model.topics)

    # ------------------------------------------------------------------ topic and claim

    def _topic(self, shown: ShowTopic) -> None:
        topic = shown.topic
        heading = Text()
        heading.append_text(data_text(topic.id, "bold", one_line=True))
        heading.append(pick(DOT, self.unicode), style="dim")
        heading.append_text(data_text(topic.title, "bold", one_line=True))
        self.out.rule(heading, "dim")
        self.out.text(data_text(topic.question, "italic", one_line=True))
        for group in shown.answers:
            self._answers(group)
        if not shown.claims:
            self.out.text(Text("This topic has no claims yet.", style="dim"))
        for claim in shown.claims:
            self.out.text()
            self._claim(shown, claim)
        self._absent(shown)

    def _answers(self, group: AnswerGroup) -> None:
        """The topic as a question: which of the rival answers each article gives."""
        self.out.text()
        head = Text("answers ", style="bold")
        head.append(f"(rival claims: {', '.join(c.id for c in group.claims)}): ", style="dim")
        head.append_text(data_text(group.sentence))
        self.out.text(head)
        if group.unanswered_labels:
            line = Text("  none of these answers: ", style="dim")
            line.append_text(data_text(", ".join(group.unanswered_labels), "dim"))
            self.out.text(line)
        if group.rival_count:
            mark = pick(CONTRADICT_MARK, self.unicode)
            line = Text(f"  {mark} rival, {group.pair_words}: ", style=CONTRADICT_STYLE)
            line.append_text(data_text(group.sides_sentence))
            self.out.text(line)
        if self.model.pairs:
            for rival in group.rivals:
                self.out.text(Text("      ").append_text(data_text(rival.sentence)))

    def _claim(self, topic: ShowTopic, claim: ShowClaim) -> None:
        head = Text()
        head.append_text(data_text(claim.claim.id, "bold cyan", one_line=True))
        head.append("  ")
        head.append_text(data_text(claim.claim.text, "bold", one_line=True))
        self.out.text(head)
        verdict = Text()
        verdict.append("verdict: ", style="dim")
        if claim.stands:
            verdict.append_text(verdict_text(claim.verdict))
        else:
            verdict.append(claim.verdict.value, style="bold")
        verdict.append(f" {pick(DASH, self.unicode)} {claim.summary}", style="dim")
        self.out.text(verdict)
        self._table(topic, claim)
        for summary in claim.summaries:
            contradict = summary.relation in (Relation.CONTRADICT, Relation.RIVAL)
            line = Text()
            mark = CONTRADICT_MARK if contradict else DIVERGE_MARK
            style = CONTRADICT_STYLE if contradict else DIVERGE_STYLE
            lead = f"{pick(mark, self.unicode)} {summary.relation.value}, {summary.count_words}: "
            line.append(lead, style=style)
            line.append_text(data_text(summary.sentence, one_line=True))
            self.out.text(line)
            if self.model.pairs:
                for pair in claim.lines_of(summary.relation):
                    line = Text("    ").append_text(data_text(pair.sentence, one_line=True))
                    self.out.text(line)

    def _absent(self, topic: ShowTopic) -> None:
        printed = False
        for group, note in (
            (topic.silent, ""),
            (topic.unreviewed, " (neither an assertion nor listed as silent; see compare check)"),
        ):
            if not group.labels:
                continue
            if not printed:
                self.out.text()
            line = Text(f"{group.absence.value}: ", style=ABSENCE_STYLES[group.absence])
            line.append_text(data_text(", ".join(group.labels), one_line=True))
            line.append(note, style="dim")
            self.out.text(line)
            printed = True

    # ------------------------------------------------------------------ the table

    def _table(self, topic: ShowTopic, claim: ShowClaim) -> None:
        columns = topic.columns
        needed = len(columns) * (MIN_COLUMN + 3) + 1
        if needed > self.out.width and len(columns) > 1:
            self._rows_table(columns, claim)
            return
        # Equal widths: an outlet keeps its place from one claim's table to the next.
        grid = Grid(self.out, shares(self.out.width, len(columns)), unicode=self.unicode)
        grid.header([self._header(column) for column in columns])
        grid.row([self._cell(cell) for cell in claim.cells])
        grid.close()

    def _rows_table(self, columns: tuple[Column, ...], claim: ShowClaim) -> None:
        """The narrow form: one row per outlet (or article), the position beside it."""
        widest = max(len(c.header) for c in columns)
        widest = max(widest, *(len(c.subheader or "") for c in columns))
        side = max(6, min(widest, self.out.width // 4))
        rest = max(1, self.out.width - 3 - side - 4 * PADDING)
        grid = Grid(self.out, [side, rest], unicode=self.unicode)
        for column, cell in zip(columns, claim.cells, strict=True):
            grid.row([self._header(column), self._cell(cell)], rule_before=True)
        grid.close()

    def _header(self, column: Column) -> Text:
        text = data_text(column.header, "bold", one_line=True)
        if column.subheader is not None:
            text.append("\n")
            text.append_text(data_text(column.subheader, "dim", one_line=True))
        return text if text.plain else Text(" ")

    def _cell(self, cell: Cell) -> list[Block]:
        """Every position of the column's sources on the claim, or why there is none."""
        if cell.absence is not None:
            return [Text(cell.absence.words, style=ABSENCE_STYLES[cell.absence])]
        parts: list[Block] = []
        for entry in cell.entries:
            if parts:
                parts.append(Text(""))
            if cell.named:
                parts.append(data_text(entry.source.id, "bold underline", one_line=True))
            if entry.stand is not None:
                parts.extend(self._stand(entry.stand))
            elif entry.absence is not None:
                parts.append(Text(entry.absence.words, style=ABSENCE_STYLES[entry.absence]))
        if not parts:
            parts.append(Text(pick(DASH, self.unicode), style="dim"))
        return parts

    def _stand(self, stand: Stand) -> list[Block]:
        stance = stance_text(stand.stance, self.unicode)
        if stand.contradicted:
            stance.append(f" {pick(CONTRADICT_MARK, self.unicode)}", style=CONTRADICT_STYLE)
        parts: list[Block] = [stance]
        parts.append(data_text(stand.summary, one_line=True))
        if self.model.quotes:
            for evidence in stand.evidence:
                parts.extend(self._quote(evidence))
        for report in stand.reports:
            parts.extend(self._report(report))
        return parts

    def _report(self, report: ReportStand) -> list[Block]:
        """A reported voice: marked, treatment in words, the claimant's stance (no colour of
        its own, so that it never reads as the article's)."""
        line = Text(f"{pick(REPORT_MARK, self.unicode)} ", style="italic")
        line.append(stance_plain(report.stance, self.unicode), style="italic")
        line.append(" ")
        line.append_text(data_text(report_tail(report.name, report.treatment), "italic"))
        parts: list[Block] = [line]
        if self.model.quotes:
            for evidence in report.evidence:
                parts.extend(self._quote(evidence))
        return parts

    def _quote(self, evidence: Evidence) -> list[Block]:
        if self.model.context and evidence.sentence:
            quote = self._sentence(evidence)
        else:
            quote = Text(pick(OPEN_QUOTE, self.unicode), style="italic")
            quote.append_text(data_text(self._shown(evidence), "italic", one_line=True))
            quote.append(pick(CLOSE_QUOTE, self.unicode), style="italic")
        where = evidence.place
        if where is not None:
            parts: list[Block] = [
                quote,
                FilePlace(f"{where.file}:{where.line}{where.page_note}", "dim"),
            ]
            if len(evidence.parts) > 1:
                lines = ", ".join(str(p.place.line) for p in evidence.parts if p.place)
                more = len(evidence.parts) - 1
                parts.append(Text(f"(+{more} part{'s' * (more > 1)}: lines {lines})", style="dim"))
            if evidence.state is AnchorStatus.AMBIGUOUS:
                parts.append(Text(f"(first of {evidence.occurrences} places)", style="dim"))
            return parts
        if evidence.state is AnchorStatus.NO_TEXT:
            place = data_text(
                f"[article text unavailable: {visible_path(evidence.file)}]",
                "bold red",
                one_line=True,
            )
        else:
            place = data_text(
                f"[not found in {visible_path(evidence.file)}]", "bold red", one_line=True
            )
        return [quote, place]

    def _shown(self, evidence: Evidence) -> str:
        """The quote, an elided one's parts joined by an ellipsis this console can print."""
        if not evidence.parts:
            return evidence.text
        return f" {pick(ELLIPSIS, self.unicode)} ".join(p.text for p in evidence.parts)

    def _sentence(self, evidence: Evidence) -> Text:
        """The quote's whole sentence: the quoted words between « » in italics, the words the
        quote leaves out dim. The marks say which is which without colour."""
        text = Text()
        for piece in evidence.sentence:
            if piece.text[:1].isspace():
                text.append(" ")
            if piece.quoted:
                text.append(pick(QUOTED_OPEN, self.unicode), style="bold")
                text.append_text(data_text(piece.text, "italic", one_line=True))
                text.append(pick(QUOTED_CLOSE, self.unicode), style="bold")
            else:
                text.append_text(data_text(piece.text, "dim", one_line=True))
            if piece.text[-1:].isspace() and piece.text.strip():
                text.append(" ")
        return text
