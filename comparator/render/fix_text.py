"""``compare check --fix`` and ``--diff``: the unified diff of the corpus file, and what was
(or would be) fixed and what was left alone, one line each as check prints findings.

The diff is its own part so that ``--diff`` can print it alone on stdout (a patch ``git
apply`` reads) and the notes on stderr.
"""

from __future__ import annotations

from typing import IO

from rich.text import Text

from comparator.console import data_text, make_console
from comparator.fixing import FixPlan
from comparator.safetext import visible, visible_path

#: The colour of a diff line, by its first character.
_DIFF_STYLES = {"+": "green", "-": "red", "@": "cyan"}


def render_diff(plan: FixPlan, out: IO[str]) -> None:
    """The change as a unified diff; nothing when there is none."""
    console = make_console(out)
    if console.color_system is None or console.no_color:
        # Written as it is, tabs, trailing blanks and every CR kept (in YAML a CR is a line
        # break, as in git's patch a byte of the line), so that the output is a patch; any
        # other control is shown as its escape.
        for line in plan.diff():
            out.write("\r".join(visible(part) for part in line.split("\r")))
        return
    for line in plan.diff():
        body = line.rstrip("\r\n")
        header = body.startswith(("+++", "---"))
        style = "bold" if header else _DIFF_STYLES.get(body[:1], "")
        console.print(data_text(body, style), soft_wrap=True, highlight=False)


def render_notes(plan: FixPlan, out: IO[str]) -> None:
    """Each fix and each value left alone, then what happened to the file."""
    console = make_console(out)
    done = "fixed" if plan.written else "would fix"
    for fix in plan.fixes:
        line = Text()
        line.append(visible_path(fix.location), style="bold")
        line.append(f": {done} ", style="green")
        line.append_text(data_text(fix.subject, one_line=True))
        line.append(f" ({fix.kind.value})", style="dim")
        console.print(line, soft_wrap=True)
    for skipped in plan.skipped:
        line = Text()
        line.append(visible_path(skipped.location), style="bold")
        line.append(": not fixed ", style="yellow")
        line.append_text(data_text(skipped.message, one_line=True))
        console.print(line, soft_wrap=True)
    count = len(plan.fixes)
    values = f"{count} value{'s' * (count != 1)}"
    if not count:
        summary = f"nothing to fix in {visible_path(plan.shown)}"
    elif plan.written:
        summary = f"fixed {values} in {visible_path(plan.shown)}"
    else:
        summary = f"would fix {values} in {visible_path(plan.shown)}; nothing was written"
    console.print(Text(summary, style="green" if plan.written or not count else "yellow"))
