"""A strict YAML reader: the only module that imports yaml, and one that knows no schema.

It reads the YAML event stream itself instead of letting PyYAML construct objects, so that
every scalar stays a string (``no`` is "no", not False), anchors, aliases and tags are refused
before they can expand, duplicate keys are caught with both positions, and deep nesting cannot
exhaust the Python stack. Problems are collected as findings instead of stopping at the first;
only text that cannot be read as YAML at all raises. What the keys mean is the caller's
business (``comparator.validation`` for a corpus, ``comparator.ingest`` to place an entry).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

import yaml

from comparator.errors import InputError
from comparator.models import Finding, Location, Severity

MAX_DEPTH = 32

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NodeKind(str, Enum):
    """What a Node holds."""

    #: A string (every scalar is one).
    SCALAR = "scalar"
    #: A list of Nodes.
    SEQUENCE = "sequence"
    #: A dict of key -> (key Node, value Node), in the order written; first of duplicates kept.
    MAPPING = "mapping"
    #: An alias or a too-deep collection, refused (a finding says why); its value is None.
    REFUSED = "refused"
    #: What a caller's ``convert`` made of a finished collection; its value is the caller's.
    CONVERTED = "converted"


# Module names for the members: the parser tests a node's kind for every event it reads.
SCALAR = NodeKind.SCALAR
SEQUENCE = NodeKind.SEQUENCE
MAPPING = NodeKind.MAPPING
REFUSED = NodeKind.REFUSED
CONVERTED = NodeKind.CONVERTED


class Node:
    """A YAML node with its position (0-based line and column of its first character)."""

    __slots__ = ("column", "kind", "line", "value")

    def __init__(self, kind: NodeKind, value: Any, line: int, column: int) -> None:
        self.kind = kind
        self.value = value
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Node({self.kind.name}, {self.value!r}, {self.line}, {self.column})"


class Step(Enum):
    """The wildcards of a path to the collections a caller wants to ``convert``."""

    #: The value of any key of a mapping.
    ANY_KEY = "any key"
    #: Any item of a sequence.
    ITEM = "any item"


_ITEM = Step.ITEM
_ANY_KEY = Step.ANY_KEY

#: Where collections are to be converted: from the root, one step per level; a string is that
#: key of a mapping.
KeyPath = tuple["str | Step", ...]
#: Turns a finished collection into what replaces it in the tree; it is given the mapping
#: keys that led there (one per key step of the path) and the collection's Node.
Converter = Callable[[tuple[str, ...], Node], Node]


@dataclass(frozen=True, slots=True)
class Entry:
    """One key of a mapping and its value, where they stand (0-based, as Node counts)."""

    key: str
    key_line: int
    key_column: int
    kind: NodeKind
    line: int
    column: int
    #: The value's own entries, when it is a mapping and the outline goes that deep.
    entries: tuple[Entry, ...] = ()


def outline(text: str | bytes, shown: str, *, depth: int = 1) -> tuple[Entry, ...] | None:
    """The entries of the document's top mapping in the order written, each with its value's
    entries down to ``depth`` levels; None when the document is not a mapping.

    For a caller that edits the text in place (``compare ingest --write``) and must know where
    a block starts and ends. The first of duplicate keys is the one kept.
    """
    root, _ = parse_yaml(text, shown)
    if root is None or root.kind is not MAPPING:
        return None
    return _entries(root, depth)


def _entries(node: Node, depth: int) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            key,
            key_node.line,
            key_node.column,
            value.kind,
            value.line,
            value.column,
            _entries(value, depth - 1) if depth > 1 and value.kind is MAPPING else (),
        )
        for key, (key_node, value) in node.value.items()
    )


def _events(text: str | bytes) -> Iterator[Any]:
    loader = _LOADER(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _refuse_tabs(text: str | bytes, shown: str) -> None:
    """Tabs in indentation are the classic copy-paste accident; YAML forbids them and the
    parser's own message is cryptic, so say it plainly."""
    # Lines are split only when there is a tab at all: a large file need not be copied.
    if isinstance(text, bytes):
        lines = text.decode("utf-8-sig").splitlines() if b"\t" in text else []
    else:
        lines = text.splitlines() if "\t" in text else []
    for number, line_text in enumerate(lines, start=1):
        stripped = line_text.lstrip(" ")
        if stripped.startswith("\t"):
            column = len(line_text) - len(stripped) + 1
            raise InputError(
                f"{shown}:{number}:{column}: a tab in the indentation",
                hint="YAML indents with spaces only; replace the tab with spaces",
            )


