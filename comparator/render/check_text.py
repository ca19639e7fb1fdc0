"""``compare check --format text``: one line per finding, as compilers and linters print them."""

from __future__ import annotations

from typing import IO

from rich.text import Text

from comparator.console import data_text, make_console
from comparator.models import Severity
from comparator.safetext import visible_path
from comparator.views.check import CheckView

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

#: The summary line's colour, by the worst finding: green when nothing worse than info.
SUMMARY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def render(view: CheckView, out: IO[str]) -> None:
    console = make_console(out)
    for reported in view.findings:
        finding = reported.finding
        line = Text()
        line.append(visible_path(finding.location), style="bold")
        line.append(": ")
        line.append(finding.severity.value, style=STYLES[finding.severity])
        line.append(f" {finding.rule} ", style="dim")
        line.append_text(data_text(finding.message, one_line=True))
        console.print(line, soft_wrap=True)
        for detail in finding.detail:
            console.print(
                Text("    ").append_text(data_text(detail, one_line=True)), soft_wrap=True
            )
    style = SUMMARY_STYLES.get(view.worst, "green") if view.worst else "green"
    console.print(Text(view.summary, style=style), soft_wrap=True)
