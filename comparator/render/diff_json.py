"""``compare diff A B --format json``: the same claim-by-claim diff, for scripts.

Word diffs are lists of ``[op, words]`` with op ``=`` (both), ``-`` (only A) or ``+`` (only B).
"""

from __future__ import annotations

import json
from typing import IO, Any

from comparator.diffing import (
    OneSidedClaim,
    Party,
    SharedClaim,
    diff_parties,
    parties_from_options,
)
from comparator.render import RenderContext
from comparator.render.show_json import position_object as position_document


def _party(party: Party) -> dict[str, Any]:
    return {"name": party.name, "kind": party.kind, "sources": list(party.sources)}


def _shared(item: SharedClaim) -> dict[str, Any]:
    return {
        "topic": item.topic.id,
        "claim": item.claim.id,
        "text": item.claim.text,
        "verdict": item.verdict.value,
        "relation": item.relation.value,
        "split": item.split,
        "a": [position_document(p) for p in item.a],
        "b": [position_document(p) for p in item.b],
        "pairs": [
            {
                "a": p.a.source.id,
                "b": p.b.source.id,
                "relation": p.relation.value,
                "summary_diff": [list(op) for op in p.summary_diff],
                "quote_diff": [list(op) for op in p.quote_diff],
            }
            for p in item.pairs
        ],
    }


def _one_sided(item: OneSidedClaim) -> dict[str, Any]:
    return {
        "topic": item.topic.id,
        "claim": item.claim.id,
        "text": item.claim.text,
        "positions": [position_document(p) for p in item.positions],
        "other": [{"source": sid, "coverage": status} for sid, status in item.other],
    }


def render(context: RenderContext, out: IO[str]) -> None:
    a, b = parties_from_options(context.options.parties)
    diff = diff_parties(context.comparisons, a, b)
    document = {
        "a": _party(a),
        "b": _party(b),
        "counts": {r.value: n for r, n in diff.counts().items()},
        "shared": [_shared(s) for s in diff.shared],
        "only_a": [_one_sided(s) for s in diff.only_a],
        "only_b": [_one_sided(s) for s in diff.only_b],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
