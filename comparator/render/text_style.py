"""Stances and verdicts as coloured rich Text, for the text views only.

Kept apart from ``style`` (plain strings and style names, shared with markdown) so that a
markdown view never loads rich.
"""

from __future__ import annotations

from rich.text import Text

from comparator.models import Stance, Verdict
from comparator.render.style import NO_OWN_STANCE, STANCE_STYLES, VERDICT_STYLES, stance_plain


def stance_text(stance: Stance | None, unicode: bool = True) -> Text:
    """The stance as coloured rich Text, symbol and word (or that there is no own stance)."""
    if stance is None:
        return Text(NO_OWN_STANCE, style="dim italic")
    return Text(stance_plain(stance, unicode), style=STANCE_STYLES[stance])


def verdict_text(verdict: Verdict) -> Text:
    """The verdict's word, coloured by how settled the claim is."""
    return Text(verdict.value, style=VERDICT_STYLES[verdict])
