"""The one exception family of the tool.

Core modules raise these; only the CLI edge turns them into a message and an exit code, so
a library user sees a typed exception and a terminal user never sees a traceback.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CompareError(Exception):
    """Base class: anything the tool can explain to its user."""

    exit_code = EXIT_USAGE

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
