"""``compare matrix --format json``: the stance grid and the outlet pair counts, for scripts.

One object::

    {"outlets": [{"outlet", "sources": [ids]}],
     "grid": [{"topic", "title", "claims": [claim ids],
               "cells": [{"outlet",
                          "sources": [{"source", "status",        # covered|silent|unreviewed
                                       "stances": {claim id: stance or null}}]}]}],
     "pairs": [{"a", "b", "agree", "agree_different_certainty", "contradict", "diverge",
                "shared"}]}

``pairs`` holds every pair of outlets once (``a`` before ``b`` in corpus order) plus, for an
outlet with several articles, the pair of the outlet with itself: how its own articles
relate. Counts are over every claim of every topic, one per pair of articles.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from comparator.compare import outlet_pairs
from comparator.render import RenderContext

if TYPE_CHECKING:
    from comparator.compare import TopicComparison


def render(context: RenderContext, out: IO[str]) -> None:
    json.dump(document(context), out, indent=2, ensure_ascii=False)
    out.write("\n")


def outlets_of(context: RenderContext) -> list[tuple[str, tuple[str, ...]]]:
    """(outlet, source ids) in corpus order."""
    corpus = context.result.corpus
    if corpus is None:
        return []
    return [(o, tuple(s.id for s in corpus.sources if s.outlet == o)) for o in corpus.outlets]


def _cell(comparison: TopicComparison, outlet: str) -> dict[str, Any]:
    sources = []
    for source in comparison.sources_of(outlet):
        stances = comparison.stances_of(source.id)
        sources.append(
            {
                "source": source.id,
                "status": comparison.coverage(source.id),
                "stances": {
                    c.claim.id: (s.value if s is not None else None)
                    for c, s in zip(comparison.claims, stances, strict=True)
                },
            }
        )
    return {"outlet": outlet, "sources": sources}


def document(context: RenderContext) -> dict[str, Any]:
    outlets = outlets_of(context)
    return {
        "outlets": [{"outlet": o, "sources": list(ids)} for o, ids in outlets],
        "grid": [
            {
                "topic": c.topic.id,
                "title": c.topic.title,
                "claims": [claim.claim.id for claim in c.claims],
                "cells": [_cell(c, o) for o, _ in outlets],
            }
            for c in context.comparisons
        ],
        "pairs": [
            {
                "a": t.a,
                "b": t.b,
                "agree": t.agree,
                "agree_different_certainty": t.agree_different_certainty,
                "contradict": t.contradict,
                "diverge": t.diverge,
                "shared": t.shared,
            }
            for t in outlet_pairs(context.comparisons)
        ],
    }