def _matches(stack: list[list[Any]], key: str | None, path: KeyPath) -> bool:
    """Whether the collection just finished (the value of ``key``, below ``stack``) is at
    ``path``; the stack is as deep as the path."""
    for index, step in enumerate(path):
        parent: Node = stack[index][0]
        child_key = stack[index + 1][2] if index + 1 < len(stack) else key
        if step is _ITEM:
            matched = parent.kind is SEQUENCE
        else:
            matched = (
                parent.kind is MAPPING
                and child_key is not None
                and (step is _ANY_KEY or child_key == step)
            )
        if not matched:
            return False
    return True


#: Scalars up to this long, without spaces, are shared (see ``_one_of_each``).
_WORD = 64


def _one_of_each(words: dict[str, str], value: str) -> str:
    """The first string read with this value, when it is a short word.

    Each scalar the YAML reader returns is a new string, and in a corpus the same words come
    back thousands of times: every mapping key, every assertion's source and claim id. Sharing
    one string per distinct word keeps a large corpus the size of its distinct words, not of
    its occurrences. Text with spaces (summaries, quotes) is almost never repeated: left alone.
    """
    if len(value) > _WORD or " " in value:
        return value
    return words.setdefault(value, value)


def parse_yaml(
    text: str | bytes,
    shown: str,
    *,
    convert: Converter | None = None,
    convert_at: KeyPath = (),
) -> tuple[Node | None, list[Finding]]:
    """Build a Node tree from YAML text; structural problems become findings.

    With ``convert``, each collection at ``convert_at`` is handed over as soon as it is
    complete and replaced by what it returns: the tree of a large file need never be held
    whole (a node tree weighs many times what a caller makes of it).
    """
    findings: list[Finding] = []

    def problem(message: str, line: int, column: int) -> None:
        findings.append(
            Finding("schema", Severity.ERROR, message, Location(shown, line + 1, column + 1))
        )

    _refuse_tabs(text, shown)

    root: Node | None = None
    words: dict[str, str] = {}
    # Each frame: [node, pending key Node or None, the key this node is the value of (None
    # for list items, the root, and values of duplicate keys)]
    stack: list[list[Any]] = []
    skipping = 0
    documents = 0
    convert_depth = len(convert_at) if convert is not None else -1

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        parent: Node = frame[0]
        if parent.kind is SEQUENCE:
            parent.value.append(node)
        elif frame[1] is None:
            if node.kind is not SCALAR:
                problem("a mapping key must be a plain string", node.line, node.column)
                node = Node(
                    SCALAR,
                    f"<invalid key at {node.line + 1}:{node.column + 1}>",
                    node.line,
                    node.column,
                )
            if node.value in parent.value:
                first = parent.value[node.value][0]
                problem(
                    f"duplicate key '{node.value}' (first at line {first.line + 1}); "
                    "keep one of them",
                    node.line,
                    node.column,
                )
                # the value that follows is dropped: the first one stands
                frame[1] = Node(SCALAR, None, node.line, node.column)
            else:
                frame[1] = node
        else:
            key: Node = frame[1]
            if key.value is not None:
                parent.value[key.value] = (key, node)
            frame[1] = None

    try:
        for event in _events(text):
            name = type(event).__name__
            line = event.start_mark.line
            column = event.start_mark.column
            if skipping:
                if name in ("MappingStartEvent", "SequenceStartEvent"):
                    skipping += 1
                elif name in ("MappingEndEvent", "SequenceEndEvent"):
                    skipping -= 1
                continue
            if name == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    problem("more than one YAML document; keep the corpus in one", line, column)
                    break
                continue
            if name in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
                continue
            if name == "AliasEvent":
                problem(
                    f"aliases (*{event.anchor}) are not allowed; write the value out", line, column
                )
                attach(Node(REFUSED, None, line, column))
                continue
            if getattr(event, "anchor", None) is not None:
                problem(
                    f"anchors (&{event.anchor}) are not allowed; write the value out", line, column
                )
            tag = getattr(event, "tag", None)
            if tag is not None:
                shown_tag = tag.replace("tag:yaml.org,2002:", "!!")
                problem(
                    f"tags ({shown_tag}) are not allowed; every value is read as a string",
                    line,
                    column,
                )
            if name == "ScalarEvent":
                attach(Node(SCALAR, _one_of_each(words, event.value), line, column))
            elif name in ("MappingStartEvent", "SequenceStartEvent"):
                if len(stack) >= MAX_DEPTH:
                    problem(f"nested deeper than {MAX_DEPTH} levels", line, column)
                    attach(Node(REFUSED, None, line, column))
                    skipping = 1
                    continue
                mapping = name == "MappingStartEvent"
                node = Node(
                    MAPPING if mapping else SEQUENCE,
                    {} if mapping else [],
                    line,
                    column,
                )
                pending = stack[-1][1] if stack else None
                attach(node)
                stack.append([node, None, pending.value if pending is not None else None])
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                done, _, key = stack.pop()
                if len(stack) == convert_depth and _matches(stack, key, convert_at):
                    assert convert is not None
                    keys = tuple(
                        frame[2]
                        for frame in [*stack[1:], [done, None, key]]
                        if frame[2] is not None
                    )
                    made = convert(keys, done)
                    if not stack:
                        root = made
                    elif stack[-1][0].kind is SEQUENCE:
                        stack[-1][0].value[-1] = made
                    else:
                        key_node, _ = stack[-1][0].value[key]
                        stack[-1][0].value[key] = (key_node, made)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        what = exc.problem or exc.context or "not valid YAML"
        raise InputError(
            f"{where}: YAML syntax error: {what}",
            hint="fix the YAML at that position (a missing quote, colon or "
            "indentation is the usual cause)",
        ) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        raise InputError(f"{shown}: not valid YAML: {exc}") from None
    return root, findings


