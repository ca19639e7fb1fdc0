"""``compare topics|sources --format json``: what the corpus holds, for scripts.

``topics`` is an array, one object per topic in file order::

    {"topic", "title", "question", "keywords": [...],
     "claims": [{"id", "text", "verdict", "positions"}],   # positions: how many
     "sources": {"covering": [ids], "silent": [ids], "unreviewed": [ids]},
     "verdicts": {"consensus", "contested", "mixed", "single-source", "unaddressed"}}

A claim no source takes a position on has the verdict "unaddressed".

``sources`` is an array, one object per article in file order (outlets stay together as the
file lists them)::

    {"source", "outlet", "outlet_name", "title", "authors": [...], "published", "via", "url",
     "file", "positions",                                   # how many claims it takes a position on
     "topics": {"covered": [ids], "silent": [ids], "unreviewed": [ids]}}
"""

from __future__ import annotations

import json
from typing import IO, Any

from comparator.compare import topic_coverage
from comparator.render import RenderContext
from comparator.render.style import verdict_tally


def render_topics(context: RenderContext, out: IO[str]) -> None:
    _dump(topics_document(context), out)


def render_sources(context: RenderContext, out: IO[str]) -> None:
    _dump(sources_document(context), out)


def _dump(document: Any, out: IO[str]) -> None:
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")


def topics_document(context: RenderContext) -> list[dict[str, Any]]:
    topics = []
    for comparison in context.comparisons:
        topic = comparison.topic
        topics.append(
            {
                "topic": topic.id,
                "title": topic.title,
                "question": topic.question,
                "keywords": list(topic.keywords),
                "claims": [
                    {
                        "id": c.claim.id,
                        "text": c.claim.text,
                        "verdict": c.verdict.value,
                        "positions": len(c.positions),
                    }
                    for c in comparison.claims
                ],
                "sources": {
                    "covering": list(comparison.covering),
                    "silent": list(comparison.silent),
                    "unreviewed": list(comparison.unreviewed),
                },
                "verdicts": verdict_tally(comparison.claims),
            }
        )
    return topics


def sources_document(context: RenderContext) -> list[dict[str, Any]]:
    corpus = context.result.corpus
    sources = corpus.sources if corpus is not None else ()
    out = []
    for source in sources:
        positions = sum(
            1
            for c in context.comparisons
            for claim in c.claims
            if claim.position(source.id) is not None
        )
        out.append(
            {
                "source": source.id,
                "outlet": source.outlet,
                "outlet_name": source.outlet_name,
                "title": source.title,
                "authors": list(source.authors),
                "published": source.published,
                "via": source.via,
                "url": source.url,
                "file": source.file,
                "positions": positions,
                "topics": {
                    k: list(v) for k, v in topic_coverage(context.comparisons, source.id).items()
                },
            }
        )
    return out
