"""Load a corpus with only the topic a command asks about: ``compare suggest`` reads one topic.

A corpus of thousands of articles has a YAML of tens of megabytes, nearly all of it the
assertions of topics the command does not look at; reading every event of it costs more than
the command's own work. The usual layout (``topics:`` at the top level, each topic a key
indented the same under it) lets a cheap scan of the lines find where each topic's block
starts and ends; the blocks of the other topics are blanked, line for line, so that the one
kept and ``sources:`` parse as they stand, every position (line and column) as in the file.

Whenever the layout is not the usual one (flow style, a line less indented than the topics
inside their block, the topic not found by the scan, text that does not parse once sliced),
the whole file is read as every other command reads it: the slice is a shortcut, never a
second reading of the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from comparator.errors import CorpusInvalidError, InputError
from comparator.loader import (
    display_path,
    load_corpus,
    load_corpus_text,
    read_corpus_bytes,
)
from comparator.models import Corpus, LoadResult, Severity
from comparator.workflow import BLOCKING_RULES

_TOPICS_LINE = re.compile(r"topics:[ \t]*(?:#.*)?\r?")
_KEY_LINE = re.compile(r"( +)([^\s#'\"{\[&*!|>%@`-][^:#]*?):[ \t]*(?:#.*)?\r?")


@dataclass(frozen=True)
class TopicBlock:
    """One topic's lines in the YAML: [first, end), 0-based."""

    topic: str
    first: int
    end: int


def topic_blocks(lines: list[str]) -> list[TopicBlock] | None:
    """Where each topic's block is, or None when the layout is not the usual one."""
    starts = [i for i, line in enumerate(lines) if _TOPICS_LINE.fullmatch(line)]
    if len(starts) != 1:
        return None
    first = starts[0] + 1
    end = next(
        (
            i
            for i in range(first, len(lines))
            if lines[i][:1] not in ("", " ", "#") and lines[i].strip()
        ),
        len(lines),
    )
    indent: int | None = None
    blocks: list[TopicBlock] = []
    for i in range(first, end):
        line = lines[i]
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(line) - len(stripped)
        if indent is None:
            indent = depth
        if depth < indent:
            return None  # a line less indented than the topics: not a layout to trust
        if depth == indent:
            match = _KEY_LINE.fullmatch(line)
            if match is None:
                return None  # a topic written in flow style, or a list: read it all
            if blocks:
                blocks[-1] = TopicBlock(blocks[-1].topic, blocks[-1].first, i)
            blocks.append(TopicBlock(match.group(2).strip(), i, end))
    names = [b.topic for b in blocks]
    if len(set(names)) != len(names):
        return None  # a duplicate topic is a finding the whole reading reports
    return blocks


def load_topic(path: Path, topic_id: str) -> LoadResult:
    """The corpus at ``path`` with its sources, voices and the one topic ``topic_id`` (or the
    whole corpus, when the slice cannot be trusted or the topic is not there)."""
    data = read_corpus_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = "\x00"
    if "\x00" in text:
        return load_corpus(path, data)  # which says what is wrong with the bytes
    lines = text.split("\n")
    blocks = topic_blocks(lines)
    if blocks is None or topic_id not in {b.topic for b in blocks}:
        return load_corpus(path, data)
    kept = lines[:]
    for block in blocks:
        if block.topic != topic_id:
            kept[block.first : block.end] = [""] * (block.end - block.first)
    try:
        return load_corpus_text("\n".join(kept), path.resolve(), display_path(path))
    except InputError:
        return load_corpus(path, data)


def refuse_blocking(loaded: LoadResult) -> Corpus:
    """The corpus, or CorpusInvalidError when what was read has an error that makes it
    unusable, as ``workflow.open_corpus`` refuses: a schema error, a reference to a source,
    claim or voice that is not there, a duplicate. Only what was read is checked, and no
    quote is verified."""
    from comparator.check import structural_findings

    findings = list(loaded.findings)
    if loaded.corpus is not None:
        findings += [f for f, _ in structural_findings(loaded.corpus)]
    blocking = tuple(
        f for f in findings if f.rule in BLOCKING_RULES and f.severity is Severity.ERROR
    )
    if blocking or loaded.corpus is None:
        count = len(blocking)
        shown = loaded.corpus.display_path if loaded.corpus else "assertions.yaml"
        raise CorpusInvalidError(
            f"{shown} has {count} error{'s' * (count != 1)} that must be fixed before suggesting",
            blocking,
            hint="run 'compare check' to see every finding",
        )
    return loaded.corpus
