"""The one place that builds rich consoles, so width, colour and NO_COLOR behave the same in
every command. Imported only by text renderers and the CLI edge, never by the core.

``recording()`` keeps a picture of whatever the text renderers print while it is open, for
``--save-svg`` and ``--save-html``: the renderers never know they are being recorded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from rich.console import Console
from rich.text import Text

from comparator.safetext import visible

#: The recordings open now: every console made meanwhile records for the innermost one.
_RECORDINGS: list[Recording] = []


class Recording:
    """The consoles made while ``recording()`` was open, and their output as SVG or HTML."""

    def __init__(self) -> None:
        self.consoles: list[Console] = []

    def _console(self) -> Console:
        """One console holding everything recorded, in order."""
        if len(self.consoles) == 1:
            return self.consoles[0]
        width = max((c.width for c in self.consoles), default=None)
        combined = make_console(record=True, width=width)
        for console in self.consoles:
            combined._record_buffer.extend(console._record_buffer)
        return combined

    def export_svg(self, title: str) -> str:
        return self._console().export_svg(title=title, clear=False)

    def export_html(self) -> str:
        return self._console().export_html(clear=False)


@contextmanager
def recording() -> Iterator[Recording]:
    """Record every console made inside the block (see ``Recording``)."""
    taken = Recording()
    _RECORDINGS.append(taken)
    try:
        yield taken
    finally:
        _RECORDINGS.remove(taken)


#: Values of FORCE_COLOR that ask for no colour rather than forcing it.
_NO_FORCE = frozenset({"0", "false", "no", "off"})


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Console(Console):
    """A rich console that lets a broken pipe reach the CLI edge: rich's own handling exits 1,
    which for compare means "findings"; the edge exits as a shell expects instead."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def make_console(
    file: IO[str] | None = None,
    *,
    stderr: bool = False,
    record: bool = False,
    width: int | None = None,
) -> Console:
    """A console that colours only real terminals, honours NO_COLOR, and never reads markup.

    ``COLUMNS`` sets the width for pipes and tests; ``FORCE_COLOR`` forces colour, except
    ``FORCE_COLOR=0`` (or ``false``), which turns it off. Inside
    ``recording()`` it records, for the recording.
    """
    if width is None and os.environ.get("COLUMNS", "").isdigit():
        width = int(os.environ["COLUMNS"])
    force_terminal = None
    no_color = bool(os.environ.get("NO_COLOR")) or None
    if os.environ.get("FORCE_COLOR", "").strip().lower() in _NO_FORCE:
        # rich takes any non-empty FORCE_COLOR as "force": 0 means no colour, as in Node and
        # other tools; whether the output is a terminal is then found out as usual.
        target = file if file is not None else (sys.stderr if stderr else sys.stdout)
        force_terminal = _isatty(target)
        no_color = True
    console = _Console(
        file=file,
        stderr=stderr,
        force_terminal=force_terminal,
        record=record or bool(_RECORDINGS),
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        no_color=no_color,
    )
    if _RECORDINGS and not record:
        _RECORDINGS[-1].consoles.append(console)
    return console


def data_text(value: str, style: str = "", *, one_line: bool = False) -> Text:
    """Untrusted text as a rich Text: never parsed as markup, controls made visible."""
    return Text(visible(value, one_line=one_line), style=style)
