"""Insert YAML text into a file without touching any other byte of it.

``compare add`` places what it adds by the spans of the nodes already there
(``yamlparse.spans``): a block grows after the end of its last value, a flow list gains an item
before its closing bracket, an empty ``{}`` or ``[]`` gives way to a block. Every edit is an
insertion (or the removal of an empty ``{}``/``[]``), so a diff of the file shows only it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparator.errors import InputError
from comparator.yamlparse import MAPPING, SEQUENCE, Spanned
from comparator.yamltext import flow_list, scalar

#: A mapping to emit, in the order its keys are written: each value a string, a mapping, a
#: list of strings or mappings (a block list), or a tuple of strings (a one-line ``[a, b]``).
Block = dict[str, "str | Block | list[str | Block] | tuple[str, ...]"]


#: What YAML counts as a line break, so a file's lines are numbered as the parser's marks
#: number them (a CR alone, NEL, and the line and paragraph separators too).
LINE_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
_LINE = re.compile(
    r"[^\n\r\x85\u2028\u2029]*(?:\r\n|[\n\r\x85\u2028\u2029])|[^\n\r\x85\u2028\u2029]+\Z"
)


def split_lines(text: str) -> list[str]:
    """The file's lines as YAML counts them, each with its own line break (the last may have
    none)."""
    return _LINE.findall(text)


def without_break(line: str) -> str:
    """A line of ``split_lines`` without its line break."""
    match = LINE_BREAK.search(line)
    return line[: match.start()] if match else line


def newline_of(lines: list[str]) -> str:
    """The line break to write: the first line's, when it is one an editor writes."""
    if lines:
        ending = lines[0][len(without_break(lines[0])) :]
        if ending in ("\r\n", "\r"):
            return ending
    return "\n"


def last_line(node: Spanned, lines: list[str]) -> int:
    """The index of the last line that holds the node's content: the blank lines after it
    stay after what is inserted, unless they are the text of a block scalar that keeps them
    (``|+``)."""
    line = node.end_line
    if node.end_column == 0 and line > node.line:
        line -= 1  # a block scalar's end mark is at the start of the next line
    tail = _last_scalar(node)
    if tail.end_column == 0 and isinstance(tail.value, str) and tail.value.endswith("\n\n"):
        return line  # its blank lines are part of its value
    while line > node.line and not lines[line].strip():
        line -= 1
    return line


def _last_scalar(node: Spanned) -> Spanned:
    """The node a block ends with: its last value, all the way down."""
    while not node.flow and node.value:
        if node.kind is MAPPING:
            node = list(node.value.values())[-1][1]
        elif node.kind is SEQUENCE:
            node = node.value[-1]
        else:
            break
    return node


def with_comments(lines: list[str], index: int, indent: int) -> int:
    """The last line of a block that ends at line ``index``, counting the comment lines right
    after it indented at least ``indent``: they belong to it (a comment at a lesser indent, or
    after a blank line, belongs to what follows)."""
    while index + 1 < len(lines):
        text = lines[index + 1]
        stripped = text.lstrip(" ")
        if not stripped.startswith("#") or len(text) - len(stripped) < indent:
            break
        index += 1
    return index


@dataclass(frozen=True)
class Edit:
    """Text to put at a place: ``line`` and ``column`` 0-based, before what is there; ``cut``
    characters there are removed first (only an empty ``{}`` or ``[]``)."""

    line: int
    column: int
    text: str
    cut: int = 0


def apply(lines: list[str], edits: list[Edit]) -> str:
    """The text with every edit made; edits are applied from the last place to the first, so
    each place is where it was in the original text."""
    out = list(lines)
    for edit in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        if edit.line >= len(out):
            out.append(edit.text)
            continue
        current = out[edit.line]
        out[edit.line] = current[: edit.column] + edit.text + current[edit.column + edit.cut :]
    return "".join(out)


def after_line(lines: list[str], index: int, block: str) -> Edit:
    """Put whole lines (``block``, ending in a newline) after line ``index``."""
    if index + 1 < len(lines):
        return Edit(index + 1, 0, block)
    last = lines[index]
    if without_break(last) != last:
        return Edit(len(lines), 0, block)
    return Edit(index, len(last), newline_of(lines) + block)


