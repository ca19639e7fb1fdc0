"""``compare voices --format markdown``: each reported voice, a table of its reports.

Every corpus value is escaped with ``markdown_util``; the article's own stance stands in a
column of its own, so that the voice's stance is never read as the outlet's.
"""

from __future__ import annotations

from typing import IO

from comparator.render.markdown_util import code_span, escape_cell, escape_inline, table
from comparator.render.style import REPORT_MARK, own_stance_plain, pick, stance_plain
from comparator.views.show import Evidence
from comparator.views.voices import VoiceEntry, VoicesView


def render(model: VoicesView, out: IO[str]) -> None:
    if not model.voices:
        out.write("No article reports another voice.\n")
        return
    out.write("\n\n".join(_voice(v) for v in model.voices) + "\n")


def _voice(entry: VoiceEntry) -> str:
    voice = entry.voice
    about = ", ".join(
        escape_inline(part) for part in (voice.role, voice.kind and voice.kind.value) if part
    )
    blocks = [
        f"## {escape_inline(voice.name)} ({code_span(voice.id)})"
        + (f"\n\n{about}" if about else "")
    ]
    if not entry.reports:
        blocks.append("No article reports this voice.")
        return "\n\n".join(blocks)
    treated = "; ".join(
        f"{t.participle} by {escape_inline(', '.join(who))}" for t, who in entry.treatments
    )
    divided = " **Outlets differ: some endorse it, others question it.**" if entry.divided else ""
    blocks.append(f"Treatment: {treated}.{divided}")
    rows = [
        [
            escape_cell(r.topic.id),
            code_span(r.claim.id, cell=True),
            escape_cell(r.label),
            f"{escape_inline(pick(REPORT_MARK))} {escape_inline(stance_plain(r.stance))}",
            escape_cell(r.treatment.value),
            escape_cell(own_stance_plain(r.own)),
            "<br>".join(_quote(e) for e in r.evidence) or " ",
        ]
        for r in entry.reports
    ]
    blocks.append(
        table(
            [
                "Topic",
                "Claim",
                "Article",
                "Voice's stance",
                "Treatment",
                "Article's own stance",
                "Evidence",
            ],
            rows,
        )
    )
    return "\n\n".join(blocks)


def _quote(evidence: Evidence) -> str:
    place = evidence.place
    where = (
        f" — {escape_inline(f'{place.file}:{place.line}{place.page_note}')}"
        if place is not None
        else ""
    )
    return f"“{escape_inline(evidence.text)}”{where}"
