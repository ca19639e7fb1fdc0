"""``compare diff A B`` in the terminal: claim by claim, with coloured word-level diffs.

Colour only adds emphasis: without it (NO_COLOR, a pipe) the word diff is written with
``[-only in A-]`` and ``{+only in B+}`` markers, stances keep their symbol and word, so the
output reads the same in a CI log as on a terminal. Article text goes through ``data_text``.
Long lines wrap between words to the console width, each continuation indented under the text
it continues, so a line never breaks inside a word or a word-diff mark.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

from comparator.console import data_text, make_console
from comparator.diffing import WordDiff, WordOp
from comparator.models import Party, Relation
from comparator.render.grid import Printer, wrap
from comparator.render.style import (
    ABSENCE_STYLES,
    CONTRADICT_STYLE,
    DIVERGE_STYLE,
    DOT,
    REPORT_MARK,
    pick,
    report_tail,
    stance_plain,
)
from comparator.render.text_style import stance_text
from comparator.views.diff import (
    DiffView,
    OneSidedClaimView,
    OneSidedSection,
    PairView,
    RivalView,
    SharedClaimView,
    Side,
)

RELATION_STYLES = {
    Relation.CONTRADICT: CONTRADICT_STYLE,
    Relation.DIVERGE: DIVERGE_STYLE,
    Relation.AGREE_DIFFERENT_CERTAINTY: "green",
    Relation.AGREE: "bold green",
    Relation.ONE_SIDED: "dim",
}

#: How a run of a word diff only in one text is shown with colour (without: its marks).
WORD_STYLES = {WordOp.ONLY_A: "red strike", WordOp.ONLY_B: "green underline"}

#: A continuation line is indented no deeper than leaves this many cells for its text.
MIN_TEXT_WIDTH = 20


def more_pairs(hidden: int) -> str:
    """The note under a claim whose pairs are not all shown."""
    return f"and {hidden} more pair{'s' * (hidden != 1)} (--all-pairs shows every one)"


def render(view: DiffView, out: IO[str]) -> None:
    print_view(view, make_console(out))


def print_view(view: DiffView, console: Console) -> None:
    """The view on ``console``: a recording one when the picture is saved as well."""
    _Printer(console).view(view)


def hanging(line: Text, width: int, hang: int) -> list[Text]:
    """``line`` wrapped between words to ``width`` cells, every line after the first indented
    by ``hang`` (less on a console too narrow for it)."""
    hang = max(0, min(hang, width - MIN_TEXT_WIDTH))
    first = wrap(line, width)[0] if line.plain else line
    rest = line[len(first.plain) :]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
    lines = [first]
    if rest.plain:
        lines += [Text(" " * hang).append_text(more) for more in wrap(rest, max(1, width - hang))]
    for each in lines:
        each.rstrip()
    return lines


class _Printer:
    def __init__(self, console: Console) -> None:
        self.out = Printer(console)
        self.width = console.width
        self.colour = console.color_system is not None
        self.unicode = self.out.unicode

    def line(self, line: Text, hang: int = 0) -> None:
        self.out.lines(hanging(line, self.width, hang))

    def blank(self) -> None:
        self.out.lines([Text()])

    def view(self, view: DiffView) -> None:
        a, b = view.a, view.b
        title = Text()
        title.append_text(data_text(a.name, "bold", one_line=True))
        title.append(" vs ")
        title.append_text(data_text(b.name, "bold", one_line=True))
        self.line(title)
        described = f"{view.describe(a)} and {view.describe(b)}: {view.summary}"
        self.line(data_text(described, one_line=True))
        if view.word_by_word:
            self.line(self.legend(a, b))
        self.blank()
        self.line(Text("Both address", style="bold underline"))
        if not view.shared:
            self.line(Text("  no claim", style="dim"))
        for item in view.shared:
            self.line(self.claim_title(item), 4)
            if item.pair_count > 1:
                self.line(Text("    ").append_text(data_text(item.sides_sentence)), 6)
            for pair in item.pairs:
                self.pair(pair)
            if item.hidden:
                self.line(Text(f"    {more_pairs(item.hidden)}", style="dim"), 6)
        if view.rivals:
            self.blank()
            self.line(Text("Rival answers", style="bold underline"))
            for rival in view.rivals:
                self.rival(rival)
        for section in view.one_sided:
            self.blank()
            self.line(
                Text()
                .append("Only ", style="bold underline")
                .append_text(data_text(section.party.name, "bold underline", one_line=True)),
                2,
            )
            if not section.claims:
                self.line(Text("  no claim", style="dim"))
            for one in section.claims:
                self.one_sided(one, section)
        self.out.flush()

    def legend(self, a: Party, b: Party) -> Text:
        legend = Text().append("word diff: ", style="dim")
        if self.colour:
            legend.append("only in ", style="dim")
            legend.append_text(data_text(a.name, WORD_STYLES[WordOp.ONLY_A], one_line=True))
            legend.append(", only in ", style="dim")
            legend.append_text(data_text(b.name, WORD_STYLES[WordOp.ONLY_B], one_line=True))
        else:
            legend.append("[-only in ").append_text(data_text(a.name, one_line=True)).append("-] ")
            legend.append("{+only in ").append_text(data_text(b.name, one_line=True)).append("+}")
        return legend

    def words(self, diff: WordDiff) -> Text:
        """A word diff: coloured when the console has colour, marked when it has not."""
        line = Text()
        for index, run in enumerate(diff):
            if index:
                line.append(" ")
            if run.op is WordOp.SAME:
                line.append_text(data_text(run.words, one_line=True))
            elif self.colour:
                line.append_text(data_text(run.words, WORD_STYLES[run.op], one_line=True))
            else:
                opener, closer = run.op.marks
                line.append(opener)
                line.append_text(data_text(run.words, one_line=True))
                line.append(closer)
        return line

    def side(self, side: Side) -> Text:
        text = Text()
        text.append_text(data_text(side.label, "bold", one_line=True))
        text.append(" ")
        text.append_text(stance_text(side.position.stance, self.unicode))
        return text

    def reports(self, side: Side, indent: str) -> None:
        """The voices a side reports on the claim, marked as reported (never compared)."""
        for report in side.position.reports:
            line = Text(indent).append_text(data_text(side.label, "bold", one_line=True))
            line.append(f" {pick(REPORT_MARK, self.unicode)} ", style="italic")
            line.append(stance_plain(report.stance, self.unicode), style="italic")
            line.append(" ")
            tail = report_tail(report.name, report.treatment)
            line.append_text(data_text(tail, "italic", one_line=True))
            self.line(line, len(indent) + 2)

    def pair(self, pair: PairView) -> None:
        head = Text("    ")
        head.append(pair.relation_words, style=RELATION_STYLES[pair.relation])
        head.append(": ")
        head.append_text(self.side(pair.a))
        head.append("  vs  ")
        head.append_text(self.side(pair.b))
        self.line(head, 6)
        for side in (pair.a, pair.b):
            self.reports(side, "      ")
        for text in pair.texts:
            what = f"      {text.framing.value:<8}"
            if text.word_by_word:
                self.line(Text().append(what, style="dim").append_text(self.words(text.diff)), 14)
                continue
            for side, words in ((pair.a, text.a), (pair.b, text.b)):
                line = Text().append(what, style="dim")
                line.append_text(data_text(side.label, "bold", one_line=True)).append(": ")
                line.append_text(data_text(words, one_line=True))
                self.line(line, 14)

    def rival(self, rival: RivalView) -> None:
        """Two articles giving rival answers: the topic, then each side with its claim."""
        title = Text("  ")
        title.append_text(data_text(rival.topic.title, "bold", one_line=True))
        title.append(pick(DOT, self.unicode), style="dim")
        title.append_text(data_text(rival.topic.question, "italic", one_line=True))
        self.line(title, 4)
        for side, claim in ((rival.a, rival.a_claim), (rival.b, rival.b_claim)):
            line = Text("    ").append_text(self.side(side)).append(" ")
            line.append_text(data_text(claim.id, "cyan", one_line=True)).append(": ")
            line.append_text(data_text(claim.text, one_line=True))
            self.line(line, 6)
        if rival.more:
            self.line(Text(f"  {more_pairs(rival.more)}", style="dim"), 4)

    def claim_title(self, item: SharedClaimView | OneSidedClaimView) -> Text:
        text = Text("  ")
        text.append_text(data_text(item.topic.title, "bold", one_line=True))
        text.append(pick(DOT, self.unicode), style="dim")
        text.append_text(data_text(item.claim.id, "cyan", one_line=True))
        text.append(": ")
        text.append_text(data_text(item.claim.text, one_line=True))
        return text

    def one_sided(self, item: OneSidedClaimView, section: OneSidedSection) -> None:
        self.line(self.claim_title(item), 4)
        for side in item.positions:
            line = Text("    ").append_text(self.side(side)).append(": ")
            line.append_text(data_text(side.position.assertion.summary, one_line=True))
            self.line(line, 6)
            self.reports(side, "      ")
        other = section.other
        for absence in item.absences:
            name = other.name if len(other.sources) == 1 else f"{other.name}/{absence.source}"
            line = Text("    ").append_text(data_text(name, "bold", one_line=True)).append(": ")
            line.append(absence.absence.words, style=ABSENCE_STYLES[absence.absence])
            self.line(line, 6)
