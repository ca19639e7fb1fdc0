"""``compare report --format json``: the whole report as one JSON document, for scripts.

The same content as the markdown report (sources, summary grid, contradictions, every topic);
each topic is exactly what ``compare TOPIC --format json`` shows (``show_json``). Deterministic
like the markdown: same corpus, same bytes.
"""

from __future__ import annotations

import json
from typing import IO, Any

from comparator.compare import TopicComparison
from comparator.diffing import contested
from comparator.models import Source
from comparator.render import RenderContext
from comparator.render.show_json import topic_object


def source_document(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "outlet": source.outlet,
        "outlet_name": source.outlet_name,
        "title": source.title,
        "authors": list(source.authors),
        "published": source.published,
        "via": source.via,
        "url": source.url,
        "file": source.file,
    }


def grid_document(comparisons: tuple[TopicComparison, ...]) -> list[dict[str, Any]]:
    """The summary grid: per claim, every source's stance, or why it has none ("silent",
    "unreviewed", or "no-position" when it addresses the topic but not this claim)."""
    rows = []
    for comparison in comparisons:
        for claim in comparison.claims:
            cells = {}
            for source in comparison.sources:
                position = claim.position(source.id)
                if position is not None:
                    cells[source.id] = position.stance.value
                else:
                    coverage = comparison.coverage(source.id)
                    cells[source.id] = "no-position" if coverage == "covered" else coverage
            rows.append(
                {
                    "topic": comparison.topic.id,
                    "claim": claim.claim.id,
                    "verdict": claim.verdict.value,
                    "stances": cells,
                }
            )
    return rows


def render(context: RenderContext, out: IO[str]) -> None:
    corpus = context.result.corpus
    assert corpus is not None
    document = {
        "generated_by": "compare report",
        "corpus": corpus.path.name,
        "sources": [source_document(s) for s in corpus.sources],
        "outlets": list(corpus.outlets),
        "summary": grid_document(context.comparisons),
        "contradictions": [
            {
                "topic": s.topic.id,
                "claim": s.claim.claim.id,
                "text": s.claim.claim.text,
                "for": [p.source.id for p in s.for_],
                "against": [p.source.id for p in s.against],
                "divided_outlets": list(s.divided_outlets),
            }
            for s in contested(context.comparisons)
        ],
        "topics": [topic_object(c) for c in context.comparisons],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
