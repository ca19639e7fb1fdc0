"""Write YAML text by hand (entries, stubs) without importing yaml: only yamlparse.py reads it.

What we emit is small and regular: plain scalars where that is unambiguous, double-quoted ones
otherwise, with every character YAML would read differently escaped. The loader reads the
result back (``compare ingest --write`` re-validates it), so a slip here is caught, not saved.
"""

from __future__ import annotations

import re

#: A scalar that reads the same plain as quoted: starts with a letter or digit, holds no
#: indicator YAML could mistake for structure (": ", " #", brackets, quotes, commas).
_PLAIN = re.compile(r"[^\W_][\w .()/+@'\u2019-]*\Z")
#: Plain words other YAML readers (and editors' schema checks) take as booleans or nulls.
_TYPED = re.compile(r"(?i)(y|n|yes|no|true|false|on|off|null|~)\Z")
_NUMBER = re.compile(r"[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?\Z|0x[0-9a-fA-F]+\Z|0o[0-7]+\Z")
#: Characters a double-quoted YAML scalar cannot hold raw: C0/C1 controls, DEL, the Unicode
#: line and paragraph separators (YAML folds them), surrogates and non-characters.
_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_NAMED = {
    "\\": "\\\\",
    '"': '\\"',
    "\t": "\\t",
    "\n": "\\n",
    "\r": "\\r",
    "\x00": "\\0",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def quoted(value: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``value``."""
    body = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _ESCAPE.sub(_escape, body) + '"'


def scalar(value: str, *, force_quotes: bool = False) -> str:
    """``value`` as a YAML scalar: plain when unambiguous, double-quoted otherwise."""
    if (
        not force_quotes
        and _PLAIN.match(value)
        and value == value.strip()
        and not _TYPED.match(value)
        and not _NUMBER.match(value)
        and "  " not in value
    ):
        return value
    return quoted(value)


def flow_list(values: list[str] | tuple[str, ...]) -> str:
    """A one-line YAML list: ``[Ann Author, "O'Neil, Jr."]``."""
    return "[" + ", ".join(scalar(v) for v in values) + "]"
