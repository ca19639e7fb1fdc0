"""Reading and writing the user's files: one digest, one account of a bad byte, and atomic
writes, so a crash or a full disk never leaves half a file.

Reading opens first and checks the open descriptor after (never the path before): only a
regular file is read, and only up to ``MAX_FILE_BYTES``, so a named pipe cannot hang a run, a
device cannot feed it forever, and a huge file is refused before it is held in memory.
Writing refuses to replace the files a corpus reads, writes to a device or pipe as a stream,
writes through a symlink to where it points, and names its temporary files so that a later run
recognises (and removes) the ones a killed run left.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from comparator.errors import InputError, UsageError

#: The largest file compare reads (an article, a page to ingest): a real article is a few
#: hundred kilobytes, so anything near this is a mistake, not a text.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The largest ``assertions.yaml``: the reading of a corpus of ten thousand articles is some
#: 70 MiB, and such a corpus is meant to work.
MAX_CORPUS_FILE_BYTES = 256 * 1024 * 1024
#: What the temporary file of an atomic write is called, after a dot and the target's name:
#: the writer's PID lets a later run tell a killed run's leftover from a live run's file.
TEMP_MARK = ".compare-tmp-"
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.compare-tmp-(?P<pid>[0-9]+)-[0-9a-f]{8}\Z", re.DOTALL)
#: Room kept for the dot, the mark, the PID and the random part in a name of 255 bytes.
_TEMP_NAME_ROOM = 180
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class RefusedFile(OSError):
    """A path that is not a regular file, or a file too large: ``reason`` says which, in words
    that follow the file's name ("is not a regular file (a named pipe (FIFO))").

    An OSError, so code that treats any unreadable file as a miss (the cache) does so for
    these too.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _kind(mode: int) -> str:
    """What a non-regular file is, as a user knows it."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something else"


def _size_words(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size >= 1024 * 1024 else f"{size} bytes"


@contextmanager
def open_regular(
    path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES
) -> Iterator[IO[bytes]]:
    """A binary handle on ``path`` once the OPEN descriptor is known to be a regular file of at
    most ``limit`` bytes; RefusedFile otherwise, OSError when it cannot be opened at all.

    The open does not block (a FIFO opens at once and is refused) and never makes a terminal
    the controlling one; checking the descriptor, not the path, leaves no moment in which the
    path can be swapped for something else.
    """
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFile(f"is not a regular file ({_kind(info.st_mode)})")
        if info.st_size > limit:
            raise RefusedFile(
                f"is too large ({_size_words(info.st_size)}; compare reads files of at most "
                f"{_size_words(limit)})"
            )
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def read_regular(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (see open_regular).

    A file that grows past the limit while it is read is refused too: at most ``limit + 1``
    bytes are ever read.
    """
    with open_regular(path, limit=limit) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise RefusedFile(
            f"is too large (over {_size_words(limit)}; compare reads files of at most "
            f"{_size_words(limit)})"
        )
    return data


