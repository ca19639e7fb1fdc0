"""``compare suggest --format json``: the ranked sentences and their stubs, for scripts.

``{"topic", "source", "file", "sentences", "suggestions": [{"rank", "score", "file", "line",
"column", "sentence", "claim", "matched", "cues": {"negation", "hedge", "attribution"},
"occurrences", "quoted_by", "stub"}]}``; ``quoted_by`` is null when no assertion quotes it yet.
"""

from __future__ import annotations

import json
from typing import IO

from comparator.suggest import SuggestResult


def render(result: SuggestResult, out: IO[str]) -> None:
    document = {
        "topic": result.topic.id,
        "source": result.source.id,
        "file": result.file,
        "sentences": result.sentences,
        "suggestions": [
            {
                "rank": s.rank,
                "score": s.score,
                "file": s.location.file,
                "line": s.location.line,
                "column": s.location.column,
                "sentence": s.sentence.text,
                "claim": s.claim,
                "matched": list(s.matched),
                "cues": {kind: list(found) for kind, found in s.cues.items()},
                "occurrences": s.occurrences,
                "quoted_by": s.quoted_by,
                "stub": s.stub,
            }
            for s in result.suggestions
        ],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
