"""``compare TOPIC --format json``: the side-by-side view for scripts, in the DESIGN.md shape.

The document is always a JSON array with one object per topic shown, in the order asked for,
even for a single topic, so a script never has to check which of two shapes it got::

    [{"topic", "title", "question",
      "claims": [{"id", "text", "verdict",
                  "positions": [{"source", "outlet", "stance", "score", "summary",
                                 "attributed_to", "quotes": [{"text", "file", "line",
                                                              "column"}]}],
                  "relations": [{"a", "b", "relation"}]}],
      "silent": [source ids], "unreviewed": [source ids]}]

Added to that contract (never in its place): ``outlet_name`` and ``id`` (the assertion id) on
positions, ``note`` (or null), ``status`` on quotes ("found", "ambiguous", "not-found",
"no-text"; ``file``/``line``/``column`` are null unless found), ``same_outlet`` on relations.
``attributed_to`` is null when the article speaks in its own voice. ``--claim`` keeps only the
named claims (and drops topics left with none); ``--by`` and ``--no-quotes`` shape the text
views only: the JSON always carries every position and quote.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from comparator.render import RenderContext

if TYPE_CHECKING:
    from comparator.compare import ClaimComparison, Position, TopicComparison
    from comparator.models import QuoteAnchor


def render(context: RenderContext, out: IO[str]) -> None:
    json.dump(document(context), out, indent=2, ensure_ascii=False)
    out.write("\n")


def document(context: RenderContext) -> list[dict[str, Any]]:
    """The JSON document as Python data (the report's JSON reuses it)."""
    wanted = context.options.claims
    topics = []
    for comparison in context.comparisons:
        claims = [c for c in comparison.claims if not wanted or c.claim.id in wanted]
        if wanted and not claims:
            continue
        topics.append(topic_object(comparison, claims))
    return topics


def topic_object(
    comparison: TopicComparison, claims: list[ClaimComparison] | None = None
) -> dict[str, Any]:
    topic = comparison.topic
    chosen = comparison.claims if claims is None else claims
    return {
        "topic": topic.id,
        "title": topic.title,
        "question": topic.question,
        "claims": [claim_object(c) for c in chosen],
        "silent": list(comparison.silent),
        "unreviewed": list(comparison.unreviewed),
    }


def claim_object(claim: ClaimComparison) -> dict[str, Any]:
    return {
        "id": claim.claim.id,
        "text": claim.claim.text,
        "verdict": claim.verdict.value,
        "positions": [position_object(p) for p in claim.positions],
        "relations": [
            {"a": r.a, "b": r.b, "relation": r.relation.value, "same_outlet": r.same_outlet}
            for r in claim.relations
        ],
    }


def position_object(position: Position) -> dict[str, Any]:
    assertion = position.assertion
    return {
        "source": position.source.id,
        "outlet": position.outlet,
        "stance": position.stance.value,
        "score": position.stance.score,
        "summary": assertion.summary,
        "attributed_to": assertion.attributed_to,
        "quotes": [quote_object(a) for a in position.anchors],
        "id": assertion.id,
        "outlet_name": position.source.outlet_name,
        "note": assertion.note,
    }


def quote_object(anchor: QuoteAnchor) -> dict[str, Any]:
    where = anchor.location if anchor.found else None
    return {
        "text": anchor.quote.text,
        "file": where.file if where else None,
        "line": where.line if where else None,
        "column": where.column if where else None,
        "status": anchor.status,
    }
