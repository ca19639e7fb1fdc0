"""``compare diff A B --format markdown``: two parties claim by claim, for a pull request.

Tables for what both address and what only one does; per shared claim a ``diff`` block that
GitHub colours, with the two summaries and quotes line by line and word by word
(``[-only in A-] {+only in B+}``, as ``git diff --word-diff`` writes it). Article text inside
a code block is not markdown, so only the fence needs guarding (``code_block``).
"""

from __future__ import annotations

from typing import IO

from comparator.compare import Position
from comparator.diffing import (
    RELATION_WORDS,
    OneSidedClaim,
    Party,
    PartyDiff,
    PositionPair,
    SharedClaim,
    describe,
    diff_parties,
    parties_from_options,
    quote_text,
    shares_words,
)
from comparator.quotes import format_word_diff
from comparator.render import RenderContext
from comparator.render.markdown_util import code_block, code_span, escape_cell, escape_inline, table
from comparator.render.style import ABSENT_WORDS, multi_source_outlets, source_label, stance_plain

BR = "<br>"


class _DiffReport:
    def __init__(self, context: RenderContext) -> None:
        assert context.result.corpus is not None
        self.shared_outlets = multi_source_outlets(context.result.corpus.sources)
        a, b = parties_from_options(context.options.parties)
        self.diff: PartyDiff = diff_parties(context.comparisons, a, b)

    def label(self, position: Position) -> str:
        return source_label(position.source, self.shared_outlets)

    def stances(self, positions: tuple[Position, ...], party: Party) -> str:
        """A party's stances in one cell; the source id when the party has several articles."""
        if len(party.sources) == 1:
            return BR.join(escape_inline(stance_plain(p.stance)) for p in positions) or " "
        return (
            BR.join(
                f"{escape_inline(stance_plain(p.stance))} ({escape_inline(p.source.id)})"
                for p in positions
            )
            or " "
        )

    def shared_table(self) -> str:
        a, b = self.diff.a, self.diff.b
        rows = []
        for item in self.diff.shared:
            relation = escape_inline(RELATION_WORDS[item.relation])
            if item.split:
                relation += " (split)"
            rows.append(
                [
                    escape_cell(item.topic.title),
                    code_span(item.claim.id, cell=True),
                    self.stances(item.a, a),
                    self.stances(item.b, b),
                    relation,
                ]
            )
        return table(["Topic", "Claim", escape_cell(a.name), escape_cell(b.name), "Relation"], rows)

    def pair_block(self, pair: PositionPair) -> str:
        """The two framings of one claim as a diff: summaries, then quotes, each word by word."""
        # One line each: a line break in a label or summary would forge a diff line.
        la, lb = (" ".join(self.label(p).split()) for p in (pair.a, pair.b))
        summary_a, summary_b = (" ".join(p.assertion.summary.split()) for p in (pair.a, pair.b))
        lines = ["@@ summary @@", f"- {la}: {summary_a}", f"+ {lb}: {summary_b}"]
        if shares_words(pair.summary_diff):
            lines += ["@@ summary, word by word @@", f"  {format_word_diff(pair.summary_diff)}"]
        lines += [
            "@@ quote @@",
            f"- {la}: “{quote_text(pair.a)}”",
            f"+ {lb}: “{quote_text(pair.b)}”",
        ]
        if shares_words(pair.quote_diff):
            lines += ["@@ quote, word by word @@", f"  {format_word_diff(pair.quote_diff)}"]
        return code_block("\n".join(lines), "diff")

    def shared_section(self, item: SharedClaim) -> list[str]:
        blocks = [f"### {escape_inline(item.topic.title)}: {escape_inline(item.claim.text)}"]
        for pair in item.pairs:
            blocks.append(
                f"**{escape_inline(RELATION_WORDS[pair.relation])}**: "
                f"{escape_inline(self.label(pair.a))} "
                f"({escape_inline(stance_plain(pair.a.stance))}) vs "
                f"{escape_inline(self.label(pair.b))} "
                f"({escape_inline(stance_plain(pair.b.stance))})"
            )
            blocks.append(self.pair_block(pair))
        return blocks

    def one_sided_table(self, items: tuple[OneSidedClaim, ...], party: Party, other: Party) -> str:
        rows = []
        for item in items:
            absent = BR.join(
                escape_inline(ABSENT_WORDS.get(status, status))
                + (f" ({escape_inline(sid)})" if len(other.sources) > 1 else "")
                for sid, status in item.other
            )
            rows.append(
                [
                    escape_cell(item.topic.title),
                    code_span(item.claim.id, cell=True),
                    escape_cell(item.claim.text),
                    self.stances(item.positions, party),
                    absent or " ",
                ]
            )
        return table(
            ["Topic", "Claim", "Text", escape_cell(party.name), escape_cell(other.name)], rows
        )

    def build(self) -> str:
        d = self.diff
        blocks = [
            f"# {escape_inline(d.a.name)} vs {escape_inline(d.b.name)}",
            f"Comparing {escape_inline(describe(d.a))} with "
            f"{escape_inline(describe(d.b))}: {escape_inline(d.summary())}.",
            "## Both address",
        ]
        if d.shared:
            blocks.append(self.shared_table())
            blocks.append(
                f"Word by word, `[-…-]` is only in {escape_inline(d.a.name)}'s text "
                f"and `{{+…+}}` only in {escape_inline(d.b.name)}'s."
            )
            for item in d.shared:
                blocks.extend(self.shared_section(item))
        else:
            blocks.append("No claim is addressed by both.")
        for party, other, items in ((d.a, d.b, d.only_a), (d.b, d.a, d.only_b)):
            blocks.append(f"## Only {escape_inline(party.name)} addresses")
            blocks.append(self.one_sided_table(items, party, other) if items else "No claim.")
        return "\n\n".join(blocks) + "\n"


def render(context: RenderContext, out: IO[str]) -> None:
    out.write(_DiffReport(context).build())
