"""Find and read ``assertions.yaml``, then hand its bytes to validation.

The loader is three modules: this one finds the file and reads its bytes;
``comparator.yamlparse`` (the only one that imports yaml) reads YAML strictly into a tree of
positioned nodes; ``comparator.validation`` turns that tree into the data model, each problem a
finding. Views with a warm cache import only this module (for ``find_assertions``), so it
imports neither of the others until a corpus is really read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from comparator.errors import InputError
from comparator.fileio import MAX_CORPUS_FILE_BYTES, read_input, utf8_error_position
from comparator.models import LoadResult

ASSERTIONS_FILENAME = "assertions.yaml"
ENV_VAR = "COMPARE_ASSERTIONS"
#: An id of a source, topic, claim or assertion: a lowercase slug.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


# --------------------------------------------------------------------------- finding the file


def find_assertions(
    explicit: str | os.PathLike[str] | None = None,
    *,
    cwd: Path | None = None,
    environ: dict[str, str] | None = None,
) -> Path:
    """Return the corpus file: ``--assertions``, else ``$COMPARE_ASSERTIONS``, else walk up."""
    env = os.environ if environ is None else environ
    start = Path.cwd() if cwd is None else cwd
    if explicit is None and env.get(ENV_VAR):
        explicit = env[ENV_VAR]
    if explicit is not None:
        path = Path(explicit)
        if not path.is_absolute():
            path = start / path
        if path.is_dir():
            path = path / ASSERTIONS_FILENAME
        if path.exists() and not path.is_file():
            raise InputError(
                f"{display_path(path)}: is not a regular file",
                hint="give the path of an assertions.yaml with --assertions/-a",
            )
        if not path.is_file():
            raise InputError(
                f"{display_path(path)}: no such file",
                hint="give the path of an assertions.yaml with --assertions/-a",
            )
        return path
    for folder in (start, *start.parents):
        candidate = folder / ASSERTIONS_FILENAME
        if candidate.is_file():
            return candidate
    raise InputError(
        f"no {ASSERTIONS_FILENAME} in {display_path(start)} or any folder above it",
        hint=f"run compare inside a corpus folder, or pass --assertions/-a FILE or set ${ENV_VAR}",
    )


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the cwd when it is below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- reading it


def read_corpus_bytes(path: Path) -> bytes:
    """The bytes of ``assertions.yaml``, or an InputError that says why they cannot be had."""
    return read_input(
        path,
        display_path(path),
        folder_hint=f"point --assertions at the {ASSERTIONS_FILENAME} inside it",
        limit=MAX_CORPUS_FILE_BYTES,
    )


def _refuse_bad_utf8(data: bytes, shown: str) -> None:
    """Refuse text that is not strict UTF-8, naming line and column of the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = utf8_error_position(data, exc)
        raise InputError(
            f"{shown}:{line}:{column}: not UTF-8 (byte 0x{data[exc.start]:02x})",
            hint="save the file as UTF-8",
        ) from None


def load_corpus(path: Path, data: bytes | None = None) -> LoadResult:
    """Read ``assertions.yaml`` (or parse ``data``, its bytes as already read); raises
    InputError only when it cannot be read as YAML."""
    shown = display_path(path)
    if data is None:
        data = read_corpus_bytes(path)
    if b"\x00" in data:
        raise InputError(f"{shown}: is a binary file, not YAML")
    _refuse_bad_utf8(data, shown)
    return load_corpus_text(data, path.resolve(), shown)


def load_corpus_text(text: str | bytes, path: Path, shown: str | None = None) -> LoadResult:
    """Parse and validate YAML text as if it were the file at ``path``.

    ``text`` may be the file's bytes, once they are known to be UTF-8: the parser reads them as
    they are, without a decoded copy of a large corpus beside them.
    """
    # Imported here, not at the top: it imports yaml, which a view with a warm cache never needs.
    from comparator.validation import validate_text

    return validate_text(text, path, display_path(path) if shown is None else shown)
