"""Remember a verified corpus, so a view does not load and verify an unchanged corpus again.

Every view starts by loading ``assertions.yaml`` and finding each quote in its article. On a
corpus that has not changed since the last run this work gives the same answer, and it is
most of what a view costs: a quarter of the start-up on the seed corpus, seconds on thousands
of articles. The cache keeps that answer (the ``CheckResult`` a view uses, without the lints)
and gives it back only when nothing it was computed from has changed:

- the content (SHA-256) of ``assertions.yaml`` and of every article text it read, and where
  each article's path leads once symlinks are followed (so a link moved out of the corpus
  folder is caught even when the text it now points at is the same);
- the working folder (the paths findings and views show are relative to it);
- the version of compare, the source of each of its modules, and the Python version.

Anything else, a corpus with an article that cannot be read, or a cache that cannot be read
or written, simply means the corpus is verified again. ``compare check`` never uses the cache:
the CI gate always verifies from scratch.

Where: ``$COMPARE_CACHE_DIR``, else ``$XDG_CACHE_HOME/compare``, else ``~/.cache/compare``
(``%LOCALAPPDATA%\\compare\\cache`` on Windows); ``COMPARE_NO_CACHE=1`` turns it off.

No one but the user can forge, swap or plant an entry, and the cache never touches a file it
did not write:

- the folder is used only when it is a folder, not a link to one, that the user owns and no
  one else may enter (0700); otherwise the cache is skipped (``COMPARE_DEBUG=1`` says why on
  stderr) and the corpus verified as if there were none;
- every entry is signed, HMAC-SHA256 over its name and its whole content, with a random key
  of the user's kept in the folder (``compare-signing.key``, created 0600 by whichever run
  needs it first); an entry is verified before a byte of it is unpickled, so an edited entry,
  or one corpus's entry copied or linked under another's name, is a miss;
- entries and the key are opened without following links and without blocking, and read only
  when the open descriptor is a regular file of the user's: a planted FIFO cannot hang a view;
- unpickling can build nothing but compare's own model classes;
- pruning removes only files named as compare names them (``compare-*.entry`` and
  ``*.compare-tmp``) that are also signed by the user's key, or start as compare's entries do.

This module is where the start-up tricks of the core live: the model classes are pickled as
their field values (see ``_DISPATCH``), so that loading an entry calls their ``__init__``
directly instead of the slower ``__setstate__`` of a frozen slotted dataclass.
"""

from __future__ import annotations

import _operator
import contextlib
import copyreg
import importlib
import io
import os
import pickle
import re
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import IO, Any, cast

from comparator import __version__
from comparator.check import CheckResult
from comparator.fileio import open_regular
from comparator.models import (
    AnchorStatus,
    Assertion,
    Claim,
    Corpus,
    Finding,
    IgnoreEntry,
    Location,
    QuoteAnchor,
    QuoteKey,
    QuotePart,
    QuoteRef,
    Report,
    RivalGroup,
    Severity,
    Source,
    Stance,
    TextDigest,
    Topic,
    Treatment,
    Voice,
    VoiceKind,
)

#: Bumped whenever the layout of an entry or of the model changes.
FORMAT = 5
#: Entries kept; the oldest beyond this are removed when a new one is written.
MAX_ENTRIES = 32
#: Rules whose findings mean an article could not be read: such a corpus is not cached, since
#: the entry could not tell when the article becomes readable.
UNREADABLE_RULES = frozenset({"source-missing", "source-outside-root", "source-unreadable"})
DISABLE_VAR = "COMPARE_NO_CACHE"
DIR_VAR = "COMPARE_CACHE_DIR"
#: Set, the reason a cache folder is not used is told on stderr.
DEBUG_VAR = "COMPARE_DEBUG"
#: Every file compare writes in the cache folder is named with these, so it never mistakes
#: (or prunes) another program's file for one of its own.
ENTRY_PREFIX = "compare-"
ENTRY_SUFFIX = ".entry"
TEMP_SUFFIX = ".compare-tmp"
KEY_NAME = "compare-signing.key"
KEY_SIZE = 32
#: The first bytes of an entry, followed by its HMAC-SHA256, then the body.
MAGIC = b"compare cache\x00" + bytes([FORMAT, 0])
_BODY = len(MAGIC) + 32
_ENTRY_NAME = re.compile(r"compare-[0-9a-f]{32}\.entry")
_TEMP_NAME = re.compile(
    r"(compare-[0-9a-f]{32}\.entry|compare-signing\.key)\.[0-9]+\.[0-9a-f]{8}\.compare-tmp"
)

