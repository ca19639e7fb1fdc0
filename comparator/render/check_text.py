"""``compare check --format text``: one line per finding, as compilers and linters print them."""

from __future__ import annotations

from typing import IO

from comparator.check import CheckResult
from comparator.console import data_text, make_console
from comparator.models import Severity

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(result: CheckResult, out: IO[str]) -> None:
    from rich.text import Text

    console = make_console(out)
    for finding in result.findings:
        line = Text()
        line.append(str(finding.location), style="bold")
        line.append(": ")
        line.append(finding.severity.value, style=STYLES[finding.severity])
        line.append(f" {finding.rule} ", style="dim")
        line.append_text(data_text(finding.message, one_line=True))
        console.print(line, soft_wrap=True)
        for detail in finding.detail:
            console.print(
                Text("    ").append_text(data_text(detail, one_line=True)), soft_wrap=True
            )
    style = (
        "bold red"
        if result.count(Severity.ERROR)
        else "yellow"
        if result.count(Severity.WARNING)
        else "green"
    )
    console.print(Text(result.summary(), style=style), soft_wrap=True)
