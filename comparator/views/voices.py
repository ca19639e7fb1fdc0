"""``compare voices [VOICE]``: every voice the articles report, on which claims, by which
articles, with what stance and how each article treats it.

How differently outlets handle the same speaker (one endorses what another questions) is a
finding in itself, so each voice says which treatments it meets. Built from the comparisons,
the same positions every other view shows; reported voices are never compared, only listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from comparator.compare import TopicComparison
from comparator.errors import UsageError, did_you_mean
from comparator.models import Claim, Source, Stance, Topic, Treatment, Voice
from comparator.views.common import labels
from comparator.views.show import Evidence, evidence_of


@dataclass(frozen=True, slots=True, repr=False)
class VoiceReport:
    """One article reporting the voice on one claim."""

    topic: Topic
    claim: Claim
    source: Source
    #: How a sentence names the article: its outlet, or outlet/id when the outlet has several.
    label: str
    #: The voice's stance toward the claim, as the article reports it.
    stance: Stance
    treatment: Treatment
    #: The article's own stance on the claim (None: it only reports others there).
    own: Stance | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, repr=False)
class VoiceEntry:
    """A voice of the registry and every report of it, in corpus order."""

    voice: Voice
    reports: tuple[VoiceReport, ...]

    @property
    def treatments(self) -> tuple[tuple[Treatment, tuple[str, ...]], ...]:
        """Each treatment the voice meets, with the articles (labels) that give it, in the
        Enum's order; treatments no article gives are left out."""
        out = []
        for treatment in Treatment:
            who = tuple(dict.fromkeys(r.label for r in self.reports if r.treatment is treatment))
            if who:
                out.append((treatment, who))
        return tuple(out)

    @property
    def divided(self) -> bool:
        """Whether some article endorses the voice and another questions it."""
        given = {r.treatment for r in self.reports}
        return Treatment.ENDORSES in given and Treatment.QUESTIONS in given


@dataclass(frozen=True, repr=False)
class VoicesView:
    """``compare voices``: the voices asked for (every reported one by default)."""

    voices: tuple[VoiceEntry, ...]


def build_voices(
    comparisons: Sequence[TopicComparison], voices: Sequence[Voice], wanted: str | None = None
) -> VoicesView:
    """Every voice with at least one report, in registry order; ``wanted`` names one voice
    (by id), shown even when no article reports it. An unknown id is a usage error."""
    if wanted is not None and not any(v.id == wanted for v in voices):
        known = [v.id for v in voices]
        close = did_you_mean(wanted, known)
        raise UsageError(
            f"no voice '{wanted}' in the corpus",
            hint=(f"did you mean '{close}'? " if close else "")
            + f"voices: {', '.join(known) or '(none)'}",
        )
    found: dict[str, list[VoiceReport]] = {v.id: [] for v in voices}
    for report in _reports(comparisons):
        found.setdefault(report[0], []).append(report[1])
    entries = tuple(
        VoiceEntry(v, tuple(found[v.id]))
        for v in voices
        if (wanted is None and found[v.id]) or v.id == wanted
    )
    return VoicesView(entries)


def _reports(comparisons: Iterable[TopicComparison]) -> Iterable[tuple[str, VoiceReport]]:
    for comparison in comparisons:
        names = labels(comparison)
        for claim in comparison.claims:
            for position in claim.positions:
                for reported in position.reports:
                    yield (
                        reported.voice_id,
                        VoiceReport(
                            comparison.topic,
                            claim.claim,
                            position.source,
                            names.get(position.source.id, position.source.id),
                            reported.stance,
                            reported.treatment,
                            position.stance,
                            tuple(evidence_of(a, position.source) for a in reported.anchors),
                        ),
                    )