def read_input(path: Path, shown: str, *, folder_hint: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file the user named, or an InputError that says why they cannot be had."""
    try:
        return read_regular(path, limit=limit)
    except RefusedFile as exc:
        hint = folder_hint if exc.reason.endswith("(a folder)") else None
        raise InputError(f"{shown}: {exc.reason}", hint=hint) from None
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte in it
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"{shown}: cannot be read ({reason})") from None


def utf8_error_position(data: bytes, error: UnicodeDecodeError) -> tuple[int, int]:
    """1-based line and column (in characters) of the first byte that is not UTF-8.

    Every "not UTF-8" message of the tool names the place the same way, so an editor's
    go-to-line lands on it.
    """
    before = data[: error.start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return line, column


# --------------------------------------------------------------------------- writing


def _identity(path: Path) -> tuple[Path | None, tuple[int, int] | None]:
    """The resolved path and (device, inode) of a path, each None when it cannot be had."""
    try:
        resolved: Path | None = path.resolve()
    except (OSError, RuntimeError, ValueError):
        resolved = None
    try:
        info = os.stat(path)
        inode: tuple[int, int] | None = (info.st_dev, info.st_ino)
    except (OSError, ValueError):
        inode = None
    return resolved, inode


def refuse_overwriting(
    output: Path, protected: Iterable[Path], *, option: str, force: bool = False
) -> None:
    """Refuse (UsageError) an output path that is one of the ``protected`` files (the corpus
    file and every file it reads), compared after resolving symlinks and ``..`` and by inode,
    so a hard link or another spelling of the same file is caught too; ``force`` allows it."""
    if force or is_stream(output):
        return
    out_path, out_inode = _identity(output)
    for path in protected:
        path_resolved, path_inode = _identity(path)
        same = (out_path is not None and out_path == path_resolved) or (
            out_inode is not None and out_inode == path_inode
        )
        if same:
            raise UsageError(
                f"{option} {output}: is {path}, a file the corpus reads; refusing to "
                "replace it, nothing was written",
                hint="choose another file name, or pass --force to replace it anyway",
            )


def is_stream(path: Path) -> bool:
    """True for ``-`` (stdout) and for an existing path that is not a regular file (a
    device such as /dev/stdout or /dev/null, a FIFO): written to as a stream, never replaced."""
    if str(path) == "-":
        return True
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def atomic_write(path: Path, text: str) -> None:
    """Write text to path via a temporary file in the same folder and an atomic rename."""
    with atomic_writer(path) as handle:
        handle.write(text)


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text handle whose content replaces ``path`` only when the block ends without error.

    What is written goes to a temporary file beside ``path`` (so a large report is streamed,
    never held whole); a crash, an exception or a full disk leaves the old file as it was.
    ``-``, a device or a FIFO is written to as a stream instead (there is nothing to replace);
    a symlink is written through, atomically where it points, and stays a symlink.
    """
    if str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    if is_stream(path):
        try:
            with open(path, "w", encoding="utf-8", newline="") as stream:
                yield stream
        except BrokenPipeError:
            raise  # the reader went away: the CLI exits as a shell expects, no message
        except OSError as exc:
            raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: folder {folder} does not exist")
    if target.is_dir():
        raise InputError(f"{path}: is a folder; give a file name")
    refuse_read_only(target, str(path))
    remove_stale_temporaries(target)
    try:
        with _replacing(target, folder) as handle:
            yield handle
    except OSError as exc:  # disk full, no permission: the user's problem to fix, not a crash
        raise InputError(
            f"{path}: cannot write ({exc.strerror or exc}); the file is unchanged"
        ) from exc


def refuse_read_only(path: Path, shown: str) -> None:
    """An existing file its owner made read-only is not replaced behind their back (a rename
    would do it, as the folder is writable): InputError instead."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return
    if not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise InputError(
            f"{shown}: is read-only; nothing was changed",
            hint=f"make it writable (chmod u+w {shown}) if it should be changed",
        )


def temporary_name(target: Path, pid: int | None = None) -> str:
    """The name of an atomic write's temporary file for ``target``: ``.NAME.compare-tmp-PID-R``
    (NAME shortened so the whole stays a valid name, R random so two writers never meet)."""
    pid = os.getpid() if pid is None else pid
    return f".{target.name[:_TEMP_NAME_ROOM]}{TEMP_MARK}{pid}-{os.urandom(4).hex()}"


def _alive(pid: int) -> bool:
    """Whether a process may still be writing its temporary file; when unsure, it may."""
    if pid == os.getpid() or os.name != "posix":
        return True  # elsewhere os.kill(pid, 0) is not a question: it ends the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone's process, or not a PID we can ask about: leave it
    return True


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files a killed compare left for ``target``: only names compare
    makes (see temporary_name), only regular files the user owns, only when the PID in the name
    is no longer running. Returns what was removed."""
    folder = target.parent if str(target.parent) else Path(".")
    stem = target.name[:_TEMP_NAME_ROOM]
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMP_NAME.match(name)
        if match is None or match["name"] != stem or _alive(int(match["pid"])):
            continue
        leftover = folder / name
        try:
            info = os.lstat(leftover)
            if not stat.S_ISREG(info.st_mode):
                continue
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                continue
            leftover.unlink()
        except OSError:
            continue
        removed.append(leftover)
    return removed


@contextmanager
def _replacing(path: Path, folder: Path) -> Iterator[IO[str]]:
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    temp = folder / temporary_name(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
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
        temp.unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- locking


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for editing ``path``: concurrent edits by compare wait for each
    other, so each re-reads the file the other wrote and nothing is lost.

    The lock is taken on ``.NAME.compare-lock`` beside the file, not on the file itself: the
    file is replaced by a rename, and a lock on the old inode would not stop a writer that
    opened the new one. The lock file is left in place (removing it would let two writers lock
    two different files). Where there is no flock (Windows) edits are not serialised.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock_path = path.parent / f".{path.name[:_TEMP_NAME_ROOM]}.compare-lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        raise InputError(
            f"{lock_path}: cannot create the lock file for editing {path.name} "
            f"({exc.strerror or exc}); nothing was changed"
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
