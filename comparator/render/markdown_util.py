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

# What escape_inline changes inside a line, found in one pass over the text (a report escapes
# every cell of its tables, so this runs once per cell):
# - a backslash before what is meaningful anywhere in a line: escapes, code, emphasis, links
#   and images, HTML and autolinks, block quotes, table pipes, strike-through, entities, math;
# - a word joiner after the trigger of what GitHub links after rendering: an @mention (and the
#   @ of an e-mail address), a #123 reference, an :emoji: shortcode, the scheme:// of a bare
#   URL, www.example.org (at the start of a word, in any case).
# Every alternative starts with a plain character and there are no groups and no IGNORECASE,
# so the regular expression engine skips from one candidate character to the next instead of
# trying each alternative at every position of the text.
_ESCAPE = re.compile(
    r"\\|`|\*|_|\[|\]|<|>|\||~|&|\$"
    r"|@(?=\w)|#(?=\d)|:(?=[\w+-]+:|//)"
    r"|w(?<!\w.)[wW][wW](?=\.)|W(?<!\w.)[wW][wW](?=\.)"
)
_BACKSLASHED = frozenset("\\`*_[]<>|~&$")
# Meaningful only at the start of a line: an ordered-list marker ("1." or "1)"), or a
# heading, list bullet or setext underline. Matched at the start only, after the pass above
# (which never changes these characters there).
_LEADING = re.compile(r"(\d{1,9})([.)])|[#+=-]")
_BACKTICKS = re.compile(r"`{3,}")


def _escape_one(match: re.Match[str]) -> str:
    found = match.group()
    return "\\" + found if found in _BACKSLASHED else found + WORD_JOINER


def escape_inline(text: str) -> str:
    """Untrusted text as inline markdown that renders literally, on one line.

    Line breaks and runs of whitespace become one space (a table row or a heading is one
    line); control characters are shown as ``\\xNN`` codes (``safetext.visible``).
    """
    escaped = _ESCAPE.sub(_escape_one, visible(text, one_line=True))
    leading = _LEADING.match(escaped)
    if leading is None:
        return escaped
    if leading.lastindex:  # an ordered-list marker: the backslash goes before its . or )
        return leading.group(1) + "\\" + escaped[leading.end(1) :]
    return "\\" + escaped


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
