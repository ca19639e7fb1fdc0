"""``compare voices`` as text: each reported voice, the claims it is reported on, by which
articles, with its stance, the article's treatment and the article's own stance beside it.

Every corpus value goes through ``data_text``; the voice's stance is marked ``↳`` and never
coloured as a stance, so that it is not read as the outlet's view.
"""

from __future__ import annotations

from typing import IO

from rich.text import Text

from comparator.console import data_text, make_console
from comparator.render.style import (
    CLOSE_QUOTE,
    DOT,
    OPEN_QUOTE,
    REPORT_MARK,
    can_encode,
    own_stance_plain,
    pick,
    stance_plain,
)
from comparator.views.voices import VoiceEntry, VoiceReport, VoicesView

#: How each treatment looks: what an analyst scans for is the article that questions.
TREATMENT_STYLES = {"endorses": "green", "relays": "", "questions": "yellow"}


def render(model: VoicesView, out: IO[str]) -> None:
    console = make_console(out)
    unicode = can_encode(console)
    if not model.voices:
        console.print(Text("No article reports another voice.", style="dim"))
        return
    for index, entry in enumerate(model.voices):
        if index:
            console.print()
        for indent, line in _voice(entry, unicode):
            # Wrapped here, each piece indented, so no line is padded out to the width.
            for piece in line.wrap(console, max(console.width - indent, 20)):
                piece.rstrip()
                console.print(Text(" " * indent).append_text(piece), soft_wrap=True)


def _voice(entry: VoiceEntry, unicode: bool) -> list[tuple[int, Text]]:
    """The voice's lines, each with its indent (a wrapped line keeps it)."""
    voice = entry.voice
    head = data_text(voice.id, "bold cyan", one_line=True)
    head.append(pick(DOT, unicode), style="dim")
    head.append_text(data_text(voice.name, "bold", one_line=True))
    about = [part for part in (voice.role, voice.kind and voice.kind.value) if part]
    if about:
        head.append(" (", style="dim")
        head.append_text(data_text(", ".join(about), "dim", one_line=True))
        head.append(")", style="dim")
    lines = [(0, head)]
    if not entry.reports:
        lines.append((2, Text("no article reports this voice", style="dim")))
        return lines
    treated = Text()
    for n, (treatment, who) in enumerate(entry.treatments):
        if n:
            treated.append("; ")
        treated.append(treatment.participle, style=TREATMENT_STYLES[treatment.value])
        treated.append(" by ")
        treated.append_text(data_text(", ".join(who), one_line=True))
    if entry.divided:
        treated.append("  outlets differ: some endorse it, others question it", style="bold")
    lines.append((2, treated))
    for report in entry.reports:
        lines.extend(_report(report, unicode))
    return lines


def _report(report: VoiceReport, unicode: bool) -> list[tuple[int, Text]]:
    claim = Text()
    claim.append_text(data_text(report.topic.id, "cyan", one_line=True))
    claim.append(pick(DOT, unicode), style="dim")
    claim.append_text(data_text(report.claim.id, "cyan", one_line=True))
    claim.append(": ")
    claim.append_text(data_text(report.claim.text, one_line=True))
    line = Text()
    line.append_text(data_text(report.label, "bold", one_line=True))
    line.append(f" {pick(REPORT_MARK, unicode)} {stance_plain(report.stance, unicode)}", "italic")
    line.append(" (the article ", style="italic")
    line.append(report.treatment.value, style=TREATMENT_STYLES[report.treatment.value])
    line.append(" it)", style="italic")
    line.append("; its own stance: ", style="dim")
    line.append(own_stance_plain(report.own, unicode), style="dim")
    lines = [(2, claim), (4, line)]
    for evidence in report.evidence:
        quote = Text()
        quote.append(pick(OPEN_QUOTE, unicode), style="italic")
        quote.append_text(data_text(evidence.text, "italic", one_line=True))
        quote.append(pick(CLOSE_QUOTE, unicode), style="italic")
        if evidence.place is not None:
            quote.append(
                f" {evidence.place.file}:{evidence.place.line}{evidence.place.page_note}",
                style="dim",
            )
        else:
            quote.append_text(data_text(f" [not found in {evidence.file}]", "bold red"))
        lines.append((6, quote))
    return lines
