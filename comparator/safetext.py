"""Make untrusted text (article text, YAML values) safe to show: pure string functions.

Control characters and escape sequences are shown as visible ``\\xNN`` / ``\\u....`` codes, so
an article cannot move the cursor, recolour the terminal or hide text; line breaks become
spaces where one line is expected.
"""

from __future__ import annotations

import re

# C0 and C1 controls except tab and newline, DEL, and the bidirectional overrides that can
# reorder what a reader sees.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """The text with every control character made visible; ``one_line`` folds line breaks."""
    shown = _CONTROL.sub(_escape, text)
    if one_line:
        shown = " ".join(shown.split())
    return shown
