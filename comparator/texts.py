"""Read the article texts a corpus names, safely and once.

Paths are relative to the YAML file and may not leave its folder: not by ``..``, not by an
absolute path, not through a symlink. Each readable text is normalised once for every quote
that points into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from comparator.fileio import sha256_hex, utf8_error_position
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
    except (OSError, RuntimeError):  # a symlink loop
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
    if not path.exists():
        return finding(
            "source-missing",
            f"source '{source.id}': file '{source.file}' does not exist",
            where,
        )
    if not path.is_file():
        return finding(
            "source-missing",
            f"source '{source.id}': '{source.file}' is not a regular file",
            where,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        return finding(
            "source-missing",
            f"source '{source.id}': '{source.file}' cannot be read ({exc.strerror})",
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
