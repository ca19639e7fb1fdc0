"""Box tables laid out line by line: what the text views print their tables with.

rich's Table measures every cell, lays out the whole table as segments and only then prints
it. For the side-by-side view that was most of the time a view spends after start-up, and for
``compare matrix`` on thousands of articles a grid of hundreds of thousands of marks held in
memory at once. These tables need less: the column widths are known before the first row (fixed
shares of the width, or measured from plain strings), so each row is wrapped, boxed and printed
as rich Text lines, then dropped. Text keeps its styles, so colour, ``NO_COLOR`` and the
recorded ``--save-svg`` picture behave as before, and data stays data: nothing is parsed as
markup. Lines are wrapped on words as rich wraps them; a word wider than its column is folded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rich.cells import cell_len, chop_cells
from rich.console import Console
from rich.text import Span, Text

from comparator.render.style import can_encode
from comparator.safetext import visible_path

#: A block of a cell: Text, wrapped to the column, or a function that lays itself out for a
#: width (a ``file:line`` that breaks only after ``/``, ``-`` or ``_``).
Block = Text | Callable[[int], list[Text]]
Cell = Text | Sequence[Block]

#: The box characters, as rich's ROUNDED and ASCII boxes draw them: (left, line, cross, right)
#: for the top edge, the rule under the header, the rule between rows, the bottom edge; then
#: the vertical line.
ROUNDED = (
    ("╭", "─", "┬", "╮"),
    ("├", "─", "┼", "┤"),
    ("├", "─", "┼", "┤"),
    ("╰", "─", "┴", "╯"),
    "│",
)
ASCII = (
    ("+", "-", "-", "+"),
    ("|", "-", "+", "|"),
    ("|", "-", "+", "|"),
    ("+", "-", "-", "+"),
    "|",
)

PADDING = 1  # spaces each side of a cell's content, as rich's default padding


def shares(total: int, count: int) -> list[int]:
    """Equal content widths of ``count`` columns filling ``total`` characters of table.

    The same arithmetic as rich's ratio columns (each column takes its share of what remains,
    rounded up), so a table is as wide as the console.
    """
    available = total - (count + 1)  # the vertical lines
    widths = []
    for left in range(count, 0, -1):
        share = max(1 + 2 * PADDING, -(-available // left))
        widths.append(share - 2 * PADDING)
        available -= share
    return widths


def fit(natural: Sequence[int], minimum: Sequence[int], total: int) -> list[int]:
    """Content widths for columns that want ``natural`` but must fit ``total`` characters.

    The widest columns give way first, down to their ``minimum`` (their longest unbreakable
    piece), as rich collapses a table too wide for the console.
    """
    widths = list(natural)
    excess = sum(widths) + len(widths) * (1 + 2 * PADDING) + 1 - total
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > minimum[i]]
        if not shrinkable:
            break
        widest = max(widths[i] for i in shrinkable)
        at_widest = [i for i in shrinkable if widths[i] == widest]
        below = max(
            [widths[i] for i in shrinkable if widths[i] < widest]
            + [max(minimum[i] for i in at_widest)]
        )
        step = min(widest - below, -(-excess // len(at_widest))) or 1
        for i in at_widest:
            cut = min(step, widths[i] - minimum[i], excess)
            widths[i] -= cut
            excess -= cut
    return widths


def wrap(text: Text, width: int) -> list[Text]:
    """``text`` as lines of at most ``width`` cells: broken between words (the space stays at
    the end of the line when it fits, as rich leaves it), a word wider than the column folded;
    an explicit newline always breaks."""

    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        if cell_len(plain) <= width:
            lines.append(line)
            continue
        for piece in line.divide(_breaks(plain, width)):
            piece.rstrip_end(width)
            if cell_len(piece.plain) > width:  # rstrip_end counts characters, not cells
                piece.rstrip()
            lines.append(piece)
    return lines


def _breaks(plain: str, width: int) -> list[int]:
    """Offsets to break ``plain`` at so no line is wider than ``width``: rich's word wrap."""

    breaks: list[int] = []
    used = 0
    for match in re.finditer(r"\s*\S+\s*", plain):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - used >= length:
            used += cell_len(word)
        elif length > width:  # fold: the word fits no line
            pieces = chop_cells(word, width)
            for index, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if index == len(pieces) - 1:
                    used = cell_len(piece)
                else:
                    start += len(piece)
        elif used and start:
            breaks.append(start)
            used = cell_len(word)
    return breaks


class Printer:
    """Lines of Text on their way to a console, printed a batch at a time.

    Each ``console.print`` call costs a good deal of rich's machinery; a view of a few hundred
    lines printed one call per line spent more time there than in its own layout. Lines are
    laid out to the console width here, so rich only turns them into output. Batches keep a
    large view from being held whole: rich renders a batch into segments and output text
    before it writes any of it, so a batch of 500 lines of the matrix of 200 articles cost
    5 MB more than one of 50, and no measurable time.
    """

    BATCH = 50

    def __init__(self, console: Console) -> None:
        self.console = console
        self.width = console.width

        self.unicode = can_encode(console)
        self._pending: list[Text] = []

    def text(self, text: Text | None = None) -> None:
        """A paragraph, wrapped to the console width (a blank line when None)."""
        if text is None:
            text = Text()
        self.lines(wrap(text, self.width))

    def lines(self, lines: list[Text]) -> None:
        self._pending.extend(lines)
        if len(self._pending) >= self.BATCH:
            self.flush()

    def rule(self, title: Text, style: str = "") -> None:
        """A heading with a rule to the right edge, as rich's left-aligned Rule draws it."""

        title = title.copy()
        title.truncate(max(1, self.width - 2), overflow="ellipsis")
        title.append(" ")
        title.append(
            ("─" if self.unicode else "-") * max(0, self.width - cell_len(title.plain)), style
        )
        self._pending.append(title)

    def flush(self) -> None:
        if not self._pending:
            return

        lines, self._pending = self._pending, []
        self.console.print(Text("\n").join(lines), no_wrap=True, overflow="ignore", crop=False)