# --------------------------------------------------------------------------- spans, for editors


@dataclass(slots=True)
class Spanned:
    """A node with where it starts and ends (0-based line and column, the end exclusive), for
    a caller that inserts text into the file (``compare add``): a block's end is the end of its
    last scalar, so the comments and blank lines after it stay where they are."""

    kind: NodeKind
    #: Written in flow style (``[a, b]``, ``{}``) rather than as a block.
    flow: bool
    line: int
    column: int
    end_line: int
    end_column: int
    #: A scalar's text; a sequence's items; a mapping's key -> (key node, value node).
    value: Any


def spans(text: str, shown: str) -> Spanned | None:
    """The document's nodes with their spans; None for an empty document. Only for text the
    validator has read (``parse_yaml`` raises the syntax errors; aliases read as empty)."""
    root: Spanned | None = None
    stack: list[list[Any]] = []  # [node, pending key node or None]

    def attach(node: Spanned) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        parent: Spanned = frame[0]
        if parent.kind is SEQUENCE:
            parent.value.append(node)
        elif frame[1] is None:
            frame[1] = node
        else:
            key: Spanned = frame[1]
            if isinstance(key.value, str) and key.value not in parent.value:
                parent.value[key.value] = (key, node)
            frame[1] = None

    try:
        for event in _events(text):
            name = type(event).__name__
            start, end = event.start_mark, event.end_mark
            if name in ("ScalarEvent", "AliasEvent"):
                scalar = name == "ScalarEvent"
                attach(
                    Spanned(
                        SCALAR if scalar else REFUSED,
                        scalar and event.style is not None,
                        start.line,
                        start.column,
                        end.line,
                        end.column,
                        event.value if scalar else None,
                    )
                )
            elif name in ("MappingStartEvent", "SequenceStartEvent"):
                mapping = name == "MappingStartEvent"
                node = Spanned(
                    MAPPING if mapping else SEQUENCE,
                    bool(event.flow_style),
                    start.line,
                    start.column,
                    end.line,
                    end.column,
                    {} if mapping else [],
                )
                attach(node)
                stack.append([node, None])
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                done: Spanned = stack.pop()[0]
                if done.flow:
                    done.end_line, done.end_column = end.line, end.column
                else:
                    last = _last_end(done)
                    done.end_line, done.end_column = last
    except yaml.YAMLError as exc:
        raise InputError(f"{shown}: not valid YAML: {exc}") from None
    return root


