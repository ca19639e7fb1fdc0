"""``compare ingest --format text``: the source entry, as YAML you can paste.

What ingest did is said in YAML comments above the entry, so the whole output stays valid
YAML (``compare ingest ... > entry.yaml`` works) while a person still reads what happened.
"""

from __future__ import annotations

from typing import IO

from comparator.ingest import IngestResult
from comparator.safetext import visible, visible_path

ACTIONS = {"written": "wrote", "replaced": "replaced", "unchanged": "kept (same text)"}


def render(result: IngestResult, out: IO[str]) -> None:
    kind = {
        "html": "article text extracted from",
        "pdf": f"text of {result.pages} page(s) extracted from",
    }.get(result.kind, "copied as it is from")
    lines = [
        f"# {ACTIONS[result.text_action]} {visible_path(result.file)} ({result.size} bytes, "
        f"{result.lines} lines): {kind} {visible(result.page, one_line=True)}"
    ]
    lines += [f"# note: {visible(note, one_line=True)}" for note in result.notes]
    if result.yaml_line:
        lines.append(
            f"# added source '{result.source_id}' to {visible_path(result.yaml_path)} at line "
            f"{result.yaml_line}:"
        )
    else:
        lines.append(
            f"# paste under sources: in {visible_path(result.yaml_path)} (or run again with "
            "--write to add it):"
        )
    out.write("\n".join(lines) + "\n")
    out.write(result.entry.replace("\r\n", "\n").replace("\r", "\n"))
    out.write(f"# next: compare suggest TOPIC --source {result.source_id}\n")
