"""``compare add``: what was written and where, or the quote findings that stopped it.

A refusal lists its findings as ``compare check`` does (the closest passage, a word diff),
each at the option that gave the quote (``--quote 2``), and says that nothing was written.
"""

from __future__ import annotations

from typing import IO

from comparator.authoring import AddKind, AddResult
from comparator.safetext import visible, visible_path

WHAT = {
    AddKind.TOPIC: "topic",
    AddKind.CLAIM: "claim",
    AddKind.VOICE: "voice",
    AddKind.ASSERTION: "assertion",
    AddKind.STANCE: "own stance and quotes to assertion",
    AddKind.REPORT: "report to assertion",
    AddKind.SILENT: "silent source",
}


def render(result: AddResult, out: IO[str]) -> None:
    lines = []
    for finding in result.findings:
        lines.append(
            f"{visible_path(finding.location)}: {finding.severity.value} {finding.rule} "
            f"{visible(finding.message, one_line=True)}"
        )
        lines += [f"    {visible(d, one_line=True)}" for d in finding.detail]
    lines += [f"note: {visible(n, one_line=True)}" for n in result.notes]
    path = visible_path(result.yaml_path)
    if not result.written:
        lines.append(f"nothing was written to {path}: fix the quote(s) above and run again")
    for added in result.added:
        where = f"{path}:{added.line}" if added.line else path
        lines.append(f"added {WHAT[added.kind]} '{visible(added.name, one_line=True)}' at {where}")
    for number, text in result.changed:
        lines.append(f"  {number:>5} + {visible_path(text)}")
    if result.written:
        lines.append("next: compare check")
    out.write("\n".join(lines) + "\n")
