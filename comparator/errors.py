"""The one exception family of the tool.

Core modules raise these; only the CLI edge turns them into a message and an exit code, so
a library user sees a typed exception and a terminal user never sees a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import IntEnum


class ExitCode(IntEnum):
    """What the process tells its caller; DESIGN.md fixes these numbers."""

    OK = 0
    #: ``compare check`` found something at or above ``--fail-level``.
    FINDINGS = 1
    #: Bad input or a bad command line: the message says what and where.
    USAGE = 2
    #: The reader of our output went away (``compare X | head``): what shells expect.
    BROKEN_PIPE = 141
    INTERRUPTED = 130


def did_you_mean(name: str, known: Iterable[str], *, prefix: bool = False) -> str | None:
    """The known name a user most probably meant by ``name``, or None.

    With ``prefix`` a known name that starts with what was typed wins first (ids typed short).
    Every "did you mean" of the tool comes from here, so they all guess alike.
    """
    choices = list(dict.fromkeys(known))
    if prefix:
        starting = [k for k in choices if k.startswith(name)]
        if starting:
            return starting[0]
    close = difflib.get_close_matches(name, choices, n=1)
    return close[0] if close else None


class CompareError(Exception):
    """Base class: anything the tool can explain to its user."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(CompareError):
    """The command line asks for something that cannot be done (unknown topic, bad option)."""


class InputError(CompareError):
    """An input file could not be read or parsed (missing, not UTF-8, broken YAML)."""


class CorpusInvalidError(CompareError):
    """The corpus loaded but has errors that make a comparison untrustworthy."""

    def __init__(
        self, message: str, findings: tuple[object, ...], *, hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.findings = findings