#: The model classes an entry holds, pickled as their class and field values.
_RECORDS: tuple[type, ...] = (
    Location,
    Finding,
    Source,
    Claim,
    QuoteRef,
    IgnoreEntry,
    Assertion,
    RivalGroup,
    Topic,
    QuoteAnchor,
    QuotePart,
    QuoteKey,
    TextDigest,
    Voice,
    Report,
)
#: The only classes an entry may contain, besides str, int, tuple, dict and None.
_ALLOWED = {
    "comparator.models": frozenset(
        cls.__name__ for cls in (*_RECORDS, AnchorStatus, Severity, Stance, Treatment, VoiceKind)
    ),
    "pathlib": frozenset({"PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath"}),
}


def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    """A reducer that pickles a record as its class and field values, in field order: loading
    it calls ``cls(*values)``, which is all a frozen dataclass needs to be rebuilt."""
    names = [f.name for f in fields(cls)]
    values = attrgetter(*names)
    return lambda record: (cls, values(record))


#: The pickler's dispatch table: every model record by its fields, the rest as pickle does it.
_DISPATCH: dict[type, Any] = {**copyreg.dispatch_table, **{c: _by_fields(c) for c in _RECORDS}}


def cache_dir(environ: os._Environ[str] | dict[str, str] | None = None) -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    env = os.environ if environ is None else environ
    if env.get(DISABLE_VAR):
        return None
    if env.get(DIR_VAR):
        return Path(env[DIR_VAR])
    if sys.platform == "win32" and env.get("LOCALAPPDATA"):
        return Path(env["LOCALAPPDATA"]) / "compare" / "cache"
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "compare"
    home = env.get("HOME") or env.get("USERPROFILE")
    return Path(home) / ".cache" / "compare" if home else None


def _code_stamp(package: Path = Path(__file__).parent) -> tuple[Any, ...] | None:
    """What identifies the code that computed an entry: the digest of every module's source
    in the package and its subpackages, so any edit is a new stamp (even one that keeps a
    file's size and time). None when the package cannot be read: nothing is then stored or
    trusted."""
    modules = []
    try:
        for folder, subfolders, names in os.walk(package, onerror=_raise):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            for name in names:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    modules.append((os.path.relpath(path, package), _source_hex(path)))
    except OSError:
        return None
    return (FORMAT, __version__, sys.version, tuple(sorted(modules)))


def _raise(error: OSError) -> None:
    raise error