class Grid:
    """A table of fixed column widths, printed a row at a time.

    ``widths`` are content widths; each cell gets one space of padding each side. ``justify``
    per column is "left" or "center".
    """

    def __init__(
        self,
        out: Printer,
        widths: Sequence[int],
        *,
        unicode: bool = True,
        justify: Sequence[str] | None = None,
    ) -> None:
        self.out = out
        self.widths = list(widths)
        self.justify = list(justify or ["left"] * len(self.widths))
        self.box = ROUNDED if unicode else ASCII
        self._open = False  # the top edge is printed
        self._rows = 0

    # ------------------------------------------------------------------ printing

    def header(self, cells: Sequence[Cell]) -> None:
        """The top edge, the header row and the rule under it."""
        self._print([self._edge(self.box[0]), *self._lines(cells), self._edge(self.box[1])])
        self._open = True

    def row(self, cells: Sequence[Cell], *, rule_before: bool = False) -> None:
        """One row; with ``rule_before`` a rule separates it from the row above."""
        lines = self._lines(cells)
        if not self._open:
            lines.insert(0, self._edge(self.box[0]))
            self._open = True
        elif rule_before and self._rows:
            lines.insert(0, self._edge(self.box[2]))
        self._print(lines)
        self._rows += 1

    def close(self) -> None:
        """The bottom edge (and the top one, for a table with no row)."""
        lines = [] if self._open else [self._edge(self.box[0])]
        self._print([*lines, self._edge(self.box[3])])

    def _print(self, lines: list[Text]) -> None:
        self.out.lines(lines)

    # ------------------------------------------------------------------ layout

    def _edge(self, parts: tuple[str, str, str, str]) -> Text:

        left, line, cross, right = parts
        middle = cross.join(line * (w + 2 * PADDING) for w in self.widths)
        return Text(f"{left}{middle}{right}")

    def _lines(self, cells: Sequence[Cell]) -> list[Text]:
        """The row as lines: cells side by side, each padded to its column."""
        columns = [
            self._cell_lines(cell, width) for cell, width in zip(cells, self.widths, strict=True)
        ]
        height = max((len(c) for c in columns), default=0) or 1
        vertical = self.box[4]
        pad = " " * PADDING
        out = []
        for index in range(height):
            # Plain text and spans are put together directly: Text.append per piece checks and
            # copies far more than a line of a table needs.
            pieces = [vertical]
            spans: list[Span] = []
            offset = len(vertical)
            for column, width, justify in zip(columns, self.widths, self.justify, strict=True):
                content = column[index] if index < len(column) else None
                plain = content.plain if content is not None else ""
                room = width - cell_len(plain)
                left = room // 2 if justify == "center" else 0
                offset += len(pad) + left
                if content is not None and plain:
                    if content.style:
                        spans.append(Span(offset, offset + len(plain), content.style))
                    spans.extend(
                        Span(offset + s.start, offset + s.end, s.style) for s in content.spans
                    )
                pieces.append(f"{pad}{' ' * left}{plain}{' ' * (room - left)}{pad}{vertical}")
                offset += len(plain) + room - left + len(pad) + len(vertical)
            out.append(Text("".join(pieces), spans=spans))
        return out

    @staticmethod
    def _cell_lines(cell: Cell, width: int) -> list[Text]:
        blocks: Sequence[Block] = [cell] if isinstance(cell, Text) else cell
        lines: list[Text] = []
        for block in blocks:
            lines.extend(wrap(block, width) if isinstance(block, Text) else block(width))
        return lines


class FilePlace:
    """``file:line`` laid out for a column: whole when it fits; else broken after a ``/``,
    keeping each name whole when it fits a line; a name wider than the column breaks after a
    ``-`` or ``_``, and only what is still too wide is folded. ``:line`` stays with the name."""

    def __init__(self, text: str, style: str) -> None:

        self.text = visible_path(text)
        self.style = style
        #: The folders and the name, each ending in its ``/``.
        self.names = [n for n in re.split(r"(?<=/)", self.text) if n]

    def __call__(self, width: int) -> list[Text]:

        lines: list[str] = []
        for name in self.names:
            pieces = [name] if cell_len(name) <= width else _name_pieces(name)
            for piece in pieces:
                # A whole name that does not fit the line starts the next one.
                if lines and cell_len(lines[-1]) + cell_len(piece) <= width:
                    lines[-1] += piece
                else:
                    lines.append(piece)
        return [piece for line in lines for piece in wrap(Text(line, style=self.style), width)]


def _name_pieces(name: str) -> list[str]:
    """A name too wide for its column, in pieces ending in ``-`` or ``_``."""
    return [p for p in re.split(r"(?<=[_-])", name) if p]
