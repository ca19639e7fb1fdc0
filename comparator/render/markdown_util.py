"""Markdown building blocks shared by every markdown renderer: escaping above all.

Article text and YAML values are data. In a table cell they must not end the cell (``|``),
the row (a newline), open HTML (``<tag>``), mention someone (``@name``), start code
(backticks) or a heading (``#``); ``escape_cell`` and ``escape_inline`` make sure of it.
"""

from __future__ import annotations

import re

from comparator.safetext import visible

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all the
# ones with a meaning is simpler and safer than reasoning about context.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~@=&\"':$%^?])")
_FENCE = re.compile(r"`{3,}|~{3,}")


def escape_inline(text: str) -> str:
    """Untrusted text as inline markdown that renders literally, on one line."""
    flat = visible(text, one_line=True)
    escaped = _SPECIAL.sub(r"\\\1", flat)
    # '@' is not escapable in CommonMark, but GitHub turns @name into a mention: a zero-width
    # joiner after it breaks the link without changing what a reader sees.
    return escaped.replace("\\@", "@\u2060")


def escape_cell(text: str) -> str:
    """Untrusted text for a GFM table cell: inline-escaped; an empty cell stays visible."""
    escaped = escape_inline(text)
    return escaped if escaped else " "


def table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A GFM table from cells that are already escaped (or trusted markdown)."""
    aligns = align or ["---"] * len(header)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(aligns) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def code_block(text: str, info: str = "") -> str:
    """A fenced code block that article text cannot close early."""
    longest = max((len(m.group()) for m in _FENCE.finditer(text)), default=2)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{visible(text)}\n{fence}"
