"""``compare check --format github``: GitHub Actions workflow commands, one per finding.

Every value is encoded as the runner expects, so a newline or ``::`` in article text or YAML
cannot end the annotation and start a workflow command of its own.
"""

from __future__ import annotations

from typing import IO

from comparator.models import Severity
from comparator.safetext import visible, visible_path
from comparator.views.check import CheckView

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(view: CheckView, out: IO[str]) -> None:
    for reported in view.findings:
        finding = reported.finding
        loc = finding.location
        props = [f"file={escape_property(visible_path(loc.file))}"]
        if loc.line > 0:
            props += [f"line={loc.line}", f"col={max(loc.column, 1)}"]
        props.append(f"title={escape_property(f'compare check: {finding.rule}')}")
        message = "\n".join(
            (
                visible(finding.message, one_line=True),
                *(visible(d, one_line=True) for d in finding.detail),
            )
        )
        out.write(f"::{LEVELS[finding.severity]} {','.join(props)}::{escape_data(message)}\n")
    out.write(visible(view.summary) + "\n")
