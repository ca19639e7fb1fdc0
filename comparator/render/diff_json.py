"""``compare diff A B --format json``: the same claim-by-claim diff, for scripts.

Complete whatever the text shows: each shared claim lists every pair of articles with its
word diffs (``--all-pairs`` changes nothing here), with ``pair_counts`` (pairs per relation)
and ``by_outlet`` (A's then B's articles by outlet, with their stances counted); ``rivals``
lists every pair of rival answers. Word diffs are lists of ``[op, words]`` with op ``=``
(both), ``-`` (only A) or ``+`` (only B).
"""

from __future__ import annotations

import json
from typing import IO, Any

from comparator.diffing import WordDiff
from comparator.models import Party
from comparator.render.show_json import position_object
from comparator.views.diff import DiffView, OneSidedClaimView, SharedClaimView


def render(view: DiffView, out: IO[str]) -> None:
    json.dump(document(view), out, indent=2, ensure_ascii=False)
    out.write("\n")


def document(view: DiffView) -> dict[str, Any]:
    """The JSON document as Python data."""
    return {
        "a": _party(view.a),
        "b": _party(view.b),
        "counts": {c.relation.value: c.count for c in view.counts},
        "shared": [_shared(s) for s in view.shared],
        "only_a": [_one_sided(s) for s in view.only_a.claims],
        "only_b": [_one_sided(s) for s in view.only_b.claims],
        "rivals": [
            {
                "topic": r.topic.id,
                "relation": "rival",
                "claims": [r.a_claim.id, r.b_claim.id],
                "a": position_object(r.a.position),
                "b": position_object(r.b.position),
            }
            for r in view.every_rival
        ],
    }


def _party(party: Party) -> dict[str, Any]:
    return {"name": party.name, "kind": party.kind.value, "sources": list(party.sources)}


def _word_diff(diff: WordDiff) -> list[list[str]]:
    return [[run.op.value, run.words] for run in diff]


def _shared(item: SharedClaimView) -> dict[str, Any]:
    return {
        "topic": item.topic.id,
        "claim": item.claim.id,
        "text": item.claim.text,
        "verdict": item.verdict.value,
        "relation": item.relation.value,
        "split": item.split,
        "a": [position_object(s.position) for s in item.a],
        "b": [position_object(s.position) for s in item.b],
        "pair_counts": {c.relation.value: c.count for c in item.pair_counts},
        "by_outlet": [
            [
                {
                    "outlet": o.outlet,
                    "sources": [s.id for s in o.sources],
                    "said": [{"stance": s.stance.value, "count": s.count} for s in o.said],
                }
                for o in outlets
            ]
            for outlets in (item.a_outlets, item.b_outlets)
        ],
        "pairs": [
            {
                "a": p.a.position.source.id,
                "b": p.b.position.source.id,
                "relation": p.relation.value,
                "summary_diff": _word_diff(p.summary.diff),
                "quote_diff": _word_diff(p.quote.diff),
            }
            for p in item.every_pair()
        ],
    }


def _one_sided(item: OneSidedClaimView) -> dict[str, Any]:
    return {
        "topic": item.topic.id,
        "claim": item.claim.id,
        "text": item.claim.text,
        "positions": [position_object(s.position) for s in item.positions],
        "other": [{"source": a.source, "coverage": a.coverage.value} for a in item.absences],
    }
