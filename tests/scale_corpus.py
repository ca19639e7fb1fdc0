"""A generated corpus with many articles per outlet, for the views that must scale: every
article takes a position on one contested claim (stances in turn, so every outlet is divided),
and two thirds of them give one of two rival answers. Small enough for a test, large enough
that the pairs outnumber the positions."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_corpus

STANCES = ("affirms", "denies", "neutral", "suggests", "doubts")


def source_ids(outlets: int, per_outlet: int) -> list[str]:
    return [f"o{j}-s{i}" for j in range(outlets) for i in range(per_outlet)]


def write_scale_corpus(folder: Path, *, outlets: int = 3, per_outlet: int = 4) -> Path:
    """The corpus in ``folder``; returns its assertions.yaml."""
    sources, assertions, texts = [], [], {}
    for index, sid in enumerate(source_ids(outlets, per_outlet)):
        outlet = f"O{sid.split('-')[0][1:]}"
        sources.append(f"  {sid}: {{outlet: {outlet}, title: T {sid}, file: seeds/{sid}.txt}}")
        texts[f"seeds/{sid}.txt"] = (
            f"Article {sid} weighs the claim in its own words. "
            f"Article {sid} gives its answer to the question.\n"
        )
        stance = STANCES[index % len(STANCES)]
        assertions.append(
            f"      - {{id: {sid}-c, source: {sid}, claim: c, stance: {stance}, "
            f"summary: Article {sid} {stance} the claim., "
            f"quotes: ['Article {sid} weighs the claim in its own words']}}"
        )
        if index % 3 < 2:
            answer = ("status", "spoiler")[index % 3]
            assertions.append(
                f"      - {{id: {sid}-{answer}, source: {sid}, claim: {answer}, "
                f"stance: affirms, summary: Article {sid} answers {answer}., "
                f"quotes: ['Article {sid} gives its answer to the question']}}"
            )
    yaml = (
        "version: 2\nsources:\n" + "\n".join(sources) + "\ntopics:\n  t:\n"
        "    title: Scale\n    question: Does it scale?\n"
        "    claims:\n      c: The claim.\n      status: One answer.\n      spoiler: Another.\n"
        "    rivals:\n      - [status, spoiler]\n"
        "    assertions:\n" + "\n".join(assertions) + "\n"
    )
    return write_corpus(folder, yaml, texts)
