"""A hostile corpus for the near-miss search: quotes no one would write, over articles no one
would save, each of which once made ``compare check`` take minutes.

- a quote of 1,000 words and one of 4,000, neither in the text;
- a quote of 1 MB;
- a short quote over an article of one repeated word (2 MB of "a ").

``compare check`` must stay within a few times its floor on it (bench/run.py, "hostile");
tests/test_quotes.py uses the same corpus to check the search stays bounded.

    python bench/hostile.py FOLDER
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

#: Ordinary prose for the ordinary article: the words of a seed article, drawn with a seed.
_SEED_ARTICLE = Path(__file__).resolve().parent.parent / "seeds" / "cradle.txt"
_WORDS = tuple(_SEED_ARTICLE.read_text(encoding="utf-8").split())
#: Bumped whenever the corpus written changes, so bench/run.py makes it again.
HOSTILE_VERSION = 1
REPEATED_BYTES = 2 * 1024 * 1024
QUOTE_BYTES = 1024 * 1024


def _prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def write_hostile_corpus(folder: Path, seed: int = 1, *, ordinary: bool = False) -> Path:
    """Lay the hostile corpus out in ``folder``; returns its assertions.yaml.

    ``ordinary`` writes the same articles with quotes that are found instead: the baseline
    that shows what the hostile quotes themselves cost.
    """
    rng = random.Random(seed)
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    lines = [_prose(rng, 12) + "." for _ in range(400)]
    (seeds / "prose.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (seeds / "repeated.txt").write_text("a " * (REPEATED_BYTES // 2), encoding="utf-8")
    # Words the text never has, so none of these quotes is found anywhere.
    strange = [f"zq{n}x" for n in range(50)]

    def missing(words: int) -> str:
        return " ".join(
            rng.choice(strange) if n % 7 == 0 else rng.choice(_WORDS) for n in range(words)
        )

    huge = missing(QUOTE_BYTES // 6)[:QUOTE_BYTES]
    quotes = {
        "prose": [" ".join(lines[1].split()[:8]), " ".join(lines[2].split()[:9])],
        "repeated": ["a a a a a", "a a a a a a"],
    }
    if not ordinary:
        quotes = {
            "prose": [missing(1000), missing(4000), huge],
            "repeated": ["a a a b", "a a a a a a a a a a b c", "b c d e f g"],
        }
    out = [
        "version: 1",
        "sources:",
        *(
            f"  {sid}:\n    outlet: {sid.title()}\n    title: {sid}\n    file: seeds/{sid}.txt"
            for sid in quotes
        ),
        "topics:",
        "  hostile:",
        "    title: Hostile quotes",
        "    question: Does the near-miss search stay bounded?",
        "    claims:",
        "      bounded: The search stays bounded.",
        "    assertions:",
    ]
    for sid, texts in quotes.items():
        out += [
            f"      - id: hostile-{sid}",
            f"        source: {sid}",
            "        claim: bounded",
            "        stance: affirms",
            "        summary: Quotes that are not in the text.",
            "        quotes:",
            *("          - '" + quote.replace("'", "''") + "'" for quote in texts),
        ]
    path = folder / "assertions.yaml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_hostile_corpus(Path(sys.argv[1])))
