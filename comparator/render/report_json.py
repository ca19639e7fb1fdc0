"""``compare report --format json``: the whole report as one JSON document, for scripts.

The same content as the markdown report (sources, summary grid, contradictions and rival
answers, every topic); each topic is exactly what ``compare TOPIC --format json`` shows
(``show_json``). Deterministic like the markdown: same corpus, same bytes.
"""

from __future__ import annotations

import json
from typing import IO, Any

from comparator.models import Source
from comparator.render.show_json import answers_object, topic_object
from comparator.views.common import Mark
from comparator.views.report import ReportView


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


def _mark(mark: Mark) -> str:
    """A stance, or why there is none ("no-position", "silent", "unreviewed", "unknown")."""
    if mark.stance is not None:
        return mark.stance.value
    assert mark.absence is not None
    return mark.absence.value


def grid_document(model: ReportView) -> list[dict[str, Any]]:
    """The summary grid: per claim, every source's stance, or why it has none."""
    return [
        {
            "topic": row.topic.id,
            "claim": row.claim.id,
            "verdict": row.verdict.value,
            "stances": {m.source.id: _mark(m) for m in row.marks},
        }
        for row in model.summary()
    ]


def render(model: ReportView, out: IO[str]) -> None:
    document = {
        "generated_by": "compare report",
        "corpus": model.corpus_name,
        "sources": [source_document(s) for s in model.sources],
        "outlets": list(model.outlets),
        "summary": grid_document(model),
        "contradictions": [
            {
                "topic": s.topic.id,
                "claim": s.claim.claim.id,
                "text": s.claim.claim.text,
                "for": [p.source.id for p in s.for_],
                "against": [p.source.id for p in s.against],
                "divided_outlets": list(s.divided_outlets),
            }
            for s in model.headlines
        ],
        "rival_answers": [
            {"topic": r.topic.id, **answers_object(r.group)} for r in model.rival_headlines
        ],
        "topics": [topic_object(t.shown) for t in model.topics()],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