def emit(mapping: Block, indent: int, step: int, newline: str, *, dash: int = 0) -> str:
    """A mapping as block YAML with its keys at ``indent``; with ``dash`` as a list item whose
    dash stands ``dash`` columns left of its keys. A list's dashes stand ``step`` right of its
    key, one space before the item, as the bundled corpus writes them; a tuple is written on
    one line, ``[a, b]``."""
    out: list[str] = []
    for number, (key, value) in enumerate(mapping.items()):
        pad = " " * indent
        if dash and number == 0:
            pad = " " * (indent - dash) + "-" + " " * (dash - 1)
        head = f"{pad}{scalar(key)}:"
        if isinstance(value, str):
            out.append(f"{head} {scalar(value)}{newline}")
        elif isinstance(value, tuple):
            out.append(f"{head} {flow_list(value)}{newline}")
        elif isinstance(value, dict):
            out.append(head + newline + emit(value, indent + step, step, newline))
        else:
            out.append(head + newline)
            for item in value:
                if isinstance(item, str):
                    out.append(f"{' ' * (indent + step)}- {scalar(item)}{newline}")
                else:
                    out.append(emit(item, indent + step + 2, step, newline, dash=2))
    return "".join(out)


def flow_empty(node: Spanned) -> bool:
    """An empty ``{}`` or ``[]`` on one line."""
    return (
        node.flow
        and node.kind in (MAPPING, SEQUENCE)
        and not node.value
        and node.line == node.end_line
    )


def fill_empty(lines: list[str], node: Spanned, block: str) -> list[Edit]:
    """Replace an empty ``{}``/``[]`` (and the spaces before it) by the lines of ``block``."""
    text = lines[node.line]
    start = node.column
    while start > 0 and text[start - 1] == " ":
        start -= 1
    cut = Edit(node.line, start, "", cut=node.end_column - start)
    return [cut, after_line(lines, node.line, block)]


def flow_append(lines: list[str], node: Spanned, item: str, shown: str) -> Edit:
    """Add ``item`` (already YAML) to a flow list before its closing bracket."""
    line, column = node.end_line, node.end_column - 1
    if lines[line][column : column + 1] != "]":
        raise InputError(
            f"{shown}:{line + 1}: the list does not end where expected; nothing was changed",
            hint="add the entry by hand",
        )
    before = lines[line][:column].rstrip()
    if not node.value:
        return Edit(line, column, item)
    if before.endswith(","):
        return Edit(line, column, f" {item}")
    # after the last item, not before spaces or a line break that precede the bracket
    last = node.value[-1]
    return Edit(last.end_line, last.end_column, f", {item}")


def key_column(mapping: Spanned) -> int:
    """The column of a block mapping's keys."""
    if mapping.value:
        key, _ = next(iter(mapping.value.values()))
        return int(key.column)
    return int(mapping.column)


def fill_into(
    body: str, key: str, entry_id: str, fields: list[tuple[str, str]], shown: str, bom: str = ""
) -> tuple[str, int, str]:
    """An entry (``fields``: key and value already YAML) in place of the empty ``{}`` of a
    top-level ``key``; (new text, the entry's 1-based line, the entry's text)."""
    from comparator.yamlparse import spans

    root = spans(body, shown)
    pair = root.value.get(key) if root is not None and root.kind is MAPPING else None
    node = pair[1] if pair is not None else None
    if root is None or node is None or not flow_empty(node):
        raise InputError(
            f"{shown}: '{key}:' is neither a block mapping nor an empty {{}}, so there is no "
            "place to insert the entry as text",
            hint=f"paste the entry printed without --write under {key}: by hand",
        )
    lines = split_lines(body)
    newline = newline_of(lines)
    indent = key_column(root) + 2
    entry = newline.join(
        [f"{' ' * indent}{entry_id}:"] + [f"{' ' * (indent + 2)}{k}: {v}" for k, v in fields]
    )
    entry += newline
    text = apply(lines, fill_empty(lines, node, entry))
    return bom + text, node.line + 2, entry
