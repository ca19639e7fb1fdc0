"""Read the article texts a corpus names, safely and once.

Paths are relative to the YAML file and may not leave its folder: not by ``..``, not by an
absolute path, not through a symlink. Each readable text is normalised once for every quote
that points into it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from comparator.fileio import RefusedFile, read_regular, utf8_error_position
from comparator.models import Corpus, Finding, Location, Source
from comparator.quotes import NormalisedText
from comparator.rules import finding


@dataclass(frozen=True)
class ArticleText:
    """An article's text, with the name findings and views show for its file."""

    source: Source
    path: Path
    shown: str
    text: NormalisedText
    sha256: str


#: The longest name (and path) a ``file:`` value may have, in bytes, as most systems allow.
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4096


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of some bytes, as ``sha256sum`` prints it (what ``sha256:`` pins hold)."""
    return hashlib.sha256(data).hexdigest()


def file_value_problem(raw: str) -> str | None:
    """What is wrong with the form of a ``file:`` value, or None: checked before the path is
    used, so a NUL byte or an over-long name is a finding, not an error from the system."""
    if "\x00" in raw:
        return "contains a NUL byte"
    if raw.startswith("~"):
        return (
            "starts with '~', which compare does not expand; give the path relative to "
            "the folder of assertions.yaml"
        )
    if raw.endswith(("/", "\\")):
        return "ends with a slash; name the file itself"
    encoded = raw.encode("utf-8", "surrogateescape")
    if len(encoded) > MAX_PATH_BYTES:
        return f"is {len(encoded)} bytes long; a path may have at most {MAX_PATH_BYTES}"
    for part in PurePosixPath(raw).parts:
        if len(part.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
            return f"has a name longer than {MAX_NAME_BYTES} bytes"
    return None


def source_path(corpus: Corpus, source: Source) -> Path | None:
    """The article's path, or None when its ``file`` would leave the corpus folder."""
    raw = source.file
    if (
        PurePosixPath(raw).is_absolute()
        or PureWindowsPath(raw).is_absolute()
        or PureWindowsPath(raw).drive
    ):
        return None
    root = corpus.root.resolve()
    candidate = root / raw
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte
        return None
    if not resolved.is_relative_to(root):
        return None
    return candidate


def shown_path(corpus: Corpus, path: Path) -> str:
    """How views and findings name an article: relative to the YAML's folder, as written."""
    try:
        return path.relative_to(corpus.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(corpus: Corpus, source: Source) -> ArticleText | Finding:
    """The article's normalised text, or the finding that says why it cannot be had."""
    where = source.file_location or source.location
    if not source.file.strip():
        return finding("source-missing", f"source '{source.id}' names no file", where)
    problem = file_value_problem(source.file)
    if problem is not None:
        return finding(
            "schema",
            f"source '{source.id}': file {source.file!r} {problem}",
            where,
        )
    path = source_path(corpus, source)
    if path is None:
        return finding(
            "source-outside-root",
            f"source '{source.id}': file '{source.file}' is outside the corpus "
            "folder; keep article texts in the folder of assertions.yaml or below "
            "it",
            where,
        )
    shown = shown_path(corpus, path)
    try:
        data = read_regular(path)
    except FileNotFoundError:
        return finding(
            "source-missing",
            f"source '{source.id}': file '{source.file}' does not exist",
            where,
        )
    except RefusedFile as exc:
        rule = "source-unreadable" if exc.reason.startswith("is too large") else "source-missing"
        return finding(
            rule,
            f"source '{source.id}': '{source.file}' {exc.reason}",
            where,
        )
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return finding(
            "source-unreadable",
            f"source '{source.id}': '{source.file}' cannot be read ({reason})",
            where,
        )
    if b"\x00" in data:
        return finding(
            "source-unreadable",
            f"source '{source.id}': '{source.file}' is a binary file, not text",
            where,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = utf8_error_position(data, exc)
        return finding(
            "source-unreadable",
            f"source '{source.id}': '{source.file}' is not UTF-8 (byte "
            f"0x{data[exc.start]:02x} at line {line}, column {column}); save it as UTF-8",
            where,
            related=(Location(shown, line, column),),
        )
    digest = sha256_hex(data)
    return ArticleText(source, path, shown, NormalisedText(text), digest)
