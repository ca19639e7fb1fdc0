"""``compare matrix --format json``: the stance grid and the outlet pair counts, for scripts.

One object::

    {"outlets": [{"outlet", "sources": [ids]}],
     "grid": [{"topic", "title", "claims": [claim ids],
               "cells": [{"outlet",
                          "sources": [{"source", "status",        # covered|silent|unreviewed
                                       "stances": {claim id: stance or null},
                                       "reports": {claim id: [{"voice", "stance",
                                                               "treatment"}]}}]}]}],
     "pairs": [{"a", "b", "agree", "agree_different_certainty", "contradict", "diverge",
                "rival", "shared"}]}

``pairs`` holds every pair of outlets once (``a`` before ``b`` in corpus order) plus, for an
outlet with several articles, the pair of the outlet with itself: how its own articles
relate. Counts are over every claim of every topic, one per pair of articles, and only over the
articles' own stances; ``rival`` is how many of ``contradict`` are rival answers (two articles
each giving its own claim of a topic's rival group). ``stances`` is an article's own voice
(null when it only reports others there), ``reports`` the voices it reports, by claim (claims
without any are left out).
"""

from __future__ import annotations

import json
from typing import IO, Any

from comparator.views.matrix import MatrixTopic, MatrixView


def render(model: MatrixView, out: IO[str]) -> None:
    json.dump(document(model), out, indent=2, ensure_ascii=False)
    out.write("\n")


def _cells(topic: MatrixTopic, model: MatrixView) -> list[dict[str, Any]]:
    return [
        {
            "outlet": column.outlet,
            "sources": [
                {
                    "source": article.source.id,
                    "status": article.coverage.value,
                    "stances": {
                        claim.id: (mark.stance.value if mark.stance is not None else None)
                        for claim, mark in zip(topic.claims, article.marks, strict=True)
                    },
                    "reports": {
                        claim.id: [
                            {
                                "voice": r.voice_id,
                                "stance": r.stance.value,
                                "treatment": r.treatment.value,
                            }
                            for r in mark.reports
                        ]
                        for claim, mark in zip(topic.claims, article.marks, strict=True)
                        if mark.reports
                    },
                }
                for article in topic.cell(index)
            ],
        }
        for index, column in enumerate(model.columns)
    ]


def document(model: MatrixView) -> dict[str, Any]:
    return {
        "outlets": [
            {"outlet": c.outlet, "sources": [s.id for s in c.sources]} for c in model.columns
        ],
        "grid": [
            {
                "topic": t.topic.id,
                "title": t.topic.title,
                "claims": [claim.id for claim in t.claims],
                "cells": _cells(t, model),
            }
            for t in model.topics
        ],
        "pairs": [
            {
                "a": t.a,
                "b": t.b,
                "agree": t.agree,
                "agree_different_certainty": t.agree_different_certainty,
                "contradict": t.contradict,
                "rival": t.rival,
                "diverge": t.diverge,
                "shared": t.shared,
            }
            for t in model.pairs
        ],
    }
