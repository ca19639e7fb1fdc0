"""Markdown building blocks shared by every markdown renderer: escaping above all.

Article text and YAML values are data. Wherever they land (a table cell, a heading, a list
item) they must render as the same words and nothing else: not end a cell (``|``) or a row
(a newline), not open HTML or an autolink (``<tag>``, ``<http://x>``), not become a link, an
image, emphasis, strike-through, code, math or an entity, not start a heading, quote, list or
setext underline, and not turn into a GitHub mention, issue reference, emoji or bare-URL link.

Two tools do it. A backslash before every ASCII punctuation character that has a meaning
somewhere in GitHub-flavoured markdown (CommonMark lets any ASCII punctuation be escaped, and
the escape renders as the character alone). What GitHub links *after* rendering (``@name``,
``#12``, ``:emoji:``, ``https://x``, ``www.x``, ``a@b.c``) cannot be stopped by a backslash, so
an invisible WORD JOINER (U+2060) goes inside the trigger: the reader sees the same text, the
linker sees no match. Characters left alone (``.``, ``'``, ``-`` inside a line, ``(``...) keep
the raw markdown readable in a pull-request diff.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence

from comparator.safetext import visible

#: Invisible, zero-width, no line break: splits a pattern GitHub would link, and nothing else.
WORD_JOINER = "\u2060"

# Meaningful anywhere in a line: escapes, code, emphasis, links and images, HTML and autolinks,
# block quotes, table pipes, strike-through, entities, math.
_ALWAYS = re.compile(r"([\\`*_\[\]<>|~&$])")
# Meaningful only at the start of a line: headings, list bullets, setext underlines.
_LEADING = re.compile(r"^([#+=-])")
# An ordered-list marker at the start of a line: "1." or "1)".
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
# What GitHub links after rendering, with where the word joiner goes (after group 1).
_LINKED = re.compile(
    r"(@)(?=\w)"  # @mention, and the @ of an e-mail address
    r"|(#)(?=\d)"  # #123 issue and pull-request references
    r"|(:)(?=[\w+-]+:)"  # :emoji: shortcodes
    r"|(:)(?=//)"  # scheme://: bare URLs
    r"|\b(www)(?=\.)",  # www.example.org
    re.IGNORECASE,
)
_BACKTICKS = re.compile(r"`{3,}")


def _join(match: re.Match[str]) -> str:
    return match.group() + WORD_JOINER


def escape_inline(text: str) -> str:
    """Untrusted text as inline markdown that renders literally, on one line.

    Line breaks and runs of whitespace become one space (a table row or a heading is one
    line); control characters are shown as ``\\xNN`` codes (``safetext.visible``).
    """
    flat = visible(text, one_line=True)
    # Word joiners first, while the text is still what GitHub's linkers will see.
    escaped = _ALWAYS.sub(r"\\\1", _LINKED.sub(_join, flat))
    escaped = _ORDERED.sub(r"\1\\\2", escaped)
    return _LEADING.sub(r"\\\1", escaped)


def escape_cell(text: str) -> str:
    """Untrusted text for a GFM table cell: inline-escaped; an empty cell stays visible."""
    escaped = escape_inline(text)
    return escaped if escaped else " "


def table(header: list[str], rows: Iterable[Sequence[str]], align: list[str] | None = None) -> str:
    """A GFM table from cells that are already escaped (or trusted markdown)."""
    return "\n".join(table_lines(header, rows, align))


def table_lines(
    header: list[str], rows: Iterable[Sequence[str]], align: list[str] | None = None
) -> Iterator[str]:
    """The lines of a GFM table, a row at a time: a report's large tables are never held whole.

    Every row must have as many cells as the header: a short row would silently shift
    columns, so it is a bug, not something to pad.
    """
    aligns = align or ["---"] * len(header)
    if len(aligns) != len(header):
        raise ValueError("every table row needs one cell per header column")
    yield "| " + " | ".join(header) + " |"
    yield "| " + " | ".join(aligns) + " |"
    for row in rows:
        if len(row) != len(header):
            raise ValueError("every table row needs one cell per header column")
        yield "| " + " | ".join(cell or " " for cell in row) + " |"


def code_block(text: str, info: str = "") -> str:
    """A fenced code block that article text cannot close early.

    The fence is one backtick longer than the longest run of backticks in the text, so no line
    of the text can close it; control characters are made visible, line ends are ``\\n``.
    """
    body = visible(text.replace("\r\n", "\n"))
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(body)), default=2)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{body}\n{fence}"


def code_span(text: str, *, cell: bool = False) -> str:
    """Untrusted text as an inline code span (a path, an id) that shows exactly the text.

    The backtick fence is longer than any run of backticks inside; a space pads text that
    starts or ends with a backtick. In a table cell (``cell=True``) a pipe is written ``\\|``:
    GFM removes that backslash before it reads the span, so the span still shows ``|``.
    """
    flat = visible(text, one_line=True)
    if not flat:
        return " "
    longest = max((len(m) for m in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat[0] in "` " or flat[-1] in "` " else ""
    body = flat.replace("|", "\\|") if cell else flat
    return f"{fence}{pad}{body}{pad}{fence}"


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a link destination, or None when it is not one.

    Only http and https: a ``javascript:`` or ``data:`` URL from the YAML never becomes a link.
    Characters that could end the destination or the table cell are percent-encoded.
    """
    if not url:
        return None
    url = url.strip()
    if not re.match(r"https?://[^\s/?#]+", url, re.IGNORECASE) or visible(url) != url:
        return None
    return urllib.parse.quote(url, safe=":/?#@!$&'*+,;=%-._~")


def link(text: str, url: str | None) -> str:
    """Escaped text, linked when the URL is a safe http(s) one."""
    label = escape_inline(text)
    target = safe_url(url)
    return f"[{label}]({target})" if target and label else label or " "
