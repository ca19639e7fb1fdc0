"""The one place that builds rich consoles, so width, colour and NO_COLOR behave the same in
every command. Imported only by renderers and the CLI edge, never by the core.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def make_console(
    file: IO[str] | None = None,
    *,
    stderr: bool = False,
    record: bool = False,
    width: int | None = None,
) -> Console:
    """A console that colours only real terminals, honours NO_COLOR, and never reads markup.

    ``COLUMNS`` sets the width for pipes and tests; ``FORCE_COLOR`` forces colour.
    """
    from rich.console import Console

    if width is None and os.environ.get("COLUMNS", "").isdigit():
        width = int(os.environ["COLUMNS"])
    return Console(
        file=file,
        stderr=stderr,
        record=record,
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
    )


def data_text(value: str, style: str = "", *, one_line: bool = False) -> Text:
    """Untrusted text as a rich Text: never parsed as markup, controls made visible."""
    from rich.text import Text

    from comparator.safetext import visible

    return Text(visible(value, one_line=one_line), style=style)
