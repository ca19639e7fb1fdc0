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
(``%LOCALAPPDATA%\\compare\\cache`` on Windows); ``COMPARE_NO_CACHE=1`` turns it off. The folder
is private to the user (0700) and an entry is only read when the user owns it and its folder
is still private; entries are unpickled with a loader that can build nothing but compare's own
model classes.

This module is where the start-up tricks of the core live: the model classes are pickled as
their field values (see ``_DISPATCH``), so that loading an entry calls their ``__init__``
directly instead of the slower ``__setstate__`` of a frozen slotted dataclass.
"""

from __future__ import annotations

import copyreg
import os
import pickle
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

from comparator import __version__
from comparator.check import CheckResult
from comparator.fileio import file_sha256, sha256_hex
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
    QuoteRef,
    Report,
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
FORMAT = 3
#: Entries kept; the oldest beyond this are removed when a new one is written.
MAX_ENTRIES = 32
#: Rules whose findings mean an article could not be read: such a corpus is not cached, since
#: the entry could not tell when the article becomes readable.
UNREADABLE_RULES = frozenset({"source-missing", "source-outside-root", "source-unreadable"})
DISABLE_VAR = "COMPARE_NO_CACHE"
DIR_VAR = "COMPARE_CACHE_DIR"

#: The model classes an entry holds, pickled as their class and field values.
_RECORDS: tuple[type, ...] = (
    Location,
    Finding,
    Source,
    Claim,
    QuoteRef,
    IgnoreEntry,
    Assertion,
    Topic,
    QuoteAnchor,
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
                    modules.append((os.path.relpath(path, package), file_sha256(path)))
    except OSError:
        return None
    return (FORMAT, __version__, sys.version, tuple(sorted(modules)))


def _raise(error: OSError) -> None:
    raise error


def _trusted(entry: os.stat_result, folder: os.stat_result, uid: int) -> bool:
    """Whether an entry may be read: the user owns it, and its folder is private."""
    return entry.st_uid == uid and _private(folder, uid)


def _private(folder: os.stat_result, uid: int) -> bool:
    """A folder the user owns and no one else may enter: no other user can plant, swap or
    read its entries."""
    return (
        folder.st_uid == uid
        and stat.S_ISDIR(folder.st_mode)
        and stat.S_IMODE(folder.st_mode) & 0o077 == 0
    )


def _entry_path(folder: Path, assertions: Path, cwd: str) -> Path:
    """One entry per corpus file, as named and as resolved, and working folder: the paths a
    view shows depend on all three."""
    key = sha256_hex(
        f"{assertions}\0{assertions.resolve()}\0{cwd}".encode("utf-8", "surrogateescape")
    )
    return folder / f"{key[:32]}.pickle"


def lookup(assertions: Path) -> CheckResult | None:
    """The cached result for this corpus, or None when there is none or anything changed."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        cwd = os.getcwd()
        entry = _entry_path(folder, assertions, cwd)
        with open(entry, "rb") as handle:
            # The open file is checked, not the path: what is read is what was checked.
            if hasattr(os, "getuid") and not _trusted(
                os.fstat(handle.fileno()), os.stat(folder), os.getuid()
            ):
                return None
            if not _still_valid(_load(handle), assertions, cwd):
                return None
            return _read_result(handle)
    except Exception:  # a missing, damaged or foreign entry is a miss, never an error
        return None


def _still_valid(header: Any, assertions: Path, cwd: str) -> bool:
    """True when every input recorded in the header is still as it was."""
    if not (isinstance(header, tuple) and len(header) == 4):
        return False
    stamp, entry_cwd, digest, texts = header
    if (
        stamp is None
        or stamp != _code_stamp()
        or entry_cwd != cwd
        or digest != file_sha256(assertions)
    ):
        return False
    return all(
        os.path.realpath(path) == real and file_sha256(path) == text_digest
        for path, real, text_digest in texts
    )


def store(assertions: Path, digest: str, result: CheckResult) -> None:
    """Keep ``result`` for the next run, atomically; a failure to write is silently ignored.

    ``digest`` is the SHA-256 of the ``assertions.yaml`` the result was computed from.
    """
    folder = cache_dir()
    if folder is None or result.corpus is None or result.texts:
        return
    if any(f.rule in UNREADABLE_RULES for f in result.findings):
        return
    if len(result.inputs) != len(result.corpus.sources):
        return
    stamp = _code_stamp()
    if stamp is None:
        return
    try:
        cwd = os.getcwd()
        texts = tuple(
            (read.path, os.path.realpath(read.path), read.sha256) for read in result.inputs
        )
        header = (stamp, cwd, digest, texts)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if hasattr(os, "getuid") and not _private(os.stat(folder), os.getuid()):
            return  # it would never be read back
        entry = _entry_path(folder, assertions, cwd)
        temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                _dump(handle, header)
                _write_result(handle, result)
            os.replace(temporary, entry)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        _prune(folder)
    except Exception:  # a read-only home or a full disk must not fail a view
        return


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


def _prune(folder: Path) -> None:
    """Remove the oldest entries beyond MAX_ENTRIES, and temporary files of crashed runs."""
    entries = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".pickle"):
            entries.append((entry.stat().st_mtime_ns, entry.path))
        elif entry.name.endswith(".tmp") and entry.stat().st_mtime_ns < _hour_ago():
            os.unlink(entry.path)
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        os.unlink(path)


def _hour_ago() -> int:
    return time.time_ns() - 3600 * 10**9