class _Folder:
    """The cache folder, opened once: on POSIX every name is opened relative to the folder's
    descriptor, so the folder that was checked is the folder used, even if its path is
    swapped for a link meanwhile."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self.fd = fd

    def at(self, name: str) -> str:
        return name if self.fd is not None else os.path.join(self.path, name)

    def open(self, name: str, flags: int, mode: int = 0o600) -> int:
        return os.open(self.at(name), flags | _NOFOLLOW, mode, dir_fd=self.fd)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
#: Whether folders can be opened and checked as descriptors (POSIX).
_BY_DESCRIPTOR = hasattr(os, "getuid") and os.open in os.supports_dir_fd


def _skip(path: Path, reason: str) -> None:
    """Say why the cache is not used, on stderr, when ``COMPARE_DEBUG`` is set; else nothing:
    a cache that cannot be trusted only means the corpus is verified again. Told only when
    looking an entry up (``store`` skips the same folder silently), so once a run."""
    if os.environ.get(DEBUG_VAR):
        from comparator.safetext import visible

        sys.stderr.write(f"compare: cache not used: {visible(str(path), one_line=True)} {reason}\n")


def _private(folder: os.stat_result, uid: int) -> bool:
    """A folder the user owns and no one else may enter: no other user can plant, swap or
    read its entries."""
    return (
        folder.st_uid == uid
        and stat.S_ISDIR(folder.st_mode)
        and stat.S_IMODE(folder.st_mode) & 0o077 == 0
    )


def _owned_file(info: os.stat_result, uid: int | None) -> bool:
    """A regular file of the user, readable by no one else."""
    return stat.S_ISREG(info.st_mode) and (
        uid is None or (info.st_uid == uid and stat.S_IMODE(info.st_mode) & 0o077 == 0)
    )


def _uid() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def _open_folder(*, create: bool) -> _Folder | None:
    """The cache folder when it may be trusted: a folder (not a link to one) that the user
    owns and no one else may write to or read; else None, the cache skipped (and said why
    under ``COMPARE_DEBUG`` when looking up, not ``create``-ing)."""
    path = cache_dir()
    if path is None:
        return None
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _BY_DESCRIPTOR:
            return _Folder(path, None) if path.is_dir() else None
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError:
        if not create and os.path.islink(path):
            _skip(path, "is a symbolic link; point COMPARE_CACHE_DIR at the folder itself")
        return None
    if not _private(os.fstat(fd), os.getuid()):
        os.close(fd)
        if not create:
            _skip(path, "is not private to this user; 'chmod 700' it if you own it")
        return None
    return _Folder(path, fd)


def _key(folder: _Folder, *, create: bool) -> bytes | None:
    """The user's secret that signs every entry, kept in the cache folder (created 0600, by
    this run only if no other run made it first); None when it is missing or not trusted."""
    try:
        fd = folder.open(KEY_NAME, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        if not create:
            return None
        return _make_key(folder)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not (_owned_file(info, _uid()) and info.st_size == KEY_SIZE):
            return None
        key = handle.read(KEY_SIZE + 1)
    return key if len(key) == KEY_SIZE else None


def _make_key(folder: _Folder) -> bytes | None:
    """A new key, written whole to a file of its own (0600, O_EXCL) and then linked under
    its name, which fails if another run made one first: no run ever reads half a key, and a
    run killed meanwhile leaves only a temporary file, pruned like any other."""
    key = os.urandom(KEY_SIZE)
    temporary = f"{KEY_NAME}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
    fd = folder.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        os.link(
            folder.at(temporary), folder.at(KEY_NAME), src_dir_fd=folder.fd, dst_dir_fd=folder.fd
        )
    except FileExistsError:
        return _key(folder, create=False)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(folder.at(temporary), dir_fd=folder.fd)
    return key


# --------------------------------------------------------------------------- digests
#
# The cache's speed trick: on a warm view it is the only code that hashes (the corpus file,
# each article, compare's own sources, the entry's signature), so it hashes with CPython's
# built-in SHA-256 and signs with HMAC built on it, and a warm view never loads OpenSSL through
# hashlib and hmac (BENCHMARKS.md). tests/test_cache.py pins both against hashlib and hmac.


def _builtin_sha256() -> Callable[..., Any]:
    """CPython's own SHA-256 constructor, else hashlib's (the same digests)."""
    for module in ("_sha2", "_sha256"):  # Python 3.12 and later, 3.11
        try:
            return cast("Callable[..., Any]", importlib.import_module(module).sha256)
        except (ImportError, AttributeError):
            continue
    import hashlib  # a Python without the built-in module

    return hashlib.sha256


_sha256 = _builtin_sha256()


def digest_hex(data: bytes) -> str:
    """The SHA-256 of some bytes, as ``sha256sum`` prints it."""
    return str(_sha256(data).hexdigest())


def _builtin_blake2b() -> Callable[..., Any]:
    """CPython's own BLAKE2b constructor, else the built-in SHA-256."""
    try:
        return cast("Callable[..., Any]", importlib.import_module("_blake2").blake2b)
    except (ImportError, AttributeError):
        return _sha256


_blake2b = _builtin_blake2b()


def _source_hex(path: str | os.PathLike[str]) -> str:
    """The digest of one of compare's own modules, for the code stamp: every warm view hashes
    the whole package, so with BLAKE2b, about three times as fast as SHA-256 in software and
    as good at telling two sources apart. Read a block at a time, never a FIFO or device."""
    hasher = _blake2b()
    with open_regular(path) as handle:
        while block := handle.read(1 << 20):
            hasher.update(block)
    return str(hasher.hexdigest())


class _Hmac:
    """HMAC-SHA256 (RFC 2104) over the built-in SHA-256: what ``hmac.new(key, msg, "sha256")``
    gives, fed a piece at a time."""

    _BLOCK = 64

    def __init__(self, key: bytes) -> None:
        if len(key) > self._BLOCK:
            key = _sha256(key).digest()
        key = key.ljust(self._BLOCK, b"\0")
        self._inner = _sha256(bytes(b ^ 0x36 for b in key))
        self._outer_key = bytes(b ^ 0x5C for b in key)

    def update(self, data: bytes | memoryview) -> None:
        self._inner.update(data)

    def digest(self) -> bytes:
        outer = _sha256(self._outer_key)
        outer.update(self._inner.digest())
        return bytes(outer.digest())


def _entry_name(assertions: Path, cwd: str) -> str:
    """One entry per corpus file, as named and as resolved, and working folder: the paths a
    view shows depend on all three."""
    key = digest_hex(
        f"{assertions}\0{assertions.resolve()}\0{cwd}".encode("utf-8", "surrogateescape")
    )
    return f"{ENTRY_PREFIX}{key[:32]}{ENTRY_SUFFIX}"


