"""``compare voices --format json``: the reported voices, for scripts.

An array, one object per voice in the order of ``voices:``::

    [{"voice", "name", "role", "kind",
      "treatments": {"endorses": [labels], "relays": [labels], "questions": [labels]},
      "divided": bool,                       # some article endorses it, another questions it
      "reports": [{"topic", "claim", "source", "outlet", "stance", "score", "treatment",
                   "own_stance",             # the article's own stance on the claim, or null
                   "quotes": [{"text", "file", "line", "column", "status"}]}]}]
"""

from __future__ import annotations

import json
from typing import IO, Any

from comparator.render.show_json import quote_object
from comparator.views.voices import VoiceEntry, VoicesView


def render(model: VoicesView, out: IO[str]) -> None:
    json.dump([voice_object(v) for v in model.voices], out, indent=2, ensure_ascii=False)
    out.write("\n")


def voice_object(entry: VoiceEntry) -> dict[str, Any]:
    voice = entry.voice
    given = dict(entry.treatments)
    return {
        "voice": voice.id,
        "name": voice.name,
        "role": voice.role,
        "kind": voice.kind.value if voice.kind is not None else None,
        "treatments": {t.value: list(given.get(t, ())) for t in given},
        "divided": entry.divided,
        "reports": [
            {
                "topic": r.topic.id,
                "claim": r.claim.id,
                "source": r.source.id,
                "outlet": r.source.outlet,
                "stance": r.stance.value,
                "score": r.stance.score,
                "treatment": r.treatment.value,
                "own_stance": r.own.value if r.own is not None else None,
                "quotes": [quote_object(e) for e in r.evidence],
            }
            for r in entry.reports
        ],
    }
