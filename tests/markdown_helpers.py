"""Read generated markdown back the way a reader's renderer does: markdown-it-py, CommonMark
plus GFM tables and strike-through, so tests assert on what renders, not on raw bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from comparator.render.markdown_util import WORD_JOINER

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

#: What GitHub turns into links after rendering, in text that markdown left alone.
GITHUB_LINKERS = re.compile(r"@\w|#\d|:[\w+-]+:|://|\bwww\.", re.IGNORECASE)


def inline_text(token: Token) -> str:
    """The text an inline token renders to: text and code, ``<br>`` as a newline; any other
    markup shows as ``<type>`` so a test comparing texts notices it."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (
            child.type == "html_inline" and child.content == "<br>"
        ):
            parts.append("\n")
        elif child.type.endswith(("_open", "_close")):
            continue  # emphasis and links: their text is in the children between
        else:
            parts.append(f"<{child.type}>")
    return "".join(parts)


def shown(text: str) -> str:
    """Text as a reader sees it: the invisible word joiners removed."""
    return text.replace(WORD_JOINER, "")


def markup_types(token: Token) -> set[str]:
    """Inline token types other than plain text: links, emphasis, HTML, code..."""
    return {c.type for c in token.children or []} - {"text"}


@dataclass
class Table:
    header: list[Token]
    rows: list[list[Token]]

    @property
    def header_texts(self) -> list[str]:
        return [inline_text(t) for t in self.header]

    @property
    def texts(self) -> list[list[str]]:
        return [[inline_text(t) for t in row] for row in self.rows]

    def column(self, name: str) -> list[str]:
        index = self.header_texts.index(name)
        return [row[index] for row in self.texts]


def tables(markdown: str) -> list[Table]:
    """Every table of a document, with its header and body cells as inline tokens."""
    found: list[Table] = []
    current: Table | None = None
    row: list[Token] | None = None
    in_head = False
    for token in MD.parse(markdown):
        if token.type == "table_open":
            current = Table([], [])
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token)
        elif token.type == "tr_close" and current is not None and row is not None:
            if in_head:
                current.header = row
            else:
                current.rows.append(row)
            row = None
        elif token.type == "table_close" and current is not None:
            found.append(current)
            current = None
    return found


def fences(markdown: str) -> list[Token]:
    return [t for t in MD.parse(markdown) if t.type == "fence"]


def headings(markdown: str, level: int) -> list[str]:
    tokens = MD.parse(markdown)
    return [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == f"h{level}"
    ]