def _signature(key: bytes, name: str) -> _Hmac:
    """The running HMAC of an entry: over its name (so an entry copied or linked under another
    corpus's name is refused) and then every byte of its body."""
    signature = _Hmac(key)
    signature.update(name.encode("ascii") + b"\0")
    return signature


def _read_signed(folder: _Folder, name: str, key: bytes) -> bytes | None:
    """The body of an entry when it is a regular file of the user signed with the user's
    key; None otherwise. Never blocks on a planted FIFO: it is opened non-blocking and
    checked on the open descriptor before a byte is read."""
    fd = folder.open(name, os.O_RDONLY | _NONBLOCK | _BINARY)
    with os.fdopen(fd, "rb") as handle:
        if not _owned_file(os.fstat(handle.fileno()), _uid()):
            return None
        data = handle.read()
    if not data.startswith(MAGIC) or len(data) < _BODY:
        return None
    signature = _signature(key, name)
    signature.update(memoryview(data)[_BODY:])
    if not _operator._compare_digest(signature.digest(), data[len(MAGIC) : _BODY]):
        return None
    return data


def lookup(assertions: Path) -> CheckResult | None:
    """The cached result for this corpus, or None when there is none or anything changed."""
    folder = _open_folder(create=False)
    if folder is None:
        return None
    try:
        key = _key(folder, create=False)
        if key is None:
            return None
        cwd = os.getcwd()
        data = _read_signed(folder, _entry_name(assertions, cwd), key)
        if data is None:
            return None
        handle = io.BytesIO(data)
        handle.seek(_BODY)
        if not _still_valid(_load(handle), assertions, cwd):
            return None
        return _read_result(handle)
    except Exception:  # a missing, damaged or foreign entry is a miss, never an error
        return None
    finally:
        folder.close()


def _still_valid(header: Any, assertions: Path, cwd: str) -> bool:
    """True when every input recorded in the header is still as it was."""
    if not (isinstance(header, tuple) and len(header) == 4):
        return False
    stamp, entry_cwd, digest, texts = header
    if (
        stamp is None
        or stamp != _code_stamp()
        or entry_cwd != cwd
        or digest != _regular_sha256(assertions)
    ):
        return False
    return all(
        os.path.realpath(path) == real and _regular_sha256(path) == text_digest
        for path, real, text_digest in texts
    )


def _regular_sha256(path: str | os.PathLike[str]) -> str | None:
    """The digest of a file that is still a regular file, or None: an article replaced by a
    FIFO or a device since the entry was written is a miss, never a read that blocks."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        hasher = _sha256()
        while block := handle.read(1 << 20):
            hasher.update(block)
    return str(hasher.hexdigest())


class _SigningWriter:
    """A file that feeds every byte written through the entry's HMAC."""

    def __init__(self, handle: IO[bytes], signature: Any) -> None:
        self.handle = handle
        self.signature = signature

    def write(self, data: bytes) -> int:
        self.signature.update(data)
        return self.handle.write(data)


def store(assertions: Path, digest: str, result: CheckResult) -> None:
    """Keep ``result`` for the next run, signed, atomically; a failure to write is ignored.

    ``digest`` is the SHA-256 of the ``assertions.yaml`` the result was computed from.
    """
    if cache_dir() is None or result.corpus is None or result.texts:
        return
    if any(f.rule in UNREADABLE_RULES for f in result.findings):
        return
    if len(result.inputs) != len(result.corpus.sources):
        return
    stamp = _code_stamp()
    if stamp is None:
        return
    try:
        folder = _open_folder(create=True)
    except Exception:  # a read-only home or a file in the folder's place must not fail a view
        return
    if folder is None:
        return
    try:
        key = _key(folder, create=True)
        if key is None:
            return
        cwd = os.getcwd()
        texts = tuple(
            (read.path, os.path.realpath(read.path), read.sha256) for read in result.inputs
        )
        header = (stamp, cwd, digest, texts)
        name = _entry_name(assertions, cwd)
        temporary = f"{name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
        fd = folder.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + bytes(_BODY - len(MAGIC)))  # the signature, once known
                signature = _signature(key, name)
                writer = cast("IO[bytes]", _SigningWriter(handle, signature))
                _dump(writer, header)
                _write_result(writer, result)
                handle.seek(len(MAGIC))
                handle.write(signature.digest())
            os.replace(
                folder.at(temporary), folder.at(name), src_dir_fd=folder.fd, dst_dir_fd=folder.fd
            )
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(folder.at(temporary), dir_fd=folder.fd)
            raise
        _prune(folder, key)
    except Exception:  # a full disk must not fail a view
        return
    finally:
        folder.close()


