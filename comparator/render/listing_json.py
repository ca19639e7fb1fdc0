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

from comparator.views.listing import SourcesView, TopicsView


def render_topics(model: TopicsView, out: IO[str]) -> None:
    _dump(topics_document(model), out)


def render_sources(model: SourcesView, out: IO[str]) -> None:
    _dump(sources_document(model), out)


def _dump(document: Any, out: IO[str]) -> None:
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")


def topics_document(model: TopicsView) -> list[dict[str, Any]]:
    return [
        {
            "topic": line.topic.id,
            "title": line.topic.title,
            "question": line.topic.question,
            "keywords": list(line.topic.keywords),
            "claims": [
                {
                    "id": c.claim.id,
                    "text": c.claim.text,
                    "verdict": c.verdict.value,
                    "positions": c.positions,
                }
                for c in line.claims
            ],
            "sources": {group.reach.value: list(group.ids) for group in line.groups},
            "verdicts": {verdict.value: n for verdict, n in line.verdicts},
        }
        for line in model.topics
    ]


def sources_document(model: SourcesView) -> list[dict[str, Any]]:
    return [
        {
            "source": line.source.id,
            "outlet": line.source.outlet,
            "outlet_name": line.source.outlet_name,
            "title": line.source.title,
            "authors": list(line.source.authors),
            "published": line.source.published,
            "via": line.source.via,
            "url": line.source.url,
            "file": line.source.file,
            "positions": line.positions,
            "topics": {group.coverage.value: list(group.ids) for group in line.topics},
        }
        for line in model.sources
    ]
