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

#: Line breaks of YAML that the patterns below do not know: a text holding one is read whole.
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_TOPICS_LINE = re.compile(r"^topics:[ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)
# The patterns below start with the line break before a line rather than with a multi-line
# "^": a pattern with a literal first character is searched for at C speed.
#: A line that ends a top-level block: one starting at column 0, not blank, not a comment.
_TOP_LEVEL = re.compile(r"\n[^ \t\r\n#]")
_FIRST_CONTENT = re.compile(r"\n( +)[^ \t\r\n#]")
_KEY_LINE = re.compile(r"([^\s#'\"{\[&*!|>%@`-][^:#\n]*?):[ \t]*(?:#[^\n]*)?\r?")


@dataclass(frozen=True)
class TopicBlock:
    """One topic's text in the YAML: offsets [start, end)."""

    topic: str
    start: int
    end: int


def topic_blocks(text: str) -> list[TopicBlock] | None:
    """Where each topic's block is, or None when the layout is not the usual one.

    Regular expressions over the whole text, not a loop over its lines: a large corpus has
    hundreds of thousands of them.
    """
    if _OTHER_BREAKS.search(text):
        return None  # a CR alone, NEL, U+2028 or U+2029 breaks lines for YAML, not for "\n"
    starts = list(_TOPICS_LINE.finditer(text))
    if len(starts) != 1:
        return None
    first = starts[0].end()  # the line break ending "topics:"
    after = _TOP_LEVEL.search(text, first)
    end = after.start() + 1 if after is not None else len(text)
    content = _FIRST_CONTENT.search(text, first, end)
    if content is None:
        return []
    indent = len(content.group(1))
    if re.compile(rf"\n {{0,{indent - 1}}}[^ \t\r\n#]").search(text, first, end):
        return None  # a line less indented than the topics: not a layout to trust
    blocks: list[TopicBlock] = []
    for match in re.compile(rf"\n {{{indent}}}([^ \t\r\n#][^\n]*)").finditer(text, first, end):
        key = _KEY_LINE.fullmatch(match.group(1))
        if key is None:
            return None  # a topic written in flow style, or a list: read it all
        line_start = match.start() + 1
        if blocks:
            blocks[-1] = TopicBlock(blocks[-1].topic, blocks[-1].start, line_start)
        blocks.append(TopicBlock(key.group(1).strip(), line_start, end))
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
    blocks = topic_blocks(text)
    if blocks is None or topic_id not in {b.topic for b in blocks}:
        return load_corpus(path, data)
    pieces = []
    position = 0
    for block in blocks:
        if block.topic != topic_id:  # blanked line for line: positions stay as in the file
            pieces += [
                text[position : block.start],
                "\n" * text.count("\n", block.start, block.end),
            ]
            position = block.end
    pieces.append(text[position:])
    try:
        return load_corpus_text("".join(pieces), path.resolve(), display_path(path))
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
