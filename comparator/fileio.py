"""Reading and writing the user's files: one digest, one account of a bad byte, and atomic
writes, so a crash or a full disk never leaves half a file."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from comparator.errors import InputError


def read_input(path: Path, shown: str, *, folder_hint: str) -> bytes:
    """The bytes of a file the user named, or an InputError that says why they cannot be had."""
    try:
        if path.is_dir():
            raise InputError(f"{shown}: is a folder, not a file", hint=folder_hint)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot be read ({exc.strerror})") from None


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of some bytes, as ``sha256sum`` prints it (what ``sha256:`` pins hold)."""
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The digest of a file, read a block at a time: a large file is never held whole."""
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            hasher.update(block)
    return hasher.hexdigest()


def utf8_error_position(data: bytes, error: UnicodeDecodeError) -> tuple[int, int]:
    """1-based line and column (in characters) of the first byte that is not UTF-8.

    Every "not UTF-8" message of the tool names the place the same way, so an editor's
    go-to-line lands on it.
    """
    before = data[: error.start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return line, column


def atomic_write(path: Path, text: str) -> None:
    """Write text to path via a temporary file in the same folder and an atomic rename."""
    with atomic_writer(path) as handle:
        handle.write(text)


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text handle whose content replaces ``path`` only when the block ends without error.

    What is written goes to a temporary file beside ``path`` (so a large report is streamed,
    never held whole); a crash, an exception or a full disk leaves the old file as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: folder {folder} does not exist")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name")
    try:
        with _replacing(path, folder) as handle:
            yield handle
    except OSError as exc:  # disk full, no permission: the user's problem to fix, not a crash
        raise InputError(
            f"{path}: cannot write ({exc.strerror or exc}); the file is unchanged"
        ) from exc


@contextmanager
def _replacing(path: Path, folder: Path) -> Iterator[IO[str]]:
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
