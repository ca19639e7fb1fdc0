"""``compare diff A B`` in the terminal: claim by claim, with coloured word-level diffs.

Colour only adds emphasis: without it (NO_COLOR, a pipe) the word diff is written with
``[-only in A-]`` and ``{+only in B+}`` markers, stances keep their symbol and word, so the
output reads the same in a CI log as on a terminal. Article text goes through ``data_text``.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from comparator.console import data_text, make_console
from comparator.diffing import (
    RELATION_WORDS,
    OneSidedClaim,
    Party,
    PositionPair,
    SharedClaim,
    WordDiff,
    describe,
    diff_parties,
    parties_from_options,
    quote_text,
    shares_words,
)
from comparator.models import Relation
from comparator.render import RenderContext
from comparator.render.style import (
    ABSENT_STYLES,
    ABSENT_WORDS,
    CONTRADICT_STYLE,
    DIVERGE_STYLE,
    DOT,
    can_encode,
    multi_source_outlets,
    pick,
    source_label,
    stance_text,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from comparator.compare import Position

RELATION_STYLES = {
    Relation.CONTRADICT: CONTRADICT_STYLE,
    Relation.DIVERGE: DIVERGE_STYLE,
    Relation.AGREE_DIFFERENT_CERTAINTY: "green",
    Relation.AGREE: "bold green",
    Relation.ONE_SIDED: "dim",
}


class _Printer:
    def __init__(self, console: Console, context: RenderContext) -> None:
        assert context.result.corpus is not None
        self.console = console
        self.colour = console.color_system is not None
        self.unicode = can_encode(console)
        self.shared_outlets = multi_source_outlets(context.result.corpus.sources)

    def label(self, position: Position) -> str:
        return source_label(position.source, self.shared_outlets)

    def words(self, diff: WordDiff) -> Text:
        """A word diff: coloured when the console has colour, bracketed when it has not."""
        from rich.text import Text

        line = Text()
        for index, (op, words) in enumerate(diff):
            if index:
                line.append(" ")
            if op == "=":
                line.append_text(data_text(words, one_line=True))
            elif self.colour:
                style = "red strike" if op == "-" else "green underline"
                line.append_text(data_text(words, style, one_line=True))
            else:
                opener, closer = ("[-", "-]") if op == "-" else ("{+", "+}")
                line.append(opener)
                line.append_text(data_text(words, one_line=True))
                line.append(closer)
        return line

    def side(self, position: Position) -> Text:
        from rich.text import Text

        text = Text()
        text.append_text(data_text(self.label(position), "bold", one_line=True))
        text.append(" ")
        text.append_text(stance_text(position.stance, self.unicode))
        return text

    def pair(self, pair: PositionPair) -> None:
        from rich.text import Text

        head = Text("    ")
        head.append(RELATION_WORDS[pair.relation], style=RELATION_STYLES[pair.relation])
        head.append(": ")
        head.append_text(self.side(pair.a))
        head.append("  vs  ")
        head.append_text(self.side(pair.b))
        self.console.print(head, soft_wrap=True)
        for what, diff, a, b in (
            ("summary", pair.summary_diff, pair.a.assertion.summary, pair.b.assertion.summary),
            ("quote", pair.quote_diff, quote_text(pair.a), quote_text(pair.b)),
        ):
            if shares_words(diff):
                line = Text().append(f"      {what:<8}", style="dim").append_text(self.words(diff))
                self.console.print(line, soft_wrap=True)
                continue
            for party, text in ((self.label(pair.a), a), (self.label(pair.b), b)):
                line = Text().append(f"      {what:<8}", style="dim")
                line.append_text(data_text(party, "bold", one_line=True)).append(": ")
                line.append_text(data_text(text, one_line=True))
                self.console.print(line, soft_wrap=True)

    def claim_title(self, item: SharedClaim | OneSidedClaim) -> Text:
        from rich.text import Text

        text = Text("  ")
        text.append_text(data_text(item.topic.title, "bold", one_line=True))
        text.append(pick(DOT, self.unicode), style="dim")
        text.append_text(data_text(item.claim.id, "cyan", one_line=True))
        text.append(": ")
        text.append_text(data_text(item.claim.text, one_line=True))
        return text

    def one_sided(self, item: OneSidedClaim, other: Party) -> None:
        from rich.text import Text

        self.console.print(self.claim_title(item), soft_wrap=True)
        for position in item.positions:
            self.console.print(
                Text("    ")
                .append_text(self.side(position))
                .append(": ")
                .append_text(data_text(position.assertion.summary, one_line=True)),
                soft_wrap=True,
            )
        for sid, status in item.other:
            line = Text("    ")
            name = other.name if len(other.sources) == 1 else f"{other.name}/{sid}"
            line.append_text(data_text(name, "bold", one_line=True)).append(": ")
            line.append(ABSENT_WORDS.get(status, status), style=ABSENT_STYLES.get(status, ""))
            self.console.print(line, soft_wrap=True)


def render(context: RenderContext, out: IO[str]) -> None:
    from rich.text import Text

    a, b = parties_from_options(context.options.parties)
    diff = diff_parties(context.comparisons, a, b)
    console = make_console(out)
    printer = _Printer(console, context)
    title = Text()
    title.append_text(data_text(a.name, "bold", one_line=True))
    title.append(" vs ")
    title.append_text(data_text(b.name, "bold", one_line=True))
    console.print(title, soft_wrap=True)
    console.print(
        data_text(f"{describe(a)} and {describe(b)}: {diff.summary()}", one_line=True),
        soft_wrap=True,
    )
    legend = Text().append("word diff: ", style="dim")
    if printer.colour:
        legend.append("only in ", style="dim").append_text(data_text(a.name, "red strike"))
        legend.append(", only in ", style="dim").append_text(data_text(b.name, "green underline"))
    else:
        legend.append("[-only in ").append_text(data_text(a.name, one_line=True)).append("-] ")
        legend.append("{+only in ").append_text(data_text(b.name, one_line=True)).append("+}")
    console.print(legend, soft_wrap=True)
    console.print()
    console.print(Text("Both address", style="bold underline"))
    if not diff.shared:
        console.print("  no claim", style="dim")
    for item in diff.shared:
        console.print(printer.claim_title(item), soft_wrap=True)
        for pair in item.pairs:
            printer.pair(pair)
    for party, other, items in ((a, b, diff.only_a), (b, a, diff.only_b)):
        console.print()
        console.print(
            Text()
            .append("Only ", style="bold underline")
            .append_text(data_text(party.name, "bold underline", one_line=True))
        )
        if not items:
            console.print("  no claim", style="dim")
        for one in items:
            printer.one_sided(one, other)
