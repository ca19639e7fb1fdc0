"""How often ``compare suggest`` offers the sentence an analyst quoted: recall at 3 and at 10.

On a corpus (the bundled one by default), every position with quotes (one assertion: a source's
position on a claim) is a question: when ``compare suggest TOPIC --source SOURCE`` is asked, at
which rank does it first offer a sentence that holds one of the position's recorded quotes?
A quote counts whether the article says it in its own voice or relays it in a report (both are
what an analyst had to find). A sentence "holds" a quote when it overlaps the quote's place in
the article, as ``compare check`` anchors it. Two ranks are taken for each position:

- any claim: the first such sentence, whatever claim ``suggest`` says it bears on;
- its claim: the first such sentence that ``suggest`` puts under the position's own claim;
- or also: the same, counting a claim ``suggest`` says the sentence may also bear on.

Recall at k is the share of positions whose rank is at most k. The program runs ``suggest``
in-process through its command line (``--format json``), so it measures what a user gets.

    python bench/recall.py [-a assertions.yaml] [--json OUT] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPTH = 50  # the most suggestions the command line offers (--limit's maximum)


@dataclass(frozen=True)
class Position:
    topic: str
    source: str
    claim: str
    assertion: str
    quotes: int
    #: 1-based rank of the first suggestion holding one of the quotes; 0 when none of DEPTH.
    rank_any: int
    #: The same, counting only suggestions put under the position's own claim.
    rank_claim: int
    #: The same, counting also the claims a suggestion "may also bear on".
    rank_also: int


def _spans(
    assertions_path: Path,
) -> dict[tuple[str, str], list[tuple[str, str, list[tuple[int, int]]]]]:
    """For each (topic, source): its positions as (assertion id, claim, quote spans)."""
    from comparator.check import verify
    from comparator.loader import load_corpus

    loaded = load_corpus(assertions_path)
    result = verify(loaded.corpus, loaded.findings, lints=False, keep_texts=True)
    assert result.corpus is not None
    out: dict[tuple[str, str], list[tuple[str, str, list[tuple[int, int]]]]] = {}
    for topic in result.corpus.topics:
        for assertion in topic.assertions:
            spans = []
            for key, _ in assertion.quoted():
                anchor = result.anchors.get(key)
                if anchor is not None and anchor.found:
                    spans.append((anchor.start, anchor.end))
            if spans:
                out.setdefault((topic.id, assertion.source), []).append(
                    (assertion.id, assertion.claim, spans)
                )
    return out


def _sentence_spans(folder: Path, file: str) -> dict[tuple[int, int], tuple[int, int]]:
    """(line, column) of each sentence of an article -> its (start, end) offsets."""
    from comparator.wording import split_sentences

    text = (folder / file).read_bytes().decode("utf-8-sig")
    return {(s.line, s.column): (s.start, s.end) for s in split_sentences(text)}


def measure(assertions_path: Path) -> list[Position]:
    from typer.testing import CliRunner

    from comparator.cli import app

    runner = CliRunner()
    positions = []
    for (topic, source), wanted in sorted(_spans(assertions_path).items()):
        result = runner.invoke(
            app,
            [
                "suggest",
                topic,
                "--source",
                source,
                "--limit",
                str(DEPTH),
                "--format",
                "json",
                "-a",
                str(assertions_path),
            ],
        )
        if result.exit_code != 0:
            raise SystemExit(f"suggest {topic} --source {source} failed:\n{result.output}")
        document = json.loads(result.stdout)
        offsets = _sentence_spans(assertions_path.parent, _file_of(document))
        offered = []
        for item in document["suggestions"]:
            span = offsets.get((item["line"], item["column"]))
            if span is None:
                raise SystemExit(f"no sentence at {item['file']}:{item['line']}:{item['column']}")
            also = {m["claim"] for m in item.get("also", ())}
            offered.append((span, item["claim"], also))
        for assertion_id, claim, spans in wanted:
            rank_any = rank_claim = rank_also = 0
            for rank, ((start, end), said, also) in enumerate(offered, start=1):
                holds = any(s < end and start < e for s, e in spans)
                if holds and not rank_any:
                    rank_any = rank
                if holds and said == claim and not rank_claim:
                    rank_claim = rank
                if holds and (said == claim or claim in also) and not rank_also:
                    rank_also = rank
            positions.append(
                Position(
                    topic, source, claim, assertion_id, len(spans), rank_any, rank_claim, rank_also
                )
            )
    return positions


def _file_of(document: dict[str, object]) -> str:
    return str(document["file"])


def recall(ranks: list[int], k: int) -> float:
    return sum(1 for r in ranks if 0 < r <= k) / len(ranks) if ranks else 0.0


def summary(positions: list[Position]) -> dict[str, object]:
    kinds = {
        "any claim": [p.rank_any for p in positions],
        "its claim": [p.rank_claim for p in positions],
        "or also": [p.rank_also for p in positions],
    }
    out: dict[str, object] = {"positions": len(positions)}
    for kind, ranks in kinds.items():
        out[kind] = {f"recall@{k}": recall(ranks, k) for k in (1, 3, 10)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-a", "--assertions", type=Path, default=ROOT / "assertions.yaml")
    parser.add_argument("--json", type=Path, help="also write every position's ranks here")
    parser.add_argument("--misses", action="store_true", help="list positions not in the top 10")
    args = parser.parse_args()
    positions = measure(args.assertions.resolve())
    figures = summary(positions)
    print(f"{figures['positions']} positions with quotes (own and reported quotes count)")
    for kind in ("any claim", "its claim", "or also"):
        shares = figures[kind]
        assert isinstance(shares, dict)
        print(
            f"  {kind:9}  recall@1 {shares['recall@1']:.0%}  recall@3 {shares['recall@3']:.0%}"
            f"  recall@10 {shares['recall@10']:.0%}"
        )
    if args.misses:
        for p in positions:
            if not 0 < p.rank_claim <= 10:
                print(
                    f"  miss: {p.assertion} (rank any {p.rank_any or '-'}, "
                    f"its claim {p.rank_claim or '-'})"
                )
    if args.json:
        args.json.write_text(
            json.dumps({"summary": figures, "positions": [asdict(p) for p in positions]}, indent=2)
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
