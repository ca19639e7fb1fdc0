"""How stances, verdicts and relations look, shared by every text and markdown view.

Each stance has a symbol *and* a word, so a view reads the same without colour (NO_COLOR,
a pipe, a printout) as with it; colour only adds emphasis. What a view shows is decided in
``comparator.views``; this module only says how it looks, as plain strings and style names,
so the markdown views, which share it, never load rich (``text_style`` builds the rich Text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from comparator.models import Stance, Treatment, Verdict
from comparator.views.common import Absence, Mark

if TYPE_CHECKING:
    from rich.console import Console


#: Stance -> (unicode symbol, ASCII symbol for consoles that cannot encode the unicode one).
SYMBOLS: dict[Stance, tuple[str, str]] = {
    Stance.AFFIRMS: ("✔✔", "++"),
    Stance.SUGGESTS: ("✔", "+"),
    Stance.NEUTRAL: ("○", "o"),
    Stance.DOUBTS: ("✘", "-"),
    Stance.DENIES: ("✘✘", "--"),
}

STANCE_STYLES: dict[Stance, str] = {
    Stance.AFFIRMS: "bold green",
    Stance.SUGGESTS: "green",
    Stance.NEUTRAL: "yellow",
    Stance.DOUBTS: "red",
    Stance.DENIES: "bold red",
}

VERDICT_STYLES: dict[Verdict, str] = {
    Verdict.CONSENSUS: "bold green",
    Verdict.CONTESTED: "bold magenta",
    Verdict.MIXED: "bold yellow",
    Verdict.SINGLE_SOURCE: "bold",
    Verdict.UNADDRESSED: "dim",
}

#: Relation marks: contradiction and divergence are what an analyst looks for first.
CONTRADICT_MARK = ("≠", "!=")
DIVERGE_MARK = ("~", "~")
CONTRADICT_STYLE = "bold magenta"
DIVERGE_STYLE = "yellow"
OPEN_QUOTE = ("“", '"')
CLOSE_QUOTE = ("”", '"')
#: Around the quoted words of a quote shown in its sentence (``--context``): the marks, not
#: only the styles, tell quoted from left-out words, so the text reads without colour.
QUOTED_OPEN = ("«", "<<")
QUOTED_CLOSE = ("»", ">>")
#: Joins the parts of an elided quote.
ELLIPSIS = ("…", "...")
NO_POSITION = ("·", ".")
DOT = (" · ", " - ")
DASH = ("—", "-")
#: What opens a reported voice's line: it reads as "reported", never as the outlet's view.
REPORT_MARK = ("↳", "->")

#: How each absence looks in the text views.
ABSENCE_STYLES: dict[Absence, str] = {
    Absence.SILENT: "dim",
    Absence.UNREVIEWED: "yellow",
    Absence.NO_POSITION: "dim",
    Absence.UNKNOWN: "red",
    Absence.REPORTS_ONLY: "dim italic",
}

#: Matrix marks for a source with no stance on a claim, by why it has none.
ABSENCE_MARKS: dict[Absence, tuple[str, str]] = {
    Absence.NO_POSITION: NO_POSITION,
    Absence.SILENT: ("–", "-"),
    Absence.UNREVIEWED: ("?", "?"),
    Absence.UNKNOWN: ("?", "?"),
    Absence.REPORTS_ONLY: REPORT_MARK,
}

#: The diff renderers' words and styles, keyed by coverage, until they read ``Absence`` too.


def pick(pair: tuple[str, str], unicode: bool = True) -> str:
    """The unicode or the ASCII form of a mark."""
    return pair[0] if unicode else pair[1]


def can_encode(console: Console) -> bool:
    """Whether the console's encoding takes the unicode marks (else ASCII ones are used)."""
    return console.encoding.lower().replace("-", "").startswith("utf")


def stance_plain(stance: Stance, unicode: bool = True) -> str:
    """Symbol and word, e.g. ``✘✘ denies``: what markdown and plain lines print."""
    return f"{pick(SYMBOLS[stance], unicode)} {stance.value}"


#: How a position with no own stance reads where a stance would stand.
NO_OWN_STANCE = "no own position (reports only)"


def own_stance_plain(stance: Stance | None, unicode: bool = True) -> str:
    """An article's own stance, or that it takes none and only reports others."""
    return stance_plain(stance, unicode) if stance is not None else NO_OWN_STANCE


def report_plain(name: str, treatment: Treatment, stance: Stance, unicode: bool = True) -> str:
    """``↳ ✔✔ affirms per Kyrylo Budanov (reported; the article questions it)``: a reported
    voice, marked so that no one reads it as the article's own stance, in symbols that read
    without colour. The stance comes first, so that a narrow cell never splits it."""
    tail = report_tail(name, treatment)
    return f"{pick(REPORT_MARK, unicode)} {stance_plain(stance, unicode)} {tail}"


def report_tail(name: str, treatment: Treatment) -> str:
    """Whose stance it is and what the article does with it, after the stance."""
    return f"per {name} (reported; the article {treatment.value} it)"


def legend(unicode: bool = True, *, no_position: bool = False, reports: bool = False) -> list[str]:
    """The key to every symbol a view uses, printed once at the end: short lines, so that
    even a 60-column terminal shows each on one line; ``reports`` adds the reported-voice
    mark when the view shows one."""
    marks = f"{pick(CONTRADICT_MARK, unicode)} contradict  {pick(DIVERGE_MARK, unicode)} diverge"
    if no_position:
        marks += f"  {pick(NO_POSITION, unicode)} no position"
    lines = ["  ".join(stance_plain(s, unicode) for s in Stance), marks]
    if reports:
        lines.append(f"{pick(REPORT_MARK, unicode)} a voice the article reports, not its own")
    return lines


def mark(item: Mark, unicode: bool = True) -> str:
    """An article's mark in a grid: its stance symbol, or the mark of why it has none."""
    if item.stance is not None:
        return pick(SYMBOLS[item.stance], unicode)
    assert item.absence is not None
    return pick(ABSENCE_MARKS[item.absence], unicode)


def marks_line(marks: Iterable[Mark], unicode: bool = True) -> str:
    """One outlet's articles on one claim, marks padded so that they line up."""
    return " ".join(mark(m, unicode).ljust(2) for m in marks).rstrip()


def grid_legend(unicode: bool = True) -> str:
    return (
        f"{pick(NO_POSITION, unicode)} no position  "
        f"{pick(ABSENCE_MARKS[Absence.SILENT], unicode)} silent on the topic  "
        f"{pick(ABSENCE_MARKS[Absence.UNREVIEWED], unicode)} unreviewed  "
        f"{pick(REPORT_MARK, unicode)} reports others only"
    )