# --------------------------------------------------------------------------- the entry body
#
# The result is written in pieces, each a pickle of its own: the sources, the findings, then
# one piece per topic holding its assertions and the anchors of their quotes (which share the
# assertions' quote objects). A pickler remembers every object it wrote until it is done, so one
# pickle of a corpus of thousands of articles would need as much memory again as the corpus;
# a piece at a time needs only what one topic needs.


def _write_result(handle: IO[bytes], result: CheckResult) -> None:
    corpus = result.corpus
    assert corpus is not None
    _dump(
        handle,
        (
            str(corpus.path),
            str(corpus.root),
            corpus.version,
            corpus.display_path,
            result.assertions,
            result.quotes,
            result.suppressed,
            result.inputs,
            len(corpus.topics),
        ),
    )
    _dump(handle, corpus.sources)
    _dump(handle, corpus.voices)
    _dump(handle, result.findings)
    for topic in corpus.topics:
        keys = (key for a in topic.assertions for key, _ in a.quoted())
        _dump(handle, (topic, {key: result.anchors[key] for key in keys if key in result.anchors}))


def _read_result(handle: IO[bytes]) -> CheckResult | None:
    (path, root, version, display_path, assertions, quotes, suppressed, inputs, count) = _load(
        handle
    )
    sources = _load(handle)
    voices = _load(handle)
    findings = _load(handle)
    topics = []
    anchors = {}
    for _ in range(count):
        topic, topic_anchors = _load(handle)
        topics.append(topic)
        anchors.update(topic_anchors)
    if not (
        all(isinstance(s, Source) for s in sources)
        and all(isinstance(v, Voice) for v in voices)
        and all(isinstance(f, Finding) for f in findings)
        and all(isinstance(t, Topic) for t in topics)
    ):
        return None
    corpus = Corpus(Path(path), Path(root), version, sources, tuple(topics), display_path, voices)
    return CheckResult(corpus, findings, assertions, quotes, suppressed, anchors, {}, inputs)


def _dump(handle: IO[bytes], value: object) -> None:
    pickler = pickle.Pickler(handle, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)


class _ModelUnpickler(pickle.Unpickler):
    """An unpickler that refuses every global outside ``_ALLOWED``: an entry is data, it
    cannot name a function to call."""

    def find_class(self, module: str, name: str) -> Any:
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")


def _load(handle: IO[bytes]) -> Any:
    """One pickle from ``handle``, by the unpickler that builds only model classes."""
    return _ModelUnpickler(handle).load()


def _prune(folder: _Folder, key: bytes) -> None:
    """Remove the oldest entries beyond MAX_ENTRIES, and temporary files of crashed runs.

    Only files compare named and wrote are ever removed: an entry by its name and its valid
    signature, a temporary file (of a run killed while writing) by its name, its owner, its
    age and its first bytes (or, for a key's, its size). The folder may be
    shared with other programs (``COMPARE_CACHE_DIR``); their files are never touched.
    """
    uid = _uid()
    entries = []
    with os.scandir(folder.fd if folder.fd is not None else folder.path) as listing:
        for entry in listing:
            info = entry.stat(follow_symlinks=False)
            if not _owned_file(info, uid):
                continue
            if _ENTRY_NAME.fullmatch(entry.name):
                entries.append((info.st_mtime_ns, entry.name))
            elif (
                _TEMP_NAME.fullmatch(entry.name)
                and info.st_mtime_ns < _hour_ago()
                and (
                    info.st_size == KEY_SIZE
                    if entry.name.startswith(KEY_NAME)
                    else _starts_with_magic(folder, entry.name)
                )
            ):
                os.unlink(folder.at(entry.name), dir_fd=folder.fd)
    entries.sort(reverse=True)
    for _, name in entries[MAX_ENTRIES:]:
        if _read_signed(folder, name, key) is not None:
            os.unlink(folder.at(name), dir_fd=folder.fd)


def _starts_with_magic(folder: _Folder, name: str) -> bool:
    fd = folder.open(name, os.O_RDONLY | _NONBLOCK | _BINARY)
    with os.fdopen(fd, "rb") as handle:
        return stat.S_ISREG(os.fstat(handle.fileno()).st_mode) and handle.read(len(MAGIC)) == MAGIC


def _hour_ago() -> int:
    return time.time_ns() - 3600 * 10**9
