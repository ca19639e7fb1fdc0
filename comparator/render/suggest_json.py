"""``compare suggest --format json``: the ranked sentences and how to record them, for scripts.

``{"topic", "source", "file", "sentences", "suggestions": [{"rank", "score", "file", "line",
"column", "sentence", "claim", "claim_words", "evidence_words", "also", "matched", "cues":
{"negation", "hedge", "attribution"}, "occurrences", "quoted_by", "recorded_by", "add"}],
"add_silent", "listed_silent"}``:
``claim`` is null when the sentence shares only keywords with the topic; ``claim_words``
are the claim's words it holds, ``evidence_words`` those it shares with other sources' quotes
on the claim; ``also`` other claims it bears on nearly as much (``claim``, ``claim_words``,
``evidence_words`` each); ``quoted_by`` is
null when no assertion quotes the sentence yet, ``recorded_by`` when no assertion states the
source's own stance on the claim; ``add`` is the argv of the ``compare add`` line (its stance
the literal ``STANCE``, for the analyst to replace), null when ``recorded_by`` is not (add
refuses a second stance: the quote goes into that assertion by hand); ``add_silent`` is the
argv recording the source as silent when no sentence bears on the topic, else null;
``listed_silent`` whether the topic already lists the source as silent.
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
                **({"page": s.location.page} if s.location.page else {}),
                "sentence": s.sentence.text,
                "claim": s.claim or None,
                "claim_words": list(s.claim_words),
                "evidence_words": list(s.evidence_words),
                "also": [
                    {
                        "claim": m.claim,
                        "claim_words": list(m.claim_words),
                        "evidence_words": list(m.evidence_words),
                    }
                    for m in s.also
                ],
                "matched": list(s.matched),
                "cues": {kind: list(found) for kind, found in s.cues.items()},
                "occurrences": s.occurrences,
                "quoted_by": s.quoted_by,
                "recorded_by": s.recorded_by,
                "add": list(s.add) if s.add is not None else None,
            }
            for s in result.suggestions
        ],
        "add_silent": list(result.add_silent) if result.add_silent else None,
        "listed_silent": result.listed_silent,
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
