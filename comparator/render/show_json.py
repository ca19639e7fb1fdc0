"""``compare TOPIC --format json``: the side-by-side view for scripts, in the DESIGN.md shape.

The document is always a JSON array with one object per topic shown, in the order asked for,
even for a single topic, so a script never has to check which of two shapes it got::

    [{"topic", "title", "question",
      "claims": [{"id", "text", "verdict",
                  "positions": [{"source", "outlet", "stance", "score", "summary",
                                 "quotes": [{"text", "file", "line", "column"}],
                                 "reports": [{"voice", "name", "role", "stance", "score",
                                              "treatment", "quotes": [...]}]}],
                  "relations": [{"a", "b", "relation"}]}],
      "silent": [source ids], "unreviewed": [source ids]}]

Added to that contract (never in its place): ``outlet_name`` and ``id`` (the assertion id) on
positions, ``note`` (or null), ``status`` on quotes ("found", "ambiguous", "not-found",
"no-text"; ``file``/``line``/``column`` are null unless found), ``same_outlet`` on relations.
A position's ``stance`` and ``score`` are its article's own voice, null when it only reports
others; ``reports`` lists the voices it reports (empty when none); ``attributed_to`` (version
1) is gone: such a position is a report by that voice. Each quote also has
``parts`` (an elided quote's parts, each ``{"text", "file", "line", "column"}``; a quote
without elision marks is one part) and ``sentence``: ``{"text", "pieces": [{"text",
"quoted"}]}``, the quote's whole sentence as the article has it (the quoted pieces as the
quote is written), or null when the quote was not found. A quote (and a part) found in a
paged article (a PDF's text) also has ``page``, 1-based; the key is absent elsewhere. Version
2: each topic
lists its ``rivals`` (groups of claim ids) and, per group, ``answers``: which claims each
article gives and which articles give none; a claim's relations also hold its ``rival`` pairs,
each with ``"claims": [claim of a, claim of b]``. Each claim's ``by_outlet`` sums its
relations up as the text views show them: per relation (contradict, rival, diverge) its
``pairs`` and its two ``sides``, each a list of ``{"outlet", "sources", "said": [{"claim",
"stance", "count"}]}`` in column order, and the outlets ``divided`` between them; a rival
group's answers have ``rival_count`` and ``by_outlet`` (per claim, who gives it against a
rival). ``relations`` still lists every pair, whatever ``--pairs`` says. ``--claim`` keeps only the
named claims (and drops topics left with none); ``--by`` and ``--no-quotes`` shape the text
views only: the JSON always carries every position and quote.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from comparator.compare import Position
from comparator.models import Relation, Source
from comparator.views.relations import RelationSummary
from comparator.views.rivals import AnswerGroup
from comparator.views.show import (
    Evidence,
    EvidencePart,
    ReportStand,
    ShowClaim,
    ShowTopic,
    ShowView,
    Stand,
    evidence_of,
    report_stands,
)


def render(model: ShowView, out: IO[str]) -> None:
    json.dump(document(model), out, indent=2, ensure_ascii=False)
    out.write("\n")


def document(model: ShowView) -> list[dict[str, Any]]:
    """The JSON document as Python data."""
    return [topic_object(topic) for topic in model.topics]


def topic_object(shown: ShowTopic) -> dict[str, Any]:
    topic = shown.topic
    return {
        "topic": topic.id,
        "title": topic.title,
        "question": topic.question,
        "claims": [claim_object(c) for c in shown.claims],
        "silent": list(shown.silent.ids),
        "unreviewed": list(shown.unreviewed.ids),
        "rivals": [list(group.claims) for group in topic.rivals],
        "answers": [answers_object(group) for group in shown.answers],
    }


def answers_object(group: AnswerGroup) -> dict[str, Any]:
    """A rival group as a question's answers: who gives which (``stance`` affirms or
    suggests), who gives none, and the rival pairs."""
    return {
        "claims": [c.id for c in group.claims],
        "answers": [
            {
                "source": a.source.id,
                "outlet": a.source.outlet,
                "claims": [{"claim": g.claim, "stance": g.stance.value} for g in a.given],
            }
            for a in group.answers
        ],
        "unanswered": [s.id for s in group.unanswered],
        "rival_count": group.rival_count,
        "by_outlet": [
            {"claim": side.claim.id, "labels": list(side.labels), "sources": _ids(side.sources)}
            for side in group.sides
        ],
        "rivals": [
            {
                "a": line.first.source.id,
                "b": line.second.source.id,
                "claims": [line.first.assertion.claim, line.second.assertion.claim],
            }
            for line in group.rivals
        ],
    }


def claim_object(claim: ShowClaim) -> dict[str, Any]:
    return {
        "id": claim.claim.id,
        "text": claim.claim.text,
        "verdict": claim.verdict.value,
        "positions": [stand_object(s) for s in claim.stands],
        "relations": [
            {"a": r.a, "b": r.b, "relation": r.relation.value, "same_outlet": r.same_outlet}
            for r in claim.relations
        ]
        + [
            {
                "a": r.a,
                "b": r.b,
                "relation": Relation.RIVAL.value,
                "same_outlet": r.same_outlet,
                "claims": list(r.claims),
            }
            for r in claim.comparison.rivals
        ],
        "by_outlet": [summary_object(s) for s in claim.summaries],
    }


def _ids(sources: Iterable[Source]) -> list[str]:
    return [s.id for s in sources]


def summary_object(summary: RelationSummary) -> dict[str, Any]:
    """A relation by outlet: its two sides, each outlet with its articles and what they say
    (claim, stance, how many), and how many pairs it makes."""
    return {
        "relation": summary.relation.value,
        "pairs": summary.pairs,
        "sides": [
            [
                {
                    "outlet": side.outlet,
                    "sources": _ids(side.sources),
                    "said": [
                        {"claim": s.claim, "stance": s.stance.value, "count": s.count}
                        for s in side.said
                    ],
                }
                for side in sides
            ]
            for sides in summary.sides
        ],
        "divided": list(summary.divided),
    }


def stand_object(stand: Stand) -> dict[str, Any]:
    return {
        **_position_fields(stand.position),
        "quotes": [quote_object(e) for e in stand.evidence],
        "reports": [report_object(r) for r in stand.reports],
        "id": stand.position.assertion.id,
        "outlet_name": stand.source.outlet_name,
        "note": stand.note,
    }


def _position_fields(position: Position) -> dict[str, Any]:
    assertion = position.assertion
    return {
        "source": position.source.id,
        "outlet": position.outlet,
        "stance": position.stance.value if position.stance is not None else None,
        "score": position.stance.score if position.stance is not None else None,
        "summary": assertion.summary,
    }


def report_object(report: ReportStand) -> dict[str, Any]:
    """A reported voice: the claimant's stance, the article's treatment, the quotes."""
    return {
        "voice": report.voice,
        "name": report.name,
        "role": report.role,
        "stance": report.stance.value,
        "score": report.stance.score,
        "treatment": report.treatment.value,
        "quotes": [quote_object(e) for e in report.evidence],
    }


def position_object(position: Position) -> dict[str, Any]:
    """A position of the diff view, in the same shape (``compare diff`` until it has a view
    model of its own)."""
    return {
        **_position_fields(position),
        "quotes": [quote_object(evidence_of(a, position.source)) for a in position.anchors],
        "reports": [report_object(r) for r in report_stands(position)],
        "id": position.assertion.id,
        "outlet_name": position.source.outlet_name,
        "note": position.assertion.note,
    }


def quote_object(evidence: Evidence) -> dict[str, Any]:
    where = evidence.place
    parts = evidence.parts or (EvidencePart(evidence.text, where),)
    return {
        "text": evidence.text,
        "file": where.file if where else None,
        "line": where.line if where else None,
        "column": where.column if where else None,
        **({"page": where.page} if where and where.page else {}),
        "status": evidence.state.value,
        "parts": [
            {
                "text": part.text,
                "file": part.place.file if part.place else None,
                "line": part.place.line if part.place else None,
                "column": part.place.column if part.place else None,
                **({"page": part.place.page} if part.place and part.place.page else {}),
            }
            for part in parts
        ],
        "sentence": _sentence(evidence),
    }


def _sentence(evidence: Evidence) -> dict[str, Any] | None:
    """The quote's whole sentence, and its pieces in order, each quoted or left out; null
    when the quote was not found."""
    if not evidence.sentence:
        return None
    return {
        "text": "".join(p.text for p in evidence.sentence),
        "pieces": [{"text": p.text, "quoted": p.quoted} for p in evidence.sentence],
    }
