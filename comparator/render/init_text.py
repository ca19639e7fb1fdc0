"""``compare init``: the files made (or kept), then the commands that come next."""

from __future__ import annotations

import shlex
from typing import IO

from comparator.safetext import visible_path
from comparator.scaffold import InitResult


def render(result: InitResult, out: IO[str]) -> None:
    lines = []
    for made in result.files:
        if made.written:
            lines.append(f"created {visible_path(made.path)}")
        else:
            lines.append(f"kept    {visible_path(made.path)} (already there; not replaced)")
    lines.append("")
    lines.append("next:")
    if result.enter:
        folder = visible_path(result.enter)
        # "-rf" is no option, nor is "-r f" (which quoting turns into "'-r f'")
        lines.append(f"  cd {'-- ' * folder.startswith('-')}{shlex.quote(folder)}")
    lines += [
        "  compare ingest PAGE.html --id ID --outlet LABEL --write",
        "  compare add TOPIC --title TITLE --question QUESTION --claim CLAIM --claim-text TEXT",
        "  compare suggest TOPIC --source ID",
        "  compare add TOPIC --source ID --claim CLAIM --stance STANCE --quote TEXT",
        "  compare check",
    ]
    out.write("\n".join(lines) + "\n")
