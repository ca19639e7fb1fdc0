"""Make untrusted text (article text, YAML values) safe to show: pure string functions.

Control characters, escape sequences and invisible format characters are shown as visible
``\\xNN`` / ``\\u....`` codes, so an article cannot move the cursor, recolour the terminal,
reorder what a reader sees or hide a character in a name; line breaks become spaces where one
line is expected.
"""

from __future__ import annotations

import re

#: Every format character (Unicode category Cf: zero-width characters, the bidirectional
#: marks, embeddings, overrides and isolates including U+061C, the byte-order mark, the
#: interlinear annotation marks, the tag characters...), as character-class ranges. Written
#: out rather than computed from ``unicodedata`` at import, which would cost every start-up;
#: a test checks it against the running Python's Unicode data.
INVISIBLE_RANGES = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
# C0 and C1 controls except tab and newline, DEL, and every format character.
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{INVISIBLE_RANGES}]")
# The same with tab and newline: what a name or label must not contain.
_HIDDEN = re.compile(f"[\x00-\x1f\x7f-\x9f{INVISIBLE_RANGES}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """The text with every control and format character made visible; ``one_line`` folds
    line breaks."""
    shown = _CONTROL.sub(_escape, text)
    if one_line:
        shown = " ".join(shown.split())
    return shown


def visible_path(path: object) -> str:
    """A path (or ``file:line:col``) as one line: every control, including a line break or a
    tab in a file name, shown as its escape rather than folded into a space, so the name shown
    is the name on disk and a folder name cannot start a line of its own."""
    return _HIDDEN.sub(_escape, str(path))


def hidden_character(text: str) -> tuple[int, str] | None:
    """The first control or invisible format character of a name or label, as its index and
    its description (``U+200D ZERO WIDTH JOINER``); None when there is none. Two names that
    differ only in such a character look identical wherever they are shown."""
    match = _HIDDEN.search(text)
    if match is None:
        return None
    return match.start(), describe(match.group())


def without_hidden(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with every control and invisible format character removed, and the
    descriptions of those removed (each once, in order)."""
    removed = tuple(dict.fromkeys(describe(c) for c in _HIDDEN.findall(text)))
    return (_HIDDEN.sub("", text) if removed else text), removed


def describe(char: str) -> str:
    """A character as its code point and Unicode name, e.g. ``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    import unicodedata

    name = unicodedata.name(char, "")
    if not name:
        name = {"\t": "CHARACTER TABULATION", "\n": "LINE FEED", "\r": "CARRIAGE RETURN"}.get(
            char, "CONTROL CHARACTER"
        )
    return f"U+{ord(char):04X} {name}"