def _last_end(node: Spanned) -> tuple[int, int]:
    """Where a block collection's content ends: the end of its last item or value."""
    items: list[Spanned] = (
        node.value if node.kind is SEQUENCE else [v for _, v in node.value.values()]
    )
    ends = [(item.end_line, item.end_column) for item in items]
    if node.kind is MAPPING:
        ends += [(k.end_line, k.end_column) for k, _ in node.value.values()]
    return max(ends, default=(node.line, node.column))


class ScalarStyle(str, Enum):
    """How a scalar is written: an edit that replaces one must know where it ends."""

    PLAIN = "plain"
    SINGLE = "single"
    DOUBLE = "double"
    LITERAL = "literal"
    FOLDED = "folded"


_STYLES = {
    None: ScalarStyle.PLAIN,
    "": ScalarStyle.PLAIN,
    "'": ScalarStyle.SINGLE,
    '"': ScalarStyle.DOUBLE,
    "|": ScalarStyle.LITERAL,
    ">": ScalarStyle.FOLDED,
}


@dataclass(frozen=True, slots=True)
class ScalarSpan:
    """Where a scalar is written in the text: [start, end) in characters, from its first
    character (a quote mark, a block indicator) to its last (a block scalar's trailing blank
    lines are left out), with its 0-based line and column as ``Node`` counts them."""

    value: str
    start: int
    end: int
    line: int
    column: int
    style: ScalarStyle


def scalar_spans(text: str, shown: str) -> dict[tuple[int, int], ScalarSpan]:
    """Every scalar of the document by its (line, column), for a caller that rewrites some of
    them as text and keeps every other character (``compare check --fix``).

    Offsets come from the parser's marks, which count characters and every line break YAML
    knows (CRLF, NEL, the Unicode separators), so they index ``text`` as it is.
    """
    _refuse_tabs(text, shown)
    spans: dict[tuple[int, int], ScalarSpan] = {}
    try:
        for event in _events(text):
            if type(event).__name__ != "ScalarEvent":
                continue
            first, last = event.start_mark, event.end_mark
            style = _STYLES.get(event.style, ScalarStyle.PLAIN)
            end = last.index
            if style in (ScalarStyle.LITERAL, ScalarStyle.FOLDED):
                # The block's mark ends past its trailing line breaks: stop at its last
                # character, and take the blanks after it on that line along.
                end = first.index + len(text[first.index : end].rstrip())
                while end < len(text) and text[end] in " \t":
                    end += 1
            spans[(first.line, first.column)] = ScalarSpan(
                event.value, first.index, end, first.line, first.column, style
            )
    except yaml.YAMLError as exc:
        raise InputError(f"{shown}: not valid YAML: {exc}") from None
    return spans
